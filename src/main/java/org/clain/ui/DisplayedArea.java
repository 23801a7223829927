package org.clain.ui;

import javafx.geometry.Point2D;
import javafx.scene.transform.Affine;
import javafx.scene.transform.NonInvertibleTransformException;
import org.clain.study.SliceHeader;

/**
 * Where a viewport's slice lies on screen: zoom (or fit to the viewport), pan, quarter turns and
 * flips, as a DICOM presentation state's displayed area and spatial transformation. Rows are
 * stretched by the pixel aspect ratio so that the image keeps its true proportions.
 */
final class DisplayedArea {
    private static final double MIN_ZOOM = 0.05;
    private static final double MAX_ZOOM = 40;

    private final Viewport vp;
    private double zoom = 1;
    private boolean fit = true;
    private double panX;
    private double panY;
    private int rotation;
    private boolean flipH;
    private boolean flipV;

    DisplayedArea(Viewport vp) {
        this.vp = vp;
    }

    double zoom() {
        return zoom;
    }

    boolean isFit() {
        return fit;
    }

    double panX() {
        return panX;
    }

    double panY() {
        return panY;
    }

    int rotation() {
        return rotation;
    }

    boolean flippedHorizontally() {
        return flipH;
    }

    boolean flippedVertically() {
        return flipV;
    }

    /** Neither turned nor flipped. */
    void unturn() {
        rotation = 0;
        flipH = false;
        flipV = false;
    }

    void fitToWindow() {
        fit = true;
        panX = 0;
        panY = 0;
        updateFit();
    }

    /** While fitting, the zoom that shows the whole slice (a no-op before there are pixels or a size). */
    void updateFit() {
        if (!vp.hasImage() || vp.getWidth() <= 0 || vp.getHeight() <= 0) {
            return;
        }
        SliceHeader first = vp.stack().slices().get(0);
        double w = first.columns();
        double h = first.rows() * aspect();
        if (rotation % 2 == 1) {
            double t = w;
            w = h;
            h = t;
        }
        zoom = Math.min(vp.getWidth() / w, vp.getHeight() / h);
    }

    /**
     * Shows a region of the image (pixel units, corner origin) centred in the viewport, at
     * {@code zoom} screen pixels a pixel, or filling the viewport when it is NaN (a presentation
     * state's displayed area, PS3.3 C.10.4).
     */
    void showRegion(double left, double top, double width, double height, double zoomOrNaN) {
        if (!vp.hasImage() || vp.getWidth() <= 0 || vp.getHeight() <= 0 || !(width > 0) || !(height > 0)) {
            return;
        }
        double w = width;
        double h = height * aspect();
        if (rotation % 2 == 1) {
            double t = w;
            w = h;
            h = t;
        }
        fit = false;
        zoom = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, Double.isNaN(zoomOrNaN)
                ? Math.min(vp.getWidth() / w, vp.getHeight() / h) : zoomOrNaN));
        panX = 0;
        panY = 0;
        Point2D c = imageToScreen(left + width / 2, top + height / 2);
        panX = vp.getWidth() / 2 - c.getX();
        panY = vp.getHeight() / 2 - c.getY();
    }

    /** Zoom and pan as they were (a drag that restarts from its press); fitting is left as is. */
    void set(double z, double x, double y) {
        zoom = z;
        panX = x;
        panY = y;
    }

    /** Sets the zoom keeping the image point under (x, y) in place. */
    void zoomAbout(double z, double x, double y) {
        z = Math.max(MIN_ZOOM, Math.min(MAX_ZOOM, z));
        Point2D p = screenToImage(x, y);
        fit = false;
        zoom = z;
        if (p != null) {
            Point2D q = imageToScreen(p.getX(), p.getY());
            panX += x - q.getX();
            panY += y - q.getY();
        }
    }

    void panTo(double x, double y) {
        fit = false;
        panX = x;
        panY = y;
    }

    /** Turns the image a quarter turn (positive: clockwise). */
    void rotate(int quarterTurns) {
        rotation = Math.floorMod(rotation + quarterTurns, 4);
        if (fit) {
            updateFit();
        }
    }

    void flipHorizontal() {
        flipH = !flipH;
    }

    void flipVertical() {
        flipV = !flipV;
    }

    /** Rows per column of spacing: 1 for square pixels (and without a series). */
    private double aspect() {
        if (vp.stack() == null) {
            return 1;
        }
        SliceHeader h = vp.stack().slices().get(0);
        return h.columnSpacing() > 0 ? h.rowSpacing() / h.columnSpacing() : 1;
    }

    /** Image pixel coordinates (column, row: pixel centres at integers) to screen. */
    Affine transform() {
        // a stack's frames all have its first frame's size
        SliceHeader first = vp.stack() == null ? null : vp.stack().slices().get(0);
        int w = first == null ? 1 : first.columns();
        int h = first == null ? 1 : first.rows();
        Affine t = new Affine();
        t.appendTranslation(vp.getWidth() / 2 + panX, vp.getHeight() / 2 + panY);
        t.appendRotation(90.0 * rotation);
        t.appendScale(flipH ? -zoom : zoom, (flipV ? -zoom : zoom) * aspect());
        t.appendTranslation(-w / 2.0, -h / 2.0);
        return t;
    }

    /** Screen point of an image position (column, row in pixel units; a pixel's centre is at +0.5). */
    Point2D imageToScreen(double u, double v) {
        return transform().transform(u, v);
    }

    /** Image position (pixel units, corner origin) under a screen point, or null. */
    Point2D screenToImage(double x, double y) {
        try {
            return transform().inverseTransform(x, y);
        } catch (NonInvertibleTransformException e) {
            return null;
        }
    }
}
