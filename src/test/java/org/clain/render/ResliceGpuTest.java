package org.clain.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.clain.geom.Affine;
import org.clain.geom.Vec3;
import org.clain.render.gl.GlContext;
import org.clain.render.gl.GlReslicer;
import org.clain.render.gl.GlTestSupport;
import org.clain.study.Scanner;
import org.clain.study.Volume;
import org.clain.study.VolumeLoader;
import org.clain.testdata.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The GPU back end against the CPU reference, within GlReslicer's stated tolerance. Skipped only
 * when no GL can be had and CLAIN_REQUIRE_GL is unset (see GlTestSupport); Mesa llvmpipe in CI.
 */
class ResliceGpuTest {
    static final int NX = 64;
    static final int NY = 64;
    static final int NZ = 28;

    /** Compares images; a pixel may differ in no-data classification only if one of its samples lies on a face. */
    static void assertAgree(String what, Volume v, float[] cpu, float[] gpu, int n, double extraTol,
                            java.util.function.IntPredicate nearFace) {
        int compared = 0;
        double worst = 0;
        for (int i = 0; i < n; i++) {
            float a = cpu[i];
            float b = gpu[i];
            boolean na = Float.isNaN(a);
            boolean nb = Float.isNaN(b);
            if (na || nb) {
                if (na != nb && !nearFace.test(i)) {
                    throw new AssertionError(what + ": pixel " + i + " cpu " + a + " gpu " + b);
                }
                continue;
            }
            double tol = GlReslicer.TOLERANCE_HU + GlReslicer.TOLERANCE_RELATIVE * Math.abs(a) + extraTol;
            double d = Math.abs(a - b);
            worst = Math.max(worst, d);
            if (d > tol && !nearFace.test(i)) {
                throw new AssertionError(what + ": pixel " + i + " cpu " + a + " gpu " + b + " (tolerance " + tol + ")");
            }
            compared++;
        }
        assertTrue(compared > n / 10, what + ": only " + compared + " pixels with data");
        System.out.printf("%s: %d pixels compared, worst |gpu-cpu| %.4g%n", what, compared, worst);
    }

    /** True when a sample of pixel (i, j) of the plane (and slab) lies within 2e-3 voxel of the volume box. */
    static java.util.function.IntPredicate nearFace(Volume v, Plane p, Slab s) {
        Affine p2v = v.patientToVoxel();
        int samples = s.sampleCount(Reslicer.maxSlabStep(v));
        return idx -> {
            int i = idx % p.width();
            int j = idx / p.width();
            for (int k = 0; k < samples; k++) {
                double off = samples == 1 ? 0 : (k - (samples - 1) / 2.0) * s.thickness() / (samples - 1);
                Vec3 q = p2v.apply(p.pixelToPatient(i, j).plus(p.normal().times(off)));
                double[] c = q.toArray();
                int[] dims = {v.nx(), v.ny(), v.nz()};
                for (int a = 0; a < 3; a++) {
                    if (Math.abs(c[a] + 0.5) < 2e-3 || Math.abs(c[a] - (dims[a] - 0.5)) < 2e-3) {
                        return true;
                    }
                }
            }
            return false;
        };
    }

