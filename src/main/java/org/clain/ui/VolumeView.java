package org.clain.ui;

import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.ImageView;
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
import javafx.util.Duration;
import org.clain.geom.Vec3;
import org.clain.render.Camera;
import org.clain.render.Plane;
import org.clain.render.Presets;
import org.clain.render.RenderParams;
import org.clain.render.StandardView;
import org.clain.render.ViewFrame;
import org.clain.render.VolumeRenderer;

/**
 * The 3D view: frames of {@link VolumeRenderer} (GPU ray caster, or the CPU one with the reason)
 * computed on a background thread and shown through a {@link PixelBuffer}-backed
 * {@link WritableImage}. Left drag orbits, Shift+left or middle drag pans, right drag or the wheel
 * zooms. While the user drags, frames are rendered at {@link #INTERACTIVE_QUALITY} (half
 * resolution); a full-quality frame follows once the mouse rests for {@link #REFINE_DELAY_MS}.
 */
public final class VolumeView extends Region {
    /** Quality of frames while dragging (below 0.5: half resolution, coarser steps). */
    public static final double INTERACTIVE_QUALITY = 0.3;
    /** Idle time after the last interactive frame request before the full-quality frame. */
    public static final int REFINE_DELAY_MS = 250;
    /** Degrees of azimuth or elevation per pixel of drag. */
    public static final double DEGREES_PER_PIXEL = 0.5;

    private static final Font TEXT = Font.font("Dialog", 12.5);
    private static final Font TITLE = Font.font("Dialog", FontWeight.BOLD, 13);
    private static final OverlayText STYLE = OverlayText.WORKSPACE;

    /** A finished frame and the parameters it was drawn with. */
    public record Frame(VolumeRenderer.Result result, RenderParams params, int width, int height) {
    }

    private final MprWorkspace ws;
    private final ImageView imageView = new ImageView();
    private final Canvas overlay = new Canvas();
    private final RenderService service = new RenderService("clain-vr");
    private final PauseTransition refine = new PauseTransition(Duration.millis(REFINE_DELAY_MS));
    private final List<Consumer<Frame>> frameListeners = new ArrayList<>();
    private VolumeRenderer renderer; // vr thread only
    private volatile VolumeRenderer.Preference preference;
    private volatile boolean preferenceChanged;

    private RenderParams params;
    private String presetName;
    private int maxRenderSize = Integer.getInteger("clain.vr.maxSize", 512);
    private boolean showCursor = true;

    private Frame frame;
    private PixelBuffer<IntBuffer> pixels;
    private WritableImage image;
    private int fullFrames;
    private int frames;

    // mouse
    private MouseButton button;
    private boolean panning;
    private double pressX;
    private double pressY;
    private Camera pressCamera;

    VolumeView(MprWorkspace ws) {
        this.ws = ws;
        setId("volume-view");
        getStyleClass().add("volume-view");
        String pref = System.getProperty("clain.vr.backend", "gpu");
        preference = "cpu".equalsIgnoreCase(pref) ? VolumeRenderer.Preference.CPU : VolumeRenderer.Preference.GPU;
        Presets.Preset initial = Presets.defaultFor(ws.volume());
        params = initial.params();
        presetName = initial.name();
        imageView.setSmooth(true);
        imageView.setPreserveRatio(false);
        getChildren().addAll(imageView, overlay);
        overlay.setMouseTransparent(true);
        setMinSize(60, 60);
        setFocusTraversable(true);
        refine.setOnFinished(e -> requestRender(false));
        setOnMousePressed(this::onPressed);
        setOnMouseDragged(this::onDragged);
        setOnMouseReleased(e -> {
            if (button != null) {
                button = null;
                refine.stop();
                requestRender(false);
            }
        });
        setOnScroll(this::onScroll);
        ws.onCursorChanged(this::drawOverlay);
    }

    // ---------------------------------------------------------------- parameters

    public RenderParams params() {
        return params;
    }

    public Camera camera() {
        return params.camera();
    }

    /** New parameters; renders at full quality, or interactively (then refined) while the user drags a control. */
    public void setParams(RenderParams p, boolean interactive) {
        params = p;
        requestRender(interactive);
    }

    public void setCamera(Camera c) {
        setParams(params.withCamera(c), false);
    }

    /** A standard view at the current zoom, pan reset. */
    public void setStandardView(StandardView v) {
        setCamera(v.camera().withZoom(params.camera().zoom()));
    }

    /** Anterior view, zoom 1, no pan. */
    public void resetCamera() {
        setCamera(StandardView.ANTERIOR.camera());
    }

    /** Mode, transfer function, shading and iso of a preset; the camera and clipping stay. */
    public void applyPreset(Presets.Preset p) {
        presetName = p.name();
        setParams(p.applyTo(params), false);
    }

    public String presetName() {
        return presetName;
    }

    void setPresetName(String name) {
        presetName = name;
        drawOverlay();
    }

    public VolumeRenderer.Preference preference() {
        return preference;
    }

