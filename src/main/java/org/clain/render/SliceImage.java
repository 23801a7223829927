package org.clain.render;

import org.clain.dicom.DicomException;
import org.clain.dicom.ImagePixel;
import org.clain.dicom.PixelDecoder;
import org.clain.dicom.Tag;
import org.clain.study.Instance;
import org.clain.study.SliceHeader;
import org.clain.study.SliceStack;
import org.clain.study.Volume;
import org.clain.study.WideGrey;

/**
 * One 2D slice of 16-bit stored values with what turns them into modality values: a slice of a
 * loaded {@link Volume}, or a single frame decoded on its own (the first
 * image shown while the volume still loads, thumbnails).
 *
 * @param stored  stored values, x fastest; do not modify
 * @param padding Pixel Padding Value (stored), or null
 */
public record SliceImage(short[] stored, int columns, int rows, boolean signed, double slope, double intercept,
                         Integer padding) {

    /** Slice z of a volume, copied out of its slab. */
    public static SliceImage of(Volume v, int z) {
        return new SliceImage(v.copySlice(z), v.nx(), v.ny(), v.signed(), v.slope(z), v.intercept(z), v.paddingValue());
    }

    /** Decodes slice {@code index} of a stack alone, without loading the volume. */
    public static SliceImage decode(SliceStack stack, int index) throws DicomException {
        SliceHeader h = stack.slices().get(index);
        Instance inst = stack.instance(h);
        ImagePixel px = ImagePixel.of(h.path(), inst.file().dataset());
        if (px.samplesPerPixel() != 1) {
            throw new DicomException(h.path(), -1, "not a grey image: " + px.photometric() + " " + px.dtype());
        }
        double[] rescale = {h.rescaleSlope()};
        double[] offset = {h.rescaleIntercept()};
        PixelDecoder dec = PixelDecoder.of(inst.file());
        int[] v = px.doubleData() ? null : dec.storedValues(h.frame());
        if (px.doubleData() || px.bitsAllocated() > 16 || px.floatData()) {
            // scaled into 16 bits as the volume will be (WideGrey), on this frame's own range
            WideGrey.Quantized q = px.doubleData()
                    ? WideGrey.quantizeDoubles(new double[][] {dec.doubles(h.frame())}, rescale, offset)
                    : WideGrey.quantize(new int[][] {v}, px.floatData(), !px.signed(), rescale, offset);
            return new SliceImage(q.slices()[0], px.columns(), px.rows(), false, q.slope(), q.intercept(), null);
        }
        short[] s = new short[v.length];
        for (int i = 0; i < v.length; i++) {
            s[i] = (short) v[i];
        }
        double[] pad = inst.file().dataset().getDoubles(Tag.PixelPaddingValue);
        Integer padding = pad == null || pad.length == 0 ? null : (int) (px.signed() ? (short) pad[0] : pad[0]);
        return new SliceImage(s, px.columns(), px.rows(), px.signed(), h.rescaleSlope(), h.rescaleIntercept(),
                padding);
    }

    /** Modality value (HU for CT) at a pixel. */
    public double value(int column, int row) {
        short s = stored[row * columns + column];
        return (signed ? s : s & 0xFFFF) * slope + intercept;
    }

    public DisplayLut lut(double center, double width, boolean inverted) {
        return DisplayLut.of(signed, slope, intercept, center, width, inverted);
    }
}
