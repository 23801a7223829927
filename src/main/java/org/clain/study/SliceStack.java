package org.clain.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clain.geom.Affine;
import org.clain.geom.Vec3;

/**
 * Frames of one series that form a regular 3D stack: same size, orientation and pixel spacing,
 * sorted ascending along the slice normal (never by Instance Number), with spacing computed
 * from the positions, and the irregularities found (gaps, non-uniform spacing, gantry tilt).
 */
public final class SliceStack {
    /** Spacing differences below this are uniform (as SERIES.tsv's 0.01 mm). */
    public static final double UNIFORM_TOLERANCE_MM = 0.01;

    private final Series series;
    private final List<SliceHeader> slices;
    private final boolean localizer;
    private final List<String> warnings = new ArrayList<>();
    private final double[] positions;
    private double sliceSpacing;
    private double minSpacing;
    private double maxSpacing;
    private boolean uniform = true;
    private double tiltDegrees;

    private SliceStack(Series series, List<SliceHeader> slices, boolean localizer) {
        this.series = series;
        this.slices = List.copyOf(slices);
        this.localizer = localizer;
        this.positions = new double[slices.size()];
        analyse();
    }

    /** Splits a series into stacks by geometry; largest stack first, localizers last. */
    public static List<SliceStack> split(Series series) {
        Map<String, List<SliceHeader>> groups = new LinkedHashMap<>();
        for (Instance in : series.instances()) {
            // colour and grey images are shown and loaded apart: never one stack
            String kind = ColorStack.isColor(in) ? " colour" : " grey";
            for (SliceHeader s : in.slices()) {
                groups.computeIfAbsent(key(s) + kind, k -> new ArrayList<>()).add(s);
            }
        }
        List<SliceStack> out = new ArrayList<>();
        for (List<SliceHeader> g : groups.values()) {
            SliceHeader first = g.get(0);
            if (!first.hasGeometry()) {
                g.sort(Comparator.comparingInt(SliceHeader::instanceNumber).thenComparingInt(SliceHeader::frame));
                out.add(new SliceStack(series, g, first.localizer()));
                continue;
            }
            Vec3 n = first.normal();
            g.sort(Comparator.comparingDouble((SliceHeader s) -> s.position().dot(n))
                    .thenComparingInt(SliceHeader::instanceNumber).thenComparingInt(SliceHeader::frame));
            // frames at the same position (echoes, phases) go to separate stacks by occurrence
            List<List<SliceHeader>> byOccurrence = new ArrayList<>();
            double last = Double.NaN;
            int occurrence = 0;
            for (SliceHeader s : g) {
                double d = s.position().dot(n);
                occurrence = Math.abs(d - last) < 1e-3 ? occurrence + 1 : 0;
                last = d;
                while (byOccurrence.size() <= occurrence) {
                    byOccurrence.add(new ArrayList<>());
                }
                byOccurrence.get(occurrence).add(s);
            }
            for (List<SliceHeader> stack : byOccurrence) {
                out.add(new SliceStack(series, stack, first.localizer()));
            }
        }
        out.sort(Comparator.comparing(SliceStack::isLocalizer).thenComparing(s -> -s.size()));
        return out;
    }

    /** Grouping key: size, orientation to 1e-3, spacing to 1e-4 (no String.format: it is per slice). */
    private static String key(SliceHeader s) {
        StringBuilder b = new StringBuilder(96).append(s.rows()).append('x').append(s.columns()).append(' ')
                .append(s.localizer());
        if (!s.hasGeometry()) {
            return b.append(" nogeom").toString();
        }
        Vec3 r = s.rowDirection();
        Vec3 c = s.columnDirection();
        for (double d : new double[] {r.x(), r.y(), r.z(), c.x(), c.y(), c.z()}) {
            b.append(' ').append(Math.round(d * 1000));
        }
        return b.append(' ').append(Math.round(s.rowSpacing() * 10000)).append(' ')
                .append(Math.round(s.columnSpacing() * 10000)).toString();
    }

