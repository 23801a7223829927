package org.clain.render;

import org.clain.study.Volume;

/**
 * The histogram of a volume's modality values (HU for CT) in equal bins, for transfer function
 * editors: one pass over the stored voxels (no copy), Pixel Padding Value excluded.
 *
 * @param lo     modality value at the low edge of bin 0
 * @param hi     modality value at the high edge of the last bin
 * @param counts voxels per bin; values below {@code lo} or above {@code hi} are not counted
 * @param min    smallest value in the volume (padding excluded)
 * @param max    largest value
 */
public record HuHistogram(double lo, double hi, long[] counts, double min, double max) {

    /** Bins over the volume's own value range. */
    public static HuHistogram of(Volume v, int bins) {
        return of(v, Double.NaN, Double.NaN, bins);
    }

    /** Bins over [lo, hi]; NaN bounds take the volume's minimum or maximum. */
    public static HuHistogram of(Volume v, double lo, double hi, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be >= 1");
        }
        // per-slice rescales are allowed: histogram the stored values of each rescale group
        long[] stored = new long[65536];
        Integer pad = v.paddingValue();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long[] counts = null;
        double[] range = new double[2];
        boolean uniform = v.uniformRescale();
        for (int pass = 0; pass < 2; pass++) {
            if (pass == 1) {
                range[0] = Double.isNaN(lo) ? min : lo;
                range[1] = Double.isNaN(hi) ? max : hi;
                if (!(range[1] > range[0])) {
                    range[1] = range[0] + 1;
                }
                counts = new long[bins];
            }
            for (int z = 0; z < v.nz(); z++) {
                if (!uniform || z == 0) {
                    java.util.Arrays.fill(stored, 0);
                }
                short[] d = v.data(z);
                for (int i = v.offset(z), end = i + v.nx() * v.ny(); i < end; i++) {
                    stored[d[i] & 0xFFFF]++;
                }
                if (uniform && z < v.nz() - 1) {
                    continue;
                }
                double slope = v.slope(z);
                double icpt = v.intercept(z);
                for (int i = 0; i < 65536; i++) {
                    long c = stored[i];
                    if (c == 0 || (pad != null && (pad & 0xFFFF) == i)) {
                        continue;
                    }
                    int s = v.signed() ? (short) i : i;
                    double hu = s * slope + icpt;
                    if (pass == 0) {
                        min = Math.min(min, hu);
                        max = Math.max(max, hu);
                    } else if (hu >= range[0] && hu <= range[1]) {
                        int b = (int) ((hu - range[0]) / (range[1] - range[0]) * bins);
                        counts[Math.min(bins - 1, b)] += c;
                    }
                }
            }
        }
        if (min > max) {
            min = 0;
            max = 0;
        }
        return new HuHistogram(range[0], range[1], counts, min, max);
    }

    public int bins() {
        return counts.length;
    }

    /** Width of one bin in modality units. */
    public double binWidth() {
        return (hi - lo) / counts.length;
    }

    /** The largest bin count. */
    public long peak() {
        long m = 0;
        for (long c : counts) {
            m = Math.max(m, c);
        }
        return m;
    }
}
