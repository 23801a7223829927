package org.clain.render;

import java.util.ArrayList;
import java.util.List;
import org.clain.geom.Vec3;

/**
 * A 3D curve in patient space (mm), parametrised by arc length: a polyline through the given
 * points, or a centripetal Catmull-Rom spline through them (ends extended by reflected points),
 * flattened into a dense polyline of {@link #SPLINE_SUBDIVISIONS} pieces per span.
 */
public final class Curve {
    public static final int SPLINE_SUBDIVISIONS = 64;

    private final double[] xyz; // dense vertices
    private final double[] arc; // cumulative arc length at each vertex

    private Curve(List<Vec3> dense) {
        int n = dense.size();
        xyz = new double[3 * n];
        arc = new double[n];
        for (int i = 0; i < n; i++) {
            Vec3 p = dense.get(i);
            xyz[3 * i] = p.x();
            xyz[3 * i + 1] = p.y();
            xyz[3 * i + 2] = p.z();
            if (i > 0) {
                arc[i] = arc[i - 1] + p.distance(dense.get(i - 1));
            }
        }
    }

    /** Straight segments between consecutive points (repeated points are dropped). */
    public static Curve polyline(List<Vec3> points) {
        return new Curve(distinct(points));
    }

    /** A centripetal Catmull-Rom spline through every point. */
    public static Curve catmullRom(List<Vec3> points) {
        List<Vec3> p = distinct(points);
        if (p.size() == 2) {
            return new Curve(p);
        }
        int n = p.size();
        List<Vec3> ext = new ArrayList<>(n + 2);
        ext.add(p.get(0).times(2).minus(p.get(1)));
        ext.addAll(p);
        ext.add(p.get(n - 1).times(2).minus(p.get(n - 2)));
        List<Vec3> dense = new ArrayList<>();
        dense.add(p.get(0));
        for (int s = 0; s < n - 1; s++) {
            Vec3 p0 = ext.get(s);
            Vec3 p1 = ext.get(s + 1);
            Vec3 p2 = ext.get(s + 2);
            Vec3 p3 = ext.get(s + 3);
            double t0 = 0;
            double t1 = t0 + Math.sqrt(p0.distance(p1));
            double t2 = t1 + Math.sqrt(p1.distance(p2));
            double t3 = t2 + Math.sqrt(p2.distance(p3));
            for (int k = 1; k <= SPLINE_SUBDIVISIONS; k++) {
                if (k == SPLINE_SUBDIVISIONS) {
                    dense.add(p2);
                    break;
                }
                double t = t1 + (t2 - t1) * k / SPLINE_SUBDIVISIONS;
                Vec3 a1 = lerp(p0, p1, t0, t1, t);
                Vec3 a2 = lerp(p1, p2, t1, t2, t);
                Vec3 a3 = lerp(p2, p3, t2, t3, t);
                Vec3 b1 = lerp(a1, a2, t0, t2, t);
                Vec3 b2 = lerp(a2, a3, t1, t3, t);
                dense.add(lerp(b1, b2, t1, t2, t));
            }
        }
        return new Curve(dense);
    }

    private static Vec3 lerp(Vec3 a, Vec3 b, double ta, double tb, double t) {
        double w = (t - ta) / (tb - ta);
        return a.times(1 - w).plus(b.times(w));
    }

    private static List<Vec3> distinct(List<Vec3> points) {
        List<Vec3> out = new ArrayList<>();
        for (Vec3 p : points) {
            if (out.isEmpty() || out.get(out.size() - 1).distance(p) > 1e-9) {
                out.add(p);
            }
        }
        if (out.size() < 2) {
            throw new IllegalArgumentException("a curve needs at least two distinct points");
        }
        return out;
    }

    public double length() {
        return arc[arc.length - 1];
    }

    /** The point at arc length s (clamped to [0, length]). */
    public Vec3 at(double s) {
        int i = segment(s);
        double len = arc[i + 1] - arc[i];
        double w = len == 0 ? 0 : Math.min(1, Math.max(0, (s - arc[i]) / len));
        return new Vec3(xyz[3 * i] + w * (xyz[3 * i + 3] - xyz[3 * i]),
                xyz[3 * i + 1] + w * (xyz[3 * i + 4] - xyz[3 * i + 1]),
                xyz[3 * i + 2] + w * (xyz[3 * i + 5] - xyz[3 * i + 2]));
    }

    /**
     * Unit tangent at arc length s, as the chord from s-h to s+h (clamped to the ends): smooth
     * across polyline corners, exact on straight pieces.
     */
    public Vec3 tangent(double s, double h) {
        double a = Math.max(0, s - h);
        double b = Math.min(length(), s + h);
        Vec3 d = at(b).minus(at(a));
        if (d.norm() == 0) {
            int i = segment(s);
            d = vertex(i + 1).minus(vertex(i));
        }
        return d.normalized();
    }

    /** The dense vertices (for spline display). */
    public List<Vec3> vertices() {
        List<Vec3> out = new ArrayList<>(arc.length);
        for (int i = 0; i < arc.length; i++) {
            out.add(vertex(i));
        }
        return out;
    }

    private Vec3 vertex(int i) {
        return new Vec3(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2]);
    }

    private int segment(double s) {
        int lo = 0;
        int hi = arc.length - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (arc[mid] <= s) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
