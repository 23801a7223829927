package org.clain.ui;

import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.clain.study.SrDocument;

/** A Structured Report's content tree to read, an item a line ("CONTAINS NUM Distance = 12.5 mm"), all open. */
final class ReportView {
    private final Stage stage = new Stage();
    private final TreeView<String> tree = new TreeView<>();

    ReportView(Window owner, SrDocument doc, String source) {
        stage.initOwner(owner);
        stage.setTitle((doc.title().isEmpty() ? "Structured report" : doc.title())
                + (doc.status().isEmpty() ? "" : " (" + doc.status() + ")") + " — " + source);
        tree.setId("report-tree");
        tree.setRoot(node(doc.root()));
        Scene scene = new Scene(tree, 760, 720);
        scene.getStylesheets().add(ClainApp.stylesheet());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), stage::hide);
        stage.setScene(scene);
    }

    private static TreeItem<String> node(SrDocument.Item item) {
        TreeItem<String> t = new TreeItem<>(item.line());
        t.setExpanded(true);
        for (SrDocument.Item c : item.children()) {
            t.getChildren().add(node(c));
        }
        return t;
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    TreeView<String> tree() {
        return tree;
    }
}
