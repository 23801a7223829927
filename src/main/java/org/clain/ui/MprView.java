package org.clain.ui;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.scene.transform.Affine;
import org.clain.geom.Vec3;
import org.clain.render.MprCursor;
import org.clain.render.MprCursor.View;
import org.clain.render.Plane;
import org.clain.render.Slab;
import org.clain.render.WindowLevel;
import org.clain.study.Segmentation;
import org.clain.study.StructureSet;

/**
 * One reformat view of the MPR workspace (axial, coronal or sagittal, oblique once rotated): shows
 * the reslice of its plane, which the engine computes on the workspace's render thread, and the
 * crosshair of the two other planes. Mouse: drag the crosshair centre to move it, drag a line to
 * rotate that plane, click elsewhere to move the centre there, wheel to scroll along the normal,
 * Ctrl+wheel to zoom, right drag for window/level, middle (or Shift+left) drag to pan. With the
 * curved-MPR tool on, left clicks add points of the curve instead.
 */
public final class MprView extends Region {
    /** Screen pixels from the crosshair centre that grab the centre. */
    static final double CENTRE_GRAB = 12;
    /** Screen pixels from a crosshair line that grab it for rotation. */
    static final double LINE_GRAB = 6;
    /** Crosshair lines leave this gap (px) around the centre, so the anatomy there stays visible. */
    static final double GAP = 14;
    /** Reslices are computed at most this many pixels wide or high, then scaled to the view. */
    static final int MAX_RENDER = 640;

    private static final Font TEXT = Font.font("Dialog", 12.5);
    private static final Font TITLE = Font.font("Dialog", FontWeight.BOLD, 13);
    private static final OverlayText STYLE = OverlayText.WORKSPACE;
    private static final Color CURVE = Color.rgb(80, 220, 255);

    enum Drag { NONE, CENTRE, ROTATE, WINDOW, PAN }

    /** A computed reslice: the plane it was made for and its modality values. */
    record Frame(Plane plane, Slab slab, float[] values) {
    }

    private final MprWorkspace ws;
    private final View view;
    private final Canvas canvas = new Canvas();
    private final List<Consumer<GraphicsContext>> painters = new ArrayList<>();

    // viewing state (FX thread)
    private Vec3 focus;
    private double mmPerPixel = Double.NaN;
    private double center = 40;
    private double width = 400;

    // the last frame shown
    private Frame frame;
    private WritableImage image;
    /** The segmentations on the last frame's plane, in its pixel grid, or null. */
    private WritableImage segmentationImage;
    /** The fused PET on the last frame's plane, or null. */
    private WritableImage fusionImage;
    /** The structure set contours on the last frame's plane, in its pixels. */
    private List<StructureSet.Drawn> contours = List.of();

    List<StructureSet.Drawn> contours() {
        return contours;
    }

    WritableImage fusionImage() {
        return fusionImage;
    }

    WritableImage segmentationImage() {
        return segmentationImage;
    }
    private PixelBuffer<IntBuffer> pixels;
    private byte[] grey;
    private WindowLevel frameWindow;
    private int frames;

    // mouse
    private Drag drag = Drag.NONE;
    private View rotating;
    private final MouseTrack track = new MouseTrack();
    private MprCursor pressCursor;
    private Vec3 pressFocus;

    MprView(MprWorkspace ws, View view) {
        this.ws = ws;
        this.view = view;
        setId("mpr-" + view.name().toLowerCase(Locale.ROOT));
        getStyleClass().add("mpr-view");
        getChildren().add(canvas);
        setMinSize(60, 60);
        setFocusTraversable(true);
        setOnMousePressed(this::onPressed);
        setOnMouseDragged(this::onDragged);
        setOnMouseReleased(e -> {
            drag = Drag.NONE;
            rotating = null;
        });
        setOnMouseMoved(e -> {
            track.moveTo(e);
            setCursor(hitCursor(e.getX(), e.getY()));
            redraw();
        });
        setOnMouseExited(e -> {
            track.leave();
            redraw();
        });
        setOnScroll(this::onScroll);
    }

    public View view() {
        return view;
    }

    /** Paints on top of the reformat (measurements, annotations) each time the view is drawn. */
    public void addPainter(Consumer<GraphicsContext> painter) {
        painters.add(painter);
    }

