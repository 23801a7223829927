package org.clain.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.BiConsumer;
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
import org.clain.geom.OrientationLabels;
import org.clain.study.Series;
import org.clain.study.SliceHeader;
import org.clain.study.SliceStack;
import org.clain.study.StudyIndex;

/**
 * Patients, their studies and series, with thumbnails; a double click (or Enter) shows a series. A
 * series of several stacks (localizer planes, echoes, b-values, phases at the same positions) has
 * a row under it for each, which shows that stack.
 */
public final class StudyBrowser extends TreeView<Object> {
    /** A tree node's label for patients and studies. */
    record Node(String title, String detail) {
    }

    /** One stack of a series of several, and its place among them (from 1). */
    record StackRow(SliceStack stack, int number) {
    }

    /** By stack: a series row shows its first stack's, which its first stack row shares. */
    private final Map<SliceStack, Image> thumbnails = new HashMap<>();
    private final Map<Series, TreeItem<Object>> items = new HashMap<>();
    private BiConsumer<Series, SliceStack> onOpen = (s, st) -> { };
    private Consumer<Series> onOpenObjects = s -> { };

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

    /** What a double click or Enter does: show the series' first stack, or the stack of a stack row. */
    public void setOnOpen(BiConsumer<Series, SliceStack> c) {
        onOpen = c;
    }

    /** What opening a series of objects without images (structure sets, reports) does. */
    public void setOnOpenObjects(Consumer<Series> c) {
        onOpenObjects = c;
    }

    private void openSelected() {
        TreeItem<Object> it = getSelectionModel().getSelectedItem();
        if (it != null && it.getValue() instanceof Series s && !s.hasImages()) {
            onOpenObjects.accept(s);
        } else if (it != null && it.getValue() instanceof Series s && !s.stacks().isEmpty()) {
            onOpen.accept(s, s.stacks().get(0));
        } else if (it != null && it.getValue() instanceof StackRow r) {
            onOpen.accept(r.stack().series(), r.stack());
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
                    study.getChildren().add(si);
                    if (!s.hasImages()) {
                        continue;
                    }
                    items.put(s, si);
                    for (SliceStack stack : s.stacks()) {
                        thumbnail(stack, executor);
                    }
                    if (s.stacks().size() > 1) {
                        for (int k = 0; k < s.stacks().size(); k++) {
                            si.getChildren().add(new TreeItem<>(new StackRow(s.stacks().get(k), k + 1)));
                        }
                    }
                }
                patient.getChildren().add(study);
            }
            root.getChildren().add(patient);
        }
        setRoot(root);
    }

    private void thumbnail(SliceStack stack, ExecutorService executor) {
        executor.submit(() -> {
            try {
                Image img = Thumbnails.of(stack);
                Platform.runLater(() -> {
                    thumbnails.put(stack, img);
                    refresh();
                });
            } catch (Exception | Error e) {
                System.getLogger("clain.ui").log(System.Logger.Level.WARNING,
                        "no thumbnail for series " + stack.series().seriesNumber() + ": " + e);
            }
        });
    }

    /** The title and detail of a stack row: its plane (or its number without geometry) and images. */
    static Node describe(StackRow r) {
        SliceStack st = r.stack();
        SliceHeader h = st.slices().get(0);
        String title = h.hasGeometry() ? OrientationLabels.plane(h.normal()) : "Stack " + r.number();
        if (st.isLocalizer()) {
            title += " localizer";
        }
        int n = st.size();
        return new Node(title, "stack " + r.number() + " of " + st.series().stacks().size() + "  " + n
                + (n == 1 ? " image" : " images") + "  " + h.columns() + "x" + h.rows());
    }

    /**
     * A series of objects by its Series Description, else its Content Label (presentation states)
     * or Structure Set Label.
     */
    static String objectLabel(Series s) {
        if (!s.description().isBlank()) {
            return s.description();
        }
        Attributes ds = s.instances().get(0).file().dataset();
        for (int tag : new int[] {Tag.ContentLabel, Tag.StructureSetLabel}) {
            String label = ds.getString(tag, "").trim();
            if (!label.isEmpty()) {
                return label;
            }
        }
        return "(no description)";
    }

    public boolean hasThumbnail(Series s) {
        return !s.stacks().isEmpty() && thumbnails.containsKey(s.stacks().get(0));
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

    /** Selects the row of one stack of a series of several (false when it has none). */
    public boolean selectStack(SliceStack stack) {
        TreeItem<Object> series = items.get(stack.series());
        if (series == null) {
            return false;
        }
        for (TreeItem<Object> it : series.getChildren()) {
            if (it.getValue() instanceof StackRow r && r.stack() == stack) {
                series.setExpanded(true);
                getSelectionModel().select(it);
                return true;
            }
        }
        return false;
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
            if (item instanceof Series s && !s.hasImages()) {
                int n = s.instances().size();
                thumbnailRow(item, objectLabel(s),
                        s.modality() + "  Se " + s.seriesNumber() + "  " + n + (n == 1 ? " object" : " objects"));
            } else if (item instanceof Series s) {
                int slices = s.stacks().stream().mapToInt(SliceStack::size).sum();
                thumbnailRow(item, s.description().isBlank() ? "(no description)" : s.description(),
                        s.modality() + "  Se " + s.seriesNumber() + "  " + slices + (slices == 1 ? " image" : " images")
                        + (s.stacks().size() > 1 ? " in " + s.stacks().size() + " stacks" : ""));
            } else if (item instanceof StackRow r) {
                Node n = describe(r);
                thumbnailRow(item, n.title(), n.detail());
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

        private void thumbnailRow(Object item, String titleText, String detailText) {
            getStyleClass().add("series-cell");
            StackPane thumb = new StackPane();
            thumb.getStyleClass().add("thumbnail");
            thumb.setMinSize(Thumbnails.SIZE, Thumbnails.SIZE);
            thumb.setPrefSize(Thumbnails.SIZE, Thumbnails.SIZE);
            Image img = item instanceof StackRow r ? thumbnails.get(r.stack())
                    : item instanceof Series s && !s.stacks().isEmpty() ? thumbnails.get(s.stacks().get(0)) : null;
            if (img != null) {
                thumb.getChildren().add(new ImageView(img));
            } else if (item instanceof Series s && !s.hasImages()) {
                Label kind = new Label(s.modality()); // no pixels to show: what kind of object it is
                kind.getStyleClass().add("object-kind");
                thumb.getChildren().add(kind);
            }
            Label title = new Label(titleText);
            title.getStyleClass().add("series-title");
            Label detail = new Label(detailText);
            detail.getStyleClass().add("series-detail");
            VBox text = new VBox(2, title, detail);
            text.setAlignment(Pos.CENTER_LEFT);
            HBox box = new HBox(8, thumb, text);
            box.setAlignment(Pos.CENTER_LEFT);
            setText(null);
            setGraphic(box);
            setTooltip(new Tooltip(titleText + "\n" + detailText)); // the panel cuts long names
        }
    }
}
