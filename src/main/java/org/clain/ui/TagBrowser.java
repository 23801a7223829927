package org.clain.ui;

import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.clain.dicom.Attributes;
import org.clain.dicom.DicomFile;
import org.clain.dicom.Dictionary;
import org.clain.dicom.Element;
import org.clain.dicom.TagText;

/**
 * The DICOM header of the image shown: every element with its tag, VR, keyword and value;
 * sequences as nested items. The search box takes a tag ("(0010,0010)", "00100010") or text
 * matched against keywords and values; the tree then keeps only the matches (and the sequence
 * items that hold them).
 */
public final class TagBrowser {
    /** One row: an element of a dataset, or a sequence item, or the file meta group. */
    public record Row(String tag, String vr, String keyword, String value, boolean match) {
    }

    private final Stage stage = new Stage();
    private final TreeTableView<Row> table = new TreeTableView<>();
    private final TextField search = new TextField();
    private final Label hits = new Label();
    private DicomFile file;
    private int hitCount;

    public TagBrowser(Window owner) {
        stage.initOwner(owner);
        stage.setTitle("DICOM tags");
        table.setId("tag-table");
        table.setShowRoot(false);
        table.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("Tag", 150, Row::tag));
        table.getColumns().add(column("VR", 44, Row::vr));
        table.getColumns().add(column("Keyword", 230, Row::keyword));
        table.getColumns().add(column("Value", 420, Row::value));
        table.setRowFactory(tv -> new javafx.scene.control.TreeTableRow<>() {
            @Override
            protected void updateItem(Row item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("tag-hit");
                if (!empty && item != null && item.match()) {
                    getStyleClass().add("tag-hit");
                }
            }
        });
        search.setId("tag-search");
        search.setPromptText("Search: (0010,0010), 00100010 or a keyword / value");
        search.textProperty().addListener((o, a, b) -> rebuild());
        hits.setId("tag-hits");
        HBox top = new HBox(8, new Label("Find"), search, hits);
        HBox.setHgrow(search, Priority.ALWAYS);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(8));
        BorderPane root = new BorderPane(table);
        root.setTop(top);
        root.getStyleClass().add("tag-browser");
        Scene scene = new Scene(root, 920, 640);
        scene.getStylesheets().add(ClainApp.stylesheet());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), stage::hide);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN),
                search::requestFocus);
        stage.setScene(scene);
    }

    private static TreeTableColumn<Row, String> column(String name, double width,
                                                       java.util.function.Function<Row, String> f) {
        TreeTableColumn<Row, String> c = new TreeTableColumn<>(name);
        c.setPrefWidth(width);
        c.setCellValueFactory(p -> new ReadOnlyStringWrapper(p.getValue().getValue() == null ? ""
                : f.apply(p.getValue().getValue())));
        return c;
    }

    public void show(DicomFile f) {
        this.file = f;
        stage.setTitle("DICOM tags — " + f.path().getFileName());
        rebuild();
        stage.show();
        stage.toFront();
    }

    /** Follows the image shown, when open. */
    public void follow(DicomFile f) {
        if (stage.isShowing() && f != null && f != file) {
            file = f;
            stage.setTitle("DICOM tags — " + f.path().getFileName());
            rebuild();
        }
    }

    public boolean isShowing() {
        return stage.isShowing();
    }

    public Stage stage() {
        return stage;
    }

    public TextField searchField() {
        return search;
    }

    public TreeTableView<Row> table() {
        return table;
    }

    /** Elements matching the current search (0 when the search box is empty). */
    public int hitCount() {
        return hitCount;
    }

    private void rebuild() {
        if (file == null) {
            return;
        }
        String q = search.getText();
        boolean filtering = q != null && !q.isBlank();
        TreeItem<Row> root = new TreeItem<>(new Row("", "", "", "", false));
        hitCount = 0;
        if (filtering) {
            hitCount = TagText.search(file.meta(), q).size() + TagText.search(file.dataset(), q).size();
        }
        TreeItem<Row> meta = new TreeItem<>(new Row("File meta", "", "", file.transferSyntaxUid(), false));
        if (add(meta, file.meta(), q, filtering)) {
            meta.setExpanded(true);
            root.getChildren().add(meta);
        }
        add(root, file.dataset(), q, filtering);
        table.setRoot(root);
        hits.setText(filtering ? hitCount + (hitCount == 1 ? " match" : " matches") : file.dataset().size()
                + " elements");
        if (filtering && hitCount > 0) {
            TreeItem<Row> first = firstMatch(root);
            if (first != null) {
                table.getSelectionModel().select(first);
                int row = table.getRow(first);
                if (row >= 0) {
                    table.scrollTo(row);
                }
            }
        }
    }

    private TreeItem<Row> firstMatch(TreeItem<Row> it) {
        for (TreeItem<Row> c : it.getChildren()) {
            if (c.getValue().match()) {
                return c;
            }
            TreeItem<Row> d = firstMatch(c);
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    /** Adds a dataset's rows under a node; with a filter, only matches and their containers. */
    private boolean add(TreeItem<Row> parent, Attributes ds, String q, boolean filtering) {
        boolean any = false;
        Dictionary dict = Dictionary.standard();
        for (Element e : ds.elements()) {
            boolean match = filtering && TagText.matches(ds, e, q);
            TreeItem<Row> item = new TreeItem<>(new Row(TagText.tag(e.tag()), e.vr().name(), keyword(dict, e.tag()),
                    TagText.value(ds, e), match));
            boolean childMatch = false;
            if (e.isSequence()) {
                List<Attributes> items = e.items();
                // a sequence that matches itself shows all of its items
                boolean inner = filtering && !match;
                for (int i = 0; i < items.size(); i++) {
                    TreeItem<Row> itemNode = new TreeItem<>(new Row("Item " + (i + 1), "", "",
                            items.get(i).size() + " elements", false));
                    if (add(itemNode, items.get(i), q, inner) && inner) {
                        childMatch = true;
                        itemNode.setExpanded(filtering);
                        item.getChildren().add(itemNode);
                    } else if (!inner) {
                        item.getChildren().add(itemNode);
                    }
                }
                item.setExpanded(inner && childMatch);
            }
            if (!filtering || match || childMatch) {
                parent.getChildren().add(item);
                any = true;
            }
        }
        return any || !filtering;
    }

    private static String keyword(Dictionary dict, int tag) {
        String k = dict.keyword(tag);
        if (k.isEmpty()) {
            return (tag >>> 16 & 1) == 1 ? "(private)" : "(unknown)";
        }
        return k;
    }
}
