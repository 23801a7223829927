package org.clain.ui;

import java.nio.IntBuffer;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToolBar;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.stage.Stage;
import org.clain.geom.Vec3;
import org.clain.render.Curve;
import org.clain.render.CurvedReslicer;
import org.clain.render.WindowLevel;

/**
 * The curved reformats along the points clicked in the MPR views: straightened (the curve runs
 * down the middle column) and stretched (Kanitsar's stretched CPR), side by side, computed by the
 * engine ({@link CurvedReslicer}) on the MPR thread. The viewing direction is the normal of the
 * view of the first point, turned about the curve's chord by the rotation slider.
 */
public final class CurvedMprWindow {
    private static final Font TITLE = Font.font("Dialog", FontWeight.BOLD, 13);
    private static final Font TEXT = Font.font("Dialog", 12);

    private final MprWorkspace ws;
    private final Stage stage = new Stage();
    private final Pane straightened = new Pane("Straightened", CurvedReslicer.Mode.STRAIGHTENED);
    private final Pane stretched = new Pane("Stretched", CurvedReslicer.Mode.STRETCHED);
    private final Slider rotation = new Slider(0, 360, 0);
    private final Spinner<Integer> widthMm = new Spinner<>(10, 300, 60, 5);
    private final CheckBox smooth = new CheckBox("Smooth curve (Catmull-Rom)");
    private List<Vec3> points = List.of();
    private Vec3 direction;

    CurvedMprWindow(Stage owner, MprWorkspace ws) {
        this.ws = ws;
        stage.initOwner(owner);
        stage.setTitle("Clain: curved MPR");
        rotation.setId("curved-rotation");
        rotation.setPrefWidth(200);
        rotation.valueProperty().addListener((o, a, b) -> recompute());
        widthMm.setId("curved-width");
        widthMm.setPrefWidth(80);
        widthMm.valueProperty().addListener((o, a, b) -> recompute());
        smooth.setSelected(true);
        smooth.setId("curved-smooth");
        smooth.selectedProperty().addListener((o, a, b) -> recompute());
        ToolBar tb = new ToolBar(new Label("Rotation"), rotation, new Label("Width"), widthMm, new Label("mm"), smooth);
        GridPane panes = new GridPane();
        panes.setHgap(2);
        panes.add(straightened, 0, 0);
        panes.add(stretched, 1, 0);
        for (Pane p : List.of(straightened, stretched)) {
            GridPane.setHgrow(p, Priority.ALWAYS);
            GridPane.setVgrow(p, Priority.ALWAYS);
            p.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            p.setPrefSize(380, 560);
        }
        BorderPane root = new BorderPane(panes);
        root.setTop(tb);
        root.setPadding(new Insets(0));
        root.getStyleClass().add("clain");
        Scene scene = new Scene(root, 800, 640);
        scene.getStylesheets().add(ClainApp.stylesheet());
        stage.setScene(scene);
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    public boolean isShowing() {
        return stage.isShowing();
    }

    public void close() {
        stage.close();
    }

    public Stage stage() {
        return stage;
    }

    /** New points (patient mm) and viewing direction: both reformats are computed again. */
    void update(List<Vec3> pts, Vec3 viewDirection) {
        points = pts;
        direction = viewDirection;
        recompute();
    }

    /** Turns the viewing direction about the curve's chord (degrees). */
    public void setRotation(double degrees) {
        rotation.setValue(degrees);
    }

    public CurvedReslicer.Result straightened() {
        return straightened.result;
    }

    public CurvedReslicer.Result stretched() {
        return stretched.result;
    }

    /** Pixel size of the reformats: the volume's smallest voxel edge. */
    double pixelSize() {
        Vec3 s = ws.volume().spacing();
        return Math.min(s.x(), Math.min(s.y(), s.z()));
    }

    private void recompute() {
        if (points.size() < 2 || direction == null) {
            return;
        }
        Curve curve;
        try {
            curve = smooth.isSelected() ? Curve.catmullRom(points) : Curve.polyline(points);
        } catch (IllegalArgumentException e) {
            ws.status("Curved MPR: " + e.getMessage());
            return;
        }
        Vec3 chord = curve.at(curve.length()).minus(curve.at(0));
        Vec3 d = direction;
        if (chord.norm() > 1e-6) {
            d = rotate(direction, chord.normalized(), Math.toRadians(rotation.getValue()));
        }
        double px = pixelSize();
        int cols = Math.max(8, (int) Math.round(widthMm.getValue() / px));
        Vec3 dir = d;
        for (Pane p : List.of(straightened, stretched)) {
            ws.onMprThread(p, r -> r.curved(curve, p.mode, dir, px, cols, null), res -> p.show(res));
        }
    }

    private static Vec3 rotate(Vec3 x, Vec3 k, double a) {
        double c = Math.cos(a);
        double s = Math.sin(a);
        return x.times(c).plus(k.cross(x).times(s)).plus(k.times(k.dot(x) * (1 - c)));
    }

    /** Redraws with the MPR's window (shared, or the active view's). */
    void rewindow() {
        straightened.redraw();
        stretched.redraw();
    }

    private final class Pane extends Region {
        private final String title;
        private final CurvedReslicer.Mode mode;
        private final Canvas canvas = new Canvas();
        private CurvedReslicer.Result result;
        private WritableImage image;
        private PixelBuffer<IntBuffer> pixels;

        Pane(String title, CurvedReslicer.Mode mode) {
            this.title = title;
            this.mode = mode;
            setId("curved-" + mode.name().toLowerCase(Locale.ROOT));
            getChildren().add(canvas);
        }

        void show(CurvedReslicer.Result r) {
            result = r;
            int w = r.width();
            int h = r.height();
            if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) {
                pixels = new PixelBuffer<>(w, h, IntBuffer.allocate(w * h), PixelFormat.getIntArgbPreInstance());
                image = new WritableImage(pixels);
            }
            redraw();
        }

        @Override
        protected void layoutChildren() {
            if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) {
                canvas.setWidth(getWidth());
                canvas.setHeight(getHeight());
                redraw();
            }
        }

