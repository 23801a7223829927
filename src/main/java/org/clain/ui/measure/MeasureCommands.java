package org.clain.ui.measure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * How the user reaches the measurement tools: a key and a button for each tool (the buttons kept
 * in step with the drawing tool, whichever way it was chosen), and the commands of the Measure
 * and View menus.
 */
final class MeasureCommands {
    private final MeasureController ctl;
    private final Map<MeasureTool, ToggleButton> buttons = new LinkedHashMap<>();

    MeasureCommands(MeasureController ctl) {
        this.ctl = ctl;
    }

    /** Keys of the tools (the toolbar's tooltips show them). */
    static Map<MeasureTool, KeyCombination> toolKeys() {
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

    /**
     * Buttons for the tools, in the window's tool group (choosing one of them chooses the drawing
     * tool, choosing another button of the group, such as scroll or pan, puts the drawing tool away),
     * shown in a tool strip atop the measurement panel.
     */
    List<ToggleButton> toolButtons(ToggleGroup group) {
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
        ctl.panel().setToolButtons(out);
        group.selectedToggleProperty().addListener((o, a, b) -> {
            MeasureTool t = toolOf(b);
            if (t != ctl.tool()) {
                ctl.setTool(t);
            }
        });
        return out;
    }

    private static MeasureTool toolOf(Toggle t) {
        return t != null && t.getUserData() instanceof MeasureTool m ? m : null;
    }

    /** The drawing tool is now {@code t} (null: none): its button shows it. */
    void toolChosen(MeasureTool t) {
        if (t != null && buttons.containsKey(t) && !buttons.get(t).isSelected()) {
            buttons.get(t).setSelected(true);
        }
        if (t == null) {
            buttons.values().forEach(x -> x.setSelected(false));
        }
    }

    List<MeasureAction> measureActions() {
        List<MeasureAction> a = new ArrayList<>();
        for (Map.Entry<MeasureTool, KeyCombination> e : toolKeys().entrySet()) {
            MeasureTool t = e.getKey();
            a.add(new MeasureAction("Measure", t.title(), e.getValue(), () -> ctl.setTool(t)));
        }
        a.add(new MeasureAction("Measure", "Undo", new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN),
                () -> {
                    if (!ctl.undo()) {
                        ctl.host().status("Nothing to undo");
                    }
                }));
        a.add(new MeasureAction("Measure", "Redo", new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN),
                () -> {
                    if (!ctl.redo()) {
                        ctl.host().status("Nothing to redo");
                    }
                }));
        a.add(new MeasureAction("Measure", "Delete the selected measurement", new KeyCodeCombination(KeyCode.DELETE),
                ctl::deleteSelected));
        a.add(new MeasureAction("Measure", "Rename the selected measurement…", new KeyCodeCombination(KeyCode.F2),
                ctl::renameSelected));
        return a;
    }

    List<MeasureAction> viewActions() {
        return List.of(new MeasureAction("View", "Measurements panel",
                new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), () -> { }, ctl.panelVisibleProperty()));
    }
}
