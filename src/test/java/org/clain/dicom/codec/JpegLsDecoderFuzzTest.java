package org.clain.dicom.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.clain.testdata.Fuzzing;
import org.junit.jupiter.api.Timeout;

/**
 * {@link JpegLsDecoder} directly on a codestream (SOI .. EOI), with the fuzz frame bound as the
 * caller's sample limit (PixelDecoder passes the DICOM header's frame size the same way).
 * Seeds: dcmtk (CharLS) encodings of small crops, lossless, near-lossless, every interleave mode,
 * and corpus frames (tools/fuzz-seeds.py).
 */
class JpegLsDecoderFuzzTest {
    static {
        Fuzzing.warmUp(JpegLsDecoderFuzzTest.class, JpegLsDecoderFuzzTest::decodeOnce);
    }

    @FuzzTest(maxDuration = Fuzzing.MAX_DURATION)
    @Timeout(Fuzzing.TIMEOUT_S)
    void decode(byte[] input) {
        decodeOnce(input);
    }

    static void decodeOnce(byte[] input) {
        long max = Fuzzing.MAX_FUZZ_FRAME_SAMPLES;
        // the samples (ints), two context lines per component, the bound check's own tables
        BoundedDecoding.check("JPEG-LS", (2 << 20) + 4 * max + 64L * input.length, input, JpegLsDecoder::decode);
    }
}
