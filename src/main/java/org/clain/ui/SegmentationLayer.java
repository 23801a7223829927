package org.clain.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.clain.study.Segmentation;
import org.clain.study.SliceHeader;

/**
 * The DICOM Segmentations laid over a viewport's image: each segment's pixels in its colour, a
 * translucent fill with an opaque outline so the anatomy under it still reads. Made again only
 * when the image (its plane) or the segmentations change. MPR views paint theirs with
 * {@link #paint}.
 */
final class SegmentationLayer {
    /** Fill opacity: enough to see the segment, little enough to read the tissue through it. */
    private static final int FILL_ALPHA = 0x50;

    private List<Segmentation> segmentations = List.of();
    private SliceHeader shown;
    private WritableImage image;
    private List<Segmentation.Segment> present = List.of();

    void set(List<Segmentation> segs) {
        segmentations = List.copyOf(segs);
        shown = null;
    }

    List<Segmentation> segmentations() {
        return segmentations;
    }

    /** The layer over an image (its pixels' grid), or null when no segment lies on it. */
    WritableImage imageFor(SliceHeader h) {
        if (h != shown) {
            shown = h;
            render(h);
        }
        return image;
    }

    /** The segments drawn on the image last asked for, for the legend. */
    List<Segmentation.Segment> present() {
        return present;
    }

    private void render(SliceHeader h) {
        Painted p = h.hasGeometry() ? paint(segmentations, seg -> seg.labels(h), h.columns(), h.rows()) : null;
        image = p == null ? null : p.image();
        present = p == null ? List.of() : p.segments();
    }

    /** An image of the segments and the segments in it. */
    record Painted(WritableImage image, List<Segmentation.Segment> segments) {
    }

    /**
     * Paints segmentations' labels ({@code labels} gives each one's, row by row, or null where it has
     * none) into a w x h image: translucent fill, opaque outline. Null when no segment is there.
     */
    static Painted paint(List<Segmentation> segmentations, Function<Segmentation, int[]> labelsOf, int w, int rows) {
        int[] argb = null;
        List<Segmentation.Segment> found = new ArrayList<>();
        for (Segmentation seg : segmentations) {
            int[] labels = labelsOf.apply(seg);
            if (labels == null) {
                continue;
            }
            Set<Integer> numbers = new TreeSet<>();
            int[] rgb = new int[maxNumber(seg) + 1];
            for (Segmentation.Segment s : seg.segments()) {
                rgb[s.number()] = s.rgb();
            }
            if (argb == null) {
                argb = new int[w * rows];
            }
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < w; c++) {
                    int k = r * w + c;
                    int l = labels[k];
                    if (l == 0 || l >= rgb.length) {
                        continue;
                    }
                    numbers.add(l);
                    boolean edge = c == 0 || r == 0 || c == w - 1 || r == rows - 1 || labels[k - 1] != l
                            || labels[k + 1] != l || labels[k - w] != l || labels[k + w] != l;
                    argb[k] = (edge ? 0xFF000000 : FILL_ALPHA << 24) | rgb[l];
                }
            }
            for (Segmentation.Segment s : seg.segments()) {
                if (numbers.contains(s.number())) {
                    found.add(s);
                }
            }
        }
        if (argb == null || found.isEmpty()) {
            return null;
        }
        WritableImage img = new WritableImage(w, rows);
        img.getPixelWriter().setPixels(0, 0, w, rows, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return new Painted(img, List.copyOf(found));
    }

    private static int maxNumber(Segmentation seg) {
        int m = 0;
        for (Segmentation.Segment s : seg.segments()) {
            m = Math.max(m, s.number());
        }
        return m;
    }
}
