package org.clain.measure;

import java.util.List;
import org.clain.geom.Vec3;

/** An arrow pointing from {@code tail} to {@code head}, with optional text at the tail. */
public record Arrow(Meta meta, Vec3 tail, Vec3 head, String text) implements Measurement {
    public Arrow {
        Measurement.finite(tail, "arrow tail");
        Measurement.finite(head, "arrow head");
        text = text == null ? "" : text;
    }

    @Override
    public Arrow withMeta(Meta m) {
        return new Arrow(m, tail, head, text);
    }

    @Override
    public Arrow translated(Vec3 d) {
        return new Arrow(meta, tail.plus(d), head.plus(d), text);
    }

    @Override
    public List<Vec3> points() {
        return List.of(tail, head);
    }

    @Override
    public String type() {
        return "arrow";
    }
}
