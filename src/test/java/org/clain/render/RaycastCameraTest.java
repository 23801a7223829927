package org.clain.render;

import org.clain.geom.Vec3;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Camera conventions in LPS (+x patient left, +y posterior, +z head). */
class RaycastCameraTest {
    private static void near(Vec3 e, Vec3 a, String what) {
        assertEquals(0, e.distance(a), 1e-12, what + ": expected " + e + " got " + a);
    }

    @Test
    void standardViews() {
        // {forward, up, right}
        Object[][] cases = {
                {StandardView.ANTERIOR, new Vec3(0, 1, 0), new Vec3(0, 0, 1), new Vec3(1, 0, 0)},
                {StandardView.POSTERIOR, new Vec3(0, -1, 0), new Vec3(0, 0, 1), new Vec3(-1, 0, 0)},
                {StandardView.LEFT, new Vec3(-1, 0, 0), new Vec3(0, 0, 1), new Vec3(0, 1, 0)},
                {StandardView.RIGHT, new Vec3(1, 0, 0), new Vec3(0, 0, 1), new Vec3(0, -1, 0)},
                {StandardView.HEAD, new Vec3(0, 0, -1), new Vec3(0, -1, 0), new Vec3(-1, 0, 0)},
                {StandardView.FEET, new Vec3(0, 0, 1), new Vec3(0, -1, 0), new Vec3(1, 0, 0)}};
        for (Object[] c : cases) {
            Camera cam = ((StandardView) c[0]).camera();
            near((Vec3) c[1], cam.forward(), c[0] + " forward");
            near((Vec3) c[2], cam.up(), c[0] + " up");
            near((Vec3) c[3], cam.right(), c[0] + " right");
        }
    }

    @Test
    void rollTurnsTheImageClockwise() {
        Camera cam = StandardView.ANTERIOR.camera().withRoll(90);
        near(new Vec3(0, 0, -1), cam.right(), "right after 90 roll");
        near(new Vec3(1, 0, 0), cam.up(), "up after 90 roll");
        near(new Vec3(0, 1, 0), cam.forward(), "forward unchanged");
    }

    @Test
    void viewFrameProjectsPixelCentresAndZoomPan() {
        Phantom ph = Phantom.standard();
        var v = ph.volume();
        Camera cam = StandardView.ANTERIOR.camera().withZoom(2).withPan(5, -3);
        ViewFrame f = ViewFrame.of(v, cam, 200, 100);
        // zoom 2 fits half the diagonal in the shorter side
        assertEquals(f.extent() / (2 * 100), f.mmPerPixel(), 1e-12);
        Vec3 o = f.rayOrigin(10, 20);
        double[] p = f.project(o.plus(f.forward().times(37)));
        assertEquals(10.5, p[0], 1e-9);
        assertEquals(20.5, p[1], 1e-9);
        // pan moves the volume centre right by 5 mm and down by 3 mm
        double[] c = f.project(v.toPatient(31.5, 31.5, 31.5));
        assertEquals(100 + 5 / f.mmPerPixel(), c[0], 1e-9);
        assertEquals(50 + 3 / f.mmPerPixel(), c[1], 1e-9);
    }
}
