package org.clain.ui;

import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.clain.render.DisplayLut;
import org.clain.render.SliceImage;
import org.clain.render.WindowLevel;
import org.clain.study.Volume;

/**
 * The pixels of the slice a viewport shows: the slice copied out of its volume, and its greys
 * after the display LUT ({@link DisplayLut}), one pixel per image pixel; or a colour frame, each
 * channel windowed.
 * Both are kept between redraws and made again only when the slice, the window or the inversion changed.
 */
final class SlicePixels {
    /** The volume slice on screen, copied out of its slab (see slice). */
    private SliceImage shown;
    private Volume shownVolume;
    private int shownSlice = -1;

    private WritableImage image;
    private int[] argb;
    private DisplayLut lut;
    private boolean dirty = true;
    private Object renderedSource;
    private boolean renderedInverted;
    /** The colour window per channel, 0..255 to 0..255, and what it was made for. */
    private int[] channelLut;
    private double channelCenter;
    private double channelWidth;

    /** The slice z of the volume, or the preview while there is no volume (null without either). */
    SliceImage slice(Volume volume, int z, SliceImage preview) {
        if (volume != null) {
            if (shownVolume != volume || shownSlice != z) {
                // copied out of the volume's slab once per slice shown, not per pixel asked
                shown = SliceImage.of(volume, z);
                shownVolume = volume;
                shownSlice = z;
            }
            return shown;
        }
        return preview;
    }

    /** The slice through the display LUT (the last image made when there is no slice). */
    WritableImage render(SliceImage s, double center, double width, boolean invert) {
        if (s == null) {
            return image;
        }
        if (image == null || image.getWidth() != s.columns() || image.getHeight() != s.rows()) {
            image = new WritableImage(s.columns(), s.rows());
            argb = new int[s.columns() * s.rows()];
            dirty = true;
        }
        if (lut == null || !lut.matches(s.signed(), s.slope(), s.intercept(), center, width, invert)) {
            lut = s.lut(center, width, invert);
            dirty = true;
        }
        if (renderedSource != s.stored()) {
            dirty = true;
        }
        if (dirty) {
            lut.apply(s.stored(), argb);
            image.getPixelWriter().setPixels(0, 0, s.columns(), s.rows(), PixelFormat.getIntArgbInstance(), argb, 0,
                    s.columns());
            renderedSource = s.stored();
            dirty = false;
        }
        return image;
    }

    /**
     * A colour frame (packed 0xRRGGBB) with each channel through the window (brightness and
     * contrast; 128/256 shows it as stored), then inverted if asked (the last image made when there
     * is no frame).
     */
    WritableImage renderColor(int[] rgb, int columns, int rows, double center, double width, boolean invert) {
        if (rgb == null) {
            return image;
        }
        if (image == null || image.getWidth() != columns || image.getHeight() != rows) {
            image = new WritableImage(columns, rows);
            argb = new int[columns * rows];
            dirty = true;
        }
        if (channelLut == null || channelCenter != center || channelWidth != width || renderedInverted != invert) {
            WindowLevel w = WindowLevel.of(center, width);
            channelLut = new int[256];
            for (int v = 0; v < 256; v++) {
                channelLut[v] = invert ? 255 - w.gray(v) : w.gray(v);
            }
            channelCenter = center;
            channelWidth = width;
            renderedInverted = invert;
            dirty = true;
        }
        if (renderedSource != rgb) {
            dirty = true;
        }
        if (dirty) {
            int[] t = channelLut;
            for (int i = 0; i < argb.length; i++) {
                int c = rgb[i];
                argb[i] = 0xFF000000 | t[c >> 16 & 0xFF] << 16 | t[c >> 8 & 0xFF] << 8 | t[c & 0xFF];
            }
            image.getPixelWriter().setPixels(0, 0, columns, rows, PixelFormat.getIntArgbInstance(), argb, 0, columns);
            renderedSource = rgb;
            lut = null;
            dirty = false;
        }
        return image;
    }

    /** Displayed grey (0..255) of an image pixel, as last rendered. */
    int grey(int column, int row) {
        return argb[row * (int) image.getWidth() + column] & 0xFF;
    }

    /** Displayed colour (0xRRGGBB) of an image pixel, as last rendered. */
    int rgb(int column, int row) {
        return argb[row * (int) image.getWidth() + column] & 0xFFFFFF;
    }

    void invalidate() {
        dirty = true;
    }

    /** Forgets the image (a new series, or none). */
    void clear() {
        image = null;
        dirty = true;
    }
}
