package org.clain.dicom.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.clain.testdata.Fuzzing;
import org.junit.jupiter.api.Timeout;

/**
 * {@link JpegDecoder} as PixelDecoder calls it, with the frame bound: baseline, 12-bit extended,
 * progressive (spectral selection, successive approximation), lossless, restart intervals, DNL.
 * Seeds: dcmtk (IJG) encodings of small crops in every process, and corpus frames
 * (tools/fuzz-seeds.py).
 */
class JpegDecoderFuzzTest {
    static {
        Fuzzing.warmUp(JpegDecoderFuzzTest.class, JpegDecoderFuzzTest::decodeOnce);
    }

    @FuzzTest(maxDuration = Fuzzing.MAX_DURATION)
    @Timeout(Fuzzing.TIMEOUT_S)
    void decode(byte[] input) {
        Fuzzing.quietly(JpegDecoderFuzzTest::decodeOnce, input);
    }

    static void decodeOnce(byte[] input) {
        long max = Fuzzing.MAX_FUZZ_FRAME_SAMPLES;
        // the planes (up to twice the samples with subsampling padding) and, progressive, as many coefficients;
        // the output, tables
        BoundedDecoding.check("JPEG", (4 << 20) + 48 * max + 64L * input.length, input,
                JpegDecoder::decode);
    }
}
