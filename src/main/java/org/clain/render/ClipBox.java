package org.clain.render;

import org.clain.geom.Vec3;

/**
 * An axis-aligned box that keeps what lies inside it, either in voxel index coordinates (voxel
 * centres at integers; a box [0, nx-1] x ... keeps the whole volume) or in patient coordinates
 * (LPS mm, axis-aligned in patient space, which is oblique to the voxel grid for oblique stacks).
 */
public record ClipBox(Space space, Vec3 min, Vec3 max) {
    public enum Space { VOXEL, PATIENT }

    public ClipBox {
        if (min.x() > max.x() || min.y() > max.y() || min.z() > max.z()) {
            throw new IllegalArgumentException("clip box min > max: " + min + " " + max);
        }
    }

    public static ClipBox voxels(Vec3 min, Vec3 max) {
        return new ClipBox(Space.VOXEL, min, max);
    }

    public static ClipBox patient(Vec3 min, Vec3 max) {
        return new ClipBox(Space.PATIENT, min, max);
    }
}
