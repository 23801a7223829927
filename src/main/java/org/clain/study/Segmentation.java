package org.clain.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.clain.dicom.Attributes;
import org.clain.dicom.CieLab;
import org.clain.dicom.ColorModel;
import org.clain.dicom.DicomException;
import org.clain.dicom.PixelDecoder;
import org.clain.dicom.Tag;
import org.clain.geom.Vec3;

/**
 * A DICOM Segmentation (PS3.3 A.51, C.8.20): its segments and, frame by frame, where each one is,
 * laid onto any image of the same Frame of Reference by patient position. A frame belongs to one
 * segment (Segment Identification, C.8.20.3.1) and has its own plane (the Plane Position and
 * Orientation functional groups), so a segmentation need not share the grid of the images it was
 * drawn on. FRACTIONAL frames count a pixel in where its value is at least half the Maximum
 * Fractional Value. A LABELMAP frame (Label Map Segmentation Storage, Supplement 243, DICOM 2024)
 * holds every segment at once, each pixel the number of its segment and the Pixel Padding Value (0
 * without one) for none; it is kept as one frame per segment it shows. Frames are kept as runs of
 * set pixels: an organ's outline costs a few hundred bytes a frame where a bitmap would cost 32 KiB.
 * Images look segments up in the frames of each plane merged into one (a hundred segments on a
 * plane cost one lookup a pixel, not a hundred), where it lies on the frames' grid by painting runs.
 */
public final class Segmentation {
    /** Colours for segments without a Recommended Display CIELab Value. */
    private static final int[] PALETTE = {0xE6194B, 0x3CB44B, 0xFFE119, 0x4363D8, 0xF58231, 0x911EB4, 0x46F0F0,
        0xF032E6, 0xBCF60C, 0xFABEBE, 0x008080, 0xE6BEFF};

    /**
     * One segment: its number (1..n), label, what it is (Segmented Property Type's meaning), colour
     * (0xRRGGBB) and volume (mm3: the pixels set in its frames times the voxel of its grid).
     */
    public record Segment(int number, String label, String type, int rgb, double volumeMm3) {
        /** Volume in millilitres. */
        public double volumeMl() {
            return volumeMm3 / 1000;
        }
    }

    /**
     * Labelled pixels on a plane: runs of (start, end exclusive, segment) triplets in raster order.
     * A frame of the file holds one segment (a label map's frame is split by segment); the frames
     * of one plane are also merged into one (segment 0: several), which is what images look up.
     */
    private record Frame(int segment, SliceHeader plane, int[] runs) {
    }

    private final String sopInstanceUid;
    private final String seriesInstanceUid;
    private final String frameOfReferenceUid;
    private final Set<String> referencedSeries;
    private final List<Segment> segments;
    /** One segment each, as read. */
    private final List<Frame> frames;
    /** The frames of each plane merged, the higher segment where they overlap. */
    private final List<Frame> planes;
    /** Half the distance between neighbouring frame planes: how far from a frame an image may lie to show it. */
    private final double halfSpacing;

    private Segmentation(Instance in, Set<String> referencedSeries, List<Segment> segments, List<Frame> frames,
                         List<Frame> planes, double halfSpacing) {
        this.sopInstanceUid = in.sopInstanceUid();
        this.seriesInstanceUid = in.seriesInstanceUid();
        this.frameOfReferenceUid = in.frameOfReferenceUid();
        this.referencedSeries = Set.copyOf(referencedSeries);
        this.segments = List.copyOf(segments);
        this.frames = List.copyOf(frames);
        this.planes = List.copyOf(planes);
        this.halfSpacing = halfSpacing;
    }

    /** True for the Segmentation Storage SOP classes (binary and fractional, and the label map one). */
    public static boolean isSegmentation(Instance in) {
        return "SEG".equals(in.modality()) || in.sopClassUid().startsWith("1.2.840.10008.5.1.4.1.1.66.4")
                || in.sopClassUid().equals("1.2.840.10008.5.1.4.1.1.66.7");
    }

