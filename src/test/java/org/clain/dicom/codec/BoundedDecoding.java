package org.clain.dicom.codec;

import org.clain.testdata.Fuzzing;
import org.clain.testdata.Fuzzing.Allocation;

/**
 * The check the JPEG and JPEG-LS fuzz targets share: a codestream decoded with the fuzz frame
 * bound as the caller's sample limit (PixelDecoder passes the DICOM header's frame size the same
 * way) gives an image of no more samples than the bound and exactly as many as its size says, or
 * a clean {@link CodecException}, and allocates no more than the target allows.
 */
final class BoundedDecoding {
    /** A decoder of a codestream with a sample limit, as PixelDecoder calls it. */
    @FunctionalInterface
    interface Decoder {
        DecodedImage decode(byte[] data, int offset, int length, long maxSamples) throws CodecException;
    }

    private BoundedDecoding() {
    }

    /**
     * Decodes the whole input with the limit {@link Fuzzing#MAX_FUZZ_FRAME_SAMPLES}.
     *
     * @param allowance the bytes the decoder may allocate for this input
     */
    static void check(String codec, long allowance, byte[] input, Decoder decoder) {
        long max = Fuzzing.MAX_FUZZ_FRAME_SAMPLES;
        Allocation alloc = Allocation.start(allowance);
        try {
            DecodedImage img = decoder.decode(input, 0, input.length, max);
            long n = (long) img.width() * img.height() * img.components();
            if (n > max || img.samples().length != n) {
                throw new AssertionError("decoded " + img.width() + "x" + img.height() + "x" + img.components()
                        + " into " + img.samples().length + " samples, limit " + max);
            }
        } catch (CodecException e) {
            Fuzzing.checkClean(e);
        }
        alloc.check(codec);
    }
}
