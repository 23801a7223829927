package org.clain.ui.measure;

import org.clain.geom.Vec3;

/**
 * The plane a view shows, as the measurement tools need it: a point on it and its unit normal
 * (patient mm). A native slice, an MPR or an oblique plane all reduce to this.
 */
public record ViewPlane(Vec3 point, Vec3 normal) {
    public ViewPlane {
        normal = normal.normalized();
    }

    /** Signed distance (mm) of a patient point from the plane, along the normal. */
    public double distance(Vec3 p) {
        return p.minus(point).dot(normal);
    }
}
