package org.clain.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * A VOI window (center, width) applied to modality values, giving 8-bit grey levels.
 *
 * <p>{@link Function#LINEAR} is DICOM PS3.3 C.11.2.1.2.1 (VOI LUT Function LINEAR):
 * <pre>
 *   x &lt;= c - 0.5 - (w-1)/2          : y = ymin
 *   x &gt;  c - 0.5 + (w-1)/2          : y = ymax
 *   otherwise  y = ((x - (c - 0.5)) / (w-1) + 0.5) * (ymax - ymin) + ymin
 * </pre>
 * with width &gt;= 1. {@link Function#LINEAR_EXACT} is C.11.2.1.3.2:
 * y = ((x - c) / w + 0.5) * (ymax - ymin) + ymin, clamped, width &gt; 0. The continuous y is
 * rounded to the nearest grey level 0..255. NaN (no data) maps to 0, black.
 */
public record WindowLevel(double center, double width, Function function) {
    public enum Function {
        LINEAR,
        LINEAR_EXACT
    }

    public WindowLevel {
        if (function == null) {
            function = Function.LINEAR;
        }
        if (Double.isNaN(center) || Double.isInfinite(center)) {
            throw new IllegalArgumentException("window center must be finite");
        }
        if (function == Function.LINEAR ? !(width >= 1) : !(width > 0)) {
            throw new IllegalArgumentException("window width must be " + (function == Function.LINEAR ? ">= 1" : "> 0")
                    + ", got " + width);
        }
    }

    public WindowLevel(double center, double width) {
        this(center, width, Function.LINEAR);
    }

    /** The narrowest window a viewer keeps (values of real-valued data can be that close). */
    public static final double MIN_WIDTH = 1e-9;

    /**
     * The window a viewer applies: LINEAR from width 1 up, as the standard has it for stored
     * integers; narrower (real-valued data: doses in Gy, parametric maps), LINEAR_EXACT, which
     * allows any positive width. A width that is not positive and finite is taken as 1.
     */
    public static WindowLevel of(double center, double width) {
        double w = usableWidth(width);
        return new WindowLevel(center, w, w >= 1 ? Function.LINEAR : Function.LINEAR_EXACT);
    }

    /** A width as {@link #of} keeps it: at least {@link #MIN_WIDTH}, and 1 for nonsense. */
    public static double usableWidth(double width) {
        return width > 0 && Double.isFinite(width) ? Math.max(MIN_WIDTH, width) : 1;
    }

    /** The grey level 0..255 of a modality value (0 for NaN). */
    public int gray(double x) {
        if (Double.isNaN(x)) {
            return 0;
        }
        double c = center;
        double w = width;
        double y;
        if (function == Function.LINEAR) {
            if (x <= c - 0.5 - (w - 1) / 2) {
                return 0;
            }
            if (x > c - 0.5 + (w - 1) / 2) {
                return 255;
            }
            y = w == 1 ? 255 : ((x - (c - 0.5)) / (w - 1) + 0.5) * 255;
        } else {
            y = ((x - c) / w + 0.5) * 255;
        }
        long g = Math.round(y);
        return g < 0 ? 0 : g > 255 ? 255 : (int) g;
    }

    /** Grey levels of a whole image into {@code out} (reused when large enough). */
    public byte[] apply(float[] values, int count, byte[] out) {
        byte[] o = out != null && out.length >= count ? out : new byte[count];
        for (int i = 0; i < count; i++) {
            o[i] = (byte) gray(values[i]);
        }
        return o;
    }

    /** An 8-bit grey {@link BufferedImage} (TYPE_BYTE_GRAY) of a width x height image of modality values. */
    public BufferedImage toImage(float[] values, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] data = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        apply(values, width * height, data);
        return img;
    }

    /** A window spanning the finite values of an image (min..max), or (0, 1) when there are none. */
    public static WindowLevel ofRange(float[] values, int count) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            float f = values[i];
            if (f == f) {
                lo = Math.min(lo, f);
                hi = Math.max(hi, f);
            }
        }
        if (lo > hi) {
            return new WindowLevel(0.5, 1);
        }
        double w = Math.max(1, hi - lo + 1);
        return new WindowLevel(lo - 0.5 + w / 2, w);
    }
}
