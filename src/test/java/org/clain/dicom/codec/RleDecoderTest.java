package org.clain.dicom.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.clain.testdata.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RLE Lossless (PS3.5 Annex G) against the shared corpus oracle and hand-made streams.
 *
 * <p>Corpus results: every RLE row matches its sha256 exactly — US-PAL-8-10x-echo,
 * OBXXXX1A_rle_2frame, emri_small_RLE, MR_small_RLE, SC_rgb_rle, SC_rgb_rle_2frame,
 * rtdose_rle (32-bit), and SC_rgb_rle_16bit / SC_rgb_rle_32bit, where the oracle is the
 * pydicom=dcmtk majority (GDCM 3.0.21 differs).
 */
class RleDecoderTest {
    private static final String RLE = "1.2.840.10008.1.2.5";
    private static final Map<String, String> OUTCOMES = new TreeMap<>();

    static Stream<Arguments> rleRows() {
        return SharedData.reference().stream()
                .filter(r -> RLE.equals(r.get("transfer_syntax_uid")))
                .map(r -> Arguments.of(r.get("path"), r));
    }

    static Object decodeOrCodecException(byte[] b, int rows, int cols, int spp, int bits) {
        try {
            DecodedImage img = RleDecoder.decode(b, 0, b.length, rows, cols, spp, bits);
            assertNotNull(img);
            assertEquals((long) rows * cols * spp, img.samples().length);
            return img;
        } catch (CodecException e) {
            assertNotNull(e.getMessage());
            return e;
        } catch (Throwable t) {
            throw new AssertionError("decoder threw " + t + " instead of CodecException", t);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rleRows")
    void decodesCorpusFile(String path, Map<String, String> row) throws Exception {
        Path file = SharedData.file(path);
        int rows = CorpusFrames.intOr(row, "Rows", -1);
        int cols = CorpusFrames.intOr(row, "Columns", -1);
        int spp = CorpusFrames.intOr(row, "SamplesPerPixel", 1);
        int bits = CorpusFrames.intOr(row, "BitsAllocated", -1);
        int nFrames = CorpusFrames.frameCount(row);
        boolean backed = CorpusFrames.primaryBackedByTwo(row);
        List<byte[]> frames;
        try {
            // RLE: exactly one fragment per frame (PS3.5 A.4.2)
            frames = CorpusFrames.frames(file, nFrames, f -> true);
        } catch (IOException e) {
            assertFalse(backed, "oracle decoded a file whose fragments cannot be extracted: " + e);
            OUTCOMES.put(path, "fragments not extractable: " + e.getMessage());
            return;
        }
        List<DecodedImage> decoded = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        CodecException failure = null;
        for (byte[] f : frames) {
            try {
                decoded.add(RleDecoder.decode(f, 0, f.length, rows, cols, spp, bits, warnings::add));
            } catch (CodecException e) {
                failure = e;
                break;
            } catch (Throwable t) {
                throw new AssertionError(path + ": decoder threw " + t, t);
            }
        }
        if (!backed) {
            OUTCOMES.put(path, failure != null ? "CodecException (no two-tool oracle): " + failure.getMessage()
                    : "decoded (no two-tool oracle)");
            return;
        }
        if (failure != null) {
            fail(path + ": oracle decoded it (" + row.get("agree") + ") but we threw " + failure.getMessage(), failure);
        }
        assertEquals(nFrames, decoded.size(), "frames");
        for (DecodedImage img : decoded) {
            assertEquals(bits, img.precision());
            assertEquals(cols, img.width());
            assertEquals(rows, img.height());
            assertEquals(spp, img.components());
        }
        String sha = CorpusFrames.stored(decoded, row).sha256();
        assertEquals(row.get("sha256"), sha, path + ": RLE is lossless, must match the oracle exactly");
        OUTCOMES.put(path, "exact sha256" + (warnings.isEmpty() ? "" : " (warnings: " + warnings + ")"));
    }

    @AfterAll
    static void printOutcomes() {
        System.out.println("RLE corpus outcomes:");
        OUTCOMES.forEach((k, v) -> System.out.println("  " + k + ": " + v));
    }

    // ---------------------------------------------------------------- hand-made streams

    /** Frame with the given segments (each already PackBits-encoded). */
    private static byte[] frame(byte[]... segments) {
        ByteBuffer header = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        header.putInt(segments.length);
        int off = 64;
        for (byte[] s : segments) {
            header.putInt(off);
            off += s.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(header.array());
        for (byte[] s : segments) {
            out.writeBytes(s);
        }
        return out.toByteArray();
    }

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    /** A simple, valid PackBits encoder (literal runs only, plus runs of 3 or more). */
    private static byte[] packBits(byte[] src) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < src.length) {
            int run = 1;
            while (i + run < src.length && src[i + run] == src[i] && run < 128) {
                run++;
            }
            if (run >= 3) {
                out.write(1 - run);
                out.write(src[i]);
                i += run;
            } else {
                int start = i;
                int n = 0;
                while (i < src.length && n < 128) {
                    if (i + 2 < src.length && src[i] == src[i + 1] && src[i] == src[i + 2]) {
                        break;
                    }
                    i++;
                    n++;
                }
                out.write(n - 1);
                out.write(src, start, n);
            }
        }
        if (out.size() % 2 == 1) {
            out.write(0); // even-length padding, as encoders do
        }
        return out.toByteArray();
    }

    @Test
    void literalRunAndNoOp() throws Exception {
        // 2x4 8-bit: literal {1,2,3}, no-op, run of 5 x 9
        byte[] f = frame(bytes(2, 1, 2, 3, -128, -4, 9));
        DecodedImage img = RleDecoder.decode(f, 0, f.length, 2, 4, 1, 8);
        assertArrayEquals(new int[] {1, 2, 3, 9, 9, 9, 9, 9}, img.samples());
        assertEquals(8, img.precision());
        assertEquals(4, img.width());
        assertEquals(2, img.height());
    }

    @Test
    void sixteenBitIsMostSignificantByteFirstAndUnsigned() throws Exception {
        // pixels 0x1234, 0xFFFF (would be -1 if sign-extended), 0x8000
        byte[] hi = bytes(2, 0x12, 0xFF, 0x80, 0);
        byte[] lo = bytes(2, 0x34, 0xFF, 0x00, 0);
        byte[] f = frame(hi, lo);
        DecodedImage img = RleDecoder.decode(f, 0, f.length, 1, 3, 1, 16);
        assertArrayEquals(new int[] {0x1234, 0xFFFF, 0x8000}, img.samples());
        assertEquals(16, img.precision());
    }

    @Test
    void rgbSegmentsArePerSampleAndOutputIsPixelInterleaved() throws Exception {
        byte[] r = bytes(1, 10, 11);
        byte[] g = bytes(1, 20, 21);
        byte[] b = bytes(1, 30, 31);
        byte[] f = frame(r, g, b);
        assertArrayEquals(new int[] {10, 20, 30, 11, 21, 31}, RleDecoder.decode(f, 0, f.length, 1, 2, 3, 8).samples());
    }

    @Test
    void thirtyTwoBitRgbKeepsTheFullWord() throws Exception {
        int pixels = 2;
        int[] values = {0xFFFFFFFF, 0x01020304, 0x80000000, 0x7FFFFFFF, 0, 0xDEADBEEF};
        byte[][] segs = new byte[12][];
        for (int s = 0; s < 3; s++) {
            for (int k = 0; k < 4; k++) {
                byte[] plane = new byte[pixels];
                for (int p = 0; p < pixels; p++) {
                    plane[p] = (byte) (values[p * 3 + s] >>> (8 * (3 - k)));
                }
                segs[s * 4 + k] = packBits(plane);
            }
        }
        byte[] f = frame(segs);
        assertArrayEquals(values, RleDecoder.decode(f, 0, f.length, 1, 2, 3, 32).samples());
    }

    @Test
    void randomImagesRoundTripThroughAnIndependentEncoder() throws Exception {
        Random rnd = new Random(1234);
        for (int iter = 0; iter < 50; iter++) {
            int rows = 1 + rnd.nextInt(40);
            int cols = 1 + rnd.nextInt(40);
            int spp = rnd.nextBoolean() ? 1 : 3;
            int bits = new int[] {8, 16, 32}[rnd.nextInt(3)];
            int bps = bits / 8;
            int n = rows * cols;
            int[] values = new int[n * spp];
            for (int i = 0; i < values.length; i++) {
                // runs and noise
                values[i] = (rnd.nextInt(4) == 0 && i > 0) ? values[i - 1] : rnd.nextInt();
                if (bits < 32) {
                    values[i] &= (1 << bits) - 1;
                }
            }
            byte[][] segs = new byte[spp * bps][];
            for (int s = 0; s < spp; s++) {
                for (int k = 0; k < bps; k++) {
                    byte[] plane = new byte[n];
                    for (int p = 0; p < n; p++) {
                        plane[p] = (byte) (values[p * spp + s] >>> (8 * (bps - 1 - k)));
                    }
                    segs[s * bps + k] = packBits(plane);
                }
            }
            byte[] f = frame(segs);
            List<String> warnings = new ArrayList<>();
            DecodedImage img = RleDecoder.decode(f, 0, f.length, rows, cols, spp, bits, warnings::add);
            assertArrayEquals(values, img.samples(), "iteration " + iter);
            assertTrue(warnings.isEmpty(), warnings.toString());
        }
    }

    @Test
    void shortSegmentIsPaddedWithZeroAndReported() throws Exception {
        byte[] f = frame(bytes(1, 7, 8)); // 2 of 6 bytes
        List<String> warnings = new ArrayList<>();
        DecodedImage img = RleDecoder.decode(f, 0, f.length, 2, 3, 1, 8, warnings::add);
        assertArrayEquals(new int[] {7, 8, 0, 0, 0, 0}, img.samples());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("padded"), warnings.get(0));
    }