    /** Colour of this view's plane (its crosshair line in the other views, its frame). */
    static Color colour(View v) {
        return switch (v) {
            case AXIAL -> Color.rgb(235, 80, 80);
            case CORONAL -> Color.rgb(80, 205, 120);
            case SAGITTAL -> Color.rgb(240, 200, 60);
        };
    }

    // ---------------------------------------------------------------- geometry

    /** Resets zoom and pan: the whole volume fits, centred on the volume. */
    void fit() {
        focus = MprCursor.volumeCentre(ws.volume());
        mmPerPixel = Double.NaN;
    }

    double mmPerPixel() {
        if (Double.isNaN(mmPerPixel)) {
            double w = Math.max(1, getWidth());
            double h = Math.max(1, getHeight());
            return ws.fieldOfView() / Math.min(w, h);
        }
        return mmPerPixel;
    }

    /** Centre of the view on its plane (patient mm): the focus projected onto the plane through the cursor. */
    Vec3 viewCentre() {
        MprCursor c = ws.cursor();
        Vec3 n = c.normal(view);
        Vec3 f = focus == null ? c.centre() : focus;
        return f.minus(n.times(f.minus(c.centre()).dot(n)));
    }

    /** The plane shown: through the cursor centre, one pixel per screen pixel (before render scaling). */
    public Plane plane() {
        return ws.cursor().plane(view, focus == null ? ws.cursor().centre() : focus, mmPerPixel(),
                Math.max(1, (int) Math.round(getWidth())), Math.max(1, (int) Math.round(getHeight())));
    }

    /** Patient point under a screen point of this view (on its plane). */
    public Vec3 screenToPatient(double x, double y) {
        MprCursor c = ws.cursor();
        double mpp = mmPerPixel();
        return viewCentre().plus(c.u(view).times((x - getWidth() / 2) * mpp)).plus(c.v(view).times((y - getHeight() / 2)
                * mpp));
    }

    /** Screen point of a patient point projected onto this view's plane. */
    public Point2D patientToScreen(Vec3 p) {
        MprCursor c = ws.cursor();
        Vec3 d = p.minus(viewCentre());
        double mpp = mmPerPixel();
        return new Point2D(getWidth() / 2 + d.dot(c.u(view)) / mpp, getHeight() / 2 + d.dot(c.v(view)) / mpp);
    }

    /** Signed distance (mm) of a patient point from this view's plane. */
    double distanceFromPlane(Vec3 p) {
        return p.minus(ws.cursor().centre()).dot(ws.cursor().normal(view));
    }

    /** Screen direction (unit) of the line where {@code other}'s plane cuts this one. */
    private Point2D lineDirection(View other) {
        MprCursor c = ws.cursor();
        Vec3 d = c.lineDirection(view, other);
        Point2D s = new Point2D(d.dot(c.u(view)), d.dot(c.v(view)));
        return s.magnitude() < 1e-9 ? new Point2D(1, 0) : s.normalize();
    }

    /** The other two views, whose planes cross this one as the crosshair's lines. */
    private List<View> others() {
        List<View> o = new ArrayList<>();
        for (View v : View.values()) {
            if (v != view) {
                o.add(v);
            }
        }
        return o;
    }

    /** Distance (screen px) from a point to the line of {@code other}'s plane. */
    double distanceToLine(View other, double x, double y) {
        Point2D c = patientToScreen(ws.cursor().centre());
        Point2D d = lineDirection(other);
        double rx = x - c.getX();
        double ry = y - c.getY();
        return Math.abs(rx * d.getY() - ry * d.getX());
    }

    /** A point on the line of {@code other}'s plane, {@code px} screen pixels from the centre (for tests). */
    public Point2D pointOnLine(View other, double px) {
        Point2D c = patientToScreen(ws.cursor().centre());
        Point2D d = lineDirection(other);
        return new Point2D(c.getX() + d.getX() * px, c.getY() + d.getY() * px);
    }

    private Drag hit(double x, double y) {
        Point2D c = patientToScreen(ws.cursor().centre());
        if (c.distance(x, y) <= CENTRE_GRAB) {
            return Drag.CENTRE;
        }
        for (View o : others()) {
            if (distanceToLine(o, x, y) <= LINE_GRAB && c.distance(x, y) > GAP) {
                rotating = o;
                return Drag.ROTATE;
            }
        }
        return Drag.NONE;
    }

