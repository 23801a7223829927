package org.clain.render;

import org.clain.study.SliceHeader;

/**
 * The window an image opens with: the first DICOM Window Center / Width when the file has one
 * (PS3.3 C.11.2), else a soft-tissue window for CT, else (MR and the rest) the 1st to 99th
 * percentile of the image's own values.
 */
public final class DefaultWindow {
    public static final double LOW_PERCENTILE = 1;
    public static final double HIGH_PERCENTILE = 99;

    private DefaultWindow() {
    }

    /** The DICOM window of a slice, or null when it has none usable. */
    public static AutoWindow.Window dicom(SliceHeader h) {
        double[] c = h.windowCenters();
        double[] w = h.windowWidths();
        if (c == null || w == null || c.length == 0 || w.length == 0 || !(w[0] >= 1) || Double.isNaN(c[0])) {
            return null;
        }
        return new AutoWindow.Window(c[0], w[0]);
    }

    public static AutoWindow.Window of(SliceHeader h, String modality, SliceImage image) {
        AutoWindow.Window d = dicom(h);
        if (d != null) {
            return d;
        }
        if ("CT".equalsIgnoreCase(modality)) {
            return new AutoWindow.Window(WindowPreset.ABDOMEN.center(), WindowPreset.ABDOMEN.width());
        }
        return auto(image);
    }

    /** The histogram window of one slice. */
    public static AutoWindow.Window auto(SliceImage image) {
        return AutoWindow.percentiles(image.stored(), image.signed(), image.slope(), image.intercept(),
                image.padding(), LOW_PERCENTILE, HIGH_PERCENTILE);
    }
}
