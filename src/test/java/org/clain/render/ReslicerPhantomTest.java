package org.clain.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;
import org.clain.geom.Affine;
import org.clain.geom.Vec3;
import org.clain.study.Volume;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The CPU reslicer on analytic phantoms (anisotropic, rotated and sheared voxel grids). */
class ReslicerPhantomTest {
    static final int NX = 64;
    static final int NY = 64;
    static final int NZ = 28;
    static final double R = 15;
    static final double LEVEL = (MprPhantoms.INSIDE + MprPhantoms.OUTSIDE) / 2;
    static final List<Reslicer> OPEN = new ArrayList<>();

    @AfterAll
    static void closeAll() {
        OPEN.forEach(Reslicer::close);
    }

    static Reslicer reslicer(Volume v) {
        Reslicer r = new Reslicer(v, 2, Reslicer.DEFAULT_NO_DATA);
        OPEN.add(r);
        return r;
    }

    static Stream<Arguments> grids() {
        return Stream.of(Arguments.of("axis-aligned", MprPhantoms.axisAligned()),
                Arguments.of("rotated", MprPhantoms.rotated()), Arguments.of("gantry-tilt", MprPhantoms.tilted()));
    }

    static Stream<Arguments> discCases() {
        List<Arguments> out = new ArrayList<>();
        String[] planes = {"axial", "coronal", "sagittal", "oblique", "oblique-up"};
        double[] ds = {0, 5, 10, 13};
        grids().forEach(g -> {
            for (String p : planes) {
                for (double d : ds) {
                    out.add(Arguments.of(g.get()[0], g.get()[1], p, d));
                }
            }
        });
        return out.stream();
    }

