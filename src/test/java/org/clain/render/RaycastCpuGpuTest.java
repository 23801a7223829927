package org.clain.render;

import org.clain.geom.Vec3;
import org.clain.render.gl.GlContext;
import org.clain.render.gl.GlRaycaster;
import org.clain.render.gl.GlTestSupport;
import org.clain.render.gl.VolumeTexture;
import org.clain.study.Volume;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GPU image matches the CPU reference on the phantom in every mode: mean absolute difference
 * below 2/255 per channel and 99% of channel values within 8/255; projected HU within 2 HU on
 * average. Skipped only when no GL 3.3 context can be had and CLAIN_REQUIRE_GL is unset.
 */
class RaycastCpuGpuTest {
    static final int SIZE = 128;
    private static final CpuRaycaster CPU = new CpuRaycaster();

    @AfterAll
    static void close() {
        CPU.close();
    }

    static TransferFunction tissue() {
        return TransferFunction.of(new TransferFunction.Point(-300, 0.8, 0.5, 0.3, 0),
                new TransferFunction.Point(200, 0.85, 0.55, 0.35, 0.25), new TransferFunction.Point(350, 0.9, 0.7, 0.5, 0.5),
                new TransferFunction.Point(900, 1, 1, 0.9, 0.9));
    }

    @Test
    void gpuMatchesCpuInEveryMode() {
        GlRaycaster gpu = RaycastGpuTest.gpu();
        Camera cam = StandardView.ANTERIOR.camera().orbit(30, 20).withRoll(10).withZoom(1.7);
        for (Phantom ph : List.of(Phantom.standard(), Phantom.oblique())) {
            Volume v = ph == RaycastContract.PHANTOM ? RaycastContract.VOLUME : ph.volume();
            for (RenderMode m : RenderMode.values()) {
                TransferFunction tf = m.projection() ? TransferFunction.greyRamp(-1000, 1000) : tissue();
                RenderParams p = RenderParams.of(tf).withMode(m).withCamera(cam).withIso(400, new Rgb(0.9, 0.8, 0.7))
                        .withValues(true);
                agree(gpu, v, p, m + " " + (ph.nx() == 64 && ph.voxelToPatient().get(1, 0) != 0 ? "oblique" : "axial"));
            }
        }
    }

    @Test
    void gpuMatchesCpuWithClippingAndUnshaded() {
        GlRaycaster gpu = RaycastGpuTest.gpu();
        Phantom ph = RaycastContract.PHANTOM;
        Volume v = RaycastContract.VOLUME;
        Vec3 c = ph.centre();
        RenderParams base = RenderParams.of(tissue()).withCamera(StandardView.LEFT.camera().orbit(-20, 30).withZoom(1.5));
        agree(gpu, v, base.withClipPlanes(List.of(new ClipPlane(c, new Vec3(1, 1, 0)),
                new ClipPlane(c.minus(new Vec3(0, 0, 8)), new Vec3(0, 0, 1)))), "DVR 2 planes");
        agree(gpu, v, base.withClipBox(ClipBox.voxels(new Vec3(10, 5, 20), new Vec3(50, 40, 60))).withShading(Shading.OFF),
                "DVR voxel box unshaded");
        agree(gpu, v, base.withMode(RenderMode.MIP).withTransferFunction(TransferFunction.greyRamp(-1000, 1000))
                .withClipBox(ClipBox.patient(c.minus(new Vec3(30, 5, 30)), c.plus(new Vec3(30, 30, 30)))).withValues(true),
                "MIP patient box");
        agree(gpu, v, base.withQuality(0.3).withBackground(new Rgb(0.2, 0.3, 0.4)), "DVR quality 0.3 on blue");
    }

