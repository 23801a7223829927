package org.clain.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.clain.dicom.DicomException;
import org.clain.geom.Vec3;
import org.clain.measure.EllipsoidRoi;
import org.clain.measure.Evaluation;
import org.clain.measure.Histogram;
import org.clain.measure.Measurement;
import org.clain.measure.Meta;
import org.clain.measure.PeakUptake;
import org.clain.measure.PlanarRoi;
import org.clain.measure.RoiResult;
import org.clain.measure.RoiStatistics;
import org.clain.study.ColorStack;
import org.clain.study.Scanner;
import org.clain.study.Series;
import org.clain.study.SliceStack;
import org.clain.study.StandardizedUptake;
import org.clain.study.StudyIndex;
import org.clain.study.Volume;
import org.clain.study.VolumeLoader;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code clain roi DIR (--ellipse ... | --sphere ... | --polygon ...)}: ROI statistics of the first
 * (or named) series, by the same {@link RoiStatistics} code as the viewer. Coordinates are patient
 * LPS millimetres. Exit status: 0 done, 1 input unreadable (reason on stderr), 2 usage.
 */
@Command(name = "roi", mixinStandardHelpOptions = true,
        description = {"Statistics (mean, SD, min, max, median, area or volume) of a region of interest, of a"
                + " segment of a DICOM Segmentation or of a structure of an RT Structure Set; for PET, SUVbw mean,"
                + " SD, max and peak (1 ml sphere, PERCIST).",
                "Coordinates are patient LPS millimetres of the series' Frame of Reference.",
                "Planar ROIs are sampled on their plane (trilinear, default step half the smallest voxel edge);",
                "spheres, segments and structures count the voxels whose centre is inside. See docs/MEASUREMENTS.md."})
