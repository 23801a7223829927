package org.clain.ui.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.clain.measure.Evaluation;
import org.clain.measure.Histogram;
import org.clain.measure.LineProfile;
import org.clain.measure.Measurement;
import org.clain.measure.PlanarRoi;
import org.clain.measure.Quantity;
import org.clain.measure.RoiResult;
import org.clain.study.Volume;

/**
 * The measurement list (type, label, value, slice; a click shows the measurement, the label is
 * edited in place) and, for the selection, its statistics with the HU histogram of a ROI or the
 * line profile of a distance. It shows what the {@link MeasureController} holds and computes
 * nothing itself.
 */
public final class MeasurePanel extends VBox {
    /** Bins of the ROI histogram. */
    public static final int HISTOGRAM_BINS = 40;

    /** One row of the list. */
    public record Row(String id, String kind, String label, String value, String plane) {
    }

    private final MeasureController ctl;
    private final TableView<Row> table = new TableView<>();
    private final Label title = new Label("Measurements");
    private final Label statsTitle = new Label("Selection");
    private final GridPane stats = new GridPane();
    private final NumberAxis histX = new NumberAxis();
    private final NumberAxis histY = new NumberAxis();
    private final AreaChart<Number, Number> histogram = new AreaChart<>(histX, histY);
    private final NumberAxis profX = new NumberAxis();
    private final NumberAxis profY = new NumberAxis();
    private final LineChart<Number, Number> profile = new LineChart<>(profX, profY);
    private final Label chartHint = new Label("Select a ROI for its histogram,\nor a distance for its line profile");
    private final javafx.scene.layout.FlowPane tools = new javafx.scene.layout.FlowPane(2, 2);
    private boolean updating;
    private Object shownKey;

