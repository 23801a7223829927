package org.clain.ui.measure;

import java.util.ArrayList;
import java.util.List;
import org.clain.geom.Vec3;
import org.clain.measure.Angle;
import org.clain.measure.Arrow;
import org.clain.measure.CobbAngle;
import org.clain.measure.Distance;
import org.clain.measure.EllipsoidRoi;
import org.clain.measure.Measurement;
import org.clain.measure.Meta;
import org.clain.measure.PlanarRoi;
import org.clain.measure.PointProbe;
import org.clain.measure.Polyline;
import org.clain.measure.TextLabel;

/**
 * What the mouse does to measurements: builds a new one from the points the user placed, and
 * gives the edited record when a handle is dragged. The records and their factories are the
 * engine's ({@code org.clain.measure}); every point here is in patient mm.
 */
final class MeasureEdits {
    private MeasureEdits() {
    }

    /**
     * The measurement a tool makes of the points placed so far; null when they are not enough
     * (or make nothing, such as two equal points).
     *
     * @param u the view's screen-right direction in patient space (unit, in the plane)
     * @param v the view's screen-down direction in patient space (unit, in the plane, orthogonal to u)
     */
    static Measurement create(MeasureTool tool, Meta meta, List<Vec3> pts, Vec3 u, Vec3 v, String text) {
        try {
            return switch (tool) {
                case DISTANCE -> pts.size() < 2 || same(pts.get(0), pts.get(1)) ? null
                        : new Distance(meta, pts.get(0), pts.get(1));
                case POLYLINE -> pts.size() < 2 ? null : new Polyline(meta, distinct(pts));
                case ANGLE -> pts.size() < 3 ? null : new Angle(meta, pts.get(0), pts.get(1), pts.get(2));
                case COBB -> pts.size() < 4 ? null : new CobbAngle(meta, pts.get(0), pts.get(1), pts.get(2), pts.get(3));
                case ELLIPSE -> pts.size() < 2 ? null : ellipseInBox(meta, pts.get(0), pts.get(1), u, v);
                case RECTANGLE -> pts.size() < 2 ? null : PlanarRoi.rectangleFromCorners(meta, pts.get(0), pts.get(1), u, v);
                case POLYGON -> pts.size() < 3 ? null : PlanarRoi.polygon(meta, distinct(pts));
                case FREEHAND -> pts.size() < 3 ? null : PlanarRoi.freehand(meta, distinct(pts));
                case PROBE -> pts.isEmpty() ? null : new PointProbe(meta, pts.get(0));
                case ARROW -> pts.size() < 2 || same(pts.get(0), pts.get(1)) ? null
                        : new Arrow(meta, pts.get(1), pts.get(0), text);
                case TEXT -> pts.isEmpty() ? null : new TextLabel(meta, pts.get(0), text);
            };
        } catch (IllegalArgumentException degenerate) {
            // no area, zero-length axes, collinear vertices: nothing to keep
            return null;
        }
    }

    private static boolean same(Vec3 a, Vec3 b) {
        return a.distance(b) < 1e-9;
    }

    /** The points without consecutive repeats (a double click places the same point twice). */
    private static List<Vec3> distinct(List<Vec3> pts) {
        List<Vec3> out = new ArrayList<>();
        for (Vec3 p : pts) {
            if (out.isEmpty() || !same(out.get(out.size() - 1), p)) {
                out.add(p);
            }
        }
        if (out.size() > 2 && same(out.get(0), out.get(out.size() - 1))) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** The ellipse inscribed in the box with opposite corners c1, c2 and sides along u and v. */
    static PlanarRoi ellipseInBox(Meta meta, Vec3 c1, Vec3 c2, Vec3 u, Vec3 v) {
        PlanarRoi box = PlanarRoi.rectangleFromCorners(meta, c1, c2, u, v);
        return PlanarRoi.ellipse(meta, box.center(), box.u(), box.v(), box.radiusU(), box.radiusV());
    }

    /** The points a user can drag. Freehand outlines and 3D ROIs are moved whole, not point by point. */
    static List<Vec3> handles(Measurement m) {
        if (m instanceof PlanarRoi r) {
            return r.shape() == PlanarRoi.Shape.FREEHAND ? List.of() : r.points();
        }
        if (m instanceof EllipsoidRoi) {
            return List.of();
        }
        return m.points();
    }

    /** {@code m} with handle {@code i} moved to {@code p}; the same record when that makes nothing valid. */
    static Measurement moveHandle(Measurement m, int i, Vec3 p) {
        try {
            if (m instanceof Distance d) {
                return i == 0 ? new Distance(d.meta(), p, d.b()) : new Distance(d.meta(), d.a(), p);
            } else if (m instanceof Polyline pl) {
                List<Vec3> vs = new ArrayList<>(pl.vertices());
                vs.set(i, p);
                return new Polyline(pl.meta(), vs);
            } else if (m instanceof Angle a) {
                return new Angle(a.meta(), i == 0 ? p : a.a(), i == 1 ? p : a.vertex(), i == 2 ? p : a.b());
            } else if (m instanceof CobbAngle c) {
                return new CobbAngle(c.meta(), i == 0 ? p : c.a1(), i == 1 ? p : c.a2(), i == 2 ? p : c.b1(),
                        i == 3 ? p : c.b2());
            } else if (m instanceof PointProbe pp) {
                return new PointProbe(pp.meta(), p);
            } else if (m instanceof Arrow a) {
                return i == 0 ? new Arrow(a.meta(), p, a.head(), a.text()) : new Arrow(a.meta(), a.tail(), p, a.text());
            } else if (m instanceof TextLabel t) {
                return new TextLabel(t.meta(), p, t.text());
            } else if (m instanceof PlanarRoi r) {
                return moveRoiHandle(r, i, onPlane(r, p));
            }
        } catch (IllegalArgumentException degenerate) {
            return m;
        }
        return m;
    }

    private static Measurement moveRoiHandle(PlanarRoi r, int i, Vec3 p) {
        switch (r.shape()) {
            case ELLIPSE -> {
                // the opposite end of the dragged axis stays where it is
                Vec3 axis = i < 2 ? r.u() : r.v();
                Vec3 fixed = r.points().get(i ^ 1);
                double s = p.minus(fixed).dot(axis);
                if (Math.abs(s) < 1e-6) {
                    return r;
                }
                Vec3 c = fixed.plus(axis.times(s / 2));
                double ru = i < 2 ? Math.abs(s) / 2 : r.radiusU();
                double rv = i < 2 ? r.radiusV() : Math.abs(s) / 2;
                return PlanarRoi.ellipse(r.meta(), c, r.u(), r.v(), ru, rv);
            }
            case RECTANGLE -> {
                // the opposite corner stays where it is
                return PlanarRoi.rectangleFromCorners(r.meta(), r.points().get((i + 2) % 4), p, r.u(), r.v());
            }
            case POLYGON -> {
                List<Vec3> vs = new ArrayList<>(r.points());
                vs.set(i, p);
                return PlanarRoi.polygon(r.meta(), vs);
            }
            default -> {
                return r;
            }
        }
    }

    /** {@code m} moved by {@code d}; a planar ROI moves within its own plane. */
    static Measurement translate(Measurement m, Vec3 d) {
        if (m instanceof PlanarRoi r) {
            Vec3 n = r.normal();
            d = d.minus(n.times(d.dot(n)));
        }
        return m.translated(d);
    }

    /** The projection of p onto the ROI's plane. */
    private static Vec3 onPlane(PlanarRoi r, Vec3 p) {
        Vec3 n = r.normal();
        return p.minus(n.times(p.minus(r.center()).dot(n)));
    }
}