    @Test
    void longSegmentIsTruncatedAndReported() throws Exception {
        byte[] f = frame(bytes(-9, 5, 3, 1, 2, 3, 4)); // run of 10 + 4 literals, for 4 pixels
        List<String> warnings = new ArrayList<>();
        DecodedImage img = RleDecoder.decode(f, 0, f.length, 2, 2, 1, 8, warnings::add);
        assertArrayEquals(new int[] {5, 5, 5, 5}, img.samples());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("truncated"), warnings.get(0));

        // exactly full plus one even-length padding byte: no warning
        byte[] padded = frame(bytes(-3, 5, 0));
        warnings.clear();
        assertArrayEquals(new int[] {5, 5, 5, 5}, RleDecoder.decode(padded, 0, padded.length, 2, 2, 1, 8,
                warnings::add).samples());
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void literalCutByTheEndOfTheSegmentKeepsWhatIsThere() throws Exception {
        byte[] f = frame(bytes(5, 1, 2)); // literal of 6 with only 2 bytes present
        DecodedImage img = RleDecoder.decode(f, 0, f.length, 1, 4, 1, 8);
        assertArrayEquals(new int[] {1, 2, 0, 0}, img.samples());
    }

    @Test
    void segmentCountMustMatch() {
        byte[] one = frame(bytes(0, 1));
        CodecException e = assertThrows(CodecException.class, () -> RleDecoder.decode(one, 0, one.length, 1, 1, 1, 16));
        assertTrue(e.getMessage().contains("segments"), e.getMessage());
        byte[] two = frame(bytes(0, 1), bytes(0, 2));
        assertThrows(CodecException.class, () -> RleDecoder.decode(two, 0, two.length, 1, 1, 3, 8));
        assertThrows(CodecException.class, () -> RleDecoder.decode(two, 0, two.length, 1, 1, 1, 8));
        // 6 samples of 32 bits would need 24 segments
        assertThrows(CodecException.class, () -> RleDecoder.decode(two, 0, two.length, 1, 1, 6, 32));
    }