        void redraw() {
            GraphicsContext g = canvas.getGraphicsContext2D();
            double cw = canvas.getWidth();
            double ch = canvas.getHeight();
            g.setFill(Color.BLACK);
            g.fillRect(0, 0, cw, ch);
            if (result != null) {
                MprView a = ws.active();
                WindowLevel wl = WindowLevel.of(a.windowCenter(), a.windowWidth());
                int n = result.width() * result.height();
                int[] data = pixels.getBuffer().array();
                float[] v = result.values();
                for (int i = 0; i < n; i++) {
                    int gr = wl.gray(v[i]);
                    data[i] = 0xFF000000 | gr << 16 | gr << 8 | gr;
                }
                pixels.updateBuffer(b -> null);
                double top = 28;
                double s = Math.min((cw - 16) / result.width(), (ch - top - 30) / result.height());
                double iw = result.width() * s;
                double ih = result.height() * s;
                double x0 = (cw - iw) / 2;
                g.setImageSmoothing(true);
                g.drawImage(image, x0, top, iw, ih);
                // ticks outside the image where the curve enters and leaves
                double[] col = result.geometry().curveColumn();
                g.setStroke(Color.rgb(80, 220, 255));
                g.setLineWidth(2);
                double xa = x0 + (col[0] + 0.5) * s;
                double xb = x0 + (col[col.length - 1] + 0.5) * s;
                g.strokeLine(xa, top - 8, xa, top - 2);
                g.strokeLine(xb, top + ih + 2, xb, top + ih + 8);
                g.setFont(TEXT);
                g.setFill(Color.rgb(220, 220, 220));
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.TOP);
                g.fillText(String.format(Locale.ROOT, "%.0f mm along the curve, %.2f mm pixels;  W %s  L %s",
                        result.height() * result.geometry().pixelSize(), result.geometry().pixelSize(),
                        DicomText.num(wl.width()), DicomText.num(wl.center())), 8, ch - 20);
            }
            g.setFont(TITLE);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.setFill(Color.rgb(80, 220, 255));
            g.fillText(title, 8, 6);
        }
    }
}
