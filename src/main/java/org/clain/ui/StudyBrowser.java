package org.clain.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.clain.dicom.Attributes;
import org.clain.dicom.Tag;
import org.clain.study.Series;
import org.clain.study.StudyIndex;

/** Patients, their studies and series, with thumbnails; a double click (or Enter) shows a series. */
public final class StudyBrowser extends TreeView<Object> {
    /** A tree node's label for patients and studies. */
    record Node(String title, String detail) {
    }

    private final Map<Series, Image> thumbnails = new HashMap<>();
    private final Map<Series, TreeItem<Object>> items = new HashMap<>();
    private Consumer<Series> onOpen = s -> { };

    public StudyBrowser() {
        setId("study-browser");
        setShowRoot(false);
        setRoot(new TreeItem<>("root"));
        setCellFactory(tv -> new Cell());
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                openSelected();
            }
        });
        setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) {
                openSelected();
            }
        });
    }

    public void setOnOpen(Consumer<Series> c) {
        onOpen = c;
    }

    private void openSelected() {
        TreeItem<Object> it = getSelectionModel().getSelectedItem();
        if (it != null && it.getValue() instanceof Series s) {
            onOpen.accept(s);
        }
    }

    /** Shows an index; thumbnails render on {@code executor} and appear as they are ready. */
    public void show(StudyIndex index, ExecutorService executor) {
        TreeItem<Object> root = new TreeItem<>("root");
        thumbnails.clear();
        items.clear();
        for (Map.Entry<String, Map<String, List<Series>>> p : index.byPatientAndStudy().entrySet()) {
            Series any = p.getValue().values().iterator().next().get(0);
            Attributes ds = any.instances().get(0).file().dataset();
            String sexAge = (ds.getString(Tag.PatientSex, "") + " " + ds.getString(Tag.PatientAge, "")).trim();
            TreeItem<Object> patient = new TreeItem<>(new Node(DicomText.personName(any.patientName()),
                    "ID " + p.getKey() + (sexAge.isEmpty() ? "" : "  " + sexAge)));
            patient.setExpanded(true);
            for (Map.Entry<String, List<Series>> st : p.getValue().entrySet()) {
                Attributes sds = st.getValue().get(0).instances().get(0).file().dataset();
                String date = DicomText.date(sds.getString(Tag.StudyDate, ""));
                String desc = sds.getString(Tag.StudyDescription, "");
                TreeItem<Object> study = new TreeItem<>(new Node(desc.isEmpty() ? "Study" : desc,
                        (date.isEmpty() ? "" : date + "  ") + st.getValue().size() + " series"));
                study.setExpanded(true);
                for (Series s : st.getValue()) {
                    TreeItem<Object> si = new TreeItem<>(s);
                    items.put(s, si);
                    study.getChildren().add(si);
                    executor.submit(() -> {
                        try {
                            Image img = Thumbnails.of(s);
                            Platform.runLater(() -> {
                                thumbnails.put(s, img);
                                refresh();
                            });
                        } catch (Exception | Error e) {
                            System.getLogger("clain.ui").log(System.Logger.Level.WARNING,
                                    "no thumbnail for series " + s.seriesNumber() + ": " + e);
                        }
                    });
                }
                patient.getChildren().add(study);
            }
            root.getChildren().add(patient);
        }
        setRoot(root);
    }

    public boolean hasThumbnail(Series s) {
        return thumbnails.containsKey(s);
    }

    public int seriesCount() {
        return items.size();
    }

    public void select(Series s) {
        TreeItem<Object> it = items.get(s);
        if (it != null) {
            getSelectionModel().select(it);
        }
    }

    private final class Cell extends TreeCell<Object> {
        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("series-cell", "patient-cell", "study-cell");
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            if (item instanceof Series s) {
                getStyleClass().add("series-cell");
                StackPane thumb = new StackPane();
                thumb.getStyleClass().add("thumbnail");
                thumb.setMinSize(Thumbnails.SIZE, Thumbnails.SIZE);
                thumb.setPrefSize(Thumbnails.SIZE, Thumbnails.SIZE);
                Image img = thumbnails.get(s);
                if (img != null) {
                    thumb.getChildren().add(new ImageView(img));
                }
                Label title = new Label(s.description().isBlank() ? "(no description)" : s.description());
                title.getStyleClass().add("series-title");
                int slices = s.stacks().isEmpty() ? 0 : s.stacks().get(0).size();
                Label detail = new Label(s.modality() + "  Se " + s.seriesNumber() + "  " + slices
                        + (slices == 1 ? " image" : " images"));
                detail.getStyleClass().add("series-detail");
                VBox text = new VBox(2, title, detail);
                text.setAlignment(Pos.CENTER_LEFT);
                HBox box = new HBox(8, thumb, text);
                box.setAlignment(Pos.CENTER_LEFT);
                setText(null);
                setGraphic(box);
                setTooltip(new Tooltip(title.getText() + "\n" + detail.getText())); // the panel cuts long names
            } else if (item instanceof Node n) {
                getStyleClass().add(getTreeItem() != null && getTreeItem().getParent() == getTreeView().getRoot()
                        ? "patient-cell" : "study-cell");
                Label title = new Label(n.title());
                title.getStyleClass().add("node-title");
                Label detail = new Label(n.detail());
                detail.getStyleClass().add("node-detail");
                setText(null);
                setGraphic(new VBox(1, title, detail));
                setTooltip(new Tooltip(title.getText() + "\n" + detail.getText()));
            } else {
                setText(item.toString());
                setGraphic(null);
                setTooltip(null);
            }
        }
    }
}
