package org.clain.ui;

import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import org.clain.geom.Vec3;
import org.clain.render.MprCursor;
import org.clain.study.Volume;
import org.clain.ui.measure.PlaneView;
import org.clain.ui.measure.ViewPlane;

/**
 * A reformat of the MPR workspace as a {@link PlaneView}: its plane passes through the crosshair
 * centre with the view's normal, screen points map to it through the view's own
 * {@link MprView#screenToPatient} / {@link MprView#patientToScreen}, and what lies within half a
 * scroll step (or half the slab) of it counts as on it.
 */
final class MprPlaneView implements PlaneView {
    private final MprWorkspace ws;
    private final MprView view;

    MprPlaneView(MprWorkspace ws, MprView view) {
        this.ws = ws;
        this.view = view;
    }

    @Override
    public Region node() {
        return view;
    }

    @Override
    public Volume volume() {
        return ws.volume();
    }

    @Override
    public String seriesInstanceUid() {
        return ws.series() == null ? null : ws.series().seriesInstanceUid();
    }

    @Override
    public String studyInstanceUid() {
        return ws.series() == null ? null : ws.series().studyInstanceUid();
    }

    @Override
    public ViewPlane plane() {
        MprCursor c = ws.cursor();
        return ws.volume() == null ? null : new ViewPlane(c.centre(), c.normal(view.view()));
    }

    @Override
    public double halfThickness() {
        double step = ws.cursor().scrollStep(ws.volume(), view.view());
        return Math.max(step, ws.slab().thin() ? 0 : ws.slab().thickness()) / 2;
    }

    @Override
    public Point2D toScreen(Vec3 patient) {
        return view.patientToScreen(patient);
    }

    @Override
    public Vec3 toPatient(double x, double y) {
        return view.screenToPatient(x, y);
    }

    @Override
    public void goTo(Vec3 patient) {
        // the crosshair centre moves there: every reformat passes through the point
        ws.setCursor(ws.cursor().withCentre(patient));
    }

    @Override
    public String planeLabel(Vec3 patient) {
        return view.view().label().substring(0, 3) + " MPR";
    }

    @Override
    public void addPainter(Consumer<GraphicsContext> painter) {
        view.addPainter(painter);
    }

    @Override
    public void onChanged(Runnable listener) {
        // the panel's slice column follows the 2D viewports; reformats repaint themselves
    }

    @Override
    public void repaint() {
        view.redraw();
    }

    @Override
    public void activate() {
        ws.activate(view);
    }
}
