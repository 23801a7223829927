package org.clain.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.clain.geom.Vec3;
import org.clain.study.Volume;
import org.junit.jupiter.api.Test;

/** On the real abdomen CT, ROI means equal brute-force means over the same voxels. */
class RoiRealCtTest {

    @Test
    void geometryMatchesTheOracle() throws Exception {
        Volume v = RealCt.volume();
        assertEquals(512, v.nx());
        assertEquals(134, v.nz());
        Vec3 first = v.toPatient(0, 0, 0);
        assertEquals(0, first.distance(new Vec3(RealCt.ORIGIN[0], RealCt.ORIGIN[1], RealCt.ORIGIN[2])), 1e-6);
        Vec3 s = v.spacing();
        assertEquals(RealCt.SPACING[0], s.x(), 1e-9);
        assertEquals(RealCt.SPACING[2], s.z(), 1e-9);
    }

    @Test
    void smallAxialEllipseMeanEqualsBruteForceOverItsVoxels() throws Exception {
        Volume v = RealCt.volume();
        // in the liver / pancreas region of slice 60; step = pixel spacing and centre on a voxel centre:
        // the plane samples are exactly the voxel centres inside the ellipse
        int cx = 300;
        int cy = 270;
        int z = 60;
        double ru = 6.3;
        double rv = 4.4;
        double[] bf = RealCt.axialEllipse(v, cx, cy, z, RealCt.SPACING[0], RealCt.SPACING[1], ru, rv);
        Vec3 c = new Vec3(RealCt.ORIGIN[0] + cx * RealCt.SPACING[0], RealCt.ORIGIN[1] + cy * RealCt.SPACING[1],
                RealCt.ORIGIN[2] + z * RealCt.SPACING[2]);
        PlanarRoi roi = PlanarRoi.ellipse(Meta.create("liver", null, v.frameOfReferenceUid()), c, new Vec3(0, 0, 1), ru, rv);
        RoiResult r = RoiStatistics.planar(v, roi, RealCt.SPACING[0]);
        assertTrue(bf[1] > 50, "a few dozen voxels: " + bf[1]);
        assertEquals((long) bf[1], r.count());
        assertEquals(bf[0] / bf[1], r.mean(), 1e-6);
        assertEquals(0, r.outside());
        // the default (finer) step gives a close mean over the same area
        RoiResult fine = RoiStatistics.planar(v, roi);
        assertEquals(r.mean(), fine.mean(), Math.max(3, 0.1 * r.sd()));
    }

    @Test
    void sphereMeanEqualsBruteForceOverVoxelCentres() throws Exception {
        Volume v = RealCt.volume();
        double[] c = {RealCt.ORIGIN[0] + 301.3 * RealCt.SPACING[0], RealCt.ORIGIN[1] + 268.6 * RealCt.SPACING[1],
                RealCt.ORIGIN[2] + 60.4 * RealCt.SPACING[2]};
        double r = 7.7;
        double[] bf = RealCt.sphere(v, RealCt.ORIGIN, RealCt.SPACING, c, r);
        RoiResult res = RoiStatistics.ellipsoid(v, EllipsoidRoi.sphere(Meta.create("s", null, v.frameOfReferenceUid()),
                new Vec3(c[0], c[1], c[2]), r));
        assertTrue(bf[1] > 100, "voxels: " + bf[1]);
        assertEquals((long) bf[1], res.count());
        assertEquals(bf[0] / bf[1], res.mean(), 1e-9);
        assertEquals(bf[1] * RealCt.SPACING[0] * RealCt.SPACING[1] * RealCt.SPACING[2], res.volumeMm3(), 1e-6);
    }
}
