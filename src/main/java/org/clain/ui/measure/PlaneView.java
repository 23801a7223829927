package org.clain.ui.measure;

import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import org.clain.geom.Vec3;
import org.clain.study.Volume;

/**
 * A view that shows one plane of a volume: the native 2D slice viewport, and any MPR or oblique
 * view. The measurement tools need only this: the plane in patient space, the mapping between the
 * view's pixels and patient millimetres, and a place to paint. Screen coordinates are the local
 * coordinates of {@link #node()}.
 */
public interface PlaneView {
    /** The node mouse events arrive on, and the one snapshotted for image export. */
    Region node();

    /** The volume shown; null while none is (still loading, empty). */
    Volume volume();

    /** Series Instance UID of the volume shown; null when none. */
    String seriesInstanceUid();

    /** Study Instance UID of the volume shown; null when none. */
    String studyInstanceUid();

    /** The plane shown, in patient space; null when nothing is shown. */
    ViewPlane plane();

    /**
     * What counts as lying on the plane shown: half the distance between adjacent planes of this
     * view (half the slice spacing of a native stack, half the slab of an MPR), in mm.
     */
    double halfThickness();

    /** Screen point of the orthogonal projection of a patient point onto the plane shown. */
    Point2D toScreen(Vec3 patient);

    /** The patient point of the plane shown under a screen point; null when there is none. */
    Vec3 toPatient(double x, double y);

    /** Moves the view to the plane (slice) that holds the patient point, or the nearest one. */
    void goTo(Vec3 patient);

    /** How the user names the plane through a patient point in this view ("Im 67"). */
    String planeLabel(Vec3 patient);

    /** Paints on top of the image, after it, every time the view is drawn. */
    void addPainter(Consumer<GraphicsContext> painter);

    /** Called whenever what is shown changes (plane, volume, zoom, pan...). */
    void onChanged(Runnable listener);

    /** Draws the view again (its painters included). */
    void repaint();

    /** Makes this the active view (as a click on it does). */
    default void activate() {
    }
}
