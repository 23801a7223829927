package org.clain.ui.measure;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.scene.Cursor;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import org.clain.geom.Vec3;
import org.clain.measure.Arrow;
import org.clain.measure.Measurement;
import org.clain.measure.TextLabel;

/**
 * The measurement tools in one {@link PlaneView}: draws the measurements that lie on the plane
 * shown (within {@link PlaneView#halfThickness()}), marks where the others cross it, and turns the
 * left mouse button into drawing, selecting, moving and handle dragging. Points come from the
 * view's screen-to-patient mapping, so they are patient mm from the first click on. The layer
 * keeps the gesture; the measurement being drawn is a {@link PendingMeasurement}, the drawing is
 * {@link MeasurementPainter}'s and what lies under the mouse is {@link MeasureHits}'.
 */
public final class MeasureLayer {
    /** Movement (screen pixels) beyond which a press is a drag, not a click. */
    private static final double DRAG = 4;

    private enum Gesture { NONE, DRAW, HANDLE, MOVE }

    private final MeasureController ctl;
    private final PlaneView view;
    private final MeasurementPainter painter;
    private final PendingMeasurement pending;
    private final MeasureHits hits = new MeasureHits();

    private Gesture gesture = Gesture.NONE;
    /** The measurement whose handle is dragged or which is moved, as it was at the press. */
    private Measurement original;
    /** The same as dragged so far: shown in its place until the release makes it an edit. */
    private Measurement preview;
    private int handle;
    private Vec3 pressPoint;
    private double pressX;
    private double pressY;
    private boolean dragged;

    MeasureLayer(MeasureController ctl, PlaneView view) {
        this.ctl = ctl;
        this.view = view;
        this.painter = new MeasurementPainter(ctl, view);
        this.pending = new PendingMeasurement(ctl, view, painter);
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
        return pending.isDrawing();
    }

    /** Ids of the measurements drawn in full on the plane shown at the last paint. */
    public List<String> shownIds() {
        return hits.ids();
    }

    /** Drops what is being drawn or dragged. */
    void cancel() {
        boolean was = gesture != Gesture.NONE || pending.hasPoints() || original != null;
        gesture = Gesture.NONE;
        pending.clear();
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
            if (ctl.tool() != null) {
                // no volume yet: a series still loading, or none open
                ctl.status("Nothing to measure on yet: measurements need the series loaded");
            }
            return;
        }
        pressX = e.getX();
        pressY = e.getY();
        dragged = false;
        if (isDrawing()) {
            take(e);
            if (pending.endsAt(e.getX(), e.getY(), e.getClickCount())) {
                finish();
                return;
            }
            pending.press(p, e.getX(), e.getY());
            gesture = Gesture.DRAW;
            view.repaint();
            return;
        }
        MeasureTool t = ctl.tool();
        MeasureHits.Grab h = hits.handleAt(e.getX(), e.getY(), ctl.selectedId());
        if (h != null) {
            take(e);
            gesture = Gesture.HANDLE;
            handle = h.handle();
            original = h.drawn().m();
            preview = original;
            ctl.select(original.id());
            return;
        }
        DrawnMeasurement b = hits.bodyAt(e.getX(), e.getY(), t == null);
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
            pending.start(t, p, e.getX(), e.getY());
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
            case DRAW -> pending.drag(p, e.getX(), e.getY());
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
        if (!pending.hasTool()) {
            return;
        }
        if (pending.release(p, dragged)) {
            finish();
        } else {
            view.repaint();
        }
    }

    private void moved(MouseEvent e) {
        if (isDrawing()) {
            pending.hover(point(e));
            view.repaint();
        }
        Cursor c = null;
        if (view.volume() != null) {
            if (!isDrawing() && hits.handleAt(e.getX(), e.getY(), ctl.selectedId()) != null) {
                c = Cursor.MOVE;
            } else if (!isDrawing() && hits.bodyAt(e.getX(), e.getY(), ctl.tool() == null) != null) {
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
        } else if (e.getCode() == KeyCode.ENTER && isDrawing() && pending.isOpenEnded()) {
            finish();
            e.consume();
        } else if (e.getCode() == KeyCode.BACK_SPACE && isDrawing() && pending.removeLast()) {
            view.repaint();
            e.consume();
        }
    }

    private void finish() {
        gesture = Gesture.NONE;
        pending.finish();
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

    // ---------------------------------------------------------------- painting

    private void paint(GraphicsContext g) {
        ViewPlane plane = view.plane();
        if (plane == null) {
            hits.show(List.of());
            return;
        }
        g.save();
        String sel = ctl.exporting() ? null : ctl.selectedId();
        List<DrawnMeasurement> out = new ArrayList<>();
        for (Measurement m : ctl.measurements()) {
            if (!MeasurementLocator.sameFrame(m, view)) {
                continue;
            }
            Measurement shown = original != null && original.id().equals(m.id()) && preview != null ? preview : m;
            try {
                DrawnMeasurement d = painter.draw(g, plane, shown, shown.id().equals(sel), !ctl.exporting());
                if (d != null) {
                    out.add(d);
                }
            } catch (RuntimeException e) {
                // one odd measurement must not stop the image from being drawn
                System.getLogger("clain.ui").log(System.Logger.Level.WARNING, "cannot draw " + m.type() + " " + m.id(), e);
            }
        }
        hits.show(out);
        pending.draw(g, plane);
        g.restore();
    }
}