    /** GPU (with the CPU as fallback) or CPU only; takes effect with the next frame. */
    public void setPreference(VolumeRenderer.Preference p) {
        if (p != preference) {
            preference = p;
            preferenceChanged = true;
            requestRender(false);
        }
    }

    /** Largest side (pixels) of the rendered image; the view scales it up to its size. */
    public void setMaxRenderSize(int px) {
        maxRenderSize = Math.max(32, px);
        requestRender(false);
    }

    public void setShowCursor(boolean b) {
        showCursor = b;
        drawOverlay();
    }

    public boolean showCursor() {
        return showCursor;
    }

    // ---------------------------------------------------------------- rendering

    private int[] renderSize() {
        double w = getWidth();
        double h = getHeight();
        double s = Math.min(1, maxRenderSize / Math.max(w, h));
        return new int[] {Math.max(16, (int) Math.round(w * s)), Math.max(16, (int) Math.round(h * s))};
    }

    /** Asks for a frame: interactive ones are quick and followed by a full-quality one when idle. */
    public void requestRender(boolean interactive) {
        if (getWidth() < 16 || getHeight() < 16 || getScene() == null) {
            return;
        }
        int[] wh = renderSize();
        RenderParams p = params.withQuality(interactive ? INTERACTIVE_QUALITY : 1.0);
        var vol = ws.volume();
        service.submit(this, () -> {
            VolumeRenderer r = renderer();
            return new Frame(r.render(vol, p, wh[0], wh[1]), p, wh[0], wh[1]);
        }, this::show, t -> ws.status("3D rendering failed: " + t));
        if (interactive) {
            refine.playFromStart();
        }
    }

    private VolumeRenderer renderer() {
        if (renderer == null || preferenceChanged) {
            if (renderer != null) {
                renderer.close();
            }
            preferenceChanged = false;
            renderer = new VolumeRenderer(preference);
        }
        return renderer;
    }

