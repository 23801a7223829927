package org.clain.render;

import java.util.OptionalInt;
import org.clain.geom.ImagePlane;
import org.clain.geom.Vec3;
import org.clain.study.Volume;

/**
 * Geometry of a volume's native slices for 2D reading: each slice's plane in patient space, its
 * position along the stack normal, and which slice of another volume lies at the same place
 * (synchronised scrolling).
 */
public final class SliceGeometry {
    /** Stacks whose normals differ by more than this are not scrolled together. */
    public static final double SYNC_MAX_ANGLE_DEGREES = 30;

    private SliceGeometry() {
    }

    public static ImagePlane plane(Volume v, int z) {
        Vec3 di = v.voxelToPatient().column(0);
        Vec3 dj = v.voxelToPatient().column(1);
        return new ImagePlane(v.toPatient(0, 0, z), di.normalized(), dj.normalized(), di.norm(), dj.norm(), v.nx(),
                v.ny());
    }

    /** The slice normal (row x column direction) of a volume. */
    public static Vec3 normal(Volume v) {
        return v.voxelToPatient().column(0).cross(v.voxelToPatient().column(1)).normalized();
    }

    /** Position of slice z along the slice normal, in mm (what Slice Location usually holds). */
    public static double position(Volume v, int z) {
        return v.toPatient(0, 0, z).dot(normal(v));
    }

    /** Index of the slice of {@code v} nearest to a patient point, clamped to the volume. */
    public static int nearestSlice(Volume v, Vec3 patient) {
        double z = v.toVoxel(patient).z();
        return (int) Math.max(0, Math.min(v.nz() - 1, Math.round(z)));
    }

    /**
     * The slice of {@code target} at the position of slice {@code z} of {@code source}, when both
     * share a Frame of Reference and their slices are near parallel; empty otherwise.
     */
    public static OptionalInt syncedSlice(Volume source, int z, Volume target) {
        String a = source.frameOfReferenceUid();
        String b = target.frameOfReferenceUid();
        if (a == null || a.isEmpty() || !a.equals(b)) {
            return OptionalInt.empty();
        }
        double cos = Math.abs(normal(source).dot(normal(target)));
        if (cos < Math.cos(Math.toRadians(SYNC_MAX_ANGLE_DEGREES))) {
            return OptionalInt.empty();
        }
        Vec3 center = source.toPatient((source.nx() - 1) / 2.0, (source.ny() - 1) / 2.0, z);
        return OptionalInt.of(nearestSlice(target, center));
    }
}
