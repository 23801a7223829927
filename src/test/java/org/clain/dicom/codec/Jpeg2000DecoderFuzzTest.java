package org.clain.dicom.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.clain.testdata.Fuzzing;
import org.clain.testdata.Fuzzing.Allocation;
import org.junit.jupiter.api.Timeout;

/**
 * The JPEG 2000 adapter {@link Jpeg2000Decoder} (our SIZ/JP2 parsing, the tile-part repair, the
 * JJ2000 decoding chain and jai-imageio's reader) on a codestream or a JP2 file. JJ2000 is not
 * ours: its RuntimeExceptions and Errors are the adapter's to turn into CodecException; an
 * OutOfMemoryError or StackOverflowError anywhere, an exception out of the adapter, or an
 * allocation beyond what SIZ declares is a finding. Seeds: GDCM and OpenJPEG encodings of small
 * crops (tiles, precincts, progression orders, SOP/EPH, layers, irreversible) and corpus frames.
 */
class Jpeg2000DecoderFuzzTest {
    static {
        Fuzzing.warmUp(Jpeg2000DecoderFuzzTest.class, Jpeg2000DecoderFuzzTest::decodeOnce);
    }

    @FuzzTest(maxDuration = Fuzzing.MAX_DURATION)
    @Timeout(Fuzzing.TIMEOUT_S)
    void decode(byte[] input) {
        Fuzzing.quietly(Jpeg2000DecoderFuzzTest::decodeOnce, input);
    }

    static void decodeOnce(byte[] input) {
        long max = Fuzzing.MAX_FUZZ_FRAME_SAMPLES;
        long declared;
        Allocation alloc = Allocation.start((2 << 20) + 64L * input.length);
        try {
            Jpeg2000Decoder.Header h = Jpeg2000Decoder.readHeader(input, 0, input.length);
            declared = (long) h.width() * h.height() * h.components();
        } catch (CodecException e) {
            Fuzzing.checkClean(e);
            alloc.check("JPEG 2000 header");
            return;
        }
        alloc.check("JPEG 2000 header");
        // JJ2000 holds the tile's components as ints/floats at several stages, and its raster
        alloc.allow((16 << 20) + 64 * Math.min(declared, max));
        try {
            DecodedImage img = Jpeg2000Decoder.decode(input, 0, input.length, max);
            if (img.samples().length != (long) img.width() * img.height() * img.components()) {
                throw new AssertionError("decoded " + img.width() + "x" + img.height() + "x" + img.components()
                        + " into " + img.samples().length + " samples");
            }
        } catch (CodecException e) {
            Fuzzing.checkClean(e);
        }
        alloc.check("JPEG 2000 " + declared + " samples");
    }
}
