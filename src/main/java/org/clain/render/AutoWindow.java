package org.clain.render;

import org.clain.study.Volume;

/**
 * A display window from the data itself, for images without a useful DICOM window (MR above
 * all): the range between two percentiles of the modality values, from a histogram of the
 * stored values (one pass, no sorting, no copy of the voxels).
 */
public final class AutoWindow {
    /** Centre and width in modality units. */
    public record Window(double center, double width) {
    }

    private AutoWindow() {
    }

    /**
     * Window spanning the {@code lowPercent}..{@code highPercent} percentiles of a whole volume's
     * values, Pixel Padding Value excluded.
     */
    public static Window percentiles(Volume v, double lowPercent, double highPercent) {
        if (!v.uniformRescale()) {
            // rare (per-slice rescale): exact values through a sorted sample
            return exact(v, lowPercent, highPercent);
        }
        long[] hist = new long[DisplayLut.SIZE];
        Integer pad = v.paddingValue();
        for (int z = 0; z < v.nz(); z++) {
            short[] d = v.data(z);
            for (int i = v.offset(z), end = i + v.nx() * v.ny(); i < end; i++) {
                hist[d[i] & 0xFFFF]++;
            }
        }
        if (pad != null) {
            hist[pad & 0xFFFF] = 0;
        }
        return fromHistogram(hist, v.signed(), v.slope(0), v.intercept(0), lowPercent, highPercent);
    }

    /** Same, over one slice of stored values (thumbnails, first image before the volume is loaded). */
    public static Window percentiles(short[] stored, boolean signed, double slope, double intercept, Integer padding,
                                     double lowPercent, double highPercent) {
        long[] hist = new long[DisplayLut.SIZE];
        for (short s : stored) {
            hist[s & 0xFFFF]++;
        }
        if (padding != null) {
            hist[padding & 0xFFFF] = 0;
        }
        return fromHistogram(hist, signed, slope, intercept, lowPercent, highPercent);
    }

    private static Window fromHistogram(long[] hist, boolean signed, double slope, double intercept,
                                        double lowPercent, double highPercent) {
        // walk the bins in ascending stored order
        long total = 0;
        for (long h : hist) {
            total += h;
        }
        if (total == 0) {
            return new Window(intercept + slope * 0.5, Math.max(1, Math.abs(slope)));
        }
        long loCount = (long) Math.floor(total * lowPercent / 100.0);
        long hiCount = (long) Math.ceil(total * highPercent / 100.0);
        int start = signed ? -32768 : 0;
        int end = signed ? 32767 : 65535;
        long cum = 0;
        Integer lo = null;
        Integer hi = null;
        for (int s = start; s <= end; s++) {
            cum += hist[s & 0xFFFF];
            if (lo == null && cum > loCount) {
                lo = s;
            }
            if (cum >= hiCount && cum > 0) {
                hi = s;
                break;
            }
        }
        if (lo == null) {
            lo = hi;
        }
        double a = lo * slope + intercept;
        double b = hi * slope + intercept;
        return span(Math.min(a, b), Math.max(a, b), slope);
    }

    private static Window exact(Volume v, double lowPercent, double highPercent) {
        int n = (int) Math.min(v.voxelCount(), 1 << 22);
        long step = Math.max(1, v.voxelCount() / n);
        double[] sample = new double[(int) (v.voxelCount() / step)];
        int k = 0;
        long idx = 0;
        int per = v.nx() * v.ny();
        for (int i = 0; i < sample.length; i++, idx += step) {
            int z = (int) (idx / per);
            int r = (int) (idx % per);
            sample[k++] = v.value(r % v.nx(), r / v.nx(), z);
        }
        java.util.Arrays.sort(sample, 0, k);
        double low = sample[(int) Math.min(k - 1, Math.floor(k * lowPercent / 100.0))];
        double high = sample[(int) Math.min(k - 1, Math.ceil(k * highPercent / 100.0))];
        double slope = Double.MAX_VALUE;
        for (int z = 0; z < v.nz(); z++) {
            slope = Math.min(slope, Math.abs(v.slope(z)));
        }
        return span(low, high, slope);
    }

    /**
     * A window from low to high, at least one stored step wide: 1 for integer modality values as
     * before, a step of the data where values are finer (doses in Gy, parametric maps).
     */
    private static Window span(double low, double high, double slope) {
        double width = Math.max(Math.min(1, Math.abs(slope)), high - low);
        if (!(width > 0)) {
            width = 1;
        }
        return new Window(low + width / 2, width);
    }
}