    private javafx.scene.Cursor hitCursor(double x, double y) {
        if (ws.curveTool()) {
            return javafx.scene.Cursor.CROSSHAIR;
        }
        View keep = rotating;
        Drag d = hit(x, y);
        rotating = keep;
        return d == Drag.CENTRE ? javafx.scene.Cursor.MOVE : d == Drag.ROTATE ? javafx.scene.Cursor.HAND
                : javafx.scene.Cursor.DEFAULT;
    }

    // ---------------------------------------------------------------- window

    double windowCenter() {
        return ws.linkedWindow() ? ws.sharedCenter() : center;
    }

    double windowWidth() {
        return ws.linkedWindow() ? ws.sharedWidth() : width;
    }

    void setOwnWindow(double c, double w) {
        center = c;
        width = WindowLevel.usableWidth(w);
        rewindow();
    }

    private void setWindow(double c, double w) {
        if (ws.linkedWindow()) {
            ws.setSharedWindow(c, w);
        } else {
            setOwnWindow(c, w);
        }
    }

    // ---------------------------------------------------------------- rendering

    /** Asks the workspace's render thread for the reslice of the current plane. */
    void requestRender() {
        if (ws.volume() == null || getWidth() < 2 || getHeight() < 2 || getScene() == null) {
            return; // not on screen (the 3D view alone): rendered again when shown
        }
        if (focus == null) {
            fit();
        }
        double vw = getWidth();
        double vh = getHeight();
        double scale = Math.max(1, Math.max(vw, vh) / MAX_RENDER);
        int w = Math.max(1, (int) Math.ceil(vw / scale));
        int h = Math.max(1, (int) Math.ceil(vh / scale));
        double mpp = mmPerPixel();
        MprCursor c = ws.cursor();
        // pixel (i, j) of the reslice covers screen [i, i+1) * scale: align its centre with the view's
        Vec3 centre = viewCentre().plus(c.u(view).times((w * scale - vw) / 2 * mpp))
                .plus(c.v(view).times((h * scale - vh) / 2 * mpp));
        Plane p = new Plane(centre, c.u(view), c.v(view), mpp * scale, w, h);
        Slab slab = ws.slab();
        ws.reslice(this, p, slab, f -> show(f));
    }