public final class RoiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1", paramLabel = "DIR", description = "folder (or file) of the series")
    Path dir;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Shape shape;

    static final class Shape {
        @Option(names = "--ellipse", paramLabel = "CX,CY,CZ,RU,RV",
                description = "ellipse centre and semi-axes (mm) on the plane of --normal (default 0,0,1: axial)")
        String ellipse;

        @Option(names = "--sphere", paramLabel = "CX,CY,CZ,R", description = "sphere centre and radius (mm)")
        String sphere;

        @Option(names = "--polygon", paramLabel = "X1,Y1,Z1;X2,Y2,Z2;...",
                description = "polygon vertices (mm, at least 3, coplanar within 0.1 mm)")
        String polygon;

        @Option(names = "--segment", paramLabel = "SEG[:N|:all]",
                description = "segment N (default: the only one; all: each in turn, one result per segment) of a"
                        + " DICOM Segmentation file, on the series it lies on")
        String segment;

        @Option(names = "--structure", paramLabel = "RS[:N|:NAME|:all]",
                description = "structure N or NAME (default: the only one; all: each in turn) of an RT Structure Set"
                        + " file, its closed contours on the series of its Frame of Reference (holes subtracted)")
        String structure;
    }

    @Option(names = "--normal", paramLabel = "X,Y,Z", description = "plane normal of --ellipse (default 0,0,1)")
    String normal;

    @Option(names = "--step", paramLabel = "MM", description = "plane sample step for planar ROIs (default: half the smallest voxel edge)")
    Double step;

    @Option(names = "--bins", paramLabel = "N", description = "also report a histogram of N bins")
    Integer bins;

    @Option(names = "--series", paramLabel = "UID", description = "Series Instance UID (default: the first series)")
    String seriesUid;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    /** Public no-arg constructor: picocli and the main command instantiate it. */
    public RoiCommand() {
    }

    @Override
    public Integer call() {
        boolean regions = shape.segment != null || shape.structure != null;
        Measurement roi = regions ? null : parseRoi(null, null);
        if (regions && normal != null) {
            throw usage("--normal applies to --ellipse only");
        }
        if (step != null && !(step > 0 && Double.isFinite(step))) {
            throw usage("--step must be a positive number of mm, got " + step);
        }
        if (bins != null && bins < 1) {
            throw usage("--bins must be at least 1, got " + bins);
        }
        if (!Files.exists(dir)) {
            System.err.println("clain: " + dir + ": no such file or folder");
            return 1;
        }
        if (!Files.isReadable(dir)) {
            System.err.println("clain: " + dir + ": not readable");
            return 1;
        }
        Regions.Source source = null;
        if (regions) {
            try {
                source = shape.segment != null ? Regions.segments(shape.segment) : Regions.structures(shape.structure);
            } catch (Regions.UsageError e) {
                throw usage(e.getMessage());
            } catch (DicomException e) {
                System.err.println("clain: " + e.getMessage());
                return 1;
            }
        }
        Regions.Source onSeries = source;
        Volume vol;
        Series series;
        try {
            StudyIndex index = Scanner.scan(List.of(dir));
            series = index.series().stream()
                    .filter(s -> seriesUid == null || s.seriesInstanceUid().equals(seriesUid))
                    .filter(s -> onSeries == null || !"SEG".equals(s.modality()) && !s.stacks().isEmpty()
                            && onSeries.liesOn().test(s.seriesInstanceUid(),
                            s.stacks().get(0).instance(s.stacks().get(0).slices().get(0)).frameOfReferenceUid()))
                    .filter(s -> !s.stacks().isEmpty()).findFirst().orElse(null);
            if (series == null) {
                System.err.println("clain: " + dir + ": " + (onSeries != null ? "no series the " + onSeries.kind()
                        + " lies on (Frame of Reference " + onSeries.frameOfReferenceUid() + ")"
                        : seriesUid == null ? "no image series found"
                        : "no series " + seriesUid) + (index.skipped().isEmpty() ? ""
                        : " (" + index.skipped().size() + " file(s) skipped, first: " + index.skipped().get(0).reason() + ")"));
                return 1;
            }
            vol = measured(series.stacks().get(0));
        } catch (DicomException e) {
            System.err.println("clain: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            System.err.println("clain: " + dir + ": cannot load the series: " + e);
            return 1;
        }
        String unit = Evaluation.valueUnit(vol);
        StandardizedUptake suv = vol.uptake();
        if (source != null) {
            for (Regions.Region g : source.regions()) {
                RoiResult r = g.statistics().apply(vol);
                double peak = suv == null || !suv.available() || r.count() == 0 ? Double.NaN : g.peak().applyAsDouble(vol);
                if (r.count() == 0) {
                    System.err.println("clain: warning: " + g.name() + " covers no voxel of the volume");
                }
                if (json) {
                    ObjectNode o = toJson(g.shape(), null, r, vol, series, unit, suv, peak);
                    g.json().accept(o);
                    System.out.println(Json.compact(o));
                } else {
                    printText(g.name(), null, r, unit, suv, peak);
                }
            }
            return 0;
        }
        roi = parseRoi(series.seriesInstanceUid(), vol.frameOfReferenceUid());
        RoiResult r;
        try {
            r = roi instanceof PlanarRoi p ? RoiStatistics.planar(vol, p, step != null ? step
                    : RoiStatistics.defaultStep(vol)) : RoiStatistics.ellipsoid(vol, (EllipsoidRoi) roi);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if (r.count() == 0) {
            System.err.println("clain: warning: the ROI holds no sample inside the volume");
        }
        double peak = suv == null || !suv.available() || r.count() == 0 ? Double.NaN : PeakUptake.of(vol, roi);
        if (json) {
            System.out.println(Json.compact(toJson(shapeName(roi), roi, r, vol, series, unit, suv, peak)));
        } else {
            printText(shapeName(roi), roi, r, unit, suv, peak);
        }
        return 0;
    }

    /** The volume a ROI is measured in: the stack's, or the luma of a colour stack, as the viewer measures it. */
    private static Volume measured(SliceStack stack) throws DicomException {
        if (!ColorStack.isColor(stack)) {
            return VolumeLoader.load(stack);
        }
        ColorStack c = ColorStack.load(stack, (done, total) -> { });
        if (!c.undecodedFrames().isEmpty()) {
            var bad = c.undecodedFrames().entrySet().iterator().next();
            throw new DicomException(stack.slices().get(bad.getKey()).path(), -1, bad.getValue());
        }
        return c.luma(stack);
    }

    private ObjectNode toJson(String shapeName, Measurement roi, RoiResult r, Volume vol, Series series, String unit,
                              StandardizedUptake suv, double peak) {
        ObjectNode o = Json.object();
        o.put("shape", shapeName);
        o.put("seriesInstanceUid", series.seriesInstanceUid());
        o.put("frameOfReferenceUid", vol.frameOfReferenceUid());
        o.put("method", r.method() == RoiStatistics.Method.PLANE_SAMPLES_TRILINEAR ? "plane-samples-trilinear"
                : "voxel-centres");
        num(o, "stepMm", r.stepMm());
        o.put("count", r.count());
        o.put("outside", r.outside());
        num(o, "mean", r.mean());
        num(o, "sd", r.sd());
        num(o, "min", r.min());
        num(o, "max", r.max());
        num(o, "median", r.median());
        num(o, "areaMm2", r.areaMm2());
        num(o, "volumeMm3", r.volumeMm3());
        if (roi instanceof EllipsoidRoi e) {
            o.put("nominalVolumeMm3", e.nominalVolumeMm3());
        }
        o.put("unit", unit);
        if (suv != null) {
            // PET: SUVbw statistics (g/ml), or why there are none
            ObjectNode sn = o.putObject("suvBw");
            sn.put("available", suv.available());
            sn.put("basis", suv.basis());
            if (suv.available()) {
                sn.put("factor", suv.factor());
                num(sn, "mean", r.mean() * suv.factor());
                num(sn, "sd", r.sd() * suv.factor());
                num(sn, "max", r.max() * suv.factor());
                num(sn, "peak", peak * suv.factor());
            }
            if (!Double.isNaN(suv.leanFactor())) {
                // PERCIST's SUL: lean body mass by Janmahasatian
                ObjectNode ln = o.putObject("sulLbm");
                ln.put("factor", suv.leanFactor());
                ln.put("leanFraction", suv.leanFraction());
                num(ln, "mean", r.mean() * suv.leanFactor());
                num(ln, "max", r.max() * suv.leanFactor());
                num(ln, "peak", peak * suv.leanFactor());
            }
        }
        if (roi instanceof PlanarRoi p) {
            o.set("center", Json.array(p.center().x(), p.center().y(), p.center().z()));
            o.set("u", Json.array(p.u().x(), p.u().y(), p.u().z()));
            o.set("v", Json.array(p.v().x(), p.v().y(), p.v().z()));
        }
        if (bins != null) {
            Histogram h = r.histogram(bins);
            ObjectNode hn = o.putObject("histogram");
            hn.put("lo", h.lo());
            hn.put("hi", h.hi());
            ArrayNode c = hn.putArray("counts");
            for (long x : h.counts()) {
                c.add(x);
            }
        }
        return o;
    }

    private static void num(ObjectNode o, String name, double v) {
        if (Double.isFinite(v)) {
            o.put(name, v);
        } else {
            o.putNull(name);
        }
    }

    private void printText(String what, Measurement roi, RoiResult r, String unit, StandardizedUptake suv,
                           double peak) {
        String u = unit.isEmpty() ? "" : " " + unit;
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s ROI: %d %s", what, r.count(),
                r.method() == RoiStatistics.Method.PLANE_SAMPLES_TRILINEAR
                        ? String.format(Locale.ROOT, "plane samples (step %.4f mm)", r.stepMm()) : "voxels"));
        if (r.outside() > 0) {
            sb.append(String.format(Locale.ROOT, " (%d outside the volume)", r.outside()));
        }
        sb.append(String.format(Locale.ROOT, "%n  mean %.3f%s  sd %.3f  min %.3f  max %.3f  median %.3f%n",
                r.mean(), u, r.sd(), r.min(), r.max(), r.median()));
        if (suv != null && suv.available()) {
            double f = suv.factor();
            sb.append(String.format(Locale.ROOT, "  SUVbw mean %.3f  sd %.3f  max %.3f  peak %.3f g/ml (%s)%n",
                    r.mean() * f, r.sd() * f, r.max() * f, peak * f, suv.basis()));
        } else if (suv != null) {
            sb.append("  no SUVbw: ").append(suv.basis()).append(System.lineSeparator());
        }
        if (Double.isFinite(r.areaMm2())) {
            sb.append(String.format(Locale.ROOT, "  area %.3f mm2%n", r.areaMm2()));
        }
        if (Double.isFinite(r.volumeMm3())) {
            sb.append(String.format(Locale.ROOT, "  volume %.3f mm3 (voxels%s)%n", r.volumeMm3(),
                    roi instanceof EllipsoidRoi e ? String.format(Locale.ROOT, "; sphere/ellipsoid %.3f mm3",
                            e.nominalVolumeMm3()) : ""));
        }
        if (bins != null) {
            Histogram h = r.histogram(bins);
            for (int i = 0; i < h.bins(); i++) {
                sb.append(String.format(Locale.ROOT, "  [%.3f, %.3f%s %d%n", h.binLow(i), h.binLow(i) + h.binWidth(),
                        i == h.bins() - 1 ? "]" : ")", h.counts()[i]));
            }
        }
        System.out.print(sb);
    }

    private static String shapeName(Measurement roi) {
        return roi instanceof PlanarRoi p ? p.shape().name().toLowerCase(Locale.ROOT) : "sphere";
    }

    /** The ROI of the options; usage errors as ParameterException (exit 2). */
    private Measurement parseRoi(String series, String frame) {
        Meta meta = new Meta("cli", "", java.time.Instant.EPOCH, series, frame);
        try {
            if (shape.ellipse != null) {
                double[] e = numbers(shape.ellipse, 5, "--ellipse");
                Vec3 n = normal == null ? new Vec3(0, 0, 1) : vec(numbers(normal, 3, "--normal"));
                return PlanarRoi.ellipse(meta, new Vec3(e[0], e[1], e[2]), n, e[3], e[4]);
            }
            if (normal != null) {
                throw usage("--normal applies to --ellipse only");
            }
            if (shape.sphere != null) {
                double[] s = numbers(shape.sphere, 4, "--sphere");
                return EllipsoidRoi.sphere(meta, new Vec3(s[0], s[1], s[2]), s[3]);
            }
            List<Vec3> pts = new ArrayList<>();
            for (String p : shape.polygon.split(";")) {
                if (!p.isBlank()) {
                    pts.add(vec(numbers(p, 3, "--polygon vertex")));
                }
            }
            return PlanarRoi.polygon(meta, pts);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private double[] numbers(String text, int n, String what) {
        String[] parts = text.split(",", -1);
        if (parts.length != n) {
            throw usage(what + " takes " + n + " comma-separated numbers, got \"" + text + "\"");
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw usage(what + ": \"" + parts[i].trim() + "\" is not a number");
            }
            if (!Double.isFinite(out[i])) {
                throw usage(what + ": \"" + parts[i].trim() + "\" is not a finite number");
            }
        }
        return out;
    }

    private static Vec3 vec(double[] d) {
        return new Vec3(d[0], d[1], d[2]);
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
