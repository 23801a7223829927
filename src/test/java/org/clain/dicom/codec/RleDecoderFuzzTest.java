package org.clain.dicom.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.clain.testdata.Fuzzing;
import org.clain.testdata.Fuzzing.Allocation;
import org.junit.jupiter.api.Timeout;

/**
 * {@link RleDecoder} directly, with fuzzed header values: the input is Rows (u16 LE), Columns
 * (u16 LE), Samples per Pixel (u8), Bits Allocated (u8), then the RLE frame (its own 64-byte
 * header of segment count and offsets, then the segments). Seeds: frames of dcmtk- and
 * pydicom-encoded files (tools/fuzz-seeds.py).
 */
class RleDecoderFuzzTest {
    static {
        Fuzzing.warmUp(RleDecoderFuzzTest.class, RleDecoderFuzzTest::decodeOnce);
    }

    @FuzzTest(maxDuration = Fuzzing.MAX_DURATION)
    @Timeout(Fuzzing.TIMEOUT_S)
    void decode(byte[] input) {
        decodeOnce(input);
    }

    static void decodeOnce(byte[] input) {
        if (input.length < 6) {
            return;
        }
        int rows = (input[0] & 0xFF) | (input[1] & 0xFF) << 8;
        int cols = (input[2] & 0xFF) | (input[3] & 0xFF) << 8;
        int spp = input[4] & 0xFF;
        int ba = input[5] & 0xFF;
        long samples = (long) rows * cols * spp;
        if (samples > Fuzzing.MAX_FUZZ_FRAME_SAMPLES && samples <= RleDecoder.MAX_SAMPLES) {
            return; // legal and bounded by the header, only slow: see LimitsTest
        }
        // the output ints and one byte plane: bounded by the declared size, never by the data
        Allocation alloc = Allocation.start((1 << 20) + 5 * Math.min(samples, RleDecoder.MAX_SAMPLES));
        java.util.List<String> warnings = new java.util.ArrayList<>();
        try {
            DecodedImage img = RleDecoder.decode(input, 6, input.length - 6, rows, cols, spp, ba, warnings::add);
            if (img.width() != cols || img.height() != rows || img.components() != spp
                    || img.samples().length != samples) {
                throw new AssertionError("decoded " + img.width() + "x" + img.height() + "x" + img.components()
                        + " (" + img.samples().length + " samples) for a " + cols + "x" + rows + "x" + spp + " header");
            }
        } catch (CodecException e) {
            Fuzzing.checkClean(e);
        }
        alloc.check("RLE " + cols + "x" + rows + "x" + spp + " " + ba + "-bit");
    }
}
