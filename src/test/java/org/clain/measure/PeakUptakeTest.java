package org.clain.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.clain.geom.Affine;
import org.clain.geom.Vec3;
import org.clain.study.Volume;
import org.junit.jupiter.api.Test;

/** SUVpeak's 1 ml sphere on phantoms whose answer is counted by hand. */
class PeakUptakeTest {
    private static final String FRAME = "1.2.826.0.1.3680043.10.543.78";

    @FunctionalInterface
    private interface Voxels {
        int at(int x, int y, int z);
    }

    private static Volume volume(int n, double sx, double sy, double sz, Voxels f) {
        short[][] slices = new short[n][n * n];
        for (int z = 0; z < n; z++) {
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    slices[z][y * n + x] = (short) f.at(x, y, z);
                }
            }
        }
        double[] one = new double[n];
        java.util.Arrays.fill(one, 1);
        return new Volume(n, n, n, slices, true, one, new double[n],
                Affine.fromColumns(new Vec3(sx, 0, 0), new Vec3(0, sy, 0), new Vec3(0, 0, sz), new Vec3(0, 0, 0)),
                FRAME, "PT", new double[0], new double[0], null);
    }

    private static Meta meta() {
        return Meta.create("peak", "1.2.3", FRAME);
    }

    /** (3 / 4 pi)^(1/3) cm: the radius of a 1 ml sphere. */
    @Test
    void sphereIsOneMillilitre() {
        assertEquals(1000, 4.0 / 3 * Math.PI * Math.pow(PeakUptake.SPHERE_RADIUS_MM, 3), 1e-9);
    }

    /**
     * One hot voxel of 600 among zeros, 4 mm voxels: a 6.2 mm sphere holds the voxels at index
     * distance^2 0, 1 and 2 (16 x 2 = 32 <= 38.5 mm^2 < 16 x 3), 1 + 6 + 12 = 19 of them, so the peak
     * is 600 / 19 while the maximum is 600.
     */
    @Test
    void singleHotVoxelSpreadsOverNineteen() {
        Volume v = volume(9, 4, 4, 4, (x, y, z) -> x == 4 && y == 4 && z == 4 ? 600 : 0);
        EllipsoidRoi roi = EllipsoidRoi.sphere(meta(), new Vec3(16, 16, 16), 5);
        assertEquals(600.0 / 19, PeakUptake.of(v, roi), 1e-12);
        assertEquals(600, RoiStatistics.ellipsoid(v, roi).max(), 0);
        assertEquals(19, PeakUptake.sphereOffsets(v, PeakUptake.SPHERE_RADIUS_MM).length);
    }

    /**
     * A linear ramp 10x + 3y + z on 4 x 4 x 3 mm voxels: a whole sphere (symmetric offsets) averages
     * to its centre's value, so the peak is the highest voxel the ROI holds. A sphere of 8.5 mm about
     * (10, 10, 10) holds index offset (2, 0, 0) (64 mm^2) but not (2, 0, 1) (73 mm^2) nor (2, 1, 0)
     * (80 mm^2): the best centre is (12, 10, 10), value 160.
     */
    @Test
    void rampPeaksAtTheBestCentre() {
        Volume v = volume(21, 4, 4, 3, (x, y, z) -> 10 * x + 3 * y + z);
        Vec3 c = new Vec3(40, 40, 30);
        assertEquals(160, PeakUptake.of(v, EllipsoidRoi.sphere(meta(), c, 8.5)), 1e-9);
        // an axial circle of 4 mm: its samples (1.5 mm apart) reach the voxels one step along x or y,
        // not both ((3, 3) mm is outside), so the best centre is (11, 10, 10), value 150
        PlanarRoi circle = PlanarRoi.ellipse(meta(), c, new Vec3(0, 0, 1), 4, 4);
        assertEquals(150, PeakUptake.of(v, circle), 1e-9);
    }

    /** A uniform hot sphere of 20 mm radius: every 1 ml sphere centred within 10 mm of its middle is all hot. */
    @Test
    void uniformLesionPeaksAtItsValue() {
        Volume v = volume(31, 2, 2, 2, (x, y, z) -> (x - 15) * (x - 15) + (y - 15) * (y - 15) + (z - 15) * (z - 15) <= 100
                ? 1000 : 50);
        assertEquals(1000, PeakUptake.of(v, EllipsoidRoi.sphere(meta(), new Vec3(30, 30, 30), 10)), 1e-9);
    }
}
