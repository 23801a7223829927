package org.clain.render;

import org.clain.geom.Affine;
import org.clain.geom.Vec3;
import org.clain.study.Volume;

/** Analytic test volumes built in memory: a sphere with a smooth edge and linear ramps. */
final class MprPhantoms {
    static final double INSIDE = 1000;
    static final double OUTSIDE = -1000;
    /** The sphere's edge ramps from INSIDE to OUTSIDE over this many mm of radius. */
    static final double EDGE = 4.0;

    private MprPhantoms() {
    }

    /** 0.8 x 0.8 x 2.0 mm voxels, axis aligned, origin at (-20, -30, -40). */
    static Affine axisAligned() {
        return Affine.fromColumns(new Vec3(0.8, 0, 0), new Vec3(0, 0.8, 0), new Vec3(0, 0, 2.0), new Vec3(-20, -30, -40));
    }

    /** The same voxel sizes, rotated 25 degrees about (1, 2, 3): an oblique acquisition. */
    static Affine rotated() {
        double[][] r = rotation(new Vec3(1, 2, 3), Math.toRadians(25));
        return Affine.fromColumns(mul(r, new Vec3(0.8, 0, 0)), mul(r, new Vec3(0, 0.8, 0)), mul(r, new Vec3(0, 0, 2.0)),
                new Vec3(-20, -30, -40));
    }

    /** Rotated and sheared like a gantry tilt: each slice shifted 0.6 mm along the rows' direction. */
    static Affine tilted() {
        double[][] r = rotation(new Vec3(0, 0, 1), Math.toRadians(10));
        return Affine.fromColumns(mul(r, new Vec3(0.8, 0, 0)), mul(r, new Vec3(0, 0.8, 0)), mul(r, new Vec3(0, 0.6, 2.0)),
                new Vec3(-20, -38, -40));
    }

    static Vec3 centreOf(int nx, int ny, int nz, Affine v2p) {
        return v2p.apply(new Vec3((nx - 1) / 2.0, (ny - 1) / 2.0, (nz - 1) / 2.0));
    }

    /**
     * A sphere: INSIDE HU within {@code radius} of {@code centre}, OUTSIDE beyond, a linear ramp of
     * EDGE mm across the surface (so the level (INSIDE+OUTSIDE)/2 is exactly the sphere). Stored
     * unsigned with slope 1, intercept -1024.
     */
    static Volume sphere(int nx, int ny, int nz, Affine v2p, Vec3 centre, double radius) {
        short[][] s = new short[nz][nx * ny];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    double d = v2p.apply(new Vec3(x, y, z)).distance(centre);
                    double f = Math.max(0, Math.min(1, 0.5 - (d - radius) / EDGE));
                    double hu = OUTSIDE + f * (INSIDE - OUTSIDE);
                    s[z][y * nx + x] = (short) Math.round(hu + 1024);
                }
            }
        }
        return volume(nx, ny, nz, s, false, fill(nz, 1), fill(nz, -1024), v2p);
    }

    /** Every voxel the same HU (stored signed, slope 1, intercept 0). */
    static Volume constant(int nx, int ny, int nz, Affine v2p, int hu) {
        short[][] s = new short[nz][nx * ny];
        for (short[] sl : s) {
            java.util.Arrays.fill(sl, (short) hu);
        }
        return volume(nx, ny, nz, s, true, fill(nz, 1), fill(nz, 0), v2p);
    }

    /**
     * HU = a*i + b*j + c*k + d at voxel (i, j, k), stored signed; with {@code mixedRescale} the
     * slices cycle through slopes 1, 2, 0.5 and intercepts -1024, 0, 100 (stored values chosen so
     * the HU are the same).
     */
    static Volume ramp(int nx, int ny, int nz, Affine v2p, int a, int b, int c, int d, boolean mixedRescale) {
        double[] slopes = {1, 2, 0.5};
        double[] icpts = {-1024, 0, 100};
        short[][] s = new short[nz][nx * ny];
        double[] slope = new double[nz];
        double[] icpt = new double[nz];
        for (int z = 0; z < nz; z++) {
            slope[z] = mixedRescale ? slopes[z % 3] : 1;
            icpt[z] = mixedRescale ? icpts[z % 3] : 0;
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    int hu = a * x + b * y + c * z + d;
                    double stored = (hu - icpt[z]) / slope[z];
                    if (stored != Math.rint(stored) || stored < Short.MIN_VALUE || stored > Short.MAX_VALUE) {
                        throw new IllegalArgumentException("ramp not representable: " + stored);
                    }
                    s[z][y * nx + x] = (short) stored;
                }
            }
        }
        return volume(nx, ny, nz, s, true, slope, icpt, v2p);
    }

    /** The patient-space linear function equal to the ramp at voxel centres: HU(P) = g.(P - origin) + d. */
    static java.util.function.ToDoubleFunction<Vec3> rampFunction(Affine v2p, int a, int b, int c, int d) {
        Affine p2v = v2p.inverse();
        return p -> {
            Vec3 idx = p2v.apply(p);
            return a * idx.x() + b * idx.y() + c * idx.z() + d;
        };
    }

    static Volume volume(int nx, int ny, int nz, short[][] s, boolean signed, double[] slope, double[] icpt, Affine v2p) {
        return new Volume(nx, ny, nz, s, signed, slope, icpt, v2p, "1.2.3", "CT", new double[] {40}, new double[] {400},
                null);
    }

    static double[] fill(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    static double[][] rotation(Vec3 axis, double angle) {
        Vec3 k = axis.normalized();
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double t = 1 - c;
        double x = k.x();
        double y = k.y();
        double z = k.z();
        return new double[][] {
            {t * x * x + c, t * x * y - s * z, t * x * z + s * y},
            {t * x * y + s * z, t * y * y + c, t * y * z - s * x},
            {t * x * z - s * y, t * y * z + s * x, t * z * z + c}};
    }

    static Vec3 mul(double[][] m, Vec3 v) {
        return new Vec3(m[0][0] * v.x() + m[0][1] * v.y() + m[0][2] * v.z(),
                m[1][0] * v.x() + m[1][1] * v.y() + m[1][2] * v.z(),
                m[2][0] * v.x() + m[2][1] * v.y() + m[2][2] * v.z());
    }

    /** Measured disc in an image: pixels at or above the level; radius from the area, centre the centroid. */
    record Disc(double radiusMm, double ci, double cj, int pixels) {
    }

    static Disc disc(float[] img, int w, int h, double pixel, double level) {
        long n = 0;
        double si = 0;
        double sj = 0;
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                float v = img[j * w + i];
                if (v >= level) {
                    n++;
                    si += i;
                    sj += j;
                }
            }
        }
        return new Disc(Math.sqrt(n / Math.PI) * pixel, n == 0 ? Double.NaN : si / n, n == 0 ? Double.NaN : sj / n, (int) n);
    }
}
