package org.clain.ui;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.clain.study.PresentationState;
import org.clain.study.Segmentation;
import org.clain.study.SliceHeader;
import org.clain.study.StructureSet;
import org.clain.study.Volume;

/**
 * What a viewport lays over its image from other series of the same Frame of Reference: a fused PET
 * ({@link FusionLayer}), DICOM Segmentations ({@link SegmentationLayer}) and RT Structure Set
 * contours, in the image's pixel grid, each asked for the image shown (a null header, before
 * there is an image, has none).
 */
final class ImageLayers {
    private final SegmentationLayer segmentations = new SegmentationLayer();
    private final FusionLayer fusion = new FusionLayer();
    private List<StructureSet> structureSets = List.of();
    private boolean segmentationsVisible = true;
    /** The presentation state opened on these images, whose annotations are drawn on the images it references. */
    private PresentationState presentation;

    /** A line of the legend: a swatch of the colour, the name and the volume (NaN: none shown). */
    record LegendEntry(String name, int rgb, double volumeMl) {
    }

    void clear() {
        segmentations.set(List.of());
        structureSets = List.of();
        fusion.set(null);
        presentation = null;
    }

    void setPresentationState(PresentationState ps) {
        presentation = ps;
    }

    PresentationState presentationState() {
        return presentation;
    }

    /** The presentation state's graphics on the image shown (none without one, or on an image it does not reference). */
    List<PresentationState.Graphic> presentationGraphics(SliceHeader h) {
        return presentation == null || h == null ? List.of()
                : presentation.graphics(h.sopInstanceUid(), h.frame() + 1, h.columns(), h.rows());
    }

    List<PresentationState.Text> presentationTexts(SliceHeader h) {
        return presentation == null || h == null ? List.of()
                : presentation.texts(h.sopInstanceUid(), h.frame() + 1, h.columns(), h.rows());
    }

    void setStructureSets(List<StructureSet> sets) {
        structureSets = List.copyOf(sets);
    }

    List<StructureSet> structureSets() {
        return structureSets;
    }

    /** The contours of the structure sets on the image (none when segmentations are hidden). */
    List<StructureSet.Drawn> contours(SliceHeader h) {
        if (!segmentationsVisible || h == null || structureSets.isEmpty()) {
            return List.of();
        }
        List<StructureSet.Drawn> out = new ArrayList<>();
        for (StructureSet s : structureSets) {
            out.addAll(s.on(h));
        }
        return out;
    }

    void setFusion(Volume pet) {
        if (fusion.pet() != pet) {
            fusion.set(pet);
        }
    }

    void setFusionScale(FusionLayer.Scale scale) {
        if (!fusion.scale().equals(scale)) {
            fusion.setScale(scale);
        }
    }

    void setSegmentations(List<Segmentation> segs) {
        segmentations.set(segs);
    }

    List<Segmentation> segmentations() {
        return segmentations.segmentations();
    }

    /** A copy of what is shown now (hidden segmentations and structures left out), for an MPR of the images. */
    ImageLayers shown() {
        ImageLayers copy = new ImageLayers();
        if (segmentationsVisible) {
            copy.setSegmentations(segmentations());
            copy.setStructureSets(structureSets);
        }
        copy.setFusion(fusion.pet());
        copy.setFusionScale(fusion.scale());
        return copy;
    }

    FusionLayer fusion() {
        return fusion;
    }

    void setSegmentationsVisible(boolean on) {
        segmentationsVisible = on;
    }

    /**
     * Draws the layers in image pixel coordinates (the caller's transform, {@code zoom} screen pixels
     * a pixel): fused PET, segments, then structure contours (lines 1.5 screen pixels wide).
     */
    void draw(GraphicsContext g, SliceHeader h, boolean interpolate, double zoom) {
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
        drawContours(g, contours(h), zoom);
        drawGraphics(g, presentationGraphics(h), zoom);
    }

