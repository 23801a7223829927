package org.clain.render;

import org.clain.geom.Vec3;
import org.clain.study.Volume;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What any ray caster must get right on the analytic phantom (64^3, 0.8 x 0.6 x 1.4 mm voxels):
 * geometry of projections, LPS orientation of the standard views, silhouettes, clipping. Run
 * against the CPU (RaycastCpuTest) and the GPU (RaycastGpuTest).
 */
abstract class RaycastContract {
    static final int SIZE = 128;
    static final Phantom PHANTOM = Phantom.standard();
    static final Volume VOLUME = PHANTOM.volume();
    static final Phantom OBLIQUE = Phantom.oblique();
    static final Volume OBLIQUE_VOLUME = OBLIQUE.volume();

    abstract RenderImage render(Volume v, RenderParams p, int w, int h);

    static RenderParams mip(Camera c) {
        return RenderParams.of(TransferFunction.greyRamp(-1000, 1000)).withMode(RenderMode.MIP).withCamera(c)
                .withValues(true);
    }

    @Test
    void mipFromTheFrontShowsTheSphereHuInsideItsDisc() {
        Camera cam = StandardView.ANTERIOR.camera().withZoom(1.6);
        RenderImage img = render(VOLUME, mip(cam), SIZE, SIZE);
        ViewFrame f = ViewFrame.of(VOLUME, cam, SIZE, SIZE);
        // anterior view: image plane spans x (0.8 mm) and z (1.4 mm)
        RenderChecks.checkMipDisc(PHANTOM, img, f, 1.4);
    }

    @Test
    void mipHonoursAnObliqueAnisotropicGrid() {
        for (Camera cam : List.of(StandardView.ANTERIOR.camera().withZoom(1.5),
                StandardView.ANTERIOR.camera().orbit(35, -25).withZoom(1.5))) {
            RenderImage img = render(OBLIQUE_VOLUME, mip(cam), SIZE, SIZE);
            ViewFrame f = ViewFrame.of(OBLIQUE_VOLUME, cam, SIZE, SIZE);
            RenderChecks.checkMipDisc(OBLIQUE, img, f, 1.4);
        }
    }

    /** The box lies at +x (patient left) and below the sphere: where each standard view must show it. */
    @Test
    void standardViewsFollowLps() {
        // expected sign of (box - sphere) on screen: {x, y}; y grows downwards; 0 = not checked
        Object[][] cases = {
                {StandardView.ANTERIOR, 1, 1}, {StandardView.POSTERIOR, -1, 1}, {StandardView.HEAD, -1, 0},
                {StandardView.FEET, 1, 0}, {StandardView.LEFT, 0, 1}, {StandardView.RIGHT, 0, 1}};
        for (Object[] c : cases) {
            StandardView view = (StandardView) c[0];
            RenderImage img = render(VOLUME, mip(view.camera()), SIZE, SIZE);
            double[] sphere = centroid(img, Phantom.SPHERE_HU);
            double[] box = centroid(img, Phantom.BOX_HU);
            int sx = (int) c[1];
            int sy = (int) c[2];
            if (sx != 0) {
                assertEquals(sx, (int) Math.signum(Math.round(box[0] - sphere[0])), view + ": box x " + box[0]
                        + " vs sphere " + sphere[0]);
            }
            if (sy != 0) {
                assertEquals(sy, (int) Math.signum(Math.round(box[1] - sphere[1])), view + ": box y " + box[1]
                        + " vs sphere " + sphere[1]);
            }
        }
        // anterior view: patient left (+x) on the image right, head (+z) up
        Camera a = StandardView.ANTERIOR.camera();
        assertEquals(1, a.right().x(), 1e-12);
        assertEquals(1, a.up().z(), 1e-12);
        assertEquals(1, a.forward().y(), 1e-12);
    }