    private void show(Frame f) {
        frame = f;
        frames++;
        int w = f.width();
        int h = f.height();
        if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
            pixels = new PixelBuffer<>(w, h, IntBuffer.allocate(w * h), PixelFormat.getIntArgbPreInstance());
            image = new WritableImage(pixels);
            imageView.setImage(image);
        }
        // frames are opaque, so straight and premultiplied ARGB are the same
        System.arraycopy(f.result().image().argb(), 0, pixels.getBuffer().array(), 0, w * h);
        pixels.updateBuffer(b -> null);
        if (f.params().quality() >= 1) {
            fullFrames++;
            VolumeRenderer.Result r = f.result();
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "3D: %s, %dx%d in %.0f ms", r.device(), w, h,
                    r.millis()));
            if (r.backend() == VolumeRenderer.Backend.CPU && preference == VolumeRenderer.Preference.GPU
                    && !r.messages().isEmpty()) {
                s.append(" — CPU fallback: ").append(r.messages().get(0));
            } else if (!r.messages().isEmpty()) {
                s.append(" — ").append(String.join("; ", r.messages()));
            }
            ws.status(s.toString());
        }
        drawOverlay();
        for (Consumer<Frame> l : frameListeners) {
            l.accept(f);
        }
    }

    /** The frame on screen (null before the first). */
    public Frame frame() {
        return frame;
    }

    /** Full-quality frames shown so far. */
    public int fullFrames() {
        return fullFrames;
    }

    public int framesShown() {
        return frames;
    }

    void onFrame(Consumer<Frame> l) {
        frameListeners.add(l);
    }

    boolean idle() {
        return service.idle() && refine.getStatus() != javafx.animation.Animation.Status.RUNNING;
    }

    void dispose() {
        refine.stop();
        service.closeAndThen(() -> {
            if (renderer != null) {
                renderer.close();
            }
        });
    }

    // ---------------------------------------------------------------- geometry

    /** The ray grid of the shown frame's size with the current camera. */
    ViewFrame viewFrame() {
        int[] wh = frame != null ? new int[] {frame.width(), frame.height()} : renderSize();
        return ViewFrame.of(ws.volume(), params.camera(), wh[0], wh[1]);
    }

    /** Where a patient point is drawn in the view (px), with the current camera. */
    public javafx.geometry.Point2D patientToScreen(Vec3 p) {
        ViewFrame vf = viewFrame();
        double[] xy = vf.project(p);
        return new javafx.geometry.Point2D(xy[0] * getWidth() / vf.width(), xy[1] * getHeight() / vf.height());
    }

    // ---------------------------------------------------------------- mouse

    private void onPressed(MouseEvent e) {
        requestFocus();
        button = e.getButton();
        panning = button == MouseButton.MIDDLE || (button == MouseButton.PRIMARY && e.isShiftDown());
        pressX = e.getX();
        pressY = e.getY();
        pressCamera = params.camera();
        e.consume();
    }

    private void onDragged(MouseEvent e) {
        if (button == null) {
            return;
        }
        double dx = e.getX() - pressX;
        double dy = e.getY() - pressY;
        Camera c;
        if (panning) {
            double mpp = ViewFrame.of(ws.volume(), pressCamera, 100, 100).extent()
                    / (pressCamera.zoom() * Math.min(getWidth(), getHeight()));
            c = pressCamera.withPan(pressCamera.panX() + dx * mpp, pressCamera.panY() - dy * mpp);
        } else if (button == MouseButton.SECONDARY) {
            c = pressCamera.withZoom(Math.max(0.05, Math.min(40, pressCamera.zoom() * Math.exp(-dy / 200))));
        } else {
            // the surface under the mouse follows it: dragging right turns the patient's left side towards us
            c = pressCamera.orbit(-dx * DEGREES_PER_PIXEL, dy * DEGREES_PER_PIXEL);
        }
        params = params.withCamera(c);
        requestRender(true);
        drawOverlay();
        e.consume();
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        Camera c = params.camera();
        double f = e.getDeltaY() > 0 ? Viewport.WHEEL_ZOOM : 1 / Viewport.WHEEL_ZOOM;
        params = params.withCamera(c.withZoom(Math.max(0.05, Math.min(40, c.zoom() * f))));
        requestRender(true);
        e.consume();
    }

    // ---------------------------------------------------------------- drawing

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (overlay.getWidth() != w || overlay.getHeight() != h) {
            overlay.setWidth(w);
            overlay.setHeight(h);
            imageView.setFitWidth(w);
            imageView.setFitHeight(h);
            requestRender(false);
        }
        drawOverlay();
    }

    void drawOverlay() {
        GraphicsContext g = overlay.getGraphicsContext2D();
        double cw = overlay.getWidth();
        double ch = overlay.getHeight();
        g.clearRect(0, 0, cw, ch);
        if (frame == null) {
            g.setFill(Color.BLACK);
            g.fillRect(0, 0, cw, ch);
            g.setFill(Color.rgb(150, 150, 150));
            g.setFont(TEXT);
            g.setTextAlign(TextAlignment.CENTER);
            g.setTextBaseline(VPos.CENTER);
            g.fillText("Rendering…", cw / 2, ch / 2);
        }
        double m = OverlayText.MARGIN;
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.LEFT);
        g.setFont(TITLE);
        STYLE.shadowed(g, "3D  " + presetName + "  (" + modeLabel() + ")", m, m, Color.rgb(120, 190, 255));
        g.setFont(TEXT);
        if (frame != null) {
            VolumeRenderer.Result r = frame.result();
            String q = frame.params().quality() < 1 ? "  (interactive)" : "";
            STYLE.shadowed(g, String.format(Locale.ROOT, "%s  %.0f ms%s", r.backend() == VolumeRenderer.Backend.GPU
                    ? "GPU" : "CPU", r.millis(), q), m, ch - m - 16, OverlayText.LIGHT);
        }
        Camera c = params.camera();
        g.setTextAlign(TextAlignment.RIGHT);
        STYLE.shadowed(g, String.format(Locale.ROOT, "Az %.0f°  El %.0f°  Zoom %.2f", c.azimuth(), c.elevation(),
                c.zoom()), cw - m, ch - m - 16, OverlayText.LIGHT);
        // orientation letters from the camera's axes
        Vec3[] b = c.basis();
        STYLE.letters(g, Plane.orientationLetters(b[1]), Plane.orientationLetters(b[1].times(-1)),
                Plane.orientationLetters(b[0].times(-1)), Plane.orientationLetters(b[0]), cw, ch, m + 28, ch - m - 30);
        if (showCursor && frame != null) {
            javafx.geometry.Point2D p = patientToScreen(ws.cursor().centre());
            // on the pixel grid, crisp; a dark outline under the yellow keeps it visible over any preset's colours
            double x = Math.floor(p.getX()) + 0.5;
            double y = Math.floor(p.getY()) + 0.5;
            crosshairMarker(g, x, y, Color.rgb(0, 0, 0, 0.7), 3.5);
            crosshairMarker(g, x, y, Color.rgb(255, 230, 80), 1.5);
        }
        g.setStroke(Color.rgb(120, 190, 255, 0.6));
        g.setLineWidth(1);
        g.strokeRect(0.5, 0.5, cw - 1, ch - 1);
    }

    private static void crosshairMarker(GraphicsContext g, double x, double y, Color c, double width) {
        g.setStroke(c);
        g.setLineWidth(width);
        double r = 7;
        g.strokeLine(x - 2 * r, y, x - r / 2, y);
        g.strokeLine(x + r / 2, y, x + 2 * r, y);
        g.strokeLine(x, y - 2 * r, x, y - r / 2);
        g.strokeLine(x, y + r / 2, x, y + 2 * r);
    }

    private String modeLabel() {
        return switch (params.mode()) {
            case DVR -> "DVR";
            case MIP -> "MIP";
            case MINIP -> "MinIP";
            case AVG -> "Average";
            case ISO -> String.format(Locale.ROOT, "Iso %s HU", DicomText.num(params.isoValue()));
        };
    }
}
