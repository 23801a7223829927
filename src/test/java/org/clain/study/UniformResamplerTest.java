package org.clain.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.clain.geom.Affine;
import org.clain.geom.Vec3;
import org.junit.jupiter.api.Test;

class UniformResamplerTest {

    /** A linear ramp along z (value = 10 * z_mm) sampled at irregular positions resamples exactly. */
    @Test
    void linearRampIsReproducedOnTheUniformGrid() {
        double[] positions = {0, 2, 4, 10, 12}; // a gap of 6 mm: two slices missing
        int nx = 3;
        int ny = 2;
        short[][] slices = new short[positions.length][];
        double[] slope = new double[positions.length];
        double[] intercept = new double[positions.length];
        for (int z = 0; z < positions.length; z++) {
            slices[z] = new short[nx * ny];
            java.util.Arrays.fill(slices[z], (short) (10 * positions[z] + 1000));
            slope[z] = 1;
            intercept[z] = -1000;
        }
        Affine a = Affine.fromColumns(new Vec3(0.5, 0, 0), new Vec3(0, 0.5, 0), new Vec3(0, 0, 3), new Vec3(1, 2, 3));
        Volume v = new Volume(nx, ny, positions.length, slices, true, slope, intercept, a, "1.2", "CT",
                new double[0], new double[0], null);
        Volume u = UniformResampler.resample(v, positions, 2.0);
        assertEquals(7, u.nz());
        for (int z = 0; z < u.nz(); z++) {
            assertEquals(10 * (2.0 * z), u.value(1, 1, z), 1e-9, "slice " + z);
            assertEquals(3 + 2.0 * z, u.toPatient(0, 0, z).z(), 1e-9);
        }
    }
}
