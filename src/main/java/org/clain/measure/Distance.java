package org.clain.measure;

import java.util.List;
import org.clain.geom.Vec3;

/** A straight distance between two points, which may lie on different slices or planes. */
public record Distance(Meta meta, Vec3 a, Vec3 b) implements Measurement {
    public Distance {
        Measurement.finite(a, "distance start");
        Measurement.finite(b, "distance end");
    }

    /** Euclidean length in mm (patient space is isotropic: no pixel spacing is involved). */
    public double lengthMm() {
        return a.distance(b);
    }

    @Override
    public Distance withMeta(Meta m) {
        return new Distance(m, a, b);
    }

    @Override
    public Distance translated(Vec3 d) {
        return new Distance(meta, a.plus(d), b.plus(d));
    }

    @Override
    public List<Vec3> points() {
        return List.of(a, b);
    }

    @Override
    public String type() {
        return "distance";
    }
}
