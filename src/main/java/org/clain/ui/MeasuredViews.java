package org.clain.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.clain.render.MprCursor;
import org.clain.study.Series;
import org.clain.study.Volume;
import org.clain.ui.measure.MeasureController;
import org.clain.ui.measure.MeasureHost;
import org.clain.ui.measure.PlaneView;

/**
 * The main window as the measurement tools see it ({@link MeasureHost}): the 2D viewports as
 * {@link PlaneView}s, or the reformats of the MPR workspace while they are on screen, and the
 * volumes decoded so far.
 */
final class MeasuredViews implements MeasureHost {
    private final MainWindow window;
    private final ViewportGrid grid;
    private final SeriesLoader loader;
    private final StatusBar statusBar;
    private final MeasureController measure = new MeasureController(this);
    private final Map<Viewport, PlaneView> planeViews = new HashMap<>();
    private final List<PlaneView> mprPlaneViews = new ArrayList<>();
    private MprWorkspace measuredWorkspace;

    MeasuredViews(MainWindow window, ViewportGrid grid, SeriesLoader loader, StatusBar statusBar) {
        this.window = window;
        this.grid = grid;
        this.loader = loader;
        this.statusBar = statusBar;
        for (Viewport vp : grid.all()) {
            planeViews.put(vp, new ViewportPlaneView(vp, window::activate));
            measure.attach(planeViews.get(vp));
        }
    }

    MeasureController controller() {
        return measure;
    }

    /** A viewport as the measurement tools see it. */
    PlaneView planeView(Viewport vp) {
        return planeViews.get(vp);
    }

    /** Gives the measurement tools the reformats of a workspace (and takes them from the last one). */
    void measureIn(MprWorkspace w) {
        if (w == measuredWorkspace) {
            return;
        }
        mprPlaneViews.forEach(measure::detach);
        mprPlaneViews.clear();
        measuredWorkspace = w;
        if (w != null) {
            for (MprCursor.View v : MprCursor.View.values()) {
                PlaneView pv = new MprPlaneView(w, w.view(v));
                mprPlaneViews.add(pv);
                measure.attach(pv);
            }
        }
    }

    @Override
    public Volume volumeOf(String seriesInstanceUid) {
        return loader.volumeOf(seriesInstanceUid);
    }

    @Override
    public List<Series> series() {
        return window.index() == null ? List.of() : window.index().series();
    }

    @Override
    public PlaneView activeView() {
        if (reformatsShown()) {
            for (PlaneView pv : mprPlaneViews) {
                if (pv.node() == measuredWorkspace.active()) {
                    return pv;
                }
            }
        }
        return planeViews.get(grid.active());
    }

    @Override
    public List<PlaneView> visibleViews() {
        return reformatsShown() ? List.copyOf(mprPlaneViews)
                : grid.visible().stream().map(planeViews::get).toList();
    }

    private boolean reformatsShown() {
        return measuredWorkspace != null && window.mprWorkspace() == measuredWorkspace
                && measuredWorkspace.mode() == MprWorkspace.Mode.MPR;
    }

    @Override
    public void status(String text) {
        statusBar.setText(text);
    }

    @Override
    public javafx.stage.Window window() {
        return window.stage();
    }

    @Override
    public String stylesheet() {
        return ClainApp.stylesheet();
    }
}