    static void agree(GlRaycaster gpu, Volume v, RenderParams p, String what) {
        RenderImage ci = CPU.render(v, p, SIZE, SIZE);
        RenderImage gi = gpu.render(v, p, SIZE, SIZE);
        double[] d = RenderChecks.compare(ci, gi, 8);
        System.out.printf("CPU vs GPU %-28s mean |d| %.4f/255, within 8/255 %.4f%%, max %d%n", what, d[0], d[1] * 100,
                (int) d[2]);
        assertTrue(d[0] < 2.0, what + ": mean abs difference " + d[0] + "/255");
        assertTrue(d[1] >= 0.99, what + ": only " + d[1] * 100 + "% within 8/255");
        if (p.values() && p.mode().projection()) {
            double sum = 0;
            int n = 0;
            for (int i = 0; i < ci.values().length; i++) {
                float a = ci.values()[i];
                float b = gi.values()[i];
                assertEquals(Float.isNaN(a), Float.isNaN(b), what + ": hit/miss differs at pixel " + i);
                if (!Float.isNaN(a)) {
                    sum += Math.abs(a - b);
                    n++;
                }
            }
            assertTrue(n == 0 || sum / n < 2.0, what + ": mean HU difference " + sum / n);
        }
    }

    /**
     * The same HU stored three ways (signed with one rescale, unsigned, and per-slice rescales that
     * the GPU requantises) give the same images on both renderers.
     */
    @Test
    void storageAndPerSliceRescaleDoNotChangeTheImage() {
        GlRaycaster gpu = RaycastGpuTest.gpu();
        Volume ref = RaycastContract.VOLUME;
        int nz = ref.nz();
        short[][] unsignedSlices = new short[nz][];
        short[][] mixedSlices = new short[nz][];
        double[] one = new double[nz];
        double[] icpt = new double[nz];
        double[] mixedSlope = new double[nz];
        double[] mixedIcpt = new double[nz];
        for (int z = 0; z < nz; z++) {
            short[] s = ref.copySlice(z);
            unsignedSlices[z] = new short[s.length];
            mixedSlices[z] = new short[s.length];
            one[z] = 1;
            icpt[z] = -1024;
            // odd slices: slope 2, intercept -2000 (HU = 2 * stored - 2000)
            mixedSlope[z] = z % 2 == 0 ? 1 : 2;
            mixedIcpt[z] = z % 2 == 0 ? -1024 : -2000;
            for (int i = 0; i < s.length; i++) {
                double hu = s[i] * 1.0 - 1024;
                unsignedSlices[z][i] = (short) (int) (hu + 1024); // 24..2024 as unsigned
                mixedSlices[z][i] = (short) Math.round((hu - mixedIcpt[z]) / mixedSlope[z]);
            }
        }
        Volume unsigned = new Volume(ref.nx(), ref.ny(), nz, unsignedSlices, false, one, icpt, ref.voxelToPatient(), "x",
                "CT", new double[0], new double[0], null);
        Volume mixed = new Volume(ref.nx(), ref.ny(), nz, mixedSlices, true, mixedSlope, mixedIcpt, ref.voxelToPatient(),
                "x", "CT", new double[0], new double[0], null);
        RenderParams p = RenderParams.of(tissue()).withCamera(StandardView.ANTERIOR.camera().orbit(25, 15).withZoom(1.6));
        RenderImage base = CPU.render(ref, p, 64, 64);
        for (Volume v : List.of(unsigned, mixed)) {
            String what = v == unsigned ? "unsigned" : "per-slice rescale";
            double[] cpuVsRef = RenderChecks.compare(base, CPU.render(v, p, 64, 64), 8);
            assertTrue(cpuVsRef[0] < 0.5 && cpuVsRef[2] <= 2, what + " on the CPU: " + java.util.Arrays.toString(cpuVsRef));
            agree(gpu, v, p, "DVR " + what);
        }
        gpu.prepare(mixed);
        assertTrue(gpu.messages().stream().anyMatch(m -> m.contains("requantised")), gpu.messages().toString());
    }

