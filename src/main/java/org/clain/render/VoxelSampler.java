package org.clain.render;

import org.clain.study.Volume;

/**
 * HU and its gradient at continuous voxel positions of a volume, for one ray-casting thread:
 * trilinear samples clamped at the edges (as GL_CLAMP_TO_EDGE), and, inside the volume, a cache of
 * the cell last sampled. The gradient is the central difference of trilinear samples one voxel
 * either side, the GPU shader's; inside it is interpolated from the cell's corner differences,
 * which is the same value because trilinear interpolation is linear in the voxels.
 */
final class VoxelSampler {
    private final short[][] sl;
    /** Index of voxel (0, 0, z) in sl[z] (the volume's slab). */
    private final int[] so;
    private final int mask;
    private final boolean uniform;
    private final float slope0;
    private final float icpt0;
    private final float[] slope;
    private final float[] icpt;
    private final int nx;
    private final int xmax;
    private final int ymax;
    private final int zmax;
    private final int xlim;
    private final int ylim;
    private final int zlim;

    VoxelSampler(Volume v) {
        int nz = v.nz();
        this.sl = new short[nz][];
        this.so = new int[nz];
        this.slope = new float[nz];
        this.icpt = new float[nz];
        for (int z = 0; z < nz; z++) {
            sl[z] = v.data(z);
            so[z] = v.offset(z);
            slope[z] = (float) v.slope(z);
            icpt[z] = (float) v.intercept(z);
        }
        this.mask = v.signed() ? -1 : 0xFFFF;
        this.uniform = v.uniformRescale();
        this.slope0 = slope[0];
        this.icpt0 = icpt[0];
        this.nx = v.nx();
        this.xmax = v.nx() - 1;
        this.ymax = v.ny() - 1;
        this.zmax = nz - 1;
        this.xlim = Math.max(xmax - 1, 0);
        this.ylim = Math.max(ymax - 1, 0);
        this.zlim = Math.max(zmax - 1, 0);
    }

    /** Trilinear HU at continuous voxel position (x, y, z), clamped to the edge voxels. */
    float sample(float x, float y, float z) {
        x = x < 0 ? 0 : Math.min(x, xmax);
        y = y < 0 ? 0 : Math.min(y, ymax);
        z = z < 0 ? 0 : Math.min(z, zmax);
        int ix = Math.min((int) x, xlim);
        int iy = Math.min((int) y, ylim);
        int iz = Math.min((int) z, zlim);
        float fx = x - ix;
        float fy = y - iy;
        float fz = z - iz;
        int ddx = ix < xmax ? 1 : 0;
        int ddy = iy < ymax ? nx : 0;
        int iz1 = iz < zmax ? iz + 1 : iz;
        int o00 = iy * nx + ix;
        int o10 = o00 + ddy;
        short[] a = sl[iz];
        short[] b = sl[iz1];
        int ao = so[iz];
        int bo = so[iz1];
        int k = mask;
        float a00 = a[ao + o00] & k;
        float a01 = a[ao + o00 + ddx] & k;
        float a10 = a[ao + o10] & k;
        float a11 = a[ao + o10 + ddx] & k;
        float b00 = b[bo + o00] & k;
        float b01 = b[bo + o00 + ddx] & k;
        float b10 = b[bo + o10] & k;
        float b11 = b[bo + o10 + ddx] & k;
        float ca = bilerp(a00, a01, a10, a11, fx, fy);
        float cb = bilerp(b00, b01, b10, b11, fx, fy);
        if (uniform) {
            return (ca + fz * (cb - ca)) * slope0 + icpt0;
        }
        float ha = ca * slope[iz] + icpt[iz];
        float hb = cb * slope[iz1] + icpt[iz1];
        return ha + fz * (hb - ha);
    }

    /** Whether the box [x0, x1] x [y0, y1] x [z0, z1] lies in the interior (see {@link #interior}). */
    boolean interiorBox(float x0, float y0, float z0, float x1, float y1, float z1) {
        return uniform && x0 >= 1 && y0 >= 1 && z0 >= 1 && x1 < xmax - 1 && y1 < ymax - 1 && z1 < zmax - 1;
    }

    /** Whether the 4x4x4 neighbourhood of (x, y, z)'s cell lies inside a uniformly rescaled volume. */
    boolean interior(float x, float y, float z) {
        return uniform && x >= 1 && y >= 1 && z >= 1 && x < xmax - 1 && y < ymax - 1 && z < zmax - 1;
    }

    // The cell (voxels ix..ix+1, iy..iy+1, iz..iz+1) of the last interior sample: at half-voxel
    // steps a ray takes about two samples per cell, and shading needs the same 32 voxels around it.
    private int cellX = -1;
    private int cellY;
    private int cellZ;
    private boolean cellGradients;
    /** Stored values at the cell's corners, c[dz][dy][dx]. */
    private float c000;
    private float c001;
    private float c010;
    private float c011;
    private float c100;
    private float c101;
    private float c110;
    private float c111;
    /** Central differences (stored units, not halved) at the cell's corners along x, y, z. */
    private final float[] cgx = new float[8];
    private final float[] cgy = new float[8];
    private final float[] cgz = new float[8];

    /** Trilinear HU at (x, y, z): through the cell cache inside the volume, else {@link #sample}. */
    float value(float x, float y, float z) {
        return interior(x, y, z) ? cellValue(x, y, z) : sample(x, y, z);
    }

