package org.clain.ui;

import java.awt.image.BufferedImage;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import org.clain.dicom.DicomException;
import org.clain.render.AutoWindow;
import org.clain.render.DefaultWindow;
import org.clain.render.DisplayLut;
import org.clain.render.SliceImage;
import org.clain.study.ColorStack;
import org.clain.study.Series;
import org.clain.study.SliceHeader;
import org.clain.study.SliceStack;
import org.imgscalr.Scalr;

/** Stack thumbnails: the middle slice, default window (or its colours), scaled with imgscalr. */
public final class Thumbnails {
    public static final int SIZE = 72;

    private Thumbnails() {
    }

    /** The thumbnail of one stack; rendered off the FX thread, shown on it. */
    public static Image of(SliceStack stack) throws DicomException {
        Series series = stack.series();
        int mid = stack.size() / 2;
        SliceHeader h = stack.slices().get(mid);
        int[] rgb;
        if (ColorStack.isColor(stack.instance(h))) {
            rgb = ColorStack.decode(stack, mid);
        } else {
            SliceImage img = SliceImage.decode(stack, mid);
            AutoWindow.Window w = DefaultWindow.of(h, series.modality(), img);
            boolean mono1 = "MONOCHROME1".equalsIgnoreCase(stack.instance(h).photometric().trim());
            DisplayLut lut = img.lut(w.center(), w.width(), mono1);
            rgb = new int[img.columns() * img.rows()];
            lut.apply(img.stored(), rgb);
        }
        BufferedImage full = new BufferedImage(h.columns(), h.rows(), BufferedImage.TYPE_INT_RGB);
        full.setRGB(0, 0, h.columns(), h.rows(), rgb, 0, h.columns());
        // keep the physical aspect (pixel spacing may differ along rows and columns)
        double physW = h.columns() * h.columnSpacing();
        double physH = h.rows() * h.rowSpacing();
        int tw = physW >= physH ? SIZE : Math.max(1, (int) Math.round(SIZE * physW / physH));
        int th = physH >= physW ? SIZE : Math.max(1, (int) Math.round(SIZE * physH / physW));
        BufferedImage small = Scalr.resize(full, Scalr.Method.QUALITY, Scalr.Mode.FIT_EXACT, tw, th);
        return SwingFXUtils.toFXImage(small, null);
    }
}
