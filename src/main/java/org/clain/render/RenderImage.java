package org.clain.render;

/**
 * A rendered image: ARGB pixels (opaque, row-major, top row first) and, when asked, a float image
 * (projected HU for MIP/MINIP/AVG, surface distance for ISO, NaN elsewhere).
 */
public record RenderImage(int width, int height, int[] argb, float[] values) {
    public RenderImage {
        if (argb.length != width * height || (values != null && values.length != width * height)) {
            throw new IllegalArgumentException("pixel arrays do not match " + width + "x" + height);
        }
    }

    public int argb(int x, int y) {
        return argb[y * width + x];
    }

    public float value(int x, int y) {
        return values == null ? Float.NaN : values[y * width + x];
    }

    /**
     * Scales up to w x h bilinearly (pixel centres aligned), the step after a half-resolution
     * interactive render.
     */
    public RenderImage scaledTo(int w, int h) {
        if (w == width && h == height) {
            return this;
        }
        int[] out = new int[w * h];
        float[] vals = values == null ? null : new float[w * h];
        float sx = (float) width / w;
        float sy = (float) height / h;
        for (int y = 0; y < h; y++) {
            float fy = Math.max(0, Math.min(height - 1, (y + 0.5f) * sy - 0.5f));
            int y0 = Math.min((int) fy, Math.max(height - 2, 0));
            int y1 = Math.min(y0 + 1, height - 1);
            float wy = fy - y0;
            for (int x = 0; x < w; x++) {
                float fx = Math.max(0, Math.min(width - 1, (x + 0.5f) * sx - 0.5f));
                int x0 = Math.min((int) fx, Math.max(width - 2, 0));
                int x1 = Math.min(x0 + 1, width - 1);
                float wx = fx - x0;
                int a = argb[y0 * width + x0];
                int b = argb[y0 * width + x1];
                int c = argb[y1 * width + x0];
                int d = argb[y1 * width + x1];
                int px = 0xFF000000;
                for (int sh = 0; sh <= 16; sh += 8) {
                    float top = ((a >> sh) & 255) + wx * (((b >> sh) & 255) - ((a >> sh) & 255));
                    float bot = ((c >> sh) & 255) + wx * (((d >> sh) & 255) - ((c >> sh) & 255));
                    px |= Math.round(top + wy * (bot - top)) << sh;
                }
                out[y * w + x] = px;
                if (vals != null) {
                    // nearest for values: they are data, not colours
                    vals[y * w + x] = values[Math.min(height - 1, (int) ((y + 0.5f) * sy)) * width
                            + Math.min(width - 1, (int) ((x + 0.5f) * sx))];
                }
            }
        }
        return new RenderImage(w, h, out, vals);
    }

    /** For ImageIO: a TYPE_INT_RGB image sharing nothing with this one. */
    public java.awt.image.BufferedImage toBufferedImage() {
        java.awt.image.BufferedImage bi = new java.awt.image.BufferedImage(width, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        bi.setRGB(0, 0, width, height, argb, 0, width);
        return bi;
    }
}
