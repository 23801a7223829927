package org.clain.measure;

import java.util.List;
import org.clain.geom.Vec3;

/**
 * A Cobb angle: the angle between two lines (typically the end plates of the end vertebrae),
 * line 1 from {@code a1} to {@code a2}, line 2 from {@code b1} to {@code b2}. The lines need not
 * intersect nor lie in one plane.
 */
public record CobbAngle(Meta meta, Vec3 a1, Vec3 a2, Vec3 b1, Vec3 b2) implements Measurement {
    public CobbAngle {
        Measurement.finite(a1, "Cobb line 1");
        Measurement.finite(a2, "Cobb line 1");
        Measurement.finite(b1, "Cobb line 2");
        Measurement.finite(b2, "Cobb line 2");
    }

    /**
     * The angle between the two lines as undirected lines, in [0, 90] degrees: it does not depend
     * on the order in which each line's points were placed. (A curve beyond 90 degrees reads as
     * 180 minus its angle; {@link #directedDegrees()} keeps the drawing direction for that case.)
     */
    public double degrees() {
        double d = directedDegrees();
        return Double.isNaN(d) ? d : Math.min(d, 180 - d);
    }

    /** The angle between the direction vectors a1->a2 and b1->b2, in [0, 180] degrees. */
    public double directedDegrees() {
        return Angle.angleDegrees(a2.minus(a1), b2.minus(b1));
    }

    @Override
    public CobbAngle withMeta(Meta m) {
        return new CobbAngle(m, a1, a2, b1, b2);
    }

    @Override
    public CobbAngle translated(Vec3 d) {
        return new CobbAngle(meta, a1.plus(d), a2.plus(d), b1.plus(d), b2.plus(d));
    }

    @Override
    public List<Vec3> points() {
        return List.of(a1, a2, b1, b2);
    }

    @Override
    public String type() {
        return "cobb";
    }
}