    /** Reads a segmentation instance: its segments, and every frame decoded into runs. */
    public static Segmentation read(Instance in) throws DicomException {
        Attributes ds = in.file().dataset();
        if (!isSegmentation(in)) {
            throw new DicomException(in.path(), -1, "not a segmentation (Modality " + in.modality() + ")");
        }
        String type = ds.getString(Tag.SegmentationType, "BINARY").trim().toUpperCase(Locale.ROOT);
        boolean labelMap = type.equals("LABELMAP");
        if (!type.equals("BINARY") && !type.equals("FRACTIONAL") && !labelMap) {
            throw new DicomException(in.path(), -1, "Segmentation Type " + type + " is not read (only BINARY,"
                    + " FRACTIONAL and LABELMAP)");
        }
        int fractionalMax = ds.getInt(Tag.MaximumFractionalValue, 255);
        int threshold = type.equals("FRACTIONAL") ? (fractionalMax + 1) / 2 : 1;
        Map<Integer, Attributes> described = new LinkedHashMap<>();
        for (Attributes s : ds.getSequence(Tag.SegmentSequence)) {
            described.putIfAbsent(s.getInt(Tag.SegmentNumber, described.size() + 1), s);
        }
        List<Attributes> perFrame = ds.getSequence(Tag.PerFrameFunctionalGroupsSequence);
        Attributes shared = ds.firstItem(Tag.SharedFunctionalGroupsSequence).orElse(null);
        PixelDecoder dec = PixelDecoder.of(in.file());
        if (dec.pixel().samplesPerPixel() != 1) {
            // a frame's runs index its pixels: more samples than pixels would run past them
            throw new DicomException(in.path(), -1, "a segmentation has one sample per pixel, not "
                    + dec.pixel().samplesPerPixel());
        }
        List<Frame> frames = new ArrayList<>();
        List<Frame> labelMapPlanes = new ArrayList<>();
        Map<Integer, Long> counts = new LinkedHashMap<>();
        int background = ds.getInt(Tag.PixelPaddingValue, 0);
        for (SliceHeader h : in.slices()) {
            if (!h.hasGeometry()) {
                continue;
            }
            if (labelMap) {
                RunBuilder all = new RunBuilder();
                for (Map.Entry<Integer, int[]> e : labelRuns(dec.storedValues(h.frame()), background, all).entrySet()) {
                    frames.add(new Frame(e.getKey(), h, e.getValue()));
                    counts.merge(e.getKey(), setPixels(e.getValue()), Long::sum);
                }
                labelMapPlanes.add(new Frame(0, h, all.toArray()));
                continue;
            }
            int segment = segmentOf(h.frame() < perFrame.size() ? perFrame.get(h.frame()) : null, shared);
            if (segment <= 0) {
                continue;
            }
            int[] runs = runs(dec.storedValues(h.frame()), threshold, segment);
            frames.add(new Frame(segment, h, runs));
            counts.merge(segment, setPixels(runs), Long::sum);
        }
        double spacing = spacing(ds, shared, frames);
        double voxel = frames.isEmpty() ? 0
                : frames.get(0).plane().rowSpacing() * frames.get(0).plane().columnSpacing() * spacing;
        // a label map's colours may come from its palette (PALETTE COLOR), indexed by segment number
        ColorModel palette = labelMap && dec.pixel().photometric().equals("PALETTE COLOR")
                ? ColorModel.of(ds, dec.pixel()) : null;
        List<Segment> segments = new ArrayList<>();
        Set<Integer> numbers = new TreeSet<>(described.keySet());
        numbers.addAll(counts.keySet());
        for (int n : numbers) {
            Attributes s = described.get(n);
            String label = s == null ? "" : s.getString(Tag.SegmentLabel, "").trim();
            String property = s == null ? "" : s.firstItem(Tag.SegmentedPropertyTypeCodeSequence)
                    .map(c -> c.getString(Tag.CodeMeaning, "").trim()).orElse("");
            int[] lab = s == null ? null : s.getUnsignedShorts(Tag.RecommendedDisplayCIELabValue);
            int rgb = lab != null && lab.length == 3 ? CieLab.dicomToRgb(lab[0], lab[1], lab[2])
                    : palette != null ? palette.toRgb(new int[] {n}, 1, 16)[0]
                    : PALETTE[Math.floorMod(n - 1, PALETTE.length)];
            segments.add(new Segment(n, label.isEmpty() ? "Segment " + n : label, property, rgb,
                    counts.getOrDefault(n, 0L) * voxel));
        }
        Set<String> refs = new HashSet<>();
        for (Attributes r : ds.getSequence(Tag.ReferencedSeriesSequence)) {
            String uid = r.getString(Tag.SeriesInstanceUID, "").trim();
            if (!uid.isEmpty()) {
                refs.add(uid);
            }
        }
        return new Segmentation(in, refs, segments, frames, labelMap ? labelMapPlanes : merge(frames), spacing / 2);
    }

