package org.clain.render;

/**
 * A transfer function sampled to {@code n} premultiplied RGBA float entries over [lo, hi] HU,
 * looked up with linear interpolation between entries and clamped at the ends; the GPU uploads the
 * same floats as a 1D texture and does the same arithmetic.
 */
public final class TfTable {
    private final float lo;
    private final float hi;
    private final float[] rgba;
    private final int n;
    private final float scale;
    private final int[] nonZeroPrefix;

    TfTable(float lo, float hi, float[] rgba) {
        this.lo = lo;
        this.hi = hi;
        this.rgba = rgba;
        this.n = rgba.length / 4;
        this.scale = (n - 1) / (hi - lo);
        this.nonZeroPrefix = new int[n + 1];
        for (int i = 0; i < n; i++) {
            nonZeroPrefix[i + 1] = nonZeroPrefix[i] + (rgba[i * 4 + 3] > 0 ? 1 : 0);
        }
    }

    public float lo() {
        return lo;
    }

    public float hi() {
        return hi;
    }

    public int size() {
        return n;
    }

    /** The entries, premultiplied RGBA, 4 floats each. Shared: do not modify. */
    public float[] data() {
        return rgba;
    }

    /** (n - 1) / (hi - lo): HU to fractional index. */
    public float scale() {
        return scale;
    }

    /** Writes the interpolated premultiplied RGBA at {@code hu} into out[0..3]. */
    public void lookup(float hu, float[] out) {
        float f = (hu - lo) * scale;
        if (f <= 0) {
            System.arraycopy(rgba, 0, out, 0, 4);
            return;
        }
        if (f >= n - 1) {
            System.arraycopy(rgba, (n - 1) * 4, out, 0, 4);
            return;
        }
        int i = (int) f;
        float w = f - i;
        int k = i * 4;
        out[0] = rgba[k] + w * (rgba[k + 4] - rgba[k]);
        out[1] = rgba[k + 1] + w * (rgba[k + 5] - rgba[k + 1]);
        out[2] = rgba[k + 2] + w * (rgba[k + 6] - rgba[k + 2]);
        out[3] = rgba[k + 3] + w * (rgba[k + 7] - rgba[k + 3]);
    }

    /** Interpolated alpha at {@code hu}. */
    public float alpha(float hu) {
        float f = (hu - lo) * scale;
        if (f <= 0) {
            return rgba[3];
        }
        if (f >= n - 1) {
            return rgba[(n - 1) * 4 + 3];
        }
        int i = (int) f;
        float w = f - i;
        int k = i * 4 + 3;
        return rgba[k] + w * (rgba[k + 4] - rgba[k]);
    }

    /** True when every HU in [minHu, maxHu] looks up to alpha exactly 0. */
    public boolean transparent(double minHu, double maxHu) {
        double f0 = (minHu - lo) * scale;
        double f1 = (maxHu - lo) * scale;
        // one entry of margin each side: float lookups may round across an entry boundary
        int i0 = (int) Math.max(0, Math.min(n - 1, Math.floor(f0) - 1));
        int i1 = (int) Math.max(0, Math.min(n - 1, Math.ceil(f1) + 1));
        return nonZeroPrefix[i1 + 1] - nonZeroPrefix[i0] == 0;
    }
}
