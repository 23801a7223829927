package org.clain.measure;

import java.util.List;
import org.clain.geom.Vec3;

/** The angle at {@code vertex} between the rays towards {@code a} and {@code b}, in 3D. */
public record Angle(Meta meta, Vec3 a, Vec3 vertex, Vec3 b) implements Measurement {
    public Angle {
        Measurement.finite(a, "angle arm");
        Measurement.finite(vertex, "angle vertex");
        Measurement.finite(b, "angle arm");
    }

    /** In [0, 180] degrees; NaN when an arm has zero length. */
    public double degrees() {
        return angleDegrees(a.minus(vertex), b.minus(vertex));
    }

    /** Angle between two direction vectors in [0, 180] degrees (atan2 form, accurate near 0 and 180). */
    static double angleDegrees(Vec3 d1, Vec3 d2) {
        if (d1.norm() == 0 || d2.norm() == 0) {
            return Double.NaN;
        }
        return Math.toDegrees(Math.atan2(d1.cross(d2).norm(), d1.dot(d2)));
    }

    @Override
    public Angle withMeta(Meta m) {
        return new Angle(m, a, vertex, b);
    }

    @Override
    public Angle translated(Vec3 d) {
        return new Angle(meta, a.plus(d), vertex.plus(d), b.plus(d));
    }

    @Override
    public List<Vec3> points() {
        return List.of(a, vertex, b);
    }

    @Override
    public String type() {
        return "angle";
    }
}
