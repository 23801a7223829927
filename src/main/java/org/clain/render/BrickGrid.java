package org.clain.render;

import org.clain.study.Volume;

import java.util.stream.IntStream;

/**
 * Coarse HU min/max per brick for empty-space skipping. Brick (bx, by, bz) covers continuous voxel
 * positions [b*size, (b+1)*size) per axis; its range includes every voxel a trilinear sample there
 * can touch (voxels b*size .. (b+1)*size + extra) plus one voxel of margin on each side (so that
 * float rounding of positions near a brick face never matters), clamped to the volume. Skipping a
 * brick whose range maps to zero opacity therefore never changes the image.
 */
public final class BrickGrid {
    private final int sx;
    private final int sy;
    private final int sz;
    private final int gx;
    private final int gy;
    private final int gz;
    private final float[] min;
    private final float[] max;

    private BrickGrid(int sx, int sy, int sz, int gx, int gy, int gz, float[] min, float[] max) {
        this.sx = sx;
        this.sy = sy;
        this.sz = sz;
        this.gx = gx;
        this.gy = gy;
        this.gz = gz;
        this.min = min;
        this.max = max;
    }

    /** Bricks of {@code size} voxels per axis over the volume (HU). */
    public static BrickGrid of(Volume v, int size) {
        return of(v, size, size, size, 0, 0, 0);
    }

    /**
     * Bricks of (sx, sy, sz) source voxels, each range widened by (ex, ey, ez) voxels beyond the usual
     * +1 (for a downsampled texture whose texels average runs of source voxels).
     */
    public static BrickGrid of(Volume v, int sx, int sy, int sz, int ex, int ey, int ez) {
        int nx = v.nx();
        int ny = v.ny();
        int nz = v.nz();
        int gx = (nx + sx - 1) / sx;
        int gy = (ny + sy - 1) / sy;
        int gz = (nz + sz - 1) / sz;
        float[] mn = new float[gx * gy * gz];
        float[] mx = new float[gx * gy * gz];
        // per slice, per (bx, by): min/max of stored values over the brick's x/y span; then merge in z
        int[] sliceMin = new int[nz * gx * gy];
        int[] sliceMax = new int[nz * gx * gy];
        boolean signed = v.signed();
        IntStream.range(0, nz).parallel().forEach(z -> {
            short[] s = v.data(z);
            int o = v.offset(z);
            int[] colMin = new int[nx];
            int[] colMax = new int[nx];
            for (int by = 0; by < gy; by++) {
                int y0 = Math.max(0, by * sy - 1);
                int y1 = Math.min(ny - 1, (by + 1) * sy + ey + 1);
                java.util.Arrays.fill(colMin, Integer.MAX_VALUE);
                java.util.Arrays.fill(colMax, Integer.MIN_VALUE);
                for (int y = y0; y <= y1; y++) {
                    int row = o + y * nx;
                    for (int x = 0; x < nx; x++) {
                        int val = signed ? s[row + x] : s[row + x] & 0xFFFF;
                        if (val < colMin[x]) {
                            colMin[x] = val;
                        }
                        if (val > colMax[x]) {
                            colMax[x] = val;
                        }
                    }
                }
                for (int bx = 0; bx < gx; bx++) {
                    int x0 = Math.max(0, bx * sx - 1);
                    int x1 = Math.min(nx - 1, (bx + 1) * sx + ex + 1);
                    int lo = Integer.MAX_VALUE;
                    int hi = Integer.MIN_VALUE;
                    for (int x = x0; x <= x1; x++) {
                        lo = Math.min(lo, colMin[x]);
                        hi = Math.max(hi, colMax[x]);
                    }
                    int k = (z * gy + by) * gx + bx;
                    sliceMin[k] = lo;
                    sliceMax[k] = hi;
                }
            }
        });
        for (int bz = 0; bz < gz; bz++) {
            int z0 = Math.max(0, bz * sz - 1);
            int z1 = Math.min(nz - 1, (bz + 1) * sz + ez + 1);
            for (int by = 0; by < gy; by++) {
                for (int bx = 0; bx < gx; bx++) {
                    double lo = Double.POSITIVE_INFINITY;
                    double hi = Double.NEGATIVE_INFINITY;
                    for (int z = z0; z <= z1; z++) {
                        int k = (z * gy + by) * gx + bx;
                        double a = sliceMin[k] * v.slope(z) + v.intercept(z);
                        double b = sliceMax[k] * v.slope(z) + v.intercept(z);
                        lo = Math.min(lo, Math.min(a, b));
                        hi = Math.max(hi, Math.max(a, b));
                    }
                    int i = (bz * gy + by) * gx + bx;
                    // widen by a float ulp-ish margin so float sampling never escapes the range
                    mn[i] = Math.nextDown((float) lo);
                    mx[i] = Math.nextUp((float) hi);
                }
            }
        }
        return new BrickGrid(sx, sy, sz, gx, gy, gz, mn, mx);
    }

    public int sizeX() {
        return sx;
    }

    public int sizeY() {
        return sy;
    }

    public int sizeZ() {
        return sz;
    }

    public int gx() {
        return gx;
    }

    public int gy() {
        return gy;
    }

    public int gz() {
        return gz;
    }

    public int count() {
        return min.length;
    }

    public float min(int i) {
        return min[i];
    }

    public float max(int i) {
        return max[i];
    }

    /** 1 where a brick may contribute under {@code tf} (some HU in its range has alpha > 0), else 0. */
    public byte[] occupancy(TfTable tf) {
        byte[] o = new byte[min.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = (byte) (tf.transparent(min[i], max[i]) ? 0 : 1);
        }
        return o;
    }

    /** 1 where the brick's maximum reaches {@code iso} (an isosurface can cross it). */
    public byte[] occupancyAbove(double iso) {
        byte[] o = new byte[min.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = (byte) (max[i] >= iso ? 1 : 0);
        }
        return o;
    }
}
