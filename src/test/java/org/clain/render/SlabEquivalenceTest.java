package org.clain.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.clain.geom.Vec3;
import org.clain.study.UniformResampler;
import org.clain.study.Volume;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Every consumer of a volume reads the same voxels whether slices are arrays of their own (offset
 * 0) or packed three to a slab (offsets not 0, a short last slab): the oracle is the same volume
 * in the other layout, so any index that forgets the slice's offset shows.
 */
class SlabEquivalenceTest {
    private static final Phantom PHANTOM = Phantom.oblique();
    private static final Volume PER_SLICE = PHANTOM.volume();
    private static final Volume SLABS = packed(PER_SLICE, 3);
    private static final CpuRaycaster CPU = new CpuRaycaster(2);

    @AfterAll
    static void close() {
        CPU.close();
    }

    static Volume packed(Volume v, int perSlab) {
        int n = v.nx() * v.ny();
        int nz = v.nz();
        short[][] slabs = new short[(nz + perSlab - 1) / perSlab][];
        for (int i = 0; i < slabs.length; i++) {
            slabs[i] = new short[Math.min(perSlab, nz - i * perSlab) * n];
        }
        double[] slope = new double[nz];
        double[] icpt = new double[nz];
        for (int z = 0; z < nz; z++) {
            System.arraycopy(v.copySlice(z), 0, slabs[z / perSlab], (z % perSlab) * n, n);
            slope[z] = v.slope(z);
            icpt[z] = v.intercept(z);
        }
        return new Volume(v.nx(), v.ny(), nz, slabs, perSlab, v.signed(), slope, icpt, v.voxelToPatient(),
                v.frameOfReferenceUid(), v.modality(), v.windowCenter(), v.windowWidth(), v.paddingValue());
    }

    @Test
    void theLayoutsDiffer() {
        assertNotEquals(0, SLABS.offset(1));
        assertEquals(0, PER_SLICE.offset(1));
    }

    @Test
    void reslicesAgree() {
        Vec3 c = PHANTOM.centre();
        Plane p = Plane.oblique(c, new Vec3(1, 2, 3), null, 0.7, 64, 64);
        assertArrayEquals(new Reslicer(PER_SLICE).reslice(p), new Reslicer(SLABS).reslice(p));
        Slab mip = Slab.of(6, Slab.Mode.MIP);
        assertArrayEquals(new Reslicer(PER_SLICE).reslice(p, mip, null), new Reslicer(SLABS).reslice(p, mip, null));
    }

    @Test
    void shadedDvrAndMipAgree() {
        Camera cam = StandardView.ANTERIOR.camera().orbit(30, 20).withZoom(1.4);
        RenderParams dvr = RenderParams.of(TransferFunction.step(0, 20, 1, 0.8, 0.6, 0.7)).withShading(Shading.DEFAULT)
                .withCamera(cam);
        assertArrayEquals(CPU.render(PER_SLICE, dvr, 48, 48).argb(), CPU.render(SLABS, dvr, 48, 48).argb());
        RenderParams mip = RenderParams.of(TransferFunction.greyRamp(-1000, 1000)).withMode(RenderMode.MIP)
                .withCamera(cam).withValues(true);
        assertArrayEquals(CPU.render(PER_SLICE, mip, 48, 48).values(), CPU.render(SLABS, mip, 48, 48).values());
    }

    @Test
    void statisticsAgree() {
        assertArrayEquals(HuHistogram.of(PER_SLICE, 64).counts(), HuHistogram.of(SLABS, 64).counts());
        assertEquals(AutoWindow.percentiles(PER_SLICE, 1, 99), AutoWindow.percentiles(SLABS, 1, 99));
        BrickGrid a = BrickGrid.of(PER_SLICE, 8);
        BrickGrid b = BrickGrid.of(SLABS, 8);
        for (int i = 0; i < a.count(); i++) {
            assertEquals(a.min(i), b.min(i));
            assertEquals(a.max(i), b.max(i));
        }
    }

    @Test
    void resamplingAgrees() {
        double[] positions = new double[PER_SLICE.nz()];
        for (int z = 0; z < positions.length; z++) {
            positions[z] = z * 1.5 + (z > 4 ? 1.5 : 0); // a missing slice
        }
        Volume a = UniformResampler.resample(PER_SLICE, positions, 1.0);
        Volume b = UniformResampler.resample(SLABS, positions, 1.0);
        for (int z = 0; z < a.nz(); z++) {
            assertArrayEquals(a.copySlice(z), b.copySlice(z));
        }
    }
}
