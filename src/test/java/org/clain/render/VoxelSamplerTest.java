package org.clain.render;

import org.clain.geom.Affine;
import org.clain.geom.Vec3;
import org.clain.study.Volume;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The CPU ray caster's voxel sampler against its definition: inside the volume the cached value is
 * the trilinear sample and the interpolated corner differences are the central differences of six
 * trilinear samples one voxel either side (trilinear interpolation is linear in the voxels).
 */
class VoxelSamplerTest {
    @Test
    void cachedValuesAndGradientsEqualTrilinearSamplesOnRandomVoxels() {
        for (boolean signed : new boolean[] {true, false}) {
            Volume v = randomVolume(13, 11, 9, signed, 7);
            VoxelSampler c = new VoxelSampler(v);
            Random rnd = new Random(11);
            for (int i = 0; i < 20_000; i++) {
                // interior: [1, n - 2) on every axis; repeated cells exercise the cache's reuse
                float x = 1 + rnd.nextFloat() * (v.nx() - 3 - 1e-3f);
                float y = 1 + rnd.nextFloat() * (v.ny() - 3 - 1e-3f);
                float z = 1 + rnd.nextFloat() * (v.nz() - 3 - 1e-3f);
                assertEquals(c.sample(x, y, z), c.cellValue(x, y, z), 0f, "value at " + x + "," + y + "," + z);
                c.interpolatedGradient(x, y, z);
                float gx = c.gradX;
                float gy = c.gradY;
                float gz = c.gradZ;
                c.sampledGradient(x, y, z);
                // float rounding only: a wrong corner difference is off by hundreds
                String at = " at " + x + "," + y + "," + z + (signed ? " signed" : " unsigned");
                assertEquals(c.gradX, gx, 0.2f, "d/dx" + at);
                assertEquals(c.gradY, gy, 0.2f, "d/dy" + at);
                assertEquals(c.gradZ, gz, 0.2f, "d/dz" + at);
            }
        }
    }

    /** Voxels uniform over -1024..3000 (signed) or the whole 16-bit range (unsigned, high bit set). */
    private static Volume randomVolume(int nx, int ny, int nz, boolean signed, long seed) {
        Random rnd = new Random(seed);
        short[][] slices = new short[nz][nx * ny];
        double[] slope = new double[nz];
        double[] icpt = new double[nz];
        for (int z = 0; z < nz; z++) {
            for (int i = 0; i < nx * ny; i++) {
                slices[z][i] = (short) (signed ? rnd.nextInt(4025) - 1024 : rnd.nextInt(65536));
            }
            slope[z] = 1;
            icpt[z] = signed ? 0 : -1024;
        }
        Affine a = Affine.fromColumns(new Vec3(0.7, 0, 0), new Vec3(0, 0.8, 0), new Vec3(0, 0, 1.5), new Vec3(0, 0, 0));
        return new Volume(nx, ny, nz, slices, signed, slope, icpt, a, "2.25.7", "CT", new double[] {40},
                new double[] {400}, null);
    }
}
