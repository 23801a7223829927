package org.clain.study;

import java.util.Arrays;

/**
 * Greyscale samples wider than a volume's 16 bits (32-bit integers such as RT Dose, 32- and 64-bit
 * floats such as parametric maps) brought into 16-bit stored values with one rescale for the whole volume:
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
        return linear(raw.length, z -> raw[z].length,
                (z, i) -> value(raw[z][i], isFloat, unsigned, slope[z], intercept[z]));
    }

    /**
     * Double Float Pixel Data: as {@link #quantize} for floats, scaled linearly over the volume's
     * range.
     *
     * @param values each slice's samples
     */
    public static Quantized quantizeDoubles(double[][] values, double[] slope, double[] intercept) {
        return linear(values.length, z -> values[z].length, (z, i) -> values[z][i] * slope[z] + intercept[z]);
    }

    /** Modality value i of slice z. */
    private interface Modality {
        double at(int z, int i);
    }

    /** 65,536 levels from the lowest to the highest finite modality value; the others at the lowest. */
    private static Quantized linear(int nz, java.util.function.IntUnaryOperator length, Modality m) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int z = 0; z < nz; z++) {
            for (int i = 0, n = length.applyAsInt(z); i < n; i++) {
                double v = m.at(z, i);
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(lo <= hi)) {
            lo = 0;
            hi = 0;
        }
        // in halves, which are exact, so that a span beyond the largest double (doubles near
        // +-1.8e308) does not overflow
        double step = hi > lo ? (hi / 2 - lo / 2) / LEVELS * 2 : 1;
        short[][] out = new short[nz][];
        for (int z = 0; z < nz; z++) {
            out[z] = new short[length.applyAsInt(z)];
            for (int i = 0; i < out[z].length; i++) {
                double v = m.at(z, i);
                // NaN and infinities (no value) go to the lowest level
                long q = Double.isFinite(v) ? Math.round((v / 2 - lo / 2) / (step / 2)) : 0;
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
