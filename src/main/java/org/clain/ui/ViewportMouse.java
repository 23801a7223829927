package org.clain.ui;

import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;

/**
 * The mouse in a viewport: the wheel scrolls (zooms with Ctrl), a left drag does the viewport's
 * {@link Viewport.Tool}, a right drag windows and a middle drag pans. Each drag works from the
 * state at the press ({@link MouseTrack}), so moving back returns to it. It also tracks the
 * cursor for the pixel value shown in the overlay.
 */
final class ViewportMouse {
    /** Drag distance over which the zoom tool changes the zoom by a factor of e. */
    private static final double ZOOM_DRAG_PIXELS = 200;

    private final Viewport vp;
    private final DisplayedArea area;
    private final MouseTrack track = new MouseTrack();
    private double pressZoom;
    private double pressPanX;
    private double pressPanY;
    private int pressSlice;
    private MouseButton pressButton;

    ViewportMouse(Viewport vp, DisplayedArea area) {
        this.vp = vp;
        this.area = area;
        vp.setOnScroll(this::onScroll);
        vp.setOnMousePressed(this::onPressed);
        vp.setOnMouseDragged(this::onDragged);
        vp.setOnMouseReleased(e -> pressButton = null);
        vp.setOnMouseMoved(e -> {
            track.moveTo(e);
            vp.redraw();
        });
        vp.setOnMouseExited(e -> {
            track.leave();
            vp.redraw();
        });
    }

    /** Where the mouse is over the viewport, or null when it is elsewhere. */
    Point2D cursor() {
        return track.at();
    }

    private void onScroll(ScrollEvent e) {
        double d = e.getDeltaY();
        if (d == 0 || !vp.hasImage()) {
            return;
        }
        vp.activate();
        if (e.isShortcutDown() || e.isControlDown()) {
            vp.zoomBy(d > 0 ? Viewport.WHEEL_ZOOM : 1 / Viewport.WHEEL_ZOOM, e.getX(), e.getY());
        } else {
            vp.scroll(d < 0 ? 1 : -1);
        }
        e.consume();
    }

    private void onPressed(MouseEvent e) {
        vp.activate();
        vp.requestFocus();
        pressButton = e.getButton();
        track.press(e, vp.windowCenter(), vp.windowWidth());
        pressZoom = area.zoom();
        pressPanX = area.panX();
        pressPanY = area.panY();
        pressSlice = vp.sliceIndex();
    }

    private void onDragged(MouseEvent e) {
        if (pressButton == null || !vp.hasImage()) {
            return;
        }
        double dx = track.dx(e);
        double dy = track.dy(e);
        track.moveTo(e);
        switch (pressButton) {
            case SECONDARY -> dragWindow(dx, dy);
            case MIDDLE -> vp.panTo(pressPanX + dx, pressPanY + dy);
            case PRIMARY -> {
                switch (vp.tool()) {
                    case WINDOW -> dragWindow(dx, dy);
                    case PAN -> vp.panTo(pressPanX + dx, pressPanY + dy);
                    case ZOOM -> {
                        double z = pressZoom * Math.exp(-dy / ZOOM_DRAG_PIXELS);
                        area.set(pressZoom, pressPanX, pressPanY);
                        vp.setZoom(z, track.pressX(), track.pressY());
                    }
                    case SCROLL -> vp.scrollFrom(pressSlice,
                            (int) Math.round(dy / Viewport.DRAG_PIXELS_PER_SLICE));
                }
            }
            default -> { }
        }
        e.consume();
    }

    private void dragWindow(double dx, double dy) {
        vp.setWindow(track.draggedCenter(dy), track.draggedWidth(dx));
    }
}
