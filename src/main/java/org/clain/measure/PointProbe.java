package org.clain.measure;

import java.util.List;
import org.clain.geom.Vec3;

/** A point whose value (HU for CT) is read from the volume: {@link Evaluation} gives it. */
public record PointProbe(Meta meta, Vec3 point) implements Measurement {
    public PointProbe {
        Measurement.finite(point, "probe point");
    }

    @Override
    public PointProbe withMeta(Meta m) {
        return new PointProbe(m, point);
    }

    @Override
    public PointProbe translated(Vec3 d) {
        return new PointProbe(meta, point.plus(d));
    }

    @Override
    public List<Vec3> points() {
        return List.of(point);
    }

    @Override
    public String type() {
        return "point";
    }
}