    private static double[] centroid(RenderImage img, double hu) {
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int i = 0; i < img.values().length; i++) {
            if (Math.abs(img.values()[i] - hu) < 0.5) {
                sx += i % img.width();
                sy += i / img.width();
                n++;
            }
        }
        assertTrue(n > 10, "pixels at HU " + hu + ": " + n);
        return new double[] {sx / n, sy / n};
    }

    @Test
    void opaqueDvrGivesTheSphereSilhouette() {
        Camera cam = StandardView.ANTERIOR.camera().orbit(20, 10).withZoom(1.6);
        TransferFunction opaque = TransferFunction.step(0, 20, 1, 1, 1, 1);
        RenderParams p = RenderParams.of(opaque).withShading(Shading.OFF).withCamera(cam);
        RenderImage img = render(VOLUME, p, SIZE, SIZE);
        ViewFrame f = ViewFrame.of(VOLUME, cam, SIZE, SIZE);
        double cell = RenderChecks.cellDiagonal(PHANTOM);
        double r = RenderChecks.discRadiusMm(img, f, i -> (img.argb()[i] & 255) > 127
                && RenderChecks.distMm(img, f, i, PHANTOM.centre()) < PHANTOM.radius() + 2 * cell);
        System.out.printf("%s: DVR silhouette radius %.3f mm%n", getClass().getSimpleName(), r);
        assertEquals(PHANTOM.radius(), r, 1.4, "DVR silhouette radius (mm)");
    }

    @Test
    void isosurfaceGivesTheSphereSilhouetteAndDepth() {
        Camera cam = StandardView.ANTERIOR.camera().withZoom(1.6);
        RenderParams p = RenderParams.of(TransferFunction.greyRamp(0, 1)).withMode(RenderMode.ISO)
                .withIso(0, Rgb.WHITE).withCamera(cam).withValues(true);
        RenderImage img = render(VOLUME, p, SIZE, SIZE);
        ViewFrame f = ViewFrame.of(VOLUME, cam, SIZE, SIZE);
        double cell = RenderChecks.cellDiagonal(PHANTOM);
        double r = RenderChecks.discRadiusMm(img, f, i -> !Float.isNaN(img.values()[i])
                && RenderChecks.distMm(img, f, i, PHANTOM.centre()) < PHANTOM.radius() + 2 * cell);
        System.out.printf("%s: iso silhouette radius %.3f mm%n", getClass().getSimpleName(), r);
        assertEquals(PHANTOM.radius(), r, 1.4, "isosurface silhouette radius (mm)");
        // depth at the disc centre: the sphere's front pole, R before its centre along the ray
        double[] c = f.project(PHANTOM.centre());
        int i = (int) c[1] * SIZE + (int) c[0];
        Vec3 o = f.rayOrigin((int) c[0], (int) c[1]);
        double expected = PHANTOM.centre().minus(o).dot(f.forward()) - PHANTOM.radius();
        System.out.printf("%s: iso depth %.3f mm, expected %.3f%n", getClass().getSimpleName(), img.values()[i], expected);
        assertEquals(expected, img.values()[i], 1.0, "surface depth at the pole (mm)");
    }

    @Test
    void clipPlaneRemovesHalfTheSphere() {
        Camera cam = StandardView.ANTERIOR.camera().withZoom(1.6);
        // keep patient left of the centre (+x), which the anterior view shows on the image right
        RenderParams p = mip(cam).withClipPlanes(List.of(new ClipPlane(PHANTOM.centre(), new Vec3(1, 0, 0))));
        checkHalf(render(VOLUME, p, SIZE, SIZE), cam, true, false);
    }

    @Test
    void patientClipBoxKeepsTheUpperHalf() {
        Camera cam = StandardView.ANTERIOR.camera().withZoom(1.6);
        Vec3 c = PHANTOM.centre();
        RenderParams p = mip(cam).withClipBox(ClipBox.patient(c.minus(new Vec3(100, 100, 0)), c.plus(new Vec3(100, 100, 100))));
        checkHalf(render(VOLUME, p, SIZE, SIZE), cam, false, true);
    }

    @Test
    void voxelClipBoxKeepsTheUpperHalf() {
        Camera cam = StandardView.ANTERIOR.camera().withZoom(1.6);
        RenderParams p = mip(cam).withClipBox(ClipBox.voxels(new Vec3(0, 0, 31.5), new Vec3(63, 63, 63)));
        checkHalf(render(VOLUME, p, SIZE, SIZE), cam, false, true);
    }

    /** keepRight: the image's right half of the disc stays; keepTop: the upper half stays. */
    private static void checkHalf(RenderImage img, Camera cam, boolean keepRight, boolean keepTop) {
        ViewFrame f = ViewFrame.of(VOLUME, cam, SIZE, SIZE);
        double[] c = f.project(PHANTOM.centre());
        double cell = RenderChecks.cellDiagonal(PHANTOM);
        double marginPx = cell / f.mmPerPixel();
        int kept = 0;
        int removed = 0;
        for (int i = 0; i < img.values().length; i++) {
            double d = RenderChecks.distMm(img, f, i, PHANTOM.centre());
            if (d > PHANTOM.radius() - cell) {
                continue;
            }
            double off = keepRight ? (i % SIZE + 0.5) - c[0] : c[1] - (i / SIZE + 0.5);
            if (off > marginPx) {
                assertEquals(Phantom.SPHERE_HU, img.values()[i], 0.5, "kept half at pixel " + i);
                kept++;
            } else if (off < -marginPx) {
                assertTrue(img.values()[i] < Phantom.SPHERE_HU - 1 || Float.isNaN(img.values()[i]),
                        "clipped half at pixel " + i + ": " + img.values()[i]);
                removed++;
            }
        }
        assertTrue(kept > 100 && removed > 100, kept + " kept, " + removed + " removed");
    }

    @Test
    void emptySpaceSkippingDoesNotChangeTheImage() {
        Camera cam = StandardView.ANTERIOR.camera().orbit(40, 25).withZoom(1.4);
        TransferFunction tf = TransferFunction.of(new TransferFunction.Point(100, 0.9, 0.6, 0.4, 0),
                new TransferFunction.Point(400, 0.9, 0.7, 0.5, 0.2), new TransferFunction.Point(1000, 1, 1, 1, 0.6));
        for (RenderMode m : List.of(RenderMode.DVR, RenderMode.MIP, RenderMode.ISO)) {
            RenderParams p = RenderParams.of(tf).withMode(m).withIso(500, Rgb.WHITE).withCamera(cam);
            RenderImage skipped = render(VOLUME, p, 64, 64);
            RenderImage full;
            System.setProperty("clain.render.noSkip", "true");
            try {
                full = render(VOLUME, p, 64, 64);
            } finally {
                System.clearProperty("clain.render.noSkip");
            }
            assertArrayEquals(full.argb(), skipped.argb(), m + ": skipping changed the image");
        }
    }

    @Test
    void interactiveQualityRendersHalfResolutionScaledUp() {
        Camera cam = StandardView.ANTERIOR.camera().withZoom(1.6);
        RenderImage img = render(VOLUME, mip(cam).withQuality(0.4), SIZE, SIZE);
        assertEquals(SIZE, img.width());
        ViewFrame f = ViewFrame.of(VOLUME, cam, SIZE, SIZE);
        double cell = RenderChecks.cellDiagonal(PHANTOM);
        double r = RenderChecks.discRadiusMm(img, f, i -> img.values()[i] > 0
                && RenderChecks.distMm(img, f, i, PHANTOM.centre()) < PHANTOM.radius() + 2 * cell);
        assertEquals(PHANTOM.radius(), r, 2 * 1.4, "half-resolution disc radius (mm)");
    }
}
