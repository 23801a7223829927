package org.clain.ui;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.clain.study.Skipped;

/** The files that could not be read or shown, each with its reason. Never modal. */
public final class ProblemsDialog {
    private final Stage stage = new Stage();
    private final TableView<Skipped> table = new TableView<>();
    private final Label summary = new Label();

    public ProblemsDialog(Window owner) {
        stage.initOwner(owner);
        stage.setTitle("Files that could not be read");
        table.setId("problems-table");
        TableColumn<Skipped, String> file = new TableColumn<>("File");
        file.setPrefWidth(380);
        file.setCellValueFactory(p -> new ReadOnlyStringWrapper(p.getValue().path().toString()));
        TableColumn<Skipped, String> reason = new TableColumn<>("Reason");
        reason.setPrefWidth(520);
        reason.setCellValueFactory(p -> new ReadOnlyStringWrapper(reasonOnly(p.getValue())));
        table.getColumns().add(file);
        table.getColumns().add(reason);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Every file was read."));
        summary.setPadding(new Insets(8));
        summary.setId("problems-summary");
        BorderPane root = new BorderPane(table);
        root.setTop(summary);
        Scene scene = new Scene(root, 940, 420);
        scene.getStylesheets().add(ClainApp.stylesheet());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), stage::hide);
        stage.setScene(scene);
    }

    /** The reason without the path the engine puts in front of it (the path has its own column). */
    static String reasonOnly(Skipped s) {
        String r = s.reason() == null ? "" : s.reason();
        String p = s.path().toString();
        if (r.startsWith(p)) {
            r = r.substring(p.length()).replaceFirst("^[:\\s]+", "");
        }
        return r;
    }

    public void show(List<Skipped> problems) {
        table.getItems().setAll(problems);
        summary.setText(problems.size() + (problems.size() == 1 ? " file" : " files")
                + " could not be read or shown. The other files were opened.");
        stage.show();
        stage.toFront();
    }

    public void update(List<Skipped> problems) {
        if (stage.isShowing()) {
            show(problems);
        }
    }

    public boolean isShowing() {
        return stage.isShowing();
    }

    public TableView<Skipped> table() {
        return table;
    }

    public Stage stage() {
        return stage;
    }
}
