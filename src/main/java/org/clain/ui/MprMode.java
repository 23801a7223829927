package org.clain.ui;

import java.util.List;
import java.util.Locale;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.clain.render.MprRenderer;

/**
 * Switches the main window between the 2D viewports and the MPR / 3D workspace of the active
 * viewport's volume: the commands (menu, shortcuts, help sheet) and toolbar buttons that do it.
 */
final class MprMode {
    static final String MPR_COMMAND = "MPR: axial, coronal, sagittal and 3D";
    static final String VOLUME_COMMAND = "3D volume rendering";

    /** The mouse in the MPR and 3D views, for the help sheet. */
    static final List<HelpSheet.Line> MOUSE_HELP = List.of(
            new HelpSheet.Line("MPR", "Move the crosshair", "Drag its centre, or click anywhere in a reformat"),
            new HelpSheet.Line("MPR", "Oblique plane", "Drag a crosshair line (or its dot): the other two planes turn"),
            new HelpSheet.Line("MPR", "Scroll along the normal", "Wheel"),
            new HelpSheet.Line("MPR", "Window / level, zoom, pan", "Right-drag; Ctrl + wheel; middle- or Shift-drag"),
            new HelpSheet.Line("MPR", "Curved MPR", "Curve tool: click points along a vessel, then Show"),
            new HelpSheet.Line("3D", "Rotate", "Left-drag (quick frames while dragging, full quality at rest)"),
            new HelpSheet.Line("3D", "Pan, zoom", "Middle- or Shift-drag; wheel or right-drag"),
            new HelpSheet.Line("3D", "Edit the transfer function",
                    "Drag points; double-click adds; right-click or Delete removes"));

    private final MainWindow window;
    private MprWorkspace workspace;

    MprMode(MainWindow window) {
        this.window = window;
    }

    List<Command> commands() {
        return List.of(
                new Command("View", MPR_COMMAND, new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN),
                        () -> toggle(MprWorkspace.Mode.MPR)),
                new Command("View", VOLUME_COMMAND, new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN,
                        KeyCombination.SHIFT_DOWN), () -> toggle(MprWorkspace.Mode.VOLUME)));
    }

    List<ButtonBase> toolbarButtons() {
        Button mpr = new Button("MPR");
        mpr.setId("btn-mpr");
        mpr.setOnAction(e -> open(MprWorkspace.Mode.MPR));
        mpr.setTooltip(new Tooltip(MPR_COMMAND + "   (" + commands().get(0).keyText() + ")"));
        Button vr = new Button("3D");
        vr.setId("btn-3d");
        vr.setOnAction(e -> open(MprWorkspace.Mode.VOLUME));
        vr.setTooltip(new Tooltip(VOLUME_COMMAND + "   (" + commands().get(1).keyText() + ")"));
        mpr.setFocusTraversable(false);
        vr.setFocusTraversable(false);
        return List.of(mpr, vr);
    }

    private void toggle(MprWorkspace.Mode m) {
        if (workspace != null && workspace.mode() == m) {
            close();
        } else {
            open(m);
        }
    }

    /** Shows the workspace of the active viewport's volume (made when the volume changed). */
    MprWorkspace open(MprWorkspace.Mode m) {
        Viewport vp = window.activeViewport();
        if (vp.volume() == null || vp.isColor()) {
            window.statusLabel().setText(vp.series() == null ? "Open a series first: MPR and 3D need a volume"
                    : vp.isColor() ? "MPR and 3D need a grey volume: this series is colour"
                    : "The series is still loading: MPR and 3D need the whole volume");
            return null;
        }
        if (workspace != null && workspace.volume() != vp.volume()) {
            close();
        }
        if (workspace == null) {
            MprRenderer.Backend b = MprRenderer.Backend.valueOf(System.getProperty("clain.mpr.backend", "auto")
                    .toUpperCase(Locale.ROOT));
            workspace = new MprWorkspace(window.stage(), s -> window.statusLabel().setText(s), vp.series(), vp.volume(),
                    vp.windowCenter(), vp.windowWidth(), b);
            workspace.setOnClose(this::close);
        }
        workspace.setLayers(vp.layers().shown());
        workspace.setMode(m);
        window.showInCentre(workspace);
        return workspace;
    }

    /** After what lies over a viewport's images changed: an open MPR of its volume takes the new layers. */
    void layersChanged(Viewport vp) {
        if (workspace != null && vp.volume() == workspace.volume()) {
            workspace.setLayers(vp.layers().shown());
        }
    }

    /** Back to the 2D viewports; the workspace's threads and renderers are freed. */
    void close() {
        if (workspace != null) {
            workspace.dispose();
            workspace = null;
            window.showInCentre(null);
        }
    }

    MprWorkspace workspace() {
        return workspace;
    }
}
