package org.clain.measure;

import java.util.List;
import org.clain.geom.Vec3;

/** An open polyline (a path along a vessel, a curved structure); its value is its length. */
public record Polyline(Meta meta, List<Vec3> vertices) implements Measurement {
    public Polyline {
        vertices = Measurement.finite(vertices, 2, "polyline");
    }

    /** Sum of the segment lengths in mm. */
    public double lengthMm() {
        double sum = 0;
        for (int i = 1; i < vertices.size(); i++) {
            sum += vertices.get(i - 1).distance(vertices.get(i));
        }
        return sum;
    }

    @Override
    public Polyline withMeta(Meta m) {
        return new Polyline(m, vertices);
    }

    @Override
    public Polyline translated(Vec3 d) {
        return new Polyline(meta, Measurement.translate(vertices, d));
    }

    @Override
    public List<Vec3> points() {
        return vertices;
    }

    @Override
    public String type() {
        return "polyline";
    }
}