    @Test
    void planesAndSlabsMatchTheCpu() {
        GlContext ctx = GlTestSupport.context();
        for (Affine g : List.of(MprPhantoms.rotated(), MprPhantoms.tilted())) {
            Vec3 c = MprPhantoms.centreOf(NX, NY, NZ, g);
            Volume vol = MprPhantoms.sphere(NX, NY, NZ, g, c.plus(new Vec3(1, 2, -1)), 15);
            try (Reslicer cpu = new Reslicer(vol, 2, Float.NaN); GlReslicer gpu = GlReslicer.open(ctx, vol, Float.NaN)) {
                assertTrue(gpu.messages().isEmpty(), gpu.messages().toString());
                List<Plane> planes = List.of(Plane.axial(c.plus(new Vec3(0, 0, 5)), 0.45, 96, 90),
                        Plane.coronal(c, 0.7, 96, 96), Plane.sagittal(c.plus(new Vec3(3, 0, 0)), 0.3, 80, 96),
                        Plane.oblique(c, new Vec3(1, -2, 2.5), null, 0.6, 96, 96));
                for (Plane p : planes) {
                    for (Slab s : List.of(Slab.NONE, Slab.of(8, Slab.Mode.MIP), Slab.of(5, Slab.Mode.MINIP),
                            Slab.of(12, Slab.Mode.AVG))) {
                        int n = p.width() * p.height();
                        assertAgree(p.normal() + " " + s, vol, cpu.reslice(p, s, null), gpu.reslice(p, s, null), n, 0,
                                nearFace(vol, p, s));
                    }
                }
                // the plane crosses the volume's edge: no-data agrees
                Plane edge = Plane.oblique(c.plus(new Vec3(20, 10, 0)), new Vec3(0.2, 1, 0.3), null, 1, 64, 64);
                float[] a = cpu.reslice(edge);
                float[] b = gpu.reslice(edge, Slab.NONE, null);
                int nan = 0;
                for (float f : a) {
                    nan += Float.isNaN(f) ? 1 : 0;
                }
                assertTrue(nan > 100 && nan < 64 * 64 - 100, "plane should cross the edge: " + nan);
                assertAgree("edge", vol, a, b, 64 * 64, 0, nearFace(vol, edge, Slab.NONE));
            }
        }
    }

    @Test
    void customNoDataAndCurvedMatchTheCpu() {
        GlContext ctx = GlTestSupport.context();
        Affine g = MprPhantoms.rotated();
        Vec3 c = MprPhantoms.centreOf(NX, NY, NZ, g);
        Volume vol = MprPhantoms.sphere(NX, NY, NZ, g, c, 15);
        try (Reslicer cpu = new Reslicer(vol, 2, -32768f); GlReslicer gpu = GlReslicer.open(ctx, vol, -32768f)) {
            List<Vec3> pts = new ArrayList<>();
            for (int k = 0; k <= 6; k++) {
                double s = k / 6.0;
                pts.add(c.plus(new Vec3(16 * Math.cos(3 * s), 16 * Math.sin(3 * s), -20 + 40 * s)));
            }
            Curve curve = Curve.catmullRom(pts);
            for (CurvedReslicer.Mode m : CurvedReslicer.Mode.values()) {
                CurvedReslicer.Result a = new CurvedReslicer(cpu).reslice(curve, m, new Vec3(0, 1, 0), 0.5, 72, null);
                CurvedReslicer.Result b = new CurvedReslicer(gpu).reslice(curve, m, new Vec3(0, 1, 0), 0.5, 72, null);
                int n = a.width() * a.height();
                float[] x = a.values().clone();
                float[] y = b.values().clone();
                int outside = 0;
                for (int i = 0; i < n; i++) { // custom no-data on both sides
                    if (x[i] == -32768f) {
                        x[i] = Float.NaN;
                        outside++;
                    }
                    if (y[i] == -32768f) {
                        y[i] = Float.NaN;
                    }
                }
                assertTrue(outside > 0, "the curve's rows should leave the volume somewhere");
                Affine p2v = vol.patientToVoxel();
                CurvedReslicer.Geometry geo = a.geometry();
                assertAgree("curved " + m, vol, x, y, n, 0, idx -> {
                    double[] q = p2v.apply(geo.patientAt(idx % geo.width(), idx / geo.width())).toArray();
                    int[] dims = {NX, NY, NZ};
                    for (int k = 0; k < 3; k++) {
                        if (Math.abs(q[k] + 0.5) < 2e-3 || Math.abs(q[k] - (dims[k] - 0.5)) < 2e-3) {
                            return true;
                        }
                    }
                    return false;
                });
            }
        }
    }

