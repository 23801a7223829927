package org.clain.ui.measure;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.FileChooser;
import javax.imageio.ImageIO;
import org.clain.geom.Vec3;
import org.clain.measure.AnnotationJson;
import org.clain.measure.AnnotationStore;
import org.clain.measure.AtomicFiles;
import org.clain.measure.Distance;
import org.clain.measure.EllipsoidRoi;
import org.clain.measure.Evaluation;
import org.clain.measure.LineProfile;
import org.clain.measure.Measurement;
import org.clain.measure.MeasurementCsv;
import org.clain.measure.MeasurementSet;
import org.clain.measure.PlanarRoi;
import org.clain.measure.Quantity;
import org.clain.measure.RoiResult;
import org.clain.measure.RoiStatistics;
import org.clain.measure.SrContext;
import org.clain.measure.StructuredReport;
import org.clain.study.Series;
import org.clain.study.Volume;

/**
 * The measurements and annotations of the open studies, as the viewer shows and edits them: one
 * {@link MeasurementSet} per study, loaded from the user's {@link AnnotationStore} when the study
 * opens and saved (atomically, by the store) after every change; the drawing tool; the selection;
 * the values of each measurement (from {@link Evaluation}, {@link RoiStatistics},
 * {@link LineProfile}, cached); and the menu commands (undo, delete, exports). Every view gets a
 * {@link MeasureLayer} through {@link #attach}. FX thread only.
 */
public final class MeasureController {
    private static final System.Logger LOG = System.getLogger("clain.ui");
    private static final int CACHE_LIMIT = 512;

    private final MeasureHost host;
    private AnnotationStore store;
    private final Map<String, MeasurementSet> sets = new LinkedHashMap<>();
    private final Map<String, Runnable> setListeners = new HashMap<>();
    /** Studies whose annotations cannot be saved (no usable Study Instance UID). */
    private final Set<String> notPersisted = new HashSet<>();
    private final List<MeasureLayer> layers = new ArrayList<>();
    private final ObjectProperty<MeasureTool> tool = new SimpleObjectProperty<>(this, "tool");
    private final ReadOnlyStringWrapper selectedId = new ReadOnlyStringWrapper(this, "selectedId");
    private final BooleanProperty panelVisible = new SimpleBooleanProperty(this, "panelVisible", true);
    private final List<Runnable> listeners = new ArrayList<>();
    private final Map<Key, List<Quantity>> evaluations = new HashMap<>();
    private final Map<Key, Optional<RoiResult>> roiResults = new HashMap<>();
    private final Map<Key, Optional<LineProfile>> profiles = new HashMap<>();
    private final Map<MeasureTool, ToggleButton> buttons = new LinkedHashMap<>();
    private BiFunction<String, String, Optional<String>> textPrompt = this::askText;
    private String lastEdited;
    private MeasurePanel panel;
    private boolean refreshQueued;
    private boolean exporting;

    private record Key(Measurement m, Volume v) {
    }

    public MeasureController(MeasureHost host) {
        this.host = host;
        tool.addListener((o, a, b) -> {
            for (MeasureLayer l : layers) {
                l.cancel();
            }
            if (b != null && buttons.containsKey(b) && !buttons.get(b).isSelected()) {
                buttons.get(b).setSelected(true);
            }
            if (b == null) {
                buttons.values().forEach(x -> x.setSelected(false));
            }
        });
    }

    // ---------------------------------------------------------------- views

    /** Gives a view the measurement tools: its mouse gestures, its painting, its key handling. */
    public void attach(PlaneView view) {
        layers.add(new MeasureLayer(this, view));
    }

    /** The views that have the tools. */
    public List<PlaneView> views() {
        return layers.stream().map(MeasureLayer::view).toList();
    }

    /** Takes the tools from a view that goes away (a closed MPR workspace). */
    public void detach(PlaneView view) {
        MeasureLayer l = layer(view);
        if (l != null) {
            l.cancel();
            layers.remove(l);
        }
    }

    MeasureHost host() {
        return host;
    }

