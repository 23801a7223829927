package org.clain.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.clain.dicom.OverlayPlane;
import org.clain.study.Instance;

/**
 * The DICOM overlay planes ({@link OverlayPlane}) of the image a viewport shows, as images to draw
 * over it in image coordinates: set bits in one colour, the rest transparent. Made again only when
 * the instance or frame changes.
 */
final class OverlayPlaneImages {
    /** Overlay colour: opaque amber, readable on black and on white. */
    static final int COLOUR = 0xFFFFC000;

    /** A plane's image and where its top-left pixel goes (0-based image column and row). */
    record Placed(WritableImage image, int column, int row) {
    }

    private Instance instance;
    private int frame = -1;
    private List<Placed> placed = List.of();

    /** The planes to draw over frame {@code frame} (0-based) of an instance (none without overlays). */
    List<Placed> of(Instance in, int f) {
        if (in != instance || f != frame) {
            instance = in;
            frame = f;
            placed = in == null ? List.of() : render(OverlayPlane.of(in.file().dataset()), f);
        }
        return placed;
    }

    private static List<Placed> render(List<OverlayPlane> planes, int imageFrame) {
        List<Placed> out = new ArrayList<>();
        for (OverlayPlane p : planes) {
            int k = p.frameFor(imageFrame);
            if (k < 0) {
                continue;
            }
            int[] argb = new int[p.rows() * p.columns()];
            for (int r = 0; r < p.rows(); r++) {
                for (int c = 0; c < p.columns(); c++) {
                    if (p.bit(k, r, c)) {
                        argb[r * p.columns() + c] = COLOUR;
                    }
                }
            }
            WritableImage img = new WritableImage(p.columns(), p.rows());
            img.getPixelWriter().setPixels(0, 0, p.columns(), p.rows(), PixelFormat.getIntArgbInstance(), argb, 0,
                    p.columns());
            out.add(new Placed(img, p.originColumn() - 1, p.originRow() - 1));
        }
        return out;
    }
}