    @Test
    void mixedPerSliceRescaleWithinTheRequantisationError() {
        GlContext ctx = GlTestSupport.context();
        Affine g = MprPhantoms.tilted();
        Volume vol = MprPhantoms.ramp(20, 18, 12, g, 38, -22, 100, -300, true);
        Vec3 c = MprPhantoms.centreOf(20, 18, 12, g);
        try (Reslicer cpu = new Reslicer(vol, 1, Float.NaN); GlReslicer gpu = GlReslicer.open(ctx, vol, Float.NaN)) {
            assertFalse(gpu.messages().isEmpty(), "the texture is requantised and says so");
            double extra = gpu.requantisationError();
            assertTrue(extra > 0 && extra < 2, "requantisation error " + extra);
            Plane p = Plane.oblique(c, new Vec3(0.3, 0.4, 1), null, 0.5, 48, 48);
            assertAgree("mixed rescale", vol, cpu.reslice(p), gpu.reslice(p, Slab.NONE, null), 48 * 48, extra,
                    nearFace(vol, p, Slab.NONE));
        }
    }

    @Test
    void realCtCropMatchesTheCpu() throws Exception {
        GlContext ctx = GlTestSupport.context();
        Volume full = VolumeLoader.load(Scanner.scan(List.of(SharedData.file(
                "real-ct/pancreatic-ct-cbct-seg_CB001_abdomen_implicitLE"))).series().get(0).stacks().get(0));
        Volume v = crop(full, 150, 150, 50, 192, 160, 30);
        Vec3 c = v.toPatient(95.5, 79.5, 14.5);
        try (Reslicer cpu = new Reslicer(v, 2, Float.NaN); GlReslicer gpu = GlReslicer.open(ctx, v, Float.NaN)) {
            for (Plane p : List.of(Plane.oblique(c, new Vec3(0.3, -0.5, 1), null, 1.0, 128, 128),
                    Plane.coronal(c, 0.9, 128, 96))) {
                for (Slab s : List.of(Slab.NONE, Slab.of(10, Slab.Mode.MIP), Slab.of(6, Slab.Mode.AVG))) {
                    int n = p.width() * p.height();
                    assertAgree("real CT " + p.normal() + " " + s, v, cpu.reslice(p, s, null), gpu.reslice(p, s, null), n,
                            0, nearFace(v, p, s));
                }
            }
            // at voxel centres in the acquisition plane, the GPU gives the stored HU too
            Plane ax = Plane.axial(v.toPatient(95.5, 79.5, 7), v.spacing().x(), 192, 160);
            float[] img = gpu.reslice(ax, Slab.NONE, null);
            for (int y = 0; y < 160; y += 3) {
                for (int x = 0; x < 192; x += 3) {
                    assertEquals(v.value(x, y, 7), img[y * 192 + x], GlReslicer.TOLERANCE_HU);
                }
            }
        }
    }

