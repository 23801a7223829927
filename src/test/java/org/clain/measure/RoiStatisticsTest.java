package org.clain.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.clain.geom.Vec3;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** ROI statistics against brute force computed here from the synthetic CT's own truth. */
class RoiStatisticsTest {

    /** Expected statistics of a list of values, computed the plain way. */
    private record Expected(long count, double mean, double sd, double min, double max, double median) {
        static Expected of(List<Double> values) {
            int n = values.size();
            double sum = 0;
            for (double v : values) {
                sum += v;
            }
            double mean = sum / n;
            double ss = 0;
            for (double v : values) {
                ss += (v - mean) * (v - mean);
            }
            double[] s = values.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(s);
            double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
            return new Expected(n, mean, n > 1 ? Math.sqrt(ss / (n - 1)) : 0, s[0], s[n - 1], median);
        }
    }

    @ParameterizedTest(name = "oblique={0}")
    @ValueSource(booleans = {false, true})
    void sphereRoiEqualsBruteForceOverVoxelCentres(boolean oblique) {
        SyntheticCt ct = new SyntheticCt(oblique);
        double[] c = ct.sphereCenter;
        for (double r : new double[] {ct.sphereRadius - 1.7, ct.sphereRadius + 3.1, 4.05}) {
            List<Double> values = new ArrayList<>();
            double margin = Double.POSITIVE_INFINITY;
            for (int z = 0; z < ct.nz; z++) {
                for (int y = 0; y < ct.ny; y++) {
                    for (int x = 0; x < ct.nx; x++) {
                        double[] p = ct.toPatient(x, y, z);
                        double d2 = SyntheticCt.sq(p[0] - c[0]) + SyntheticCt.sq(p[1] - c[1]) + SyntheticCt.sq(p[2] - c[2]);
                        margin = Math.min(margin, Math.abs(d2 - r * r));
                        if (d2 <= r * r) {
                            values.add(ct.hu(x, y, z));
                        }
                    }
                }
            }
            assertTrue(margin > 1e-6, "test setup: a voxel centre lies on the sphere, margin " + margin);
            Expected e = Expected.of(values);
            RoiResult res = RoiStatistics.ellipsoid(ct.volume, EllipsoidRoi.sphere(SyntheticCt.meta("s"), ct.sphereCenterVec(), r));
            assertEquals(RoiStatistics.Method.VOXEL_CENTRES, res.method());
            assertEquals(e.count(), res.count(), "voxel count, r=" + r);
            assertEquals(e.mean(), res.mean(), 1e-9, "mean, r=" + r);
            assertEquals(e.sd(), res.sd(), 1e-9);
            assertEquals(e.min(), res.min(), 0);
            assertEquals(e.max(), res.max(), 0);
            assertEquals(e.median(), res.median(), 0);
            double voxel = ct.spacing[0] * ct.spacing[1] * ct.spacing[2];
            assertEquals(e.count() * voxel, res.volumeMm3(), 1e-9 * e.count() * voxel);
        }
        // the ROI equal to the phantom's sphere holds exactly the sphere's voxels: all HU 300..306
        RoiResult inner = RoiStatistics.ellipsoid(ct.volume,
                EllipsoidRoi.sphere(SyntheticCt.meta("s"), ct.sphereCenterVec(), ct.sphereRadius));
        assertTrue(inner.min() >= 300 && inner.max() <= 306, inner.min() + ".." + inner.max());
        // and its voxel volume approaches the sphere's volume
        double nominal = 4.0 / 3.0 * Math.PI * Math.pow(ct.sphereRadius, 3);
        assertEquals(nominal, inner.volumeMm3(), 0.03 * nominal);
    }

