package org.clain.ui.measure;

import static org.clain.ui.measure.MeasureInk.INK;
import static org.clain.ui.measure.MeasureInk.INK_SELECTED;
import static org.clain.ui.measure.MeasureInk.arc;
import static org.clain.ui.measure.MeasureInk.arrowHead;
import static org.clain.ui.measure.MeasureInk.crosshair;
import static org.clain.ui.measure.MeasureInk.diamond;
import static org.clain.ui.measure.MeasureInk.handleSquare;
import static org.clain.ui.measure.MeasureInk.normalUp;
import static org.clain.ui.measure.MeasureInk.stroke;
import static org.clain.ui.measure.MeasureInk.ticks;
import static org.clain.ui.measure.MeasureInk.unit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import org.clain.geom.Vec3;
import org.clain.measure.Angle;
import org.clain.measure.Arrow;
import org.clain.measure.CobbAngle;
import org.clain.measure.Distance;
import org.clain.measure.EllipsoidRoi;
import org.clain.measure.Measurement;
import org.clain.measure.PlanarRoi;
import org.clain.measure.PointProbe;
import org.clain.measure.Polyline;
import org.clain.measure.TextLabel;

/**
 * Draws each kind of measurement on the plane a view shows: in full when it lies on the plane
 * (within {@link PlaneView#halfThickness()}): its lines with their ticks, arcs, arrow heads or
 * outline, and its {@link ValueLabel}; as diamonds where it crosses the plane when it does not;
 * a 3D ROI as the ellipse where the plane cuts it. Returns what it drew, for the hit tests.
 */
final class MeasurementPainter {
    private static final int ELLIPSE_SEGMENTS = 96;

    private final MeasureController ctl;
    private final PlaneView view;
    private final ValueLabel label;

    MeasurementPainter(MeasureController ctl, PlaneView view) {
        this.ctl = ctl;
        this.view = view;
        this.label = new ValueLabel(view);
    }

