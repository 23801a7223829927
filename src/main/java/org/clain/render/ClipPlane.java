package org.clain.render;

import org.clain.geom.Vec3;

/**
 * A half-space in patient coordinates (LPS mm): points p with {@code (p - point) . normal >= 0} are
 * kept, so the normal points into the part that stays visible.
 */
public record ClipPlane(Vec3 point, Vec3 normal) {
    public ClipPlane {
        if (normal.norm() == 0) {
            throw new IllegalArgumentException("clip plane normal is zero");
        }
        normal = normal.normalized();
    }

    /** Signed distance (mm) of p from the plane, positive on the kept side. */
    public double distance(Vec3 p) {
        return p.minus(point).dot(normal);
    }
}