    private static int segmentOf(Attributes perFrame, Attributes shared) {
        for (Attributes groups : new Attributes[] {perFrame, shared}) {
            if (groups == null) {
                continue;
            }
            var id = groups.firstItem(Tag.SegmentIdentificationSequence);
            if (id.isPresent()) {
                return id.get().getInt(Tag.ReferencedSegmentNumber, 0);
            }
        }
        return 0;
    }

    /**
     * The distance between frame planes: Spacing Between Slices of the Pixel Measures (C.7.6.16.2.1),
     * else the smallest gap between the planes of one segment's frames, else Slice Thickness, else 1 mm.
     */
    private static double spacing(Attributes ds, Attributes shared, List<Frame> frames) {
        Attributes measures = shared == null ? null : shared.firstItem(Tag.PixelMeasuresSequence).orElse(null);
        double between = measures == null ? Double.NaN : measures.getDouble(Tag.SpacingBetweenSlices, Double.NaN);
        if (!(between > 0)) {
            between = ds.getDouble(Tag.SpacingBetweenSlices, Double.NaN);
        }
        if (between > 0) {
            return between;
        }
        double gap = Double.POSITIVE_INFINITY;
        Map<Integer, List<Double>> along = new LinkedHashMap<>();
        for (Frame f : frames) {
            along.computeIfAbsent(f.segment(), k -> new ArrayList<>()).add(f.plane().position().dot(f.plane().normal()));
        }
        for (List<Double> d : along.values()) {
            double[] a = d.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            for (int i = 1; i < a.length; i++) {
                if (a[i] - a[i - 1] > 1e-3) {
                    gap = Math.min(gap, a[i] - a[i - 1]);
                }
            }
        }
        if (Double.isFinite(gap)) {
            return gap;
        }
        double thickness = frames.isEmpty() ? 0 : frames.get(0).plane().sliceThickness();
        return thickness > 0 ? thickness : 1;
    }

    /** The runs of a frame's pixels at or above {@code threshold}, labelled {@code segment}. */
    private static int[] runs(int[] values, int threshold, int segment) {
        RunBuilder out = new RunBuilder();
        int i = 0;
        while (i < values.length) {
            if (values[i] < threshold) {
                i++;
                continue;
            }
            int start = i;
            while (i < values.length && values[i] >= threshold) {
                i++;
            }
            out.add(start, i, segment);
        }
        return out.toArray();
    }

    /**
     * A label map frame's runs, segment by segment (ascending), the background value left out; all
     * of them, in raster order, also go to {@code all}.
     */
    private static Map<Integer, int[]> labelRuns(int[] values, int background, RunBuilder all) {
        Map<Integer, RunBuilder> runs = new TreeMap<>();
        int i = 0;
        while (i < values.length) {
            int v = values[i];
            int start = i;
            while (i < values.length && values[i] == v) {
                i++;
            }
            if (v != background) {
                runs.computeIfAbsent(v, k -> new RunBuilder()).add(start, i, v);
                all.add(start, i, v);
            }
        }
        Map<Integer, int[]> out = new TreeMap<>();
        runs.forEach((v, r) -> out.put(v, r.toArray()));
        return out;
    }

    /** Labelled runs of raster-order pixels (start, end exclusive, segment), appended in order. */
    private static final class RunBuilder {
        private int[] runs = new int[48];
        private int n;

        void add(int start, int end, int segment) {
            if (n + 3 > runs.length) {
                runs = Arrays.copyOf(runs, runs.length * 2);
            }
            runs[n++] = start;
            runs[n++] = end;
            runs[n++] = segment;
        }

        int[] toArray() {
            return Arrays.copyOf(runs, n);
        }
    }

