package org.clain.study;

import java.util.OptionalDouble;
import org.clain.dicom.Attributes;
import org.clain.dicom.Tag;

/** The rate a multi-frame acquisition (an ultrasound or XA cine) was recorded at, to play it back at. */
public final class CineRate {
    private CineRate() {
    }

    /**
     * Frames per second: Recommended Display Frame Rate (0008,2144), else Cine Rate (0018,0040),
     * else 1000 / Frame Time (0018,1063, ms; PS3.3 C.7.6.5); empty when none is given or sensible.
     */
    public static OptionalDouble framesPerSecond(Attributes ds) {
        for (int tag : new int[] {Tag.RecommendedDisplayFrameRate, Tag.CineRate}) {
            double[] v = ds.getDoubles(tag);
            if (v != null && v.length > 0 && v[0] > 0 && Double.isFinite(v[0])) {
                return OptionalDouble.of(v[0]);
            }
        }
        double[] ms = ds.getDoubles(Tag.FrameTime);
        if (ms != null && ms.length > 0 && ms[0] > 0 && Double.isFinite(ms[0])) {
            return OptionalDouble.of(1000 / ms[0]);
        }
        return OptionalDouble.empty();
    }
}
