package org.clain.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.clain.ui.measure.MeasureAction;

/**
 * The main window's {@link Command}s and what is built from them: the menu bar, buttons and
 * tooltips that name their shortcut, and the image navigation keys that work wherever the focus
 * is. A command that fails is logged and reported in the status bar.
 */
final class CommandTable {
    private static final System.Logger LOG = System.getLogger("clain.ui");
    private static final List<String> MENUS = List.of("File", "Image", "Window", "Tools", "Measure", "View", "Help");

    private final List<Command> commands = new ArrayList<>();
    private final StatusBar statusBar;

    CommandTable(StatusBar statusBar) {
        this.statusBar = statusBar;
    }

    static KeyCombination key(KeyCode code, KeyCombination.Modifier... modifiers) {
        return new KeyCodeCombination(code, modifiers);
    }

    void add(String menu, String text, KeyCombination key, Runnable action) {
        commands.add(new Command(menu, text, key, action));
    }

    void add(Command c) {
        commands.add(c);
    }

    void add(MeasureAction a) {
        commands.add(new Command(a.menu(), a.text(), a.key(), a.action(), a.toggle()));
    }

    List<Command> all() {
        return Collections.unmodifiableList(commands);
    }

    /** The command with this menu text. */
    Command command(String text) {
        return commands.stream().filter(c -> c.text().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no command " + text));
    }

    void run(Command c) {
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

    /** The menus, in the order of the commands; the recent studies follow "Open DICOMDIR…". */
    MenuBar menuBar(Menu recentMenu) {
        MenuBar menus = new MenuBar();
        Map<String, Menu> byName = new LinkedHashMap<>();
        for (String m : MENUS) {
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
            if (startsGroup(c.text())) {
                m.getItems().add(new SeparatorMenuItem());
            }
            m.getItems().add(item);
            if (c.text().equals("Open DICOMDIR…")) {
                m.getItems().add(recentMenu);
            }
        }
        return menus;
    }

    /** Commands that a separator sets apart from those above them in their menu. */
    private static boolean startsGroup(String text) {
        return text.equals("Quit") || text.equals("Zoom in") || text.equals("Rotate 90° clockwise")
                || text.startsWith("DICOM window") || text.startsWith("Cine play")
                || text.equals("Next viewport") || text.equals("Full screen")
                || text.startsWith("DICOM tags") || text.startsWith("Export annotations")
                || text.equals("Undo") || text.equals("Measurements panel");
    }

    /** Image navigation keys go to the active viewport even when the browser has the focus. */
    void sendNavigationKeys(Scene scene) {
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
    }

    private static boolean isNavigation(KeyCombination k) {
        if (k instanceof KeyCodeCombination kc) {
            KeyCode c = kc.getCode();
            return c == KeyCode.UP || c == KeyCode.DOWN || c == KeyCode.PAGE_UP || c == KeyCode.PAGE_DOWN
                    || c == KeyCode.HOME || c == KeyCode.END;
        }
        return false;
    }

    /** A toolbar button that runs a command. */
    ButtonBase button(String label, String commandText) {
        Command c = command(commandText);
        Button b = new Button(label);
        b.setOnAction(e -> run(c));
        b.setId("btn-" + commandText.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT));
        return tip(b, commandText);
    }

    /** A tooltip with the command's text and shortcut. */
    <T extends ButtonBase> T tip(T b, String commandText) {
        Command c = commands.stream().filter(x -> x.text().equals(commandText)).findFirst().orElse(null);
        String key = c == null ? "" : c.keyText();
        b.setTooltip(new Tooltip(commandText + (key.isEmpty() ? "" : "   (" + key + ")")));
        b.setFocusTraversable(false);
        return b;
    }
}