    static Plane plane(String kind, Vec3 c, double px, int size) {
        return switch (kind) {
            case "axial" -> Plane.axial(c, px, size, size);
            case "coronal" -> Plane.coronal(c, px, size, size);
            case "sagittal" -> Plane.sagittal(c, px, size, size);
            case "oblique" -> Plane.oblique(c, new Vec3(1, 2, 3), null, px, size, size);
            case "oblique-up" -> Plane.oblique(c, new Vec3(-2, 1, 0.5), new Vec3(0.3, 0.2, 1), px, size, size);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest(name = "{0} {2} d={3}")
    @MethodSource("discCases")
    void planeThroughSphereShowsDiscOfRadiusSqrtR2MinusD2(String grid, Affine v2p, String kind, double d) {
        Vec3 centre = MprPhantoms.centreOf(NX, NY, NZ, v2p).plus(new Vec3(1.3, -0.7, 2.1));
        Volume vol = MprPhantoms.sphere(NX, NY, NZ, v2p, centre, R);
        double px = 0.5;
        int size = 80;
        Plane base = plane(kind, centre, px, size);
        // move the plane d mm along its normal, and shift its centre sideways so the disc is off-centre
        Plane p = base.withCenter(centre.plus(base.normal().times(d)).plus(base.u().times(3.1)).minus(base.v().times(2.3)));
        float[] img = reslicer(vol).reslice(p);
        MprPhantoms.Disc disc = MprPhantoms.disc(img, size, size, px, LEVEL);
        double expected = Math.sqrt(R * R - d * d);
        assertEquals(expected, disc.radiusMm(), px, () -> "radius " + disc);
        Vec3 where = p.patientToPixel(centre);
        assertEquals(d, -where.z(), 1e-9);
        assertEquals(where.x(), disc.ci(), 1.0, "disc centre column");
        assertEquals(where.y(), disc.cj(), 1.0, "disc centre row");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("grids")
    void trilinearIsExactForALinearRamp(String grid, Affine v2p) {
        int nx = 20;
        int ny = 18;
        int nz = 12;
        int a = 38;
        int b = -22;
        int c = 100;
        int d = -300;
        for (boolean mixed : new boolean[] {false, true}) {
            Volume vol = MprPhantoms.ramp(nx, ny, nz, v2p, a, b, c, d, mixed);
            ToDoubleFunction<Vec3> f = MprPhantoms.rampFunction(v2p, a, b, c, d);
            Affine p2v = v2p.inverse();
            Reslicer r = reslicer(vol);
            Random rnd = new Random(42);
            Vec3 mid = MprPhantoms.centreOf(nx, ny, nz, v2p);
            int checked = 0;
            for (int t = 0; t < 20; t++) {
                Vec3 n = new Vec3(rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian());
                Vec3 c0 = mid.plus(new Vec3(rnd.nextDouble() - 0.5, rnd.nextDouble() - 0.5, rnd.nextDouble() - 0.5).times(8));
                Plane p = Plane.oblique(c0, n, null, 0.37 + rnd.nextDouble(), 41, 37);
                float[] img = r.reslice(p);
                for (int j = 0; j < p.height(); j++) {
                    for (int i = 0; i < p.width(); i++) {
                        Vec3 pt = p.pixelToPatient(i, j);
                        Vec3 idx = p2v.apply(pt);
                        float got = img[j * p.width() + i];
                        boolean interior = idx.x() >= 0 && idx.x() <= nx - 1 && idx.y() >= 0 && idx.y() <= ny - 1
                                && idx.z() >= 0 && idx.z() <= nz - 1;
                        boolean outside = idx.x() < -0.5 - 1e-3 || idx.x() > nx - 0.5 + 1e-3 || idx.y() < -0.5 - 1e-3
                                || idx.y() > ny - 0.5 + 1e-3 || idx.z() < -0.5 - 1e-3 || idx.z() > nz - 0.5 + 1e-3;
                        if (interior) {
                            double want = f.applyAsDouble(pt);
                            assertEquals(want, got, 2e-3 * Math.max(1, Math.abs(want)) + 1e-3,
                                    () -> grid + " mixed=" + mixed + " at " + idx);
                            checked++;
                        } else if (outside) {
                            assertTrue(Float.isNaN(got), () -> "outside the volume at " + idx + " got " + got);
                        }
                    }
                }
            }
            assertTrue(checked > 5000, "too few interior samples: " + checked);
            // the single-point sampler agrees
            Vec3 q = v2p.apply(new Vec3(3.3, 4.7, 5.2));
            assertEquals(f.applyAsDouble(q), r.sample(q), 1e-2);
        }
    }

    @Test
    void customNoDataValueOutside() {
        Volume vol = MprPhantoms.constant(10, 10, 5, MprPhantoms.axisAligned(), 77);
        try (Reslicer r = new Reslicer(vol, 1, -32768f)) {
            Vec3 c = MprPhantoms.centreOf(10, 10, 5, MprPhantoms.axisAligned());
            Plane p = Plane.axial(c, 0.8, 30, 10);
            float[] img = r.reslice(p);
            // the volume is 8 mm = 10 pixels wide: columns 10..19 inside, the rest outside
            for (int i = 0; i < 30; i++) {
                float want = i >= 10 && i < 20 ? 77f : -32768f;
                assertEquals(want, img[5 * 30 + i], "column " + i);
            }
            Plane far = Plane.axial(c.plus(new Vec3(0, 0, 100)), 1, 4, 4);
            for (float v : r.reslice(far)) {
                assertEquals(-32768f, v);
            }
        }
    }

    @Test
    void outputBufferIsReusedAndFramesAreAllocationFree() {
        Volume vol = MprPhantoms.sphere(NX, NY, NZ, MprPhantoms.rotated(),
                MprPhantoms.centreOf(NX, NY, NZ, MprPhantoms.rotated()), R);
        Reslicer r = reslicer(vol);
        Plane p = Plane.oblique(MprPhantoms.centreOf(NX, NY, NZ, MprPhantoms.rotated()), new Vec3(1, 1, 3), null, 0.4, 96, 96);
        float[] buf = new float[96 * 96];
        Slab mip = Slab.of(6, Slab.Mode.MIP);
        for (int i = 0; i < 200; i++) { // warm-up (JIT)
            assertTrue(buf == r.reslice(p, Slab.NONE, buf));
            r.reslice(p, mip, buf);
        }
        var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        List<Thread> threads = new ArrayList<>(List.of(r.workerThreads()));
        threads.add(Thread.currentThread());
        long[] ids = threads.stream().mapToLong(Thread::getId).toArray();
        long before = sum(mx.getThreadAllocatedBytes(ids));
        int frames = 50;
        for (int i = 0; i < frames; i++) {
            r.reslice(p, Slab.NONE, buf);
            r.reslice(p, mip, buf);
        }
        long after = sum(mx.getThreadAllocatedBytes(ids));
        // the measuring calls themselves allocate a little; a frame that allocated its output would cost 36 KB
        assertTrue(after - before < 4096, "allocated " + (after - before) + " bytes in " + (2 * frames) + " frames");
    }

    private static long sum(long[] a) {
        long s = 0;
        for (long x : a) {
            s += x;
        }
        return s;
    }

    @Test
    void singleAndMultiThreadedAgreeExactly() {
        Affine g = MprPhantoms.tilted();
        Volume vol = MprPhantoms.sphere(NX, NY, NZ, g, MprPhantoms.centreOf(NX, NY, NZ, g), R);
        Plane p = Plane.oblique(MprPhantoms.centreOf(NX, NY, NZ, g), new Vec3(0.2, 1, 0.4), null, 0.3, 150, 170);
        try (Reslicer one = new Reslicer(vol, 1, Float.NaN); Reslicer four = new Reslicer(vol, 4, Float.NaN)) {
            for (Slab s : new Slab[] {Slab.NONE, Slab.of(7, Slab.Mode.MIP), Slab.of(7, Slab.Mode.AVG)}) {
                float[] a = one.reslice(p, s, null);
                float[] b = four.reslice(p, s, null);
                for (int i = 0; i < a.length; i++) {
                    assertEquals(Float.floatToIntBits(a[i]), Float.floatToIntBits(b[i]), "pixel " + i);
                }
            }
        }
    }
}
