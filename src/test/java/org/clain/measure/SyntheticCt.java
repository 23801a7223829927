package org.clain.measure;

import org.clain.geom.Affine;
import org.clain.geom.Vec3;
import org.clain.study.Volume;

/**
 * A synthetic CT built by the tests: anisotropic voxels (0.7 x 0.9 x 2.5 mm), optionally rotated
 * (oblique voxel-to-patient), a sphere of known HU over a textured background, and per-slice
 * rescale intercepts (so code that reads stored values instead of HU would fail). The truth
 * (geometry and HU of every voxel) is computed here, independently of the code under test.
 */
final class SyntheticCt {
    static final String FRAME = "1.2.826.0.1.3680043.9.7433.1.1";
    final int nx = 60;
    final int ny = 52;
    final int nz = 36;
    final double[] spacing = {0.7, 0.9, 2.5};
    final double[][] rot;
    final double[] origin = {-20.25, 13.5, -41.0};
    final double[] sphereCenter;
    final double sphereRadius = 11.3;
    final Volume volume;

    SyntheticCt(boolean oblique) {
        rot = oblique ? rotation(new double[] {1, 2, 3}, Math.toRadians(30)) : new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        sphereCenter = toPatient(29.37, 25.61, 17.23);
        short[][] slices = new short[nz][nx * ny];
        double[] slope = new double[nz];
        double[] intercept = new double[nz];
        for (int z = 0; z < nz; z++) {
            slope[z] = 1;
            intercept[z] = z % 2 == 0 ? -1024 : -1000;
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    slices[z][y * nx + x] = (short) Math.round(hu(x, y, z) - intercept[z]);
                }
            }
        }
        Vec3 di = new Vec3(rot[0][0], rot[1][0], rot[2][0]).times(spacing[0]);
        Vec3 dj = new Vec3(rot[0][1], rot[1][1], rot[2][1]).times(spacing[1]);
        Vec3 dk = new Vec3(rot[0][2], rot[1][2], rot[2][2]).times(spacing[2]);
        volume = new Volume(nx, ny, nz, slices, true, slope, intercept,
                Affine.fromColumns(di, dj, dk, new Vec3(origin[0], origin[1], origin[2])), FRAME, "CT",
                new double[0], new double[0], null);
    }

    /** The HU of voxel (x, y, z): 300 + texture inside the sphere (by voxel centre), a texture around -50 outside. */
    double hu(int x, int y, int z) {
        double[] p = toPatient(x, y, z);
        double d2 = sq(p[0] - sphereCenter[0]) + sq(p[1] - sphereCenter[1]) + sq(p[2] - sphereCenter[2]);
        if (d2 <= sphereRadius * sphereRadius) {
            return 300 + (x + 2 * y + 3 * z) % 7;
        }
        return -70 + (x * 7 + y * 13 + z * 29) % 41;
    }

    /** origin + R (x sx, y sy, z sz). */
    double[] toPatient(double x, double y, double z) {
        double a = x * spacing[0];
        double b = y * spacing[1];
        double c = z * spacing[2];
        return new double[] {origin[0] + rot[0][0] * a + rot[0][1] * b + rot[0][2] * c,
                origin[1] + rot[1][0] * a + rot[1][1] * b + rot[1][2] * c,
                origin[2] + rot[2][0] * a + rot[2][1] * b + rot[2][2] * c};
    }

    /** R^T (p - origin) / s. */
    double[] toVoxel(double[] p) {
        double a = p[0] - origin[0];
        double b = p[1] - origin[1];
        double c = p[2] - origin[2];
        return new double[] {(rot[0][0] * a + rot[1][0] * b + rot[2][0] * c) / spacing[0],
                (rot[0][1] * a + rot[1][1] * b + rot[2][1] * c) / spacing[1],
                (rot[0][2] * a + rot[1][2] * b + rot[2][2] * c) / spacing[2]};
    }

    /** The test's own trilinear interpolation of {@link #hu}; NaN outside the voxel-centre box. */
    double trilinear(double[] q) {
        int[] n = {nx, ny, nz};
        int[] i0 = new int[3];
        double[] f = new double[3];
        for (int k = 0; k < 3; k++) {
            if (q[k] < -1e-9 || q[k] > n[k] - 1 + 1e-9) {
                return Double.NaN;
            }
            double c = Math.max(0, Math.min(n[k] - 1, q[k]));
            i0[k] = Math.min((int) Math.floor(c), n[k] - 2);
            f[k] = c - i0[k];
        }
        double sum = 0;
        for (int dz = 0; dz < 2; dz++) {
            for (int dy = 0; dy < 2; dy++) {
                for (int dx = 0; dx < 2; dx++) {
                    double w = (dx == 0 ? 1 - f[0] : f[0]) * (dy == 0 ? 1 - f[1] : f[1]) * (dz == 0 ? 1 - f[2] : f[2]);
                    if (w != 0) {
                        sum += w * hu(i0[0] + dx, i0[1] + dy, i0[2] + dz);
                    }
                }
            }
        }
        return sum;
    }

    Vec3 sphereCenterVec() {
        return new Vec3(sphereCenter[0], sphereCenter[1], sphereCenter[2]);
    }

    static double sq(double v) {
        return v * v;
    }

    /** Rodrigues' rotation about a unit axis. */
    static double[][] rotation(double[] axis, double angle) {
        double n = Math.sqrt(sq(axis[0]) + sq(axis[1]) + sq(axis[2]));
        double x = axis[0] / n;
        double y = axis[1] / n;
        double z = axis[2] / n;
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double t = 1 - c;
        return new double[][] {
            {t * x * x + c, t * x * y - s * z, t * x * z + s * y},
            {t * x * y + s * z, t * y * y + c, t * y * z - s * x},
            {t * x * z - s * y, t * y * z + s * x, t * z * z + c}};
    }

    static Meta meta(String label) {
        return Meta.create(label, "1.2.826.0.1.3680043.9.7433.2.1", FRAME);
    }
}
