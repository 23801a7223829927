package org.clain.ui.measure;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import org.clain.measure.AnnotationStore;
import org.clain.measure.Evaluation;
import org.clain.measure.LineProfile;
import org.clain.measure.Measurement;
import org.clain.measure.MeasurementCsv;
import org.clain.measure.MeasurementSet;
import org.clain.measure.Quantity;
import org.clain.measure.RoiResult;
import org.clain.measure.RoiStatistics;
import org.clain.study.Volume;

/**
 * The measurements and annotations of the open studies, as the viewer shows and edits them: the
 * drawing tool, the selection, the edits (undoable, per study) and the views that have the tools
 * (a {@link MeasureLayer} each, through {@link #attach}). Its parts: the documents of the open
 * studies ({@link StudyAnnotations}), where a measurement is shown ({@link MeasurementLocator}),
 * its values ({@link MeasurementValues}: {@link Evaluation}, {@link RoiStatistics},
 * {@link LineProfile}, cached), the exports ({@link AnnotationExports}) and the keys, buttons and
 * menu commands ({@link MeasureCommands}). FX thread only.
 */
public final class MeasureController {
    private final MeasureHost host;
    private final StudyAnnotations annotations;
    private final MeasurementLocator locator;
    private final MeasurementValues values;
    private final AnnotationExports exports;
    private final MeasureCommands commands = new MeasureCommands(this);
    private final List<MeasureLayer> layers = new ArrayList<>();
    private final ObjectProperty<MeasureTool> tool = new SimpleObjectProperty<>(this, "tool");
    private final ReadOnlyStringWrapper selectedId = new ReadOnlyStringWrapper(this, "selectedId");
    private final BooleanProperty panelVisible = new SimpleBooleanProperty(this, "panelVisible", true);
    private final List<Runnable> listeners = new ArrayList<>();
    private BiFunction<String, String, Optional<String>> textPrompt = this::askText;
    private MeasurePanel panel;
    private boolean refreshQueued;

    public MeasureController(MeasureHost host) {
        this.host = host;
        this.annotations = new StudyAnnotations(host, this::setChanged);
        this.locator = new MeasurementLocator(host);
        this.values = new MeasurementValues(locator::volumeFor);
        this.exports = new AnnotationExports(this, host);
        tool.addListener((o, a, b) -> {
            for (MeasureLayer l : layers) {
                l.cancel();
            }
            commands.toolChosen(b);
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
        return commands.toolButtons(group);
    }

    // ---------------------------------------------------------------- studies and persistence

    /** The store annotations are loaded from and saved to (the user's data folder by default). */
    public AnnotationStore store() {
        return annotations.store();
    }

    public void setStore(AnnotationStore s) {
        annotations.setStore(s);
    }

    /**
     * The studies open now: their saved annotations are loaded (studies already open keep theirs,
     * with their undo history); studies no longer open are put away (they were saved at each change).
     */
    public void openStudies(Collection<String> studyInstanceUids) {
        for (MeasureLayer l : layers) {
            l.cancel();
        }
        annotations.open(studyInstanceUids);
        if (selectedId.get() != null && find(selectedId.get()).isEmpty()) {
            selectedId.set(null);
        }
        changed();
    }

    /** A study's set changed (and was saved): a deleted selection goes, views and listeners follow. */
    private void setChanged() {
        String sel = selectedId.get();
        if (sel != null && find(sel).isEmpty()) {
            selectedId.set(null);
        }
        changed();
    }

    /** Saves what is not saved yet (a failed save is tried again). */
    public void shutdown() {
        annotations.saveAll();
    }

    /** The loaded sets, by Study Instance UID. */
    public Map<String, MeasurementSet> sets() {
        return annotations.sets();
    }

    /** The set edits apply to: the active view's study, else the last edited, else the first. */
    public MeasurementSet currentSet() {
        return annotations.current();
    }

    // ---------------------------------------------------------------- measurements

    /** Every measurement of the open studies, in display order. */
    public List<Measurement> measurements() {
        return annotations.measurements();
    }

    public Optional<Measurement> find(String id) {
        return annotations.find(id);
    }

    /** Adds a measurement drawn in a view to the set of the view's study, and selects it. */
    public void add(PlaneView view, Measurement m) {
        annotations.setOf(view.studyInstanceUid()).add(m);
        select(m.id());
    }

    /** An edit of a measurement (same id): undoable. */
    public void replace(Measurement m) {
        MeasurementSet s = annotations.holding(m.id());
        if (s != null) {
            s.replace(m);
        }
    }

    public boolean remove(String id) {
        MeasurementSet s = id == null ? null : annotations.holding(id);
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

    /** A short message in the status bar. */
    void status(String text) {
        host.status(text);
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
        PlaneView v = locator.viewFor(m.get());
        if (v == null) {
            host.status("No view shows the series of this measurement (Frame of Reference "
                    + m.get().frameOfReferenceUid() + ")");
            return false;
        }
        v.goTo(MeasurementLocator.anchor(m.get()));
        v.activate();
        return true;
    }

    /** Where the user finds a measurement ("Im 67"), in the view it is best shown in; "" when none shows it. */
    public String planeLabel(Measurement m) {
        return locator.planeLabel(m);
    }

    // ---------------------------------------------------------------- values

    /** The volume a measurement's values are read from: its own series', else one of its frame on screen. */
    public Volume volumeFor(Measurement m) {
        return locator.volumeFor(m);
    }

    /** The numbers of a measurement ({@link Evaluation}), cached. */
    public List<Quantity> evaluate(Measurement m) {
        return values.evaluate(m);
    }

    /** Statistics of a ROI, cached; empty for other measurements or without a volume. */
    public Optional<RoiResult> roiResult(Measurement m) {
        return values.roiResult(m);
    }

    /** Values along a distance line, cached; empty without a volume. */
    public Optional<LineProfile> profile(Measurement m) {
        return values.profile(m);
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

    /** True while the image export snapshots the view: the layers draw no selection then. */
    boolean exporting() {
        return exports.exporting();
    }

    /** Writes the current study's annotations as a Clain JSON document (anywhere the user chose). */
    public void exportJson(Path file) throws IOException {
        exports.exportJson(file);
    }

    /**
     * Adds the annotations of a Clain JSON document to the open study it belongs to (else to the
     * current one); those already there (same id) are skipped. Returns how many were added.
     */
    public int importJson(Path file) throws IOException {
        return exports.importJson(file);
    }

    /** Writes the current study's measurements as a DICOM Comprehensive 3D SR (TID 1500). */
    public void exportSr(Path file) throws IOException {
        exports.exportSr(file);
    }

    /** The active view as shown, annotations burned in (no selection handles), as a PNG file. */
    public void exportPng(Path file) throws IOException {
        exports.exportPng(file);
    }

    /** The measurement table ({@link MeasurementCsv}) of the open studies. */
    public String csv() throws IOException {
        return exports.csv();
    }

    /** Puts the measurement table on the clipboard as CSV. */
    public String copyCsv() throws IOException {
        return exports.copyCsv();
    }

    // ---------------------------------------------------------------- commands

    /** The commands of the File menu (with their shortcuts). */
    public List<MeasureAction> fileActions() {
        return exports.fileActions();
    }

    /** The commands of the Measure menu: a key per tool, undo, redo, delete, rename. */
    public List<MeasureAction> measureActions() {
        return commands.measureActions();
    }

    /** The View menu's toggle of the measurement panel. */
    public List<MeasureAction> viewActions() {
        return commands.viewActions();
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