    @Test
    void badHeadersAndArgumentsAreRejected() {
        byte[] f = frame(bytes(0, 1));
        assertThrows(CodecException.class, () -> RleDecoder.decode(f, 0, 63, 1, 1, 1, 8));
        assertThrows(CodecException.class, () -> RleDecoder.decode(null, 0, 0, 1, 1, 1, 8));
        assertThrows(CodecException.class, () -> RleDecoder.decode(f, 10, f.length, 1, 1, 1, 8));
        assertThrows(CodecException.class, () -> RleDecoder.decode(f, -1, 5, 1, 1, 1, 8));
        assertThrows(CodecException.class, () -> RleDecoder.decode(f, 0, f.length, 0, 1, 1, 8));
        assertThrows(CodecException.class, () -> RleDecoder.decode(f, 0, f.length, 1, 1, 1, 12));
        assertThrows(CodecException.class, () -> RleDecoder.decode(f, 0, f.length, 1 << 15, 1 << 15, 1, 8));

        byte[] offsetOutside = f.clone();
        offsetOutside[4] = (byte) 200;
        assertThrows(CodecException.class, () -> RleDecoder.decode(offsetOutside, 0, offsetOutside.length, 1, 1, 1, 8));
        byte[] offsetInHeader = f.clone();
        offsetInHeader[4] = 10;
        assertThrows(CodecException.class, () -> RleDecoder.decode(offsetInHeader, 0, offsetInHeader.length, 1, 1, 1, 8));

        byte[] g = frame(bytes(0, 1), bytes(0, 2));
        ByteBuffer.wrap(g).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 64).putInt(4, 66); // decreasing offsets
        assertThrows(CodecException.class, () -> RleDecoder.decode(g, 0, g.length, 1, 1, 1, 16));
    }

    @Test
    void offsetAndLengthAreHonoured() throws Exception {
        byte[] f = frame(bytes(2, 1, 2, 3, -128, -4, 9));
        byte[] padded = new byte[f.length + 20];
        Arrays.fill(padded, (byte) 0x77);
        System.arraycopy(f, 0, padded, 11, f.length);
        assertArrayEquals(RleDecoder.decode(f, 0, f.length, 2, 4, 1, 8).samples(),
                RleDecoder.decode(padded, 11, f.length, 2, 4, 1, 8).samples());
    }

    // ---------------------------------------------------------------- corruption and speed

    static Stream<Arguments> corruptionSources() {
        return Stream.of(
                Arguments.of("syntaxes/pydicom-data/emri_small_RLE.dcm", 64, 64, 1, 16),
                Arguments.of("syntaxes/pydicom-test_files/SC_rgb_rle_32bit.dcm", 100, 100, 3, 32),
                Arguments.of("syntaxes/pydicom-data/OBXXXX1A_rle_2frame.dcm", 600, 800, 1, 8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptionSources")
    void truncatedAndBitFlippedFramesFailCleanly(String path, int rows, int cols, int spp, int bits) throws Exception {
        byte[] f0 = org.clain.testdata.Fragments.of(SharedData.file(path)).get(0);
        Random rnd = new Random(0xC0FFEE ^ path.hashCode());
        List<byte[]> variants = new ArrayList<>();
        for (int len : new int[] {0, 1, 4, 63, 64, 65, 100, f0.length / 3, f0.length / 2, f0.length - 1}) {
            if (len <= f0.length) {
                variants.add(Arrays.copyOf(f0, len));
            }
        }
        for (int k = 0; k < 200; k++) {
            byte[] v = f0.clone();
            int flips = 1 + rnd.nextInt(6);
            int range = k % 2 == 0 ? Math.min(64, v.length) : v.length;
            for (int i = 0; i < flips; i++) {
                v[rnd.nextInt(range)] ^= (byte) (1 << rnd.nextInt(8));
            }
            variants.add(v);
        }
        int[] outcome = new int[2];
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (byte[] v : variants) {
                Object r = decodeOrCodecException(v, rows, cols, spp, bits);
                outcome[r instanceof CodecException ? 1 : 0]++;
            }
        });
        System.out.println("RLE corruption " + path + ": " + outcome[0] + " decoded, " + outcome[1]
                + " CodecException of " + variants.size());
    }
}
