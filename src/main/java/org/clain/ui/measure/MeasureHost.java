package org.clain.ui.measure;

import java.util.List;
import javafx.stage.Window;
import org.clain.study.Series;
import org.clain.study.Volume;

/** What the measurement tools need from the window that holds them. */
public interface MeasureHost {
    /** The loaded volume of a series, or null when it is not loaded. */
    Volume volumeOf(String seriesInstanceUid);

    /** The series of the open studies. */
    List<Series> series();

    /** The view the user works in; null when none. */
    PlaneView activeView();

    /** The views on screen, in reading order. */
    List<PlaneView> visibleViews();

    /** A short message in the status bar. */
    void status(String text);

    /** The owner of dialogs. */
    Window window();

    /** The stylesheet of dialogs; null for none. */
    default String stylesheet() {
        return null;
    }
}
