package org.clain.dicom;

import java.nio.file.Path;

/**
 * The Image Pixel Module (PS3.3 C.7.6.3) attributes that describe how Pixel Data is laid out.
 */
public record ImagePixel(int rows, int columns, int samplesPerPixel, int bitsAllocated, int bitsStored, int highBit,
                         int pixelRepresentation, String photometric, int planarConfiguration, int frames,
                         boolean floatData, boolean doubleData) {

    /** Largest frame Clain accepts: 2^28 samples (a 16k x 16k RGB image). */
    static final long MAX_SAMPLES = 1L << 28;

    public static ImagePixel of(Path path, Attributes ds) throws DicomException {
        int rows = ds.getInt(Tag.Rows, 0);
        int cols = ds.getInt(Tag.Columns, 0);
        if (rows <= 0 || cols <= 0) {
            throw new DicomException(path, at(ds, rows <= 0 ? Tag.Rows : Tag.Columns), "no image: Rows " + rows
                    + ", Columns " + cols);
        }
        boolean isFloat = ds.contains(Tag.FloatPixelData);
        boolean isDouble = ds.contains(Tag.DoubleFloatPixelData);
        int spp = ds.getInt(Tag.SamplesPerPixel, 1);
        int ba = ds.getInt(Tag.BitsAllocated, isDouble ? 64 : isFloat ? 32 : 0);
        int bs = ds.getInt(Tag.BitsStored, ba);
        int hb = ds.getInt(Tag.HighBit, bs - 1);
        int pr = ds.getInt(Tag.PixelRepresentation, 0);
        String pi = ds.getString(Tag.PhotometricInterpretation, spp == 1 ? "MONOCHROME2" : "RGB").trim();
        int pc = ds.getInt(Tag.PlanarConfiguration, 0);
        int frames = Math.max(1, ds.getInt(Tag.NumberOfFrames, 1));
        if (spp < 1 || spp > 4) {
            throw new DicomException(path, at(ds, Tag.SamplesPerPixel), "Samples per Pixel " + spp + " not supported");
        }
        if (ba != 1 && ba != 8 && ba != 16 && ba != 32 && ba != 64) {
            throw new DicomException(path, at(ds, Tag.BitsAllocated), "Bits Allocated " + ba + " not supported");
        }
        if (bs < 1 || bs > ba) {
            bs = ba; // tolerated: Bits Stored missing or larger than Bits Allocated
        }
        if ((long) rows * cols * spp > MAX_SAMPLES) {
            throw new DicomException(path, at(ds, Tag.Rows), "frame of " + rows + "x" + cols + "x" + spp
                    + " samples too large");
        }
        return new ImagePixel(rows, cols, spp, ba, bs, hb, pr, pi, pc, frames, isFloat, isDouble);
    }

    /** Offset of the element the message is about, or -1 when it is missing. */
    private static long at(Attributes ds, int tag) {
        Element e = ds.get(tag);
        return e == null ? -1 : e.offset();
    }

    public int pixelsPerFrame() {
        return rows * columns;
    }

    public int samplesPerFrame() {
        return rows * columns * samplesPerPixel;
    }

    public boolean signed() {
        return pixelRepresentation == 1;
    }

    /**
     * Native bytes per frame; YBR_FULL_422 holds Y1 Y2 Cb Cr per two pixels (PS3.3 C.7.6.3.1.2), a
     * last odd pixel (not allowed, but files have it) taking a whole group.
     */
    public long nativeFrameBytes() {
        if (bitsAllocated == 1) {
            return ((long) samplesPerFrame() + 7) / 8;
        }
        long samples = photometric.equals("YBR_FULL_422") ? 4L * ((pixelsPerFrame() + 1L) / 2) : samplesPerFrame();
        return samples * (bitsAllocated / 8);
    }

    /** numpy-style name of the stored sample type, as REFERENCE.tsv and `clain pixels` write it. */
    public String dtype() {
        if (doubleData) {
            return "float64";
        }
        if (floatData) {
            return "float32";
        }
        int bits = bitsAllocated == 1 ? 8 : bitsAllocated;
        return (signed() && bitsAllocated != 1 ? "int" : "uint") + bits;
    }

    public int bytesPerSample() {
        return bitsAllocated == 1 ? 1 : bitsAllocated / 8;
    }
}