    private void analyse() {
        SliceHeader first = slices.get(0);
        switch (first.spacingSource()) {
            case DETECTOR -> warnings.add("no Pixel Spacing: lengths are at the detector (Imager Pixel Spacing),"
                    + " not corrected for magnification");
            case ULTRASOUND_REGIONS -> warnings.add("no Pixel Spacing: lengths from the ultrasound regions'"
                    + " calibration, true in their scanned plane");
            case NONE -> warnings.add("no Pixel Spacing: lengths are in pixels (1 mm per pixel taken)");
            default -> { }
        }
        if (!first.hasGeometry()) {
            warnings.add("no Image Plane geometry: slices ordered by Instance Number, 1 mm spacing assumed");
            sliceSpacing = first.sliceThickness() > 0 ? first.sliceThickness() : 1;
            minSpacing = maxSpacing = sliceSpacing;
            return;
        }
        Vec3 n = first.normal();
        for (int i = 0; i < slices.size(); i++) {
            positions[i] = slices.get(i).position().dot(n);
        }
        if (slices.size() < 2) {
            sliceSpacing = first.sliceThickness() > 0 ? first.sliceThickness() : 1;
            minSpacing = maxSpacing = sliceSpacing;
            return;
        }
        double[] d = new double[slices.size() - 1];
        minSpacing = Double.MAX_VALUE;
        maxSpacing = 0;
        for (int i = 0; i < d.length; i++) {
            d[i] = positions[i + 1] - positions[i];
            minSpacing = Math.min(minSpacing, d[i]);
            maxSpacing = Math.max(maxSpacing, d[i]);
        }
        sliceSpacing = (positions[positions.length - 1] - positions[0]) / d.length;
        uniform = maxSpacing - minSpacing <= UNIFORM_TOLERANCE_MM;
        if (!uniform) {
            double[] sorted = d.clone();
            java.util.Arrays.sort(sorted);
            double median = sorted[sorted.length / 2];
            for (int i = 0; i < d.length; i++) {
                if (d[i] > 1.5 * median) {
                    warnings.add(String.format(Locale.ROOT,
                            "gap of %.2f mm between slices %d and %d (about %d missing slice(s))",
                            d[i], i, i + 1, Math.round(d[i] / median) - 1));
                }
            }
            warnings.add(String.format(Locale.ROOT, "non-uniform slice spacing: %.3f to %.3f mm (mean %.3f)",
                    minSpacing, maxSpacing, sliceSpacing));
        }
        Vec3 step = slices.get(slices.size() - 1).position().minus(first.position());
        double cos = Math.min(1, Math.abs(step.normalized().dot(n)));
        tiltDegrees = Math.toDegrees(Math.acos(cos));
        if (tiltDegrees > 0.05) {
            warnings.add(String.format(Locale.ROOT,
                    "gantry tilt / sheared stack: %.2f deg between the slice normal and the stacking direction; "
                            + "geometry kept exact in the voxel-to-patient affine", tiltDegrees));
        }
    }

    public Series series() {
        return series;
    }

    /** The instance (file) a slice of this stack comes from. */
    public Instance instance(SliceHeader h) {
        for (Instance i : series.instances()) {
            if (i.path().equals(h.path())) {
                return i;
            }
        }
        throw new IllegalStateException("slice file not in its series: " + h.path());
    }

    public List<SliceHeader> slices() {
        return slices;
    }

    public int size() {
        return slices.size();
    }

    public boolean isLocalizer() {
        return localizer;
    }

    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public boolean uniformSpacing() {
        return uniform;
    }

    /** Mean distance between consecutive slices along the normal, mm. */
    public double sliceSpacing() {
        return sliceSpacing;
    }

    public double minSpacing() {
        return minSpacing;
    }

    public double maxSpacing() {
        return maxSpacing;
    }

    public double tiltDegrees() {
        return tiltDegrees;
    }

    /** Position of each slice along the normal (mm), ascending. */
    public double[] positionsAlongNormal() {
        return positions.clone();
    }

    /**
     * Voxel (column, row, slice) to patient LPS mm. The slice step is the mean step between the
     * first and last positions, so tilted (sheared) stacks stay exact.
     */
    public Affine voxelToPatient() {
        SliceHeader f = slices.get(0);
        Vec3 row = f.hasGeometry() ? f.rowDirection() : new Vec3(1, 0, 0);
        Vec3 col = f.hasGeometry() ? f.columnDirection() : new Vec3(0, 1, 0);
        Vec3 origin = f.hasGeometry() ? f.position() : Vec3.ZERO;
        Vec3 step;
        if (f.hasGeometry() && slices.size() > 1) {
            step = slices.get(slices.size() - 1).position().minus(origin).times(1.0 / (slices.size() - 1));
        } else {
            step = row.cross(col).normalized().times(sliceSpacing);
        }
        return Affine.fromColumns(row.times(f.columnSpacing()), col.times(f.rowSpacing()), step, origin);
    }
}
