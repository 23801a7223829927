package org.clain.ui;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Every command with its shortcut, and the mouse gestures, in one table (F1). */
public final class HelpSheet {
    record Line(String group, String what, String how) {
    }

    private static final List<Line> MOUSE = List.of(
            new Line("Mouse", "Scroll images", "Wheel, or left-drag up/down with the Scroll tool"),
            new Line("Mouse", "Window / level", "Right-drag: left/right = width, up/down = level"),
            new Line("Mouse", "Zoom at the pointer", "Ctrl + wheel, or left-drag with the Zoom tool"),
            new Line("Mouse", "Pan", "Middle-drag, or left-drag with the Pan tool"),
            new Line("Mouse", "Show a series", "Double-click it in the browser, or drop files / folders on the window"),
            new Line("Mouse", "Make a viewport active", "Click it"));

    private final Stage stage = new Stage();
    private final TableView<Line> table = new TableView<>();

    public HelpSheet(Window owner, List<Command> commands) {
        stage.initOwner(owner);
        stage.setTitle("Clain — keyboard and mouse");
        table.setId("help-table");
        TableColumn<Line, String> g = new TableColumn<>("Menu");
        g.setCellValueFactory(p -> new ReadOnlyStringWrapper(p.getValue().group()));
        g.setPrefWidth(90);
        TableColumn<Line, String> w = new TableColumn<>("Command");
        w.setCellValueFactory(p -> new ReadOnlyStringWrapper(p.getValue().what()));
        w.setPrefWidth(230);
        TableColumn<Line, String> h = new TableColumn<>("Shortcut");
        h.setCellValueFactory(p -> new ReadOnlyStringWrapper(p.getValue().how()));
        h.setPrefWidth(330);
        table.getColumns().add(g);
        table.getColumns().add(w);
        table.getColumns().add(h);
        for (Command c : commands) {
            if (c.key() != null) {
                table.getItems().add(new Line(c.menu(), c.text(), c.keyText()));
            }
        }
        table.getItems().addAll(MOUSE);
        Scene scene = new Scene(table, 680, 720);
        scene.getStylesheets().add(ClainApp.stylesheet());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), stage::hide);
        stage.setScene(scene);
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    public TableView<Line> table() {
        return table;
    }
}
