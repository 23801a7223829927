package org.clain.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import org.clain.geom.Vec3;
import org.clain.render.ClipBox;
import org.clain.render.HuHistogram;
import org.clain.render.Plane;
import org.clain.render.Presets;
import org.clain.render.RenderMode;
import org.clain.render.RenderParams;
import org.clain.render.Shading;
import org.clain.render.StandardView;
import org.clain.render.TransferFunction;
import org.clain.render.VolumeRenderer;
import org.clain.study.Volume;
import org.controlsfx.control.RangeSlider;

/**
 * The 3D view's controls: renderer, preset chooser (built-in and the user's), mode and iso
 * threshold, the transfer function editor over the volume's histogram with save and load of user
 * presets (JSON in the user's configuration folder, the format of the built-in presets), standard
 * views and the clip box.
 */
public final class VolumePanel extends VBox {
    /** User presets are kept here, in {@link UserConfig#folder()}. */
    public static final String USER_PRESETS = "render-presets.json";

    private static final System.Logger LOG = System.getLogger("clain.ui");
    /** Appended to the preset's name once its transfer function is edited. */
    static final String EDITED = " (edited)";

    private final MprWorkspace ws;
    private final VolumeView view;
    private final ComboBox<Presets.Preset> presets = new ComboBox<>();
    private final ComboBox<RenderMode> mode = new ComboBox<>();
    private final ComboBox<String> backend = new ComboBox<>();
    private final Slider iso = new Slider(-1000, 3000, 300);
    private final Label isoLabel = new Label();
    private final TransferFunctionEditor editor = new TransferFunctionEditor();
    private final ColorPicker colour = new ColorPicker(Color.WHITE);
    private final CheckBox shading = new CheckBox("Shading");
    private final CheckBox cursor = new CheckBox("3D cursor (crosshair centre)");
    private final RangeSlider[] clip = new RangeSlider[3];
    private final List<Presets.Preset> userPresets = new ArrayList<>();
    private boolean updating;

