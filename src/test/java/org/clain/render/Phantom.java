package org.clain.render;

import org.clain.geom.Affine;
import org.clain.geom.Vec3;
import org.clain.study.Volume;

/**
 * An analytic test phantom: voxels whose centres lie in a sphere (centre, radius in mm) get
 * {@code sphereHu}, in an axis-aligned patient box {@code boxHu}, else {@code backgroundHu}; stored
 * signed as HU + 1024 with slope 1, intercept -1024 (like CT).
 */
public record Phantom(Affine voxelToPatient, int nx, int ny, int nz, Vec3 centre, double radius, Vec3 boxMin,
                      Vec3 boxMax) {
    public static final double SPHERE_HU = 1000;
    public static final double BOX_HU = 300;
    public static final double BACKGROUND_HU = -1000;

    /** 64^3, spacing 0.8 x 0.6 x 1.4 mm, sphere radius 12 mm at the centre, a box off to one corner. */
    public static Phantom standard() {
        return anisotropic(64);
    }

    public static Phantom anisotropic(int n) {
        double f = n / 64.0;
        Affine a = Affine.fromColumns(new Vec3(0.8 / f, 0, 0), new Vec3(0, 0.6 / f, 0), new Vec3(0, 0, 1.4 / f),
                new Vec3(-20, 10, 100));
        Vec3 c = a.apply(new Vec3((n - 1) / 2.0, (n - 1) / 2.0, (n - 1) / 2.0));
        // box: x in [+14, +22] mm from the centre, y within +-6, z in [-30, -18]
        return new Phantom(a, n, n, n, c, 12, c.plus(new Vec3(14, -6, -30)), c.plus(new Vec3(22, 6, -18)));
    }

    /** The same objects in an oblique grid (rotated 30 degrees about z, 20 about x, anisotropic). */
    public static Phantom oblique() {
        double a = Math.toRadians(30);
        double b = Math.toRadians(20);
        Vec3 u = new Vec3(Math.cos(a), Math.sin(a), 0);
        Vec3 v0 = new Vec3(-Math.sin(a), Math.cos(a), 0);
        Vec3 v = v0.times(Math.cos(b)).plus(new Vec3(0, 0, Math.sin(b)));
        Vec3 w = u.cross(v);
        int n = 64;
        Vec3 di = u.times(0.8);
        Vec3 dj = v.times(0.6);
        Vec3 dk = w.times(1.4);
        Vec3 centre = new Vec3(0, 0, 100);
        Vec3 origin = centre.minus(di.times((n - 1) / 2.0)).minus(dj.times((n - 1) / 2.0)).minus(dk.times((n - 1) / 2.0));
        Affine aff = Affine.fromColumns(di, dj, dk, origin);
        return new Phantom(aff, n, n, n, centre, 12, centre.plus(new Vec3(8, -5, -12)), centre.plus(new Vec3(14, 5, -6)));
    }

    public double hu(Vec3 p) {
        if (p.distance(centre) <= radius) {
            return SPHERE_HU;
        }
        if (p.x() >= boxMin.x() && p.x() <= boxMax.x() && p.y() >= boxMin.y() && p.y() <= boxMax.y()
                && p.z() >= boxMin.z() && p.z() <= boxMax.z()) {
            return BOX_HU;
        }
        return BACKGROUND_HU;
    }

    public boolean inBox(Vec3 p) {
        return hu(p) == BOX_HU;
    }

    public Volume volume() {
        short[][] s = new short[nz][nx * ny];
        double[] sl = new double[nz];
        double[] ic = new double[nz];
        for (int z = 0; z < nz; z++) {
            sl[z] = 1;
            ic[z] = -1024;
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    s[z][y * nx + x] = (short) (hu(voxelToPatient.apply(new Vec3(x, y, z))) + 1024);
                }
            }
        }
        return new Volume(nx, ny, nz, s, true, sl, ic, voxelToPatient, "1.2.826.0.1.3680043.2.1125.1", "CT",
                new double[0], new double[0], null);
    }
}
