package org.clain.study;

import java.util.Arrays;

/**
 * Greyscale samples wider than a volume's 16 bits (32-bit integers such as RT Dose, 32-bit floats
 * such as parametric maps) brought into 16-bit stored values with one rescale for the whole volume:
 * exactly, as an offset, when the integers span at most 65,536 values under one rescale; else
 * scaled linearly from the volume's lowest to its highest modality value, each value then within
 * half a step of the file's ({@link Volume#quantizationError()}).
 */
public final class WideGrey {
    private static final int LEVELS = 65535;

    /** The 16-bit values and the rescale that gives back modality values. */
    public record Quantized(short[][] slices, double slope, double intercept, double maxError) {
    }

    private WideGrey() {
    }

    /**
     * @param raw   each slice's samples as decoded (sign-extended integers, or float bits)
     * @param isFloat true for Float Pixel Data
     * @param slope per slice Rescale Slope (or Dose Grid Scaling), intercept likewise
     */
    public static Quantized quantize(int[][] raw, boolean isFloat, boolean unsigned, double[] slope, double[] intercept) {
        boolean oneRescale = Arrays.stream(slope).allMatch(s -> s == slope[0])
                && Arrays.stream(intercept).allMatch(b -> b == intercept[0]);
        if (!isFloat && oneRescale) {
            long lo = Long.MAX_VALUE;
            long hi = Long.MIN_VALUE;
            for (int[] s : raw) {
                for (int v : s) {
                    long x = unsigned ? v & 0xFFFFFFFFL : v;
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
            }
            if (hi - lo <= LEVELS) {
                short[][] out = new short[raw.length][];
                for (int z = 0; z < raw.length; z++) {
                    out[z] = new short[raw[z].length];
                    for (int i = 0; i < raw[z].length; i++) {
                        long x = unsigned ? raw[z][i] & 0xFFFFFFFFL : raw[z][i];
                        out[z][i] = (short) (x - lo);
                    }
                }
                return new Quantized(out, slope[0], lo * slope[0] + intercept[0], 0);
            }
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int z = 0; z < raw.length; z++) {
            for (int v : raw[z]) {
                double m = value(v, isFloat, unsigned, slope[z], intercept[z]);
                if (Double.isFinite(m)) {
                    lo = Math.min(lo, m);
                    hi = Math.max(hi, m);
                }
            }
        }
        if (!(lo <= hi)) {
            lo = 0;
            hi = 0;
        }
        double step = hi > lo ? (hi - lo) / LEVELS : 1;
        short[][] out = new short[raw.length][];
        for (int z = 0; z < raw.length; z++) {
            out[z] = new short[raw[z].length];
            for (int i = 0; i < raw[z].length; i++) {
                double m = value(raw[z][i], isFloat, unsigned, slope[z], intercept[z]);
                // NaN and infinities (no value) go to the lowest level
                long q = Double.isFinite(m) ? Math.round((m - lo) / step) : 0;
                out[z][i] = (short) Math.max(0, Math.min(LEVELS, q));
            }
        }
        return new Quantized(out, step, lo, hi > lo ? step / 2 : 0);
    }

    private static double value(int v, boolean isFloat, boolean unsigned, double slope, double intercept) {
        double x = isFloat ? Float.intBitsToFloat(v) : unsigned ? v & 0xFFFFFFFFL : v;
        return x * slope + intercept;
    }
}
