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
    private final GridPane grid = new GridPane();
    private final SplitPane split = new SplitPane();
    private final List<Viewport> viewports = new ArrayList<>();
    private final Label status = new Label("Ready");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label count = new Label();
    private final Button cancel = new Button("Cancel");
    private final Button problemsButton = new Button();
    private final Menu recentMenu = new Menu("Open _recent");
    private final List<Command> commands = new ArrayList<>();
    private final ToggleGroup toolGroup = new ToggleGroup();
    private final Map<Viewport.Tool, ToggleButton> toolButtons = new LinkedHashMap<>();
    private final Map<Layout, ToggleButton> layoutButtons = new LinkedHashMap<>();
    private final ToggleGroup layoutGroup = new ToggleGroup();
    private final Spinner<Integer> fpsSpinner = new Spinner<>(1, 60, 10);
    private final ToggleButton cineButton = new ToggleButton("▶ Cine");
    private final BooleanProperty syncScroll = new SimpleBooleanProperty(true);
    private final BooleanProperty referenceLines = new SimpleBooleanProperty(true);
    private final BooleanProperty overlays = new SimpleBooleanProperty(true);
    private final BooleanProperty interpolation = new SimpleBooleanProperty(true);
    private final BooleanProperty showBrowser = new SimpleBooleanProperty(true);
    private final ExecutorService workers = Executors.newFixedThreadPool(2, daemon("clain-worker"));
    private final ExecutorService thumbnailWorker = Executors.newSingleThreadExecutor(daemon("clain-thumbnails"));
    private final Map<SliceStack, Volume> volumes = new HashMap<>();
    private final Map<SliceStack, Task<Volume>> loads = new HashMap<>();
    private final List<Skipped> problems = new ArrayList<>();

    private StudyIndex index;
    private Layout layout = Layout.L1X1;
    private Viewport active;
    private Task<?> tracked;
    private Scanner scanner;
    private Task<StudyIndex> scanTask;
    private boolean scanning;
    private Timeline cine;
    private boolean syncing;
    private TagBrowser tagBrowser;
    private ProblemsDialog problemsDialog;
    private HelpSheet helpSheet;

    public MainWindow(Stage stage, UserConfig config) {
        this.stage = stage;
        this.config = config;
        for (int i = 0; i < MAX_VIEWPORTS; i++) {
            Viewport vp = new Viewport(i + 1);
            vp.setOnActivate(this::activate);
            vp.onSliceChanged(this::sliceChanged);
            vp.onStateChanged(v -> { });
            viewports.add(vp);
        }
        active = viewports.get(0);
        active.setActive(true);
        syncScroll.set(config.syncScroll);
        referenceLines.set(config.referenceLines);
        fpsSpinner.getValueFactory().setValue((int) Math.max(1, Math.min(60, Math.round(config.cineFps))));
        buildCommands();
        build();
        setLayout(Layout.parse(config.layout));
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
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
        add("File", "Quit", key(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), stage::close);

        add("Image", "Next image", key(KeyCode.DOWN), () -> active.scroll(1));
        add("Image", "Previous image", key(KeyCode.UP), () -> active.scroll(-1));
        add("Image", "Forward 10 images", key(KeyCode.PAGE_DOWN), () -> active.scroll(10));
        add("Image", "Back 10 images", key(KeyCode.PAGE_UP), () -> active.scroll(-10));
        add("Image", "First image", key(KeyCode.HOME), () -> active.firstImage());
        add("Image", "Last image", key(KeyCode.END), () -> active.lastImage());
        add("Image", "Zoom in", key(KeyCode.EQUALS), () -> active.zoomBy(1.25));
        add("Image", "Zoom out", key(KeyCode.MINUS), () -> active.zoomBy(1 / 1.25));
        add("Image", "Fit to viewport", key(KeyCode.F), () -> active.fitToWindow());
        add("Image", "Actual pixels (1:1)", key(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN),
                () -> active.oneToOne());
        add("Image", "Rotate 90° clockwise", key(KeyCode.R), () -> active.rotate(1));
        add("Image", "Rotate 90° counter-clockwise", key(KeyCode.R, KeyCombination.SHIFT_DOWN),
                () -> active.rotate(-1));
        add("Image", "Flip horizontally", key(KeyCode.H), () -> active.flipHorizontal());
        add("Image", "Flip vertically", key(KeyCode.V), () -> active.flipVertical());
        add("Image", "Invert greys", key(KeyCode.I), () -> active.toggleInvert());
        add("Image", "Reset view", key(KeyCode.R, KeyCombination.SHORTCUT_DOWN), () -> active.resetView());

        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
            KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8};
        for (WindowPreset p : WindowPreset.values()) {
            add("Window", String.format(Locale.ROOT, "%s  (W %d  L %d)", p.label(), (int) p.width(),
                    (int) p.center()), key(digits[p.ordinal()]), () -> active.applyPreset(p));
        }
        add("Window", "DICOM window of the image", key(KeyCode.DIGIT9), () -> {
            if (!active.dicomWindow()) {
                status.setText("This image has no DICOM window");
            }
        });
        add("Window", "Auto window (1st–99th percentile)", key(KeyCode.DIGIT0), () -> active.autoWindow());

        add("Tools", "Scroll (left drag)", key(KeyCode.S), () -> setTool(Viewport.Tool.SCROLL));
        add("Tools", "Window / level (left drag)", key(KeyCode.W), () -> setTool(Viewport.Tool.WINDOW));
        add("Tools", "Pan (left drag)", key(KeyCode.P), () -> setTool(Viewport.Tool.PAN));
        add("Tools", "Zoom (left drag)", key(KeyCode.Z), () -> setTool(Viewport.Tool.ZOOM));
        add("Tools", "Cine play / pause", key(KeyCode.SPACE), this::toggleCine);
        add("Tools", "Cine faster", key(KeyCode.CLOSE_BRACKET), () -> changeFps(+1));
        add("Tools", "Cine slower", key(KeyCode.OPEN_BRACKET), () -> changeFps(-1));
        add("Tools", "DICOM tags…", key(KeyCode.T, KeyCombination.SHORTCUT_DOWN), this::showTags);

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
        add("View", "Full screen", key(KeyCode.F11), () -> stage.setFullScreen(!stage.isFullScreen()));
        add("Help", "Keyboard and mouse…", key(KeyCode.F1), this::showHelp);

        syncScroll.addListener((o, a, b) -> {
            config.syncScroll = b;
            if (b) {
                sliceChanged(active);
            }
        });
        referenceLines.addListener((o, a, b) -> {
            config.referenceLines = b;
            updateReferenceLines();
        });
        overlays.addListener((o, a, b) -> viewports.forEach(v -> v.setOverlaysVisible(b)));
        interpolation.addListener((o, a, b) -> viewports.forEach(v -> v.setInterpolate(b)));
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

    private static KeyCombination key(KeyCode code, KeyCombination.Modifier... modifiers) {
        return new KeyCodeCombination(code, modifiers);
    }

    private void build() {
        MenuBar menus = new MenuBar();
        Map<String, Menu> byName = new LinkedHashMap<>();
        for (String m : List.of("File", "Image", "Window", "Tools", "View", "Help")) {
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
                    || c.text().startsWith("DICOM tags")) {
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
        cineButton.setId("cine");
        cineButton.setOnAction(e -> setCine(cineButton.isSelected()));
        tools.getItems().add(tip(cineButton, "Cine play / pause"));
        fpsSpinner.setId("fps");
        fpsSpinner.setPrefWidth(70);
        fpsSpinner.setEditable(false);
        fpsSpinner.setFocusTraversable(false);
        fpsSpinner.valueProperty().addListener((o, a, b) -> {
            config.cineFps = b;
            if (cine != null) {
                setCine(true);
            }
        });
        Label fps = new Label("fps");
        tools.getItems().addAll(fpsSpinner, fps);
        tools.getItems().add(new Separator());
        ToggleButton sync = new ToggleButton("Sync");
        sync.setId("sync");
        sync.selectedProperty().bindBidirectional(syncScroll);
        ToggleButton ref = new ToggleButton("Ref lines");
        ref.setId("reflines");
        ref.selectedProperty().bindBidirectional(referenceLines);
        tools.getItems().addAll(tip(sync, "Synchronised scrolling"), tip(ref, "Reference lines"));
        tools.getItems().add(new Separator());
        tools.getItems().add(button("Tags", "DICOM tags…"));
        tools.getItems().add(button("?", "Keyboard and mouse…"));
        for (Node n : tools.getItems()) {
            n.setFocusTraversable(false);
        }

        grid.setId("viewport-grid");
        grid.getStyleClass().add("viewport-grid");
        grid.setHgap(2);
        grid.setVgap(2);
        browser.setOnOpen(s -> display(s, active));
        browser.setMinWidth(230);
        split.getItems().addAll(browser, grid);
        split.setDividerPositions(config.browserDivider);
        SplitPane.setResizableWithParent(browser, false);

        progress.setPrefWidth(220);
        progress.setVisible(false);
        cancel.setId("cancel");
        cancel.setVisible(false);
        cancel.setFocusTraversable(false);
        cancel.setOnAction(e -> cancelWork());
        problemsButton.setId("problems");
        problemsButton.getStyleClass().add("warning");
        problemsButton.setVisible(false);
        problemsButton.setManaged(false);
        problemsButton.setFocusTraversable(false);
        problemsButton.setOnAction(e -> showProblems());
        status.setId("status");
        count.setId("count");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox statusBar = new HBox(10, status, spacer, problemsButton, count, progress, cancel);
        statusBar.setAlignment(Pos.CENTER_LEFT);
        statusBar.setPadding(new Insets(3, 8, 3, 8));
        statusBar.getStyleClass().add("status-bar");

        root.setTop(new VBox(menus, tools));
        root.setCenter(split);
        root.setBottom(statusBar);
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
        stage.setOnShown(e -> Platform.runLater(() -> active.requestFocus()));
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
            status.setText(c.text() + " failed: " + e.getMessage());
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
        if (scanTask != null && !scanTask.isDone()) {
            scanTask.cancel();
        }
        setCine(false);
        Scanner sc = new Scanner();
        Task<StudyIndex> task = new Task<>() {
            @Override
            protected StudyIndex call() {
                updateTitle("Reading " + describe(paths));
                sc.onProgress((done, total) -> {
                    if (isCancelled()) {
                        sc.cancel();
                    }
                    updateProgress(done, total);
                    updateMessage(done + " / " + total + " files");
                });
                return sc.run(paths);
            }
        };
        scanner = sc;
        scanTask = task;
        scanning = true;
        task.setOnSucceeded(e -> {
            if (task == scanTask) {
                scanning = false;
                setIndex(task.getValue());
            }
        });
        task.setOnFailed(e -> {
            if (task == scanTask) {
                scanning = false;
            }
            Throwable t = task.getException();
            LOG.log(System.Logger.Level.ERROR, "scan failed", t);
            problems.add(new Skipped(paths.get(0), "could not be read: " + t));
            updateProblems();
            status.setText("Could not read " + describe(paths) + ": " + t.getMessage());
        });
        task.setOnCancelled(e -> {
            if (task == scanTask) {
                scanning = false;
            }
            status.setText("Opening cancelled");
        });
        track(task);
        workers.submit(task);
    }

    private static String describe(List<Path> paths) {
        Path first = paths.get(0);
        String name = first.getFileName() == null ? first.toString() : first.getFileName().toString();
        return paths.size() == 1 ? name : name + " and " + (paths.size() - 1) + " more";
    }

    /** Shows a scanned index: the browser, the first series in the first viewport, the problems. */
    public void setIndex(StudyIndex idx) {
        index = idx;
        for (Task<Volume> t : loads.values()) {
            t.cancel();
        }
        loads.clear();
        volumes.clear();
        problems.clear();
        problems.addAll(idx.skipped());
        for (Viewport v : viewports) {
            v.clear();
        }
        browser.show(idx, thumbnailWorker);
        List<Series> series = idx.series();
        int images = series.stream().mapToInt(s -> s.stacks().isEmpty() ? 0 : s.stacks().get(0).size()).sum();
        status.setText(String.format(Locale.ROOT, "%d series, %d images%s", series.size(), images,
                idx.skipped().isEmpty() ? "" : ", " + idx.skipped().size() + " files skipped"));
        updateProblems();
        if (series.isEmpty()) {
            status.setText("No images found" + (idx.skipped().isEmpty() ? "" : ": see the files that could not be read"));
            if (!idx.skipped().isEmpty()) {
                showProblems();
            }
            return;
        }
        activate(viewports.get(0));
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

    private void updateProblems() {
        problemsButton.setText("⚠ " + problems.size() + (problems.size() == 1 ? " file" : " files")
                + " not read");
        problemsButton.setVisible(!problems.isEmpty());
        problemsButton.setManaged(!problems.isEmpty());
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
        Volume v = volumes.get(stack);
        if (v != null) {
            vp.setVolume(stack, v);
            syncFrom(active.volume() != null && active != vp ? active : vp);
            return;
        }
        if (loads.containsKey(stack)) {
            return;
        }
        int first = vp.sliceIndex();
        String what = (s.description().isBlank() ? "series " + s.seriesNumber() : s.description());
        Task<Volume> task = new Task<>() {
            @Override
            protected Volume call() throws Exception {
                updateTitle("Loading " + what);
                try {
                    SliceImage img = SliceImage.decode(stack, first);
                    Platform.runLater(() -> {
                        for (Viewport x : viewports) {
                            x.showPreview(stack, img, first);
                        }
                    });
                } catch (DicomException e) {
                    LOG.log(System.Logger.Level.WARNING, "first image: " + e.getMessage());
                }
                return VolumeLoader.load(stack, (done, total) -> {
                    if (isCancelled()) {
                        throw new CancellationException("cancelled");
                    }
                    updateProgress(done, total);
                    updateMessage(done + " / " + total + " images");
                });
            }
        };
        loads.put(stack, task);
        task.messageProperty().addListener((o, a, b) -> {
            for (Viewport x : viewports) {
                if (x.stack() == stack && x.isLoading()) {
                    x.setLoading("Loading " + b);
                }
            }
        });
        task.setOnSucceeded(e -> {
            loads.remove(stack);
            if (index == null || !index.series().contains(s)) {
                return;
            }
            Volume vol = task.getValue();
            volumes.put(stack, vol);
            for (Viewport x : viewports) {
                x.setVolume(stack, vol);
            }
            for (String w : stack.warnings()) {
                LOG.log(System.Logger.Level.INFO, what + ": " + w);
            }
            status.setText(what + ": " + vol.nz() + " images, " + vol.nx() + "x" + vol.ny()
                    + (stack.warnings().isEmpty() ? "" : "  — " + stack.warnings().get(0)));
            syncFrom(active.volume() != null ? active : vp);
        });
        task.setOnFailed(e -> {
            loads.remove(stack);
            Throwable t = task.getException();
            String reason = t instanceof DicomException d ? d.reason() : String.valueOf(t);
            problems.add(new Skipped(stack.slices().get(0).path(), "series \"" + what + "\" cannot be shown: "
                    + reason));
            updateProblems();
            for (Viewport x : viewports) {
                if (x.stack() == stack) {
                    x.setError("Cannot show this series: " + reason);
                }
            }
            status.setText("Cannot show " + what + ": " + reason);
        });
        task.setOnCancelled(e -> {
            loads.remove(stack);
            for (Viewport x : viewports) {
                if (x.stack() == stack && x.volume() == null) {
                    x.setError("Loading cancelled");
                }
            }
        });
        track(task);
        workers.submit(task);
    }

    /** Shows progress, a count and a cancel button for a background task. */
    private void track(Task<?> task) {
        tracked = task;
        progress.progressProperty().unbind();
        progress.progressProperty().bind(task.progressProperty());
        count.textProperty().unbind();
        count.textProperty().bind(task.messageProperty());
        status.textProperty().unbind();
        status.setText(task.getTitle());
        task.titleProperty().addListener((o, a, b) -> {
            if (tracked == task) {
                status.setText(b);
            }
        });
        progress.setVisible(true);
        cancel.setVisible(true);
        task.stateProperty().addListener((o, a, b) -> {
            if (tracked == task && (b == Worker.State.SUCCEEDED || b == Worker.State.FAILED
                    || b == Worker.State.CANCELLED)) {
                progress.progressProperty().unbind();
                progress.setVisible(false);
                cancel.setVisible(false);
                count.textProperty().unbind();
                count.setText("");
                tracked = null;
            }
        });
    }

    /** Cancels what the status bar shows (the scan, or a volume being decoded). */
    public void cancelWork() {
        if (tracked != null) {
            if (tracked == scanTask && scanner != null) {
                scanner.cancel();
            }
            tracked.cancel();
        }
    }

    /** True while a scan or a volume load runs. */
    public boolean busy() {
        // not Task.isRunning: a submitted task is READY until a worker picks it up, and done
        // before its result reaches the FX thread
        return scanning || !loads.isEmpty();
    }

    // ---------------------------------------------------------------- layout and viewports

    public void setLayout(Layout l) {
        layout = l;
        config.layout = l.label();
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        for (int c = 0; c < l.columns(); c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / l.columns());
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < l.rows(); r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / l.rows());
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
        for (int i = 0; i < l.count(); i++) {
            Viewport vp = viewports.get(i);
            vp.setMinSize(50, 50);
            vp.setPrefSize(Region.USE_COMPUTED_SIZE, Region.USE_COMPUTED_SIZE);
            vp.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            grid.add(vp, i % l.columns(), i / l.columns());
        }
        ToggleButton b = layoutButtons.get(l);
        if (b != null) {
            b.setSelected(true);
        }
        if (viewports.indexOf(active) >= l.count()) {
            activate(viewports.get(0));
        }
        fillViewports();
        updateReferenceLines();
    }

    public Layout layout() {
        return layout;
    }

    /** The viewports of the current layout, in reading order. */
    public List<Viewport> visibleViewports() {
        return Collections.unmodifiableList(viewports.subList(0, layout.count()));
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
                next = active.series() != null ? active.series() : series.get(0);
            }
            display(next, vp);
        }
    }

    public Viewport activeViewport() {
        return active;
    }

    public void activate(Viewport vp) {
        if (active != vp) {
            boolean playing = cine != null;
            setCine(false);
            active.setActive(false);
            active = vp;
            vp.setActive(true);
            if (playing) {
                setCine(true);
            }
        }
        if (vp.series() != null) {
            browser.select(vp.series());
        }
        followTags();
    }

    private void nextViewport() {
        List<Viewport> vis = visibleViewports();
        activate(vis.get((vis.indexOf(active) + 1) % vis.size()));
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
        for (Viewport v : viewports) {
            v.setTool(t);
        }
    }

    // ---------------------------------------------------------------- sync and reference lines

    private void sliceChanged(Viewport source) {
        if (!syncing && syncScroll.get()) {
            syncFrom(source);
        }
        updateReferenceLines();
        if (source == active) {
            followTags();
        }
    }

    /** Moves the other viewports to the slice at the source's position (same Frame of Reference). */
    private void syncFrom(Viewport source) {
        if (syncing || !syncScroll.get() || source.volume() == null) {
            updateReferenceLines();
            return;
        }
        syncing = true;
        try {
            for (Viewport vp : visibleViewports()) {
                if (vp == source || vp.volume() == null) {
                    continue;
                }
                OptionalInt z = SliceGeometry.syncedSlice(source.volume(), source.sliceIndex(), vp.volume());
                if (z.isPresent()) {
                    vp.setSlice(z.getAsInt());
                }
            }
        } finally {
            syncing = false;
        }
        updateReferenceLines();
    }

    private void updateReferenceLines() {
        List<Viewport> vis = visibleViewports();
        for (Viewport vp : viewports) {
            if (!vis.contains(vp) || !referenceLines.get() || vp.plane() == null) {
                if (!vp.referenceLines().isEmpty()) {
                    vp.setReferenceLines(List.of());
                }
                continue;
            }
            ImagePlane p = vp.plane();
            String fr = vp.volume().frameOfReferenceUid();
            List<ImagePlane.Segment> lines = new ArrayList<>();
            for (Viewport other : vis) {
                if (other == vp || other.plane() == null || fr == null || fr.isEmpty()
                        || !fr.equals(other.volume().frameOfReferenceUid())) {
                    continue;
                }
                p.referenceLine(other.plane()).ifPresent(lines::add);
            }
            vp.setReferenceLines(lines);
        }
    }

    // ---------------------------------------------------------------- cine

    private void toggleCine() {
        setCine(cine == null);
    }

    public boolean cinePlaying() {
        return cine != null;
    }

    public int cineFps() {
        return fpsSpinner.getValue();
    }

    private void changeFps(int delta) {
        fpsSpinner.getValueFactory().setValue(Math.max(1, Math.min(60, fpsSpinner.getValue() + delta)));
    }

    private void setCine(boolean on) {
        if (cine != null) {
            cine.stop();
            cine = null;
        }
        for (Viewport v : viewports) {
            v.setCineText(null);
        }
        if (on && active.volume() != null) {
            int fps = fpsSpinner.getValue();
            cine = new Timeline(new KeyFrame(Duration.seconds(1.0 / fps), e -> active.cineStep()));
            cine.setCycleCount(Animation.INDEFINITE);
            cine.play();
            active.setCineText("Cine " + fps + " fps");
        }
        cineButton.setSelected(cine != null);
    }

    // ---------------------------------------------------------------- dialogs

    public void showTags() {
        Instance inst = active.currentInstance();
        if (inst == null) {
            status.setText("No image to show the tags of");
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
            Instance inst = active.currentInstance();
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
        if (!stage.isMaximized() && !stage.isFullScreen()) {
            config.windowX = stage.getX();
            config.windowY = stage.getY();
            config.windowWidth = stage.getWidth();
            config.windowHeight = stage.getHeight();
        }
        config.maximized = stage.isMaximized();
        config.layout = layout.label();
        if (split.getItems().contains(browser) && split.getDividerPositions().length > 0) {
            config.browserDivider = split.getDividerPositions()[0];
        }
        saveConfig();
        setCine(false);
        cancelWork();
        workers.shutdownNow();
        thumbnailWorker.shutdownNow();
    }

    public Stage stage() {
        return stage;
    }

    public StudyBrowser browser() {
        return browser;
    }

    public UserConfig config() {
        return config;
    }

    public Label statusLabel() {
        return status;
    }
}