    /**
     * Draws a measurement as this view shows it; returns what was drawn in full, or null when it
     * is only marked where it crosses the plane (or a 3D ROI misses the plane).
     *
     * @param handles the handles of a selected measurement (none in an exported image)
     */
    DrawnMeasurement draw(GraphicsContext g, ViewPlane plane, Measurement m, boolean selected, boolean handles) {
        if (m instanceof EllipsoidRoi e) {
            return drawEllipsoid(g, plane, e, selected);
        }
        if (!onPlane(plane, m)) {
            drawCrossings(g, plane, m, selected);
            return null;
        }
        Color ink = selected ? INK_SELECTED : INK;
        List<Point2D[]> open = new ArrayList<>();
        List<Point2D[]> closed = new ArrayList<>();
        for (List<Vec3> path : openPaths(m)) {
            open.add(screen(path));
        }
        if (m instanceof PlanarRoi r) {
            closed.add(screen(outline(r)));
        }
        for (Point2D[] p : open) {
            stroke(g, p, false, ink);
        }
        for (Point2D[] p : closed) {
            stroke(g, p, true, ink);
        }
        List<String> lines = MeasureText.lines(m, ctl.evaluate(m));
        Point2D anchor;
        Point2D dir;
        Point2D marker = null;
        if (m instanceof Distance d) {
            Point2D a = view.toScreen(d.a());
            Point2D b = view.toScreen(d.b());
            ticks(g, a, b, ink);
            Point2D n = normalUp(a, b);
            anchor = a.midpoint(b).add(n.multiply(10));
            dir = n;
        } else if (m instanceof Polyline p) {
            Point2D[] s = open.get(0);
            anchor = s[s.length - 1].add(8, 0);
            dir = new Point2D(1, 0.3);
        } else if (m instanceof Angle a) {
            Point2D v = view.toScreen(a.vertex());
            Point2D pa = view.toScreen(a.a());
            Point2D pb = view.toScreen(a.b());
            double r = arc(g, v, pa, pb, ink);
            Point2D bis = unit(unit(pa.subtract(v)).add(unit(pb.subtract(v))));
            dir = bis.magnitude() < 1e-6 ? new Point2D(0, -1) : bis.multiply(-1);
            anchor = v.add(dir.multiply(r * 0.6 + 8));
        } else if (m instanceof CobbAngle c) {
            Point2D m1 = view.toScreen(c.a1()).midpoint(view.toScreen(c.a2()));
            Point2D m2 = view.toScreen(c.b1()).midpoint(view.toScreen(c.b2()));
            g.setLineDashes(4, 4);
            stroke(g, new Point2D[] {m1, m2}, false, ink);
            g.setLineDashes();
            anchor = m1.midpoint(m2).add(8, 0);
            dir = new Point2D(1, 0.2);
        } else if (m instanceof PlanarRoi) {
            Point2D[] s = closed.get(0);
            double maxX = Double.NEGATIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY;
            for (Point2D q : s) {
                maxX = Math.max(maxX, q.getX());
                minY = Math.min(minY, q.getY());
            }
            anchor = new Point2D(maxX + 6, minY);
            dir = new Point2D(1, 1);
        } else if (m instanceof PointProbe p) {
            Point2D s = view.toScreen(p.point());
            crosshair(g, s, ink);
            marker = s;
            anchor = s.add(9, 9);
            dir = new Point2D(1, 1);
        } else if (m instanceof Arrow a) {
            Point2D head = view.toScreen(a.head());
            Point2D tail = view.toScreen(a.tail());
            arrowHead(g, tail, head, ink);
            dir = unit(tail.subtract(head));
            if (dir.magnitude() < 1e-6) {
                dir = new Point2D(1, 0);
            }
            anchor = tail.add(dir.multiply(5));
        } else {
            TextLabel t = (TextLabel) m;
            anchor = view.toScreen(t.anchor());
            marker = anchor;
            dir = new Point2D(1, 1);
        }
        Rectangle2D box = label.draw(g, lines, anchor, dir, selected, m instanceof TextLabel && selected);
        List<Point2D> hs = new ArrayList<>();
        for (Vec3 p : MeasureEdits.handles(m)) {
            hs.add(view.toScreen(p));
        }
        if (selected && handles) {
            for (Point2D h : hs) {
                handleSquare(g, h, ink);
            }
        }
        return new DrawnMeasurement(m, open, closed, hs, box, marker);
    }

    /**
     * Where a measurement off this plane meets it: small diamonds where a segment crosses the plane
     * or ends on it, so that the user knows the measurement passes here.
     */
    private void drawCrossings(GraphicsContext g, ViewPlane plane, Measurement m, boolean selected) {
        double tol = view.halfThickness() + 1e-3;
        List<List<Vec3>> paths = new ArrayList<>(openPaths(m));
        if (m instanceof PlanarRoi r) {
            List<Vec3> o = new ArrayList<>(outline(r));
            o.add(o.get(0));
            paths.add(o);
        }
        Color ink = (selected ? INK_SELECTED : INK).deriveColor(0, 1, 1, 0.75);
        List<Point2D> marks = new ArrayList<>();
        for (List<Vec3> path : paths) {
            for (int i = 0; i + 1 < path.size(); i++) {
                Vec3 a = path.get(i);
                Vec3 b = path.get(i + 1);
                double da = plane.distance(a);
                double db = plane.distance(b);
                if ((da > tol && db < -tol) || (da < -tol && db > tol)) {
                    marks.add(view.toScreen(a.plus(b.minus(a).times(da / (da - db)))));
                }
                if (Math.abs(da) <= tol) {
                    marks.add(view.toScreen(a));
                }
                if (Math.abs(db) <= tol) {
                    marks.add(view.toScreen(b));
                }
            }
        }
        List<Point2D> drawnMarks = new ArrayList<>();
        for (Point2D s : marks) {
            if (drawnMarks.stream().noneMatch(q -> q.distance(s) < 3)) {
                drawnMarks.add(s);
                diamond(g, s, ink);
            }
        }
    }

