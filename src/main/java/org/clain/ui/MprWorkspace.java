package org.clain.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.stage.Stage;
import org.clain.geom.Vec3;
import org.clain.render.MprCursor;
import org.clain.render.MprCursor.View;
import org.clain.render.MprRenderer;
import org.clain.render.Plane;
import org.clain.render.Slab;
import org.clain.render.WindowLevel;
import org.clain.render.WindowPreset;
import org.clain.study.Series;
import org.clain.study.Volume;

/**
 * The MPR and 3D workspace of one volume: axial, coronal and sagittal reformats with linked
 * crosshairs ({@link MprCursor}) and the 3D view, in a 2x2 grid, or the 3D view alone. It holds
 * the state (crosshair, slab, window, curve points, 3D parameters) and hands the computing to the
 * engine on two background threads: reslices ({@link MprRenderer}) and ray casting
 * ({@link org.clain.render.VolumeRenderer}), latest request wins, so the FX thread never waits.
 */
public final class MprWorkspace extends BorderPane {
    private static final System.Logger LOG = System.getLogger("clain.ui");

    /** What the workspace shows. */
    public enum Mode { MPR, VOLUME }

    /** Slab choices of the toolbar: none, or a slab mode. */
    public enum SlabChoice {
        NONE("None"), MIP("MIP"), MINIP("MinIP"), AVG("Average");

        private final String label;

        SlabChoice(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }

        Slab.Mode mode() {
            return switch (this) {
                case NONE -> null;
                case MIP -> Slab.Mode.MIP;
                case MINIP -> Slab.Mode.MINIP;
                case AVG -> Slab.Mode.AVG;
            };
        }
    }

    private final Stage owner;
    private final Consumer<String> status;
    private final Volume volume;
    private final Series series;
    private final MprRenderer.Backend backend;
    private final RenderService mprService = new RenderService("clain-mpr");
    private final Map<View, MprView> views = new EnumMap<>(View.class);
    private final VolumeView volumeView;
    private final VolumePanel volumePanel;
    private final GridPane grid = new GridPane();
    private final ScrollPane panelScroll;
    private final ComboBox<SlabChoice> slabChoice = new ComboBox<>();
    private final Spinner<Double> slabThickness = new Spinner<>();
    private final ToggleButton linkWindow = new ToggleButton("Link W/L");
    private final ToggleButton curveToolButton = new ToggleButton("Curve");
    private final ToggleButton crosshairButton = new ToggleButton("Crosshair");
    private final ToggleButton panelButton = new ToggleButton("3D panel");
    private final ToggleGroup modeGroup = new ToggleGroup();
    private final ToggleButton mprButton = new ToggleButton("MPR");
    private final ToggleButton volumeButton = new ToggleButton("3D");
    private final Button closeButton = new Button("2D");
    private final List<Vec3> curvePoints = new ArrayList<>();
    private final List<Runnable> cursorListeners = new ArrayList<>();

    private MprCursor cursor;
    private double sharedCenter;
    private double sharedWidth;
    private boolean overlays = true;
    private Vec3 curveDirection;
    private MprView active;
    private Mode mode = Mode.MPR;
    private MprRenderer renderer; // mpr thread only
    private String rendererText = "";
    private CurvedMprWindow curvedWindow;
    private boolean disposed;
    private ImageLayers layers = new ImageLayers();

    /**
     * @param windowCenter the window the MPR starts with (the 2D viewport's), shared by the views
     */
    public MprWorkspace(Stage owner, Consumer<String> status, Series series, Volume volume, double windowCenter,
                        double windowWidth, MprRenderer.Backend backend) {
        this.owner = owner;
        this.status = status;
        this.series = series;
        this.volume = volume;
        this.backend = backend;
        this.cursor = MprCursor.centredOn(volume);
        this.sharedCenter = windowCenter;
        this.sharedWidth = WindowLevel.usableWidth(windowWidth);
        setId("mpr-workspace");
        getStyleClass().add("mpr-workspace");
        for (View v : View.values()) {
            MprView mv = new MprView(this, v);
            mv.setOwnWindow(windowCenter, windowWidth);
            views.put(v, mv);
        }
        active = views.get(View.AXIAL);
        volumeView = new VolumeView(this);
        volumePanel = new VolumePanel(this, volumeView);
        panelScroll = new ScrollPane(volumePanel);
        panelScroll.setFitToWidth(true);
        panelScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        panelScroll.setPrefWidth(318);
        panelScroll.setMinWidth(300);
        panelScroll.getStyleClass().add("volume-panel-scroll");
        grid.setId("mpr-grid");
        grid.setHgap(2);
        grid.setVgap(2);
        grid.getStyleClass().add("viewport-grid");
        setTop(toolbar());
        setMode(Mode.MPR);
    }

