package org.clain.testdata;

import org.clain.dicom.Attributes;
import org.clain.dicom.Tag;
import org.clain.dicom.VR;

/** The Image Pixel Module of an unsigned single-sample image, for datasets the tests build. */
public final class MonochromePixels {
    private MonochromePixels() {
    }

    /** MONOCHROME2, {@code rows} x {@code columns}, {@code bits} allocated and stored, unsigned. */
    public static void set(Attributes ds, int rows, int columns, int bits) {
        ds.setInts(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setInts(Tag.Rows, VR.US, rows);
        ds.setInts(Tag.Columns, VR.US, columns);
        ds.setInts(Tag.BitsAllocated, VR.US, bits);
        ds.setInts(Tag.BitsStored, VR.US, bits);
        ds.setInts(Tag.HighBit, VR.US, bits - 1);
        ds.setInts(Tag.PixelRepresentation, VR.US, 0);
    }
}
