package org.clain.ui;

import java.util.List;
import java.util.Locale;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import org.clain.study.Segmentation;
import org.clain.study.SliceHeader;
import org.clain.study.Volume;

/**
 * What a viewport lays over its image from other series of the same Frame of Reference: a fused PET
 * ({@link FusionLayer}) and DICOM Segmentations ({@link SegmentationLayer}), in the image's pixel
 * grid, each asked for the image shown (a null header, before there is an image, has none).
 */
final class ImageLayers {
    private final SegmentationLayer segmentations = new SegmentationLayer();
    private final FusionLayer fusion = new FusionLayer();
    private boolean segmentationsVisible = true;

    void clear() {
        segmentations.set(List.of());
        fusion.set(null);
    }

    /** True when the PET changed. */
    boolean setFusion(Volume pet) {
        if (fusion.pet() == pet) {
            return false;
        }
        fusion.set(pet);
        return true;
    }

    void setSegmentations(List<Segmentation> segs) {
        segmentations.set(segs);
    }

    List<Segmentation> segmentations() {
        return segmentations.segmentations();
    }

    void setSegmentationsVisible(boolean on) {
        segmentationsVisible = on;
    }

    boolean segmentationsVisible() {
        return segmentationsVisible;
    }

    /** Draws the layers in image pixel coordinates (the caller's transform): fused PET, then segments. */
    void draw(GraphicsContext g, SliceHeader h, boolean interpolate) {
        WritableImage fused = fusionImage(h);
        if (fused != null) {
            g.setImageSmoothing(interpolate);
            g.drawImage(fused, 0, 0);
        }
        WritableImage seg = segmentationImage(h);
        if (seg != null) {
            g.setImageSmoothing(false);
            g.drawImage(seg, 0, 0);
        }
    }

    WritableImage fusionImage(SliceHeader h) {
        return h == null ? null : fusion.imageFor(h);
    }

    /** The fused layer's pixels (ARGB, not premultiplied), or null. */
    int[] fusionPixels(SliceHeader h) {
        return h == null || fusion.pet() == null ? null : fusion.argb(h);
    }

    /** The fused PET at image pixel (c, r) for the cursor line ("  PET 2.41 SUVbw"), "" without one. */
    String fusionValueText(SliceHeader h, int c, int r) {
        double v = h == null ? Double.NaN : fusion.valueAt(h, c, r);
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "  PET %.2f %s", v, fusion.valueName());
    }

    /** The PET fused, or null. */
    Volume fusedPet() {
        return fusion.pet();
    }

    /** The fused PET's scale for the corner, "" without one. */
    String fusionText() {
        return fusion.scaleText();
    }

    WritableImage segmentationImage(SliceHeader h) {
        return segmentationsVisible && h != null ? segmentations.imageFor(h) : null;
    }

    /** The segments drawn on the image last drawn (empty when none or hidden). */
    List<Segmentation.Segment> segmentsShown(SliceHeader h) {
        return segmentationImage(h) == null ? List.of() : segmentations.present();
    }
}
