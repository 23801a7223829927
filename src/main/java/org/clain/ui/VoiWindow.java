package org.clain.ui;

import org.clain.render.AutoWindow;
import org.clain.render.DefaultWindow;
import org.clain.render.SliceImage;
import org.clain.render.WindowLevel;
import org.clain.render.WindowPreset;
import org.clain.study.SliceHeader;
import org.clain.study.Volume;

/**
 * The window (VOI) of a viewport: centre, width, the name shown beside them, and where they come
 * from. Until the user chooses one, a series opens with the image's own DICOM window, else the
 * abdomen preset for CT, SUVbw 0 to 5 for PET with an SUV factor, else the histogram's percentiles
 * ({@link DefaultWindow}). When the window
 * is the image's own, it follows each image's as the user scrolls.
 */
final class VoiWindow {
    private double center = 40;
    private double width = 400;
    private String name = "";
    private boolean chosen;
    /** The window follows each image's own DICOM window as the user scrolls (until they choose one). */
    private boolean perImage;

    double center() {
        return center;
    }

    double width() {
        return width;
    }

    String name() {
        return name;
    }

    /** A new series: the default window comes back until the user chooses one. */
    void reset() {
        chosen = false;
        perImage = false;
    }

    /** The default window comes back at the next volume (perhaps still followed image by image). */
    void unchoose() {
        chosen = false;
    }

    /** The user's window; followImages: it is the image's own, to follow as they scroll. */
    void choose(double c, double w, String label, boolean followImages) {
        chosen = true;
        perImage = followImages;
        set(c, w, label);
    }

    /** The default for the one image decoded while the volume loads. */
    void openPreview(SliceHeader h, String modality, SliceImage img) {
        if (chosen) {
            return;
        }
        AutoWindow.Window w = DefaultWindow.of(h, modality, img);
        perImage = DefaultWindow.dicom(h) != null;
        set(w.center(), w.width(), perImage ? "DICOM"
                : "CT".equalsIgnoreCase(modality) ? WindowPreset.ABDOMEN.label() : "Auto");
    }

    /** The default once the volume is there: the image's own window, the CT preset or percentiles. */
    void openVolume(SliceHeader h, Volume v) {
        if (chosen) {
            return;
        }
        AutoWindow.Window d = DefaultWindow.dicom(h);
        perImage = d != null;
        if (d != null) {
            set(d.center(), d.width(), "DICOM");
        } else if ("CT".equalsIgnoreCase(v.modality())) {
            set(WindowPreset.ABDOMEN.center(), WindowPreset.ABDOMEN.width(), WindowPreset.ABDOMEN.label());
        } else if (v.suvFactor() > 0) {
            // PET is read on an SUV scale: 0 to 5 SUVbw, whatever the activity injected
            double top = PET_SUV_TOP / v.suvFactor();
            set(top / 2, top, "SUV 0-" + (int) PET_SUV_TOP);
        } else {
            AutoWindow.Window a = AutoWindow.percentiles(v, DefaultWindow.LOW_PERCENTILE,
                    DefaultWindow.HIGH_PERCENTILE);
            set(a.center(), a.width(), "Auto");
        }
    }

    /**
     * A colour series: each of R, G and B shown as stored (this window, PS3.3 LINEAR, is the
     * identity on 0..255) until the user windows them for brightness and contrast.
     */
    void openColour() {
        if (!chosen) {
            perImage = false;
            set(COLOUR_CENTER, COLOUR_WIDTH, "Full range");
        }
    }

    /** The SUVbw at the top of a PET series' default window. */
    static final double PET_SUV_TOP = 5;
    static final double COLOUR_CENTER = 128;
    static final double COLOUR_WIDTH = 256;

    /** On a new image: its own window when following them; true when the window changed. */
    boolean follow(SliceHeader h) {
        if (!perImage) {
            return false;
        }
        AutoWindow.Window d = DefaultWindow.dicom(h);
        if (d == null) {
            return false;
        }
        set(d.center(), d.width(), "DICOM");
        return true;
    }

    private void set(double c, double w, String label) {
        center = c;
        width = WindowLevel.usableWidth(w);
        name = label;
    }
}
