package org.clain.dicom.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.clain.testdata.Fragments;
import org.clain.testdata.ReferenceHash;
import org.clain.testdata.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JpegLsDecoderTest {

    private static final String LOSSLESS = "1.2.840.10008.1.2.4.80";
    private static final String NEAR_LOSSLESS = "1.2.840.10008.1.2.4.81";

    /** Every JPEG-LS row of REFERENCE.tsv. */
    static Stream<Arguments> jpegLsRows() {
        List<Arguments> rows = new ArrayList<>();
        for (Map<String, String> row : SharedData.reference()) {
            String ts = row.get("transfer_syntax_uid");
            if (LOSSLESS.equals(ts) || NEAR_LOSSLESS.equals(ts)) {
                rows.add(Arguments.of(row.get("path"), row));
            }
        }
        assertFalse(rows.isEmpty(), "no JPEG-LS rows in REFERENCE.tsv");
        return rows.stream();
    }

    static int intOr(String s, int dflt) {
        return s == null || s.isBlank() ? dflt : Integer.parseInt(s.trim());
    }

    /** Codestreams of each frame: one fragment per frame for multi-frame files. */
    static List<byte[]> frames(Path file, int numberOfFrames) throws IOException {
        if (numberOfFrames <= 1) {
            return List.of(Fragments.singleFrame(file));
        }
        List<byte[]> fragments = Fragments.of(file);
        assertEquals(numberOfFrames, fragments.size(), "expected one fragment per frame in " + file);
        return fragments;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("jpegLsRows")
    void decodesLikeTheReference(String path, Map<String, String> row) throws IOException {
        Path file = SharedData.file(path);
        int rows = intOr(row.get("Rows"), -1);
        int cols = intOr(row.get("Columns"), -1);
        int nFrames = intOr(row.get("NumberOfFrames"), 1);
        int spp = intOr(row.get("SamplesPerPixel"), 1);
        int bitsAllocated = intOr(row.get("BitsAllocated"), 16);
        int bitsStored = intOr(row.get("BitsStored"), bitsAllocated);
        int pixelRep = intOr(row.get("PixelRepresentation"), 0);

        List<byte[]> codestreams = frames(file, nFrames);
        int frameSize = rows * cols * spp;
        int[] all = new int[frameSize * nFrames];
        for (int f = 0; f < codestreams.size(); f++) {
            byte[] cs = codestreams.get(f);
            DecodedImage img = JpegLsDecoder.decode(cs, 0, cs.length);
            assertEquals(cols, img.width(), "width");
            assertEquals(rows, img.height(), "height");
            assertEquals(spp, img.components(), "components");
            assertEquals(frameSize, img.samples().length, "sample count");
            assertTrue(img.precision() >= 2 && img.precision() <= 16, "precision");
            System.arraycopy(img.samples(), 0, all, f * frameSize, frameSize);
        }
        // The reference decoders' output words are hashed as they come: for signed data they
        // are read as int8/int16 (sign at BitsAllocated), NOT sign-extended from BitsStored.
        // JLSL_16_15_1_1F (BitsStored 15, signed) proves it: its reference max is 32760 > 2^14-1.
        // Sign extension at BitsAllocated leaves the 1/2-byte hash unchanged and gives the
        // min/max/mean of the reference table.
        if (pixelRep == 1) {
            ReferenceHash.signExtend(all, bitsAllocated);
        }
        assertTrue(bitsStored <= bitsAllocated);
        String hash = ReferenceHash.sha256(all, bitsAllocated / 8);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        double sum = 0;
        for (int v : all) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
        }
        if (SharedData.agreedByTwoOrMore(row)) {
            assertEquals(row.get("sha256"), hash, "sha256 of decoded " + path);
            assertEquals(Long.parseLong(row.get("min")), min, "min");
            assertEquals(Long.parseLong(row.get("max")), max, "max");
            assertEquals(Double.parseDouble(row.get("mean")), sum / all.length, 1e-5, "mean");
        } else {
            // No two reference decoders agree: at least the statistics must match.
            assertEquals(Long.parseLong(row.get("min")), min, "min");
            assertEquals(Long.parseLong(row.get("max")), max, "max");
            assertEquals(Double.parseDouble(row.get("mean")), sum / all.length, 1e-3, "mean");
        }
    }

    /** First-frame codestreams of all JPEG-LS reference files. */
    static List<byte[]> sampleCodestreams() throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (Map<String, String> row : SharedData.reference()) {
            String ts = row.get("transfer_syntax_uid");
            if (LOSSLESS.equals(ts) || NEAR_LOSSLESS.equals(ts)) {
                out.add(frames(SharedData.file(row.get("path")), intOr(row.get("NumberOfFrames"), 1)).get(0));
            }
        }
        return out;
    }

    /** Decode must return normally or throw CodecException, never anything else. */
    static DecodedImage decodeOrCodecException(byte[] cs, int len) {
        try {
            return JpegLsDecoder.decode(cs, 0, len);
        } catch (CodecException e) {
            assertNotNull(e.getMessage());
            assertFalse(e.getMessage().contains("internal decoder error"),
                    () -> "unexpected internal error: " + e.getMessage());
            return null;
        } catch (Throwable t) {
            throw new AssertionError("decoder threw " + t + " instead of CodecException", t);
        }
    }

    /** Offset of the first byte after the first SOS segment. */
    static int entropyStart(byte[] cs) {
        for (int i = 0; i + 3 < cs.length; i++) {
            if ((cs[i] & 0xFF) == 0xFF && (cs[i + 1] & 0xFF) == 0xDA) {
                int len = ((cs[i + 2] & 0xFF) << 8) | (cs[i + 3] & 0xFF);
                return i + 2 + len;
            }
        }
        throw new AssertionError("no SOS");
    }

    @Test
    void truncatedCodestreamsThrowCodecException() throws IOException {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (byte[] cs : sampleCodestreams()) {
                int eoi = lastEoi(cs);
                int es = entropyStart(cs);
                // cut in half, inside the headers, and at several points of the entropy-coded data
                List<Integer> cuts = new ArrayList<>(List.of(0, 1, 2, 5, 10, es - 1, es, cs.length / 2));
                for (int k = 1; k < 16; k++) {
                    cuts.add(es + (int) ((long) (eoi - 1 - es) * k / 16));
                }
                cuts.add(eoi - 1);
                for (int cut : cuts) {
                    if (cut < 0 || cut >= eoi) {
                        continue;
                    }
                    final int c = cut;
                    CodecException e = assertThrows(CodecException.class, () -> JpegLsDecoder.decode(cs, 0, c),
                            "cut at " + cut + " of " + cs.length);
                    assertFalse(e.getMessage().contains("internal decoder error"), e.getMessage());
                    assertTrue(e.getMessage().contains("offset"), e.getMessage());
                }
            }
        });
    }

    /** Index of the last EOI marker (after it only DICOM padding may follow). */
    static int lastEoi(byte[] cs) {
        for (int i = cs.length - 2; i >= 0; i--) {
            if ((cs[i] & 0xFF) == 0xFF && (cs[i + 1] & 0xFF) == 0xD9) {
                return i;
            }
        }
        throw new AssertionError("no EOI");
    }

    @Test
    void missingEoiIsTolerated() throws IOException {
        for (byte[] cs : sampleCodestreams()) {
            DecodedImage full = JpegLsDecoder.decode(cs, 0, cs.length);
            DecodedImage cut = JpegLsDecoder.decode(cs, 0, lastEoi(cs));
            assertArrayEquals(full.samples(), cut.samples());
        }
    }

    @Test
    void corruptedEntropyDataThrowsCodecExceptionOrDecodes() throws IOException {
        Random rnd = new Random(0x15_14495L);
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            int failures = 0;
            int trials = 0;
            for (byte[] original : sampleCodestreams()) {
                int es = entropyStart(original);
                int eoi = lastEoi(original);
                DecodedImage ref = JpegLsDecoder.decode(original, 0, original.length);
                for (int t = 0; t < 40; t++) {
                    byte[] cs = original.clone();
                    int flips = 1 + rnd.nextInt(8);
                    for (int f = 0; f < flips; f++) {
                        int at = es + rnd.nextInt(eoi - es);
                        cs[at] = (byte) rnd.nextInt(256);
                    }
                    trials++;
                    long t0 = System.nanoTime();
                    DecodedImage img = decodeOrCodecException(cs, cs.length);
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    assertTrue(ms < 5000, "corrupt decode took " + ms + " ms");
                    if (img == null) {
                        failures++;
                        continue;
                    }
                    assertEquals(ref.width(), img.width());
                    assertEquals(ref.height(), img.height());
                    int maxval = (1 << img.precision()) - 1;
                    for (int v : img.samples()) {
                        if (v < 0 || v > maxval) {
                            fail("sample " + v + " outside 0.." + maxval);
                        }
                    }
                }
            }
            // Most random corruptions must be detected.
            assertTrue(failures > trials / 2, failures + " of " + trials + " corruptions detected");
        });
    }

    @Test
    void corruptedHeadersThrowCodecExceptionOrDecode() throws IOException {
        Random rnd = new Random(87);
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            for (byte[] original : sampleCodestreams()) {
                int es = entropyStart(original);
                for (int t = 0; t < 60; t++) {
                    byte[] cs = original.clone();
                    int at = 2 + rnd.nextInt(es - 2);
                    cs[at] = (byte) rnd.nextInt(256);
                    DecodedImage img = decodeOrCodecException(cs, cs.length);
                    if (img != null) {
                        assertTrue((long) img.width() * img.height() * img.components() <= 1L << 28);
                    }
                }
            }
        });
    }

    @Test
    void rejectsNonJpegLsAndUnsupportedFeatures() throws IOException {
        byte[] cs = Fragments.singleFrame(SharedData.file("syntaxes/pydicom-data/JLSL_RGB_ILV0.dcm"));
        assertMessage(new byte[0], "SOI");
        assertMessage(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 4, 0, 0}, "SOF0");
        assertMessage(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9}, "SOF55");
        // HP colour transform signalled by APP8 "mrfx"
        byte[] app8 = {(byte) 0xFF, (byte) 0xE8, 0, 7, 'm', 'r', 'f', 'x', 1};
        assertMessage(insertAfterSoi(cs, app8), "colour transform");
        byte[] app8none = {(byte) 0xFF, (byte) 0xE8, 0, 7, 'm', 'r', 'f', 'x', 0};
        assertArrayEquals(JpegLsDecoder.decode(cs, 0, cs.length).samples(),
                JpegLsDecoder.decode(insertAfterSoi(cs, app8none), 0, cs.length + app8none.length).samples());
        // bad offset/length
        assertThrows(CodecException.class, () -> JpegLsDecoder.decode(cs, 5, cs.length));
        assertThrows(CodecException.class, () -> JpegLsDecoder.decode(cs, -1, 3));
        assertThrows(CodecException.class, () -> JpegLsDecoder.decode(null, 0, 0));
    }

    @Test
    void rejectsAbsurdDimensionsBeforeAllocating() throws CodecException {
        // SOF55: P=16, Y=65535, X=65535, Nf=1 ; then SOS
        byte[] cs = {(byte) 0xFF, (byte) 0xD8,
            (byte) 0xFF, (byte) 0xF7, 0, 11, 16, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1, 1, 0x11, 0,
            (byte) 0xFF, (byte) 0xDA, 0, 8, 1, 1, 0, 0, 0, 0,
            0, 0, 0, 0, (byte) 0xFF, (byte) 0xD9};
        assertMessage(cs, "too large");
    }

    @Test
    void decodesAtAnOffset() throws IOException {
        byte[] cs = Fragments.singleFrame(SharedData.file("syntaxes/pydicom-data/JLSL_16_15_1_1F.dcm"));
        byte[] padded = new byte[cs.length + 20];
        Arrays.fill(padded, (byte) 0xFF);
        System.arraycopy(cs, 0, padded, 7, cs.length);
        assertArrayEquals(JpegLsDecoder.decode(cs, 0, cs.length).samples(),
                JpegLsDecoder.decode(padded, 7, cs.length).samples());
    }

    static byte[] insertAfterSoi(byte[] cs, byte[] segment) {
        byte[] out = new byte[cs.length + segment.length];
        System.arraycopy(cs, 0, out, 0, 2);
        System.arraycopy(segment, 0, out, 2, segment.length);
        System.arraycopy(cs, 2, out, 2 + segment.length, cs.length - 2);
        return out;
    }

    static void assertMessage(byte[] cs, String expected) {
        CodecException e = assertThrows(CodecException.class, () -> JpegLsDecoder.decode(cs, 0, cs.length));
        assertTrue(e.getMessage().contains(expected), () -> "message '" + e.getMessage() + "' lacks '" + expected + "'");
    }

    // ------------------------------------------------------------------------------------
    // Line- and sample-interleaved scans (ILV 1/2), absent from the shared corpus.
    // Codestreams made by DCMTK 3.6.7 dcmcjpls (+in/+il/+is, +el or +en +md N) from crops of
    // syntaxes/pydicom-data/US1_UNCR.dcm (48x40 RGB 8-bit; 32x24 3-component 12-bit made by
    // scaling x16, adding seeded noise and a flat block); the hash is of the pixels decoded by
    // dcmdjpls and gdcmconv 3.0.21 (identical; "gdcm only" where dcmdjpls fails on its own
    // output), values little-endian on 1 byte (8-bit) or 2 bytes (12-bit), pixel-interleaved.
    // Lossless ones also equal the source crop.
    // ------------------------------------------------------------------------------------

    record Fixture(String name, String decoders, String sha256, String base64) {
        @Override
        public String toString() {
            return name + " (" + decoders + ")";
        }
    }

    static final List<Fixture> INTERLEAVE_FIXTURES = List.of(
        new Fixture("rgb8_in_L", "dcmtk=gdcm", "95ff2769b9560edfe522dabc24791d6245a3545fb4749318a85703d0ac4fc969",
                "/9j/9wARCAAoADADAREAAhEAAxEA/9oACAEBAAAAAElYAAAI6AABLAlAIU1EiHxnMIBIOR5bovsHAAFL2QQbAALGKGy3lXHHHHHP"
                + "8gAAFuMAMaZHo2AgAQDCKBIIAgAOGkn8W8AADoAAADRmAAAB3QIGFl7zeAAADPAFAAASQX//eKAQBoMYA5g0oBg1VIO0AFMAAADD"
                + "KAABgoJTCiqs2DgMAJWABAP2FAAABugAAAacMBKgIPmjUAAAQIFAAAAuiUFiIVMAAADZFAAABpeAAADY3AA2hIAKDgUIAgCAAAAW"
                + "lGwCoAPA6oAAALvUdYAuzgAAAK7ZTJAAAbZQA4AAAN6L7YqGOAAAC7WpC84UBcsI/GlwAgAACANNABi8z8oMAgyKow4OwJI5WSAS"
                + "ALxbxYBgIENgAAFOAAQAAAF7AcAAAwAAA4AAALGDACONAoaimA/gSK4AGqiH6FAgCdABYwAACRQrTWIUKWWEhDUCZMOHC2uYAAAE"
                + "ujQahYBTBgQoAlUkAAAF7W2AFAv4aA6EdvXKokaQAAKAAAD1iIvgcCYVTGWUOnzlrYr1NzpHULujAAAA2wAOAAGxNIADzwHDIamQ"
                + "LOg9GYwM8OKiAAPw7F1ubAAjiiJYAAAPMAAAC1v8QgAoAD9SisUgABfWehKoBZhZdwfBsVTUz8loSsjyvCgAGpoWgAAA97bFcJwo"
                + "S0C8AieQiczojse4CUwFqAAAB8AABQD/ARABkrNZAo5TAAAB5QAAAdBdCSJiZtAA5W+xgAAGgAACsdJLCsHbAAABygAAAeDk87Ja"
                + "Ow3dq1/cAAAHo8APGHwABbAQCgAFAAAcdsHHJLXvrtAIFNH4LTV/AmvBGHlWe8ds3JD3AACg4Chq4aJBCAAAAP38CRrWHeAAAAHd"
                + "aWXscr5DEAHaCDUAB+VWQAAGBA4rKCCRowl1ANMMUKgAAvPCJAGkoA0K43KGeGFrqFQaiusZmpYBnPZrb5SaXTYoTDOSHfywgZAA"
                + "OgACgAAAPwD/2gAIAQIAAAAAAAABj4B4AAAQWBIglX2NorsAUMtwRwmQ6eT4d4H5lgM2wVWIUQZS0Y9qyFnz23AGB44AccFgLABS"
                + "gFgwAA5gCBISfZsjBwUCgWAoABAMIoEsgYAAFAAgAwAMMYANG59xVAUXQBQgKAGF6KK+U4C10AF7LeKeMcAogAyYAAAFeAUAADNn"
                + "AAAAWkIDHspDddSVpCwA526oAACjhMkUQlJynSMIdEZzEAAKBAGAAAB1+lPUIFaQvsrkB3dO2VVAABWU11CACwg0AApEv/RAcsNA"
                + "BkXFeQ8i5QEmoSeEoABYQx8nAbYVyAcWxEMBgkCKECEp50ViF8FIcAOwEzgw0stN1CUTK2OCgAQkUFkgDNbHWtQ+QJsNVmgGsnYA"
                + "AkBg4DoKnZRBpLyANwAAAR5lJRgAMAAzqCZNrm0BABg0teYZJugAyCDfJJVxEgcFWhQCkCYXXaxgWmONklkMLqEUjg8MBiLDH92N"
                + "GisfAAADv5hIUv9luDtdnQP0aMonKmpxmABmzJ/mKKBx1qGAelF5gRD2qnuxaABAAGP24IoZkiQJVGdjBh1mBQD5SagewMC7U+AD"
                + "WW+EA6vMAEGIn7eV9tG2QAUAF6gqxVKDqF+ZMAFESKq5SfGADAzYCwpyGuwAAACmgIXK/DgBbUgIVl3JDCMM9iPeAAAh4ggVZayL"
                + "HAw+WAeQD44AAZAASNAAAlA/CcN13oAcAzmsjj4AZkoNaIVYgFHo2cABC1UezNIVAAA00ECy0q1hZPLrng2pMSSUBDggUgBIboAc"
                + "MMVMAAAA34ADON3Y+AAAC9qO/AAABg7SRQWzK8dEdRxLBSY0iUGIabJlFjTM2vMAAAAdIBVYAAAOSpAAABw1wAAAb5ejgAAAu5tw"
                + "eWRh6YE9FIImYYyCQHtCKI10qId/wAoAAAL0DwhWVDUAAABr5MFk4UBbUODHIQp1iSwYclW+cAAXTYgozAABFJ4gAAAzbrPygyrM"
                + "jpHx7A0wAnE0TMigBwRXg0cdQKgJl2YPzHBEAABygSAGToAGwAFgAAAcwGU5mBQ1JQXaInNHSEEsRsnLaaADdWPyGEMJm+AACoFY"
                + "r8C46KrhQm71AlUhyRiptdoKQswiSxW6AAAAJ4h4kHwVggBAWyFTgAGvqkLTYSCyIarAdCO3wwgXRBcuekFACMKTZoAX+hgIGSBQ"
                + "AAAK2TSSOvazaCnlKIHWskt+XrHYlwB6sVxS2gFMatSK3QYAeA+BJE+ncx1eoEgAAA4QAadAcNO8VNnQLf80ADAG/bxxST5IEFiy"
                + "3045bwWiQYAS0kxinxgK5TdMAUAAACtgWQAABQAoSUIoUEAEdt5pDcQaZDpAAKSRZyEpNz5RdwIEAQAZ1dWTgySbeLV9U3mSj6IO"
                + "aDZQ4VP73PCIB/NkmZF9e0YJ4XVSwB3keWigLcT4K1ERmI+KaY6PgBGwTHYAnpPXmvP8RCgGSQZsAACgDnAqusSFdZkADI9VLExj"
                + "Sfjp912HvQgDCjKRO3+Uo6vnEVgSAAAAFbAELN7MdxpKBgAJnAzNHpboowBgACspJRBZoAAMAA2SAhaE4fwqCABWJuAIFNN7UQAW"
                + "jGD51yRTQmQ7kXAnkNW/25Wl6lQD4ARghWk5C2NNRhMEuSSluKc8thAkoAjEEis+TAXVtwCUYkWpDJxy+I4McgBlJUhqAe7HGknv"
                + "ZbRC20SwcEVsZr7gg25P2iQaAEE6TL1QuJQAAEouAAH6stCYdUmUdtBjOAANTvgEIlDFXCfgcQwuoAAyWVJShlJUIs+7zY3mFJLe"
                + "BATAd1DFRPXcn6L0FVATOmNKaqVVEZjE5CgLFoowLAXS3iCsgAHA/9oACAEDAAAAAP95AAALZxAQwSAFfYAAgGEUCUCehIwAAAMF"
                + "p/9/8AHYAxBjCB4KS4R9AAABm6CNJpIAAAO9kBgC0WjKAAADEV6excaKVDCAAAA4kwF5woCz1ajPygwwZqow4OwJRQAAAB6wAAAd"
                + "4GAEcaBQ1FML9SZIBrLCVDUCZhw8PlOmiKxIA4FAKGgOhHbzCWMYNQ+lOWngrFT5SY8eA4YZCEdnQeTlcWHxggj5YAAFROqA9Lsx"
                + "qvg8yFUqUBSFik7bKPCau0jQEl/nZjK/izuAAAFAAABX2izz7SExkCQAAAFtAAADwlvxmAAACoEEke0AAAEsANgAAAK3Sw1+BAAA"
                + "ASQgBIfxw+CDOva5Yjx0JUGkAAbcK7BsxJMCTKdHjDJZpXy68EMisgTQ/9k="),
        new Fixture("rgb8_in_N2", "dcmtk=gdcm", "4234f56b0cd669a16dc685dfacb4434dd5938193a31311b1665852ce80fa7619",
                "/9j/9wARCAAoADADAREAAhEAAxEA/9oACAEBAAIAAFeBAAMGgFFGAz2QYabctDABrMjABh31Utttv8gBoJWTziGRQqEN1fxXA0AA"
                + "FgAADEAifeTAAGMAqf9/8UVoMgClYQEqqbBoAB4CZZgvaggIGEAnFgAAwAAgiqASkNAJAgAwC4QsAADyEAACwFowAraQCAC6BQDB"
                + "YACQCgAOQAAB2bAKiGAABfnLB53bZZPmWEEFIAAVkzEik1bim2QMBREIIEJgPggAIwCAYARCF84tOilYLwHABQlKGoH0Q7GlKgMm"
                + "gABq4AGgIBioixS9YZhvfOVKlRKgwAAAHEoZBLCYg6ea905kyFFkBAAAwAAECxIguMkqNlQ0UCJmFMAAAByigVsgBELZgAAANgAI"
                + "8AAD4AAA6i8IAAADyAwOoKKyWAMEEpTTYAYINVSAAEBjQAAAHGaUXsrQxePNdixWVjgAAAYAHMhRNMsxAeAAABGehOYkiDNTAAAA"
                + "MYAAEykor8AAAzdJ1kkQLjFrAAADAgMR4AAAlmCAwAAAHJQVZe+WE8TFkvyqWDawiFsl/B6AujqQJAAAAOUyoasNwAAACensaMjA"
                + "AAeyhKlQQEh/RDELdC4RGAAeJGbKCj2lhAEKIKAKbYHNAgAAAGi1aQnXKQYABw9lCAgAABgAAAQAAADk/9oACAECAAIAAAABTAAA"
                + "mCDUuERQIGcB5KEMibPZABzGUqB/q99qdtYnYeMcOHkDQgEBRjHebsERMqEBggghGFK283qHscmpAQlg7eTLAASADwQwCEEACYYk"
                + "oyXVYMQiFTqCN5ykG/cDUQAAAlDYAJBV9EUfJEsDUkUdKD4v4EECCwhGvqooi7gHWKuB0sQRlWBSUKSX8ClhBTjiUK10+ksBhIgu"
                + "GCirr2VhvLKaCiAIC2nYmzASCkYwQIApyalmEVuqTBAVkQ10TBFKLCAyi4VjCJEwqknLQEMy9YqLAAQHyIa9VcUquaKJNaIM4D98"
                + "YTVORIIXyWt4gT9KRmMGR/obNjiaMV1BQsZABAZwAIPSGwxNEZaiapBIsMJIQagJkCegAAAgA0OYgD6IBHFK1OUkWESoQFgTSEqE"
                + "Qw1HBOAoLQaVPOrgdWRgQEQAAyEhs/EIFEV6BQFIBAUloAFXF5bxYiACZRAAjQCJhCAAAQAABqhFALg9AAWBECJ+MXiJEZykhBBi"
                + "cIbFigAABgpAAAVgAAAM8AAA46BJYAncALIDJhiRCAK8MXMcydDAAAAWBjXNgDyvxBgiDI6+pBIZAofHZ2CCiAAK3+SXEzQUF1Q2"
                + "ekIYnQo7hztwHwwFKAEAAACAAAMWBNgehkW0imKMzZhTA4ABwmAkAApHKCAzly1SLfAia5E2na7mFNwrqEMEDVm1KzMEynIrhkS+"
                + "NSEAUq7H8CIUIIYMkFSGqFSvx29Uk4AzIiIgLIGTwCAARIASiFk90MAAABmANIJFQpGciiFSIF0FIQBC6AtDDMSB11gjCROoCAEO"
                + "AEMQRmC4tA2kAQIohqUSVS04IwDAGiqAECYanu6HIOIIgDAQEb+i8ykpKl0pZTjKW03NJEigYibOUAmSgA3+UtagAOTAAEAWCyoo"
                + "pQaaolIWoofq8MsHrucpBAsRUAIYSUklwQUQOiR/hAzFxkAQAog2RUQSQHpAsAprkN3AwIyuOlddOyJcNAAYTBwgkyn4YKNkK26s"
                + "IKCSYfoXcBjEiuUz0wSCQkAAFBJErPNsimYiI1KcYBbCyEgBWilIkBkGss0EJk+GaQCSEkqbaIAIalGtS0liUTVCISSDFBRCJYIl"
                + "ViVFFlPRKqVQIFgjLkRCkAT/2gAIAQMAAgAA/3kAHEhYBfYCEoovQkABV/9/8APAaDNgoVuBEAALBOmIAAA6BQJlLAAe55f9yQAA"
                + "D3+AzyNXiRVkzIqKAQAAAMhC2K6+pFxLUVCUxh5lNK2GZjOSqwkESnr7xivjGNTRLQw7sTZSFEQmYAArhWABSoxbDtKqiaVVt6PS"
                + "r9RQvzyN/j0KAEpZn5JxhQAIA4W8a9km0ARYAKWa0QCrQqbCgev7Lx10kBXC2VKWBOjppa31znG6oPj/2QA="),
        new Fixture("rgb8_in_N5", "dcmtk=gdcm", "42c46771422f94c3afa7f3f486ffcedc477d69ef479a7e5f0299a0194c88f2c5",
                "/9j/9wARCAAoADADAREAAhEAAxEA/9oACAEBAAUAACvIGJA8QQagRUs4IAVE4AAAEfW+uv8Q0rR+WlqkUq/ikcAUAAAoIvwGYq//"
                + "fxVoOApQx6xoCgrO7zEEKJSgAAIAkpQXhQSCGJSDAFkQBQtEF0hBSGMAcEugcgBk8KpgE3NA1eIFpS+iWAIq3KXPG0mm1IgkWdIC"
                + "YjES0IGfqsYjmlcKjqAWm7VgapHAAwAqoYq6CX6WqqqmowATcWMkm7ezTlBhWBAABACLUcPTGcZtFFiJSABRtlYJJeAAAIJy7ACq"
                + "eQAdjAaiislcAACbIEWGQVUQzFEUs2sprliuliq+DgAxKQYqzRwAAAgD4Ti5HaQAAENqSKnAGXE1lwI5+wAxARQDKJAIAKI0ytWR"
                + "eAGBhuVYtWUHe8HFK1BgAAAbIqagZ0WclgDVHAA1QnC1REtw2YYAFSNakKyshKgwBly3EAHNSJVxUBAPJC0IAAATwAz/2gAIAQIA"
                + "BQAAAKwIEQoUUeCYDjCJHOAI6SyAfr+vtVbPfP5OQi4/71CSlSMyJEVXUvmUuSZEKzp0rAkHhYhIEgkqjcrySVNSFaclts0gAqFE"
                + "JV9yJqSWNUV1G+fkQQokVfhUdfEaohJXCUxZ/T6ReGtHvYtMAlEW4JVLnWuHVVVIQlpii4/kxsIK5JGSD74ktTWpIysIZw4rFonD"
                + "KU7Q/exQnrIN+oVUq4ey0EI/Ig62Uw/vd/UEiEz9oDmjIwMvgLLIfBeCK0q2lzDAllEiyz1wAQ9yIYycq7iyxLycCWvkEJeEwpFH"
                + "BuzRC04QoXW0IxMDL1gQAJCRYp8lrXiIiCaEQpAAAQDUQwFh4EiEymiyZozUhCRAtRQAABKgCYAAGgAA8wGoIIiSVeUkRyYiIBpY"
                + "bCuoAsz8RCyvVIVij1BRFYCs1HVskklaJ0Ji0wZ/EqFM7AEAAAQDJMnadK8s9spNAkzgS1sAQRX6UwLLMkwpWQCkwXIkCy84Woun"
                + "MU8GKUUlOhQJIAkJHVmpfPiVjaSSHSnhASghBUpUgAAgJWW0zoHIWkCWKoRMJCQ1OExJUIRwFiClApibIyadNRkrpEAh/hBG4Y31"
                + "OQoCECbkvXN21MhNZKTI80tMTxhsxujIGCgigpKTkUGnSSM4bVndVHJIZAQgypFGBk5W5HWJCAZCM64AcJYBlyJuYKe0yu3ShQxS"
                + "ZSR4pFJInSSSqqqGYFDLI2oBXqEgDBJeklEsk6sylHADJbSgMWCoEknCSQGyl0czWgadWXSVIkVACw6I+TaSU0pkKprEGIkSxZCA"
                + "/9oACAEDAAUAAP95B0lAP2ElKXomBV//f8AKAoMswVcMgKgm0gHRQJNlznkyclAHtPnvlzl2UMqMAEAPItAmSnhElSsrPDSCa5j7"
                + "c2sJIrarzFa5itShxNiSpGiZABmIsFL6RH1Vomr2lHVWrV86M3EKHAljZmTx4EOp4wEUlxhoVepTKB6UDqbPjmcvC1YE3BKdNU9j"
                + "mTaBDf/ZAA=="),
        new Fixture("rgb8_il_L", "dcmtk=gdcm", "95ff2769b9560edfe522dabc24791d6245a3545fb4749318a85703d0ac4fc969",
                "/9j/9wARCAAoADADAREAAhEAAxEA/9oADAMBAAIAAwAAAQBJWAAACOgAASwJQCFNRIh8ZzCASDkeW6L7BwABS9kEGwACxihst5Vx"
                + "xxxxgAAAx80Zh4QDzydjQyguwBQy5BLGYDh1Td3gfmVAzfDRUhQBlLNn6rI2vvrn/2Qtpkuw7Luf5AAALcYAY0yPRsBAAgGEUCQQ"
                + "BAAcNJMAABA84AccFgLABSgFgwAA5HggBT7NkYOCgUTAoABGFc6yBgmDgAAEAAACWgZcA0dn28LIqlAn8W8AADoAAADRmAAAB3QI"
                + "RJofMVQPjSAKEBQAwvRRR5DILXVfZeezxjgFCAABKGEBQAAMwcAAABaRwYZlJaqtFLiHSHebwAAAZ4JCkQRzlaWkAOdmsAABRxCS"
                + "/AKkMqdowh0RnMIAAUCAMAAADr5Wso+VlC//BXIDu6dsqsAAFxLWkIALCDQACkS/9EcWGQAyLCOof5FygJNQk8JXWEMTycJbCu+H"
                + "DsRH4DBIEUIEJTzprELyKQ+AHYCcgONWWldQkk8rW0MABCRQLJADNbHW7VPkCbDKs0A1k7AAHIoHAdBp2UQaS8gDcAAAEeZSUYMA"
                + "YABBaCZNrm0BABg0v+YZJu4AN5DfJJVoiQODLRQBSBMLrtY8akyx0kshhOoRSOB4YDEWGP7vGjRWDwAAAJVfjCApe/LcDtdnQP76"
                + "MonypqcZgAYSPP85p+ONtQYB6UVzAiHtVPaRaABYABj9uCKGXPOJUhOxgw2zAUA+UmoHsDAuzPgA1lvhCK8Yg/A6zMAEFonqMd7a"
                + "NsgAoP75Ja6EbUL8yYAKAkVVyk+MAGBmwAHQPJMvAUIq5AjMPoKdhrrAAAApoCGUrw4AW1ICFZG7IYRprsR7wAAEPB6BdlrIucDD"
                + "5YB5QCLgAAYsEzCjLuUiwKAElBDMWWA6KAAACgoACRoAAEoH4Tzdd6AHAM5vI4+AGZKDWiFWIZkUbOAAxSJu7dMF4AAAot6oCBco"
                + "UgARcoAALLC9sd8AAAGyKAAAM8mAAA8sPFrUq1hyaZXPBtSYlqgIcPFIgSbwWDDFSgAEgAG8d9b78o70AANgCEGAhA0FCukbQAAA"
                + "bFExCjIOK7UGMgAMO2AbBsAAlEAAyjOAtogVkRgtmG4+EdRoqTGY0iUOUabJlFDS82uMgAFwFTwAAAckyAAADhrgARXs4AAALuYN"
                + "oQQFKJ4AAAO9UBQCBi/RwCv8gYizZACuqwA4AAAN2TX0FQ3wAAAXa2YWThQF4BxdCGpgT0aQvMwxkEQmUsojXiwl3/H31mEKfyIg"
                + "AAAa+ZHyl7cJ4EqvqdnQAAAA4k0bPtZxRPoUtA4AAAElIQwAazM/KDKs6OkfHsDUk6begVWVjIsGGo0rTgACzdiSrEIJRxAAABm3"
                + "UW+Yqrp13RqGTwWt73UkVZOs2LxVWq2QHh8c0JABgZ4RAAAKcUAYNg4DYAGAyntQKGpKAe1UAJtJEzIoAcdfgsebQKjcPzB+c4dL"
                + "fAsALnQAPgAMAAAA5hiXM1yK9D7VHABQB6klrFV21E7RUVoAG7sJ8PIARU/UAIggzHiYnX5ChJ91AmcgpPq1T0jYmCNF46TTnUD8"
                + "RRCyZmgBiJWpfiQbtVx3T3KddIcmkBTouOy92pdJrx6FUwAAAJdVABMB0i4QAJ5CClIDlx4LIk1IDoR2+FOMrtONVd+86ddAAH8h"
                + "eD4Ko4QCWQscAASeq0xSo0EvkU7sZUqQxKYNY62HuvpW6nVSBKUqoUHwADQLjKxy2GuqTQPdJL1MuxxQmjV20yQQAIgYmrYBf1IA"
                + "gdeMAAABWwxJM69LP2J9UmhN/etTLvC2Vkk/9av8u0n4Kq9E3JgAAAbgACw5CIKQHRoDgClGDhZ0CuZiXAHi7zEJWAUpi5Ir9BYA"
                + "gBsQJiCcxjaboJAAABwAAwNdCSjBgoqDxQ/Cpnw1t0owwd82gmUAIeEFiAANyVmlmYgEIaxeAAAD0AAAAtZOxCAHAAK2otABkt28"
                + "cYkQKmfFjvQ42dTaRFgDSTRjFPggchrFoeAAABWwLIAAAoeFJGXZBi8z2MVgCEKMhgAtXIzGAAA2vBMfqAswhZNwASADGp2cEESQ"
                + "RjgiUI4ocAbV3Bim5Cx0O9ABSTfOQlZuJlFJYseD4CupWbBYFMHei0/Ksw9sDpoKpdSszCo6sKgA0rAKgAAA97kKuCcLlaC15uKo"
                + "mqeKCNeZkY8iDFAbKG6s/cd8ZAP5BIcyv1YSYE8u1SQBn0vW/AW1ZQdCataaaEi34t/qr6gC8AAWA+xqFE6SxARc5AAAB5QAAAdB"
                + "ZCk0ovwUsNGp/pV5IX4AQWCU3AAAvWeXm3GeYhYIUQblLAHcCqY4/R6zmhpbMed1k8aLHiZhBiXl/yAAAWAAAKTrSWcgDoQAAAco"
                + "AAAHkRPExlBiNXZQmMYL8vZvvy96kAwrvz1zRKYZnzX1ASEAAAFbAEKOzM1xM7YkGxiKuAAwG4FnyWgMi3LSRP2AAZfCrZ5AAEof"
                + "JgPACxyhBxmaAGAAl+FS0EI7opdAABWbrJBaYAAMAAu8fSwmz9YTQALwC4AgU0zpTABWMaf8YwAAAVBtIn1ipKQAFQWDJLXbxTOL"
                + "1wHIBMxfzW6gnhCEHuxBDrkiFScgV0L8eS1V74hWVqmgHwUkUjSu9K2qpxlCWpvlvKs63pACychfqe/kGdhck+4DdxYapDSSBMAA"
                + "AH92GVkDDtYB4ymPJFAAEMolzH0R+l2o/3EF3yF4U3wIBbUANMpMNSDy4QCkHfZetvq4jul9jFLdyiABHdQ0gAPhLWgAANQHF9YI"
                + "UmtHtEJ6xLJxyozonmghv1Z6gjJAJFUnZoldliKS5HuIYiZPSqQeNCjJUgADQ3oK2FElQAAVvwugDaUDIx4n6Nct5lRynYxy++AA"
                + "FaEZI2RuOPQsgBBG1pUhnJEYsj7zrPKJaz4TtySSxqBSBmMdnRgDW038hYyaXmzgPDOeGPyocKAACIAAkAAAD9ATPgN5hixvXamh"
                + "CviEYCd0hLNLlKozsYno4u2mumwHwtxxKQRAz86/CnWJV4XvHzEqoC3//9k="),
        new Fixture("rgb8_il_N2", "dcmtk=gdcm", "294551440e64ec3449aed88d007a25b6010037eaef1fd4713e9e71eab7a0f13a",
                "/9j/9wARCAAoADADAREAAhEAAxEA/9oADAMBAAIAAwACAQBXgQADBoBRRgM9kGGm3LQwAazIwAYd9VLbbQABT0IYIJT4yKMDOA9C"
                + "AQ0FID4QAdkzYBrOrilVT/9yNuycbv8QA0ErJ5xDIoVCG6s+g2GcPOQGhAQFMqxoD7BEqUQGEECEYVrtwVChfxPA0AAFgByAIn1V"
                + "tzkxzClQCAAzT20JYACQAHmGAmCABMEWXk0UxlO8LAAGMAqe6vFELAPbJAF5/IASzkDUQAAAVRsCYLf/EU/SQsDSRJHRQq4b4EgE"
                + "CTCRf7EhcpcbViK4bMgCRL+KiQpTdPPCCvgBQtEsul6FeB4hCUoCdIaVOu1cVpnk8hotEAQAGqnVRswUSsjGICCTk0pQmVVUm4IF"
                + "GStWomEpRUIsZdCsphZsJiKccRKlwvmyQCGeIxM7q4tWdoqE71QwIZgtMjCaiaxIQDHTz4Dgn6BIjGDI/rCZiAxNEIG9pH2gUUmQ"
                + "aDrAEFBMbGLSMOtpCQmLDISBDkKgQlqAAAMBJ2Akq4eegcgOwBBesAkhybPClmaHoBYNVxUIQw2PQLQEocxl9QgIDCa9Z+BQAdBo"
                + "ye8wxYaQ4QJB5pjNjEMCnb3CwAAAGEmVAikJCUEADAIGcUAAAqERQADMAjaqGrrSMaUQQRhCAGcgCCZggAAEAFVBKgAAALGDwADg"
                + "NBgBwAwoHgEgAAVAqjAFzQlAAAH2AAEAAAgA4ABJOA9FUI4bnIngOICrMsgIBDKJgIixQAABgrAAAJQAAFQAAAGT7AAiHSCACqwA"
                + "+ABAQS8wLuAkU1AKYmAAAl9RmD19gV+IdgAAdANEYSRAXSkBGcaNjPKJNVQBah8wGTw/1b8H8DzXNnjLAghSAAFi5wlTlwYOQjiS"
                + "3WCEEwrAg01jqYkIAAVxxJVh/RTwm3vDStU4a1agAQYrIBJnHMEcoAgAAIARc1HfeqF1TOvkghlEUO8g4xWA64HKAAAQAIAAAYFh"
                + "GfXfUUAAAAcQAABiEVMproGrApgPGSMBwBSB9iHWs8pKryyrMUHXZkkWlEW6AmqvggoFPdBqxpB7TPwjtGlSH0BQAZog4pRQAJsN"
                + "6M6ZwxNdkkolnM0rA7SIAQgSgrZXYY6NjfoZZDS0YzUMGUw3KlbFAAABLBiJKChIzj9dDItm1ITEFGRrARHEQAgRMVjLkpf+GQ3C"
                + "Qg6/931TxoKI4BAAAwAAEBUQCg/NJQwxGxMo5IRJgEkCX4BAAIcAJg2zbpMAADANzSpmLijxjOZpSUCLeBiJBEKwAAAHKOZZIAAE"
                + "RJ+AAAA3A6YGUAFjkbWQREUjEF8gI3hEVFqlglESfgE5YAQxrC8STyJPwABXVXiK8ugAF8KB1BhQySAMAABF1NbhwAlMzALUgbNn"
                + "COw1EUHQOkkEgIAgUvQAgSls95SYohzRVy6yvU1CigcAAABx5aLjy0dnXBX0XikmIlAMBAzXyM6RSJlWpSZMZku1tZPda0UtxO3/"
                + "AeAAAA4sJyLVYS8wAAAG0E+F3ByTZYaE6cDCVFAB/jO6yAo2O6BUJFSz2N7xXAABKULcRwTvfQBABD6REh8AAAwA9IxnBRtEohai"
                + "jXlwWYGsqMjQRNkiRjZLbn6SxhQACAOFuTiS9z0gA6jiPAAABVmDAYAAADjQEhkBRFIkYvhbKrhAQAoiMnoSQAHXAKgFO6xEbxoA"
                + "AskLoYsAKWZO+WongWBSXbWogkmiMLCIMyeYRLSzAlNEBSkE1QWK/igUZCVvWs8aFtih9j2FlYEq0yZAAPHZkUFwDkTIiEFCBqqT"
                + "E8DMFK5XfGGoBQpAALCURs83r5sPdVMUcTAAAcsSgB1ZORniIps5EpiCIt0rBhttE+ABKhSKyTsZ4JIAI0auPbJABt4XEKwAH8Qp"
                + "bUVq6aBNGM2gC1RIpalQJqlArUySBR0Tc5mS0Jf0ksaCQWw5yAAvXjLl2oGAAOAcSgTAA4AHAA4KU1jY0EA0UQKQbjNR1xqzECAD"
                + "BGZMnKgMC0dZKzA+u4jNUDz/2QA="),
        new Fixture("rgb8_il_N5", "dcmtk=gdcm", "46f603b4aef74394c3157532655c90ab442ceb6515d6752e8d925691bf9e3bcd",
                "/9j/9wARCAAoADADAREAAhEAAxEA/9oADAMBAAIAAwAFAQAryBiQPEEGoEVLOCAFROAAABH1vrgCuCIIp4UZBMBwQIUqNILTZwLX"
                + "sz8//xF1LC7/ENK0flpRUiqs9PfFGkaQid3k9klq0YkJEVbtxYq/iUaASACQi/p3eV+pRCtlW4NARBwAsISBIJLS0Ul14ARhV3Vt"
                + "JK+iDd+mfzaACU0RKf95N0qnYvuvfkjJIk/8fFPptIgKV/CUo1+vURfhmg+CtXgElLTGVc65cM5KZ5CLaYUzG0xmEhXJIktzXyFG"
                + "plk6nMIMmfKyJJwmlOaH5+xQnRI3uuFMuyRdNIQjVxC4rKUOOpY7X1JMzXcgcwnDAytMbFFRg4eRmJFlznI5hL0KIQ1YHDwAYFQx"
                + "4HGB3sEVysrNlJZEUhIEtbBAIpqABgi9LoISRKs8JJTAM4miVUWQoA0ptGIwohrgEAAFGkhIoBJACJckEgFMABQQqUqltWtISJAt"
                + "BTQQBAGosDgAYADAUGAMAIUHAoBQqiCuQoFIYCAKBVgexIE36LDQ7piEJE3yIAABKABYAAHAHWB40ggtIdABAh/Q9BU8A0mAJ/MD"
                + "2KCOAQkJkNFlRD5ZIQqWGIvoAs608LqtAHR0ECLc6RUAlWYZaMZEyS+aISiEHSaBWBQmvrOxzjx89uKMWaA8oQgcwcCBLgIBCTSF"
                + "k1kdKWJsIsmDX4Ng7BmAACAABAERNXY+DAAAEMScgsm9FtIyEkjFQZQEZ1Q55KXGemSk4SkSBUiwBBCvmQ5cILi6qSoGVzwAMALp"
                + "elGNkVD3xIbCsp2ICkw80IgVbsWcdu9DKCa0dRdPOksYATZKjpZmyJ3aiRL02EjRCCxHPjSrm3wkjrXzhJSMAgACAQqoDAF2ZyRR"
                + "o1EkiUaJEBOCEAZarAABAJNV+sUURiUzwydARYCVAAoRZMIKTgAABL4TD0qYoKIRQAr0LEiSeuREqwIjjEVhckjRVgJbRgq54AAA"
                + "bDFVVcjGAR6MsMkKyIqQDSB1IKU+Uq5QgEMvCBa4Y1exH1VoQqK6lAm0ACo6lJtUm5XhLr5EBEC/FJatVZUnyITcS3R3jqlF8TrY"
                + "0AAAHODDsJJAAACHsLjyNLJc2doHN1egMowqBXKnOn7HRhRWxGJ9QAACCakSi4AwVIqtRk8SLf9KjqqTRZiEIqkjn0uMYIdbJgAn"
                + "46AMRgwAEbIERIKxDJlKdibDRCQAAo2VFIqUsA25Ez4wCKR7DgGWydzqGADBpfZpAaesSiqYZZ1vUoNqJiovghiUL66cMLYYe7cE"
                + "RJqkkBLiKkgAIlE1Url1gRA7WNZAG4YChZCbuvGnuJxWsAa2DpRCTeYpkJbEJZTctWUyc5WMCKIoAkjdd2K3LisCShSajmjeKZCV"
                + "ATYqqmZpwsplUeklIhsS/2FBQ0DmEAHa1lcjAAGChZBABgAwAAAIAWXCuTNRVaaWXJoJSZJEXcFLrSMXO7GIHP/Z"),
        new Fixture("rgb8_is_L", "dcmtk=gdcm", "95ff2769b9560edfe522dabc24791d6245a3545fb4749318a85703d0ac4fc969",
                "/9j/9wARCAAoADADAREAAhEAAxEA/9oADAMBAAIAAwAAAgBQAAAyEEpAANFQAAAKngDowAIhQc5zFxHzUcEsY7a30uAWCoZjor2A"
                + "EcEGAKSAdSZ1pnzYYO5/dgfxxmhZAsBkAAAFtvvvhhhoooqqqJkSIABJATHIZ1KXmm88/33r1fOQ8rPl75feNvwAABcD9OfgA/B8"
                + "BQXgAAUBeXAAAPC/gABf99jkYACjuZGAM9mCHAK5+bwAApvDP/LFbmPwFXxonlggLAAgABAACAZhYRSF9Ahyk2knoBANgA4TwwO4"
                + "AAAuAAAAlvAbl3AN0e3p9z05atA9Fu0AWhKC0PQm3hkAAxcD8Izaha17QAW9ss58BRUABvYabPBkAAMAAABpUEQAAAIAAEgFzI4A"
                + "AAHdYSGBAFoQAAAaCRhg5QAAAWmjqGKy5WWO2Wyz0tay3U0uzeL5aqAAFZfVDSW75QKssNlqdro6Epur9NvedwSQAAsAAADPAQAA"
                + "AGHCQGgKAAAA68IzBXgstU+qrlYLfcVa9JQevXqbtcrVd0AAW4sry6WLUnZSUaygAVllTXc7LfA41AGWYMqAAArq2Ui9WC/Qqt1W"
                + "gJZraEs9hZqAVgYsrxD8El8QDcFqquL9QGU66sWOgNQqlCVaEoSktV7PSBuCIqblSlhfQA9agS9UUOprW2W6QXgrQlks6V1S4oyg"
                + "AlJcoQg3JCEOla2vHB8NtVa3NAl3DGwravKA6tTB8IABpKpQ5QdYL0wfCpUTgNhu5oA19AAABHqy5UsYiEAagAJRawWckHw3puoo"
                + "RQDUNZbv7myupHw9oANfLFoHwpVLWEQxpKHoMtrSiIQDZZCPhF2t22sbHVLWgGQv0lVqhwj4VvqpacRC9lNQNSLbC5dvr2xtF2MA"
                + "AsI9QAAASqy3VYqKlN4fDlt3EQvW11zdZQ9+vtUy0qaarVWl6Y8QAaiVPV/e2tTvKcrrqSJoD2qpUGiyhFqPbatae3U0WxQAVAAA"
                + "BG6Pua9BKqjrdXq5UtSomzYWV6rjmSIdCbupVqyj11RlCvbRX2KAdXXu3UQodrNnQAAAqLWafVKxewAAARvuw1VbaoXmg+136zW1"
                + "vUMQGjVF71ZpigFYKSpWrRqlZv0ZQBqDV1oAAAI2AB0AAAEcFNLcyEzzwbEgAAAFNoBKM0lo+AYpQAtXqcMWLs433kPMjxcABpto"
                + "+/sAACZ+D3Bq7OnTR2b0AABDUER7CuCQD6SgEQH7iwAAMAAACgy0ggAJxuYAAcuB/zJ+2efvrgB8A2+b/LOmDyANstmAK9xWruAA"
                + "ACSCFnO2R3RqamPoAgAyAkslUhE3fvF2vWmC8LAAAAZsAAAcAADwBIsW/D3Jut5Oq6+Yd3J8nZ5fj+Bu14np2nbqcMIzjPNI4oAA"
                + "AKABKTjZFiSABFDIEFFWsWLQAAkACQAAAPCYAANgaF4t9s3qlSq/oAAANk/AAAAxJVpADgDY2/bAAABsSEWEa0DBC4GLgtcZuIuG"
                + "bkedeEed8TxrwryXjHmfg3wLxLyPmvKeNeCniTxTgBJcOGuqv8x6zXGc7BdwAOAATAAAB5WICkUqM8HQAAAckD0GTNQABIAAAOGB"
                + "R9fQADAAIgAAA5dC3t9tKdwxAAABdwjo38uEAYDnxLPw/Aa+J/AG+PfEfFPiHxf8G+GPhvg3wg8RLBKyLLLMFlFiLGFnih1SgAAY"
                + "kv9VX+s4pF1QAAAbt9AAABvya9WxCHUUzl/U0MjvxQAAAAuwAAANeAAADiWmb5KBXtmZOnwr2gK2zin0TfefDj498Q+CvivjPwvx"
                + "F5F5Z5g8YWNLI1iSltVRywAAqypZ1ZFiCglSjsVAAABJQhSBJYY1kVAHAAAAZsAAAGtzOtsmdf7S/oMYkpSLLKu7IzO7rmK/3Y8a"
                + "LZMDGFVqrQAT3Hk3keQ8z5LwvgfyPO8v5zwW8PeN8EQ4HleHjfjh5v9DXkAfgJzgzX9ziJ3gAAFLef9FALgBgALgB82fbBwAD4H4"
                + "NgAMAKAAMAAABzAPQYxJRJLmta5ogVdUMQ63Je1EQDOnd2qor3ifk/EXZ26LrOZ1nPuqdN0brMObgDAA3/vshiZ35DPC2hG0tqp6"
                + "1P2VYAgBjgi4Vl+cKfn8TCUAAAD4kw3H6/UoznIUccI5k533e9K3Ahyl73UUSCjtJJePCnDnM8vzd952uq7O/0/jun3XBWsAAAEu"
                + "AAP19pIYCa8AAACxgfB8wRBe5XEHcAQneBPeZeAHPH8AAE/P948bY7U4HwoevXR41sFgkPIvukyL5kuVAd1tNCMjryJe1ESAa6Je"
                + "E/EfKfm/HHMuI4Q4ARyDjDpsxd1WcIBXP27rIABokZAXCQGQ61nmco1gAAAVtww6TkznOu6jrOfWW2SUp+ta1TMmmkkg5L839P6S"
                + "9rqtulPyyy73tHOz0eL8AP0dd3uZyHS62AAYCsUt1x3nOl4Xn3W0ygLYAAANwAQAAABnQALAbCocEHgm8IPJ+WeMeb8T5flnkmTQ"
                + "AAADgArAbADAAFBo0aA7rYAgjqUpCEIIIdmCIsmdeiYKO2W+I+N5eAB+EvM+W894c8afJgUIGoUMBMxwiYgs43N3LQwABlwABkvV"
                + "oW8wbHDpHInZwBnVOm5N0XRdpaXyxEIGhBxiSSGtazxRe1YAAAPQHgBAAAAFrAAABW4SYFS5YIQAABYQA4fAAAmFAFpRxF2OVwc4"
                + "AztOq5xgAAbjZtxvhkwADJYAAACrq2YQTDvY98YQAL8nkwuXTuSw6FAh5Ly/M854n4XwXlXlvZbpz1gyHx0ABYCYCetaljjYxnd2"
                + "EQLRACn2Xt3mveOC2xIfALIfF+ZdMdF0XcdHoM4w7KmAFhllJRYBVu1AAAAe+t2bKV3Cr37b3LI2OiBQPtPnWOjoO47LjuQdB1ju"
                + "R5ZOORb3ojVrxala6iSENADJvnW73dfD+0QCro+F97gul2cbo9z2av9ddVV39dR/YC16BIAAwAEdgdtNgT63beygAAEoT3yuY/R9"
                + "3N2+juvzk4N4IIFCRp24DJc87gAAA8qWsgAAA6AAQDy9oBU0uFxbQMUFm1Ti5zCmjafnjo5NaGMGnF2+lK2EGNsX5Bd+Rx/793YJ"
                + "0A+AAAKAw3WLiw5vq+rsKjS0yoXO/WjXn7gUoDghSGG4AAAOUAAACtgUAAAB5ABANooge2bNtJUctElmsqDUACXG6iLLcolY3foy"
                + "qPDosBkAAXQHWYaIduSTNn79qIoABkAAMAAACoEAAC7gVEOggsuhLtXvlSs/JQAIAFwAAAY6EE6IuKkwBCQDwsACzSxyzMoUwifh"
                + "nlvZjkWl396HeV8JeEvLPE/JHBXO7jsu4d52lftTr123d4w6hsU+MvfbWukgA50AKATAdkXgo5QOKch2dJ1j/xjqfVpN3d1UwRPd"
                + "CP48UcCThq413nLMAE8edWwaS5jqO07zkzknAAJwzlOJc47F3ncTXp2TOz3e9cBo/1/8WELGXdbp/QxC8XEU+529+jz2AAACfhbn"
                + "rYAAAP6AGH2z6AxDKcLA1CCTQh2/BHArtDvd6zuwPCwTNcQdKAAA1/xOwy53Gcrp6fUdT+HzVknvVXaW8bOABXoAALeJFSSGYqSS"
                + "QAHgSAAaBWEpzuz1HS7rqZ4pgAAYi6SwcuyqP134DuY6PGXPISVqqoiSejlkr2SOFDnXu71AAGrWFjZLJazCNbTQABU4AA17zmkI"
                + "l2JJAGAIs/bLNYWll982ZhGOOOLlTRrKYhXayoQQpWS+1ZzXwAAARYACgAAEClvwGQF+OeODHe5/d53ac2k5vyWaJgkgZwgAGkBY"
                + "WuU/3pCMSSSMxSb7Sy06XlGx7cHwYHbUXdAeLoWvAAAAz58QxdeQNuA/Y2Y2uZRzAZpQAAAUMAASIqAAAB+hEAAAFJD/2Q=="),
        new Fixture("rgb8_is_N2", "dcmtk=gdcm", "5f9fe19693abcd9a840ff3bb413d27bf7b571516ece08ebcf1970824f2e877d7",
                "/9j/9wARCAAoADADAREAAhEAAxEA/9oADAMBAAIAAwACAgBgAHFr8AADgUQBRhNs5e0Q2Li2uDCgc5/AfJgSIBoxtnJm/nP/QgSA"
                + "GAMAAAN/yTbbZV4AMwwUW79H+/uVp9LitXC4Dvn4e0xwGesA3wPXrUGKpQgqAmC/aDPAfyvpz6a7LggICIhJU4kSpXCFGBogsFjM"
                + "2bE7+a8/82/1Yd4sfYkCsuzAWAub3ydu0yglkhuAwAEAACQYAACABgUvAAACACAwgYAgFEZhYALbGy07tad/Xfu9YcWHA93utaMF"
                + "3/vv6x5elcAc+BwAA2ABjCgBAAACosjN7BPfd390izb/LsOWv8H3M7c+PWsu3z/vnzmAoQLGYtYWWr/8/1wuONf34hZ92J5X4gHJ"
                + "z2jE2938Drtd1h5a/3SDnfwsLn/9Zd2LP7v0jtrF3gfWWLC15VfJVetfHOv3fxdw1bvb6mdDrFgFgAevpiu9OCv3F89dpjVCzYTn"
                + "5J379ixZcO/s+l3cmC5aO72src44Wnl530Lrz+w/Ze0Ad4tvcPusXn7rDi9+z/ve12MAOBY96Yts28Ou9/77v97/Muf967pnCxtm"
                + "3ubw5sTr+f0q60c3x3G/2P94Oe+01tk1bMet9vu2Jz7j7Lb42cDrX/3W9/xgsB75gBwXfkzeQToFv4s9/0nvd0xB5p5nmy0wsf5x"
                + "d2BwsceggAABgn5VeTrYAsD/X8QBz1lz3959trWrgOsP9YC7iPd4fn8sUQkdmK7miQL+AmWoVe7D+AOtuf3bjxbr9lMOLNnAADzO"
                + "ugInuo8ulMigoMFKQuiXZX0q0AAAAugGAAwGIFIZm3518APf/Te8mu+2/GsOExNmkABABVcmkAWBjMlQCFABgDAAAANoAAQAoAJr"
                + "KoCpsiAACA4AAAC3MgBjwJ6AABNPVSBGY7Ee527LLxpphcw/Zs85lrEwBYmpCKEZvUxoKLFCIAABAAAMAAABt5lSdhQAACBYVUBQ"
                + "AAAGcAJ6AAABAAAAZAAAAGdWnKXgcACEyrzEAABCcO/cNz4Xd3MnL4mtNmFm58nNNGIiQgITNwj0zgAAISAAAAyqX+ZRbOUolkgA"
                + "wAAIAAB3fTv60myM104jFgTJz3fzvaaxNGzZZomDfFrRLoqhMiFrUBgAAgAAAGGlySXe9agSia1dXv6S7amtQQqlmyPOP1nv1zOz"
                + "GyNYWgC6M+J3dZGgckzkV8BivWCBwQAoBTdQBAAAMEgGAAAEADBgAAGbEFO4CJhf66k25br0f2c1Fm53f3Yu3923V4BBeyNOuXBA"
                + "UlELZu/SAQjNqHdHDiBQAAAE4SLTYLKd0sTaNrpCKVVYbsRAAICyPd19MWda708/QmmA8P0AAACBAAAEAAAIBhj9aRQhRGiBYDOz"
                + "cq4dVQDGBf02ZuMzZ+ruoDoDJCjfKXWWnfc1ceycy2wssFyGKWa+twAAACAAAqNKc8QlBsAFhOmAc6dndAMo6oQhJJtKf/130it7"
                + "KXXVo5/Hx1rL5lpBEWTKgQOhi3g+AgCgAAwMAAAAvgAAIcBBAAshhOewL+61uAABB4SAGAABABP+CdCQE7S20SrX6kvP+ZYv0ywL"
                + "TiAEVZHFEYiC/2UgAAAOQEAFE2k+GBMmhuE977nPKkKOBEYCQOBwOXd/8AAABsGAAEe6KKeDAHdxwAAABqcIhZ5bgBYtO2QEb9vE"
                + "gAAAYgAAFI0OLwOBZHpjVZpUUQj3Nacc+95gqQWWAAEUDgUHRF+8GSoACAFYE6wKC3Qfmfu/dl7L7u0wBUKAAIDjoYFABJAAAAOW"
                + "iNV4U95PUyMnszhz3mdc0/jq3LZSopJdV5EGquw75lgvreHTLT2mk/yZqTc4WAAAGcGAAAA5MACuwSSsiIASH9Vp25pzeee9cjDZ"
                + "GYkfgAAANYACFDwEU9FTDB5iNi5TOHC5trvaxCxb+RzqHd5fi/6QDssAxA7cwXLnuux0291UAHrQNWRLEAAAZAKCwEAeVNdzyxUb"
                + "PeYLXcX9gfb3V9qiQYTThF7LDfSAGAAoEAAPgBWHFIp2n3OW2qaAEAoAAAC3K4obgQLBgACAoAAABxyFrdNMa5HF6XsJhf5u5x0a"
                + "w6fe11b70o6ZnGsiAAoXAoPHsaWsuOacSVS1Xe0r8uAmYhp/J9AKsLNemF7bTWTWmOB2y0p92b/aBtjWAjKvbma1yVc/vGqABIyY"
                + "CiA/eQ0tJQAAaEwTuJm96rOADCHE0aReuwLO+813+eNMgI/JfAAAxAbitUlsg5gKu576ZcKSiQCGrQgV3yYTThgFoh0TfqeE25os"
                + "NrntMucfd84szVAA4BAA1Gk1ERKZhBC/3dnl8qi+/V9E07zKASWSiZNoEFBD1QOC7awnu+zgdNe8qhYgAlMMi7L2t/Qk6uXF9i7W"
                + "tYLVWAhEAAZg1B/ZgJvRLQtYyADsAAgAaUAAAA5hgED/2Q=="),
        new Fixture("rgb8_is_N5", "dcmtk=gdcm", "9cd495fd25d583ddc77a11444a5c1de6e7ae23471ae4900e1b429d67657fc817",
                "/9j/9wARCAAoADADAREAAhEAAxEA/9oADAMBAAIAAwAFAgAwHLfwOBkDAi9Y6iLrLVsY5vgPWCiBRC8y16YPoQBgCGAHqpJPqAAA"
                + "BQhnb19+3zz/TZ466eX3G9ZaRvVrPUiYWXbm6966v3pVYhJJJfq3rIlZ8sWLLLLu7eu7/1+dbu4p2dYsX/f/HevZT4wIApQABDPU"
                + "AAAgIa0IUIWsFli1r/2u73f/fWtZ/frssPf9f+d7+dD+cDwbDBABVaxawWtfv/SqXbua1r/Pu+X/e1nt7vn/eGRZvZ1l7/9ErfX7"
                + "/jANXOywPa5+EGrs+POe7+kP/lrX99nvh/7z2Xa886+L8Pr66uf1/a/DOfrdUznXYWWu03UOc9zf019Y/sWLv0vY/cs/93fxadae"
                + "1r/ty15cP5je/wfPctHc6zw+1rz/bdZ76/P6+MOLf51rDvPdh1P+Ic5j/3m4cLFn3frDh6//Zricf3/7nfv7v736yxYt63v/Fl37"
                + "vzn4tZ+6/fvb8OP/Q752Wmryf178+12Z9XyD35d7Dn/nuzjj/UAND9cr2LP9uVl9fX/+5dniOcO9vsFrvZ7fhoUFvReoAEHuELUl"
                + "33t61ne/xz39nOIcs4B7P6IX8e6ltwQyYQ0d9qAABEAAIAgAQEipsX112Wc5+t3d+F253LExaggBtlQgcwizCUAQBAAAEIAwAosy"
                + "KlqAAEAEADMAAEGBNAEx0oRYWTes60z/M98sPvz5znI2ylQmzXUUqRQAgAAgAAFElMDAIAY9BhgBVACAACAABqfcGDPbrIIA4J7C"
                + "1nL55vZa0yzjlz87JpQoia0d/AEDAAA48xUi87akgML+lZ5JVdOssTLu/v9O1rLTXvvv+tpkgytdAAIw2qj88roqp/rk/r/JGMiZ"
                + "a78d9/72Jl7kfY5qah7pKt+Ag/iGgjge24AAgDAQAAIAIIAw5RIUFJuFrr2tV4rWFrufs/sd/tZhWUlMU6RUpOrfCAtPO9LiAEAC"
                + "ARBSIqqlde+Sa/7wLZNd3zr9nda0hUQbygAWAEAJQvnqE48TBfgduZqoIRfrCbYWiLYitZ2n+4mn/x2m5zl2JyZqi8+ACAhMz8mt"
                + "AsTWWe/PjUF0kUrsp209W3+PLXut/OtayzQNGuE9udaIDAABAgACAQwEBBYsLu03v1jQEAAIGGAQAnVyikqre/qck7/7h/5Ytcgg"
                + "oVqwIVLX2QAIgpFicILTL4e+/m9xQhUiKJM/nwAACAQACcXluEFKKHEABnWuyy1z0RVdWgBggH1JBQMhX6qqpLFzvp/d3yTFjGKA"
                + "E4aK2tUwKIF7VAGYg5D87r8z/hhSpATmFDgggAaKac3oVnf6Xb3fv+1rqVMk9XkgqXd21Re3fryf19JaK6aCmIAAAITql6aoTevp"
                + "3ft+f1ohZ9SXgAAEAgIYQ/0Ezv17R5nPy7v8h1ljft37uT2oIEwAifWPmn/7tdksW4rXkHCKAMQ4nZZykt/zgeeXtz3G3+2gAgQv"
                + "lN1F9DCwJ8FEYoSf8P1h7GGDAAyo3kkYBAzkSVs5ykjanstHd87r2HO/N+/6Uc7UDoQYcqGF3fWdK1s77wxEJh0/OpC6ymc6zm//"
                + "cO9mf8f/AgxYi3fqbL/v7KBA6gAYnaIHVwQNFi5lh151YEXDr1dyHPz/O/1UovqsAaCv5ZwAQgN61/y6VyQGsyv1lrmBy1JZXgcP"
                + "TQge+e07/tcueABBDasy82Evrufdr/8a2e+olJUXfAgBEFyGXaF/+1+7tU0AP5+zata9Vflk61mdYLgAAiNgAAURF72UlCoAPAgQ"
                + "kAAACQH/2QA="),
        new Fixture("rgb12_in_L", "gdcm only", "0a612fdb7d760a3380949e65deab9ff9b8dc353667904d8509c1ed5a32347947",
                "/9j/9wAREAAYACADAREAAhEAAxEA//gADQH//wASAEMBFABA/9oACAEBAAAAAAD78G4DQxD8OeAMdATwo0EeuyBSJ0Q5Yv9UxCCh"
                + "Bg5kl8WK14pOfBwgAFAkGA0AYKQQgKAl10qYAQIpKg3IefPbZVZQk1BSCMAkF0zoBT1kFdm38AKlaAtfAqEoXACBEDYFQGGIlDIm"
                + "BICeahKBYDwbBxsDhCDhcArt2zgn2lKGFEXBUpAILA4WAkDFQmGSoVA0I8fGmxcyHFQ5UqLAzzLE9S5EeBcBAyCgMtQAgBAGAsDI"
                + "AgPACAEAIHwBASAIAgGCYBAAAJPgRFi4CyRl5ODIcbAyAH/cBYOFp0JBMilCh4MEYIecBJcp2AgTGFgNi4wNgFvBkzFopghJRhHS"
                + "hSAM4Bgj4BwZgDWFlBUYIwdnBYkDYLthGqLCYGkwQACSYJgWBY3BYJHYdIYZF4XDIHB5DCInBeBUMicimAlsCSWD5EPhkSqONJJh"
                + "BFLmS4jEYYZKqpJM6MCTxIAYlWbQisCshxWY9AwEbNLWpGE3AnKrB1E2IUJOZn7EG9DcDKbhW4TAliMMEASAc6XKvK7C7ajaLGNe"
                + "HImLh8FlYLIwaBZi2ByMZCRw0Br6cCYhEQEghiIgLD88bEQaG+l8MAbbszBQDBFQXswaWFZq17xRXvFBY+HUWqUwkDIIUxYHRGGS"
                + "uiwz00wwEShglAANrvV4juuI+beQmBk5a1rDBdJAAAAAAABAc+UlRi7A5lHGKKAt4oGvujThzCznPQvOyNycU0kDFUp6g8n0EE5K"
                + "GL41Qw3MjMW5Y3GhODmS/ZXRPmmlMwVKgLTBDNijP3bCpxYnnritFNlONFgAAAAGbkrWOaU84RAauSiKNAtMVr7exJT/AwoKVgn1"
                + "rQFPqm2RQYu9R0BzI1VoxC0ITxyZ3AOSE8dVqpIc0yICrSAWQapUwgpA/FmQ/V3LGf1RKAAQoyDG5PlJ65WZMPSqCJYQ//gADQH/"
                + "/wASAEMBFABA/9oACAECAAAAAANxwJnDBRijXjSiNoIU/bjsJu0aHGFyJ2aggeDjOB6xCEO7xJ0nuhrczo7WQ84V7glJXUc8d/3d"
                + "gLluQON4Gz2+3JTBCGnK5I4qw/HkB6B1pszbWB9Z/BWvujAGJsVcI3LLOaaKVTreleOvRSruTWL5SHEBdH3jPiBlA1RqJaGNExSE"
                + "FHJwyhi5AyC089ogtWb/FoX2gzCGQY4TttDs0ER7mmpMmJF0QaP1GEtPmdDiBsQ5Ax2sHIkM6wT2H97LvnDEB4BQAntYqKEAICgC"
                + "W6DkRABuTBeaVQ+HZ2SEXYERbuJAqrn/OAEAoDdx1OVF3o/RsoBG6b8fPOA4AQDgJkue9ixirpBeB1958bwNBaBIHgFYVKVgPFXj"
                + "YUhaCzgaDIIwdAUDKI0BLdG2CgVAHOFQGA4HAGJ8kK+KcPCvqAwASLAUCxDBsHQvA8GwHEsERDAUCwOKsAicioHwOAZalmBuUmkF"
                + "gQfAmA8GgjBYKwXhEBipqIlpaQgGBo6A1hoCWKkbraeLxYQncuBmEGojAiCoaAgg+Zz0AgbCw9eHnRo8FSgUuCseoGyQq3s6cUA9"
                + "IsNASBCpMDxcCdrrP69cL7hokPHw0SJQiSEDXprFL9ENogBAiA0ZoMRIEjwJW+PkbFuf3arlnNkOJAwIa4KyKgTWuPkWoEQagbA1"
                + "cY1xxjzDCL3IVQUgiXPsNdFEtavuikg46KWmYKSAINQu6cUa5vb3dF491kkR8yknzPO0/qG7z349rSt50DBdG0KICpAoGUflOv1O"
                + "Mz2+F9zfegvOLRHEaNbHuqvzVhnprfn/SlP27IL7DDAcGYEVyjo9HCJFclq6fY43RSeuNRPRw/RSV4CahIETp6637dvSDPFAp5QK"
                + "qDbaktsXCZQEC7bQWhRtiSUFqCx74fSyWYHuOcoPjrr38qNkNAaBdkjHzLwp1xGjQFOR94AhaoEOh3plyFQaA2rTxV+EwnrXOWqH"
                + "13vAjCIhQpAacTVnOPctgWnyNKBHFwtMFKEke+AqFQzAFVlbhJ1LygyvHkoFklLUgfSQXrG0FPMwQAUhv+W5QMcMQRcZR5Vo1GA7"
                + "utLZ5s4aP07r2JYsDJ4771Hn5IBDRjBAkM4dBt866whJhCC3IUvaCEfYOQlBWDV0JOSsir2uD2z2d2W+MXUGIZ9hrPEA4CFvQP/4"
                + "AA0B//8AEgBDARQAQP/aAAgBAwAAAABBeCkC4Cg2DRKGwGAjpGSh4uAgIC4gPTpUY0aNTpVYoAAAAiw9gxAyB4AwHBaEQJgTBmB0"
                + "BgRACAUPBQIjUDxKGgYUiMFQcFAYK+utTFQ6KiYQjoOB8Tg3DMOj4jAODoeBYZHw2CoFQoaREQYOBhmCC0jE0YShLhoEJCEWHLhU"
                + "eZAiEnFQpEKGnwrK0IJwcpQXGjgwMDQMAAAAAAJsCYFQAgCAIAQDgFACBUAQpAIAgaAQCAQAAYeaqaWHZwJAEEjgDAD/XAKqOHgo"
                + "JXA6qJgYOgB5wJsqmqgEA5U10BA+CG8IUSxWwUsk4N0TAEAZwBB4eAzobJFAwI4DALOIxQzURUsl00PAwONgiA4DAYfFIuQkYGFm"
                + "ICLhYc6fBeAlMdEHB8YM4QhoXRjENGyY7NKEgzPj4NhYpzU7QMJOpWOlKEiLwFGDmEhT5tY6Z2D58DyYeJhV1DnaRg4KnLgYKFg7"
                + "BQrJW5ERKk4PMxPmn+DQtbHqcMiCt+KgWQUEjRCXFyrw2X5txZruj2bY52BQVHSbdwGgWpNSkrsME4OOIiiUPCxkPk6PxU4EeCtW"
                + "tpM1EzaS4dFmhw0I6PEic+ePd5cUaDkmHxuix6bEuBvKMBcsCA4uaBJpXJLhyTFxv1dYyxTGPgoPbTNJCyNeUS42ghcBgVfD7dMu"
                + "Kw1eMUupjQIzmx4ueYrYJOHqZIoAAAAAAAAhNqWlqQrK+eDBw8kBAYsdF+MvesqCqT711nfWUW8gDBb6ukOKpnX1Id0EUcNEk6rm"
                + "GLOcs448CIaGtlso9zI8dRTRKFFsJeYRXa9uhlpAyrwlcmveKeDLltnWgzR0ph8yprkUTX8xBaj/2Q=="),
        new Fixture("rgb12_il_L", "dcmtk=gdcm", "0a612fdb7d760a3380949e65deab9ff9b8dc353667904d8509c1ed5a32347947",
                "/9j/9wAREAAYACADAREAAhEAAxEA//gADQH//wASAEMBFABA/9oADAMBAAIAAwAAAQAA+/BuA0MQ/DngDHQE8KNBHrsgUidEOWL/"
                + "VMQgoQYOZJfFiteKTnwcIABQJBLccJ3bAJhTVDQCLIBVPajqJmz6HGFyL2egg+BjMB5xBES7hI0nupr8zI7WS0BeCkC4Cg2DRKGw"
                + "GAjpGSh4uAgIC4gHp0qMaNGp0qsUAAAARZVgNAGCkEICgJddKmAECKSoNyHnz22VWUJNQUgjAJBdM6AU9ZBXZt/ACpWgLX5ur3BC"
                + "Suo55sBu7AuXY/41gXPj7NKYGQy5XJHF2I46gTgNabM9rB9Z/BWthSEQuAMHgpBIEwJgzA6DgRACAUPBQImIHkISBhSIwVBwUBgr"
                + "67pYdGR8AwJCYNHnJkiXAoDeahCA4Jh8WfBZSPGwCu3bOCbYUoYUenAGJsVcI3LLOacUqntqVY69FKu5OwfIQ4gLo+758QMn+p+j"
                + "WhjRMUIeo5MipUeQnQYRk4MwzFSMjAOGRcCxkjHwVAqJBSoSBBwMMvQUnwihEgwJMBIsaLGTRUC6mfJfLqlmS0UTwK8yxLUucMoY"
                + "uQMgtPPaILVm/xaF9oMwhj2N06bObJBEd5nqTJiRdEGj9PhLT4xkcU5N8LKmJFAhCOGmFT2RRCvKkqkiWxerMhGDmkEzUwLgRKEA"
                + "AAAqkAIAQBgLAqAIDwAgBACB8AQFAEAQDBMAgEAEnwVPLgLJGBsQ5Ax2sHIkM6wT1/8tk3zhiCYEgBPaxUToAQFAEs0DQ0AG5MF5"
                + "pVD4dnaIYsODQMAAAAAAKMFgkAQCAQCAIVgCDQCIQCAQKAQEBAAAAETRZNLDJGrBk82BkAP+4CxYWqioPJKLsCIt3EgVVz/uAECw"
                + "J2/U5UZwJAMBQwHAD/uAuTiYUJT0IGcJwQ84EuhLwYS70fo2UAjdN+PnnA4H4BZJnvcK1GwYdAHnCeatqATjwnHTg+AW8MlY9tw7"
                + "YsYq6QXgdfefG8GxdGAnEwDqt6BhGDt5DU6bgpK3q4RCAM4GMuCxeApTsF5N62FIWgs4ayXhAoZ6rAhLgMBzgIFgeB4Rq8KEabBG"
                + "HZwsaB8J/E6I0BLdG2CgVAc4rsP4Aq9qQ4IwOAZyNIY1FYhw8IjwMAAAFLhWEYRieD4FieBJTApDFYJC4fKYBG4LwMjInJuApIV8"
                + "U4HA/kBgAABTYFBZDDYZF4TD4LJYRIYBB4LF1+RWRkIw7StLMDZ2QxJgoONgsNhcLjMIlYibiY2Qh5ONi4aXheAMxVFhyY6+NkjY"
                + "yMjZFU6Yk1SZGPu6QiIPzgTKTRivobAmHomxycnU2x0ucqFKRBFhoCcVI3W08XiwhO4mG4iFF4zESfTBicIUdvmxMeUYq+hwrs2c"
                + "uNBcVO+pThkQZRjIMFIXUQijDNj2KcqJK3mXQxPhIiriAADWc9AIjCsXKilzOifBWPUDZHVb2dOKAdVFMfAXxJimxr2DKlxG2Jnh"
                + "MLk1ktjCYOF6kiTybciD8lwTFylyYKRMYIBIPdPZ9jYvRrDQEmpcNpgTtdZfXPC+6qntqqnVlBF6axS/RDaIARRNcGFF8uBQ2TJk"
                + "hFE+HqRjNLYiKcgjWGSJyp6S+b4ZJkxMTTh58aCxFcOnERo40AvzgUBo0QYiIuUA8vkbFuP4aqGyWz6gm2yKsg2tcfItQIg1JQ2V"
                + "DZEiSR1supsZJ+F0Tq9OTyGNiQVQREiIgxEiBoPzNjQSN0rZwXl6TBg8ZURyYNBq4xrjjHmJBTuQqYo5E2e4atFEtbj3RUN0cayq"
                + "AQahN04o1zn6uDQlU6ZY2MFwZyqxUWPOhZeHyriiwqU2m3Zhb/tA0ZqsrKwKUMrFibTIUlFe3u6Kx7rJIj5FIPkeZqHUt3nnx7Wl"
                + "o50YG6giS0CgZjcp13TuVWzbBZdI8ZW04oQ1408PeXzh5Wghne5wEqEpgAAAAx72rRvMD6KyJj1qWk5y5WZntcLrk+9Bec2hOG0S"
                + "2PdVdmrDPRW/P8qyB+yC+wzCY7AauUdHo4RItSx82XzlamBeJwD1ig8NtHeW52ankywAAAAAAAQHPqTSi2AAvT8aUgG8UCJZFO8w"
                + "9znoXnZFicWjJ6qXuON0UnrjUX0cP0UleAynR9E6eut+vbUgztQKeUmINtqS2x8HlBvUuY5bWk4UG+p6kWetKDYbljYGORjhPssl"
                + "QYHUKEi7rky+QgvCdukKXGCZ6MazeJA3tkKQoWtJCC1BY98PyyWYFuO4QfHXXr6UbIaA0C7JYAA1l4U7wGiQBciXQXKzFq1n1wSK"
                + "Zj7pv8R86cWyqqB8EAMwmjRoD3E76nItsVGEZT2EQp5MkcAAAAAAAEEFHLWs+8AQ1TyHQ70y6FQaAxVp2q/B4T1rnLVD673gVhUQ"
                + "oSgNOJqjmh3LWFq8jSgAAAAAAAITZpo6kVQT3DDjwgQMFixk7493GVC7bsw14E4bAZxjHBII3JiU0Jpgif7PigRaMcEGqxvKqToz"
                + "rT+NIbXA0sUgSR74EoVDMAVWVuKOteUGb15KBZJS9IH0kF6hshTTMP9FIb/lZbqBYLUu4hlU3I0od0EUcNEmFWsMWcLwjj/49qgI"
                + "HTHG0pFIILzpTXBpYXnqbVYAzTKhOpoIyDlAEaMMRUZF5Vq1GA7utLZ5s4SP07vqSpYGJ43t6Q78j4hYxR/0N4RBt8YEQ056/SPN"
                + "kePoTTUqLZX9hC5ffIb2iqdlEFIF89UF+LUKKb8RUA+oyOSqqGa8bMSHIWhkOGrbBEkEGLUhS9oJR/g5CkFYNXUkoqiJvS4PbPZz"
                + "ttcYukMMzrDGeIBwELd4awVsXrWVMEmiytaCSdsx8wzbDTSI8RAAAGsA/9k="),
        new Fixture("rgb12_il_N2", "dcmtk=gdcm", "5ab1bb539814623a148b36dd62e4893a5616d7bfa075563d647a4f65752e9888",
                "/9j/9wARDAAYACADAREAAhEAAxEA/9oADAMBAAIAAwACAQBatZtAAAAQAA1AGbgDKw0mOwGpzwxIInDtH3XMZnvhmADRNAAAAAlD"
                + "3wAhGoJwqQCPqPlRA4BsVTKAQ4QSgJwoR0qdeDXOEoMc9B0QYuE8iIetuEgskOkjTwAAAAAFWqMoSyJA6AAfhIbAA+2IgB8kAs9S"
                + "cAAPgADEhFwHwXgFACQKgADA3R0AuvDsHZAAE8uMWQAFfmgWAAi73LfpLMLgiC8QuAChqmqMKSY3SRMpmkimmblaioAOKdJwi7xJ"
                + "xAAGJIZsxWdoHwVmbQADeD2HfgZ20R2AgJhcbrqhEGSYQgOJQUqISZCZEZqFwAEAwstFL+/WeWz2xpM1JAAAAACUnE00b12hxd48"
                + "qSXQALl2ETr6VKCJNIGBNoApWF5qcI4F0pfUhdbGDSaZEORA48SLSlztSVS6GdCIvOEqAAAAAAXuhCEZQhKInDiIi5AAAAAAC+K9"
                + "FuHrKwbbAAAAAAa3mTiVKI7QMEGSW3oQhFu5AAAAABuaZHWwRVIEQAAAAAAL0TEQZFRGiQJIEgQAAAAABehJe+ohlD/uOkSpxGSI"
                + "NSC0f9RwAH0NE5phD/iKqSXCTp57TggICFhRY6152cOfPsyMjvUvJznMb5wngDqgAqcgJsI2ynAAbBJScm5KoIlLLIzrlx3ly4qJ"
                + "zLWcsq0jTjEb31bnLumerbFbFG6AOlM05DH7h0TN3mJdFIAAAAAAvjFhw48GDHgSYEWLAgw48CLOEU5BOBwAANAQCkAAAAAEoEGL"
                + "DhQ4MOBPBLBDDGWNxkOwAAAAAEd8YyEugGmGGGOOKWKWGGSGOOGKWcCxf3VL5SUirLOPKjBaAYNA6Tmk/uKgYkwxyD0AQbAOCBAB"
                + "o8Nd0EUm8yuLjKQ+FFrhlzy0atNJUiXBQuaOklFM6g2AAAAAARi2sZxW6kGirUG4FQAAIOQah+5RHUFQuaL5dUVHSVGHpTIqMyb3"
                + "UU+EHpV74gCJOfgAATnvNWD5QEQsi2KIIVEbmWTRVWFxqQtHCgnxOQQaqv9JQ3nCoV4EMKlKhMAAAAABJcQgAAbtYIYAB4Dlp9KI"
                + "XaUlbKCMSMuYByHDmYKiRhDm0qyF9hZOOZoUJKoMqqshMWAJO51NveNp7BUAAAAAAmT0pOuLSDvynnUOSKdDJRrkex1SlKeUnind"
                + "H0ghHapWQAEq9yqFnBEhGMwkKRFe+vHdgAUULLgpSFgL5ohddLSBSuzlJ6S0qyxiMkAAAAAAIvgQVKYU5ns+oAAZSYwAoABaPVTL"
                + "TCBc6Jdui6U2YDHNhcL9wlMCG0M3TjjYxehvqdbTtQAAAAAEXUSIPwD3ZUsElTuIhJdNGk77x+uDoABwGpsy1CIbwCSMwPo67q4i"
                + "AMEJSAEryNZx7pJJJ0d1XVpVOmgAAACPwAAAAYJoGBW0qmmVJcTBd9EC6pFLRSnKCi4A6Ee8C3aNUA2BR1yUYYgAAAAAEMQGlQwA"
                + "Lo3Vzepr+MdNKZc5JCIbIAAfPhFPTV9CNS/yoi0gAAAAAJnAAABwAAKEoAB2RAOgALF0BSEFljHjHDJ0KMLGu3IkjhsXAFGoAAAe"
                + "T/gAAAAAF7wABYp3uUiNO29fLjjiAAB9cFqLyy3FxQouktKHwBYgp4pKwRHQLgAPA2pzBQA2h8ukHFsTvUp3BpeJR2GRmGpL+jyg"
                + "xe0sl6KInVIK0XHIgzAAAAAAKVzUK35o44p05EU2AAcAAUh4oQCfoEogvAJB0NIMWFUjrJnDBiAAEB2PL3TWnRoEIJkPtDAjARxP"
                + "WqXqQ0/TJOqtYnymVUXpVS9UEeSrQcfAACgOSIgACau6OzQKkjCGl7TTk3Ozx3LyaGAAbrI6moQl8LH6DAAAAAAnjtuXWEyo9yV3"
                + "R38AAAAABiv/2QA="),
        new Fixture("rgb12_is_L", "dcmtk=gdcm", "0a612fdb7d760a3380949e65deab9ff9b8dc353667904d8509c1ed5a32347947",
                "/9j/9wAREAAYACADAREAAhEAAxEA//gADQH//wASAEMBFABA/9oADAMBAAIAAwAAAgAA/AtyQGINwHgpBFwwLjkIgKOgikGw4VyD"
                + "O8CjRIMURhDYHgKAnnVDAYtbEcEYdVIzdM0l+E8h4tDiLd3C8AHXCXwDiWdwFYggu5BUFQIgszSm/0PQpFhEEUYxiWNa23Rp8kKN"
                + "X8n02suppVbXtU7YzKKBmR2oAAAAiyfJsqwGzdBiAde4MgpBKB4ZJWAMB1HB4CTxgpdff8GSpu7AmAECwJgRl2DNJY/wOQbxrByH"
                + "gXAifM+IAdt+zAKVUkofKGBoKTSGUCIJcrmIIyRgeAWKyCC7D4ZM7HUDAKBMKT1wGIyCrTBXt2Zg7f81goAQfAdSrPBXQHgvXWvt"
                + "b0sO9OKjIAwyfE2VAMVY8CYRh0Xc86CS3Bj5phGaxSKzKpwZkbbDM1KsZAo6yMBugk/NSrgHCFyYZAewRME/IgWLQ4iosBZGfpMf"
                + "B7xgqUnxAqPAyJGz/BQCqfKu3o0JbO0MCCcaINrsxYGJPhDxl6FFHIKT5w04RKGJoRcnxIGQUGC1KBPOTTtESAkFopazQJv8hCLa"
                + "Ecy+0M0GaZUIQqBj+e6N1lM6RT9nRCRsle+CJUuPMlUz1S1JknSYhSyLtoohF6Gj1Z+nzIFQlCPmdPg4IhjHpUsjiCZoG0VxDhgX"
                + "IGLAjtDiVg4NCEiYGAAABVAzqAAAAAAUYAQTgTADX4EQA/WAIDsmAIIvnAIAhiAIDwTAGAECQrACAEAIAnuBoPWLAIAROiEDgBAI"
                + "BAUAgEAQKAZZgEJoGAgFDQEFgCAAAk83JAAARMFQXonmmyWqGaAvhyyRs7DJGSWdWLsCQZAiAZYtwFNuJDAyBUBwAq5AD/uAWACA"
                + "KLA/IWgSPO3xMVqcKDyohKXe2hH6FQjZqBoBGzjdBhOb8OghHyAPOASAcCbwOIf1LwCtByTqEnuAT2LAOPGKVCddLR4L+TgdBwff"
                + "eEYBT4gzeBkBoISuNT3nZGm4Cbh3FwUklP6zBVfeSCu9IYbClxCQsBgCgoBnAGA0AI2QLLlwPBcIHF4FhAYZGr0RtDQFEJbhxqNg"
                + "m2CjBGBUDh0BgOcCwVCMbtIHwwhP8fgDUTq8ViSE4dfLQ6nCEIHAxH/kmBoDgoAAAKWAAAFNDjYVgWD4Rg2GYPieKyOIxOFwqPwG"
                + "MwKRwmMwiHwKSwWPwiSw2NwiIw+Qw6FQCFwWCysTBx9HJxcQIKElyRl4LyMheBkIwBGQ3ie4yJWUuWYsBQNh35SfG0aGivp+G1Gw"
                + "JqSHhRtEXGTcZEcwiTibJz5VVNNgyrPc7CZhQ6OySL6mTZMKJkZUeNVKXBDtsMyICX3Fd0jYca2hRPFx94szwhsCTunLW9UZl1QX"
                + "DEKKfJThD74iAqZjTmCGieoAAZwoM55ooBRVEacg1i4Mgi7IKNdCoinLdExKqJVEQmjFC4Zsy4K7FHplwNlqR1mdW2QbOeqcUHJg"
                + "HC9aMTJYaeJASDPTCTVNa/nQtaJYFDAmH9r4YLLMv10wQ8JMvuELqolVPXPDya6oKkVWKKol0xqbAfSIg8ERS69PU1iRZL5H0Q1q"
                + "2iBsAJI2KidAZCo0NmDErqhkhXXpiUTE9EkA8o5nyLZOxZcm444v4GxOqxKYbOkOWx8/aIlLhDSyUova2rh01TU6IqTGg3o61ojR"
                + "8ZAItNvgRETg1BUCk0EQauK47kRrXERxg0GR5hIiSpAU0wPcmiBU2PKOsuia2bPcI0NRBtEshEoOet4qD3TK4rRoqDwxeujridzi"
                + "FOrINLg9ahAHyINSoUJt104kxRiwaucKnt5Tu92iu2j321kveRGF/kqSkAtnyS/eZS/UK7alHQe7zozziPjirawtS1JQ50ZDrxWA"
                + "NGpbiGJIVIPFlWJWlxAkJgY8djQ9ZTkhXbRdOggZnWdrn3C8flckY/eEgMF6hpzvBoV5OGYnolYAAAAMWxge93V7V3GJqTjhkP6I"
                + "fK36wn/EeVaD0QOGq+y0oLxfsO44zrB11I7S1AbqdcpuOmSejOzCSaUiywAAAAAAAQHRGT5qSq40ovdC2Rx0AC90dU+k9yNxrUov"
                + "VOjqAcPRvFoqFAkrwSYDXYp1Yx9lOJ3XPWl9biy9ef62r8kFL07S9QLsp5Q2smUcZ0Ga/bUCyS0E7HRGD/tlBHCfSBq0s9vioCFL"
                + "YHChdQlrSsJSQkmC0XUFu49/k+H0Xlq8Sz9QKtK44Im4RZB8x8dc216/r6WRRuMkM34DfUC9rZCiZ2cAAanRl6nwp0Vfgsw0Rn4A"
                + "qxuSgfBfeAAAAAAABCbUAMwAQ1NGmhT1TRkOoqAx3stzLTihbnQaG+A4dCrR452hmr8AXB4FsJ4LFWuOjOWiKoJzfWTm95fgV33C"
                + "i6iFKohKFhAYyk4t0tU3xc1cg7mse1pAAAAAAABBBIWqm5fIwrWpSwGcENi3mMW+gXgmloIIKQt2SRlJ7+4gSiVCoZoZKhOAKaar"
                + "XQVtGiKUvutD7eV1sGQRb1FF5McaBYb5JURy9JBIGEG+lXWQVY+pBc2STRTSfGYQTr/rmdFIQ0/f58blcf9soQIPaMahqAMMnA0V"
                + "RoZJpHy/wtVttRjKQHeKXdZK0oy2f9Zs9PhJUj9i87pM/VhBpU0lYHaUT0vG9528hqQ0rX6WkferIWXAGZimUyiAOQvDcaiwi8EQ"
                + "bjIN8YqnVsllGCawUSRBQCDN/WtFzwprVe04QSl+P99Qcg7CklKCtNQaWzdSvUlVsFWhSImxl6lQAhwdqM2zMfs45J29za0Kxiyh"
                + "0nc0YZDeNnVsxYYohzPCMJQD9DMBEQ4Yt2AAANb//9k="),
        new Fixture("rgb12_is_N5", "dcmtk=gdcm", "790dacf4880bc22b730d65de70ccce548617d46163f23117ccfb9104da2e0f8e",
                "/9j/9wARDAAYACADAREAAhEAAxEA/9oADAMBAAIAAwAFAgBoAAAB8KbUAHW0oAAAANJB6NANQGhFQQJG79aEQGmqqO30ixUgA8Yi"
                + "GYlO8BSYoKEdI+BsRcfKOPoi2YONUWgBZtvQSDiANACYAAAAABTk888AAGqAvVURvADaDcEhOAAWC5VtAAPIveAB7GXMNWgA85iG"
                + "YHMIcIlQAqpcjlAA8LwADmnEp69YE4EhcCS9Exw+AFABQAcGlQ+MpTL1fQPovKZC8PihuhOgrpYLYAY+oAKoCKHEgSo2emATE/FU"
                + "LwNQS8gSWyqVlwLQAcAAAAAqwqUtt6rV1r4RywiT2pgy3MGZqqTVIiQQemuOd1tzpEcVyW6kgBfuC2TnwJWc3F4pQnZcAAAAAALj"
                + "AAAAAAM/AAAAAALciZg/DCdhhRhxuCMiYakSELF1f0Ik1CUQhiKFMQrzI0YAAAAYAAAABIAAAAABb8mISY9wntKxcX4ai+gp1SEF"
                + "Sf9UMEGxUYA/X8oSCpNaNDtVKXqZPOCEbljFhPWuIBNKqhRkWyyDZjjbyhJJ9LJAPYKySkqWDFD3LkyM4Qh1WbDrq/q7ncMlq1Gc"
                + "VMN8sV5ZgZoAApQFqAS6EAAAAAAXKAAAAAAXKAAAANhghghghhhhhhhijCMIxjCEIwjCcIyjCcoQjCEYQhOMYDIgTNEtQwGZkAAA"
                + "AF/JMgdoAzi7Jrdc2TjrZ0XNk2ThqeJk9c8MGKRCAIrK/lmgMiBEuvADDKrNcMnJ3swkAAAAAAiyTqNcZnxea7jmW2/5qtgzJD1A"
                + "kdazX0klR2yZGU9wikRqyos8bfdn/Uf0sJBbCFeZjhB7Vi6uqbr+00AAAAAFI4YAAAAB1nVY/qBxgIdupoKiFeqfshNmQWujvGEt"
                + "syeXqQAVAMRF1FkiPb0tNTFHqByo0qjWqq1VSaFUSC/DyE0AAAZKm86fBsk5vmuZYvvIFJ3PrG/tpBf3q82zzxYqWYGk3/sAATX9"
                + "FgFYAKqdy0wqot6AAAIPjJjfrTY1OkefW0QAAAV14Cu+8zNFqxurJakAAARlPb+xmdLgABBNoACKCOWZbF6wcwG2pe8T1P3abbLF"
                + "GVsPjNeUJd0oKV1oIEoO/lwAGHxPpvAABmGdYE0nC+7A3YqvyMB5oBPB23MuWGAS2AAAHAQpZrSA0ddIUTwAAAAAAXAAAMAA2AAA"
                + "AAAXA2fLwiMACjLeYEmElku31jjwfTVHKravh8JbZTJhmYLNsGitoAAAAABLoA8gAAGliKyAAAAAYwHFaqICZ5hFlCTVccfWa6Qg"
                + "3bRjVrLDhmnx/G6NIva2Uc79LY5VAAEwgGhZXUMl7sO0QBgcVjtxyY40zCKNqa2uWwsw5LZRylnAAISAe2qPaGn5ktDsGAAAALxA"
                + "AEHlBBYccEMACgv9oeuOmlEUkThlvLTa9Kno1EWiuLypZAAOMsCsANao0JeSsgJ2mrxAAIJQFDDFBmEAA8AAAAEgAAAAAF9g/9k=")
    );

    static Stream<Fixture> interleaveFixtures() {
        return INTERLEAVE_FIXTURES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interleaveFixtures")
    void decodesInterleavedScansLikeDcmtkAndGdcm(Fixture fx) throws CodecException {
        byte[] cs = Base64.getDecoder().decode(fx.base64());
        DecodedImage img = JpegLsDecoder.decode(cs, 0, cs.length);
        boolean eightBit = fx.name().startsWith("rgb8");
        assertEquals(eightBit ? 48 : 32, img.width());
        assertEquals(eightBit ? 40 : 24, img.height());
        assertEquals(3, img.components());
        // dcmcjpls codes 12-bit data losslessly as P=16 with an LSE (MAXVAL 65535, T1..T3 18/67/276)
        assertEquals(eightBit ? 8 : fx.name().endsWith("_L") ? 16 : 12, img.precision());
        assertEquals(fx.sha256(), ReferenceHash.sha256(img.samples(), eightBit ? 1 : 2));
    }

    @Test
    void interleaveModesOfOneLosslessImageAgree() throws CodecException {
        for (String prefix : List.of("rgb8", "rgb12")) {
            int[] first = null;
            for (Fixture fx : INTERLEAVE_FIXTURES) {
                if (fx.name().startsWith(prefix + "_") && fx.name().endsWith("_L")) {
                    byte[] cs = Base64.getDecoder().decode(fx.base64());
                    int[] s = JpegLsDecoder.decode(cs, 0, cs.length).samples();
                    if (first == null) {
                        first = s;
                    } else {
                        assertArrayEquals(first, s, fx.name());
                    }
                }
            }
            assertNotNull(first);
        }
    }

    @Test
    void corruptedInterleavedScansThrowCodecExceptionOrDecode() {
        Random rnd = new Random(2);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (Fixture fx : INTERLEAVE_FIXTURES) {
                byte[] original = Base64.getDecoder().decode(fx.base64());
                int es = entropyStart(original);
                for (int t = 0; t < 40; t++) {
                    byte[] cs = original.clone();
                    int at = es + rnd.nextInt(original.length - 2 - es);
                    cs[at] = (byte) rnd.nextInt(256);
                    decodeOrCodecException(cs, cs.length);
                    decodeOrCodecException(original, es + rnd.nextInt(original.length - 2 - es));
                }
                assertThrows(CodecException.class, () -> JpegLsDecoder.decode(original, 0, original.length / 2));
            }
        });
    }

    // ------------------------------------------------------------------------------------
    // Restart markers (DRI/RSTm) and edge geometries: no third-party sample uses them, so a
    // minimal test-only encoder (single component, written from T.87 Annex A encoder steps)
    // produces codestreams for a round trip. This checks the decoder's marker/segment handling
    // and its symmetry with the encoder; conformance itself rests on the real files above.
    // ------------------------------------------------------------------------------------

    /** Minimal T.87 single-component encoder (lossless / near-lossless, optional DRI). */
    static final class TestEncoder {
        static final int[] J = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3,
            4, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10, 11, 12, 13, 14, 15};
        final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        final int maxval;
        final int near;
        final int range;
        final int qbpp;
        final int limit;
        final int t1;
        final int t2;
        final int t3;
        final int[] a = new int[367];
        final int[] b = new int[365];
        final int[] c = new int[365];
        final int[] n = new int[367];
        final int[] nn = new int[367];
        int runIndex;
        long acc;
        int accBits;
        int lastByte = -1;

        TestEncoder(int precision, int near) {
            this.maxval = (1 << precision) - 1;
            this.near = near;
            range = (maxval + 2 * near) / (2 * near + 1) + 1;
            qbpp = 32 - Integer.numberOfLeadingZeros(range - 1);
            int bpp = Math.max(2, 32 - Integer.numberOfLeadingZeros(maxval));
            limit = 2 * (bpp + Math.max(8, bpp));
            int[] t = JpegLsDecoder.defaultThresholds(maxval, near);
            t1 = t[0];
            t2 = t[1];
            t3 = t[2];
        }

        static byte[] encode(int[] img, int w, int h, int precision, int near, int restartInterval) {
            TestEncoder e = new TestEncoder(precision, near);
            e.bytes(0xFF, 0xD8, 0xFF, 0xF7, 0, 11, precision, h >> 8, h & 255, w >> 8, w & 255, 1, 7, 0x11, 0);
            if (restartInterval > 0) {
                e.bytes(0xFF, 0xDD, 0, 4, restartInterval >> 8, restartInterval & 255);
            }
            e.bytes(0xFF, 0xDA, 0, 8, 1, 7, 0, near, 0, 0);
            e.reset();
            int[] prev = new int[w + 2];
            int[] cur = new int[w + 2];
            int rst = 0;
            for (int y = 0; y < h; y++) {
                if (restartInterval > 0 && y > 0 && y % restartInterval == 0) {
                    e.flush();
                    e.bytes(0xFF, 0xD0 + (rst++ & 7));
                    e.reset();
                    Arrays.fill(prev, 0);
                    Arrays.fill(cur, 0);
                }
                e.line(img, y * w, w, prev, cur);
                int[] t = prev;
                prev = cur;
                cur = t;
            }
            e.flush();
            e.bytes(0xFF, 0xD9);
            return e.out.toByteArray();
        }

        void bytes(int... v) {
            for (int x : v) {
                out.write(x);
            }
        }

        void reset() {
            Arrays.fill(a, Math.max(2, (range + 32) / 64));
            Arrays.fill(n, 1);
            Arrays.fill(b, 0);
            Arrays.fill(c, 0);
            Arrays.fill(nn, 0);
            runIndex = 0;
        }

        void put(int value, int count) {
            for (int i = count - 1; i >= 0; i--) {
                acc = (acc << 1) | ((value >>> i) & 1);
                accBits++;
                int need = lastByte == 0xFF ? 7 : 8; // A.1 bit stuffing after 0xFF
                if (accBits == need) {
                    lastByte = (int) acc;
                    out.write(lastByte);
                    acc = 0;
                    accBits = 0;
                }
            }
        }

        void zeros(int count) {
            for (int i = 0; i < count; i++) {
                put(0, 1);
            }
        }

        void flush() {
            while (accBits != 0) {
                put(0, 1);
            }
            if (lastByte == 0xFF) {
                put(0, 7); // a data 0xFF must not be followed directly by a marker
            }
            lastByte = -1;
        }

        int quant(int d) {
            if (d <= -t3) {
                return -4;
            } else if (d <= -t2) {
                return -3;
            } else if (d <= -t1) {
                return -2;
            } else if (d < -near) {
                return -1;
            } else if (d <= near) {
                return 0;
            } else if (d < t1) {
                return 1;
            } else if (d < t2) {
                return 2;
            } else if (d < t3) {
                return 3;
            }
            return 4;
        }

        int quantiseError(int e) {
            int m = 2 * near + 1;
            return e > 0 ? (near + e) / m : -((near - e) / m);
        }

        int reduce(int e) {
            if (e < 0) {
                e += range;
            }
            if (e >= (range + 1) / 2) {
                e -= range;
            }
            return e;
        }

        int clampSample(int v) {
            return v < 0 ? 0 : Math.min(v, maxval);
        }

        void golomb(int k, int glimit, int v) {
            int hi = v >> k;
            if (hi < glimit - qbpp - 1) {
                zeros(hi);
                put(1, 1);
                put(v & ((1 << k) - 1), k);
            } else {
                zeros(glimit - qbpp - 1);
                put(1, 1);
                put(v - 1, qbpp);
            }
        }

        void line(int[] img, int base, int w, int[] prev, int[] cur) {
            cur[0] = prev[1];
            prev[w + 1] = prev[w];
            int x = 1;
            while (x <= w) {
                int ra = cur[x - 1];
                int rb = prev[x];
                int rc = prev[x - 1];
                int rd = prev[x + 1];
                int qs = 81 * quant(rd - rb) + 9 * quant(rb - rc) + quant(rc - ra);
                if (qs != 0) {
                    cur[x] = regular(qs, ra, rb, rc, img[base + x - 1]);
                    x++;
                    continue;
                }
                // run mode, A.7.1
                int cnt = 0;
                while (x + cnt <= w && Math.abs(img[base + x + cnt - 1] - ra) <= near) {
                    cur[x + cnt] = ra;
                    cnt++;
                }
                boolean eol = x + cnt > w;
                int rem = cnt;
                while (rem >= (1 << J[runIndex])) {
                    put(1, 1);
                    rem -= 1 << J[runIndex];
                    if (runIndex < 31) {
                        runIndex++;
                    }
                }
                x += cnt;
                if (eol) {
                    if (rem > 0) {
                        put(1, 1);
                    }
                    continue;
                }
                put(0, 1);
                put(rem, J[runIndex]);
                cur[x] = interruption(ra, prev[x], img[base + x - 1]);
                if (runIndex > 0) {
                    runIndex--;
                }
                x++;
            }
        }

        int regular(int qs, int ra, int rb, int rc, int ix) {
            int sign = qs < 0 ? -1 : 1;
            int q = Math.abs(qs);
            int px;
            if (rc >= Math.max(ra, rb)) {
                px = Math.min(ra, rb);
            } else if (rc <= Math.min(ra, rb)) {
                px = Math.max(ra, rb);
            } else {
                px = ra + rb - rc;
            }
            px = clampSample(px + sign * c[q]);
            int err = quantiseError(sign * (ix - px));
            int rx = clampSample(px + sign * err * (2 * near + 1));
            err = reduce(err);
            int k = 0;
            while ((n[q] << k) < a[q]) {
                k++;
            }
            int merr;
            if (near == 0 && k == 0 && 2 * b[q] <= -n[q]) {
                merr = err >= 0 ? 2 * err + 1 : -2 * (err + 1);
            } else {
                merr = err >= 0 ? 2 * err : -2 * err - 1;
            }
            golomb(k, limit, merr);
            b[q] += err * (2 * near + 1);
            a[q] += Math.abs(err);
            if (n[q] == 64) {
                a[q] >>= 1;
                b[q] = b[q] >= 0 ? b[q] >> 1 : -((1 - b[q]) >> 1);
                n[q] >>= 1;
            }
            n[q]++;
            if (b[q] <= -n[q]) {
                b[q] += n[q];
                if (c[q] > -128) {
                    c[q]--;
                }
                if (b[q] <= -n[q]) {
                    b[q] = -n[q] + 1;
                }
            } else if (b[q] > 0) {
                b[q] -= n[q];
                if (c[q] < 127) {
                    c[q]++;
                }
                if (b[q] > 0) {
                    b[q] = 0;
                }
            }
            return rx;
        }

        int interruption(int ra, int rb, int ix) {
            int riType = Math.abs(ra - rb) <= near ? 1 : 0;
            int px = riType == 1 ? ra : rb;
            int sign = riType == 0 && ra > rb ? -1 : 1;
            int err = quantiseError(sign * (ix - px));
            int rx = clampSample(px + sign * err * (2 * near + 1));
            err = reduce(err);
            int q = 365 + riType;
            int temp = a[q] + (riType == 1 ? n[q] >> 1 : 0);
            int k = 0;
            while ((n[q] << k) < temp) {
                k++;
            }
            boolean map = (k == 0 && err > 0 && 2 * nn[q] < n[q]) || (err < 0 && 2 * nn[q] >= n[q])
                    || (err < 0 && k != 0);
            int em = 2 * Math.abs(err) - riType - (map ? 1 : 0);
            golomb(k, limit - J[runIndex] - 1, em);
            if (err < 0) {
                nn[q]++;
            }
            a[q] += (em + 1 - riType) >> 1;
            if (n[q] == 64) {
                a[q] >>= 1;
                n[q] >>= 1;
                nn[q] >>= 1;
            }
            n[q]++;
            return rx;
        }
    }

    /** Smooth gradients, noise and flat patches (runs, run interruptions). */
    static int[] syntheticImage(int w, int h, int precision, long seed) {
        Random rnd = new Random(seed);
        int maxval = (1 << precision) - 1;
        int[] img = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int v;
                if (((x / 7) + (y / 5)) % 3 == 0) {
                    v = maxval / 3; // flat patch
                } else {
                    double s = 0.5 + 0.4 * Math.sin(x * 0.21 + y * 0.07) * Math.cos(y * 0.13);
                    v = (int) (s * maxval) + rnd.nextInt(Math.max(2, maxval / 40)) - maxval / 80;
                }
                if (rnd.nextInt(50) == 0) {
                    v = rnd.nextInt(maxval + 1); // outliers: escape codes
                }
                img[y * w + x] = Math.max(0, Math.min(maxval, v));
            }
        }
        return img;
    }

    @Test
    void roundTripsRestartIntervalsAndEdgeGeometries() throws CodecException {
        int[][] sizes = {{1, 1}, {1, 17}, {17, 1}, {2, 2}, {37, 23}, {64, 40}};
        int[] precisions = {2, 5, 8, 12, 16};
        int[] nears = {0, 1, 3};
        int[] restarts = {0, 1, 3, 7};
        long seed = 1;
        for (int[] size : sizes) {
            for (int precision : precisions) {
                for (int near : nears) {
                    if (near > ((1 << precision) - 1) / 2) {
                        continue;
                    }
                    for (int restart : restarts) {
                        int w = size[0];
                        int h = size[1];
                        int[] img = syntheticImage(w, h, precision, seed++);
                        byte[] cs = TestEncoder.encode(img, w, h, precision, near, restart);
                        String what = w + "x" + h + " P=" + precision + " NEAR=" + near + " RI=" + restart;
                        DecodedImage d = JpegLsDecoder.decode(cs, 0, cs.length);
                        assertEquals(w, d.width(), what);
                        assertEquals(h, d.height(), what);
                        for (int i = 0; i < img.length; i++) {
                            int diff = Math.abs(d.samples()[i] - img[i]);
                            if (diff > near) {
                                fail(what + ": sample " + i + " is " + d.samples()[i] + ", source " + img[i]);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void restartMarkerErrorsAreReported() throws CodecException {
        int[] img = syntheticImage(20, 12, 8, 99);
        byte[] cs = TestEncoder.encode(img, 20, 12, 8, 0, 4);
        assertArrayEquals(img, JpegLsDecoder.decode(cs, 0, cs.length).samples());
        // renumber the first RST0 to RST5: wrong restart marker sequence
        byte[] bad = cs.clone();
        int at = -1;
        for (int i = entropyStart(cs); i + 1 < cs.length; i++) {
            if ((cs[i] & 0xFF) == 0xFF && (cs[i + 1] & 0xFF) == 0xD0) {
                at = i;
                break;
            }
        }
        assertTrue(at > 0);
        bad[at + 1] = (byte) 0xD5;
        assertMessage(bad, "RST0");
        // without DRI the RST markers are unexpected
        byte[] noDri = new byte[cs.length - 6];
        int dri = 2 + 13; // after SOI and the 13-byte SOF55 segment
        assertEquals((byte) 0xDD, cs[dri + 1]);
        System.arraycopy(cs, 0, noDri, 0, dri);
        System.arraycopy(cs, dri + 6, noDri, dri, cs.length - dri - 6);
        assertEquals((byte) 0xDA, noDri[dri + 1]);
        assertThrows(CodecException.class, () -> JpegLsDecoder.decode(noDri, 0, noDri.length));
    }
}