    /** The layer of a view (tests, and the window's own hooks). */
    public MeasureLayer layer(PlaneView view) {
        for (MeasureLayer l : layers) {
            if (l.view() == view) {
                return l;
            }
        }
        return null;
    }

    /** Something a view shows changed (plane, volume): the panel's slice column and values follow. */
    void viewChanged() {
        if (!refreshQueued) {
            refreshQueued = true;
            Platform.runLater(() -> {
                refreshQueued = false;
                fireListeners();
            });
        }
    }

    private void repaintAll() {
        for (MeasureLayer l : layers) {
            l.view().repaint();
        }
    }

    // ---------------------------------------------------------------- tools

    public MeasureTool tool() {
        return tool.get();
    }

    /** The drawing tool of the left button; null gives the button back to the viewer's own tool. */
    public void setTool(MeasureTool t) {
        tool.set(t);
    }

    public ObjectProperty<MeasureTool> toolProperty() {
        return tool;
    }

    /**
     * Buttons for the tools, in the window's tool group (choosing one of them chooses the drawing
     * tool, choosing another button of the group, such as scroll or pan, puts the drawing tool away),
     * shown in a tool strip atop the measurement panel.
     */
    public List<ToggleButton> toolButtons(ToggleGroup group) {
        Map<MeasureTool, KeyCombination> keys = toolKeys();
        List<ToggleButton> out = new ArrayList<>();
        for (MeasureTool t : MeasureTool.values()) {
            ToggleButton b = new ToggleButton();
            b.setGraphic(MeasureIcons.of(t));
            b.setUserData(t);
            b.setToggleGroup(group);
            b.setId("tool-" + t.name().toLowerCase(Locale.ROOT));
            b.setFocusTraversable(false);
            String key = keys.containsKey(t) ? keys.get(t).getDisplayText() : "";
            b.setTooltip(new Tooltip(t.title() + (key.isEmpty() ? "" : "   (" + key + ")") + "\n" + t.how()));
            buttons.put(t, b);
            out.add(b);
        }
        panel().setToolButtons(out);
        group.selectedToggleProperty().addListener((o, a, b) -> {
            MeasureTool t = toolOf(b);
            if (t != tool.get()) {
                tool.set(t);
            }
        });
        return out;
    }

    private static MeasureTool toolOf(Toggle t) {
        return t != null && t.getUserData() instanceof MeasureTool m ? m : null;
    }

    // ---------------------------------------------------------------- studies and persistence

    /** The store annotations are loaded from and saved to (the user's data folder by default). */
    public AnnotationStore store() {
        if (store == null) {
            store = AnnotationStore.userDefault();
        }
        return store;
    }

    public void setStore(AnnotationStore s) {
        store = s;
    }

    /**
     * The studies open now: their saved annotations are loaded (studies already open keep theirs,
     * with their undo history); studies no longer open are put away (they were saved at each change).
     */
    public void openStudies(Collection<String> studyInstanceUids) {
        for (MeasureLayer l : layers) {
            l.cancel();
        }
        Set<String> wanted = new LinkedHashSet<>(studyInstanceUids);
        for (String uid : new ArrayList<>(sets.keySet())) {
            if (!wanted.contains(uid)) {
                MeasurementSet s = sets.remove(uid);
                saveIfDirty(uid, s);
                s.removeListener(setListeners.remove(uid));
                notPersisted.remove(uid);
            }
        }
        for (String uid : wanted) {
            setOf(uid);
        }
        if (selectedId.get() != null && find(selectedId.get()).isEmpty()) {
            selectedId.set(null);
        }
        changed();
    }

    /** The set of a study, loaded from the store the first time. */
    MeasurementSet setOf(String studyUid) {
        String uid = studyUid == null ? "" : studyUid;
        MeasurementSet s = sets.get(uid);
        if (s != null) {
            return s;
        }
        s = load(uid);
        sets.put(uid, s);
        MeasurementSet set = s;
        Runnable l = () -> setChanged(uid, set);
        setListeners.put(uid, l);
        s.addListener(l);
        return s;
    }