    VolumePanel(MprWorkspace ws, VolumeView view) {
        this.ws = ws;
        this.view = view;
        setId("volume-panel");
        getStyleClass().add("volume-panel");
        setSpacing(6);
        setPadding(new Insets(8));
        setFillWidth(true);

        backend.getItems().addAll("GPU (CPU fallback)", "CPU");
        backend.setValue(view.preference() == VolumeRenderer.Preference.CPU ? "CPU" : "GPU (CPU fallback)");
        backend.setId("vr-backend");
        backend.valueProperty().addListener((o, a, b) -> view.setPreference("CPU".equals(b)
                ? VolumeRenderer.Preference.CPU : VolumeRenderer.Preference.GPU));
        backend.setMaxWidth(Double.MAX_VALUE);

        presets.setId("vr-preset");
        presets.setMaxWidth(Double.MAX_VALUE);
        presets.setCellFactory(l -> new PresetCell());
        presets.setButtonCell(new PresetCell());
        presets.getItems().addAll(Presets.builtIn());
        loadUserPresets();
        presets.valueProperty().addListener((o, a, b) -> {
            if (b != null && !updating) {
                choosePreset(b);
            }
        });

        mode.getItems().addAll(RenderMode.values());
        mode.setId("vr-mode");
        mode.setMaxWidth(Double.MAX_VALUE);
        mode.valueProperty().addListener((o, a, b) -> {
            if (b != null && !updating) {
                view.setParams(view.params().withMode(b), false);
                showIso();
            }
        });
        iso.setId("vr-iso");
        iso.setShowTickMarks(false);
        iso.valueProperty().addListener((o, a, b) -> {
            isoLabel.setText(String.format(Locale.ROOT, "Iso %d HU", Math.round(b.doubleValue())));
            if (!updating) {
                view.setParams(view.params().withIso(Math.round(b.doubleValue()), view.params().isoColor()),
                        iso.isValueChanging());
            }
        });
        iso.valueChangingProperty().addListener((o, a, b) -> {
            if (!b) {
                view.requestRender(false);
            }
        });

        editor.setOnChange((tf, live) -> {
            view.setParams(view.params().withTransferFunction(tf), live);
            if (!view.presetName().endsWith(EDITED)) {
                view.setPresetName(view.presetName() + EDITED);
            }
        });
        editor.setOnSelect(() -> {
            TransferFunction.Point p = editor.selectedPoint();
            colour.setDisable(p == null);
            if (p != null) {
                updating = true;
                colour.setValue(Color.color(p.r(), p.g(), p.b()));
                updating = false;
            }
        });
        colour.setId("tf-colour");
        colour.setDisable(true);
        colour.setOnAction(e -> {
            if (!updating) {
                editor.setSelectedColour(colour.getValue());
            }
        });
        colour.setMaxWidth(Double.MAX_VALUE);
        Button delete = new Button("Remove point");
        delete.setId("tf-remove");
        delete.setOnAction(e -> editor.removePoint(editor.selectedIndex()));
        Button save = new Button("Save preset…");
        save.setId("tf-save");
        save.setOnAction(e -> askAndSave());
        Button load = new Button("Load…");
        load.setId("tf-load");
        load.setOnAction(e -> chooseAndLoad());
        HBox tfButtons = new HBox(4, colour, delete);
        HBox.setHgrow(colour, Priority.ALWAYS);
        HBox fileButtons = new HBox(4, save, load);

        shading.setId("vr-shading");
        shading.selectedProperty().addListener((o, a, b) -> {
            if (!updating) {
                Shading s = view.params().shading();
                view.setParams(view.params().withShading(new Shading(b, s.ambient(), s.diffuse(), s.specular(),
                        s.shininess())), false);
            }
        });
        cursor.setId("vr-cursor");
        cursor.setSelected(view.showCursor());
        cursor.selectedProperty().addListener((o, a, b) -> view.setShowCursor(b));

        GridPane views = new GridPane();
        views.setHgap(3);
        views.setVgap(3);
        StandardView[] order = {StandardView.ANTERIOR, StandardView.POSTERIOR, StandardView.LEFT, StandardView.RIGHT,
            StandardView.HEAD, StandardView.FEET};
        String[] labels = {"Anterior", "Posterior", "Left", "Right", "Head", "Feet"};
        for (int i = 0; i < order.length; i++) {
            StandardView sv = order[i];
            Button b = new Button(labels[i]);
            b.setId("vr-view-" + sv.name().toLowerCase(Locale.ROOT));
            b.setMaxWidth(Double.MAX_VALUE);
            b.setOnAction(e -> view.setStandardView(sv));
            b.setTooltip(new Tooltip("Look at the patient from the " + labels[i].toLowerCase(Locale.ROOT)));
            views.add(b, i % 3, i / 3);
            GridPane.setHgrow(b, Priority.ALWAYS);
        }
        Button reset = new Button("Reset view");
        reset.setId("vr-reset");
        reset.setMaxWidth(Double.MAX_VALUE);
        reset.setOnAction(e -> view.resetCamera());
        views.add(reset, 0, 2, 3, 1);

        VBox clipBox = new VBox(2);
        Volume v = ws.volume();
        int[] n = {v.nx(), v.ny(), v.nz()};
        for (int a = 0; a < 3; a++) {
            Vec3 dir = v.voxelToPatient().column(a);
            RangeSlider rs = new RangeSlider(0, n[a] - 1, 0, n[a] - 1);
            rs.setId("vr-clip-" + "xyz".charAt(a));
            rs.setMaxWidth(Double.MAX_VALUE);
            rs.lowValueProperty().addListener((o, x, y) -> clipChanged(rs.isLowValueChanging()));
            rs.highValueProperty().addListener((o, x, y) -> clipChanged(rs.isHighValueChanging()));
            rs.lowValueChangingProperty().addListener((o, x, y) -> clipChanged(y));
            rs.highValueChangingProperty().addListener((o, x, y) -> clipChanged(y));
            clip[a] = rs;
            Label l = new Label(Plane.orientationLetters(dir.times(-1)) + " – " + Plane.orientationLetters(dir));
            l.setMinWidth(44);
            HBox row = new HBox(6, l, rs);
            HBox.setHgrow(rs, Priority.ALWAYS);
            clipBox.getChildren().add(row);
        }

        getChildren().addAll(section("Renderer"), backend, section("Preset"), presets, section("Mode"), mode, isoLabel,
                iso, section("Transfer function (drag points; double-click adds; right-click removes)"), editor,
                tfButtons, fileButtons, shading, section("Views"), views, cursor, section("Clip box"), clipBox);
        showParams();
        // the histogram is computed once, off the FX thread
        Thread t = new Thread(() -> {
            HuHistogram h = HuHistogram.of(v, 256);
            javafx.application.Platform.runLater(() -> editor.setHistogram(h));
        }, "clain-histogram");
        t.setDaemon(true);
        t.start();
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("panel-section");
        l.setWrapText(true);
        l.setStyle("-fx-font-weight: bold; -fx-padding: 6 0 0 0;");
        return l;
    }

    /** Shows the view's parameters in the controls (no render). */
    void showParams() {
        updating = true;
        try {
            RenderParams p = view.params();
            mode.setValue(p.mode());
            iso.setValue(p.isoValue());
            isoLabel.setText(String.format(Locale.ROOT, "Iso %d HU", Math.round(p.isoValue())));
            shading.setSelected(p.shading().enabled());
            editor.setFunction(p.transferFunction());
            presets.getItems().stream().filter(x -> x.name().equals(view.presetName())).findFirst()
                    .ifPresent(presets::setValue);
            showIso();
        } finally {
            updating = false;
        }
    }

    private void showIso() {
        boolean on = mode.getValue() == RenderMode.ISO;
        iso.setVisible(on);
        iso.setManaged(on);
        isoLabel.setVisible(on);
        isoLabel.setManaged(on);
    }

    /** Applies a preset to the view and shows it in the controls. */
    public void choosePreset(Presets.Preset p) {
        view.applyPreset(p);
        showParams();
    }

