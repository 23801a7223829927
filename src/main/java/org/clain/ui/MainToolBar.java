package org.clain.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import org.clain.ui.measure.MeasureController;

/**
 * The main window's toolbar: the mouse tools (which share their group with the drawing tools of
 * the measurement panel), window presets, layouts, view commands, cine, sync and reference lines,
 * MPR / 3D, tags and help. Every button runs a command of the {@link CommandTable}.
 */
final class MainToolBar {
    private final ToolBar tools = new ToolBar();
    private final ToggleGroup toolGroup = new ToggleGroup();
    private final ToggleGroup layoutGroup = new ToggleGroup();
    private final Map<Viewport.Tool, ToggleButton> toolButtons = new LinkedHashMap<>();
    private final Map<Layout, ToggleButton> layoutButtons = new LinkedHashMap<>();

    MainToolBar(MainWindow window, CommandTable commands, MeasureController measure, Cine cine,
                BooleanProperty syncScroll, BooleanProperty referenceLines, List<ButtonBase> mprButtons) {
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
            b.setOnAction(e -> window.setTool(t));
            toolButtons.put(t, b);
            tools.getItems().add(commands.tip(b, commandText(commands, t)));
        }
        toolButtons.get(Viewport.Tool.SCROLL).setSelected(true);
        tools.getItems().add(new Separator());
        // the drawing tools share the tool group; their buttons sit atop the measurement panel
        measure.toolButtons(toolGroup);
        MenuButton presets = new MenuButton("Window");
        presets.setId("presets");
        for (Command c : commands.all()) {
            if (c.menu().equals("Window")) {
                MenuItem mi = new MenuItem(c.text() + "    " + c.keyText());
                mi.setOnAction(e -> commands.run(c));
                presets.getItems().add(mi);
            }
        }
        tools.getItems().add(presets);
        tools.getItems().add(new Separator());
        for (Layout l : Layout.values()) {
            ToggleButton b = new ToggleButton(l.label());
            b.setToggleGroup(layoutGroup);
            b.setId("layout-" + l.label());
            b.setOnAction(e -> window.setLayout(l));
            layoutButtons.put(l, b);
            tools.getItems().add(commands.tip(b, "Layout " + l.label()));
        }
        tools.getItems().add(new Separator());
        tools.getItems().add(commands.button("Fit", "Fit to viewport"));
        tools.getItems().add(commands.button("1:1", "Actual pixels (1:1)"));
        tools.getItems().add(commands.button("⟳", "Rotate 90° clockwise"));
        tools.getItems().add(commands.button("⇆", "Flip horizontally"));
        tools.getItems().add(commands.button("⇅", "Flip vertically"));
        tools.getItems().add(commands.button("Inv", "Invert"));
        tools.getItems().add(commands.button("Reset", "Reset view"));
        tools.getItems().add(new Separator());
        tools.getItems().add(commands.tip(cine.button(), "Cine play / pause"));
        Label fps = new Label("fps");
        tools.getItems().addAll(cine.fpsSpinner(), fps);
        tools.getItems().add(new Separator());
        ToggleButton sync = new ToggleButton("Sync");
        sync.setId("sync");
        sync.selectedProperty().bindBidirectional(syncScroll);
        ToggleButton ref = new ToggleButton("Ref lines");
        ref.setId("reflines");
        ref.selectedProperty().bindBidirectional(referenceLines);
        tools.getItems().addAll(commands.tip(sync, "Synchronised scrolling"),
                commands.tip(ref, "Reference lines"));
        tools.getItems().add(new Separator());
        tools.getItems().addAll(mprButtons);
        tools.getItems().add(new Separator());
        tools.getItems().add(commands.button("Tags", "DICOM tags…"));
        tools.getItems().add(commands.button("?", "Keyboard and mouse…"));
        for (Node n : tools.getItems()) {
            n.setFocusTraversable(false);
        }
    }

    ToolBar node() {
        return tools;
    }

    /** The mouse tool selected (scroll while a drawing tool is). */
    Viewport.Tool selectedTool() {
        for (Map.Entry<Viewport.Tool, ToggleButton> e : toolButtons.entrySet()) {
            if (e.getValue().isSelected()) {
                return e.getKey();
            }
        }
        return Viewport.Tool.SCROLL;
    }

    void select(Viewport.Tool t) {
        toolButtons.get(t).setSelected(true);
    }

    void select(Layout l) {
        layoutButtons.get(l).setSelected(true);
    }

    /** The Tools menu's text of a mouse tool, for its tooltip. */
    private static String commandText(CommandTable commands, Viewport.Tool t) {
        String prefix = switch (t) {
            case SCROLL -> "Scroll";
            case WINDOW -> "Window";
            case PAN -> "Pan";
            case ZOOM -> "Zoom";
        };
        return commands.all().stream().filter(c -> c.menu().equals("Tools") && c.text().startsWith(prefix))
                .findFirst().map(Command::text).orElse(prefix);
    }
}