    @Test
    void cliGpuAndCpuWriteTheSameRawValues(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        GlTestSupport.context();
        String ct = SharedData.file("real-ct/pancreatic-ct-cbct-seg_CB001_abdomen_implicitLE").toString();
        float[][] hu = new float[2][];
        String[] flags = {"--gpu", "--cpu"};
        for (int k = 0; k < 2; k++) {
            java.nio.file.Path json = tmp.resolve(k + ".json");
            java.io.StringWriter out = new java.io.StringWriter();
            java.io.StringWriter err = new java.io.StringWriter();
            picocli.CommandLine cl = new picocli.CommandLine(new org.clain.cli.MprCommand());
            cl.setOut(new java.io.PrintWriter(out));
            cl.setErr(new java.io.PrintWriter(err));
            int code = cl.execute(ct, "--plane", "oblique", "--normal", "0.2,-1,0.4", "--slab", "8", "--mode", "mip",
                    "--size", "96", "--pixel", "3", flags[k], "--out", tmp.resolve(k + ".png").toString(), "--raw",
                    json.toString());
            assertEquals(0, code, err.toString());
            assertTrue(out.toString().contains(k == 0 ? "GPU" : "CPU"), out.toString());
            com.fasterxml.jackson.databind.JsonNode a = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json.toFile())
                    .get("hu");
            hu[k] = new float[a.size()];
            for (int i = 0; i < a.size(); i++) {
                hu[k][i] = a.get(i).isNull() ? Float.NaN : (float) a.get(i).asDouble();
            }
        }
        Volume v = VolumeLoader.load(Scanner.scan(List.of(java.nio.file.Path.of(ct))).series().get(0).stacks().get(0));
        Vec3 mid = v.toPatient((v.nx() - 1) / 2.0, (v.ny() - 1) / 2.0, (v.nz() - 1) / 2.0);
        Plane p = Plane.oblique(mid, new Vec3(0.2, -1, 0.4), null, 3, 96, 96);
        assertAgree("clain mpr --gpu vs --cpu", v, hu[1], hu[0], 96 * 96, 0, nearFace(v, p, Slab.of(8, Slab.Mode.MIP)));
    }

    static Volume crop(Volume v, int x0, int y0, int z0, int nx, int ny, int nz) {
        short[][] s = new short[nz][nx * ny];
        double[] sl = new double[nz];
        double[] ic = new double[nz];
        for (int z = 0; z < nz; z++) {
            short[] src = v.copySlice(z0 + z);
            for (int y = 0; y < ny; y++) {
                System.arraycopy(src, (y0 + y) * v.nx() + x0, s[z], y * nx, nx);
            }
            sl[z] = v.slope(z0 + z);
            ic[z] = v.intercept(z0 + z);
        }
        Affine a = v.voxelToPatient();
        Affine g = Affine.fromColumns(a.column(0), a.column(1), a.column(2), v.toPatient(x0, y0, z0));
        return new Volume(nx, ny, nz, s, v.signed(), sl, ic, g, v.frameOfReferenceUid(), v.modality(), v.windowCenter(),
                v.windowWidth(), v.paddingValue());
    }

    @Test
    void fallsBackToTheCpuWhenTheVolumeExceedsMax3DTextureSize() {
        GlContext ctx = GlTestSupport.context();
        Volume vol = MprPhantoms.constant(40, 20, 10, MprPhantoms.axisAligned(), 5);
        String old = System.getProperty("clain.gl.max3DTextureSize");
        System.setProperty("clain.gl.max3DTextureSize", "32");
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> GlReslicer.open(ctx, vol, Float.NaN));
            assertTrue(e.getMessage().contains("GL_MAX_3D_TEXTURE_SIZE 32"), e.getMessage());
            try (MprRenderer r = MprRenderer.open(vol, MprRenderer.Backend.GPU)) {
                assertFalse(r.gpu());
                assertNotNull(r.fallbackReason());
                assertTrue(r.fallbackReason().contains("GL_MAX_3D_TEXTURE_SIZE"), r.fallbackReason());
                float[] img = r.reslice(Plane.axial(MprPhantoms.centreOf(40, 20, 10, MprPhantoms.axisAligned()), 0.8, 8, 8),
                        Slab.NONE, null);
                assertEquals(5f, img[27]);
            }
        } finally {
            if (old == null) {
                System.clearProperty("clain.gl.max3DTextureSize");
            } else {
                System.setProperty("clain.gl.max3DTextureSize", old);
            }
        }
        // without the limit, GPU is used when asked for; AUTO prefers the CPU on a software renderer
        try (MprRenderer r = MprRenderer.open(vol, MprRenderer.Backend.GPU)) {
            assertTrue(r.gpu(), r.fallbackReason());
            System.out.println("MprRenderer GPU: " + r.backend().description());
        }
        try (MprRenderer r = MprRenderer.open(vol, MprRenderer.Backend.AUTO)) {
            assertEquals(ctx.software(), !r.gpu(), String.valueOf(r.fallbackReason()));
        }
    }
}