    MeasurePanel(MeasureController ctl) {
        this.ctl = ctl;
        setId("measure-panel");
        getStyleClass().add("measure-panel");
        setSpacing(6);
        setPadding(new Insets(6));
        setMinWidth(260);
        setPrefWidth(400);
        setMaxWidth(USE_PREF_SIZE);
        tools.setId("measure-tools");
        tools.getStyleClass().add("measure-tools");

        title.getStyleClass().add("panel-title");
        Button delete = new Button("Delete");
        delete.setId("measure-delete");
        delete.setFocusTraversable(false);
        delete.setOnAction(e -> ctl.deleteSelected());
        Button rename = new Button("Rename");
        rename.setId("measure-rename");
        rename.setFocusTraversable(false);
        rename.setOnAction(e -> ctl.renameSelected());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(6, title, spacer, rename, delete);
        head.setAlignment(Pos.CENTER_LEFT);

        table.setId("measure-table");
        table.setEditable(true);
        table.setPlaceholder(new Label("No measurements yet: pick a tool (Measure menu)\nand draw on the image"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Row, String> kind = column("Type", Row::kind, 96);
        TableColumn<Row, String> label = column("Label", Row::label, 52);
        label.setEditable(true);
        label.setCellFactory(TextFieldTableCell.forTableColumn());
        label.setOnEditCommit(e -> ctl.rename(e.getRowValue().id(), e.getNewValue()));
        TableColumn<Row, String> value = column("Value", Row::value, 176);
        TableColumn<Row, String> plane = column("Slice", Row::plane, 54);
        table.getColumns().add(kind);
        table.getColumns().add(label);
        table.getColumns().add(value);
        table.getColumns().add(plane);
        table.setPrefHeight(230);
        table.setRowFactory(tv -> {
            TableRow<Row> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty() && e.getButton() == MouseButton.PRIMARY) {
                    ctl.jumpTo(row.getItem().id());
                }
            });
            return row;
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!updating && b != null) {
                ctl.select(b.id());
            }
        });

        statsTitle.getStyleClass().add("panel-title");
        stats.setId("measure-stats");
        stats.setHgap(10);
        stats.setVgap(2);
        ColumnConstraints c0 = new ColumnConstraints();
        c0.setMinWidth(90);
        ColumnConstraints c1 = new ColumnConstraints();
        c1.setHgrow(Priority.ALWAYS);
        stats.getColumnConstraints().addAll(c0, c1);

        histogram.setId("roi-histogram");
        // nothing selected at first: showSelection(empty) returns early then, so hide the charts here
        histogram.setVisible(false);
        profile.setVisible(false);
        histogram.setAnimated(false);
        histogram.setCreateSymbols(false);
        histogram.setLegendVisible(false);
        histX.setForceZeroInRange(false);
        histX.setAnimated(false);
        histY.setAnimated(false);
        histY.setLabel("Samples");
        profile.setId("line-profile");
        profile.setAnimated(false);
        profile.setCreateSymbols(false);
        profile.setLegendVisible(false);
        profX.setLabel("mm along the line");
        profX.setAnimated(false);
        profY.setForceZeroInRange(false);
        profY.setAnimated(false);
        chartHint.getStyleClass().add("hint");
        StackPane charts = new StackPane(chartHint, histogram, profile);
        charts.setPrefHeight(240);
        charts.setMinHeight(160);
        VBox.setVgrow(charts, Priority.ALWAYS);
        VBox.setVgrow(table, Priority.SOMETIMES);

        getChildren().addAll(tools, head, table, statsTitle, stats, charts);
        ctl.addListener(this::refresh);
        refresh();
    }

    private static TableColumn<Row, String> column(String name, java.util.function.Function<Row, String> f, double w) {
        TableColumn<Row, String> c = new TableColumn<>(name);
        c.setCellValueFactory(p -> new ReadOnlyStringWrapper(f.apply(p.getValue())));
        c.setPrefWidth(w);
        c.setEditable(false);
        c.setSortable(false);
        return c;
    }

    /** The drawing tools' buttons, in the strip atop the panel. */
    void setToolButtons(List<? extends javafx.scene.Node> buttons) {
        tools.getChildren().setAll(buttons);
    }

    public TableView<Row> table() {
        return table;
    }

    public AreaChart<Number, Number> histogram() {
        return histogram;
    }

    public LineChart<Number, Number> profile() {
        return profile;
    }

    /** The statistics shown, as "name" to "value" text (tests, screen readers). */
    public List<String[]> statsText() {
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i + 1 < stats.getChildren().size(); i += 2) {
            out.add(new String[] {((Label) stats.getChildren().get(i)).getText(),
                ((Label) stats.getChildren().get(i + 1)).getText()});
        }
        return out;
    }

    /** The value of one statistic as shown ("Mean"), or null. */
    public String stat(String name) {
        for (String[] s : statsText()) {
            if (s[0].equals(name)) {
                return s[1];
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- refresh

    void refresh() {
        List<Row> rows = new ArrayList<>();
        for (Measurement m : ctl.measurements()) {
            rows.add(new Row(m.id(), MeasureText.kind(m), m.label(), MeasureText.summary(m, ctl.evaluate(m)),
                    ctl.planeLabel(m)));
        }
        updating = true;
        try {
            if (!rows.equals(table.getItems())) {
                table.getItems().setAll(rows);
            }
            String sel = ctl.selectedId();
            int index = -1;
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).id().equals(sel)) {
                    index = i;
                }
            }
            if (index < 0) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedIndex() != index) {
                table.getSelectionModel().clearAndSelect(index);
                table.scrollTo(index);
            }
        } finally {
            updating = false;
        }
        title.setText(rows.isEmpty() ? "Measurements" : "Measurements (" + rows.size() + ")");
        showSelection(ctl.selected());
    }

    private void showSelection(Optional<Measurement> sel) {
        Volume vol = sel.map(ctl::volumeFor).orElse(null);
        Object key = sel.isEmpty() ? null : List.of(sel.get(), vol == null ? "none" : vol);
        if (java.util.Objects.equals(key, shownKey)) {
            return;
        }
        shownKey = key;
        stats.getChildren().clear();
        histogram.getData().clear();
        profile.getData().clear();
        histogram.setVisible(false);
        profile.setVisible(false);
        chartHint.setVisible(true);
        if (sel.isEmpty()) {
            statsTitle.setText("Selection");
            return;
        }
        Measurement m = sel.get();
        statsTitle.setText(MeasureText.kind(m) + (m.label().isBlank() ? "" : ": " + m.label()));
        List<Quantity> q = ctl.evaluate(m);
        Optional<RoiResult> roi = ctl.roiResult(m);
        if (roi.isPresent()) {
            RoiResult r = roi.get();
            String unit = unitOf(q);
            row("Mean", fmt(r.mean(), unit));
            row("SD", fmt(r.sd(), unit));
            row("Min", fmt(r.min(), unit));
            row("Max", fmt(r.max(), unit));
            row("Median", fmt(r.median(), unit));
            for (Quantity.Kind k : List.of(Quantity.Kind.SUV_MEAN, Quantity.Kind.SUV_MAX, Quantity.Kind.SUV_PEAK,
                    Quantity.Kind.SUL_MAX, Quantity.Kind.SUL_PEAK)) {
                Quantity x = MeasureText.find(q, k);
                if (x != null) {
                    row(k.title(), MeasureText.value(x));
                }
            }
            if (m instanceof PlanarRoi) {
                row("Area", fmt(r.areaMm2(), " mm²"));
                row("Perimeter", MeasureText.value(MeasureText.find(q, Quantity.Kind.PERIMETER)));
                row("Samples", Long.toString(r.count()));
            } else {
                row("Volume", MeasureText.value(MeasureText.find(q, Quantity.Kind.VOLUME)));
                row("Voxel volume", fmt(r.volumeMm3(), " mm³"));
                row("Voxels", Long.toString(r.count()));
            }
            if (r.count() > 0) {
                Histogram h = r.histogram(HISTOGRAM_BINS);
                XYChart.Series<Number, Number> s = new XYChart.Series<>();
                for (int i = 0; i < h.bins(); i++) {
                    s.getData().add(new XYChart.Data<>(h.binCenter(i), h.counts()[i]));
                }
                histX.setLabel(unit.isBlank() ? "Value" : unit.strip());
                histogram.getData().add(s);
                histogram.setVisible(true);
                chartHint.setVisible(false);
            }
            return;
        }
        for (Quantity x : q) {
            row(x.kind().title(), MeasureText.value(x));
        }
        if (m instanceof org.clain.measure.PointProbe p) {
            row("Position", MeasureText.position(p.point()));
        }
        if (q.isEmpty()) {
            row("Text", MeasureText.summary(m, q));
        }
        Optional<LineProfile> lp = ctl.profile(m);
        if (lp.isPresent()) {
            LineProfile p = lp.get();
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            for (int i = 0; i < p.size(); i++) {
                if (!Double.isNaN(p.values()[i])) {
                    s.getData().add(new XYChart.Data<>(p.distanceMm()[i], p.values()[i]));
                }
            }
            String unit = Evaluation.valueUnit(vol);
            profY.setLabel(unit.isEmpty() ? "Value" : unit);
            profile.getData().add(s);
            profile.setVisible(true);
            chartHint.setVisible(false);
        }
    }

    private static String unitOf(List<Quantity> q) {
        Quantity mean = MeasureText.find(q, Quantity.Kind.MEAN);
        return mean == null || mean.unit().isEmpty() ? "" : " " + mean.unit();
    }

    private static String fmt(double v, String unit) {
        return MeasureText.num(v) + (Double.isNaN(v) ? "" : unit);
    }

    private void row(String name, String value) {
        int r = stats.getChildren().size() / 2;
        Label n = new Label(name);
        n.getStyleClass().add("stat-name");
        Label v = new Label(value);
        v.setId("stat-" + name.toLowerCase(Locale.ROOT).replace(' ', '-'));
        v.getStyleClass().add("stat-value");
        stats.add(n, 0, r);
        stats.add(v, 1, r);
    }
}
