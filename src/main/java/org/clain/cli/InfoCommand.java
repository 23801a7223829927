package org.clain.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.clain.dicom.DicomException;
import org.clain.geom.Vec3;
import org.clain.study.Instance;
import org.clain.study.PresentationState;
import org.clain.study.Scanner;
import org.clain.study.Segmentation;
import org.clain.study.Series;
import org.clain.study.Skipped;
import org.clain.study.SliceHeader;
import org.clain.study.SliceStack;
import org.clain.study.SrDocument;
import org.clain.study.StandardizedUptake;
import org.clain.study.StructureSet;
import org.clain.study.StudyIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "info", description = "List instances, series (geometry, spacing, warnings) and skipped files.")
public final class InfoCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "files, folders or DICOMDIRs")
    List<Path> paths;

    @Option(names = "--json", description = "one JSON document on stdout")
    boolean json;

    @Override
    public Integer call() throws Exception {
        for (Path p : paths) {
            if (!Files.exists(p)) {
                System.err.println("clain: " + p + ": no such file or folder");
                return 1;
            }
        }
        StudyIndex index = Scanner.scan(paths);
        ObjectNode root = Json.object();
        ArrayNode instances = root.putArray("instances");
        for (Instance i : index.instances()) {
            ObjectNode o = instances.addObject();
            o.put("path", i.path().toString());
            o.put("sopClassUid", i.sopClassUid());
            o.put("transferSyntaxUid", i.transferSyntaxUid());
            o.put("rows", i.rows());
            o.put("columns", i.columns());
            o.put("frames", i.frames());
            o.put("bitsAllocated", i.bitsAllocated());
            o.put("bitsStored", i.bitsStored());
            o.put("pixelRepresentation", i.pixelRepresentation());
            o.put("photometric", i.photometric());
            o.put("status", i.warnings().isEmpty() ? "ok" : "ok-with-warnings");
            o.putNull("error");
            ArrayNode w = o.putArray("warnings");
            i.warnings().forEach(w::add);
        }
        ArrayNode series = root.putArray("series");
        for (Series s : index.series()) {
            List<SliceStack> stacks = s.stacks();
            for (int k = 0; k < stacks.size(); k++) {
                SliceStack st = stacks.get(k);
                SliceHeader f = st.slices().get(0);
                ObjectNode o = series.addObject();
                o.put("seriesInstanceUid", s.seriesInstanceUid());
                o.put("stack", k);
                o.put("localizer", st.isLocalizer());
                o.put("modality", s.modality());
                o.put("description", s.description());
                o.put("slices", st.size());
                o.put("rows", f.rows());
                o.put("columns", f.columns());
                o.set("pixelSpacing", Json.array(f.rowSpacing(), f.columnSpacing()));
                o.put("pixelSpacingSource", f.spacingSource().name().toLowerCase(Locale.ROOT));
                o.put("sliceSpacing", st.sliceSpacing());
                if (f.hasGeometry()) {
                    Vec3 r = f.rowDirection();
                    Vec3 c = f.columnDirection();
                    Vec3 origin = st.voxelToPatient().column(3);
                    o.set("orientation", Json.array(r.x(), r.y(), r.z(), c.x(), c.y(), c.z()));
                    o.set("origin", Json.array(origin.x(), origin.y(), origin.z()));
                } else {
                    o.putNull("orientation");
                    o.putNull("origin");
                }
                o.put("uniformSpacing", st.uniformSpacing());
                if (k == 0 && "SEG".equals(s.modality())) {
                    segments(o, s);
                }
                if ("PT".equals(s.modality())) {
                    StandardizedUptake suv = StandardizedUptake.of(st);
                    ObjectNode sn = o.putObject("suvBw");
                    sn.put("available", suv.available());
                    if (suv.available()) {
                        sn.put("factor", suv.factor());
                    }
                    sn.put("basis", suv.basis());
                }
                ArrayNode w = o.putArray("warnings");
                st.warnings().forEach(w::add);
            }
        }
        ArrayNode structureSets = root.putArray("structureSets");
        for (Instance in : index.instances()) {
            if (StructureSet.isStructureSet(in)) {
                structureSet(structureSets.addObject(), in);
            }
        }
        ArrayNode presentationStates = root.putArray("presentationStates");
        for (Instance in : index.instances()) {
            if (PresentationState.isPresentationState(in)) {
                presentationState(presentationStates.addObject(), in);
            }
        }
        ArrayNode reports = root.putArray("reports");
        for (Instance in : index.instances()) {
            if (SrDocument.isStructuredReport(in)) {
                report(reports.addObject(), in);
            }
        }
        ArrayNode skipped = root.putArray("skipped");
        for (Skipped sk : index.skipped()) {
            ObjectNode o = skipped.addObject();
            o.put("path", sk.path().toString());
            o.put("reason", sk.reason());
        }
        if (json) {
            System.out.println(Json.pretty(root));
        } else {
            System.out.printf("%d instance(s), %d series, %d skipped%n", index.instances().size(),
                    index.series().size(), index.skipped().size());
            for (var s : root.get("series")) {
                System.out.printf("  %s %-30s %4d slices %dx%d spacing %.3f mm%s%n", s.get("modality").asText(),
                        s.get("description").asText(), s.get("slices").asInt(), s.get("columns").asInt(),
                        s.get("rows").asInt(), s.get("sliceSpacing").asDouble(),
                        s.get("uniformSpacing").asBoolean() ? "" : " (non-uniform)");
                for (var seg : s.path("segments")) {
                    System.out.printf(Locale.ROOT, "    segment %d %s: %.2f ml%n", seg.get("number").asInt(),
                            seg.get("label").asText(), seg.get("volumeMl").asDouble());
                }
                if (s.has("suvBw")) {
                    System.out.println("    SUVbw: " + (s.get("suvBw").get("available").asBoolean() ? "" : "none, ")
                            + s.get("suvBw").get("basis").asText());
                }
                s.get("warnings").forEach(w -> System.out.println("    warning: " + w.asText()));
            }
            for (var set : root.get("structureSets")) {
                System.out.println("  RTSTRUCT " + set.get("path").asText() + (set.has("error") ? ": "
                        + set.get("error").asText() : ""));
                for (var st : set.path("structures")) {
                    System.out.printf(Locale.ROOT, "    ROI %d %s%s%n", st.get("number").asInt(), st.get("name").asText(),
                            st.get("volumeMl").isNull() ? "" : String.format(Locale.ROOT, ": %.2f ml",
                                    st.get("volumeMl").asDouble()));
                }
            }
            for (var ps : root.get("presentationStates")) {
                System.out.println("  PR " + ps.get("path").asText() + ": "
                        + (ps.has("error") ? ps.get("error").asText() : ps.get("summary").asText()));
            }
            for (var sr : root.get("reports")) {
                String what = sr.has("error") ? sr.get("error").asText()
                        : sr.get("title").asText() + ", " + sr.get("items").asInt() + " content items";
                System.out.println("  SR " + sr.get("path").asText() + ": " + what);
            }
            for (Skipped sk : index.skipped()) {
                System.out.println("  skipped: " + sk.reason());
            }
        }
        return 0;
    }

    /** The segments of a series' segmentations: number, label, what they are, colour and volume (frames decoded). */
    private static void segments(ObjectNode o, Series series) {
        ArrayNode out = o.putArray("segments");
        for (Instance in : series.instances()) {
            if (!Segmentation.isSegmentation(in)) {
                continue;
            }
            try {
                for (Segmentation.Segment s : Segmentation.read(in).segments()) {
                    ObjectNode n = out.addObject();
                    n.put("number", s.number());
                    n.put("label", s.label());
                    n.put("type", s.type());
                    n.put("rgb", String.format(Locale.ROOT, "#%06x", s.rgb()));
                    n.put("volumeMl", s.volumeMl());
                }
            } catch (DicomException | RuntimeException e) {
                o.withArray("warnings").add(in.path() + ": segmentation not read: " + e.getMessage());
            }
        }
    }

    /** A structured report: its title (the root's concept), flags, and content, an indented line an item. */
    private static void report(ObjectNode o, Instance in) {
        o.put("path", in.path().toString());
        try {
            SrDocument doc = SrDocument.read(in);
            o.put("title", doc.title());
            o.put("status", doc.status());
            o.put("items", doc.size());
            ArrayNode lines = o.putArray("content");
            doc.lines().forEach(lines::add);
        } catch (DicomException | RuntimeException e) {
            o.put("error", e.getMessage());
        }
    }

    /** A presentation state: its label, description, the images it references and its annotations on each. */
    private static void presentationState(ObjectNode o, Instance in) {
        o.put("path", in.path().toString());
        try {
            PresentationState ps = PresentationState.read(in);
            o.put("label", ps.label());
            o.put("description", ps.description());
            o.put("summary", ps.summary());
            o.put("rotation", ps.rotation());
            o.put("flipHorizontal", ps.flipHorizontal());
            o.put("inverse", ps.inverse());
            ArrayNode images = o.putArray("images");
            for (String sop : ps.referencedImages()) {
                ObjectNode n = images.addObject();
                n.put("sopInstanceUid", sop);
                ps.window(sop, 1).ifPresent(w -> n.set("window", Json.array(w[0], w[1])));
            }
        } catch (DicomException | RuntimeException e) {
            o.put("error", e.getMessage());
        }
    }

    /** An RT Structure Set: its Frame of Reference and structures (number, name, colour, volume of closed contours). */
    private static void structureSet(ObjectNode o, Instance in) {
        o.put("path", in.path().toString());
        try {
            StructureSet set = StructureSet.read(in);
            o.put("frameOfReferenceUid", set.frameOfReferenceUid());
            ArrayNode out = o.putArray("structures");
            for (StructureSet.Structure s : set.structures()) {
                ObjectNode n = out.addObject();
                n.put("number", s.number());
                n.put("name", s.name());
                n.put("rgb", String.format(Locale.ROOT, "#%06x", s.rgb()));
                n.put("contours", s.contours().size());
                if (Double.isNaN(s.volumeMl())) {
                    n.putNull("volumeMl");
                } else {
                    n.put("volumeMl", s.volumeMl());
                }
            }
        } catch (DicomException | RuntimeException e) {
            o.put("error", e.getMessage());
        }
    }
}
