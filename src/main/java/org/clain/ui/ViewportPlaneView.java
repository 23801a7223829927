package org.clain.ui;

import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import org.clain.geom.ImagePlane;
import org.clain.geom.Vec3;
import org.clain.render.SliceGeometry;
import org.clain.study.Volume;
import org.clain.ui.measure.PlaneView;
import org.clain.ui.measure.ViewPlane;

/**
 * A 2D {@link Viewport} as a {@link PlaneView}: the plane is the slice shown
 * ({@link SliceGeometry#plane}), screen points map to it through the viewport's own view
 * transform (zoom, pan, rotation, flips), and a point lies on the slice when it is within half the
 * slice spacing of it.
 */
final class ViewportPlaneView implements PlaneView {
    private final Viewport vp;
    private final Consumer<Viewport> activate;

    ViewportPlaneView(Viewport vp, Consumer<Viewport> activate) {
        this.vp = vp;
        this.activate = activate;
    }

    Viewport viewport() {
        return vp;
    }

    @Override
    public Region node() {
        return vp;
    }

    @Override
    public Volume volume() {
        return vp.volume();
    }

    @Override
    public String seriesInstanceUid() {
        return vp.series() == null || vp.volume() == null ? null : vp.series().seriesInstanceUid();
    }

    @Override
    public String studyInstanceUid() {
        return vp.series() == null ? null : vp.series().studyInstanceUid();
    }

    @Override
    public ViewPlane plane() {
        ImagePlane p = vp.plane();
        return p == null ? null : new ViewPlane(p.origin(), p.normal());
    }

    @Override
    public double halfThickness() {
        Volume v = vp.volume();
        if (v == null) {
            return 0;
        }
        // the spacing along the slice normal (a tilted stack's slices are closer than its column 2)
        return Math.abs(v.voxelToPatient().column(2).dot(SliceGeometry.normal(v))) / 2;
    }

    @Override
    public Point2D toScreen(Vec3 patient) {
        double[] px = vp.plane().toPixel(patient);
        // the plane counts pixel centres at integers, the view at +0.5
        return vp.imageToScreen(px[0] + 0.5, px[1] + 0.5);
    }

    @Override
    public Vec3 toPatient(double x, double y) {
        ImagePlane p = vp.plane();
        Point2D i = p == null ? null : vp.screenToImage(x, y);
        return i == null ? null : p.toPatient(i.getX() - 0.5, i.getY() - 0.5);
    }

    @Override
    public void goTo(Vec3 patient) {
        if (vp.volume() != null) {
            vp.setSlice(SliceGeometry.nearestSlice(vp.volume(), patient));
        }
    }

    @Override
    public String planeLabel(Vec3 patient) {
        if (vp.volume() == null) {
            return "";
        }
        return "Im " + vp.displayNumberOf(SliceGeometry.nearestSlice(vp.volume(), patient));
    }

    @Override
    public void addPainter(Consumer<GraphicsContext> painter) {
        vp.addPainter(painter);
    }

    @Override
    public void onChanged(Runnable listener) {
        vp.onSliceChanged(v -> listener.run());
        vp.onStateChanged(v -> listener.run());
    }

    @Override
    public void repaint() {
        vp.redraw();
    }

    @Override
    public void activate() {
        activate.accept(vp);
    }
}