    /** Trilinear HU at an interior (x, y, z), through the cell cache. */
    float cellValue(float x, float y, float z) {
        loadCell(x, y, z);
        float fx = x - cellX;
        float fy = y - cellY;
        float fz = z - cellZ;
        // the same operations in the same order as sample(): bit-identical values
        float ca = bilerp(c000, c001, c010, c011, fx, fy);
        float cb = bilerp(c100, c101, c110, c111, fx, fy);
        return (ca + fz * (cb - ca)) * slope0 + icpt0;
    }

    private void loadCell(float x, float y, float z) {
        int ix = (int) x;
        int iy = (int) y;
        int iz = (int) z;
        if (ix == cellX && iy == cellY && iz == cellZ) {
            return;
        }
        cellX = ix;
        cellY = iy;
        cellZ = iz;
        cellGradients = false;
        int k = mask;
        int o = iy * nx + ix;
        short[] a = sl[iz];
        short[] b = sl[iz + 1];
        int ao = so[iz] + o;
        int bo = so[iz + 1] + o;
        c000 = a[ao] & k;
        c001 = a[ao + 1] & k;
        c010 = a[ao + nx] & k;
        c011 = a[ao + nx + 1] & k;
        c100 = b[bo] & k;
        c101 = b[bo + 1] & k;
        c110 = b[bo + nx] & k;
        c111 = b[bo + nx + 1] & k;
    }

    /**
     * Fills the corner central differences of (x, y, z)'s cell. Trilinear interpolation is
     * linear in the voxels, so interpolating them equals the central difference of two trilinear
     * samples one voxel either side, the GPU's gradient, up to float rounding.
     */
    private void cornerGradients(float x, float y, float z) {
        loadCell(x, y, z);
        if (cellGradients) {
            return;
        }
        cellGradients = true;
        int k = mask;
        int n = nx;
        int o = cellY * n + cellX;
        short[] zm = sl[cellZ - 1];
        short[] z0 = sl[cellZ];
        short[] z1 = sl[cellZ + 1];
        short[] zp = sl[cellZ + 2];
        int om = so[cellZ - 1] + o;
        int o0 = so[cellZ] + o;
        int o1 = so[cellZ + 1] + o;
        int op = so[cellZ + 2] + o;
        // along x: columns ix - 1 and ix + 2 beside the cell's two
        cgx[0] = c001 - (z0[o0 - 1] & k);
        cgx[1] = (z0[o0 + 2] & k) - c000;
        cgx[2] = c011 - (z0[o0 + n - 1] & k);
        cgx[3] = (z0[o0 + n + 2] & k) - c010;
        cgx[4] = c101 - (z1[o1 - 1] & k);
        cgx[5] = (z1[o1 + 2] & k) - c100;
        cgx[6] = c111 - (z1[o1 + n - 1] & k);
        cgx[7] = (z1[o1 + n + 2] & k) - c110;
        // along y: rows iy - 1 and iy + 2
        cgy[0] = c010 - (z0[o0 - n] & k);
        cgy[1] = c011 - (z0[o0 - n + 1] & k);
        cgy[2] = (z0[o0 + 2 * n] & k) - c000;
        cgy[3] = (z0[o0 + 2 * n + 1] & k) - c001;
        cgy[4] = c110 - (z1[o1 - n] & k);
        cgy[5] = c111 - (z1[o1 - n + 1] & k);
        cgy[6] = (z1[o1 + 2 * n] & k) - c100;
        cgy[7] = (z1[o1 + 2 * n + 1] & k) - c101;
        // along z: slices iz - 1 and iz + 2
        cgz[0] = c100 - (zm[om] & k);
        cgz[1] = c101 - (zm[om + 1] & k);
        cgz[2] = c110 - (zm[om + n] & k);
        cgz[3] = c111 - (zm[om + n + 1] & k);
        cgz[4] = (zp[op] & k) - c000;
        cgz[5] = (zp[op + 1] & k) - c001;
        cgz[6] = (zp[op + n] & k) - c010;
        cgz[7] = (zp[op + n + 1] & k) - c011;
    }

    private static float trilerp(float[] c, float fx, float fy, float fz) {
        float ca = bilerp(c[0], c[1], c[2], c[3], fx, fy);
        float cb = bilerp(c[4], c[5], c[6], c[7], fx, fy);
        return ca + fz * (cb - ca);
    }

    /** Bilinear in a plane, v[dy][dx]: along x first, then y (every caller in this order). */
    private static float bilerp(float v00, float v01, float v10, float v11, float fx, float fy) {
        float v0 = v00 + fx * (v01 - v00);
        float v1 = v10 + fx * (v11 - v10);
        return v0 + fy * (v1 - v0);
    }

    /** The voxel-space HU gradient of the last gradient call. */
    float gradX;
    float gradY;
    float gradZ;

    /** The gradient at an interior (x, y, z), interpolated from the cell's corner differences. */
    void interpolatedGradient(float x, float y, float z) {
        cornerGradients(x, y, z);
        float fx = x - cellX;
        float fy = y - cellY;
        float fz = z - cellZ;
        float h = 0.5f * slope0;
        gradX = trilerp(cgx, fx, fy, fz) * h;
        gradY = trilerp(cgy, fx, fy, fz) * h;
        gradZ = trilerp(cgz, fx, fy, fz) * h;
    }

    /** Central differences of six trilinear samples: at the volume's edges, where they clamp. */
    void sampledGradient(float x, float y, float z) {
        gradX = (sample(x + 1, y, z) - sample(x - 1, y, z)) * 0.5f;
        gradY = (sample(x, y + 1, z) - sample(x, y - 1, z)) * 0.5f;
        gradZ = (sample(x, y, z + 1) - sample(x, y, z - 1)) * 0.5f;
    }
}
