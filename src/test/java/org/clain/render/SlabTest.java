package org.clain.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.clain.geom.Affine;
import org.clain.geom.Vec3;
import org.clain.study.Volume;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Thick slabs (MIP, MinIP, AVG) on analytic phantoms. */
class SlabTest {
    static final int NX = 64;
    static final int NY = 64;
    static final int NZ = 28;
    static final double R = 15;
    static final double LEVEL = (MprPhantoms.INSIDE + MprPhantoms.OUTSIDE) / 2;

    static Affine grid(String name) {
        return switch (name) {
            case "rotated" -> MprPhantoms.rotated();
            case "tilted" -> MprPhantoms.tilted();
            default -> MprPhantoms.axisAligned();
        };
    }

    static Plane plane(String kind, Vec3 c) {
        return switch (kind) {
            case "axial" -> Plane.axial(c, 0.5, 80, 80);
            case "coronal" -> Plane.coronal(c, 0.5, 80, 80);
            default -> Plane.oblique(c, new Vec3(1, -2, 2), null, 0.5, 80, 80);
        };
    }

    @ParameterizedTest(name = "{0} {1} d={2} t={3}")
    @CsvSource({"axis, axial, 18, 10", "axis, axial, 12, 4", "axis, coronal, 16, 6", "rotated, oblique, 17, 8",
        "tilted, axial, 14, 6", "tilted, oblique, 20, 12", "axis, axial, 3, 10"})
    void mipShowsTheDiscAtClosestApproach(String g, String kind, double d, double t) {
        Affine v2p = grid(g);
        Vec3 centre = MprPhantoms.centreOf(NX, NY, NZ, v2p);
        Volume vol = MprPhantoms.sphere(NX, NY, NZ, v2p, centre, R);
        Plane base = plane(kind, centre);
        Plane p = base.translated(d);
        try (Reslicer r = new Reslicer(vol, 2, Float.NaN)) {
            float[] mip = r.reslice(p, Slab.of(t, Slab.Mode.MIP), null);
            double closest = Math.max(0, d - t / 2);
            MprPhantoms.Disc disc = MprPhantoms.disc(mip, 80, 80, 0.5, LEVEL);
            assertEquals(Math.sqrt(R * R - closest * closest), disc.radiusMm(), 0.5, () -> "MIP " + disc);
            Vec3 where = p.patientToPixel(centre);
            assertEquals(where.x(), disc.ci(), 1.0);
            assertEquals(where.y(), disc.cj(), 1.0);

            // MinIP: bright only where every sample is inside, i.e. at the farthest face
            float[] minip = r.reslice(p, Slab.of(t, Slab.Mode.MINIP), null);
            double farthest = Math.abs(d) + t / 2;
            MprPhantoms.Disc inner = MprPhantoms.disc(minip, 80, 80, 0.5, LEVEL);
            double want = farthest >= R ? 0 : Math.sqrt(R * R - farthest * farthest);
            assertEquals(want, inner.radiusMm(), 0.5, () -> "MinIP " + inner);

            // every MIP pixel is >= the thin slice, every MinIP pixel <=, the AVG between
            float[] thin = r.reslice(p);
            float[] avg = r.reslice(p, Slab.of(t, Slab.Mode.AVG), null);
            for (int i = 0; i < thin.length; i++) {
                if (Float.isNaN(thin[i])) { // outside the volume on the plane, maybe not over the whole slab
                    continue;
                }
                assertTrue(mip[i] >= thin[i] && minip[i] <= thin[i], "pixel " + i);
                assertTrue(avg[i] >= minip[i] - 1e-3 && avg[i] <= mip[i] + 1e-3, "pixel " + i);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"axis, 20", "rotated, 7.3", "tilted, 2.5"})
    void averageOfAConstantIsTheConstant(String g, double t) {
        Affine v2p = grid(g);
        Volume vol = MprPhantoms.constant(30, 30, 12, v2p, -137);
        Vec3 c = MprPhantoms.centreOf(30, 30, 12, v2p);
        try (Reslicer r = new Reslicer(vol, 2, Float.NaN)) {
            Plane p = Plane.oblique(c, new Vec3(0.3, -0.5, 1), null, 0.6, 70, 70);
            for (Slab.Mode m : Slab.Mode.values()) {
                float[] img = r.reslice(p, Slab.of(t, m), null);
                int inside = 0;
                for (float v : img) {
                    if (!Float.isNaN(v)) {
                        assertEquals(-137f, v, 1e-3f, m.name());
                        inside++;
                    }
                }
                assertTrue(inside > 1000, m + " inside " + inside);
            }
            // wholly outside the volume: no data, whatever the mode
            Plane far = p.translated(200);
            for (Slab.Mode m : Slab.Mode.values()) {
                for (float v : r.reslice(far, Slab.of(t, m), null)) {
                    assertTrue(Float.isNaN(v));
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"20, 0.537", "0.5, 0.4", "1, 1", "2.0001, 1"})
    void samplesAreAtMostHalfTheSmallestVoxelApart(double t, double maxStep) {
        int n = Slab.of(t, Slab.Mode.MIP).sampleCount(maxStep);
        assertTrue(t / (n - 1) <= maxStep + 1e-12, "step " + t / (n - 1));
        assertTrue(n == 2 || t / (n - 2) > maxStep, "not more samples than needed");
        assertEquals(0.4, Reslicer.maxSlabStep(MprPhantoms.constant(2, 2, 2, MprPhantoms.axisAligned(), 0)), 1e-12);
    }
}