    @Test
    void ellipsoidRoiWithRotatedAxesEqualsBruteForce() {
        SyntheticCt ct = new SyntheticCt(true);
        double[][] r = SyntheticCt.rotation(new double[] {-2, 1, 0.5}, Math.toRadians(50));
        Vec3 u = new Vec3(r[0][0], r[1][0], r[2][0]);
        Vec3 v = new Vec3(r[0][1], r[1][1], r[2][1]);
        Vec3 w = new Vec3(r[0][2], r[1][2], r[2][2]);
        double ru = 13.1;
        double rv = 6.3;
        double rw = 8.7;
        double[] c = ct.sphereCenter;
        List<Double> values = new ArrayList<>();
        for (int z = 0; z < ct.nz; z++) {
            for (int y = 0; y < ct.ny; y++) {
                for (int x = 0; x < ct.nx; x++) {
                    double[] p = ct.toPatient(x, y, z);
                    double[] d = {p[0] - c[0], p[1] - c[1], p[2] - c[2]};
                    double a = (d[0] * r[0][0] + d[1] * r[1][0] + d[2] * r[2][0]) / ru;
                    double b = (d[0] * r[0][1] + d[1] * r[1][1] + d[2] * r[2][1]) / rv;
                    double g = (d[0] * r[0][2] + d[1] * r[1][2] + d[2] * r[2][2]) / rw;
                    double q = a * a + b * b + g * g;
                    assertTrue(Math.abs(q - 1) > 1e-9, "test setup: voxel centre on the surface");
                    if (q <= 1) {
                        values.add(ct.hu(x, y, z));
                    }
                }
            }
        }
        Expected e = Expected.of(values);
        RoiResult res = RoiStatistics.ellipsoid(ct.volume,
                new EllipsoidRoi(SyntheticCt.meta("e"), ct.sphereCenterVec(), u, v, w, ru, rv, rw));
        assertEquals(e.count(), res.count());
        assertEquals(e.mean(), res.mean(), 1e-9);
        assertEquals(e.median(), res.median(), 0);
    }

    @ParameterizedTest(name = "oblique volume={0}")
    @ValueSource(booleans = {false, true})
    void ellipseOnObliquePlaneEqualsTestResampling(boolean obliqueVolume) {
        SyntheticCt ct = new SyntheticCt(obliqueVolume);
        // an oblique plane through a point near the sphere's edge (values mix sphere and background)
        Vec3 n = new Vec3(0.3, -0.5, 0.81).normalized();
        Vec3 u = new Vec3(1, 0.4, 0).minus(n.times(new Vec3(1, 0.4, 0).dot(n))).normalized();
        Vec3 v = n.cross(u).normalized();
        Vec3 c = ct.sphereCenterVec().plus(new Vec3(3.3, -2.1, 4.4));
        double ru = 9.37;
        double rv = 5.21;
        double h = 0.37;
        PlanarRoi roi = PlanarRoi.ellipse(SyntheticCt.meta("oblique ellipse"), c, u, v, ru, rv);

        List<Double> values = new ArrayList<>();
        long outside = 0;
        int lim = (int) Math.ceil(Math.max(ru, rv) / h) + 1;
        for (int j = -lim; j <= lim; j++) {
            for (int i = -lim; i <= lim; i++) {
                double s = i * h;
                double t = j * h;
                double q = (s / ru) * (s / ru) + (t / rv) * (t / rv);
                assertTrue(Math.abs(q - 1) > 1e-9, "test setup: a grid point on the outline");
                if (q > 1) {
                    continue;
                }
                double[] p = {c.x() + s * u.x() + t * v.x(), c.y() + s * u.y() + t * v.y(), c.z() + s * u.z() + t * v.z()};
                double value = ct.trilinear(ct.toVoxel(p));
                if (Double.isNaN(value)) {
                    outside++;
                } else {
                    values.add(value);
                }
            }
        }
        Expected e = Expected.of(values);
        assertTrue(e.min() < 0 && e.max() > 300, "the ROI crosses the sphere's surface");
        RoiResult res = RoiStatistics.planar(ct.volume, roi, h);
        assertEquals(RoiStatistics.Method.PLANE_SAMPLES_TRILINEAR, res.method());
        assertEquals(e.count(), res.count());
        assertEquals(outside, res.outside());
        assertEquals(e.mean(), res.mean(), 1e-7);
        assertEquals(e.sd(), res.sd(), 1e-7);
        assertEquals(e.min(), res.min(), 1e-7);
        assertEquals(e.max(), res.max(), 1e-7);
        assertEquals(e.median(), res.median(), 1e-7);
        assertEquals(Math.PI * ru * rv, res.areaMm2(), 1e-9);
        // sample area approaches the exact area
        assertEquals(res.areaMm2(), res.sampledAreaMm2(), 0.03 * res.areaMm2());
    }