    @Test
    void facadeUsesTheGpuWhenAvailable() {
        GlContext ctx = GlTestSupport.context(); // skip/fail rules as for every GL test
        assertTrue(ctx.max3DTextureSize() > 0);
        try (VolumeRenderer r = new VolumeRenderer(VolumeRenderer.Preference.GPU)) {
            RenderParams p = RenderParams.of(tissue());
            VolumeRenderer.Result res = r.render(RaycastContract.VOLUME, p, 64, 64);
            assertEquals(VolumeRenderer.Backend.GPU, res.backend(), "messages: " + res.messages());
            assertTrue(res.device().contains(ctx.renderer()), res.device());
            assertTrue(res.nanos() > 0);
            RenderImage cpu = CPU.render(RaycastContract.VOLUME, p, 64, 64);
            assertTrue(RenderChecks.compare(cpu, res.image(), 8)[0] < 2.0);
        }
        try (VolumeRenderer r = new VolumeRenderer(VolumeRenderer.Preference.CPU)) {
            VolumeRenderer.Result res = r.render(RaycastContract.VOLUME, RenderParams.of(tissue()), 32, 32);
            assertEquals(VolumeRenderer.Backend.CPU, res.backend());
        }
    }

    @Test
    void downsampledTextureStillRendersTheSphere() {
        GlContext ctx = GlTestSupport.context();
        System.setProperty("clain.gl.max3DTextureSize", "32");
        try (GlRaycaster small = new GlRaycaster(ctx)) {
            Camera cam = StandardView.ANTERIOR.camera().withZoom(1.6);
            RenderImage img = small.render(RaycastContract.VOLUME, RaycastContract.mip(cam), SIZE, SIZE);
            assertTrue(small.texture().downsampled());
            assertTrue(small.messages().stream().anyMatch(m -> m.contains("downsampled")), small.messages().toString());
            ViewFrame f = ViewFrame.of(RaycastContract.VOLUME, cam, SIZE, SIZE);
            Phantom ph = RaycastContract.PHANTOM;
            double r = RenderChecks.discRadiusMm(img, f, i -> img.values()[i] > 0
                    && RenderChecks.distMm(img, f, i, ph.centre()) < ph.radius() + 5);
            // texels of 2 voxels: within one texel (2 x 1.4 mm)
            assertEquals(ph.radius(), r, 2.8, "disc radius from the downsampled texture");
        } finally {
            System.clearProperty("clain.gl.max3DTextureSize");
        }
    }

    @Test
    void overTheMemoryBudgetTheTextureIsHalvedWithAMessageAndStillRenders() {
        GlContext ctx = GlTestSupport.context();
        // the budget of a small GPU, scaled down: 1 MiB; the test volume (128^3, 4 MiB) needs more
        Phantom ph = Phantom.anisotropic(128);
        Volume v = ph.volume();
        long bytes = (long) v.nx() * v.ny() * v.nz() * 2;
        assertTrue(bytes > 1 << 20, "test volume of " + bytes + " bytes");
        System.setProperty("clain.gl.maxTextureMiB", "1");
        try (GlRaycaster small = new GlRaycaster(ctx)) {
            Camera cam = StandardView.ANTERIOR.camera().withZoom(1.6);
            RenderImage img = small.render(v, RaycastContract.mip(cam), SIZE, SIZE);
            VolumeTexture t = small.texture();
            assertTrue((long) t.nx() * t.ny() * t.nz() * 2 <= 1 << 20, t.nx() + "x" + t.ny() + "x" + t.nz());
            assertTrue(small.messages().stream().anyMatch(m -> m.contains("memory budget")), small.messages().toString());
            ViewFrame f = ViewFrame.of(v, cam, SIZE, SIZE);
            double r = RenderChecks.discRadiusMm(img, f, i -> img.values()[i] > 0
                    && RenderChecks.distMm(img, f, i, ph.centre()) < ph.radius() + 5);
            // the sphere is still there, to within two of the coarsest texels (voxels 0.4 x 0.3 x 0.7 mm)
            double texelMm = Math.max(0.4 * t.factor(0), Math.max(0.3 * t.factor(1), 0.7 * t.factor(2)));
            assertEquals(ph.radius(), r, 2 * texelMm, "disc radius from the budget-limited texture");
        } finally {
            System.clearProperty("clain.gl.maxTextureMiB");
        }
    }
}