    private static long setPixels(int[] runs) {
        long n = 0;
        for (int i = 0; i < runs.length; i += 3) {
            n += runs[i + 1] - runs[i];
        }
        return n;
    }

    /** What makes frames lie on one plane: position, orientation and grid. */
    private record PlaneKey(Vec3 position, Vec3 rowDirection, Vec3 columnDirection, int rows, int columns,
                            double rowSpacing, double columnSpacing) {
        PlaneKey(SliceHeader p) {
            this(p.position(), p.rowDirection(), p.columnDirection(), p.rows(), p.columns(), p.rowSpacing(),
                    p.columnSpacing());
        }
    }

    /**
     * The frames of each plane merged into one: painted into a label image, the higher segment
     * where segments overlap, and run again.
     */
    private static List<Frame> merge(List<Frame> frames) {
        Map<PlaneKey, List<Frame>> byPlane = new LinkedHashMap<>();
        for (Frame f : frames) {
            byPlane.computeIfAbsent(new PlaneKey(f.plane()), k -> new ArrayList<>()).add(f);
        }
        List<Frame> out = new ArrayList<>();
        int[] label = new int[0];
        for (List<Frame> group : byPlane.values()) {
            if (group.size() == 1) {
                out.add(group.get(0));
                continue;
            }
            SliceHeader p = group.get(0).plane();
            int size = p.rows() * p.columns();
            if (label.length < size) {
                label = new int[size];
            }
            for (Frame f : group) {
                int[] r = f.runs();
                for (int i = 0; i < r.length; i += 3) {
                    for (int k = r[i]; k < r[i + 1]; k++) {
                        label[k] = Math.max(label[k], r[i + 2]);
                    }
                }
            }
            RunBuilder runs = new RunBuilder();
            int i = 0;
            while (i < size) {
                int v = label[i];
                int start = i;
                while (i < size && label[i] == v) {
                    i++;
                }
                if (v != 0) {
                    runs.add(start, i, v);
                }
            }
            Arrays.fill(label, 0, size, 0);
            out.add(new Frame(0, p, runs.toArray()));
        }
        return out;
    }

    public String sopInstanceUid() {
        return sopInstanceUid;
    }

    public String seriesInstanceUid() {
        return seriesInstanceUid;
    }

    public String frameOfReferenceUid() {
        return frameOfReferenceUid;
    }

    /** Series the segmentation says it was made from (Referenced Series Sequence). */
    public Set<String> referencedSeries() {
        return referencedSeries;
    }

    public List<Segment> segments() {
        return segments;
    }

    /**
     * True when it can be laid on a series: same Frame of Reference (positions then mean the same
     * place), or, without one, the series is the one it references.
     */
    public boolean appliesTo(String seriesUid, String frameOfReference) {
        if (!frameOfReferenceUid.isEmpty() && frameOfReferenceUid.equals(frameOfReference)) {
            return true;
        }
        return frameOfReferenceUid.isEmpty() && referencedSeries.contains(seriesUid);
    }

    /**
     * The segment at each pixel of a plane of any orientation (a reformat): pixel (c, r) is at
     * {@code origin + c stepColumn + r stepRow}; each pixel centre takes the frames whose plane lies
     * within half the frame spacing of it and is looked up in them (nearest pixel). Row by row, 0
     * for none, the highest number where segments overlap; null when no frame reaches the plane.
     */
    public int[] labels(Vec3 origin, Vec3 stepColumn, Vec3 stepRow, int columns, int rows) {
        return labels(origin, stepColumn, stepRow, columns, rows, 0);
    }

