package org.clain.ui.measure;

import java.util.List;
import javafx.geometry.Point2D;

/**
 * What a view's last paint showed of the measurements, and which of them lies under a screen
 * point: a handle to drag, or an outline (or label) to select and move.
 */
final class MeasureHits {
    /** How near (screen pixels) a press must be to grab a handle or an outline. */
    static final double HIT = 6;

    /** A handle under the pointer: the measurement and the index of the handle. */
    record Grab(DrawnMeasurement drawn, int handle) {
    }

    private List<DrawnMeasurement> drawn = List.of();

    /** What the view shows now, in painting order (the last on top). */
    void show(List<DrawnMeasurement> shown) {
        drawn = shown;
    }

    /** Ids of the measurements drawn in full. */
    List<String> ids() {
        return drawn.stream().map(d -> d.m().id()).toList();
    }

    /** The handle within {@link #HIT} of the point: the nearest, the selected measurement's preferred; null when none. */
    Grab handleAt(double x, double y, String selectedId) {
        DrawnMeasurement best = null;
        int handle = -1;
        double bestD = HIT;
        for (DrawnMeasurement d : drawn) {
            for (int i = 0; i < d.handles().size(); i++) {
                double dist = d.handles().get(i).distance(x, y);
                boolean better = dist < bestD || (dist <= HIT && d.m().id().equals(selectedId) && best != null
                        && !best.m().id().equals(selectedId));
                if (dist <= HIT && (best == null || better)) {
                    best = d;
                    bestD = dist;
                    handle = i;
                }
            }
        }
        return best == null ? null : new Grab(best, handle);
    }

    /**
     * The measurement whose outline (or, with {@code labels}, label) is under the point. The inside
     * of a ROI does not count, so that dragging over the image still scrolls or windows it; labels
     * count only when no drawing tool is active, so that one can draw over them.
     */
    DrawnMeasurement bodyAt(double x, double y, boolean labels) {
        DrawnMeasurement hit = null;
        for (DrawnMeasurement d : drawn) {
            boolean on = labels && d.label() != null && d.label().contains(x, y);
            if (d.marker() != null && d.marker().distance(x, y) <= HIT + 2) {
                on = true;
            }
            for (Point2D[] path : d.open()) {
                on |= nearPath(path, false, x, y);
            }
            for (Point2D[] path : d.closed()) {
                on |= nearPath(path, true, x, y);
            }
            if (on) {
                hit = d; // the last drawn is on top
            }
        }
        return hit;
    }

    private static boolean nearPath(Point2D[] p, boolean closed, double x, double y) {
        int n = p.length;
        for (int i = 0; i + 1 < n || (closed && i < n); i++) {
            Point2D a = p[i];
            Point2D b = p[(i + 1) % n];
            if (segmentDistance(a, b, x, y) <= HIT) {
                return true;
            }
        }
        return false;
    }

    private static double segmentDistance(Point2D a, Point2D b, double x, double y) {
        double dx = b.getX() - a.getX();
        double dy = b.getY() - a.getY();
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : ((x - a.getX()) * dx + (y - a.getY()) * dy) / len2;
        t = Math.max(0, Math.min(1, t));
        return Math.hypot(a.getX() + t * dx - x, a.getY() + t * dy - y);
    }
}
