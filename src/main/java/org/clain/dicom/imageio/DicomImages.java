package org.clain.dicom.imageio;

import java.awt.image.BufferedImage;
import org.clain.dicom.ColorModel;
import org.clain.dicom.DicomException;
import org.clain.dicom.DicomFile;
import org.clain.dicom.GrayscalePipeline;
import org.clain.dicom.ImagePixel;
import org.clain.dicom.PixelDecoder;

/** One frame of a DICOM file as a display image: grey through the VOI pipeline, or RGB. */
public final class DicomImages {
    private DicomImages() {
    }

    /**
     * @param center window centre in modality units, or null for the file's window (else the frame's range)
     */
    public static BufferedImage render(DicomFile f, int frame, Double center, Double width) throws DicomException {
        PixelDecoder dec = PixelDecoder.of(f);
        ImagePixel px = dec.pixel();
        int w = px.columns();
        int h = px.rows();
        int spp = px.samplesPerPixel();
        boolean palette = px.photometric().equals("PALETTE COLOR");
        if (palette ? spp != 1 : spp != 1 && spp != 3) {
            // the sample layout decides, not the label: a mislabelled grey or RGB image still shows
            throw new DicomException(f.path(), -1, "cannot display " + spp + " samples per pixel as "
                    + px.photometric());
        }
        int[] stored = dec.storedValues(frame);
        ColorModel cm = ColorModel.of(f.dataset(), px);
        if (palette || spp == 3) {
            BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
            img.setRGB(0, 0, w, h, cm.toRgb(stored, w * h, px.bitsStored()), 0, w);
            return img;
        }
        GrayscalePipeline g = GrayscalePipeline.of(f.dataset(), px);
        if (center != null && width != null) {
            g.window(center, width);
        } else {
            g.autoWindow(stored);
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        byte[] out = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        if (px.floatData()) {
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) g.display(Math.round(Float.intBitsToFloat(stored[i])));
            }
            return img;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) g.display(stored[i]);
        }
        return img;
    }
}