    /** As {@link #labels(Vec3, Vec3, Vec3, int, int)}, one segment only ({@code segment} > 0), unhidden by others. */
    public int[] labels(Vec3 origin, Vec3 stepColumn, Vec3 stepRow, int columns, int rows, int segment) {
        int[] out = null;
        for (Stack st : stacks(segment)) {
            Vec3 n = st.normal;
            double d0 = origin.dot(n);
            double dc = stepColumn.dot(n);
            double dr = stepRow.dot(n);
            if (Math.abs(dc) * columns + Math.abs(dr) * rows < 1e-6) {
                // parallel to the frames (a volume's own slice): the same frames for every pixel
                for (int k = st.firstAtOrAbove(d0 - halfSpacing - 1e-3);
                     k < st.along.length && st.along[k] <= d0 + halfSpacing + 1e-3; k++) {
                    if (out == null) {
                        out = new int[columns * rows];
                    }
                    lay(st.frames[k], origin, stepColumn, stepRow, columns, rows, out);
                }
                continue;
            }
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    double d = d0 + c * dc + r * dr;
                    int k = st.firstAtOrAbove(d - halfSpacing - 1e-3);
                    for (; k < st.along.length && st.along[k] <= d + halfSpacing + 1e-3; k++) {
                        Frame f = st.frames[k];
                        SliceHeader p = f.plane();
                        double qx = origin.x() + c * stepColumn.x() + r * stepRow.x() - p.position().x();
                        double qy = origin.y() + c * stepColumn.y() + r * stepRow.y() - p.position().y();
                        double qz = origin.z() + c * stepColumn.z() + r * stepRow.z() - p.position().z();
                        Vec3 rd = p.rowDirection();
                        Vec3 cd = p.columnDirection();
                        int iu = (int) Math.floor((qx * rd.x() + qy * rd.y() + qz * rd.z()) / p.columnSpacing() + 0.5);
                        int iv = (int) Math.floor((qx * cd.x() + qy * cd.y() + qz * cd.z()) / p.rowSpacing() + 0.5);
                        if (iu >= 0 && iv >= 0 && iu < p.columns() && iv < p.rows()) {
                            int label = labelAt(f.runs(), iv * p.columns() + iu);
                            if (label != 0) {
                                if (out == null) {
                                    out = new int[columns * rows];
                                }
                                out[r * columns + c] = Math.max(out[r * columns + c], label);
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Frames of one orientation, sorted by their position along its normal. */
    private static final class Stack {
        final Vec3 normal;
        final Frame[] frames;
        final double[] along;

        Stack(Vec3 normal, List<Frame> fs) {
            this.normal = normal;
            this.frames = fs.stream().sorted((a, b) -> Double.compare(a.plane().position().dot(normal),
                    b.plane().position().dot(normal))).toArray(Frame[]::new);
            this.along = Arrays.stream(frames).mapToDouble(f -> f.plane().position().dot(normal)).toArray();
        }

        int firstAtOrAbove(double d) {
            int lo = 0;
            int hi = along.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (along[mid] < d) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    /** Stacks by segment (0: the merged planes), made on first use. */
    private final Map<Integer, List<Stack>> stacks = new HashMap<>();

    /** The frames of a segment (0: the merged planes of all) grouped by orientation (nearly always one group). */
    private synchronized List<Stack> stacks(int segment) {
        return stacks.computeIfAbsent(segment, s -> {
            List<Vec3> normals = new ArrayList<>();
            List<List<Frame>> groups = new ArrayList<>();
            for (Frame f : s == 0 ? planes : frames) {
                if (s != 0 && f.segment() != s) {
                    continue;
                }
                Vec3 n = f.plane().normal();
                int g = 0;
                while (g < normals.size() && Math.abs(normals.get(g).dot(n)) < 0.9999) {
                    g++;
                }
                if (g == normals.size()) {
                    normals.add(n);
                    groups.add(new ArrayList<>());
                }
                groups.get(g).add(f);
            }
            List<Stack> out = new ArrayList<>();
            for (int g = 0; g < normals.size(); g++) {
                out.add(new Stack(normals.get(g), groups.get(g)));
            }
            return out;
        });
    }

    /** The segment of raster index i in labelled runs (sorted, disjoint triplets), 0 for none. */
    private static int labelAt(int[] runs, int i) {
        int lo = 0;
        int hi = runs.length / 3 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (i < runs[3 * mid]) {
                hi = mid - 1;
            } else if (i >= runs[3 * mid + 1]) {
                lo = mid + 1;
            } else {
                return runs[3 * mid + 2];
            }
        }
        return 0;
    }

    /**
     * The segment at each pixel of an image (row by row; 0 for none, the highest number where segments
     * overlap): the frames parallel to the image within half the segmentation's frame spacing of it,
     * each pixel centre looked up in them (nearest pixel). Null when no frame lies on the image.
     */
    public int[] labels(SliceHeader image) {
        if (!image.hasGeometry()) {
            return null;
        }
        Vec3 n = image.normal();
        Vec3 stepC = image.rowDirection().times(image.columnSpacing());
        Vec3 stepR = image.columnDirection().times(image.rowSpacing());
        int[] out = null;
        for (Frame f : planes) {
            SliceHeader p = f.plane();
            if (Math.abs(p.normal().dot(n)) < 0.9999
                    || Math.abs(image.position().minus(p.position()).dot(p.normal())) > halfSpacing + 1e-3) {
                continue;
            }
            if (out == null) {
                out = new int[image.rows() * image.columns()];
            }
            lay(f, image.position(), stepC, stepR, image.columns(), image.rows(), out);
        }
        return out;
    }

    /**
     * Lays a frame's labels on a plane parallel to it, pixel (c, r) at {@code origin + c stepColumn
     * + r stepRow}: painted when the plane is on the frame's grid, else each pixel centre looked up
     * (nearest pixel); the higher segment where {@code out} already has one.
     */
    private static void lay(Frame f, Vec3 origin, Vec3 stepColumn, Vec3 stepRow, int columns, int rows, int[] out) {
        SliceHeader p = f.plane();
        // frame pixel (u, v) of the plane's pixel (c, r) is affine: u0 + c du_c + r du_r, ...
        Vec3 d = origin.minus(p.position());
        double u0 = d.dot(p.rowDirection()) / p.columnSpacing();
        double v0 = d.dot(p.columnDirection()) / p.rowSpacing();
        double duC = stepColumn.dot(p.rowDirection()) / p.columnSpacing();
        double dvC = stepColumn.dot(p.columnDirection()) / p.rowSpacing();
        double duR = stepRow.dot(p.rowDirection()) / p.columnSpacing();
        double dvR = stepRow.dot(p.columnDirection()) / p.rowSpacing();
        if (sameGrid(u0, v0, duC, dvC, duR, dvR)) {
            paint(f, (int) Math.rint(u0), (int) Math.rint(v0), columns, rows, out);
            return;
        }
        int fc = p.columns();
        int fr = p.rows();
        int[] runs = f.runs();
        for (int r = 0; r < rows; r++) {
            double u = u0 + r * duR;
            double v = v0 + r * dvR;
            for (int c = 0; c < columns; c++, u += duC, v += dvC) {
                int iu = (int) Math.floor(u + 0.5);
                int iv = (int) Math.floor(v + 0.5);
                if (iu >= 0 && iv >= 0 && iu < fc && iv < fr) {
                    int k = r * columns + c;
                    out[k] = Math.max(out[k], labelAt(runs, iv * fc + iu));
                }
            }
        }
    }

    /** Whether image pixel (c, r) is frame pixel (c + u0, r + v0), u0 and v0 whole: the image on the frame's grid. */
    private static boolean sameGrid(double u0, double v0, double duC, double dvC, double duR, double dvR) {
        double eps = 1e-6;
        return Math.abs(duC - 1) < eps && Math.abs(dvC) < eps && Math.abs(duR) < eps && Math.abs(dvR - 1) < eps
                && Math.abs(u0 - Math.rint(u0)) < eps && Math.abs(v0 - Math.rint(v0)) < eps;
    }

    /** Paints a frame's runs into an image on its grid, frame pixel (u, v) at image pixel (u - u0, v - v0). */
    private static void paint(Frame f, int u0, int v0, int columns, int rows, int[] out) {
        int fc = f.plane().columns();
        int[] runs = f.runs();
        for (int i = 0; i < runs.length; i += 3) {
            int label = runs[i + 2];
            for (int k = runs[i]; k < runs[i + 1]; ) {
                int v = k / fc;
                int rowEnd = Math.min(runs[i + 1], (v + 1) * fc);
                int r = v - v0;
                if (r >= 0 && r < rows) {
                    int cFrom = Math.max(0, k - v * fc - u0);
                    int cTo = Math.min(columns, rowEnd - v * fc - u0);
                    for (int c = cFrom; c < cTo; c++) {
                        out[r * columns + c] = Math.max(out[r * columns + c], label);
                    }
                }
                k = rowEnd;
            }
        }
    }
}
