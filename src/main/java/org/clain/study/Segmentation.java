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

    /** A frame: its segment, plane and the runs (start, end exclusive, raster order) of its set pixels. */
    private record Frame(int segment, SliceHeader plane, int[] runs) {
    }

    private final String sopInstanceUid;
    private final String seriesInstanceUid;
    private final String frameOfReferenceUid;
    private final Set<String> referencedSeries;
    private final List<Segment> segments;
    private final List<Frame> frames;
    /** Half the distance between neighbouring frame planes: how far from a frame an image may lie to show it. */
    private final double halfSpacing;

    private Segmentation(Instance in, Set<String> referencedSeries, List<Segment> segments, List<Frame> frames,
                         double halfSpacing) {
        this.sopInstanceUid = in.sopInstanceUid();
        this.seriesInstanceUid = in.seriesInstanceUid();
        this.frameOfReferenceUid = in.frameOfReferenceUid();
        this.referencedSeries = Set.copyOf(referencedSeries);
        this.segments = List.copyOf(segments);
        this.frames = List.copyOf(frames);
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
        Map<Integer, Long> counts = new LinkedHashMap<>();
        int background = ds.getInt(Tag.PixelPaddingValue, 0);
        for (SliceHeader h : in.slices()) {
            if (!h.hasGeometry()) {
                continue;
            }
            if (labelMap) {
                for (Map.Entry<Integer, int[]> e : labelRuns(dec.storedValues(h.frame()), background).entrySet()) {
                    frames.add(new Frame(e.getKey(), h, e.getValue()));
                    counts.merge(e.getKey(), setPixels(e.getValue()), Long::sum);
                }
                continue;
            }
            int segment = segmentOf(h.frame() < perFrame.size() ? perFrame.get(h.frame()) : null, shared);
            if (segment <= 0) {
                continue;
            }
            int[] runs = runs(dec.storedValues(h.frame()), threshold);
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
        return new Segmentation(in, refs, segments, frames, spacing / 2);
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

    private static int[] runs(int[] values, int threshold) {
        int[] out = new int[16];
        int n = 0;
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
            if (n + 2 > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[n++] = start;
            out[n++] = i;
        }
        return Arrays.copyOf(out, n);
    }

    /** A label map frame's runs, segment by segment (ascending), the background value left out. */
    private static Map<Integer, int[]> labelRuns(int[] values, int background) {
        Map<Integer, int[]> runs = new TreeMap<>();
        Map<Integer, Integer> used = new HashMap<>();
        int i = 0;
        while (i < values.length) {
            int v = values[i];
            int start = i;
            while (i < values.length && values[i] == v) {
                i++;
            }
            if (v == background) {
                continue;
            }
            int n = used.getOrDefault(v, 0);
            int[] r = runs.computeIfAbsent(v, k -> new int[16]);
            if (n + 2 > r.length) {
                r = Arrays.copyOf(r, r.length * 2);
                runs.put(v, r);
            }
            r[n] = start;
            r[n + 1] = i;
            used.put(v, n + 2);
        }
        runs.replaceAll((v, r) -> Arrays.copyOf(r, used.get(v)));
        return runs;
    }

    private static long setPixels(int[] runs) {
        long n = 0;
        for (int i = 0; i < runs.length; i += 2) {
            n += runs[i + 1] - runs[i];
        }
        return n;
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
        for (Stack st : stacks()) {
            Vec3 n = st.normal;
            double d0 = origin.dot(n);
            double dc = stepColumn.dot(n);
            double dr = stepRow.dot(n);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    double d = d0 + c * dc + r * dr;
                    int k = st.firstAtOrAbove(d - halfSpacing - 1e-3);
                    for (; k < st.along.length && st.along[k] <= d + halfSpacing + 1e-3; k++) {
                        Frame f = st.frames[k];
                        if (segment > 0 && f.segment() != segment) {
                            continue;
                        }
                        SliceHeader p = f.plane();
                        double qx = origin.x() + c * stepColumn.x() + r * stepRow.x() - p.position().x();
                        double qy = origin.y() + c * stepColumn.y() + r * stepRow.y() - p.position().y();
                        double qz = origin.z() + c * stepColumn.z() + r * stepRow.z() - p.position().z();
                        Vec3 rd = p.rowDirection();
                        Vec3 cd = p.columnDirection();
                        int iu = (int) Math.floor((qx * rd.x() + qy * rd.y() + qz * rd.z()) / p.columnSpacing() + 0.5);
                        int iv = (int) Math.floor((qx * cd.x() + qy * cd.y() + qz * cd.z()) / p.rowSpacing() + 0.5);
                        if (iu >= 0 && iv >= 0 && iu < p.columns() && iv < p.rows() && contains(f.runs(),
                                iv * p.columns() + iu)) {
                            if (out == null) {
                                out = new int[columns * rows];
                            }
                            out[r * columns + c] = Math.max(out[r * columns + c], f.segment());
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

    private List<Stack> stacks;

    /** The frames grouped by orientation (nearly always one group), made on first use. */
    private synchronized List<Stack> stacks() {
        if (stacks == null) {
            List<Vec3> normals = new ArrayList<>();
            List<List<Frame>> groups = new ArrayList<>();
            for (Frame f : frames) {
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
            stacks = out;
        }
        return stacks;
    }

    /** Whether raster index i falls in one of the runs (start, end exclusive; sorted, disjoint). */
    private static boolean contains(int[] runs, int i) {
        int lo = 0;
        int hi = runs.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (i < runs[2 * mid]) {
                hi = mid - 1;
            } else if (i >= runs[2 * mid + 1]) {
                lo = mid + 1;
            } else {
                return true;
            }
        }
        return false;
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
        int[] out = null;
        boolean[] mask = null;
        for (Frame f : frames) {
            SliceHeader p = f.plane();
            if (Math.abs(p.normal().dot(n)) < 0.9999
                    || Math.abs(image.position().minus(p.position()).dot(p.normal())) > halfSpacing + 1e-3) {
                continue;
            }
            int fc = p.columns();
            int fr = p.rows();
            if (mask == null || mask.length != fc * fr) {
                mask = new boolean[fc * fr];
            } else {
                Arrays.fill(mask, false);
            }
            int[] runs = f.runs();
            for (int i = 0; i < runs.length; i += 2) {
                Arrays.fill(mask, runs[i], runs[i + 1], true);
            }
            if (out == null) {
                out = new int[image.rows() * image.columns()];
            }
            // frame pixel (u, v) of the image's pixel (c, r) is affine: u0 + c du_c + r du_r, ...
            Vec3 d = image.position().minus(p.position());
            Vec3 stepC = image.rowDirection().times(image.columnSpacing());
            Vec3 stepR = image.columnDirection().times(image.rowSpacing());
            double u0 = d.dot(p.rowDirection()) / p.columnSpacing();
            double v0 = d.dot(p.columnDirection()) / p.rowSpacing();
            double duC = stepC.dot(p.rowDirection()) / p.columnSpacing();
            double dvC = stepC.dot(p.columnDirection()) / p.rowSpacing();
            double duR = stepR.dot(p.rowDirection()) / p.columnSpacing();
            double dvR = stepR.dot(p.columnDirection()) / p.rowSpacing();
            for (int r = 0; r < image.rows(); r++) {
                double u = u0 + r * duR;
                double v = v0 + r * dvR;
                for (int c = 0; c < image.columns(); c++, u += duC, v += dvC) {
                    int iu = (int) Math.floor(u + 0.5);
                    int iv = (int) Math.floor(v + 0.5);
                    if (iu >= 0 && iv >= 0 && iu < fc && iv < fr && mask[iv * fc + iu]) {
                        int k = r * image.columns() + c;
                        out[k] = Math.max(out[k], f.segment());
                    }
                }
            }
        }
        return out;
    }
}
