package org.clain.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.clain.geom.Affine;
import org.clain.geom.Vec3;
import org.junit.jupiter.api.Test;

/** Slab storage: slices land where the index arithmetic says, and slabs stay within 64 MiB. */
class VolumeSlabsTest {
    private static final Affine UNIT = Affine.fromColumns(new Vec3(1, 0, 0), new Vec3(0, 1, 0), new Vec3(0, 0, 1),
            new Vec3(0, 0, 0));

    @Test
    void aSlabHoldsAsManySlicesAsFitIn64MiB() {
        assertEquals(127, Volume.slicesPerSlab(512, 512, 2000)); // 127 x 512 KiB + header <= 64 MiB
        assertEquals(31, Volume.slicesPerSlab(1024, 1024, 300));
        assertEquals(5, Volume.slicesPerSlab(512, 512, 5));       // never more than the volume
        assertEquals(1, Volume.slicesPerSlab(8192, 8192, 3));     // a slice above 64 MiB: one per array
        short[][] slabs = Volume.allocateSlabs(512, 512, 300);
        assertEquals(3, slabs.length);
        assertEquals(127 * 512 * 512, slabs[0].length);
        assertEquals((300 - 254) * 512 * 512, slabs[2].length);
        for (short[] s : slabs) {
            assertTrue(2L * s.length + 64 <= 64L << 20);
        }
    }

    @Test
    void aVolumeSmallerThanASlabPerThreadIsSplitInto32MiBSlabsAllocatedInParallel() {
        // abdomen CT, 134 x 512 KiB: two 64 MiB slabs would leave one thread zeroing 127 slices
        assertEquals(63, Volume.slicesPerSlab(512, 512, 134, 2)); // 63 x 512 KiB + header <= 32 MiB
        assertEquals(127, Volume.slicesPerSlab(512, 512, 134, 1));
        assertEquals(127, Volume.slicesPerSlab(512, 512, 2000, 8)); // 1000 MiB: a 64 MiB slab per thread
        short[][] slabs = Volume.allocateSlabs(512, 512, 134, 63);
        assertEquals(3, slabs.length);
        assertEquals(63 * 512 * 512, slabs[0].length);
        assertEquals(63 * 512 * 512, slabs[1].length);
        assertEquals(8 * 512 * 512, slabs[2].length);
        for (short[] s : slabs) {
            assertTrue(2L * s.length + 64 <= 32L << 20);
        }
    }

    @Test
    void voxelsAreFoundThroughDataAndOffset() {
        int nx = 3;
        int ny = 2;
        int nz = 5;
        short[][] slabs = {new short[2 * nx * ny], new short[2 * nx * ny], new short[nx * ny]};
        for (int z = 0; z < nz; z++) {
            for (int i = 0; i < nx * ny; i++) {
                slabs[z / 2][(z % 2) * nx * ny + i] = (short) (100 * z + i);
            }
        }
        Volume v = new Volume(nx, ny, nz, slabs, 2, false, new double[nz], new double[nz], UNIT, "1.2", "CT",
                new double[0], new double[0], null);
        assertEquals(100 * 3 + 1 * nx + 2, v.stored(2, 1, 3));
        assertEquals(nx * ny, v.offset(3));
        assertEquals(0, v.offset(4));
        assertArrayEquals(new short[] {400, 401, 402, 403, 404, 405}, v.copySlice(4));
        // a slab too short for its slices is refused, not read past
        short[][] shortSlabs = {new short[2 * nx * ny], new short[nx * ny]};
        assertThrows(IllegalArgumentException.class, () -> new Volume(nx, ny, 4, shortSlabs, 2, false,
                new double[4], new double[4], UNIT, "1.2", "CT", new double[0], new double[0], null));
    }
}
