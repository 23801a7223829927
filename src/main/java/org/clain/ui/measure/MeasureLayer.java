package org.clain.ui.measure;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.Cursor;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
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
 * The measurement tools in one {@link PlaneView}: draws the measurements that lie on the plane
 * shown (within {@link PlaneView#halfThickness()}), marks where the others cross it, and turns the
 * left mouse button into drawing, selecting, moving and handle dragging. Points come from the
 * view's screen-to-patient mapping, so they are patient mm from the first click on.
 */
public final class MeasureLayer {
    /** Orange: apart from the orientation letters' yellow and the reference lines' blue. */
    static final Color INK = Color.rgb(255, 160, 30);
    static final Color INK_SELECTED = Color.rgb(110, 240, 130);
    static final Color TEXT_INK = Color.rgb(255, 222, 140);
    static final Color TEXT_SELECTED = Color.rgb(190, 255, 200);
    private static final Color OUTLINE = Color.rgb(0, 0, 0, 0.6);
    private static final Color LABEL_BACK = Color.rgb(0, 0, 0, 0.62);
    private static final Font FONT = Font.font("Dialog", 13);
    private static final double LINE_HEIGHT = 16;
    /** Half the side of a handle square, in screen pixels. */
    static final double HANDLE = 3.5;
    /** How near (screen pixels) a press must be to grab a handle or an outline. */
    static final double HIT = 6;
    /** Movement (screen pixels) beyond which a press is a drag, not a click. */
    static final double DRAG = 4;
    private static final double FREEHAND_STEP = 3;
    private static final int ELLIPSE_SEGMENTS = 96;

    private enum Gesture { NONE, DRAW, HANDLE, MOVE }

    /** What was drawn for a measurement, in screen coordinates, for hit tests. */
    private record Drawn(Measurement m, List<Point2D[]> open, List<Point2D[]> closed, List<Point2D> handles,
                         Rectangle2D label, Point2D marker) {
    }

    private final MeasureController ctl;
    private final PlaneView view;
    private final Text metrics = new Text();

    private Gesture gesture = Gesture.NONE;
    private MeasureTool drawing;
    private final List<Vec3> pending = new ArrayList<>();
    private Vec3 cursor;
    private Measurement awaitingText;
    private Measurement original;
    private Measurement preview;
    private int handle;
    private Vec3 pressPoint;
    private double pressX;
    private double pressY;
    private double lastX;
    private double lastY;
    private boolean dragged;
    private int pressIndex;
    private List<Drawn> drawn = List.of();

    MeasureLayer(MeasureController ctl, PlaneView view) {
        this.ctl = ctl;
        this.view = view;
        metrics.setFont(FONT);
        Region n = view.node();
        n.addEventFilter(MouseEvent.MOUSE_PRESSED, this::pressed);
        n.addEventFilter(MouseEvent.MOUSE_DRAGGED, this::dragged);
        n.addEventFilter(MouseEvent.MOUSE_RELEASED, this::released);
        n.addEventFilter(MouseEvent.MOUSE_MOVED, this::moved);
        n.addEventFilter(KeyEvent.KEY_PRESSED, this::key);
        view.addPainter(this::paint);
        view.onChanged(ctl::viewChanged);
    }

    public PlaneView view() {
        return view;
    }

    /** True while a measurement is being drawn (points placed, not finished). */
    public boolean isDrawing() {
        return drawing != null && !pending.isEmpty();
    }

    /** Ids of the measurements drawn in full on the plane shown at the last paint. */
    public List<String> shownIds() {
        return drawn.stream().map(d -> d.m().id()).toList();
    }

    /** Drops what is being drawn or dragged. */
    void cancel() {
        boolean was = gesture != Gesture.NONE || !pending.isEmpty() || original != null;
        gesture = Gesture.NONE;
        drawing = null;
        pending.clear();
        cursor = null;
        original = null;
        preview = null;
        if (was) {
            view.repaint();
        }
    }

    // ---------------------------------------------------------------- mouse

    private Vec3 point(MouseEvent e) {
        if (view.volume() == null || view.plane() == null) {
            return null;
        }
        return view.toPatient(e.getX(), e.getY());
    }

    /** The press starts a gesture of the tools: the view's own handling of it (scroll, crosshair) is skipped. */
    private void take(MouseEvent e) {
        e.consume();
        view.activate();
        view.node().requestFocus();
    }

    private void pressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || e.isShiftDown()) {
            // other buttons window, pan and zoom as the view does; Shift + drag pans a reformat
            return;
        }
        Vec3 p = point(e);
        if (p == null) {
            return;
        }
        pressX = e.getX();
        pressY = e.getY();
        lastX = pressX;
        lastY = pressY;
        dragged = false;
        if (isDrawing()) {
            take(e);
            if (drawing == MeasureTool.POLYLINE || drawing == MeasureTool.POLYGON) {
                if (e.getClickCount() >= 2) {
                    finish();
                    return;
                }
                if (drawing == MeasureTool.POLYGON && pending.size() >= 3) {
                    Point2D first = view.toScreen(pending.get(0));
                    if (first.distance(e.getX(), e.getY()) <= HIT) {
                        finish();
                        return;
                    }
                }
            }
            pressIndex = pending.size();
            pending.add(p);
            cursor = p;
            gesture = Gesture.DRAW;
            view.repaint();
            return;
        }
        MeasureTool t = ctl.tool();
        Drawn h = hitHandle(e.getX(), e.getY());
        if (h != null) {
            take(e);
            gesture = Gesture.HANDLE;
            original = h.m();
            preview = original;
            ctl.select(original.id());
            return;
        }
        Drawn b = hitBody(e.getX(), e.getY(), t == null);
        if (b != null) {
            take(e);
            if (e.getClickCount() >= 2 && (b.m() instanceof TextLabel || b.m() instanceof Arrow)) {
                Measurement m = b.m();
                Platform.runLater(() -> editText(m));
                return;
            }
            gesture = Gesture.MOVE;
            original = b.m();
            preview = original;
            pressPoint = p;
            ctl.select(original.id());
            return;
        }
        if (t != null) {
            take(e);
            drawing = t;
            pending.clear();
            pending.add(p);
            pressIndex = 0;
            cursor = p;
            gesture = Gesture.DRAW;
            ctl.select(null);
            view.repaint();
        } else if (ctl.selectedId() != null) {
            ctl.select(null);
        }
    }

    private void dragged(MouseEvent e) {
        if (gesture == Gesture.NONE) {
            return;
        }
        e.consume();
        Vec3 p = point(e);
        if (p == null) {
            return;
        }
        if (Math.hypot(e.getX() - pressX, e.getY() - pressY) >= DRAG) {
            dragged = true;
        }
        switch (gesture) {
            case DRAW -> {
                cursor = p;
                if (drawing == MeasureTool.FREEHAND && Math.hypot(e.getX() - lastX, e.getY() - lastY) >= FREEHAND_STEP) {
                    pending.add(p);
                    lastX = e.getX();
                    lastY = e.getY();
                }
            }
            case HANDLE -> {
                if (dragged) {
                    preview = MeasureEdits.moveHandle(original, handle, p);
                }
            }
            case MOVE -> {
                if (dragged) {
                    preview = MeasureEdits.translate(original, p.minus(pressPoint));
                }
            }
            default -> { }
        }
        view.repaint();
    }

    private void released(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || gesture == Gesture.NONE) {
            return;
        }
        Gesture g = gesture;
        gesture = Gesture.NONE;
        Vec3 p = point(e);
        if (g == Gesture.HANDLE || g == Gesture.MOVE) {
            Measurement edited = preview;
            Measurement before = original;
            original = null;
            preview = null;
            if (dragged && edited != null && !edited.equals(before)) {
                ctl.replace(edited);
            } else {
                view.repaint();
            }
            return;
        }
        if (drawing == null) {
            return;
        }
        if (drawing == MeasureTool.FREEHAND) {
            if (p != null) {
                pending.add(p);
            }
            if (dragged) {
                finish();
            } else {
                cancel();
            }
            return;
        }
        if (dragged && p != null) {
            if (dragAddsPoint(drawing, pressIndex)) {
                pending.add(p);
            } else {
                pending.set(pending.size() - 1, p);
            }
        }
        int need = drawing.clicks();
        if (need > 0 && pending.size() >= need) {
            finish();
        } else {
            cursor = p;
            view.repaint();
        }
    }

    /** Whether a drag that began with point {@code index} places a second point where it ends. */
    private static boolean dragAddsPoint(MeasureTool t, int index) {
        return switch (t) {
            case DISTANCE, ARROW, ELLIPSE, RECTANGLE, ANGLE -> index == 0;
            case COBB -> index == 0 || index == 2;
            case POLYLINE, POLYGON -> true;
            default -> false;
        };
    }

    private void moved(MouseEvent e) {
        if (isDrawing()) {
            cursor = point(e);
            view.repaint();
        }
        Cursor c = null;
        if (view.volume() != null) {
            if (!isDrawing() && hitHandle(e.getX(), e.getY()) != null) {
                c = Cursor.MOVE;
            } else if (!isDrawing() && hitBody(e.getX(), e.getY(), ctl.tool() == null) != null) {
                c = Cursor.HAND;
            } else if (ctl.tool() != null) {
                c = Cursor.CROSSHAIR;
            }
        }
        if (view.node().getCursor() != c) {
            view.node().setCursor(c);
        }
    }

    private void key(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE) {
            if (isDrawing() || gesture != Gesture.NONE) {
                cancel();
                e.consume();
            } else if (ctl.selectedId() != null) {
                ctl.select(null);
                e.consume();
            }
        } else if (e.getCode() == KeyCode.ENTER && isDrawing()
                && (drawing == MeasureTool.POLYLINE || drawing == MeasureTool.POLYGON)) {
            finish();
            e.consume();
        } else if (e.getCode() == KeyCode.BACK_SPACE && isDrawing() && pending.size() > 1) {
            pending.remove(pending.size() - 1);
            view.repaint();
            e.consume();
        }
    }

    // ---------------------------------------------------------------- making measurements

    private Meta meta(String id) {
        String fr = view.volume() == null ? null : view.volume().frameOfReferenceUid();
        if (fr != null && fr.isEmpty()) {
            fr = null;
        }
        return id == null ? Meta.create("", view.seriesInstanceUid(), fr)
                : new Meta(id, "", Instant.EPOCH, view.seriesInstanceUid(), fr);
    }

    /** The view's screen right and down directions in patient space (orthonormal, in the plane). */
    private Vec3[] screenAxes() {
        double cx = view.node().getWidth() / 2;
        double cy = view.node().getHeight() / 2;
        Vec3 o = view.toPatient(cx, cy);
        Vec3 px = view.toPatient(cx + 10, cy);
        Vec3 py = view.toPatient(cx, cy + 10);
        if (o == null || px == null || py == null) {
            return null;
        }
        Vec3 u = px.minus(o).normalized();
        Vec3 d = py.minus(o);
        Vec3 v = d.minus(u.times(d.dot(u))).normalized();
        return new Vec3[] {u, v};
    }

    private void finish() {
        MeasureTool t = drawing;
        List<Vec3> pts = List.copyOf(pending);
        Vec3[] axes = screenAxes();
        Meta meta = meta(null);
        gesture = Gesture.NONE;
        drawing = null;
        pending.clear();
        cursor = null;
        if (axes == null) {
            view.repaint();
            return;
        }
        if (t == MeasureTool.TEXT || t == MeasureTool.ARROW) {
            awaitingText = MeasureEdits.create(t, meta, pts, axes[0], axes[1], "");
            if (awaitingText == null) {
                view.repaint();
                return;
            }
            view.repaint();
            // the dialog opens once this mouse event is over
            Platform.runLater(() -> {
                Optional<String> text = ctl.promptText(t == MeasureTool.TEXT ? "Text of the label"
                        : "Text of the arrow (may stay empty)", "");
                awaitingText = null;
                Measurement m = text.isEmpty() || (t == MeasureTool.TEXT && text.get().isBlank()) ? null
                        : MeasureEdits.create(t, meta, pts, axes[0], axes[1], text.get().strip());
                if (m != null) {
                    ctl.add(view, m);
                } else {
                    view.repaint();
                }
            });
            return;
        }
        Measurement m = MeasureEdits.create(t, meta, pts, axes[0], axes[1], "");
        if (m == null) {
            ctl.host().status(t.title() + ": nothing drawn (the points make no " + t.title().toLowerCase() + ")");
            view.repaint();
            return;
        }
        ctl.add(view, m);
    }

    private void editText(Measurement m) {
        String now = m instanceof TextLabel t ? t.text() : m instanceof Arrow a ? a.text() : "";
        ctl.promptText(m instanceof TextLabel ? "Text of the label" : "Text of the arrow", now).ifPresent(s -> {
            Measurement edited = m instanceof TextLabel t ? new TextLabel(t.meta(), t.anchor(), s.strip())
                    : new Arrow(m.meta(), ((Arrow) m).tail(), ((Arrow) m).head(), s.strip());
            if (!(edited instanceof TextLabel tl && tl.text().isBlank())) {
                ctl.replace(edited);
            }
        });
    }

    // ---------------------------------------------------------------- hit tests

    private Drawn hitHandle(double x, double y) {
        String sel = ctl.selectedId();
        Drawn best = null;
        double bestD = HIT;
        for (Drawn d : drawn) {
            for (int i = 0; i < d.handles().size(); i++) {
                double dist = d.handles().get(i).distance(x, y);
                boolean better = dist < bestD || (dist <= HIT && d.m().id().equals(sel) && best != null
                        && !best.m().id().equals(sel));
                if (dist <= HIT && (best == null || better)) {
                    best = d;
                    bestD = dist;
                    handle = i;
                }
            }
        }
        return best;
    }

    /**
     * The measurement whose outline (or, with {@code labels}, label) is under the point. The inside
     * of a ROI does not count, so that dragging over the image still scrolls or windows it; labels
     * count only when no drawing tool is active, so that one can draw over them.
     */
    private Drawn hitBody(double x, double y, boolean labels) {
        Drawn hit = null;
        for (Drawn d : drawn) {
            boolean on = labels && d.label() != null && d.label().contains(x, y);
            if (d.marker() != null && d.marker().distance(x, y) <= HIT + 2) {
                on = true;
            }
            for (Point2D[] path : d.open()) {
                on |= nearPath(path, false, x, y);
            }
            for (Point2D[] path : d.closed()) {
                on |= nearPath(path, true, x, y);
            }
            if (on) {
                hit = d; // the last drawn is on top
            }
        }
        return hit;
    }

    private static boolean nearPath(Point2D[] p, boolean closed, double x, double y) {
        int n = p.length;
        for (int i = 0; i + 1 < n || (closed && i < n); i++) {
            Point2D a = p[i];
            Point2D b = p[(i + 1) % n];
            if (segmentDistance(a, b, x, y) <= HIT) {
                return true;
            }
        }
        return false;
    }

    private static double segmentDistance(Point2D a, Point2D b, double x, double y) {
        double dx = b.getX() - a.getX();
        double dy = b.getY() - a.getY();
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : ((x - a.getX()) * dx + (y - a.getY()) * dy) / len2;
        t = Math.max(0, Math.min(1, t));
        return Math.hypot(a.getX() + t * dx - x, a.getY() + t * dy - y);
    }

    // ---------------------------------------------------------------- painting

    private void paint(GraphicsContext g) {
        ViewPlane plane = view.plane();
        if (plane == null) {
            drawn = List.of();
            return;
        }
        g.save();
        String sel = ctl.exporting() ? null : ctl.selectedId();
        List<Drawn> out = new ArrayList<>();
        for (Measurement m : ctl.measurements()) {
            if (!MeasureController.sameFrame(m, view)) {
                continue;
            }
            Measurement shown = original != null && original.id().equals(m.id()) && preview != null ? preview : m;
            try {
                Drawn d = draw(g, plane, shown, shown.id().equals(sel), !ctl.exporting());
                if (d != null) {
                    out.add(d);
                }
            } catch (RuntimeException e) {
                // one odd measurement must not stop the image from being drawn
                System.getLogger("clain.ui").log(System.Logger.Level.WARNING, "cannot draw " + m.type() + " " + m.id(), e);
            }
        }
        drawn = out;
        if (awaitingText != null) {
            draw(g, plane, awaitingText, true, false);
        }
        drawPending(g, plane);
        g.restore();
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

    private Point2D[] screen(List<Vec3> pts) {
        Point2D[] out = new Point2D[pts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = view.toScreen(pts.get(i));
        }
        return out;
    }

    private Drawn draw(GraphicsContext g, ViewPlane plane, Measurement m, boolean selected, boolean handles) {
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
        Rectangle2D box = label(g, lines, anchor, dir, selected, m instanceof TextLabel && selected);
        List<Point2D> hs = new ArrayList<>();
        for (Vec3 p : MeasureEdits.handles(m)) {
            hs.add(view.toScreen(p));
        }
        if (selected && handles) {
            for (Point2D h : hs) {
                handleSquare(g, h, ink);
            }
        }
        return new Drawn(m, open, closed, hs, box, marker);
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
    private Drawn drawEllipsoid(GraphicsContext g, ViewPlane plane, EllipsoidRoi e, boolean selected) {
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
        Rectangle2D box = label(g, MeasureText.lines(e, ctl.evaluate(e)), new Point2D(maxX + 6, minY),
                new Point2D(1, 1), selected, false);
        return new Drawn(e, List.of(), java.util.Collections.singletonList(s), List.of(), box, null);
    }

    /** The measurement being drawn, with its live value once it has enough points. */
    private void drawPending(GraphicsContext g, ViewPlane plane) {
        if (!isDrawing()) {
            return;
        }
        List<Vec3> pts = new ArrayList<>(pending);
        if (cursor != null && drawing != MeasureTool.FREEHAND && (drawing.clicks() == 0 || pts.size() < drawing.clicks())) {
            pts.add(cursor);
        }
        Vec3[] axes = screenAxes();
        Measurement m = axes == null || drawing == MeasureTool.FREEHAND || drawing == MeasureTool.TEXT
                || drawing == MeasureTool.PROBE ? null
                : MeasureEdits.create(drawing, meta("drawing"), pts, axes[0], axes[1], "");
        if (m != null && (drawing.clicks() == 0 || pts.size() >= drawing.clicks())) {
            draw(g, plane, m, true, false);
        } else if (drawing == MeasureTool.COBB) {
            for (int i = 0; i + 1 < pts.size(); i += 2) {
                stroke(g, screen(pts.subList(i, i + 2)), false, INK_SELECTED);
            }
        } else {
            stroke(g, screen(pts), false, INK_SELECTED);
        }
        for (Vec3 p : pending) {
            if (drawing != MeasureTool.FREEHAND) {
                handleSquare(g, view.toScreen(p), INK_SELECTED);
            }
        }
    }

    // ---------------------------------------------------------------- drawing primitives

    private static void stroke(GraphicsContext g, Point2D[] p, boolean closed, Color ink) {
        if (p.length == 0) {
            return;
        }
        double[] xs = new double[p.length + (closed ? 1 : 0)];
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = p[i % p.length].getX();
            ys[i] = p[i % p.length].getY();
        }
        g.setStroke(OUTLINE);
        g.setLineWidth(3.2);
        g.strokePolyline(xs, ys, xs.length);
        g.setStroke(ink);
        g.setLineWidth(1.5);
        g.strokePolyline(xs, ys, xs.length);
    }

    private static Point2D unit(Point2D p) {
        double m = p.magnitude();
        return m < 1e-9 ? new Point2D(0, 0) : p.multiply(1 / m);
    }

    /** The unit normal of a-b on screen that points up (or right when vertical). */
    private static Point2D normalUp(Point2D a, Point2D b) {
        Point2D d = unit(b.subtract(a));
        Point2D n = new Point2D(d.getY(), -d.getX());
        if (n.getY() > 1e-9 || (Math.abs(n.getY()) <= 1e-9 && n.getX() < 0)) {
            n = n.multiply(-1);
        }
        return n.magnitude() < 1e-9 ? new Point2D(0, -1) : n;
    }

    private static void ticks(GraphicsContext g, Point2D a, Point2D b, Color ink) {
        Point2D d = unit(b.subtract(a));
        Point2D n = new Point2D(-d.getY(), d.getX()).multiply(5);
        for (Point2D p : new Point2D[] {a, b}) {
            stroke(g, new Point2D[] {p.add(n), p.subtract(n)}, false, ink);
        }
    }

    /** An arc between the arms at the vertex; returns its radius. */
    private static double arc(GraphicsContext g, Point2D v, Point2D a, Point2D b, Color ink) {
        double r = Math.min(22, 0.4 * Math.min(a.distance(v), b.distance(v)));
        if (r < 4) {
            return r;
        }
        double ta = Math.atan2(a.getY() - v.getY(), a.getX() - v.getX());
        double tb = Math.atan2(b.getY() - v.getY(), b.getX() - v.getX());
        double sweep = tb - ta;
        while (sweep > Math.PI) {
            sweep -= 2 * Math.PI;
        }
        while (sweep < -Math.PI) {
            sweep += 2 * Math.PI;
        }
        int n = 24;
        Point2D[] pts = new Point2D[n + 1];
        for (int i = 0; i <= n; i++) {
            double t = ta + sweep * i / n;
            pts[i] = new Point2D(v.getX() + r * Math.cos(t), v.getY() + r * Math.sin(t));
        }
        stroke(g, pts, false, ink);
        return r;
    }

    private static void crosshair(GraphicsContext g, Point2D s, Color ink) {
        double in = 3;
        double out = 10;
        for (double[] d : new double[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
            stroke(g, new Point2D[] {s.add(d[0] * in, d[1] * in), s.add(d[0] * out, d[1] * out)}, false, ink);
        }
    }

    private static void arrowHead(GraphicsContext g, Point2D tail, Point2D head, Color ink) {
        Point2D d = unit(tail.subtract(head));
        if (d.magnitude() < 1e-9) {
            return;
        }
        double len = 13;
        double a = Math.toRadians(24);
        Point2D l = rotate(d, a).multiply(len).add(head);
        Point2D r = rotate(d, -a).multiply(len).add(head);
        g.setFill(OUTLINE);
        g.fillPolygon(new double[] {head.getX(), l.getX(), r.getX()}, new double[] {head.getY(), l.getY(), r.getY()}, 3);
        g.setStroke(OUTLINE);
        g.setLineWidth(2);
        g.strokePolygon(new double[] {head.getX(), l.getX(), r.getX()}, new double[] {head.getY(), l.getY(), r.getY()}, 3);
        g.setFill(ink);
        g.fillPolygon(new double[] {head.getX(), l.getX(), r.getX()}, new double[] {head.getY(), l.getY(), r.getY()}, 3);
    }

    private static Point2D rotate(Point2D d, double a) {
        return new Point2D(d.getX() * Math.cos(a) - d.getY() * Math.sin(a), d.getX() * Math.sin(a) + d.getY() * Math.cos(a));
    }

    private static void handleSquare(GraphicsContext g, Point2D p, Color ink) {
        g.setFill(Color.BLACK);
        g.fillRect(p.getX() - HANDLE - 1, p.getY() - HANDLE - 1, 2 * HANDLE + 2, 2 * HANDLE + 2);
        g.setFill(ink);
        g.fillRect(p.getX() - HANDLE, p.getY() - HANDLE, 2 * HANDLE, 2 * HANDLE);
    }

    private static void diamond(GraphicsContext g, Point2D p, Color ink) {
        double r = 4;
        double[] xs = {p.getX(), p.getX() + r, p.getX(), p.getX() - r};
        double[] ys = {p.getY() - r, p.getY(), p.getY() + r, p.getY()};
        g.setFill(OUTLINE);
        g.fillPolygon(xs, ys, 4);
        g.setStroke(ink);
        g.setLineWidth(1.2);
        g.strokePolygon(xs, ys, 4);
    }

    /**
     * Text lines in a dark box by the anchor, on the side {@code dir} points to, kept inside the
     * view; returns the box.
     */
    private Rectangle2D label(GraphicsContext g, List<String> lines, Point2D anchor, Point2D dir, boolean selected,
                              boolean frame) {
        if (lines.isEmpty()) {
            return null;
        }
        double w = 0;
        for (String s : lines) {
            metrics.setText(s);
            w = Math.max(w, metrics.getLayoutBounds().getWidth());
        }
        double pad = 4;
        double bw = w + 2 * pad;
        double bh = lines.size() * LINE_HEIGHT + 2 * pad - 2;
        double x = dir.getX() >= 0 ? anchor.getX() : anchor.getX() - bw;
        double y = dir.getY() >= 0 ? anchor.getY() : anchor.getY() - bh;
        if (Math.abs(dir.getY()) < 0.35 && Math.abs(dir.getX()) >= 0.35) {
            y = anchor.getY() - bh / 2;
        }
        double vw = view.node().getWidth();
        double vh = view.node().getHeight();
        x = Math.max(2, Math.min(x, vw - bw - 2));
        y = Math.max(2, Math.min(y, vh - bh - 2));
        g.setFill(LABEL_BACK);
        g.fillRoundRect(x, y, bw, bh, 6, 6);
        if (frame) {
            g.setStroke(INK_SELECTED);
            g.setLineWidth(1);
            g.strokeRoundRect(x, y, bw, bh, 6, 6);
        }
        g.setFont(FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(selected ? TEXT_SELECTED : TEXT_INK);
        for (int i = 0; i < lines.size(); i++) {
            g.fillText(lines.get(i), x + pad, y + pad - 1 + i * LINE_HEIGHT);
        }
        return new Rectangle2D(x, y, bw, bh);
    }
}
