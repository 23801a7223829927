package org.clain.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.clain.geom.Vec3;

/**
 * A region of interest drawn on a plane: an ellipse, a rectangle, a polygon or a freehand outline.
 * The plane is {@code center} with the orthonormal in-plane axes {@code u} and {@code v} (as the
 * view's screen right and down); in-plane coordinates (s, t) of a patient point p are
 * ((p - center) . u, (p - center) . v), in mm.
 *
 * <p>{@code points} are the defining points in patient mm:
 * <ul>
 *   <li>ELLIPSE: the axis end points {@code c + ru u, c - ru u, c + rv v, c - rv v} (the ellipse's
 *       axes lie along u and v; ru and rv are the semi-axes);</li>
 *   <li>RECTANGLE: the corners {@code (-hu,-hv), (hu,-hv), (hu,hv), (-hu,hv)} in (s, t);</li>
 *   <li>POLYGON and FREEHAND: the vertices, in order, the outline closing from the last to the
 *       first (freehand is a polygon with many vertices; it is kept apart for the UI and reports).</li>
 * </ul>
 * Every point lies on the plane (within {@value #ON_PLANE_TOLERANCE_MM} mm).
 */
public record PlanarRoi(Meta meta, Shape shape, Vec3 center, Vec3 u, Vec3 v, List<Vec3> points)
        implements Measurement {

    public enum Shape {
        ELLIPSE, RECTANGLE, POLYGON, FREEHAND
    }

    /** How far a stored point may lie off the ROI's plane. */
    public static final double ON_PLANE_TOLERANCE_MM = 1e-3;
    /** How far the points given to {@link #polygon} may lie off their best plane before they are refused. */
    public static final double COPLANAR_TOLERANCE_MM = 0.1;
    private static final double UNIT_TOLERANCE = 1e-6;

    public PlanarRoi {
        Objects.requireNonNull(shape, "shape");
        Measurement.finite(center, "ROI centre");
        Measurement.finite(u, "ROI axis u");
        Measurement.finite(v, "ROI axis v");
        if (Math.abs(u.norm() - 1) > UNIT_TOLERANCE || Math.abs(v.norm() - 1) > UNIT_TOLERANCE
                || Math.abs(u.dot(v)) > UNIT_TOLERANCE) {
            throw new IllegalArgumentException("ROI axes u and v must be orthonormal: " + u + ", " + v);
        }
        points = Measurement.finite(points, shape == Shape.ELLIPSE || shape == Shape.RECTANGLE ? 4 : 3, "ROI");
        Vec3 n = u.cross(v);
        for (Vec3 p : points) {
            double off = p.minus(center).dot(n);
            if (Math.abs(off) > ON_PLANE_TOLERANCE_MM) {
                throw new IllegalArgumentException("ROI point " + p + " lies " + off + " mm off the ROI plane");
            }
        }
        switch (shape) {
            case ELLIPSE -> {
                if (points.size() != 4) {
                    throw new IllegalArgumentException("an ellipse has 4 axis end points, got " + points.size());
                }
                double ru = points.get(0).minus(center).dot(u);
                double rv = points.get(2).minus(center).dot(v);
                checkAt(points.get(0), center, u, v, ru, 0);
                checkAt(points.get(1), center, u, v, -ru, 0);
                checkAt(points.get(2), center, u, v, 0, rv);
                checkAt(points.get(3), center, u, v, 0, -rv);
                if (!(ru > 0) || !(rv > 0)) {
                    throw new IllegalArgumentException("ellipse semi-axes must be positive: " + ru + ", " + rv);
                }
            }
            case RECTANGLE -> {
                if (points.size() != 4) {
                    throw new IllegalArgumentException("a rectangle has 4 corners, got " + points.size());
                }
                double hu = points.get(2).minus(center).dot(u);
                double hv = points.get(2).minus(center).dot(v);
                checkAt(points.get(0), center, u, v, -hu, -hv);
                checkAt(points.get(1), center, u, v, hu, -hv);
                checkAt(points.get(3), center, u, v, -hu, hv);
                if (!(hu > 0) || !(hv > 0)) {
                    throw new IllegalArgumentException("rectangle half sizes must be positive: " + hu + ", " + hv);
                }
            }
            default -> {
                // polygon area must not vanish
                double[][] st = project(points, center, u, v);
                if (!(Math.abs(shoelace(st)) > 1e-9)) {
                    throw new IllegalArgumentException("ROI outline encloses no area");
                }
            }
        }
    }

    private static void checkAt(Vec3 p, Vec3 c, Vec3 u, Vec3 v, double s, double t) {
        Vec3 expected = c.plus(u.times(s)).plus(v.times(t));
        if (p.distance(expected) > ON_PLANE_TOLERANCE_MM) {
            throw new IllegalArgumentException("ROI point " + p + " is not where its shape puts it (" + expected + ")");
        }
    }

    /** An ellipse with semi-axis {@code ru} along {@code u} and {@code rv} along {@code v}. */
    public static PlanarRoi ellipse(Meta meta, Vec3 center, Vec3 u, Vec3 v, double ru, double rv) {
        return new PlanarRoi(meta, Shape.ELLIPSE, center, u, v, List.of(center.plus(u.times(ru)),
                center.minus(u.times(ru)), center.plus(v.times(rv)), center.minus(v.times(rv))));
    }

    /** An ellipse on the plane through {@code center} with the given normal, axes from {@link #axesForNormal}. */
    public static PlanarRoi ellipse(Meta meta, Vec3 center, Vec3 normal, double ru, double rv) {
        Vec3[] axes = axesForNormal(normal);
        return ellipse(meta, center, axes[0], axes[1], ru, rv);
    }

    /** A rectangle of half sizes {@code hu} along u and {@code hv} along v. */
    public static PlanarRoi rectangle(Meta meta, Vec3 center, Vec3 u, Vec3 v, double hu, double hv) {
        return new PlanarRoi(meta, Shape.RECTANGLE, center, u, v, List.of(at(center, u, v, -hu, -hv),
                at(center, u, v, hu, -hv), at(center, u, v, hu, hv), at(center, u, v, -hu, hv)));
    }

    /** The rectangle with opposite corners {@code c1}, {@code c2} (projected onto the plane of u, v through c1). */
    public static PlanarRoi rectangleFromCorners(Meta meta, Vec3 c1, Vec3 c2, Vec3 u, Vec3 v) {
        Vec3 d = c2.minus(c1);
        double su = d.dot(u);
        double sv = d.dot(v);
        Vec3 center = at(c1, u, v, su / 2, sv / 2);
        return rectangle(meta, center, u, v, Math.abs(su) / 2, Math.abs(sv) / 2);
    }

    /** A polygon through the given vertices (at least 3, coplanar within {@value #COPLANAR_TOLERANCE_MM} mm). */
    public static PlanarRoi polygon(Meta meta, List<Vec3> vertices) {
        return fitted(meta, Shape.POLYGON, vertices);
    }

    /** A freehand outline (a polygon of many vertices). */
    public static PlanarRoi freehand(Meta meta, List<Vec3> vertices) {
        return fitted(meta, Shape.FREEHAND, vertices);
    }

    /**
     * A polygon ROI on its best plane: the centre is the vertices' mean, the normal is Newell's
     * normal, u and v follow {@link #axesForNormal}; vertices are projected onto that plane, and
     * refused when one lies more than {@value #COPLANAR_TOLERANCE_MM} mm off it.
     */
    private static PlanarRoi fitted(Meta meta, Shape shape, List<Vec3> vertices) {
        List<Vec3> pts = Measurement.finite(vertices, 3, "polygon");
        Vec3 c = Vec3.ZERO;
        for (Vec3 p : pts) {
            c = c.plus(p);
        }
        c = c.times(1.0 / pts.size());
        double nx = 0;
        double ny = 0;
        double nz = 0;
        for (int i = 0; i < pts.size(); i++) {
            Vec3 a = pts.get(i).minus(c);
            Vec3 b = pts.get((i + 1) % pts.size()).minus(c);
            nx += (a.y() - b.y()) * (a.z() + b.z());
            ny += (a.z() - b.z()) * (a.x() + b.x());
            nz += (a.x() - b.x()) * (a.y() + b.y());
        }
        Vec3 n = new Vec3(nx, ny, nz);
        if (n.norm() < 1e-12) {
            throw new IllegalArgumentException("polygon vertices are collinear: they define no plane");
        }
        n = n.normalized();
        Vec3[] axes = axesForNormal(n);
        List<Vec3> onPlane = new ArrayList<>();
        double worst = 0;
        for (Vec3 p : pts) {
            double off = p.minus(c).dot(n);
            worst = Math.max(worst, Math.abs(off));
            onPlane.add(p.minus(n.times(off)));
        }
        if (worst > COPLANAR_TOLERANCE_MM) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "polygon vertices are not coplanar: one lies %.3f mm off their plane (tolerance %.1f mm)",
                    worst, COPLANAR_TOLERANCE_MM));
        }
        return new PlanarRoi(meta, shape, c, axes[0], axes[1], onPlane);
    }

    /**
     * In-plane axes (u, v) for a plane of the given normal, the rule of Clain's oblique MPR planes
     * (render.Plane.oblique without an explicit up): v points away from "up", where up is anterior
     * (-Y) for planes closest to axial and head (+Z) otherwise; u = v x n. Normal (0,0,1) gives
     * u = +X, v = +Y (the axial view), (0,1,0) gives the coronal axes, (-1,0,0) the sagittal ones.
     */
    public static Vec3[] axesForNormal(Vec3 normal) {
        Vec3 n = normal.normalized();
        if (!(n.norm() > 0.5)) {
            throw new IllegalArgumentException("normal must be a non-zero finite vector: " + normal);
        }
        double ax = Math.abs(n.x());
        double ay = Math.abs(n.y());
        double az = Math.abs(n.z());
        Vec3 up = az >= ax && az >= ay ? new Vec3(0, -1, 0) : new Vec3(0, 0, 1);
        Vec3 vUp = up.minus(n.times(up.dot(n)));
        if (vUp.norm() < 1e-6) {
            up = up.z() != 0 ? new Vec3(0, -1, 0) : new Vec3(0, 0, 1);
            vUp = up.minus(n.times(up.dot(n)));
        }
        Vec3 v = vUp.normalized().times(-1);
        Vec3 u = v.cross(n).normalized();
        return new Vec3[] {u, v};
    }

    private static Vec3 at(Vec3 c, Vec3 u, Vec3 v, double s, double t) {
        return c.plus(u.times(s)).plus(v.times(t));
    }

    /** Unit normal u x v. */
    public Vec3 normal() {
        return u.cross(v);
    }

    /** In-plane coordinates (s, t) in mm of the projection of {@code p}. */
    public double[] toPlane(Vec3 p) {
        Vec3 d = p.minus(center);
        return new double[] {d.dot(u), d.dot(v)};
    }

    /** The patient point at in-plane coordinates (s, t). */
    public Vec3 toPatient(double s, double t) {
        return at(center, u, v, s, t);
    }

    /** Semi-axis along u (ellipse) or half width (rectangle); NaN for polygons. */
    public double radiusU() {
        return switch (shape) {
            case ELLIPSE -> points.get(0).minus(center).dot(u);
            case RECTANGLE -> points.get(2).minus(center).dot(u);
            default -> Double.NaN;
        };
    }

    /** Semi-axis along v (ellipse) or half height (rectangle); NaN for polygons. */
    public double radiusV() {
        return switch (shape) {
            case ELLIPSE -> points.get(2).minus(center).dot(v);
            case RECTANGLE -> points.get(2).minus(center).dot(v);
            default -> Double.NaN;
        };
    }

    /** The in-plane (s, t) vertices of the outline (rectangle corners, polygon vertices); null for an ellipse. */
    double[][] polygonST() {
        return shape == Shape.ELLIPSE ? null : project(points, center, u, v);
    }

    /**
     * True when in-plane point (s, t) is inside: for an ellipse (s/ru)^2 + (t/rv)^2 <= 1, for a
     * rectangle |s| <= hu and |t| <= hv (boundary inside), for a polygon the even-odd rule
     * (a point exactly on an edge may fall either side).
     */
    public boolean contains(double s, double t) {
        return switch (shape) {
            case ELLIPSE -> {
                double a = s / radiusU();
                double b = t / radiusV();
                yield a * a + b * b <= 1;
            }
            case RECTANGLE -> Math.abs(s) <= radiusU() && Math.abs(t) <= radiusV();
            default -> insidePolygon(polygonST(), s, t);
        };
    }

    static boolean insidePolygon(double[][] st, double s, double t) {
        boolean in = false;
        for (int i = 0, j = st.length - 1; i < st.length; j = i++) {
            double si = st[i][0];
            double ti = st[i][1];
            double sj = st[j][0];
            double tj = st[j][1];
            if ((ti > t) != (tj > t) && s < (sj - si) * (t - ti) / (tj - ti) + si) {
                in = !in;
            }
        }
        return in;
    }

    /** Exact area of the shape in mm^2 (pi ru rv, 4 hu hv, or the polygon's shoelace area). */
    public double areaMm2() {
        return switch (shape) {
            case ELLIPSE -> Math.PI * radiusU() * radiusV();
            case RECTANGLE -> 4 * radiusU() * radiusV();
            default -> Math.abs(shoelace(polygonST()));
        };
    }

    /** Perimeter in mm (Ramanujan's second approximation for the ellipse, relative error below 1e-9 here). */
    public double perimeterMm() {
        if (shape == Shape.ELLIPSE) {
            double a = radiusU();
            double b = radiusV();
            double h = (a - b) * (a - b) / ((a + b) * (a + b));
            return Math.PI * (a + b) * (1 + 3 * h / (10 + Math.sqrt(4 - 3 * h)));
        }
        double sum = 0;
        for (int i = 0; i < points.size(); i++) {
            sum += points.get(i).distance(points.get((i + 1) % points.size()));
        }
        return sum;
    }

    /** The closed outline for drawing: polygon vertices, rectangle corners, or {@code segments} points on the ellipse. */
    public List<Vec3> outline(int segments) {
        if (shape != Shape.ELLIPSE) {
            return points;
        }
        List<Vec3> out = new ArrayList<>(segments);
        for (int i = 0; i < segments; i++) {
            double a = 2 * Math.PI * i / segments;
            out.add(toPatient(radiusU() * Math.cos(a), radiusV() * Math.sin(a)));
        }
        return out;
    }

    static double[][] project(List<Vec3> pts, Vec3 c, Vec3 u, Vec3 v) {
        double[][] st = new double[pts.size()][];
        for (int i = 0; i < st.length; i++) {
            Vec3 d = pts.get(i).minus(c);
            st[i] = new double[] {d.dot(u), d.dot(v)};
        }
        return st;
    }

    static double shoelace(double[][] st) {
        double sum = 0;
        for (int i = 0, j = st.length - 1; i < st.length; j = i++) {
            sum += st[j][0] * st[i][1] - st[i][0] * st[j][1];
        }
        return sum / 2;
    }

    @Override
    public PlanarRoi withMeta(Meta m) {
        return new PlanarRoi(m, shape, center, u, v, points);
    }

    @Override
    public PlanarRoi translated(Vec3 d) {
        return new PlanarRoi(meta, shape, center.plus(d), u, v, Measurement.translate(points, d));
    }

    @Override
    public String type() {
        return "roi";
    }
}