    /** Chooses a preset by id or name among the built-in and user presets. */
    public boolean choosePreset(String idOrName) {
        for (Presets.Preset p : presets.getItems()) {
            if (p.id().equalsIgnoreCase(idOrName) || p.name().equalsIgnoreCase(idOrName)) {
                if (presets.getValue() == p) {
                    choosePreset(p);
                } else {
                    presets.setValue(p); // the listener applies it
                }
                return true;
            }
        }
        return false;
    }

    public TransferFunctionEditor editor() {
        return editor;
    }

    public List<Presets.Preset> presetChoices() {
        return List.copyOf(presets.getItems());
    }

    private void clipChanged(boolean live) {
        if (updating) {
            return;
        }
        Volume v = ws.volume();
        int[] n = {v.nx(), v.ny(), v.nz()};
        boolean full = true;
        for (int a = 0; a < 3; a++) {
            full &= clip[a].getLowValue() <= 0 && clip[a].getHighValue() >= n[a] - 1;
        }
        ClipBox box = full ? null : ClipBox.voxels(new Vec3(clip[0].getLowValue(), clip[1].getLowValue(),
                clip[2].getLowValue()), new Vec3(clip[0].getHighValue(), clip[1].getHighValue(), clip[2].getHighValue()));
        view.setParams(view.params().withClipBox(box), live);
    }

    /** Sets the clip box in voxel indices along the volume's x, y and z (for tests and scripts). */
    public void setClip(int axis, double low, double high) {
        clip[axis].setHighValue(high);
        clip[axis].setLowValue(low);
        clipChanged(false);
    }

    // ---------------------------------------------------------------- user presets

    static Path userPresetsFile() {
        return UserConfig.folder().resolve(USER_PRESETS);
    }

    private void loadUserPresets() {
        Path f = userPresetsFile();
        if (!Files.isRegularFile(f)) {
            return;
        }
        try {
            userPresets.addAll(Presets.read(f));
            presets.getItems().addAll(userPresets);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring unreadable user presets " + f + ": " + e.getMessage());
            ws.status("User presets not read: " + f + ": " + e.getMessage());
        }
    }

    private void askAndSave() {
        TextInputDialog d = new TextInputDialog(view.presetName().replace(EDITED, "") + " (mine)");
        d.initOwner(ws.owner());
        d.setTitle("Save the 3D preset");
        d.setHeaderText("Name of the preset (kept in " + userPresetsFile() + ")");
        Optional<String> name = d.showAndWait();
        name.filter(s -> !s.isBlank()).ifPresent(this::saveUserPreset);
    }

    /**
     * Saves the current mode, transfer function, shading and iso as a user preset (replacing one of
     * the same name) into {@link #userPresetsFile()}, and selects it.
     */
    public Presets.Preset saveUserPreset(String name) {
        RenderParams p = view.params();
        name = name.endsWith(EDITED) ? name.substring(0, name.length() - EDITED.length()) : name;
        String id = "user-" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        Presets.Preset preset = new Presets.Preset(id, name, ws.volume().modality(), p.mode(), p.transferFunction(),
                p.shading(), p.mode() == RenderMode.ISO ? p.isoValue() : null,
                p.mode() == RenderMode.ISO ? p.isoColor() : null);
        userPresets.removeIf(x -> x.id().equals(id));
        userPresets.add(preset);
        try {
            Presets.write(userPresets, userPresetsFile());
            ws.status("Preset \"" + name + "\" saved to " + userPresetsFile());
        } catch (IOException e) {
            ws.status("Preset not saved: " + userPresetsFile() + ": " + e.getMessage());
        }
        updating = true;
        presets.getItems().removeIf(x -> x.id().equals(id));
        presets.getItems().add(preset);
        presets.setValue(preset);
        updating = false;
        view.setPresetName(name);
        return preset;
    }

    private void chooseAndLoad() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Load 3D presets (JSON)");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Presets (JSON)", "*.json"));
        Path dir = UserConfig.folder();
        if (Files.isDirectory(dir)) {
            fc.setInitialDirectory(dir.toFile());
        }
        var f = fc.showOpenDialog(ws.owner());
        if (f != null) {
            loadPresets(f.toPath());
        }
    }

    /** Adds the presets of a file (presets.json format) to the chooser and applies the first. */
    public List<Presets.Preset> loadPresets(Path file) {
        try {
            List<Presets.Preset> list = Presets.read(file);
            for (Presets.Preset p : list) {
                presets.getItems().removeIf(x -> x.id().equals(p.id()));
                presets.getItems().add(p);
            }
            if (!list.isEmpty()) {
                presets.setValue(list.get(0));
            }
            ws.status(list.size() + " preset(s) loaded from " + file);
            return list;
        } catch (IOException | RuntimeException e) {
            ws.status("Presets not loaded: " + file + ": " + e.getMessage());
            return List.of();
        }
    }

    private static final class PresetCell extends ListCell<Presets.Preset> {
        @Override
        protected void updateItem(Presets.Preset p, boolean empty) {
            super.updateItem(p, empty);
            setText(empty || p == null ? null : p.name() + (p.id().startsWith("user-") ? "  (mine)" : ""));
        }
    }
}