    /**
     * A presentation state's graphics in pixel coordinates (its PIXEL units: the top-left corner of
     * the top-left pixel at 0, 0, as here), lines 1.5 screen pixels wide. An INTERPOLATED curve is
     * drawn through its points as straight segments.
     */
    static void drawGraphics(GraphicsContext g, List<PresentationState.Graphic> graphics, double zoom) {
        g.setLineWidth(1.5 / zoom);
        for (PresentationState.Graphic gr : graphics) {
            int rgb = gr.rgb();
            Color c = Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF);
            g.setStroke(c);
            g.setFill(c.deriveColor(0, 1, 1, 0.35));
            double[] p = gr.points();
            switch (gr.type()) {
                case "POINT" -> {
                    double r = 3 / zoom;
                    for (int i = 0; i + 1 < p.length; i += 2) {
                        g.setFill(c);
                        g.fillOval(p[i] - r, p[i + 1] - r, 2 * r, 2 * r);
                    }
                }
                case "CIRCLE" -> {
                    if (p.length >= 4) {
                        double r = Math.hypot(p[2] - p[0], p[3] - p[1]);
                        if (gr.filled()) {
                            g.fillOval(p[0] - r, p[1] - r, 2 * r, 2 * r);
                        }
                        g.strokeOval(p[0] - r, p[1] - r, 2 * r, 2 * r);
                    }
                }
                case "ELLIPSE" -> {
                    if (p.length >= 8) {
                        double a = Math.hypot(p[2] - p[0], p[3] - p[1]) / 2;
                        double b = Math.hypot(p[6] - p[4], p[7] - p[5]) / 2;
                        g.save();
                        g.translate((p[0] + p[2]) / 2, (p[1] + p[3]) / 2);
                        g.rotate(Math.toDegrees(Math.atan2(p[3] - p[1], p[2] - p[0])));
                        if (gr.filled()) {
                            g.fillOval(-a, -b, 2 * a, 2 * b);
                        }
                        g.strokeOval(-a, -b, 2 * a, 2 * b);
                        g.restore();
                    }
                }
                default -> {
                    g.beginPath();
                    g.moveTo(p[0], p[1]);
                    for (int i = 2; i + 1 < p.length; i += 2) {
                        g.lineTo(p[i], p[i + 1]);
                    }
                    if (gr.filled()) {
                        g.fill();
                    }
                    g.stroke();
                }
            }
        }
    }

    /** Contours in pixel coordinates, lines 1.5 screen pixels wide at {@code zoom} screen pixels a pixel. */
    static void drawContours(GraphicsContext g, List<StructureSet.Drawn> contours, double zoom) {
        g.setLineWidth(1.5 / zoom);
        for (StructureSet.Drawn d : contours) {
            int rgb = d.structure().rgb();
            g.setStroke(Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF));
            double[] p = d.pixels();
            g.beginPath();
            // pixel centres lie half a pixel in from the image's corner
            g.moveTo(p[0] + 0.5, p[1] + 0.5);
            for (int i = 2; i < p.length; i += 2) {
                g.lineTo(p[i] + 0.5, p[i + 1] + 0.5);
            }
            if (d.closed()) {
                g.closePath();
            }
            g.stroke();
        }
    }

    /** What the image shows of segmentations and structures, for the legend (each once). */
    List<LegendEntry> legend(SliceHeader h) {
        List<LegendEntry> out = new ArrayList<>();
        for (Segmentation.Segment s : segmentsShown(h)) {
            out.add(new LegendEntry(s.label(), s.rgb(), s.volumeMl()));
        }
        Set<StructureSet.Structure> seen = new LinkedHashSet<>();
        for (StructureSet.Drawn d : contours(h)) {
            seen.add(d.structure());
        }
        for (StructureSet.Structure s : seen) {
            out.add(new LegendEntry(s.name(), s.rgb(), s.volumeMl()));
        }
        return out;
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
