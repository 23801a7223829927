package org.clain.ui;

import javafx.geometry.Point2D;
import javafx.scene.input.MouseEvent;

/**
 * The mouse over a 2D viewport or a reformat: where the button went down, with the window then
 * (a drag works from the state at the press, so moving back returns to it), and where the mouse
 * is now, for the value under it that the overlay shows.
 */
final class MouseTrack {
    private double pressX;
    private double pressY;
    private double pressCenter;
    private double pressWidth;
    private double x = Double.NaN;
    private double y = Double.NaN;

    /** The button went down; the view's window is this. */
    void press(MouseEvent e, double windowCenter, double windowWidth) {
        pressX = e.getX();
        pressY = e.getY();
        pressCenter = windowCenter;
        pressWidth = windowWidth;
    }

    double pressX() {
        return pressX;
    }

    double pressY() {
        return pressY;
    }

    /** Horizontal distance (px) from the press. */
    double dx(MouseEvent e) {
        return e.getX() - pressX;
    }

    /** Vertical distance (px) from the press. */
    double dy(MouseEvent e) {
        return e.getY() - pressY;
    }

    /** The window level after a drag by dy from the press: down raises it, by the press width / {@link Viewport#WL_DRAG_DIVISOR} per px. */
    double draggedCenter(double dy) {
        double step = pressWidth / Viewport.WL_DRAG_DIVISOR;
        return pressCenter + dy * step;
    }

    /** The window width after a drag by dx from the press: right widens it, by the same step (never below 1). */
    double draggedWidth(double dx) {
        double step = pressWidth / Viewport.WL_DRAG_DIVISOR;
        return Math.max(1, pressWidth + dx * step);
    }

    void moveTo(MouseEvent e) {
        x = e.getX();
        y = e.getY();
    }

    void leave() {
        x = Double.NaN;
    }

    /** Where the mouse is over the view, or null when it is elsewhere. */
    Point2D at() {
        return Double.isNaN(x) ? null : new Point2D(x, y);
    }
}