    /**
     * The ellipse where the plane cuts a 3D ROI: with x = c + ru y1 u + rv y2 v + rw y3 w and
     * |y| = 1, the plane n.(x - o) = 0 is the circle m.y = -d on the unit sphere.
     */
    private DrawnMeasurement drawEllipsoid(GraphicsContext g, ViewPlane plane, EllipsoidRoi e, boolean selected) {
        Vec3 n = plane.normal();
        Vec3 mv = new Vec3(e.ru() * n.dot(e.u()), e.rv() * n.dot(e.v()), e.rw() * n.dot(e.w()));
        double mm = mv.norm();
        double d = plane.distance(e.center());
        if (mm == 0 || Math.abs(d) >= mm) {
            return null;
        }
        Vec3 mh = mv.times(1 / mm);
        double h = -d / mm;
        double rho = Math.sqrt(1 - h * h);
        Vec3 any = Math.abs(mh.x()) < 0.9 ? new Vec3(1, 0, 0) : new Vec3(0, 1, 0);
        Vec3 e1 = any.minus(mh.times(any.dot(mh))).normalized();
        Vec3 e2 = mh.cross(e1);
        List<Vec3> pts = new ArrayList<>();
        for (int i = 0; i < ELLIPSE_SEGMENTS; i++) {
            double a = 2 * Math.PI * i / ELLIPSE_SEGMENTS;
            Vec3 y = mh.times(h).plus(e1.times(rho * Math.cos(a))).plus(e2.times(rho * Math.sin(a)));
            pts.add(e.center().plus(e.u().times(e.ru() * y.x())).plus(e.v().times(e.rv() * y.y()))
                    .plus(e.w().times(e.rw() * y.z())));
        }
        Point2D[] s = screen(pts);
        Color ink = selected ? INK_SELECTED : INK;
        stroke(g, s, true, ink);
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        for (Point2D q : s) {
            maxX = Math.max(maxX, q.getX());
            minY = Math.min(minY, q.getY());
        }
        Rectangle2D box = label.draw(g, MeasureText.lines(e, ctl.evaluate(e)), new Point2D(maxX + 6, minY),
                new Point2D(1, 1), selected, false);
        return new DrawnMeasurement(e, List.of(), Collections.singletonList(s), List.of(), box, null);
    }

    /** Patient polylines of a measurement's drawing, open ones and closed ones. */
    private static List<List<Vec3>> openPaths(Measurement m) {
        if (m instanceof Distance d) {
            return List.of(List.of(d.a(), d.b()));
        } else if (m instanceof Polyline p) {
            return List.of(p.vertices());
        } else if (m instanceof Angle a) {
            return List.of(List.of(a.a(), a.vertex(), a.b()));
        } else if (m instanceof CobbAngle c) {
            return List.of(List.of(c.a1(), c.a2()), List.of(c.b1(), c.b2()));
        } else if (m instanceof Arrow a) {
            return List.of(List.of(a.tail(), a.head()));
        }
        return List.of();
    }

    private static List<Vec3> outline(PlanarRoi r) {
        return r.outline(ELLIPSE_SEGMENTS);
    }

    private boolean onPlane(ViewPlane plane, Measurement m) {
        double tol = view.halfThickness() + 1e-3;
        for (Vec3 p : m.points()) {
            if (Math.abs(plane.distance(p)) > tol) {
                return false;
            }
        }
        return !(m instanceof PlanarRoi r) || Math.abs(plane.distance(r.center())) <= tol;
    }

    /** The screen points of patient points (projected onto the plane shown). */
    Point2D[] screen(List<Vec3> pts) {
        Point2D[] out = new Point2D[pts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = view.toScreen(pts.get(i));
        }
        return out;
    }
}