    @Test
    void polygonAndRectangleOnObliquePlaneEqualTestResampling() {
        SyntheticCt ct = new SyntheticCt(true);
        Vec3 n = new Vec3(-0.2, 0.9, 0.4).normalized();
        Vec3[] axes = PlanarRoi.axesForNormal(n);
        Vec3 c = ct.sphereCenterVec().plus(new Vec3(-1.1, 0.7, 2.9));
        // a concave "L" polygon in (s, t)
        double[][] st = {{-6.03, -5.11}, {7.17, -5.11}, {7.17, -0.93}, {-1.29, -0.93}, {-1.29, 6.47}, {-6.03, 6.47}};
        List<Vec3> pts = new ArrayList<>();
        for (double[] q : st) {
            pts.add(c.plus(axes[0].times(q[0])).plus(axes[1].times(q[1])));
        }
        PlanarRoi poly = PlanarRoi.polygon(SyntheticCt.meta("L"), pts);
        double h = 0.43;
        // the fitted plane has the same normal and axes; its centre is the vertex mean
        Vec3 pc = poly.center();
        List<Double> values = new ArrayList<>();
        int lim = 60;
        for (int j = -lim; j <= lim; j++) {
            for (int i = -lim; i <= lim; i++) {
                Vec3 p = pc.plus(axes[0].times(i * h)).plus(axes[1].times(j * h));
                double s = p.minus(c).dot(axes[0]);
                double t = p.minus(c).dot(axes[1]);
                boolean inL = (s >= -6.03 && s <= 7.17 && t >= -5.11 && t <= -0.93)
                        || (s >= -6.03 && s <= -1.29 && t > -0.93 && t <= 6.47);
                double edge = Math.min(Math.min(Math.abs(s + 6.03), Math.abs(s - 7.17)),
                        Math.min(Math.min(Math.abs(t + 5.11), Math.abs(t + 0.93)), Math.min(Math.abs(s + 1.29), Math.abs(t - 6.47))));
                assertTrue(edge > 1e-7, "test setup: grid point on an edge");
                if (inL) {
                    values.add(ct.trilinear(ct.toVoxel(new double[] {p.x(), p.y(), p.z()})));
                }
            }
        }
        Expected e = Expected.of(values);
        RoiResult res = RoiStatistics.planar(ct.volume, poly, h);
        assertEquals(e.count(), res.count());
        assertEquals(e.mean(), res.mean(), 1e-7);
        assertEquals(e.median(), res.median(), 1e-7);
        assertEquals(13.2 * 4.18 + 4.74 * 7.4, res.areaMm2(), 1e-9);

        // rectangle on the same plane, grid on its centre
        double hu = 4.37;
        double hv = 2.93;
        PlanarRoi rect = PlanarRoi.rectangle(SyntheticCt.meta("rect"), c, axes[0], axes[1], hu, hv);
        List<Double> rv = new ArrayList<>();
        for (int j = -lim; j <= lim; j++) {
            for (int i = -lim; i <= lim; i++) {
                double s = i * h;
                double t = j * h;
                assertTrue(Math.abs(Math.abs(s) - hu) > 1e-7 && Math.abs(Math.abs(t) - hv) > 1e-7, "setup");
                if (Math.abs(s) <= hu && Math.abs(t) <= hv) {
                    Vec3 p = c.plus(axes[0].times(s)).plus(axes[1].times(t));
                    rv.add(ct.trilinear(ct.toVoxel(new double[] {p.x(), p.y(), p.z()})));
                }
            }
        }
        Expected er = Expected.of(rv);
        RoiResult rr = RoiStatistics.planar(ct.volume, rect, h);
        assertEquals(er.count(), rr.count());
        assertEquals(er.mean(), rr.mean(), 1e-7);
        assertEquals(er.sd(), rr.sd(), 1e-7);
        assertEquals(4 * hu * hv, rr.areaMm2(), 1e-9);
    }

