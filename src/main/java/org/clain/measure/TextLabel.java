package org.clain.measure;

import java.util.List;
import org.clain.geom.Vec3;

/** Free text anchored at a point. */
public record TextLabel(Meta meta, Vec3 anchor, String text) implements Measurement {
    public TextLabel {
        Measurement.finite(anchor, "text anchor");
        text = text == null ? "" : text;
    }

    @Override
    public TextLabel withMeta(Meta m) {
        return new TextLabel(m, anchor, text);
    }

    @Override
    public TextLabel translated(Vec3 d) {
        return new TextLabel(meta, anchor.plus(d), text);
    }

    @Override
    public List<Vec3> points() {
        return List.of(anchor);
    }

    @Override
    public String type() {
        return "text";
    }
}
