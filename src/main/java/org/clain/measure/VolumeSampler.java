package org.clain.measure;

import org.clain.geom.Vec3;
import org.clain.study.Volume;

/**
 * Reads modality values (HU for CT) from a {@link Volume} at non-integer positions.
 * Interpolation is done on modality values (stored * slope + intercept of each slice), so
 * volumes whose slices carry different rescales interpolate correctly.
 */
public final class VolumeSampler {
    /** How far (in voxels) a position may lie outside [0, n-1] and still count as inside. */
    public static final double EDGE_TOLERANCE = 1e-6;

    private VolumeSampler() {
    }

    /**
     * Trilinear interpolation at voxel coordinates (x = column, y = row, z = slice; integer values
     * are voxel centres). NaN when the position lies outside [0, n-1] on any axis, i.e. outside the
     * box spanned by the voxel centres, where the 8 neighbours do not all exist. An axis of one
     * voxel is sampled at 0 only.
     */
    public static double trilinear(Volume vol, double x, double y, double z) {
        int nx = vol.nx();
        int ny = vol.ny();
        int nz = vol.nz();
        if (!(x >= -EDGE_TOLERANCE && x <= nx - 1 + EDGE_TOLERANCE && y >= -EDGE_TOLERANCE
                && y <= ny - 1 + EDGE_TOLERANCE && z >= -EDGE_TOLERANCE && z <= nz - 1 + EDGE_TOLERANCE)) {
            return Double.NaN;
        }
        x = Math.min(Math.max(x, 0), nx - 1);
        y = Math.min(Math.max(y, 0), ny - 1);
        z = Math.min(Math.max(z, 0), nz - 1);
        int x0 = Math.min((int) x, Math.max(nx - 2, 0));
        int y0 = Math.min((int) y, Math.max(ny - 2, 0));
        int z0 = Math.min((int) z, Math.max(nz - 2, 0));
        int x1 = Math.min(x0 + 1, nx - 1);
        int y1 = Math.min(y0 + 1, ny - 1);
        int z1 = Math.min(z0 + 1, nz - 1);
        double fx = x - x0;
        double fy = y - y0;
        double fz = z - z0;
        double c00 = lerp(vol.value(x0, y0, z0), vol.value(x1, y0, z0), fx);
        double c10 = lerp(vol.value(x0, y1, z0), vol.value(x1, y1, z0), fx);
        double c01 = lerp(vol.value(x0, y0, z1), vol.value(x1, y0, z1), fx);
        double c11 = lerp(vol.value(x0, y1, z1), vol.value(x1, y1, z1), fx);
        return lerp(lerp(c00, c10, fy), lerp(c01, c11, fy), fz);
    }

    private static double lerp(double a, double b, double f) {
        return f == 0 ? a : a + (b - a) * f;
    }

    /** Trilinear value at a patient point (LPS mm); NaN outside the volume. */
    public static double at(Volume vol, Vec3 patient) {
        Vec3 p = vol.toVoxel(patient);
        return trilinear(vol, p.x(), p.y(), p.z());
    }

    /** Value of the voxel whose centre is nearest to a patient point; NaN outside the volume. */
    public static double nearest(Volume vol, Vec3 patient) {
        Vec3 p = vol.toVoxel(patient);
        long x = Math.round(p.x());
        long y = Math.round(p.y());
        long z = Math.round(p.z());
        if (x < 0 || y < 0 || z < 0 || x >= vol.nx() || y >= vol.ny() || z >= vol.nz()) {
            return Double.NaN;
        }
        return vol.value((int) x, (int) y, (int) z);
    }

    /** Volume of one voxel in mm^3: |det| of the voxel-to-patient linear part (exact for sheared stacks). */
    public static double voxelVolume(Volume vol) {
        Vec3 a = vol.voxelToPatient().column(0);
        Vec3 b = vol.voxelToPatient().column(1);
        Vec3 c = vol.voxelToPatient().column(2);
        return Math.abs(a.dot(b.cross(c)));
    }

    /** The smallest voxel edge in mm. */
    public static double minSpacing(Volume vol) {
        Vec3 s = vol.spacing();
        return Math.min(s.x(), Math.min(s.y(), s.z()));
    }
}
