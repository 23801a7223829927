package org.clain.ui;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.clain.dicom.DicomException;
import org.clain.geom.ImagePlane;
import org.clain.render.MprCursor;
import org.clain.render.SliceGeometry;
import org.clain.render.SliceImage;
import org.clain.render.WindowPreset;
import org.clain.study.Instance;
import org.clain.study.Scanner;
import org.clain.study.Series;
import org.clain.study.Skipped;
import org.clain.study.SliceStack;
import org.clain.study.StudyIndex;
import org.clain.study.Volume;
import org.clain.study.VolumeLoader;
import org.clain.ui.measure.MeasureAction;
import org.clain.ui.measure.MeasureController;
import org.clain.ui.measure.MeasureHost;
import org.clain.ui.measure.PlaneView;

/**
 * The viewer window: menus and toolbar, the study browser, a grid of up to four viewports and a
 * status bar with the progress of background work. It holds the state and calls the engine:
 * scanning ({@link Scanner}) and decoding ({@link VolumeLoader}) run in background Tasks.
 */
public final class MainWindow {
    private static final System.Logger LOG = System.getLogger("clain.ui");
    public static final int MAX_VIEWPORTS = 4;

    private final Stage stage;
    private final UserConfig config;
    private final BorderPane root = new BorderPane();
    private final StudyBrowser browser = new StudyBrowser();
    private final SplitPane split = new SplitPane();
    private final StatusBar statusBar = new StatusBar(this::cancelWork, this::showProblems);
    private final Menu recentMenu = new Menu("Open _recent");
    private final List<Command> commands = new ArrayList<>();
    private final ToggleGroup toolGroup = new ToggleGroup();
    private final Map<Viewport.Tool, ToggleButton> toolButtons = new LinkedHashMap<>();
    private final Map<Layout, ToggleButton> layoutButtons = new LinkedHashMap<>();
    private final ToggleGroup layoutGroup = new ToggleGroup();
    private final BooleanProperty syncScroll = new SimpleBooleanProperty(true);
    private final BooleanProperty referenceLines = new SimpleBooleanProperty(true);
    private final ViewportGrid grid = new ViewportGrid(MAX_VIEWPORTS, syncScroll, referenceLines);
    private final Cine cine;
    private final SeriesLoader loader = new SeriesLoader(this, grid, statusBar);
    private final BooleanProperty overlays = new SimpleBooleanProperty(true);
    private final BooleanProperty interpolation = new SimpleBooleanProperty(true);
    private final BooleanProperty showBrowser = new SimpleBooleanProperty(true);
    private final ExecutorService thumbnailWorker = Executors.newSingleThreadExecutor(daemon("clain-thumbnails"));
    private final List<Skipped> problems = new ArrayList<>();
    private final MeasureController measure = new MeasureController(new Host());
    private final Map<Viewport, PlaneView> planeViews = new HashMap<>();
    private final List<PlaneView> mprPlaneViews = new ArrayList<>();
    private MprWorkspace measuredWorkspace;

    private StudyIndex index;
    private TagBrowser tagBrowser;
    private ProblemsDialog problemsDialog;
    private HelpSheet helpSheet;
    private final MprMode mprMode = new MprMode(this);

