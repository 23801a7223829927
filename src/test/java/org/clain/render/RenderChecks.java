package org.clain.render;

import org.clain.geom.Vec3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Geometric checks on rendered phantom images, shared by the CPU and GPU tests. */
final class RenderChecks {
    private RenderChecks() {
    }

    /** Radius (mm) of the disc of pixels passing {@code inside}, from its area. */
    static double discRadiusMm(RenderImage img, ViewFrame f, java.util.function.IntPredicate inside) {
        int n = 0;
        for (int i = 0; i < img.argb().length; i++) {
            if (inside.test(i)) {
                n++;
            }
        }
        return Math.sqrt(n / Math.PI) * f.mmPerPixel();
    }

    /** Distance (mm) in the image plane from pixel i's centre to the projection of p. */
    static double distMm(RenderImage img, ViewFrame f, int i, Vec3 p) {
        double[] c = f.project(p);
        double x = i % img.width() + 0.5;
        double y = i / img.width() + 0.5;
        return Math.hypot(x - c[0], y - c[1]) * f.mmPerPixel();
    }

    /** Image-plane rectangle {x0, y0, x1, y1} (pixels) covering the box's projection plus margin. */
    static double[] boxFootprint(ViewFrame f, Vec3 min, Vec3 max, double marginPx) {
        double[] r = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int c = 0; c < 8; c++) {
            Vec3 p = new Vec3((c & 1) == 0 ? min.x() : max.x(), (c & 2) == 0 ? min.y() : max.y(),
                    (c & 4) == 0 ? min.z() : max.z());
            double[] q = f.project(p);
            r[0] = Math.min(r[0], q[0] - marginPx);
            r[1] = Math.min(r[1], q[1] - marginPx);
            r[2] = Math.max(r[2], q[0] + marginPx);
            r[3] = Math.max(r[3], q[1] + marginPx);
        }
        return r;
    }

    static boolean inRect(RenderImage img, int i, double[] r) {
        double x = i % img.width() + 0.5;
        double y = i / img.width() + 0.5;
        return x >= r[0] && x <= r[2] && y >= r[1] && y <= r[3];
    }

    /**
     * MIP of the phantom: sphere HU inside the projected disc (shrunk by one cell diagonal),
     * background outside (grown by one cell diagonal) away from the box, radius within one voxel.
     */
    static void checkMipDisc(Phantom ph, RenderImage img, ViewFrame f, double voxelMm) {
        double cell = cellDiagonal(ph);
        double[] box = boxFootprint(f, ph.boxMin(), ph.boxMax(), cell / f.mmPerPixel() + 1);
        int inside = 0;
        int outside = 0;
        for (int i = 0; i < img.argb().length; i++) {
            double d = distMm(img, f, i, ph.centre());
            float v = img.values()[i];
            if (d < ph.radius() - cell) {
                assertEquals(Phantom.SPHERE_HU, v, 0.5, "inside the disc at pixel " + i);
                inside++;
            } else if (d > ph.radius() + cell && !inRect(img, i, box)) {
                if (!Float.isNaN(v)) { // NaN: the ray misses the volume
                    assertEquals(Phantom.BACKGROUND_HU, v, 0.5, "outside the disc at pixel " + i);
                    outside++;
                }
            }
        }
        assertTrue(inside > 100 && outside > 1000, "pixels checked: " + inside + " inside, " + outside + " outside");
        double r = discRadiusMm(img, f, i -> img.values()[i] > 0.5 * (Phantom.SPHERE_HU + Phantom.BACKGROUND_HU)
                && distMm(img, f, i, ph.centre()) < ph.radius() + 2 * cell);
        System.out.printf("MIP disc radius %.3f mm (true %.1f)%n", r, ph.radius());
        assertEquals(ph.radius(), r, voxelMm, "MIP disc radius (mm)");
    }

    static double cellDiagonal(Phantom ph) {
        var a = ph.voxelToPatient();
        return a.column(0).plus(a.column(1)).plus(a.column(2)).norm();
    }

    /** Mean absolute difference per channel (0..255) and fraction of channel values within {@code tol}. */
    static double[] compare(RenderImage a, RenderImage b, int tol) {
        assertEquals(a.width(), b.width());
        assertEquals(a.height(), b.height());
        double sum = 0;
        long within = 0;
        int max = 0;
        int n = a.argb().length * 3;
        for (int i = 0; i < a.argb().length; i++) {
            for (int sh = 0; sh <= 16; sh += 8) {
                int d = Math.abs(((a.argb()[i] >> sh) & 255) - ((b.argb()[i] >> sh) & 255));
                sum += d;
                if (d <= tol) {
                    within++;
                }
                max = Math.max(max, d);
            }
        }
        return new double[] {sum / n, within / (double) n, max};
    }
}
