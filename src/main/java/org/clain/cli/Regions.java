package org.clain.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.clain.dicom.DicomException;
import org.clain.measure.PeakUptake;
import org.clain.measure.RoiResult;
import org.clain.measure.RoiStatistics;
import org.clain.study.InstanceReader;
import org.clain.study.Segmentation;
import org.clain.study.StructureSet;
import org.clain.study.Volume;

/**
 * The regions `clain roi` measures as 3D ROIs from a file beside the images: segments of a DICOM
 * Segmentation ({@code --segment SEG[:N|:all]}) or structures of an RT Structure Set
 * ({@code --structure RS[:N|:NAME|:all]}).
 */
final class Regions {
    /** A region: its name in the output, statistics and SUVpeak on a volume, and its JSON fields. */
    record Region(String shape, String name, Function<Volume, RoiResult> statistics, ToDoubleFunction<Volume> peak,
                  Consumer<ObjectNode> json) {
    }

    /**
     * Regions of one file and where they lie: {@code liesOn} tells it of a series by its UID and
     * Frame of Reference (a segmentation without a Frame of Reference lies on the series it names).
     */
    record Source(String kind, String frameOfReferenceUid, BiPredicate<String, String> liesOn, List<Region> regions) {
    }

    /** A usage error (exit 2) with its message. */
    static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }

    private Regions() {
    }

    static Source segments(String option) throws DicomException {
        String[] fs = split(option);
        Segmentation seg = Segmentation.read(InstanceReader.read(Path.of(fs[0])));
        List<Segmentation.Segment> all = seg.segments();
        String list = all.stream().map(x -> x.number() + " " + x.label()).reduce((a, b) -> a + ", " + b)
                .orElse("none");
        List<Segmentation.Segment> chosen;
        if (fs[1] == null) {
            if (all.size() != 1) {
                throw new UsageError(fs[0] + " has " + all.size() + " segments: choose one with " + fs[0]
                        + ":N or all (" + list + ")");
            }
            chosen = all;
        } else if (fs[1].equals("all")) {
            chosen = all;
        } else {
            int n = number(fs[1], fs[0], list);
            chosen = List.of(all.stream().filter(x -> x.number() == n).findFirst()
                    .orElseThrow(() -> new UsageError("no segment " + n + " in " + fs[0] + " (segments: " + list
                            + ")")));
        }
        if (chosen.isEmpty()) {
            throw new UsageError(fs[0] + " has no segment");
        }
        return new Source("segmentation", seg.frameOfReferenceUid(), seg::appliesTo, chosen.stream()
                .map(s -> new Region("segment", "segment " + s.number() + " (" + s.label() + ")",
                        v -> RoiStatistics.segment(v, seg, s.number()), v -> PeakUptake.of(v, seg, s.number()), o -> {
                            o.put("segmentNumber", s.number());
                            o.put("segmentLabel", s.label());
                            o.put("segmentationVolumeMm3", s.volumeMm3());
                        })).toList());
    }

    static Source structures(String option) throws DicomException {
        String[] fs = split(option);
        StructureSet set = StructureSet.read(InstanceReader.read(Path.of(fs[0])));
        List<StructureSet.Structure> closed = set.structures().stream()
                .filter(s -> s.contours().stream().anyMatch(StructureSet.Contour::closed)).toList();
        String list = closed.stream().map(x -> x.number() + " " + x.name()).reduce((a, b) -> a + ", " + b)
                .orElse("none");
        List<StructureSet.Structure> chosen;
        if (fs[1] == null) {
            if (closed.size() != 1) {
                throw new UsageError(fs[0] + " has " + closed.size() + " structures with closed contours: choose one"
                        + " with " + fs[0] + ":N, :NAME or :all (" + list + ")");
            }
            chosen = closed;
        } else if (fs[1].equals("all")) {
            chosen = closed;
        } else {
            String want = fs[1];
            chosen = closed.stream().filter(s -> want.equals(Integer.toString(s.number()))
                    || s.name().equalsIgnoreCase(want)).limit(1).toList();
            if (chosen.isEmpty()) {
                throw new UsageError("no structure " + want + " with closed contours in " + fs[0] + " (" + list + ")");
            }
        }
        if (chosen.isEmpty()) {
            throw new UsageError(fs[0] + " has no structure with closed contours");
        }
        String frame = set.frameOfReferenceUid();
        return new Source("structure set", frame, (series, f) -> !frame.isEmpty() && frame.equals(f), chosen.stream()
                .map(s -> new Region("structure", "structure " + s.number() + " (" + s.name() + ")",
                        v -> RoiStatistics.structure(v, set, s.number()), v -> PeakUptake.of(v, set, s.number()), o -> {
                            o.put("roiNumber", s.number());
                            o.put("roiName", s.name());
                            if (Double.isFinite(s.volumeMm3())) {
                                o.put("structureVolumeMm3", s.volumeMm3());
                            }
                        })).toList());
    }

    /** FILE[:SELECTOR]: the selector only when FILE exists and the whole option is not a file itself. */
    private static String[] split(String option) {
        int colon = option.lastIndexOf(':');
        if (colon > 0 && !Files.exists(Path.of(option)) && Files.exists(Path.of(option.substring(0, colon)))) {
            return new String[] {option.substring(0, colon), option.substring(colon + 1).trim()};
        }
        return new String[] {option, null};
    }

    private static int number(String text, String file, String list) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new UsageError("\"" + text + "\" is not a segment number of " + file + " (" + list + ")");
        }
    }
}
