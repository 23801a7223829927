package org.clain.ui;

import static org.clain.ui.CommandTable.key;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.clain.render.WindowPreset;
import org.clain.study.ColorStack;
import org.clain.study.FusedPet;
import org.clain.study.Instance;
import org.clain.study.Series;
import org.clain.study.Skipped;
import org.clain.study.SliceStack;
import org.clain.study.StudyIndex;
import org.clain.study.Volume;
import org.clain.ui.measure.MeasureController;
import org.clain.ui.measure.PlaneView;

/**
 * The viewer window: menus and toolbar, the study browser, a grid of up to four viewports and a
 * status bar with the progress of background work. It wires its parts together: the commands
 * ({@link CommandTable}, {@link MainToolBar}), the background work ({@link SeriesLoader}), the
 * viewports ({@link ViewportGrid}, {@link Cine}) and what the measurement tools see
 * ({@link MeasuredViews}).
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
    private final BooleanProperty syncScroll = new SimpleBooleanProperty(true);
    private final BooleanProperty referenceLines = new SimpleBooleanProperty(true);
    private final ViewportGrid grid = new ViewportGrid(MAX_VIEWPORTS, syncScroll, referenceLines);
    private final Cine cine;
    private final SeriesLoader loader = new SeriesLoader(this, grid, statusBar);
    private final CommandTable commands = new CommandTable(statusBar);
    private final StudyChooser chooser;
    private final SkippedFiles skipped;
    private MainToolBar toolBar;
    private final BooleanProperty overlays = new SimpleBooleanProperty(true);
    private final BooleanProperty segmentationsShown = new SimpleBooleanProperty(true);
    private final BooleanProperty fusePet = new SimpleBooleanProperty(false);
    private FusionLayer.Scale fusionScale = FusionLayer.Scale.DEFAULT;
    private final BooleanProperty interpolation = new SimpleBooleanProperty(true);
    private final BooleanProperty showBrowser = new SimpleBooleanProperty(true);
    private final ExecutorService thumbnailWorker = Executors.newSingleThreadExecutor(daemon("clain-thumbnails"));
    private final MeasuredViews measured = new MeasuredViews(this, grid, loader, statusBar);
    private final MeasureController measure = measured.controller();

    private StudyIndex index;
    private TagBrowser tagBrowser;
    private HelpSheet helpSheet;
    private final MprMode mprMode = new MprMode(this);
    private final BrowserObjects objects = new BrowserObjects(new BrowserObjects.Host() {
        @Override
        public List<Series> imageSeries() {
            return index == null ? List.of() : index.series();
        }

        @Override
        public void display(Series s, SliceStack stack, Viewport vp) {
            MainWindow.this.display(s, stack, vp);
            browser.select(s);
        }

        @Override
        public void status(String text) {
            statusBar.setText(text);
        }

        @Override
        public Window owner() {
            return stage;
        }

        @Override
        public Viewport activeViewport() {
            return grid.active();
        }
    });

    public MainWindow(Stage stage, UserConfig config) {
        this.stage = stage;
        this.config = config;
        chooser = new StudyChooser(stage, config, this::open, this::saveConfig);
        skipped = new SkippedFiles(stage, statusBar);
        for (Viewport vp : grid.all()) {
            vp.setOnActivate(this::activate);
            vp.onSliceChanged(this::sliceChanged);
            vp.onLayersChanged(mprMode::layersChanged);
            objects.watch(vp);
        }
        syncScroll.set(config.syncScroll);
        fusionScale = FusionLayer.Scale.of(config.fusionUpperSuv, config.fusionOpacity);
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
        commands.add("File", "Open folder…", key(KeyCode.O, KeyCombination.SHORTCUT_DOWN), chooser::chooseFolder);
        commands.add("File", "Open files…", key(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                chooser::chooseFiles);
        commands.add("File", "Open DICOMDIR…", key(KeyCode.D, KeyCombination.SHORTCUT_DOWN), chooser::chooseDicomdir);
        commands.add("File", "Files that could not be read…", key(KeyCode.E, KeyCombination.SHORTCUT_DOWN),
                this::showProblems);
        measure.fileActions().forEach(commands::add);
        commands.add("File", "Quit", key(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), stage::close);

        commands.add("Image", "Next image", key(KeyCode.DOWN), () -> grid.active().scroll(1));
        commands.add("Image", "Previous image", key(KeyCode.UP), () -> grid.active().scroll(-1));
        commands.add("Image", "Forward 10 images", key(KeyCode.PAGE_DOWN), () -> grid.active().scroll(10));
        commands.add("Image", "Back 10 images", key(KeyCode.PAGE_UP), () -> grid.active().scroll(-10));
        commands.add("Image", "First image", key(KeyCode.HOME), () -> grid.active().firstImage());
        commands.add("Image", "Last image", key(KeyCode.END), () -> grid.active().lastImage());
        commands.add("Image", "Zoom in", key(KeyCode.EQUALS), () -> grid.active().zoomBy(1.25));
        commands.add("Image", "Zoom out", key(KeyCode.MINUS), () -> grid.active().zoomBy(1 / 1.25));
        commands.add("Image", "Fit to viewport", key(KeyCode.F), () -> grid.active().fitToWindow());
        commands.add("Image", "Actual pixels (1:1)", key(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN),
                () -> grid.active().oneToOne());
        commands.add("Image", "Rotate 90° clockwise", key(KeyCode.R), () -> grid.active().rotate(1));
        commands.add("Image", "Rotate 90° counter-clockwise", key(KeyCode.R, KeyCombination.SHIFT_DOWN),
                () -> grid.active().rotate(-1));
        commands.add("Image", "Flip horizontally", key(KeyCode.H), () -> grid.active().flipHorizontal());
        commands.add("Image", "Flip vertically", key(KeyCode.V), () -> grid.active().flipVertical());
        commands.add("Image", "Invert", key(KeyCode.I), () -> grid.active().toggleInvert());
        commands.add("Image", "Reset view", key(KeyCode.R, KeyCombination.SHORTCUT_DOWN),
                () -> grid.active().resetView());

        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
            KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8};
        for (WindowPreset p : WindowPreset.values()) {
            commands.add("Window", String.format(Locale.ROOT, "%s  (W %d  L %d)", p.label(), (int) p.width(),
                    (int) p.center()), key(digits[p.ordinal()]), () -> grid.active().applyPreset(p));
        }
        commands.add("Window", "DICOM window of the image", key(KeyCode.DIGIT9), () -> {
            if (!grid.active().dicomWindow()) {
                statusBar.setText("This image has no DICOM window");
            }
        });
        commands.add("Window", "Auto window (1st–99th percentile)", key(KeyCode.DIGIT0),
                () -> grid.active().autoWindow());

        commands.add("Tools", "Scroll (left drag)", key(KeyCode.S), () -> setTool(Viewport.Tool.SCROLL));
        commands.add("Tools", "Window / level (left drag)", key(KeyCode.W), () -> setTool(Viewport.Tool.WINDOW));
        commands.add("Tools", "Pan (left drag)", key(KeyCode.P), () -> setTool(Viewport.Tool.PAN));
        commands.add("Tools", "Zoom (left drag)", key(KeyCode.Z), () -> setTool(Viewport.Tool.ZOOM));
        commands.add("Tools", "Cine play / pause", key(KeyCode.SPACE), cine::toggle);
        commands.add("Tools", "Cine faster", key(KeyCode.CLOSE_BRACKET), () -> cine.changeFps(+1));
        commands.add("Tools", "Cine slower", key(KeyCode.OPEN_BRACKET), () -> cine.changeFps(-1));
        commands.add("Tools", "DICOM tags…", key(KeyCode.T, KeyCombination.SHORTCUT_DOWN), this::showTags);
        measure.measureActions().forEach(commands::add);

        for (Layout l : Layout.values()) {
            commands.add("View", "Layout " + l.label(), key(KeyCode.valueOf("DIGIT" + (l.ordinal() + 1)),
                    KeyCombination.SHORTCUT_DOWN), () -> setLayout(l));
        }
        commands.add("View", "Next viewport", key(KeyCode.F6), this::nextViewport);
        commands.add(new Command("View", "Synchronised scrolling", key(KeyCode.Y), () -> { }, syncScroll));
        commands.add(new Command("View", "Reference lines", key(KeyCode.L), () -> { }, referenceLines));
        commands.add(new Command("View", "Overlays", key(KeyCode.O), () -> { }, overlays));
        commands.add(new Command("View", "Segmentations and structures", key(KeyCode.O, KeyCombination.SHIFT_DOWN),
                () -> { }, segmentationsShown));
        commands.add(new Command("View", "Fuse PET over CT/MR", key(KeyCode.U), () -> { }, fusePet));
        commands.add("View", "Fused PET upper limit (SUVbw 3, 5, 7, 10, 15)", key(KeyCode.U, KeyCombination.SHIFT_DOWN),
                () -> setFusionScale(fusionScale.nextUpper()));
        commands.add("View", "Fused PET opacity (35-100%)", key(KeyCode.U, KeyCombination.ALT_DOWN),
                () -> setFusionScale(fusionScale.nextOpacity()));
        commands.add(new Command("View", "Smooth (interpolated) pixels", key(KeyCode.I, KeyCombination.SHIFT_DOWN),
                () -> { }, interpolation));
        commands.add(new Command("View", "Series browser", key(KeyCode.B, KeyCombination.SHORTCUT_DOWN), () -> { },
                showBrowser));
        measure.viewActions().forEach(commands::add);
        commands.add("View", "Full screen", key(KeyCode.F11), () -> stage.setFullScreen(!stage.isFullScreen()));
        commands.add("Help", "Keyboard and mouse…", key(KeyCode.F1), this::showHelp);
        mprMode.commands().forEach(commands::add);

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
        segmentationsShown.addListener((o, a, b) -> grid.all().forEach(v -> v.updateLayers(v.stack(),
                l -> l.setSegmentationsVisible(b))));
        fusePet.addListener((o, a, b) -> grid.all().forEach(this::fuse));
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

    private void build() {
        MenuBar menus = commands.menuBar(chooser.recentMenu());

        toolBar = new MainToolBar(this, commands, measure, cine, syncScroll, referenceLines,
                mprMode.toolbarButtons());

        browser.setOnOpen((s, st) -> display(s, st, grid.active()));
        browser.setOnOpenObjects(objects::open);
        browser.setMinWidth(230);
        split.getItems().addAll(browser, grid.node());
        split.setDividerPositions(config.browserDivider);
        SplitPane.setResizableWithParent(browser, false);
        measure.panelVisibleProperty().set(config.measurementPanel);
        measure.panelVisibleProperty().addListener((o, a, b) -> showMeasurePanel(b));
        showMeasurePanel(config.measurementPanel);

        root.setTop(new VBox(menus, toolBar.node()));
        root.setCenter(split);
        root.setBottom(statusBar.node());
        root.getStyleClass().add("clain");

        Scene scene = new Scene(root, config.windowWidth, config.windowHeight);
        scene.getStylesheets().add(ClainApp.stylesheet());
        commands.sendNavigationKeys(scene);
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

    /** The command with this menu text (for tests and the toolbar). */
    public Command command(String text) {
        return commands.command(text);
    }

    public List<Command> commands() {
        return commands.all();
    }

    // ---------------------------------------------------------------- opening

    /** Opens files, folders and DICOMDIRs (what the menus, drag and drop and the command line call). */
    public void open(List<Path> paths) {
        if (paths == null || paths.isEmpty()) {
            return;
        }
        chooser.remember(paths);
        cine.set(false);
        loader.scan(paths);
    }

    /** Shows a scanned index: the browser, the first series in the first viewport, the problems. */
    public void setIndex(StudyIndex idx) {
        mprMode.close();
        index = idx;
        loader.forget();
        skipped.replace(idx.skipped());
        for (Viewport v : grid.all()) {
            v.clear();
        }
        measure.openStudies(idx.series().stream().map(Series::studyInstanceUid).distinct().toList());
        browser.show(idx, thumbnailWorker);
        List<Series> series = idx.series();
        int images = series.stream().flatMap(s -> s.stacks().stream()).mapToInt(SliceStack::size).sum();
        statusBar.setText(String.format(Locale.ROOT, "%d series, %d images%s", series.size(), images,
                idx.skipped().isEmpty() ? "" : ", " + idx.skipped().size() + " files skipped"));
        if (series.isEmpty()) {
            statusBar.setText("No images found"
                    + (idx.skipped().isEmpty() ? "" : ": see the files that could not be read"));
            if (!idx.skipped().isEmpty()) {
                showProblems();
            }
            return;
        }
        activate(grid.all().get(0));
        fillViewports();
        browser.select(grid.all().get(0).series() != null ? grid.all().get(0).series() : series.get(0));
    }

    /** The structured report last opened from the browser, or null. */
    ReportView reportView() {
        return objects.reportView();
    }

    public StudyIndex index() {
        return index;
    }

    /** Files skipped by the scan plus series that failed to decode. */
    public List<Skipped> problems() {
        return skipped.list();
    }

    /** A file or series that could not be read, added to the list. */
    void addProblem(Skipped s) {
        skipped.add(s);
    }

    public void showProblems() {
        skipped.show();
    }

    public ProblemsDialog problemsDialog() {
        return skipped.dialog();
    }

    // ---------------------------------------------------------------- series and volumes

    /** Shows a series (its main stack) in a viewport; its volume decodes in the background, first image first. */
    public void display(Series s, Viewport vp) {
        if (s.stacks().isEmpty()) {
            vp.setError("This series has no image stack");
            return;
        }
        display(s, s.stacks().get(0), vp);
    }

    /** Opens a series without images as {@link BrowserObjects} does (the browser's double click). */
    void openObjects(Series s) {
        objects.open(s);
    }

    /** Shows one stack of a series in a viewport. */
    public void display(Series s, SliceStack stack, Viewport vp) {
        vp.setSeries(s, stack);
        vp.setTool(toolBar.selectedTool());
        vp.setOverlaysVisible(overlays.get());
        vp.updateLayers(stack, l -> l.setSegmentationsVisible(segmentationsShown.get()));
        vp.setInterpolate(interpolation.get());
        if (index != null) {
            loader.segmentations(index, stack, vp);
            loader.structureSets(index, stack, vp);
        }
        fuse(vp);
        ColorStack c = loader.colorStack(stack);
        if (c != null) {
            vp.setColor(stack, c, loader.volume(stack));
            return;
        }
        Volume v = loader.volume(stack);
        if (v != null) {
            vp.setVolume(stack, v);
            grid.syncFrom(grid.active().volume() != null && grid.active() != vp ? grid.active() : vp);
            return;
        }
        loader.load(s, stack, vp.sliceIndex(), vp);
    }

    /**
     * With View ▸ Fuse PET on, a viewport showing a series other than PET gets the study's PET in its
     * Frame of Reference ({@link FusedPet}: attenuation corrected, with SUV, first) fused over it
     * (decoded in the background); off, none. An MPR of the viewport follows.
     */
    private void fuse(Viewport vp) {
        SliceStack stack = vp.stack();
        if (!fusePet.get() || index == null || stack == null || "PT".equals(vp.series().modality())) {
            if (stack != null) {
                vp.updateLayers(stack, l -> l.setFusion(null));
            }
            return;
        }
        String frame = stack.instance(stack.slices().get(0)).frameOfReferenceUid();
        Optional<SliceStack> pet = FusedPet.choose(index.series(), frame);
        if (pet.isEmpty()) {
            statusBar.setText("No PET series in the Frame of Reference of " + vp.series().description());
            return;
        }
        loader.volumeOf(pet.get().series(), pet.get(), v -> {
            vp.updateLayers(stack, l -> {
                l.setFusionScale(fusionScale);
                l.setFusion(v);
            });
            statusBar.setText("Fused: " + pet.get().series().description() + " (Shift+U upper limit, Alt+U opacity)");
        });
    }

    private void setFusionScale(FusionLayer.Scale scale) {
        fusionScale = scale;
        config.fusionUpperSuv = scale.upperSuv();
        config.fusionOpacity = scale.opacity();
        for (Viewport vp : grid.all()) {
            vp.updateLayers(vp.stack(), l -> l.setFusionScale(scale));
        }
        statusBar.setText(String.format(Locale.ROOT, "Fused PET: upper limit SUVbw %.0f, opacity %.0f%%",
                scale.upperSuv(), scale.opacity() * 100));
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
        toolBar.select(l);
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
        // images first: a segmentation is drawn over the series it segments, shown alone only when asked
        List<Series> series = new ArrayList<>(index.series());
        series.sort(Comparator.comparing(s -> "SEG".equals(s.modality())));
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

    public void setTool(Viewport.Tool t) {
        toolBar.select(t);
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
            helpSheet = new HelpSheet(stage, commands.all());
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
        measured.measureIn(n instanceof MprWorkspace w ? w : null);
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
        return measured.planeView(vp);
    }
}
