package org.clain.geom;

import java.util.Optional;

/**
 * A bounded image in patient space: the centre of its first pixel, its row and column
 * directions, pixel spacing, and size. Used for reference lines (where another image's plane
 * cuts this one) and for mapping between pixels and patient millimetres.
 *
 * @param origin          patient position of the centre of pixel (column 0, row 0)
 * @param rowDirection    unit direction of increasing column index
 * @param columnDirection unit direction of increasing row index
 * @param columnSpacing   mm between adjacent columns (along rowDirection)
 * @param rowSpacing      mm between adjacent rows (along columnDirection)
 */
public record ImagePlane(Vec3 origin, Vec3 rowDirection, Vec3 columnDirection, double columnSpacing,
                         double rowSpacing, int columns, int rows) {

    /** A line segment in this image's pixel coordinates (column, row; pixel centres at integers). */
    public record Segment(double column0, double row0, double column1, double row1) {
        public double length() {
            return Math.hypot(column1 - column0, row1 - row0);
        }
    }

    public Vec3 normal() {
        return rowDirection.cross(columnDirection).normalized();
    }

    public Vec3 toPatient(double column, double row) {
        return origin.plus(rowDirection.times(column * columnSpacing)).plus(columnDirection.times(row * rowSpacing));
    }

    /** (column, row) of the orthogonal projection of a patient point onto this plane. */
    public double[] toPixel(Vec3 p) {
        Vec3 v = p.minus(origin);
        return new double[] {v.dot(rowDirection) / columnSpacing, v.dot(columnDirection) / rowSpacing};
    }

    /** Signed distance (mm) of a patient point from this plane, along the normal. */
    public double distance(Vec3 p) {
        return p.minus(origin).dot(normal());
    }

    public Vec3 center() {
        return toPatient((columns - 1) / 2.0, (rows - 1) / 2.0);
    }

    /**
     * The reference line of {@code other} on this image: the intersection of the two planes,
     * clipped to both images' extents, in this image's pixel coordinates. Empty when the planes
     * are parallel (within {@code 1e-6}) or the line misses either image.
     */
    public Optional<Segment> referenceLine(ImagePlane other) {
        Vec3 n1 = normal();
        Vec3 n2 = other.normal();
        Vec3 dir = n1.cross(n2);
        double s = dir.norm();
        if (s < 1e-6) {
            return Optional.empty();
        }
        dir = dir.times(1 / s);
        double h1 = n1.dot(origin);
        double h2 = n2.dot(other.origin);
        double dot = n1.dot(n2);
        double det = 1 - dot * dot;
        Vec3 p0 = n1.times((h1 - h2 * dot) / det).plus(n2.times((h2 - h1 * dot) / det));
        double[] t = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
        if (!other.clip(p0, dir, t) || !clip(p0, dir, t)) {
            return Optional.empty();
        }
        double[] a = toPixel(p0.plus(dir.times(t[0])));
        double[] b = toPixel(p0.plus(dir.times(t[1])));
        return Optional.of(new Segment(a[0], a[1], b[0], b[1]));
    }

    /** Narrows [t0, t1] of the line p0 + t dir to this image's rectangle (Liang-Barsky). */
    private boolean clip(Vec3 p0, Vec3 dir, double[] t) {
        double[] a = toPixel(p0);
        double[] b = toPixel(p0.plus(dir));
        double[] start = {a[0], a[1]};
        double[] delta = {b[0] - a[0], b[1] - a[1]};
        double[] max = {columns - 0.5, rows - 0.5};
        for (int k = 0; k < 2; k++) {
            double lo = -0.5;
            double hi = max[k];
            if (Math.abs(delta[k]) < 1e-12) {
                if (start[k] < lo || start[k] > hi) {
                    return false;
                }
                continue;
            }
            double ta = (lo - start[k]) / delta[k];
            double tb = (hi - start[k]) / delta[k];
            t[0] = Math.max(t[0], Math.min(ta, tb));
            t[1] = Math.min(t[1], Math.max(ta, tb));
        }
        return t[0] <= t[1];
    }
}