    public MainWindow(Stage stage, UserConfig config) {
        this.stage = stage;
        this.config = config;
        for (Viewport vp : grid.all()) {
            planeViews.put(vp, new ViewportPlaneView(vp, this::activate));
            measure.attach(planeViews.get(vp));
            vp.setOnActivate(this::activate);
            vp.onSliceChanged(this::sliceChanged);
            vp.onStateChanged(v -> { });
        }
        syncScroll.set(config.syncScroll);
        referenceLines.set(config.referenceLines);
        cine = new Cine(grid, config);
        buildCommands();
        build();
        setLayout(Layout.parse(config.layout));
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    // ---------------------------------------------------------------- building

    private void buildCommands() {
        add("File", "Open folder…", key(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::chooseFolder);
        add("File", "Open files…", key(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                this::chooseFiles);
        add("File", "Open DICOMDIR…", key(KeyCode.D, KeyCombination.SHORTCUT_DOWN), this::chooseDicomdir);
        add("File", "Files that could not be read…", key(KeyCode.E, KeyCombination.SHORTCUT_DOWN),
                this::showProblems);
        measure.fileActions().forEach(this::add);
        add("File", "Quit", key(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), stage::close);

        add("Image", "Next image", key(KeyCode.DOWN), () -> grid.active().scroll(1));
        add("Image", "Previous image", key(KeyCode.UP), () -> grid.active().scroll(-1));
        add("Image", "Forward 10 images", key(KeyCode.PAGE_DOWN), () -> grid.active().scroll(10));
        add("Image", "Back 10 images", key(KeyCode.PAGE_UP), () -> grid.active().scroll(-10));
        add("Image", "First image", key(KeyCode.HOME), () -> grid.active().firstImage());
        add("Image", "Last image", key(KeyCode.END), () -> grid.active().lastImage());
        add("Image", "Zoom in", key(KeyCode.EQUALS), () -> grid.active().zoomBy(1.25));
        add("Image", "Zoom out", key(KeyCode.MINUS), () -> grid.active().zoomBy(1 / 1.25));
        add("Image", "Fit to viewport", key(KeyCode.F), () -> grid.active().fitToWindow());
        add("Image", "Actual pixels (1:1)", key(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN),
                () -> grid.active().oneToOne());
        add("Image", "Rotate 90° clockwise", key(KeyCode.R), () -> grid.active().rotate(1));
        add("Image", "Rotate 90° counter-clockwise", key(KeyCode.R, KeyCombination.SHIFT_DOWN),
                () -> grid.active().rotate(-1));
        add("Image", "Flip horizontally", key(KeyCode.H), () -> grid.active().flipHorizontal());
        add("Image", "Flip vertically", key(KeyCode.V), () -> grid.active().flipVertical());
        add("Image", "Invert greys", key(KeyCode.I), () -> grid.active().toggleInvert());
        add("Image", "Reset view", key(KeyCode.R, KeyCombination.SHORTCUT_DOWN), () -> grid.active().resetView());

        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
            KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8};
        for (WindowPreset p : WindowPreset.values()) {
            add("Window", String.format(Locale.ROOT, "%s  (W %d  L %d)", p.label(), (int) p.width(),
                    (int) p.center()), key(digits[p.ordinal()]), () -> grid.active().applyPreset(p));
        }
        add("Window", "DICOM window of the image", key(KeyCode.DIGIT9), () -> {
            if (!grid.active().dicomWindow()) {
                statusBar.setText("This image has no DICOM window");
            }
        });
        add("Window", "Auto window (1st–99th percentile)", key(KeyCode.DIGIT0), () -> grid.active().autoWindow());

        add("Tools", "Scroll (left drag)", key(KeyCode.S), () -> setTool(Viewport.Tool.SCROLL));
        add("Tools", "Window / level (left drag)", key(KeyCode.W), () -> setTool(Viewport.Tool.WINDOW));
        add("Tools", "Pan (left drag)", key(KeyCode.P), () -> setTool(Viewport.Tool.PAN));
        add("Tools", "Zoom (left drag)", key(KeyCode.Z), () -> setTool(Viewport.Tool.ZOOM));
        add("Tools", "Cine play / pause", key(KeyCode.SPACE), cine::toggle);
        add("Tools", "Cine faster", key(KeyCode.CLOSE_BRACKET), () -> cine.changeFps(+1));
        add("Tools", "Cine slower", key(KeyCode.OPEN_BRACKET), () -> cine.changeFps(-1));
        add("Tools", "DICOM tags…", key(KeyCode.T, KeyCombination.SHORTCUT_DOWN), this::showTags);
        measure.measureActions().forEach(this::add);

        for (Layout l : Layout.values()) {
            add("View", "Layout " + l.label(), key(KeyCode.valueOf("DIGIT" + (l.ordinal() + 1)),
                    KeyCombination.SHORTCUT_DOWN), () -> setLayout(l));
        }
        add("View", "Next viewport", key(KeyCode.F6), this::nextViewport);
        commands.add(new Command("View", "Synchronised scrolling", key(KeyCode.Y), () -> { }, syncScroll));
        commands.add(new Command("View", "Reference lines", key(KeyCode.L), () -> { }, referenceLines));
        commands.add(new Command("View", "Overlays", key(KeyCode.O), () -> { }, overlays));
        commands.add(new Command("View", "Smooth (interpolated) pixels", key(KeyCode.I, KeyCombination.SHIFT_DOWN),
                () -> { }, interpolation));
        commands.add(new Command("View", "Series browser", key(KeyCode.B, KeyCombination.SHORTCUT_DOWN), () -> { },
                showBrowser));
        measure.viewActions().forEach(this::add);
        add("View", "Full screen", key(KeyCode.F11), () -> stage.setFullScreen(!stage.isFullScreen()));
        add("Help", "Keyboard and mouse…", key(KeyCode.F1), this::showHelp);
        commands.addAll(mprMode.commands());

        syncScroll.addListener((o, a, b) -> {
            config.syncScroll = b;
            if (b) {
                sliceChanged(grid.active());
            }
        });
        referenceLines.addListener((o, a, b) -> {
            config.referenceLines = b;
            grid.updateReferenceLines();
        });
        overlays.addListener((o, a, b) -> grid.all().forEach(v -> v.setOverlaysVisible(b)));
        interpolation.addListener((o, a, b) -> grid.all().forEach(v -> v.setInterpolate(b)));
        showBrowser.addListener((o, a, b) -> {
            if (b && !split.getItems().contains(browser)) {
                split.getItems().add(0, browser);
                split.setDividerPositions(config.browserDivider);
            } else if (!b) {
                config.browserDivider = split.getDividerPositions()[0];
                split.getItems().remove(browser);
            }
        });
    }

    private void add(String menu, String text, KeyCombination key, Runnable action) {
        commands.add(new Command(menu, text, key, action));
    }

    private void add(MeasureAction a) {
        commands.add(new Command(a.menu(), a.text(), a.key(), a.action(), a.toggle()));
    }

    private static KeyCombination key(KeyCode code, KeyCombination.Modifier... modifiers) {
        return new KeyCodeCombination(code, modifiers);
    }

    private void build() {
        MenuBar menus = new MenuBar();
        Map<String, Menu> byName = new LinkedHashMap<>();
        for (String m : List.of("File", "Image", "Window", "Tools", "Measure", "View", "Help")) {
            Menu menu = new Menu("_" + m);
            byName.put(m, menu);
            menus.getMenus().add(menu);
        }
        for (Command c : commands) {
            Menu m = byName.get(c.menu());
            MenuItem item;
            if (c.toggle() != null) {
                CheckMenuItem ci = new CheckMenuItem(c.text());
                ci.selectedProperty().bindBidirectional(c.toggle());
                item = ci;
            } else {
                item = new MenuItem(c.text());
                item.setOnAction(e -> run(c));
            }
            item.setMnemonicParsing(false);
            item.setAccelerator(c.key());
            if (c.text().equals("Quit") || c.text().equals("Zoom in") || c.text().equals("Rotate 90° clockwise")
                    || c.text().startsWith("DICOM window") || c.text().startsWith("Cine play")
                    || c.text().equals("Next viewport") || c.text().equals("Full screen")
                    || c.text().startsWith("DICOM tags") || c.text().startsWith("Export annotations")
                    || c.text().equals("Undo") || c.text().equals("Measurements panel")) {
                m.getItems().add(new SeparatorMenuItem());
            }
            m.getItems().add(item);
            if (c.text().equals("Open DICOMDIR…")) {
                m.getItems().add(recentMenu);
            }
        }
        refreshRecent();

        ToolBar tools = new ToolBar();
        tools.setId("toolbar");
        for (Viewport.Tool t : Viewport.Tool.values()) {
            String label = switch (t) {
                case SCROLL -> "Scroll";
                case WINDOW -> "W/L";
                case PAN -> "Pan";
                case ZOOM -> "Zoom";
            };
            ToggleButton b = new ToggleButton(label);
            b.setToggleGroup(toolGroup);
            b.setId("tool-" + t.name().toLowerCase(Locale.ROOT));
            b.setOnAction(e -> setTool(t));
            toolButtons.put(t, b);
            tools.getItems().add(tip(b, commandText(t)));
        }
        toolButtons.get(Viewport.Tool.SCROLL).setSelected(true);
        tools.getItems().add(new Separator());
        // the drawing tools share the tool group; their buttons sit atop the measurement panel
        measure.toolButtons(toolGroup);
        MenuButton presets = new MenuButton("Window");
        presets.setId("presets");
        for (Command c : commands) {
            if (c.menu().equals("Window")) {
                MenuItem mi = new MenuItem(c.text() + "    " + c.keyText());
                mi.setOnAction(e -> run(c));
                presets.getItems().add(mi);
            }
        }
        tools.getItems().add(presets);
        tools.getItems().add(new Separator());
        for (Layout l : Layout.values()) {
            ToggleButton b = new ToggleButton(l.label());
            b.setToggleGroup(layoutGroup);
            b.setId("layout-" + l.label());
            b.setOnAction(e -> setLayout(l));
            layoutButtons.put(l, b);
            tools.getItems().add(tip(b, "Layout " + l.label()));
        }
        tools.getItems().add(new Separator());
        tools.getItems().add(button("Fit", "Fit to viewport"));
        tools.getItems().add(button("1:1", "Actual pixels (1:1)"));
        tools.getItems().add(button("⟳", "Rotate 90° clockwise"));
        tools.getItems().add(button("⇆", "Flip horizontally"));
        tools.getItems().add(button("⇅", "Flip vertically"));
        tools.getItems().add(button("Inv", "Invert greys"));
        tools.getItems().add(button("Reset", "Reset view"));
        tools.getItems().add(new Separator());
        tools.getItems().add(tip(cine.button(), "Cine play / pause"));
        Label fps = new Label("fps");
        tools.getItems().addAll(cine.fpsSpinner(), fps);
        tools.getItems().add(new Separator());
        ToggleButton sync = new ToggleButton("Sync");
        sync.setId("sync");
        sync.selectedProperty().bindBidirectional(syncScroll);
        ToggleButton ref = new ToggleButton("Ref lines");
        ref.setId("reflines");
        ref.selectedProperty().bindBidirectional(referenceLines);
        tools.getItems().addAll(tip(sync, "Synchronised scrolling"), tip(ref, "Reference lines"));
        tools.getItems().add(new Separator());
        tools.getItems().addAll(mprMode.toolbarButtons());
        tools.getItems().add(new Separator());
        tools.getItems().add(button("Tags", "DICOM tags…"));
        tools.getItems().add(button("?", "Keyboard and mouse…"));
        for (Node n : tools.getItems()) {
            n.setFocusTraversable(false);
        }

        browser.setOnOpen(s -> display(s, grid.active()));
        browser.setMinWidth(230);
        split.getItems().addAll(browser, grid.node());
        split.setDividerPositions(config.browserDivider);
        SplitPane.setResizableWithParent(browser, false);
        measure.panelVisibleProperty().set(config.measurementPanel);
        measure.panelVisibleProperty().addListener((o, a, b) -> showMeasurePanel(b));
        showMeasurePanel(config.measurementPanel);

        root.setTop(new VBox(menus, tools));
        root.setCenter(split);
        root.setBottom(statusBar.node());
        root.getStyleClass().add("clain");

        Scene scene = new Scene(root, config.windowWidth, config.windowHeight);
        scene.getStylesheets().add(ClainApp.stylesheet());
        // image navigation keys go to the active viewport even when the browser has the focus
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getTarget() instanceof TextInputControl || scene.getFocusOwner() instanceof TextInputControl) {
                return;
            }
            for (Command c : commands) {
                if (c.menu().equals("Image") && c.key() != null && isNavigation(c.key()) && c.key().match(e)) {
                    run(c);
                    e.consume();
                    return;
                }
            }
        });
        scene.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY, TransferMode.LINK);
            }
            e.consume();
        });
        scene.setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) {
                List<Path> paths = new ArrayList<>();
                for (File f : e.getDragboard().getFiles()) {
                    paths.add(f.toPath());
                }
                open(paths);
            }
            e.setDropCompleted(ok);
            e.consume();
        });
        stage.setScene(scene);
        stage.setTitle("Clain");
        if (!Double.isNaN(config.windowX) && !Double.isNaN(config.windowY)) {
            stage.setX(config.windowX);
            stage.setY(config.windowY);
        }
        stage.setMaximized(config.maximized);
        stage.setOnHidden(e -> shutdown());
        // keys go to the images from the start, not to a toolbar control
        stage.setOnShown(e -> Platform.runLater(() -> grid.active().requestFocus()));
    }

    /** The measurement list on the right of the window, beside the viewports (or any workspace in their place). */
    private void showMeasurePanel(boolean on) {
        config.measurementPanel = on;
        root.setRight(on ? measure.panel() : null);
    }

    private static boolean isNavigation(KeyCombination k) {
        if (k instanceof KeyCodeCombination kc) {
            KeyCode c = kc.getCode();
            return c == KeyCode.UP || c == KeyCode.DOWN || c == KeyCode.PAGE_UP || c == KeyCode.PAGE_DOWN
                    || c == KeyCode.HOME || c == KeyCode.END;
        }
        return false;
    }

    private String commandText(Viewport.Tool t) {
        String prefix = switch (t) {
            case SCROLL -> "Scroll";
            case WINDOW -> "Window";
            case PAN -> "Pan";
            case ZOOM -> "Zoom";
        };
        return commands.stream().filter(c -> c.menu().equals("Tools") && c.text().startsWith(prefix)).findFirst()
                .map(Command::text).orElse(prefix);
    }

    private ButtonBase button(String label, String commandText) {
        Command c = command(commandText);
        Button b = new Button(label);
        b.setOnAction(e -> run(c));
        b.setId("btn-" + commandText.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT));
        return tip(b, commandText);
    }

    private <T extends ButtonBase> T tip(T b, String commandText) {
        Command c = commands.stream().filter(x -> x.text().equals(commandText)).findFirst().orElse(null);
        String key = c == null ? "" : c.keyText();
        b.setTooltip(new Tooltip(commandText + (key.isEmpty() ? "" : "   (" + key + ")")));
        b.setFocusTraversable(false);
        return b;
    }

    /** The command with this menu text (for tests and the toolbar). */
    public Command command(String text) {
        return commands.stream().filter(c -> c.text().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no command " + text));
    }

    public List<Command> commands() {
        return Collections.unmodifiableList(commands);
    }

    private void run(Command c) {
        try {
            if (c.toggle() != null) {
                c.toggle().set(!c.toggle().get());
            } else {
                c.action().run();
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "command " + c.text() + " failed", e);
            statusBar.setText(c.text() + " failed: " + e.getMessage());
        }
    }

    // ---------------------------------------------------------------- opening

    private void chooseFolder() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Open a folder of DICOM files");
        File f = dc.showDialog(stage);
        if (f != null) {
            open(List.of(f.toPath()));
        }
    }

    private void chooseFiles() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open DICOM files");
        List<File> files = fc.showOpenMultipleDialog(stage);
        if (files != null && !files.isEmpty()) {
            open(files.stream().map(File::toPath).toList());
        }
    }

    private void chooseDicomdir() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open a DICOMDIR");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("DICOMDIR", "DICOMDIR", "dicomdir"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = fc.showOpenDialog(stage);
        if (f != null) {
            open(List.of(f.toPath()));
        }
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (List<String> entry : config.recent) {
            String label = entry.get(0) + (entry.size() > 1 ? "  (+" + (entry.size() - 1) + ")" : "");
            MenuItem mi = new MenuItem(label);
            mi.setMnemonicParsing(false);
            mi.setOnAction(e -> open(entry.stream().map(Paths::get).toList()));
            recentMenu.getItems().add(mi);
        }
        if (recentMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("(none yet)");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        } else {
            recentMenu.getItems().add(new SeparatorMenuItem());
            MenuItem clear = new MenuItem("Clear the list");
            clear.setOnAction(e -> {
                config.recent.clear();
                saveConfig();
                refreshRecent();
            });
            recentMenu.getItems().add(clear);
        }
    }

    /** Opens files, folders and DICOMDIRs (what the menus, drag and drop and the command line call). */
    public void open(List<Path> paths) {
        if (paths == null || paths.isEmpty()) {
            return;
        }
        config.addRecent(paths);
        saveConfig();
        refreshRecent();
        cine.set(false);
        loader.scan(paths);
    }

    /** Shows a scanned index: the browser, the first series in the first viewport, the problems. */
    public void setIndex(StudyIndex idx) {
        mprMode.close();
        index = idx;
        loader.forget();
        problems.clear();
        problems.addAll(idx.skipped());
        for (Viewport v : grid.all()) {
            v.clear();
        }
        measure.openStudies(idx.series().stream().map(Series::studyInstanceUid).distinct().toList());
        browser.show(idx, thumbnailWorker);
        List<Series> series = idx.series();
        int images = series.stream().mapToInt(s -> s.stacks().isEmpty() ? 0 : s.stacks().get(0).size()).sum();
        statusBar.setText(String.format(Locale.ROOT, "%d series, %d images%s", series.size(), images,
                idx.skipped().isEmpty() ? "" : ", " + idx.skipped().size() + " files skipped"));
        updateProblems();
        if (series.isEmpty()) {
            statusBar.setText("No images found" + (idx.skipped().isEmpty() ? "" : ": see the files that could not be read"));
            if (!idx.skipped().isEmpty()) {
                showProblems();
            }
            return;
        }
        activate(grid.all().get(0));
        fillViewports();
        browser.select(series.get(0));
    }

    public StudyIndex index() {
        return index;
    }

    /** Files skipped by the scan plus series that failed to decode. */
    public List<Skipped> problems() {
        return Collections.unmodifiableList(problems);
    }

    /** A file or series that could not be read, added to the list. */
    void addProblem(Skipped s) {
        problems.add(s);
        updateProblems();
    }

    private void updateProblems() {
        statusBar.setProblems(problems.size());
        if (problemsDialog != null) {
            problemsDialog.update(problems);
        }
    }

    public void showProblems() {
        if (problemsDialog == null) {
            problemsDialog = new ProblemsDialog(stage);
        }
        problemsDialog.show(problems);
    }

    public ProblemsDialog problemsDialog() {
        return problemsDialog;
    }

    // ---------------------------------------------------------------- series and volumes

    /** Shows a series in a viewport; its volume decodes in the background, first image first. */
    public void display(Series s, Viewport vp) {
        if (s.stacks().isEmpty()) {
            vp.setError("This series has no image stack");
            return;
        }
        SliceStack stack = s.stacks().get(0);
        vp.setSeries(s, stack);
        vp.setTool(toolOf());
        vp.setOverlaysVisible(overlays.get());
        vp.setInterpolate(interpolation.get());
        Volume v = loader.volume(stack);
        if (v != null) {
            vp.setVolume(stack, v);
            grid.syncFrom(grid.active().volume() != null && grid.active() != vp ? grid.active() : vp);
            return;
        }
        loader.load(s, stack, vp.sliceIndex(), vp);
    }

    /** Cancels what the status bar shows (the scan, or a volume being decoded). */
    public void cancelWork() {
        loader.cancel();
    }

    /** True while a scan or a volume load runs. */
    public boolean busy() {
        return loader.busy();
    }

    // ---------------------------------------------------------------- layout and viewports

    public void setLayout(Layout l) {
        config.layout = l.label();
        grid.setLayout(l);
        ToggleButton b = layoutButtons.get(l);
        if (b != null) {
            b.setSelected(true);
        }
        if (grid.all().indexOf(grid.active()) >= l.count()) {
            activate(grid.all().get(0));
        }
        fillViewports();
        grid.updateReferenceLines();
    }

    public Layout layout() {
        return grid.layout();
    }

    /** The viewports of the current layout, in reading order. */
    public List<Viewport> visibleViewports() {
        return grid.visible();
    }

    /** Empty viewports get the next series not on screen (or the active one's again). */
    private void fillViewports() {
        if (index == null || index.series().isEmpty()) {
            return;
        }
        List<Series> series = index.series();
        for (Viewport vp : visibleViewports()) {
            if (vp.series() != null) {
                continue;
            }
            Series next = null;
            for (Series s : series) {
                boolean shown = visibleViewports().stream().anyMatch(v -> v != vp && v.series() == s);
                if (!shown) {
                    next = s;
                    break;
                }
            }
            if (next == null) {
                next = grid.active().series() != null ? grid.active().series() : series.get(0);
            }
            display(next, vp);
        }
    }

    public Viewport activeViewport() {
        return grid.active();
    }

    public void activate(Viewport vp) {
        if (grid.active() != vp) {
            boolean playing = cine.playing();
            cine.set(false);
            grid.setActive(vp);
            if (playing) {
                cine.set(true);
            }
        }
        if (vp.series() != null) {
            browser.select(vp.series());
        }
        followTags();
    }

    private void nextViewport() {
        List<Viewport> vis = visibleViewports();
        activate(vis.get((vis.indexOf(grid.active()) + 1) % vis.size()));
    }

    private Viewport.Tool toolOf() {
        for (Map.Entry<Viewport.Tool, ToggleButton> e : toolButtons.entrySet()) {
            if (e.getValue().isSelected()) {
                return e.getKey();
            }
        }
        return Viewport.Tool.SCROLL;
    }

    public void setTool(Viewport.Tool t) {
        toolButtons.get(t).setSelected(true);
        grid.setTool(t);
    }

    // ---------------------------------------------------------------- sync and reference lines

    private void sliceChanged(Viewport source) {
        grid.sliceChanged(source);
        if (source == grid.active()) {
            followTags();
        }
    }

    public boolean cinePlaying() {
        return cine.playing();
    }

    public int cineFps() {
        return cine.fps();
    }

    // ---------------------------------------------------------------- dialogs

    public void showTags() {
        Instance inst = grid.active().currentInstance();
        if (inst == null) {
            statusBar.setText("No image to show the tags of");
            return;
        }
        if (tagBrowser == null) {
            tagBrowser = new TagBrowser(stage);
        }
        tagBrowser.show(inst.file());
    }

    public TagBrowser tagBrowser() {
        return tagBrowser;
    }

    private void followTags() {
        if (tagBrowser != null && tagBrowser.isShowing()) {
            Instance inst = grid.active().currentInstance();
            if (inst != null) {
                tagBrowser.follow(inst.file());
            }
        }
    }

    public void showHelp() {
        if (helpSheet == null) {
            helpSheet = new HelpSheet(stage, commands);
        }
        helpSheet.show();
    }

    public HelpSheet helpSheet() {
        return helpSheet;
    }

    // ---------------------------------------------------------------- settings

    private void saveConfig() {
        try {
            config.save();
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "settings not saved: " + e.getMessage());
        }
    }

    /** Remembers the window and layout; stops background work. */
    public void shutdown() {
        measure.shutdown();
        if (!stage.isMaximized() && !stage.isFullScreen()) {
            config.windowX = stage.getX();
            config.windowY = stage.getY();
            config.windowWidth = stage.getWidth();
            config.windowHeight = stage.getHeight();
        }
        config.maximized = stage.isMaximized();
        config.layout = grid.layout().label();
        if (split.getItems().contains(browser) && split.getDividerPositions().length > 0) {
            config.browserDivider = split.getDividerPositions()[0];
        }
        saveConfig();
        mprMode.close();
        cine.set(false);
        cancelWork();
        loader.shutdown();
        thumbnailWorker.shutdownNow();
    }

    public Stage stage() {
        return stage;
    }

    /** Shows a node (the MPR / 3D workspace) in place of the viewport grid; null brings the grid back. */
    void showInCentre(Node n) {
        Node want = n == null ? grid.node() : n;
        int i = split.getItems().size() - 1;
        if (split.getItems().get(i) != want) {
            double[] dividers = split.getDividerPositions();
            split.getItems().set(i, want);
            split.setDividerPositions(dividers);
        }
        measureIn(n instanceof MprWorkspace w ? w : null);
    }

    /** Gives the measurement tools the reformats of a workspace (and takes them from the last one). */
    private void measureIn(MprWorkspace w) {
        if (w == measuredWorkspace) {
            return;
        }
        mprPlaneViews.forEach(measure::detach);
        mprPlaneViews.clear();
        measuredWorkspace = w;
        if (w != null) {
            for (MprCursor.View v : MprCursor.View.values()) {
                PlaneView pv = new MprPlaneView(w, w.view(v));
                mprPlaneViews.add(pv);
                measure.attach(pv);
            }
        }
    }

    /** The MPR / 3D workspace on screen, or null while the 2D viewports are shown. */
    public MprWorkspace mprWorkspace() {
        return mprMode.workspace() != null && split.getItems().contains(mprMode.workspace()) ? mprMode.workspace() : null;
    }

    /** Opens the MPR / 3D workspace of the active viewport's volume (what Ctrl+M and Ctrl+Shift+M do). */
    public MprWorkspace openMpr(MprWorkspace.Mode mode) {
        return mprMode.open(mode);
    }

    public StudyBrowser browser() {
        return browser;
    }

    public UserConfig config() {
        return config;
    }

    public Label statusLabel() {
        return statusBar.label();
    }

    /** The measurements and annotations of the open studies. */
    public MeasureController measure() {
        return measure;
    }

    /** A viewport as the measurement tools see it. */
    public PlaneView planeView(Viewport vp) {
        return planeViews.get(vp);
    }

    /** What the measurement tools see of this window. */
    private final class Host implements MeasureHost {
        @Override
        public Volume volumeOf(String seriesInstanceUid) {
            return loader.volumeOf(seriesInstanceUid);
        }

        @Override
        public List<Series> series() {
            return index == null ? List.of() : index.series();
        }

        @Override
        public PlaneView activeView() {
            if (reformatsShown()) {
                for (PlaneView pv : mprPlaneViews) {
                    if (pv.node() == measuredWorkspace.active()) {
                        return pv;
                    }
                }
            }
            return planeViews.get(grid.active());
        }

        @Override
        public List<PlaneView> visibleViews() {
            return reformatsShown() ? List.copyOf(mprPlaneViews)
                    : visibleViewports().stream().map(planeViews::get).toList();
        }

        private boolean reformatsShown() {
            return measuredWorkspace != null && mprWorkspace() == measuredWorkspace
                    && measuredWorkspace.mode() == MprWorkspace.Mode.MPR;
        }

        @Override
        public void status(String text) {
            statusBar.setText(text);
        }

        @Override
        public javafx.stage.Window window() {
            return stage;
        }

        @Override
        public String stylesheet() {
            return ClainApp.stylesheet();
        }
    }
}
