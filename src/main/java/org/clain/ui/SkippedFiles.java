package org.clain.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.stage.Stage;
import org.clain.study.Skipped;

/**
 * The files that could not be read: those the scan skipped and the series that failed to decode,
 * each with its reason. Their count is shown in the status bar, the list in a dialog kept up to date.
 */
final class SkippedFiles {
    private final Stage owner;
    private final StatusBar statusBar;
    private final List<Skipped> problems = new ArrayList<>();
    private ProblemsDialog dialog;

    SkippedFiles(Stage owner, StatusBar statusBar) {
        this.owner = owner;
        this.statusBar = statusBar;
    }

    List<Skipped> list() {
        return Collections.unmodifiableList(problems);
    }

    /** Those of a new index in place of the old ones. */
    void replace(List<Skipped> skipped) {
        problems.clear();
        problems.addAll(skipped);
        update();
    }

    void add(Skipped s) {
        problems.add(s);
        update();
    }

    private void update() {
        statusBar.setProblems(problems.size());
        if (dialog != null) {
            dialog.update(problems);
        }
    }

    void show() {
        if (dialog == null) {
            dialog = new ProblemsDialog(owner);
        }
        dialog.show(problems);
    }

    ProblemsDialog dialog() {
        return dialog;
    }
}
