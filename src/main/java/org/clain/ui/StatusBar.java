package org.clain.ui;

import javafx.concurrent.Task;
import javafx.concurrent.Worker;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The bottom of the main window: a status line, the count of files not read (a button that opens
 * their list), and the progress of the background task it tracks, with a button to cancel it.
 */
final class StatusBar {
    private final Label status = new Label("Ready");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label count = new Label();
    private final Button cancel = new Button("Cancel");
    private final Button problemsButton = new Button();
    private final HBox node;
    private Task<?> tracked;

    StatusBar(Runnable cancelWork, Runnable showProblems) {
        progress.setPrefWidth(220);
        progress.setVisible(false);
        cancel.setId("cancel");
        cancel.setVisible(false);
        cancel.setFocusTraversable(false);
        cancel.setOnAction(e -> cancelWork.run());
        problemsButton.setId("problems");
        problemsButton.getStyleClass().add("warning");
        problemsButton.setVisible(false);
        problemsButton.setManaged(false);
        problemsButton.setFocusTraversable(false);
        problemsButton.setOnAction(e -> showProblems.run());
        status.setId("status");
        count.setId("count");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        node = new HBox(10, status, spacer, problemsButton, count, progress, cancel);
        node.setAlignment(Pos.CENTER_LEFT);
        node.setPadding(new Insets(3, 8, 3, 8));
        node.getStyleClass().add("status-bar");
    }

    HBox node() {
        return node;
    }

    Label label() {
        return status;
    }

    void setText(String text) {
        status.setText(text);
    }

    /** The button that says how many files could not be read (hidden when none). */
    void setProblems(int files) {
        problemsButton.setText("⚠ " + files + (files == 1 ? " file" : " files") + " not read");
        problemsButton.setVisible(files > 0);
        problemsButton.setManaged(files > 0);
    }

    /** The task whose progress is shown (null when none). */
    Task<?> tracked() {
        return tracked;
    }

    /** Shows progress, a count and a cancel button for a background task. */
    void track(Task<?> task) {
        tracked = task;
        progress.progressProperty().unbind();
        progress.progressProperty().bind(task.progressProperty());
        count.textProperty().unbind();
        count.textProperty().bind(task.messageProperty());
        status.textProperty().unbind();
        status.setText(task.getTitle());
        task.titleProperty().addListener((o, a, b) -> {
            if (tracked == task) {
                status.setText(b);
            }
        });
        progress.setVisible(true);
        cancel.setVisible(true);
        task.stateProperty().addListener((o, a, b) -> {
            if (tracked == task && (b == Worker.State.SUCCEEDED || b == Worker.State.FAILED
                    || b == Worker.State.CANCELLED)) {
                progress.progressProperty().unbind();
                progress.setVisible(false);
                cancel.setVisible(false);
                count.textProperty().unbind();
                count.setText("");
                tracked = null;
            }
        });
    }
}
