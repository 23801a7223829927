package org.clain.measure;

import org.clain.geom.Vec3;
import org.clain.study.Volume;

/**
 * Values along a segment (chart data): sample i lies at distance i * step from {@code from}
 * towards {@code to}, for every i with i * step <= length (so {@code to} itself is sampled only
 * when the length is a multiple of the step). Values are trilinear ({@link VolumeSampler}); NaN
 * where the point lies outside the volume.
 */
public record LineProfile(Vec3 from, Vec3 to, double stepMm, double[] distanceMm, double[] values) {

    /** At most this many samples per profile. */
    public static final int MAX_SAMPLES = 1_000_000;

    public static LineProfile sample(Volume vol, Vec3 from, Vec3 to, double stepMm) {
        if (!(stepMm > 0) || Double.isInfinite(stepMm)) {
            throw new IllegalArgumentException("profile step must be positive: " + stepMm);
        }
        Measurement.finite(from, "profile start");
        Measurement.finite(to, "profile end");
        double length = from.distance(to);
        long n = (long) Math.floor(length / stepMm * (1 + 1e-12)) + 1;
        if (n > MAX_SAMPLES) {
            throw new IllegalArgumentException("profile of " + n + " samples: use a larger step");
        }
        double[] d = new double[(int) n];
        double[] v = new double[(int) n];
        Vec3 dir = length == 0 ? Vec3.ZERO : to.minus(from).times(1 / length);
        for (int i = 0; i < n; i++) {
            d[i] = i * stepMm;
            v[i] = VolumeSampler.at(vol, from.plus(dir.times(d[i])));
        }
        return new LineProfile(from, to, stepMm, d, v);
    }

    /** With the default step: half the smallest voxel edge. */
    public static LineProfile sample(Volume vol, Vec3 from, Vec3 to) {
        return sample(vol, from, to, VolumeSampler.minSpacing(vol) / 2);
    }

    public int size() {
        return values.length;
    }

    public Vec3 pointAt(int i) {
        double length = from.distance(to);
        return length == 0 ? from : from.plus(to.minus(from).times(distanceMm[i] / length));
    }
}