    private MeasurementSet load(String uid) {
        AnnotationStore st = store();
        Path p;
        try {
            p = st.pathFor(uid);
        } catch (IllegalArgumentException e) {
            notPersisted.add(uid);
            host.status("This study has no usable Study Instance UID: its annotations will not be kept");
            return new MeasurementSet(uid);
        }
        try {
            return st.loadOrCreate(uid);
        } catch (IOException | RuntimeException e) {
            // keep the unreadable document for the user, out of the way of the next save
            Path aside = p.resolveSibling(p.getFileName() + ".unreadable-" + System.currentTimeMillis());
            try {
                Files.move(p, aside);
                host.status("Saved annotations could not be read (" + e.getMessage() + "); kept as " + aside);
            } catch (IOException moveFailed) {
                notPersisted.add(uid);
                host.status("Saved annotations could not be read and will not be overwritten: " + e.getMessage());
            }
            LOG.log(System.Logger.Level.WARNING, "annotations of " + uid + " unreadable", e);
            return new MeasurementSet(uid);
        }
    }

    private void setChanged(String uid, MeasurementSet set) {
        lastEdited = uid;
        save(uid, set);
        String sel = selectedId.get();
        if (sel != null && find(sel).isEmpty()) {
            selectedId.set(null);
        }
        changed();
    }

