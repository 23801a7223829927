package org.clain.measure;

/**
 * Counts of values in {@code bins} equal bins over [lo, hi] (chart data). Bin i holds
 * lo + i w <= x < lo + (i+1) w, the last bin also x = hi; values below lo or above hi are counted
 * apart, NaN is ignored.
 */
public record Histogram(double lo, double hi, long[] counts, long below, long above) {

    public static Histogram of(double[] values, int bins, double lo, double hi) {
        if (bins < 1) {
            throw new IllegalArgumentException("bins must be at least 1, got " + bins);
        }
        if (!(hi > lo) || Double.isInfinite(lo) || Double.isInfinite(hi)) {
            throw new IllegalArgumentException("histogram range must be finite with hi > lo: " + lo + ".." + hi);
        }
        long[] counts = new long[bins];
        long below = 0;
        long above = 0;
        double w = (hi - lo) / bins;
        for (double x : values) {
            if (Double.isNaN(x)) {
                continue;
            }
            if (x < lo) {
                below++;
            } else if (x > hi) {
                above++;
            } else {
                int i = (int) Math.floor((x - lo) / w);
                counts[Math.min(Math.max(i, 0), bins - 1)]++;
            }
        }
        return new Histogram(lo, hi, counts, below, above);
    }

    /** Over the values' own range (a range of 1 around a constant value). */
    public static Histogram of(double[] values, int bins) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double x : values) {
            if (!Double.isNaN(x)) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
        }
        if (lo > hi) {
            lo = 0;
            hi = 1;
        } else if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        return of(values, bins, lo, hi);
    }

    public int bins() {
        return counts.length;
    }

    public double binWidth() {
        return (hi - lo) / counts.length;
    }

    public double binLow(int i) {
        return lo + i * binWidth();
    }

    public double binCenter(int i) {
        return lo + (i + 0.5) * binWidth();
    }

    public long total() {
        long t = below + above;
        for (long c : counts) {
            t += c;
        }
        return t;
    }
}
