package org.clain.ui;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalInt;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.RowConstraints;
import org.clain.geom.ImagePlane;
import org.clain.render.SliceGeometry;

/**
 * The viewports of the main window in their grid: the layout, which one is active, synchronised
 * scrolling (the others go to the slice at the same position, within one Frame of Reference) and
 * the reference lines each draws of the others' planes.
 */
final class ViewportGrid {
    private final GridPane grid = new GridPane();
    private final List<Viewport> viewports = new ArrayList<>();
    private final ObservableBooleanValue syncScroll;
    private final ObservableBooleanValue referenceLines;
    private Layout layout = Layout.L1X1;
    private Viewport active;
    private boolean syncing;

    ViewportGrid(int count, ObservableBooleanValue syncScroll, ObservableBooleanValue referenceLines) {
        this.syncScroll = syncScroll;
        this.referenceLines = referenceLines;
        for (int i = 0; i < count; i++) {
            viewports.add(new Viewport(i + 1));
        }
        active = viewports.get(0);
        active.setActive(true);
        grid.setId("viewport-grid");
        grid.getStyleClass().add("viewport-grid");
        grid.setHgap(2);
        grid.setVgap(2);
    }

    GridPane node() {
        return grid;
    }

    /** All the viewports, shown or not. */
    List<Viewport> all() {
        return Collections.unmodifiableList(viewports);
    }

    /** The viewports of the current layout, in reading order. */
    List<Viewport> visible() {
        return Collections.unmodifiableList(viewports.subList(0, layout.count()));
    }

    Layout layout() {
        return layout;
    }

    Viewport active() {
        return active;
    }

    void setActive(Viewport vp) {
        active.setActive(false);
        active = vp;
        vp.setActive(true);
    }

    /** Puts the first viewports of a layout in its cells, in reading order. */
    void setLayout(Layout l) {
        layout = l;
        grid.getChildren().clear();
        grid.getColumnConstraints().clear();
        grid.getRowConstraints().clear();
        for (int c = 0; c < l.columns(); c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / l.columns());
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        for (int r = 0; r < l.rows(); r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / l.rows());
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
        for (int i = 0; i < l.count(); i++) {
            Viewport vp = viewports.get(i);
            vp.setMinSize(50, 50);
            vp.setPrefSize(Region.USE_COMPUTED_SIZE, Region.USE_COMPUTED_SIZE);
            vp.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            grid.add(vp, i % l.columns(), i / l.columns());
        }
    }

    void setTool(Viewport.Tool t) {
        for (Viewport v : viewports) {
            v.setTool(t);
        }
    }

    /** A viewport moved to another slice: the others follow it when synchronised. */
    void sliceChanged(Viewport source) {
        if (!syncing && syncScroll.get()) {
            syncFrom(source);
        }
        updateReferenceLines();
    }

    /** Moves the other viewports to the slice at the source's position (same Frame of Reference). */
    void syncFrom(Viewport source) {
        if (syncing || !syncScroll.get() || source.volume() == null) {
            updateReferenceLines();
            return;
        }
        syncing = true;
        try {
            for (Viewport vp : visible()) {
                if (vp == source || vp.volume() == null) {
                    continue;
                }
                OptionalInt z = SliceGeometry.syncedSlice(source.volume(), source.sliceIndex(), vp.volume());
                if (z.isPresent()) {
                    vp.setSlice(z.getAsInt());
                }
            }
        } finally {
            syncing = false;
        }
        updateReferenceLines();
    }

    void updateReferenceLines() {
        List<Viewport> vis = visible();
        for (Viewport vp : viewports) {
            if (!vis.contains(vp) || !referenceLines.get() || vp.plane() == null) {
                if (!vp.referenceLines().isEmpty()) {
                    vp.setReferenceLines(List.of());
                }
                continue;
            }
            ImagePlane p = vp.plane();
            String fr = vp.volume().frameOfReferenceUid();
            List<ImagePlane.Segment> lines = new ArrayList<>();
            for (Viewport other : vis) {
                if (other == vp || other.plane() == null || fr == null || fr.isEmpty()
                        || !fr.equals(other.volume().frameOfReferenceUid())) {
                    continue;
                }
                p.referenceLine(other.plane()).ifPresent(lines::add);
            }
            vp.setReferenceLines(lines);
        }
    }
}