    private void save(String uid, MeasurementSet set) {
        if (notPersisted.contains(uid)) {
            return;
        }
        try {
            store().save(set);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "annotations of " + uid + " not saved", e);
            host.status("Annotations not saved: " + e.getMessage());
        }
    }

    private void saveIfDirty(String uid, MeasurementSet s) {
        if (s.dirty()) {
            save(uid, s);
        }
    }

    /** Saves what is not saved yet (a failed save is tried again). */
    public void shutdown() {
        for (Map.Entry<String, MeasurementSet> e : sets.entrySet()) {
            saveIfDirty(e.getKey(), e.getValue());
        }
    }

    /** The loaded sets, by Study Instance UID. */
    public Map<String, MeasurementSet> sets() {
        return java.util.Collections.unmodifiableMap(sets);
    }

    /** The set edits apply to: the active view's study, else the last edited, else the first. */
    public MeasurementSet currentSet() {
        PlaneView v = host.activeView();
        if (v != null && v.studyInstanceUid() != null && sets.containsKey(v.studyInstanceUid())) {
            return sets.get(v.studyInstanceUid());
        }
        if (lastEdited != null && sets.containsKey(lastEdited)) {
            return sets.get(lastEdited);
        }
        return sets.isEmpty() ? null : sets.values().iterator().next();
    }

    // ---------------------------------------------------------------- measurements

    /** Every measurement of the open studies, in display order. */
    public List<Measurement> measurements() {
        List<Measurement> out = new ArrayList<>();
        for (MeasurementSet s : sets.values()) {
            out.addAll(s.measurements());
        }
        return out;
    }

    public Optional<Measurement> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (MeasurementSet s : sets.values()) {
            Optional<Measurement> m = s.find(id);
            if (m.isPresent()) {
                return m;
            }
        }
        return Optional.empty();
    }

    private MeasurementSet setHolding(String id) {
        for (MeasurementSet s : sets.values()) {
            if (s.find(id).isPresent()) {
                return s;
            }
        }
        return null;
    }

    /** Adds a measurement drawn in a view to the set of the view's study, and selects it. */
    public void add(PlaneView view, Measurement m) {
        setOf(view.studyInstanceUid()).add(m);
        select(m.id());
    }

    /** An edit of a measurement (same id): undoable. */
    public void replace(Measurement m) {
        MeasurementSet s = setHolding(m.id());
        if (s != null) {
            s.replace(m);
        }
    }

    public boolean remove(String id) {
        MeasurementSet s = id == null ? null : setHolding(id);
        return s != null && s.remove(id);
    }

    public void rename(String id, String label) {
        find(id).ifPresent(m -> replace(m.withLabel(label == null ? "" : label.strip())));
    }

    public boolean undo() {
        MeasurementSet s = currentSet();
        for (MeasureLayer l : layers) {
            l.cancel();
        }
        return s != null && s.undo();
    }

    public boolean redo() {
        MeasurementSet s = currentSet();
        return s != null && s.redo();
    }

    public boolean deleteSelected() {
        boolean done = remove(selectedId.get());
        if (!done) {
            host.status("Select a measurement to delete (click it, or its row in the list)");
        }
        return done;
    }

    /** Asks for a new label of the selected measurement. */
    public void renameSelected() {
        Optional<Measurement> m = find(selectedId.get());
        if (m.isEmpty()) {
            host.status("Select a measurement to rename");
            return;
        }
        promptText("Label of this " + MeasureText.kind(m.get()).toLowerCase(Locale.ROOT), m.get().label())
                .ifPresent(t -> rename(m.get().id(), t));
    }

    // ---------------------------------------------------------------- selection

    public ReadOnlyStringProperty selectedIdProperty() {
        return selectedId.getReadOnlyProperty();
    }

    public String selectedId() {
        return selectedId.get();
    }

    public Optional<Measurement> selected() {
        return find(selectedId.get());
    }

    public void select(String id) {
        if (!java.util.Objects.equals(id, selectedId.get())) {
            selectedId.set(id);
            changed();
        }
    }

    /** Selects a measurement and shows the plane it lies on (the active view first, then any view of its frame). */
    public boolean jumpTo(String id) {
        Optional<Measurement> m = find(id);
        if (m.isEmpty()) {
            return false;
        }
        select(id);
        PlaneView v = viewFor(m.get());
        if (v == null) {
            host.status("No view shows the series of this measurement (Frame of Reference "
                    + m.get().frameOfReferenceUid() + ")");
            return false;
        }
        v.goTo(anchor(m.get()));
        v.activate();
        return true;
    }

    /** The view a measurement is best shown in: the active view when it shares its frame, else the first that does. */
    PlaneView viewFor(Measurement m) {
        PlaneView a = host.activeView();
        if (a != null && a.volume() != null && sameFrame(m, a)) {
            return a;
        }
        for (PlaneView v : host.visibleViews()) {
            if (v.volume() != null && sameFrame(m, v)) {
                return v;
            }
        }
        return null;
    }

    /** The point a measurement is found at: its centre or the mean of its points. */
    public static Vec3 anchor(Measurement m) {
        if (m instanceof PlanarRoi r) {
            return r.center();
        }
        if (m instanceof EllipsoidRoi e) {
            return e.center();
        }
        Vec3 sum = Vec3.ZERO;
        List<Vec3> pts = m.points();
        for (Vec3 p : pts) {
            sum = sum.plus(p);
        }
        return sum.times(1.0 / pts.size());
    }

    /**
     * True when the measurement's coordinates apply to the view's volume: same Frame of Reference,
     * or, where either has none, the same series.
     */
    public static boolean sameFrame(Measurement m, PlaneView v) {
        Volume vol = v.volume();
        if (vol == null) {
            return false;
        }
        String a = m.frameOfReferenceUid();
        String b = vol.frameOfReferenceUid();
        if (a != null && !a.isEmpty() && b != null && !b.isEmpty()) {
            return a.equals(b);
        }
        return m.seriesInstanceUid() != null && m.seriesInstanceUid().equals(v.seriesInstanceUid());
    }

    /** Where the user finds a measurement ("Im 67"), in the view it is best shown in; "" when none shows it. */
    public String planeLabel(Measurement m) {
        PlaneView v = viewFor(m);
        return v == null ? "" : v.planeLabel(anchor(m));
    }

    // ---------------------------------------------------------------- values

    /** The volume a measurement's values are read from: its own series', else one of its frame on screen. */
    public Volume volumeFor(Measurement m) {
        Volume own = m.seriesInstanceUid() == null ? null : host.volumeOf(m.seriesInstanceUid());
        if (own != null) {
            return own;
        }
        PlaneView v = viewFor(m);
        return v == null ? null : v.volume();
    }

    /** The numbers of a measurement ({@link Evaluation}), cached. */
    public List<Quantity> evaluate(Measurement m) {
        Volume vol = volumeFor(m);
        Key k = new Key(m, vol);
        List<Quantity> q = evaluations.get(k);
        if (q == null) {
            try {
                q = Evaluation.of(m, vol);
            } catch (IllegalArgumentException e) {
                q = Evaluation.of(m, null);
            }
            trim(evaluations);
            evaluations.put(k, q);
        }
        return q;
    }

    /** Statistics of a ROI, cached; empty for other measurements or without a volume. */
    public Optional<RoiResult> roiResult(Measurement m) {
        if (!(m instanceof PlanarRoi) && !(m instanceof EllipsoidRoi)) {
            return Optional.empty();
        }
        Volume vol = volumeFor(m);
        if (vol == null) {
            return Optional.empty();
        }
        Key k = new Key(m, vol);
        Optional<RoiResult> r = roiResults.get(k);
        if (r == null) {
            try {
                r = Optional.of(RoiStatistics.of(vol, m));
            } catch (IllegalArgumentException e) {
                r = Optional.empty();
            }
            trim(roiResults);
            roiResults.put(k, r);
        }
        return r;
    }

    /** Values along a distance line, cached; empty without a volume. */
    public Optional<LineProfile> profile(Measurement m) {
        if (!(m instanceof Distance d)) {
            return Optional.empty();
        }
        Volume vol = volumeFor(m);
        if (vol == null) {
            return Optional.empty();
        }
        Key k = new Key(m, vol);
        Optional<LineProfile> p = profiles.get(k);
        if (p == null) {
            try {
                p = Optional.of(LineProfile.sample(vol, d.a(), d.b()));
            } catch (IllegalArgumentException e) {
                p = Optional.empty();
            }
            trim(profiles);
            profiles.put(k, p);
        }
        return p;
    }

    private static void trim(Map<?, ?> cache) {
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
    }

    // ---------------------------------------------------------------- change notification

    /** Called after every change of the measurements, the selection or the views. */
    public void addListener(Runnable r) {
        listeners.add(r);
    }

    private void changed() {
        repaintAll();
        fireListeners();
    }

    private void fireListeners() {
        for (Runnable r : listeners) {
            r.run();
        }
    }

    // ---------------------------------------------------------------- text

    /** Asks the user for a line of text (annotations, labels); empty when cancelled. */
    Optional<String> promptText(String title, String initial) {
        return textPrompt.apply(title, initial);
    }

    /** Replaces the text dialog (a script, a test that types nothing). */
    public void setTextPrompt(BiFunction<String, String, Optional<String>> prompt) {
        textPrompt = prompt;
    }

    private Optional<String> askText(String title, String initial) {
        TextInputDialog d = new TextInputDialog(initial == null ? "" : initial);
        d.initOwner(host.window());
        d.setTitle("Clain");
        d.setHeaderText(title);
        d.setGraphic(null);
        d.getEditor().setId("annotation-text");
        d.getEditor().setPrefColumnCount(28);
        if (host.stylesheet() != null) {
            d.getDialogPane().getStylesheets().add(host.stylesheet());
        }
        return d.showAndWait();
    }

    // ---------------------------------------------------------------- exports

    boolean exporting() {
        return exporting;
    }

    private MeasurementSet requireSet() throws IOException {
        MeasurementSet s = currentSet();
        if (s == null) {
            throw new IOException("no study is open");
        }
        return s;
    }

    /** Writes the current study's annotations as a Clain JSON document (anywhere the user chose). */
    public void exportJson(Path file) throws IOException {
        MeasurementSet s = requireSet();
        AnnotationJson.exportTo(file, s);
        host.status(s.size() + " annotations exported to " + file);
    }

    /**
     * Adds the annotations of a Clain JSON document to the open study it belongs to (else to the
     * current one); those already there (same id) are skipped. Returns how many were added.
     */
    public int importJson(Path file) throws IOException {
        MeasurementSet in = AnnotationJson.importFrom(file);
        MeasurementSet target = sets.containsKey(in.studyInstanceUid()) ? sets.get(in.studyInstanceUid()) : requireSet();
        int added = 0;
        for (Measurement m : in.measurements()) {
            if (target.find(m.id()).isEmpty()) {
                target.add(m);
                added++;
            }
        }
        int skipped = in.size() - added;
        host.status(added + " annotations imported" + (skipped > 0 ? ", " + skipped + " already there" : "")
                + (in.studyInstanceUid().equals(target.studyInstanceUid()) ? "" : " (from another study)"));
        return added;
    }

    /** Writes the current study's measurements as a DICOM Comprehensive 3D SR (TID 1500). */
    public void exportSr(Path file) throws IOException {
        MeasurementSet s = requireSet();
        List<Measurement> ms = s.measurements();
        if (ms.isEmpty()) {
            throw new IOException("this study has no measurements to report");
        }
        Set<String> measured = new HashSet<>();
        for (Measurement m : ms) {
            if (m.seriesInstanceUid() != null) {
                measured.add(m.seriesInstanceUid());
            }
        }
        List<Series> series = host.series().stream().filter(x -> measured.contains(x.seriesInstanceUid())).toList();
        SrContext ctx = series.isEmpty() ? SrContext.ofStudy(s.studyInstanceUid()) : SrContext.fromSeries(series);
        StructuredReport.write(file, ms, host::volumeOf, ctx);
        host.status("Structured report of " + ms.size() + " measurements written to " + file);
    }

    /** The active view as shown, annotations burned in (no selection handles), as a PNG file. */
    public void exportPng(Path file) throws IOException {
        PlaneView v = host.activeView();
        if (v == null || v.volume() == null) {
            throw new IOException("no image to export");
        }
        WritableImage img;
        exporting = true;
        try {
            v.repaint();
            img = v.node().snapshot(null, null);
        } finally {
            exporting = false;
            v.repaint();
        }
        BufferedImage bi = SwingFXUtils.fromFXImage(img, null);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(bi, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
        host.status("Image written to " + file);
    }

    /** The measurement table ({@link MeasurementCsv}) of the open studies. */
    public String csv() throws IOException {
        StringWriter w = new StringWriter();
        MeasurementCsv.write(measurements(), host::volumeOf, w);
        return w.toString();
    }

    /** Puts the measurement table on the clipboard as CSV. */
    public String copyCsv() throws IOException {
        String text = csv();
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
        host.status(measurements().size() + " measurements copied as CSV");
        return text;
    }

    @FunctionalInterface
    private interface FileAction {
        void run(Path p) throws IOException;
    }

    private void withFile(String title, String name, boolean save, FileAction action,
                          FileChooser.ExtensionFilter... filters) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().addAll(filters);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        if (name != null) {
            fc.setInitialFileName(name);
        }
        File f = save ? fc.showSaveDialog(host.window()) : fc.showOpenDialog(host.window());
        if (f == null) {
            return;
        }
        try {
            action.run(f.toPath());
        } catch (NoSuchFileException e) {
            host.status(title + " failed: no such file " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, title + " failed", e);
            host.status(title + " failed: " + e.getMessage());
        }
    }

    private String studyFileName(String suffix) {
        MeasurementSet s = currentSet();
        return (s == null || s.studyInstanceUid().isEmpty() ? "study" : s.studyInstanceUid()) + suffix;
    }

    // ---------------------------------------------------------------- commands

    /** Keys of the tools (the toolbar's tooltips show them). */
    public static Map<MeasureTool, KeyCombination> toolKeys() {
        Map<MeasureTool, KeyCombination> k = new LinkedHashMap<>();
        k.put(MeasureTool.DISTANCE, new KeyCodeCombination(KeyCode.M));
        k.put(MeasureTool.POLYLINE, new KeyCodeCombination(KeyCode.M, KeyCombination.SHIFT_DOWN));
        k.put(MeasureTool.ANGLE, new KeyCodeCombination(KeyCode.A));
        k.put(MeasureTool.COBB, new KeyCodeCombination(KeyCode.A, KeyCombination.SHIFT_DOWN));
        k.put(MeasureTool.ELLIPSE, new KeyCodeCombination(KeyCode.E));
        k.put(MeasureTool.RECTANGLE, new KeyCodeCombination(KeyCode.E, KeyCombination.SHIFT_DOWN));
        k.put(MeasureTool.POLYGON, new KeyCodeCombination(KeyCode.G));
        k.put(MeasureTool.FREEHAND, new KeyCodeCombination(KeyCode.G, KeyCombination.SHIFT_DOWN));
        k.put(MeasureTool.PROBE, new KeyCodeCombination(KeyCode.X));
        k.put(MeasureTool.ARROW, new KeyCodeCombination(KeyCode.T, KeyCombination.SHIFT_DOWN));
        k.put(MeasureTool.TEXT, new KeyCodeCombination(KeyCode.T));
        return k;
    }

    /** The commands of the File, Measure and View menus (with their shortcuts). */
    public List<MeasureAction> fileActions() {
        FileChooser.ExtensionFilter json = new FileChooser.ExtensionFilter("Clain annotations (*.json)", "*.json");
        List<MeasureAction> a = new ArrayList<>();
        a.add(new MeasureAction("File", "Export annotations (JSON)…", null, () -> withFile(
                "Export annotations", studyFileName("-annotations.json"), true, this::exportJson, json)));
        a.add(new MeasureAction("File", "Import annotations (JSON)…", null, () -> withFile(
                "Import annotations", null, false, this::importJson, json)));
        a.add(new MeasureAction("File", "Export DICOM SR (TID 1500)…", null, () -> withFile(
                "Export DICOM SR", "measurements-sr.dcm", true, this::exportSr,
                new FileChooser.ExtensionFilter("DICOM (*.dcm)", "*.dcm"))));
        a.add(new MeasureAction("File", "Export image with annotations (PNG)…",
                new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                () -> withFile("Export image", "clain-image.png", true, this::exportPng,
                        new FileChooser.ExtensionFilter("PNG image (*.png)", "*.png"))));
        a.add(new MeasureAction("File", "Copy measurements as CSV",
                new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), () -> {
                    try {
                        copyCsv();
                    } catch (IOException e) {
                        host.status("Copy failed: " + e.getMessage());
                    }
                }));
        return a;
    }

    public List<MeasureAction> measureActions() {
        List<MeasureAction> a = new ArrayList<>();
        for (Map.Entry<MeasureTool, KeyCombination> e : toolKeys().entrySet()) {
            MeasureTool t = e.getKey();
            a.add(new MeasureAction("Measure", t.title(), e.getValue(), () -> setTool(t)));
        }
        a.add(new MeasureAction("Measure", "Undo", new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN),
                () -> {
                    if (!undo()) {
                        host.status("Nothing to undo");
                    }
                }));
        a.add(new MeasureAction("Measure", "Redo", new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN),
                () -> {
                    if (!redo()) {
                        host.status("Nothing to redo");
                    }
                }));
        a.add(new MeasureAction("Measure", "Delete the selected measurement", new KeyCodeCombination(KeyCode.DELETE),
                this::deleteSelected));
        a.add(new MeasureAction("Measure", "Rename the selected measurement…", new KeyCodeCombination(KeyCode.F2),
                this::renameSelected));
        return a;
    }

    public List<MeasureAction> viewActions() {
        return List.of(new MeasureAction("View", "Measurements panel",
                new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), () -> { }, panelVisible));
    }

    // ---------------------------------------------------------------- panel

    public BooleanProperty panelVisibleProperty() {
        return panelVisible;
    }

    /** The measurement list with the statistics and charts of the selection. */
    public MeasurePanel panel() {
        if (panel == null) {
            panel = new MeasurePanel(this);
        }
        return panel;
    }
}