    private void show(Frame f) {
        frame = f;
        frames++;
        Plane p = f.plane();
        Vec3 origin = p.pixelToPatient(0, 0);
        Vec3 stepColumn = p.pixelToPatient(1, 0).minus(origin);
        Vec3 stepRow = p.pixelToPatient(0, 1).minus(origin);
        List<Segmentation> segmentations = ws.layers().segmentations();
        SegmentationLayer.Painted seg = segmentations.isEmpty() ? null : SegmentationLayer.paint(segmentations,
                s -> s.labels(origin, stepColumn, stepRow, p.width(), p.height()), p.width(), p.height());
        segmentationImage = seg == null ? null : seg.image();
        List<StructureSet.Drawn> drawn = new ArrayList<>();
        // a contour lies in the plane within half the largest voxel edge (a slice of the volume)
        org.clain.geom.Affine v2p = ws.volume().voxelToPatient();
        double half = Math.max(v2p.column(0).norm(), Math.max(v2p.column(1).norm(), v2p.column(2).norm())) / 2;
        for (StructureSet set : ws.layers().structureSets()) {
            drawn.addAll(set.on(origin, stepColumn, stepRow, half));
        }
        contours = drawn;
        FusionLayer fusion = ws.layers().fusion();
        fusionImage = fusion.pet() == null ? null : FusionLayer.image(fusion.argb(origin, stepColumn, stepRow, p.width(),
                p.height()), p.width(), p.height());
        if (image == null || (int) image.getWidth() != p.width() || (int) image.getHeight() != p.height()) {
            int[] data = new int[p.width() * p.height()];
            pixels = new PixelBuffer<>(p.width(), p.height(), IntBuffer.wrap(data), PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(pixels);
        }
        frameWindow = null;
        rewindow();
    }

    /** Applies the window to the last frame's values (no reslice). */
    void rewindow() {
        if (frame == null) {
            redraw();
            return;
        }
        WindowLevel wl = WindowLevel.of(windowCenter(), windowWidth());
        if (!wl.equals(frameWindow)) {
            int n = frame.plane().width() * frame.plane().height();
            grey = wl.apply(frame.values(), n, grey);
            int[] data = pixels.getBuffer().array();
            for (int i = 0; i < n; i++) {
                int g = grey[i] & 0xFF;
                data[i] = 0xFF000000 | g << 16 | g << 8 | g;
            }
            pixels.updateBuffer(b -> null);
            frameWindow = wl;
        }
        redraw();
    }

    /** The frame on screen (null before the first). */
    Frame frame() {
        return frame;
    }

    /** Frames shown so far (tests wait on it). */
    int framesShown() {
        return frames;
    }

    /** HU of the shown frame under a screen point (NaN outside the image or the volume). */
    public double valueAt(double x, double y) {
        if (frame == null) {
            return Double.NaN;
        }
        Vec3 pix = frame.plane().patientToPixel(screenToPatient(x, y));
        int i = (int) Math.round(pix.x());
        int j = (int) Math.round(pix.y());
        Plane p = frame.plane();
        if (i < 0 || j < 0 || i >= p.width() || j >= p.height()) {
            return Double.NaN;
        }
        return frame.values()[j * p.width() + i];
    }

    /** Grey level (0..255) on screen at a view point, from the shown frame and window. */
    public int greyAt(double x, double y) {
        double v = valueAt(x, y);
        return WindowLevel.of(windowCenter(), windowWidth()).gray(v);
    }

    // ---------------------------------------------------------------- mouse

    private void onPressed(MouseEvent e) {
        requestFocus();
        ws.activate(this);
        track.press(e, windowCenter(), windowWidth());
        pressCursor = ws.cursor();
        pressFocus = focus;
        MouseButton b = e.getButton();
        if (b == MouseButton.SECONDARY) {
            drag = Drag.WINDOW;
        } else if (b == MouseButton.MIDDLE || (b == MouseButton.PRIMARY && e.isShiftDown())) {
            drag = Drag.PAN;
        } else if (b == MouseButton.PRIMARY) {
            if (ws.curveTool()) {
                ws.addCurvePoint(screenToPatient(e.getX(), e.getY()), ws.cursor().normal(view));
                drag = Drag.NONE;
            } else {
                drag = hit(e.getX(), e.getY());
                if (drag == Drag.NONE) {
                    // click-to-locate: the centre jumps here and follows the drag
                    drag = Drag.CENTRE;
                    ws.setCursor(ws.cursor().withCentre(screenToPatient(e.getX(), e.getY())));
                    pressCursor = ws.cursor();
                }
            }
        }
        e.consume();
    }

    private void onDragged(MouseEvent e) {
        track.moveTo(e);
        double dx = track.dx(e);
        double dy = track.dy(e);
        switch (drag) {
            case CENTRE -> ws.setCursor(pressCursor.withCentre(pressCursor.centre()
                    .plus(pressCursor.u(view).times(dx * mmPerPixel()))
                    .plus(pressCursor.v(view).times(dy * mmPerPixel()))));
            case ROTATE -> {
                Point2D c = patientToScreen(pressCursor.centre());
                double a0 = Math.atan2(track.pressY() - c.getY(), track.pressX() - c.getX());
                double a1 = Math.atan2(e.getY() - c.getY(), e.getX() - c.getX());
                ws.setCursor(pressCursor.rotated(view, a1 - a0));
            }
            case WINDOW -> setWindow(track.draggedCenter(dy), track.draggedWidth(dx));
            case PAN -> {
                Vec3 base = pressFocus == null ? ws.cursor().centre() : pressFocus;
                MprCursor c = ws.cursor();
                focus = base.minus(c.u(view).times(dx * mmPerPixel())).minus(c.v(view).times(dy * mmPerPixel()));
                requestRender();
                redraw();
            }
            default -> { }
        }
        e.consume();
    }

    private void onScroll(ScrollEvent e) {
        double d = e.getDeltaY();
        if (d == 0 || ws.volume() == null) {
            return;
        }
        ws.activate(this);
        if (e.isShortcutDown() || e.isControlDown()) {
            zoomBy(d > 0 ? Viewport.WHEEL_ZOOM : 1 / Viewport.WHEEL_ZOOM, e.getX(), e.getY());
        } else {
            scroll(d < 0 ? 1 : -1);
        }
        e.consume();
    }

    /** Moves the crosshair centre {@code steps} reformat steps along this view's normal (away from the viewer). */
    public void scroll(int steps) {
        ws.setCursor(ws.cursor().scrolled(view, steps * ws.cursor().scrollStep(ws.volume(), view)));
    }

    /** Zooms by {@code factor} keeping the patient point under (x, y) in place. */
    public void zoomBy(double factor, double x, double y) {
        Vec3 under = screenToPatient(x, y);
        mmPerPixel = mmPerPixel() / factor;
        Vec3 after = screenToPatient(x, y);
        Vec3 f = focus == null ? ws.cursor().centre() : focus;
        focus = f.plus(under.minus(after));
        requestRender();
        redraw();
    }

    // ---------------------------------------------------------------- drawing

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            requestRender();
            redraw();
        }
    }

    void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double cw = canvas.getWidth();
        double ch = canvas.getHeight();
        g.setTransform(new Affine());
        g.setFill(Color.BLACK);
        g.fillRect(0, 0, cw, ch);
        if (ws.volume() == null) {
            return;
        }
        if (frame != null && image != null) {
            drawFrame(g);
        }
        drawCurve(g);
        if (ws.crosshairVisible()) {
            drawCrosshair(g);
        }
        for (Consumer<GraphicsContext> p : painters) {
            p.accept(g);
        }
        drawOverlays(g, cw, ch);
        g.setStroke(ws.active() == this ? colour(view) : colour(view).deriveColor(0, 1, 0.6, 1));
        g.setLineWidth(ws.active() == this ? 2 : 1);
        g.strokeRect(0.5, 0.5, cw - 1, ch - 1);
    }

    /** Draws the last frame where its pixels lie in the current view (it may lag behind a drag). */
    private void drawFrame(GraphicsContext g) {
        Plane p = frame.plane();
        // corners of pixel (0,0) and its neighbours, pixel corners at -0.5 from the centres
        Point2D o = patientToScreen(p.pixelToPatient(-0.5, -0.5));
        Point2D ox = patientToScreen(p.pixelToPatient(0.5, -0.5));
        Point2D oy = patientToScreen(p.pixelToPatient(-0.5, 0.5));
        g.save();
        g.setTransform(ox.getX() - o.getX(), ox.getY() - o.getY(), oy.getX() - o.getX(), oy.getY() - o.getY(), o.getX(),
                o.getY());
        g.setImageSmoothing(true);
        g.drawImage(image, 0, 0);
        if (fusionImage != null) {
            g.drawImage(fusionImage, 0, 0);
        }
        if (segmentationImage != null) {
            g.setImageSmoothing(false);
            g.drawImage(segmentationImage, 0, 0);
        }
        ImageLayers.drawContours(g, contours, Math.hypot(ox.getX() - o.getX(), ox.getY() - o.getY()));
        g.restore();
    }

    private void drawCrosshair(GraphicsContext g) {
        Point2D c = patientToScreen(ws.cursor().centre());
        double far = 4 * Math.max(getWidth(), getHeight());
        double slab = ws.slab().thickness();
        for (View o : others()) {
            Point2D d = lineDirection(o);
            Color col = colour(o);
            g.setStroke(col);
            g.setLineWidth(1.2);
            g.setLineDashes();
            for (int s : new int[] {-1, 1}) {
                g.strokeLine(c.getX() + s * d.getX() * GAP, c.getY() + s * d.getY() * GAP, c.getX() + s * d.getX() * far,
                        c.getY() + s * d.getY() * far);
                // rotation handle
                double hx = c.getX() + s * d.getX() * Math.min(getWidth(), getHeight()) * 0.3;
                double hy = c.getY() + s * d.getY() * Math.min(getWidth(), getHeight()) * 0.3;
                g.setFill(col);
                g.fillOval(hx - 3.5, hy - 3.5, 7, 7);
            }
            if (slab > 0 && ws.slabMode() != null) {
                // the other plane's slab faces, parallel to its line
                Vec3 n = ws.cursor().normal(o);
                MprCursor cur = ws.cursor();
                double ox = n.dot(cur.u(view)) * slab / 2 / mmPerPixel();
                double oy = n.dot(cur.v(view)) * slab / 2 / mmPerPixel();
                g.setLineDashes(4, 4);
                g.setStroke(col.deriveColor(0, 1, 1, 0.6));
                for (int s : new int[] {-1, 1}) {
                    g.strokeLine(c.getX() + s * ox - d.getX() * far, c.getY() + s * oy - d.getY() * far,
                            c.getX() + s * ox + d.getX() * far, c.getY() + s * oy + d.getY() * far);
                }
                g.setLineDashes();
            }
        }
    }

    private void drawCurve(GraphicsContext g) {
        List<Vec3> pts = ws.curvePoints();
        if (pts.isEmpty()) {
            return;
        }
        double near = Math.max(2, ws.slab().thickness() / 2);
        g.setLineWidth(1.2);
        g.setStroke(CURVE.deriveColor(0, 1, 1, 0.7));
        g.setLineDashes(3, 3);
        Point2D prev = null;
        for (Vec3 p : pts) {
            Point2D s = patientToScreen(p);
            if (prev != null) {
                g.strokeLine(prev.getX(), prev.getY(), s.getX(), s.getY());
            }
            prev = s;
        }
        g.setLineDashes();
        for (Vec3 p : pts) {
            Point2D s = patientToScreen(p);
            boolean onPlane = Math.abs(distanceFromPlane(p)) <= near;
            if (onPlane) {
                g.setFill(CURVE);
                g.fillOval(s.getX() - 4, s.getY() - 4, 8, 8);
            } else {
                g.setStroke(CURVE);
                g.strokeOval(s.getX() - 3.5, s.getY() - 3.5, 7, 7);
            }
        }
    }

    private void drawOverlays(GraphicsContext g, double cw, double ch) {
        if (!ws.overlaysVisible()) {
            return;
        }
        double m = OverlayText.MARGIN;
        Plane p = plane();
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(TITLE);
        boolean oblique = ws.cursor().normal(view).distance(MprCursor.standard(Vec3.ZERO).normal(view)) > 1e-6;
        STYLE.shadowed(g, view.label() + (oblique ? " (oblique)" : ""), m, m, colour(view));
        g.setFont(TEXT);
        List<String> tl = new ArrayList<>();
        Slab s = ws.slab();
        if (!s.thin()) {
            tl.add(String.format(Locale.ROOT, "Slab %s %s mm", label(s.mode()), DicomText.num(s.thickness())));
        }
        for (int i = 0; i < tl.size(); i++) {
            STYLE.shadowed(g, tl.get(i), m, m + 18 + i * 16, OverlayText.LIGHT);
        }
        List<String> bl = new ArrayList<>();
        Vec3 c = ws.cursor().centre();
        bl.add(String.format(Locale.ROOT, "Centre %.1f, %.1f, %.1f mm", c.x(), c.y(), c.z()));
        Point2D at = track.at();
        if (at != null) {
            double v = valueAt(at.getX(), at.getY());
            if (!Double.isNaN(v)) {
                Vec3 q = screenToPatient(at.getX(), at.getY());
                bl.add(String.format(Locale.ROOT, "(%.1f, %.1f, %.1f)  %s%s", q.x(), q.y(), q.z(), DicomText.num(v),
                        "CT".equalsIgnoreCase(ws.volume().modality()) ? " HU" : ""));
            }
        }
        for (int i = 0; i < bl.size(); i++) {
            STYLE.shadowed(g, bl.get(i), m, ch - m - 16 * (bl.size() - i), OverlayText.LIGHT);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        STYLE.shadowed(g, String.format(Locale.ROOT, "W %s  L %s%s", DicomText.num(windowWidth()),
                DicomText.num(windowCenter()), ws.linkedWindow() ? "" : "  (own)"), cw - m, ch - m - 16,
                OverlayText.LIGHT);
        STYLE.letters(g, p.topLetters(), p.bottomLetters(), p.leftLetters(), p.rightLetters(), cw, ch);
    }

    static String label(Slab.Mode m) {
        return switch (m) {
            case MIP -> "MIP";
            case MINIP -> "MinIP";
            case AVG -> "Avg";
        };
    }
}
