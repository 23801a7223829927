package org.clain.ui.measure;

import static org.clain.ui.measure.MeasureInk.INK_SELECTED;
import static org.clain.ui.measure.MeasureInk.handleSquare;
import static org.clain.ui.measure.MeasureInk.stroke;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.canvas.GraphicsContext;
import org.clain.geom.Vec3;
import org.clain.measure.Measurement;
import org.clain.measure.Meta;

/**
 * The measurement being drawn in one view: the tool, the points placed so far and the one under
 * the mouse, shown with its live value; how presses, drags and releases place points; and, once
 * complete, the record ({@link MeasureEdits#create}) handed to the controller, after asking for
 * the text of a label or an arrow.
 */
final class PendingMeasurement {
    private static final double FREEHAND_STEP = 3;

    private final MeasureController ctl;
    private final PlaneView view;
    private final MeasurementPainter painter;
    private MeasureTool tool;
    private final List<Vec3> points = new ArrayList<>();
    private Vec3 cursor;
    /** A finished label or arrow, shown while the dialog asks for its text. */
    private Measurement awaitingText;
    private int pressIndex;
    private double lastX;
    private double lastY;

    PendingMeasurement(MeasureController ctl, PlaneView view, MeasurementPainter painter) {
        this.ctl = ctl;
        this.view = view;
        this.painter = painter;
    }

    /** True while a measurement is being drawn (points placed, not finished). */
    boolean isDrawing() {
        return tool != null && !points.isEmpty();
    }

    boolean hasTool() {
        return tool != null;
    }

    boolean hasPoints() {
        return !points.isEmpty();
    }

    /** A polyline or polygon: as many points as the user places, ended by a double click or Enter. */
    boolean isOpenEnded() {
        return tool == MeasureTool.POLYLINE || tool == MeasureTool.POLYGON;
    }

    /** Starts a measurement with the tool at the pressed point. */
    void start(MeasureTool t, Vec3 p, double x, double y) {
        tool = t;
        points.clear();
        points.add(p);
        pressIndex = 0;
        cursor = p;
        lastX = x;
        lastY = y;
    }

    /** Whether a press ends a polyline or polygon: a double click, or a click on a polygon's first point. */
    boolean endsAt(double x, double y, int clicks) {
        if (!isOpenEnded()) {
            return false;
        }
        if (clicks >= 2) {
            return true;
        }
        return tool == MeasureTool.POLYGON && points.size() >= 3
                && view.toScreen(points.get(0)).distance(x, y) <= MeasureHits.HIT;
    }

    /** A press that places the next point. */
    void press(Vec3 p, double x, double y) {
        pressIndex = points.size();
        points.add(p);
        cursor = p;
        lastX = x;
        lastY = y;
    }

    /** The mouse dragged to p: the point under the mouse follows, a freehand outline traces it. */
    void drag(Vec3 p, double x, double y) {
        cursor = p;
        if (tool == MeasureTool.FREEHAND && Math.hypot(x - lastX, y - lastY) >= FREEHAND_STEP) {
            points.add(p);
            lastX = x;
            lastY = y;
        }
    }

    /**
     * The button that placed a point is released at p (null off the image); true when the
     * measurement is complete. A freehand outline ends with its trace (a click alone traces
     * nothing and is dropped); other tools take the end of a drag as a point where they expect one.
     */
    boolean release(Vec3 p, boolean dragged) {
        if (tool == MeasureTool.FREEHAND) {
            if (p != null) {
                points.add(p);
            }
            if (!dragged) {
                clear();
            }
            return dragged;
        }
        if (dragged && p != null) {
            if (dragAddsPoint(tool, pressIndex)) {
                points.add(p);
            } else {
                points.set(points.size() - 1, p);
            }
        }
        int need = tool.clicks();
        if (need > 0 && points.size() >= need) {
            return true;
        }
        cursor = p;
        return false;
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

    /** The mouse moved (no button) to p: the point under it follows. */
    void hover(Vec3 p) {
        cursor = p;
    }

    /** Takes back the last point placed (Backspace); false when only the first is left. */
    boolean removeLast() {
        if (points.size() <= 1) {
            return false;
        }
        points.remove(points.size() - 1);
        return true;
    }

    /** Drops what is being drawn. */
    void clear() {
        tool = null;
        points.clear();
        cursor = null;
    }

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

    /** Makes the measurement of the points placed and adds it (labels and arrows once their text is typed). */
    void finish() {
        MeasureTool t = tool;
        List<Vec3> pts = List.copyOf(points);
        Vec3[] axes = screenAxes();
        Meta meta = meta(null);
        clear();
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

    /** The measurement being drawn, with its live value once it has enough points (and a label awaiting its text). */
    void draw(GraphicsContext g, ViewPlane plane) {
        if (awaitingText != null) {
            painter.draw(g, plane, awaitingText, true, false);
        }
        if (!isDrawing()) {
            return;
        }
        List<Vec3> pts = new ArrayList<>(points);
        if (cursor != null && tool != MeasureTool.FREEHAND && (tool.clicks() == 0 || pts.size() < tool.clicks())) {
            pts.add(cursor);
        }
        Vec3[] axes = screenAxes();
        Measurement m = axes == null || tool == MeasureTool.FREEHAND || tool == MeasureTool.TEXT
                || tool == MeasureTool.PROBE ? null
                : MeasureEdits.create(tool, meta("drawing"), pts, axes[0], axes[1], "");
        if (m != null && (tool.clicks() == 0 || pts.size() >= tool.clicks())) {
            painter.draw(g, plane, m, true, false);
        } else if (tool == MeasureTool.COBB) {
            for (int i = 0; i + 1 < pts.size(); i += 2) {
                stroke(g, painter.screen(pts.subList(i, i + 2)), false, INK_SELECTED);
            }
        } else {
            stroke(g, painter.screen(pts), false, INK_SELECTED);
        }
        for (Vec3 p : points) {
            if (tool != MeasureTool.FREEHAND) {
                handleSquare(g, view.toScreen(p), INK_SELECTED);
            }
        }
    }
}