    @Test
    void lineProfileAndProbeEqualTestTrilinear() {
        SyntheticCt ct = new SyntheticCt(true);
        Vec3 dir = new Vec3(0.6, -0.64, 0.48);
        Vec3 from = ct.sphereCenterVec().minus(dir.times(15));
        Vec3 to = ct.sphereCenterVec().plus(dir.times(15));
        LineProfile prof = LineProfile.sample(ct.volume, from, to, 0.5);
        assertEquals(61, prof.size());
        for (int i = 0; i < prof.size(); i++) {
            assertEquals(i * 0.5, prof.distanceMm()[i], 1e-12);
            Vec3 p = from.plus(dir.times(i * 0.5));
            double expected = ct.trilinear(ct.toVoxel(new double[] {p.x(), p.y(), p.z()}));
            assertEquals(expected, prof.values()[i], 1e-7, "sample " + i);
        }
        // a probe reads the same interpolation
        Vec3 q = ct.sphereCenterVec().plus(new Vec3(1.234, -2.345, 3.456));
        List<Quantity> probe = Evaluation.of(new PointProbe(SyntheticCt.meta("p"), q), ct.volume);
        assertEquals(Quantity.Kind.VALUE, probe.get(0).kind());
        assertEquals("HU", probe.get(0).unit());
        assertEquals(ct.trilinear(ct.toVoxel(new double[] {q.x(), q.y(), q.z()})), probe.get(0).value(), 1e-7);
        // outside the volume: NaN, never a made-up value
        assertTrue(Double.isNaN(VolumeSampler.at(ct.volume, new Vec3(1e4, 0, 0))));
    }

    @Test
    void histogramOfSphereCountsEachHuValue() {
        SyntheticCt ct = new SyntheticCt(false);
        RoiResult res = RoiStatistics.ellipsoid(ct.volume,
                EllipsoidRoi.sphere(SyntheticCt.meta("s"), ct.sphereCenterVec(), ct.sphereRadius));
        long[] expected = new long[7];
        double[] c = ct.sphereCenter;
        for (int z = 0; z < ct.nz; z++) {
            for (int y = 0; y < ct.ny; y++) {
                for (int x = 0; x < ct.nx; x++) {
                    double[] p = ct.toPatient(x, y, z);
                    double d2 = SyntheticCt.sq(p[0] - c[0]) + SyntheticCt.sq(p[1] - c[1]) + SyntheticCt.sq(p[2] - c[2]);
                    if (d2 <= ct.sphereRadius * ct.sphereRadius) {
                        expected[(int) ct.hu(x, y, z) - 300]++;
                    }
                }
            }
        }
        Histogram h = res.histogram(7, 299.5, 306.5);
        assertArrayEquals(expected, h.counts());
        assertEquals(0, h.below());
        assertEquals(0, h.above());
        assertEquals(303.0, h.binCenter(3), 1e-12);
        assertEquals(res.count(), h.total());
    }

    @Test
    void roiOutsideTheVolumeHasNoValuesAndOtherFramesAreRefused() {
        SyntheticCt ct = new SyntheticCt(false);
        PlanarRoi far = PlanarRoi.ellipse(SyntheticCt.meta("far"), new Vec3(500, 500, 500), new Vec3(0, 0, 1), 5, 5);
        RoiResult r = RoiStatistics.planar(ct.volume, far);
        assertEquals(0, r.count());
        assertTrue(r.outside() > 0);
        assertTrue(Double.isNaN(r.mean()));
        assertEquals(Math.PI * 25, r.areaMm2(), 1e-9);
        PlanarRoi other = PlanarRoi.ellipse(Meta.create("x", "1.2", "9.9.9"), ct.sphereCenterVec(), new Vec3(0, 0, 1), 5, 5);
        assertThrows(IllegalArgumentException.class, () -> RoiStatistics.planar(ct.volume, other));
        assertEquals(0.35, RoiStatistics.defaultStep(ct.volume), 1e-12);
    }
}