    /** A wrapping bar: at narrow widths (the measurement panel open) no control goes out of reach. */
    private FlowPane toolbar() {
        FlowPane tb = new FlowPane(4, 4);
        tb.getStyleClass().add("tool-bar");
        tb.setPadding(new javafx.geometry.Insets(4, 6, 4, 6));
        tb.setId("mpr-toolbar");
        mprButton.setToggleGroup(modeGroup);
        volumeButton.setToggleGroup(modeGroup);
        mprButton.setId("mpr-mode-mpr");
        volumeButton.setId("mpr-mode-3d");
        mprButton.setOnAction(e -> setMode(Mode.MPR));
        volumeButton.setOnAction(e -> setMode(Mode.VOLUME));
        tip(mprButton, "Axial, coronal, sagittal and 3D (2x2)");
        tip(closeButton, "Back to the 2D viewer");
        tip(volumeButton, "The 3D view alone, full size");

        Label slab = new Label("Slab");
        slabChoice.getItems().addAll(SlabChoice.values());
        slabChoice.setValue(SlabChoice.NONE);
        slabChoice.setId("slab-mode");
        slabChoice.valueProperty().addListener((o, a, b) -> slabChanged());
        slabThickness.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 300, 10, 1));
        slabThickness.setEditable(true);
        slabThickness.setPrefWidth(72);
        slabThickness.setId("slab-thickness");
        slabThickness.valueProperty().addListener((o, a, b) -> slabChanged());
        tip(slabThickness, "Slab thickness (mm)");
        Label mm = new Label("mm");

        linkWindow.setSelected(true);
        linkWindow.setId("mpr-link-window");
        linkWindow.selectedProperty().addListener((o, a, b) -> {
            if (!b) {
                // each view starts from the shared window
                for (MprView v : views.values()) {
                    v.setOwnWindow(sharedCenter, sharedWidth);
                }
            } else if (active != null) {
                setSharedWindow(active.windowCenter(), active.windowWidth());
            }
            views.values().forEach(MprView::rewindow);
        });
        tip(linkWindow, "One window/level for the three reformats (off: each view its own)");
        MenuButton windows = new MenuButton("Window");
        windows.setId("mpr-window-presets");
        for (WindowPreset p : WindowPreset.values()) {
            MenuItem mi = new MenuItem(String.format(Locale.ROOT, "%s  (W %d  L %d)", p.label(), (int) p.width(),
                    (int) p.center()));
            mi.setOnAction(e -> applyWindow(p.center(), p.width()));
            windows.getItems().add(mi);
        }

        curveToolButton.setId("mpr-curve-tool");
        tip(curveToolButton, "Curved MPR: click points along a vessel in any view");
        Button showCurved = new Button("Show");
        showCurved.setId("mpr-curve-show");
        showCurved.setOnAction(e -> showCurved());
        tip(showCurved, "Straightened and stretched reformats along the clicked points");
        Button clearCurve = new Button("Clear");
        clearCurve.setId("mpr-curve-clear");
        clearCurve.setOnAction(e -> clearCurve());
        tip(clearCurve, "Forget the curve's points");

        crosshairButton.setSelected(true);
        crosshairButton.setId("mpr-crosshair");
        crosshairButton.selectedProperty().addListener((o, a, b) -> redrawAll());
        Button reset = new Button("Reset");
        reset.setId("mpr-reset");
        reset.setOnAction(e -> reset());
        tip(reset, "Standard planes through the volume's centre, whole volume in view");
        panelButton.setId("mpr-3d-panel");
        panelButton.selectedProperty().addListener((o, a, b) -> setRight(b ? panelScroll : null));
        tip(panelButton, "Presets, transfer function, mode and clipping of the 3D view");
        closeButton.setId("mpr-close");

        tb.getChildren().addAll(closeButton, bar(), mprButton, volumeButton, bar(), slab, slabChoice, slabThickness, mm,
                bar(), linkWindow, windows, bar(), curveToolButton, showCurved, clearCurve,
                bar(), crosshairButton, reset, bar(), panelButton);
        tb.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        for (Node n : tb.getChildren()) {
            n.setFocusTraversable(false);
        }
        return tb;
    }

    private static Separator bar() {
        return new Separator(javafx.geometry.Orientation.VERTICAL);
    }

    private static void tip(javafx.scene.control.Control c, String text) {
        c.setTooltip(new Tooltip(text));
    }

    // ---------------------------------------------------------------- layout

    public void setMode(Mode m) {
        mode = m;
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        if (m == Mode.MPR) {
            for (int i = 0; i < 2; i++) {
                ColumnConstraints cc = new ColumnConstraints();
                cc.setPercentWidth(50);
                cc.setHgrow(Priority.ALWAYS);
                grid.getColumnConstraints().add(cc);
                RowConstraints rc = new RowConstraints();
                rc.setPercentHeight(50);
                rc.setVgrow(Priority.ALWAYS);
                grid.getRowConstraints().add(rc);
            }
            grid.add(views.get(View.AXIAL), 0, 0);
            grid.add(views.get(View.CORONAL), 1, 0);
            grid.add(views.get(View.SAGITTAL), 0, 1);
            grid.add(volumeView, 1, 1);
            mprButton.setSelected(true);
            // views left out while the 3D view was alone may show an old crosshair
            views.values().forEach(v -> javafx.application.Platform.runLater(v::requestRender));
        } else {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100);
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
            grid.add(volumeView, 0, 0);
            volumeButton.setSelected(true);
        }
        for (Node n : grid.getChildren()) {
            ((javafx.scene.layout.Region) n).setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            ((javafx.scene.layout.Region) n).setMinSize(60, 60);
            ((javafx.scene.layout.Region) n).setPrefSize(100, 100);
        }
        setCenter(grid);
        panelButton.setSelected(m == Mode.VOLUME);
        setRight(panelButton.isSelected() ? panelScroll : null);
    }

    public Mode mode() {
        return mode;
    }

    /** Runs when the user asks for the 2D viewer back. */
    public void setOnClose(Runnable r) {
        closeButton.setOnAction(e -> r.run());
    }

    // ---------------------------------------------------------------- state

    /** What is laid over the reformats: the fused PET, segmentations and structures the 2D viewport showed. */
    public void setLayers(ImageLayers shown) {
        layers = shown;
        views.values().forEach(MprView::requestRender);
    }

    ImageLayers layers() {
        return layers;
    }

    public Volume volume() {
        return volume;
    }

    public Series series() {
        return series;
    }

    public MprView view(View v) {
        return views.get(v);
    }

    public VolumeView volumeView() {
        return volumeView;
    }

    public VolumePanel volumePanel() {
        return volumePanel;
    }

    public MprCursor cursor() {
        return cursor;
    }

    /** Moves or turns the crosshair: every reformat and the 3D cursor follow. */
    public void setCursor(MprCursor c) {
        if (c.equals(cursor)) {
            return;
        }
        cursor = c;
        for (MprView v : views.values()) {
            v.requestRender();
            v.redraw();
        }
        cursorListeners.forEach(Runnable::run);
    }

    void onCursorChanged(Runnable r) {
        cursorListeners.add(r);
    }

    /** Standard planes through the volume's centre; each view fits the volume again. */
    public void reset() {
        for (MprView v : views.values()) {
            v.fit();
        }
        cursor = null;
        setCursor(MprCursor.centredOn(volume));
    }

    /** Field of view (mm) that fits the volume in a view's shorter side. */
    double fieldOfView() {
        Vec3 s = volume.spacing();
        double ext = Math.max(volume.nx() * s.x(), Math.max(volume.ny() * s.y(), volume.nz() * s.z()));
        return ext * 1.04;
    }

    public Slab slab() {
        Slab.Mode m = slabMode();
        double t = slabThickness.getValue() == null ? 0 : slabThickness.getValue();
        return m == null || !(t > 0) ? Slab.NONE : Slab.of(t, m);
    }

    /** The slab mode, or null for none. */
    Slab.Mode slabMode() {
        return slabChoice.getValue() == null ? null : slabChoice.getValue().mode();
    }

    /** Slab of {@code mm} thickness in the given mode for the three reformats. */
    public void setSlab(SlabChoice choice, double mm) {
        slabThickness.getValueFactory().setValue(mm);
        slabChoice.setValue(choice);
        slabChanged();
    }

    private void slabChanged() {
        for (MprView v : views.values()) {
            v.requestRender();
            v.redraw();
        }
    }

    public boolean linkedWindow() {
        return linkWindow.isSelected();
    }

    public void setLinkedWindow(boolean b) {
        linkWindow.setSelected(b);
    }

    double sharedCenter() {
        return sharedCenter;
    }

    double sharedWidth() {
        return sharedWidth;
    }

    void setSharedWindow(double c, double w) {
        sharedCenter = c;
        sharedWidth = WindowLevel.usableWidth(w);
        views.values().forEach(MprView::rewindow);
        if (curvedWindow != null) {
            curvedWindow.rewindow();
        }
    }

    /** A window for every view when linked, else for the active one. */
    public void applyWindow(double c, double w) {
        if (linkedWindow()) {
            setSharedWindow(c, w);
        } else if (active != null) {
            active.setOwnWindow(c, w);
        }
    }

    boolean crosshairVisible() {
        return crosshairButton.isSelected();
    }

    boolean overlaysVisible() {
        return overlays;
    }

    MprView active() {
        return active;
    }

    void activate(MprView v) {
        if (active != v) {
            MprView old = active;
            active = v;
            if (old != null) {
                old.redraw();
            }
            v.redraw();
        }
    }

    private void redrawAll() {
        views.values().forEach(MprView::redraw);
    }

    // ---------------------------------------------------------------- curved MPR

    public boolean curveTool() {
        return curveToolButton.isSelected();
    }

    public void setCurveTool(boolean on) {
        curveToolButton.setSelected(on);
    }

    /** The points clicked so far (patient mm), in order. */
    public List<Vec3> curvePoints() {
        return Collections.unmodifiableList(curvePoints);
    }

    /** Adds a point of the curve; the first point's view normal becomes the curve's viewing direction. */
    public void addCurvePoint(Vec3 p, Vec3 viewNormal) {
        if (curvePoints.isEmpty()) {
            curveDirection = viewNormal;
        }
        curvePoints.add(p);
        status.accept(String.format(Locale.ROOT, "Curved MPR: %d point%s (%.1f, %.1f, %.1f mm)%s", curvePoints.size(),
                curvePoints.size() == 1 ? "" : "s", p.x(), p.y(), p.z(),
                curvePoints.size() >= 2 ? "; Show curved to see the reformats" : ""));
        redrawAll();
        if (curvedWindow != null && curvedWindow.isShowing() && curvePoints.size() >= 2) {
            curvedWindow.update(List.copyOf(curvePoints), curveDirection);
        }
    }

    public void clearCurve() {
        curvePoints.clear();
        curveDirection = null;
        redrawAll();
    }

    /** Opens (or refreshes) the window of straightened and stretched reformats along the points. */
    public CurvedMprWindow showCurved() {
        if (curvePoints.size() < 2) {
            status.accept("Curved MPR: click at least two points along a vessel first (Curved MPR tool)");
            return null;
        }
        if (curvedWindow == null) {
            curvedWindow = new CurvedMprWindow(owner, this);
        }
        curvedWindow.show();
        curvedWindow.update(List.copyOf(curvePoints), curveDirection);
        return curvedWindow;
    }

    public CurvedMprWindow curvedWindow() {
        return curvedWindow;
    }

    // ---------------------------------------------------------------- engine calls

    /** Reslices on the MPR thread; the newest request per view wins. */
    void reslice(MprView view, Plane plane, Slab slab, Consumer<MprView.Frame> onFx) {
        mprService.submit(view, () -> new MprView.Frame(plane, slab, renderer().reslice(plane, slab, null)), onFx,
                this::failed);
    }

    /** Runs work that needs the MPR renderer on the MPR thread (curved reformats). */
    <T> void onMprThread(Object slot, java.util.function.Function<MprRenderer, T> work, Consumer<T> onFx) {
        mprService.submit(slot, () -> work.apply(renderer()), onFx, this::failed);
    }

    private MprRenderer renderer() {
        if (renderer == null) {
            renderer = MprRenderer.open(volume, backend);
            String text = "MPR: " + renderer.backend().description()
                    + (renderer.fallbackReason() == null ? "" : " (" + renderer.fallbackReason() + ")");
            Platform.runLater(() -> {
                rendererText = text;
                status.accept(text);
            });
        }
        return renderer;
    }

    /** What computes the reformats (after the first one). */
    public String rendererText() {
        return rendererText;
    }

    void status(String s) {
        status.accept(s);
    }

    private void failed(Throwable t) {
        status.accept("Rendering failed: " + t);
    }

    /** True when no reslice or 3D frame is waiting, running or on its way to the screen. */
    public boolean idle() {
        return mprService.idle() && volumeView.idle();
    }

    Stage owner() {
        return owner;
    }

    /** Stops the render threads and frees the renderers (on their own threads). */
    public void dispose() {
        if (disposed) {
            return;
        }
        disposed = true;
        if (curvedWindow != null) {
            curvedWindow.close();
        }
        mprService.closeAndThen(() -> {
            if (renderer != null) {
                renderer.close();
            }
        });
        volumeView.dispose();
        LOG.log(System.Logger.Level.DEBUG, "MPR workspace closed");
    }
}
