package org.clain.render;

/**
 * Stored value to displayed grey, as one lookup table over the whole 16-bit stored range:
 * modality LUT (stored * slope + intercept), then the VOI window of {@link WindowLevel#of} (PS3.3
 * C.11.2.1.2.1 LINEAR, or LINEAR_EXACT below width 1), then the presentation (MONOCHROME1 or a
 * user "invert" flips black and white).
 * Output is opaque ARGB (0xFFgggggg), so a slice renders with one table load per pixel.
 *
 * <p>The table is indexed by the stored value's 16 bits ({@code short & 0xFFFF}), so signed
 * and unsigned data share one code path: for signed data, index 0xFFFF is stored value -1.
 */
public final class DisplayLut {
    /** Number of table entries: every 16-bit stored value. */
    public static final int SIZE = 1 << 16;

    private final boolean signed;
    private final double slope;
    private final double intercept;
    private final double center;
    private final double width;
    private final boolean inverted;
    private final int[] argb;
    private final byte[] grey;

    private DisplayLut(boolean signed, double slope, double intercept, double center, double width, boolean inverted) {
        WindowLevel window = WindowLevel.of(center, width);
        if (window.width() != width) {
            throw new IllegalArgumentException("window width must be positive, got " + width);
        }
        this.signed = signed;
        this.slope = slope;
        this.intercept = intercept;
        this.center = center;
        this.width = width;
        this.inverted = inverted;
        this.argb = new int[SIZE];
        this.grey = new byte[SIZE];
        for (int i = 0; i < SIZE; i++) {
            int stored = signed ? (short) i : i;
            int g = window.gray(stored * slope + intercept);
            if (inverted) {
                g = 255 - g;
            }
            grey[i] = (byte) g;
            argb[i] = 0xFF000000 | g << 16 | g << 8 | g;
        }
    }

    /**
     * @param signed    stored values are two's complement (Pixel Representation 1)
     * @param slope     Rescale Slope (modality LUT)
     * @param intercept Rescale Intercept
     * @param center    window centre in modality units (HU for CT)
     * @param width     window width in modality units, at least 1
     * @param inverted  show the window upside down (MONOCHROME1, or the user's invert)
     */
    public static DisplayLut of(boolean signed, double slope, double intercept, double center, double width,
                                boolean inverted) {
        return new DisplayLut(signed, slope, intercept, center, width, inverted);
    }

    /** True when a table built for these parameters would equal this one (for caching). */
    public boolean matches(boolean signed, double slope, double intercept, double center, double width,
                           boolean inverted) {
        return this.signed == signed && this.slope == slope && this.intercept == intercept && this.center == center
                && this.width == width && this.inverted == inverted;
    }

    /** Displayed grey (0..255) of one stored value (given as an int: signed or unsigned per the data). */
    public int grey(int stored) {
        return grey[stored & 0xFFFF] & 0xFF;
    }

    public int argb(int stored) {
        return argb[stored & 0xFFFF];
    }

    /** Renders stored values into opaque ARGB pixels; {@code out} must hold {@code stored.length} ints. */
    public void apply(short[] stored, int[] out) {
        final int[] t = argb;
        final int n = stored.length;
        if (out.length < n) {
            throw new IllegalArgumentException("output holds " + out.length + " pixels, need " + n);
        }
        for (int i = 0; i < n; i++) {
            out[i] = t[stored[i] & 0xFFFF];
        }
    }

    /** Renders stored values into 8-bit greys (thumbnails, exports). */
    public void applyGrey(short[] stored, byte[] out) {
        final byte[] t = grey;
        for (int i = 0; i < stored.length; i++) {
            out[i] = t[stored[i] & 0xFFFF];
        }
    }

    public double center() {
        return center;
    }

    public double width() {
        return width;
    }

    public boolean inverted() {
        return inverted;
    }

    public boolean signed() {
        return signed;
    }
}
