package org.clain.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.Deflater;
import org.clain.dicom.codec.CodecException;
import org.clain.dicom.codec.Jpeg2000Decoder;
import org.clain.study.Instance;
import org.clain.study.InstanceReader;
import org.clain.testdata.DicomBuilder;
import org.clain.testdata.Fuzzing;
import org.clain.testdata.Fuzzing.Allocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The reader's and the decoders' bounds (issue "Hostile and broken input"): a declared length
 * beyond the data is an error before any allocation; nesting depth, item and fragment counts are
 * bounded; decompressed sizes (deflate, RLE, JPEG-LS, JPEG 2000) are bounded by what the header
 * declares; a frame that cannot fit in the heap is refused. Every error names the file, the byte
 * offset and the reason.
 */
class LimitsTest {
    private static final Path FILE = Path.of("hostile", "limits.dcm");
    /** DicomReader.MAX_DEPTH, MAX_ITEMS, MAX_FRAGMENTS. */
    private static final int MAX_DEPTH = 32;
    private static final int MAX_ITEMS = 1 << 20;
    private static final int MAX_FRAGMENTS = 1 << 22;
    private static final int SQ_TAG = 0x00081115;
    private static final int PIXEL_DATA = 0x7FE00010;

    static {
        Dictionary.standard();
    }

    /**
     * Runs body twice and meters the allocations of the second run only: the first run of a code
     * path loads its classes on this thread, which depends on the tests that ran before.
     */
    private static void bounded(long bytes, String what, Executable body) throws Throwable {
        body.execute();
        Allocation alloc = Allocation.start(bytes);
        body.execute();
        alloc.check(what);
    }

    private static DicomException rejected(byte[] file) {
        DicomException e = assertThrows(DicomException.class, () -> DicomReader.read(FILE, file));
        Fuzzing.checkClean(e, FILE);
        assertTrue(e.offset() >= 0 && e.offset() <= file.length, "offset inside the file: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(FILE + ": at byte " + e.offset() + ": "), e.getMessage());
        return e;
    }

    @Test
    void declaredLengthBeyondTheDataIsAnErrorBeforeAnyAllocation() throws Throwable {
        // a bare dataset whose first element declares 2 GiB: nothing to tolerate, nothing allocated
        byte[] file = DicomBuilder.bare().header(0x00091010, "OB", 0x7FFFFFF0L).raw(new byte[64]).bytes();
        byte[] hostile = file;
        bounded(1 << 20, "2 GiB declared in a 76-byte file", () -> rejected(hostile));
        DicomException e = rejected(file);
        assertTrue(e.reason().contains("needs 2147483632 bytes, only 64 left"), e.reason());
        assertEquals(12, e.offset());

        // an item outside any sequence declaring more than remains
        file = DicomBuilder.part10(DicomBuilder.EXPLICIT_LE).string(0x00100010, "PN", "Doe^J")
                .item(0xFFFEE000, 0x7FFFFFF0L).raw(new byte[32]).bytes();
        e = rejected(file);
        assertTrue(e.reason().contains("needs 2147483632 bytes"), e.reason());
    }

    @Test
    void truncatedValuesAndSequencesAreReadTolerantlyWithinTheFile() throws Throwable {
        // a value, a sequence and an item longer than the file (edited or cut files): kept up to the end
        byte[] file = DicomBuilder.part10(DicomBuilder.EXPLICIT_LE).string(0x00100010, "PN", "Doe^J")
                .header(SQ_TAG, "SQ", 0x7FFFFFF0L).item(0x7FFFFFF0L).string(0x00081150, "UI", "1.2.3")
                .header(0x00091010, "OB", 0xFFFFFFF0L).raw(new byte[40]).bytes();
        bounded(1 << 20, "4 GiB declared in a 200-byte file", () -> DicomReader.read(FILE, file));
        DicomFile f = DicomReader.read(FILE, file);
        assertEquals("Doe^J", f.dataset().getString(0x00100010));
        assertTrue(f.warnings().stream().anyMatch(w -> w.contains("truncated")), f.warnings().toString());
        assertTrue(f.warnings().stream().anyMatch(w -> w.contains("read to the end")), f.warnings().toString());

        // a file that ends inside the 12-byte header of an OB element (8 bytes were all the loop checked)
        byte[] cut = DicomBuilder.part10(DicomBuilder.EXPLICIT_LE).string(0x00100010, "PN", "Doe^J")
                .raw(new byte[] {0x09, 0x00, 0x10, 0x10, 'O', 'B', 0, 0, 1}).bytes();
        DicomFile g = DicomReader.read(FILE, cut);
        assertEquals("Doe^J", g.dataset().getString(0x00100010));
        assertTrue(g.warnings().stream().anyMatch(w -> w.contains("inside its header")), g.warnings().toString());
    }

    @Test
    void nestingDepthIsBounded() {
        DicomBuilder b = DicomBuilder.part10(DicomBuilder.EXPLICIT_LE);
        for (int i = 0; i < MAX_DEPTH + 8; i++) {
            b.header(SQ_TAG, "SQ", DicomBuilder.UNDEFINED).item(DicomBuilder.UNDEFINED);
        }
        DicomException e = rejected(b.bytes());
        assertTrue(e.reason().contains("nested deeper than " + MAX_DEPTH), e.reason());

        // the same through UN of undefined length, read as implicit VR inside (PS3.5 6.2.2)
        b = DicomBuilder.part10(DicomBuilder.EXPLICIT_LE).header(0x00091010, "UN", DicomBuilder.UNDEFINED)
                .item(DicomBuilder.UNDEFINED);
        byte[] implicitUndefined = {0x09, 0x00, 0x11, 0x10, -1, -1, -1, -1};
        for (int i = 0; i < MAX_DEPTH + 8; i++) {
            b.raw(implicitUndefined).item(DicomBuilder.UNDEFINED);
        }
        e = rejected(b.bytes());
        assertTrue(e.reason().contains("nested deeper than"), e.reason());
    }

    @Test
    void itemCountIsBounded() {
        DicomBuilder b = DicomBuilder.part10(DicomBuilder.EXPLICIT_LE).header(SQ_TAG, "SQ", DicomBuilder.UNDEFINED);
        byte[] emptyItem = {(byte) 0xFE, (byte) 0xFF, 0x00, (byte) 0xE0, 0, 0, 0, 0};
        for (int i = 0; i <= MAX_ITEMS; i++) {
            b.raw(emptyItem);
        }
        DicomException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> rejected(b.sequenceEnd().bytes()));
        assertTrue(e.reason().contains("more than " + MAX_ITEMS + " sequence items"), e.reason());
    }

    @Test
    void fragmentCountIsBounded() {
        DicomBuilder b = DicomBuilder.part10(DicomBuilder.RLE).image(1, 1, 1, 8, 1)
                .header(PIXEL_DATA, "OB", DicomBuilder.UNDEFINED).item(0);
        byte[] emptyItem = {(byte) 0xFE, (byte) 0xFF, 0x00, (byte) 0xE0, 0, 0, 0, 0};
        for (int i = 0; i <= MAX_FRAGMENTS; i++) {
            b.raw(emptyItem);
        }
        DicomException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> rejected(b.sequenceEnd().bytes()));
        assertTrue(e.reason().contains("more than " + MAX_FRAGMENTS + " fragments"), e.reason());
    }

    @Test
    void numberOfFramesBeyondThePixelDataCostsNothing() throws Throwable {
        // native: 4 bytes of pixels, 2^31 - 1 frames declared
        byte[] nativeFile = DicomBuilder.part10(DicomBuilder.EXPLICIT_LE).image(2, 2, 1, 8, Integer.MAX_VALUE)
                .element(PIXEL_DATA, "OB", new byte[] {1, 2, 3, 4}).bytes();
        bounded(4 << 20, "2^31 frames declared, one held", () -> nativeFrames(nativeFile));

        // encapsulated: one RLE fragment, 2^31 - 1 frames declared (the frame list was presized with it)
        byte[] rle = new byte[64 + 6];
        rle[0] = 1;
        rle[4] = 64;
        rle[64] = 3; // 4 literal bytes
        rle[65] = 9;
        byte[] rleFile = DicomBuilder.part10(DicomBuilder.RLE).image(2, 2, 1, 8, Integer.MAX_VALUE).encapsulated(rle)
                .bytes();
        bounded(4 << 20, "2^31 encapsulated frames declared, one held", () -> encapsulatedFrames(rleFile));
    }

    private static void nativeFrames(byte[] file) throws DicomException {
        DicomFile f = DicomReader.read(FILE, file);
        PixelDecoder px = PixelDecoder.of(f);
        assertEquals(Integer.MAX_VALUE, px.frames());
        assertEquals(4, px.frame(0).length);
        DicomException e = assertThrows(DicomException.class, () -> px.frame(1));
        Fuzzing.checkClean(e, FILE);
        assertTrue(e.reason().contains("Pixel Data truncated: frame 1"), e.reason());
        Instance i = InstanceReader.of(f);
        assertEquals(1, i.slices().size());
        assertTrue(i.warnings().stream().anyMatch(w -> w.contains("Number of Frames is 2147483647")), i.warnings().toString());
    }

    private static void encapsulatedFrames(byte[] file) throws DicomException {
        DicomFile g = DicomReader.read(FILE, file);
        PixelDecoder rpx = PixelDecoder.of(g);
        assertEquals(4, rpx.frame(0).length);
        DicomException e = assertThrows(DicomException.class, () -> rpx.frame(1));
        Fuzzing.checkClean(e, FILE);
        assertTrue(e.reason().contains("frame 1 missing: encapsulated Pixel Data holds 1 frame(s)"), e.reason());
        assertTrue(e.offset() > 0, "offset of the Pixel Data: " + e.getMessage());
        assertEquals(1, InstanceReader.of(g).slices().size());
    }

    @Test
    void rleDecodesToTheHeaderSizeWhateverItsSegmentsHold() throws Throwable {
        // one segment repeating 128 x 7 many times over for a 2x2 frame
        byte[] rle = new byte[64 + 2 * 1000];
        rle[0] = 1;
        rle[4] = 64;
        for (int i = 64; i < rle.length; i += 2) {
            rle[i] = (byte) -127;
            rle[i + 1] = 7;
        }
        byte[] file = DicomBuilder.part10(DicomBuilder.RLE).image(2, 2, 1, 8, 1).encapsulated(rle).bytes();
        bounded(1 << 20, "RLE frame of 128000 runs for 4 pixels", () -> PixelDecoder.of(DicomReader.read(FILE, file)).frame(0));
        int[] v = PixelDecoder.of(DicomReader.read(FILE, file)).frame(0);
        assertEquals(4, v.length);
        assertEquals(7, v[3]);
    }

    @Test
    void deflatedFramesInflateToTheHeaderSizeAtMost() throws Throwable {
        // a frame that inflates to 16 MiB of zeros for a 4x4 8-bit header
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(new byte[16 << 20]);
        d.finish();
        byte[] buf = new byte[1 << 20];
        int n = d.deflate(buf);
        d.end();
        byte[] bomb = java.util.Arrays.copyOf(buf, n);
        byte[] file = DicomBuilder.part10(DicomBuilder.DEFLATED_IMAGE_FRAME).image(4, 4, 1, 8, 1).encapsulated(bomb)
                .bytes();
        byte[] bombFile = file;
        bounded(1 << 20, "deflate bomb of 16 MiB for a 16-byte frame",
                () -> PixelDecoder.of(DicomReader.read(FILE, bombFile)).frame(0));
        int[] v = PixelDecoder.of(DicomReader.read(FILE, file)).frame(0);
        assertEquals(16, v.length);

        // and a short one is reported, not padded
        d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(new byte[5]);
        d.finish();
        n = d.deflate(buf);
        d.end();
        byte[] shortFrame = java.util.Arrays.copyOf(buf, n);
        file = DicomBuilder.part10(DicomBuilder.DEFLATED_IMAGE_FRAME).image(4, 4, 1, 8, 1).encapsulated(shortFrame)
                .bytes();
        PixelDecoder px = PixelDecoder.of(DicomReader.read(FILE, file));
        DicomException e = assertThrows(DicomException.class, () -> px.frame(0));
        Fuzzing.checkClean(e, FILE);
        assertTrue(e.reason().contains("deflated frame 0 holds 5 bytes, expected 16"), e.reason());
        assertTrue(e.offset() > 0, e.getMessage());
    }

    @Test
    void codestreamsLargerThanTheHeaderAreRefusedBeforeDecoding() throws IOException {
        // 16x16 codestreams (seed inputs of the codec fuzz tests) under a 4x4 DICOM header; the
        // progressive JPEG goes to the Image I/O fallback, checked before Image I/O reads it
        for (String[] c : new String[][] {
                {DicomBuilder.JPEG_LS, "codec/JpegLsDecoderFuzzTestInputs/decode/seed-mono8_jls_f0.jls"},
                {DicomBuilder.JPEG_2000, "codec/Jpeg2000DecoderFuzzTestInputs/decode/seed-mono8_j2k_f0.j2k"},
                {"1.2.840.10008.1.2.4.50", "codec/JpegDecoderFuzzTestInputs/decode/seed-mono8_jpeg_baseline_f0.jpg"},
                {"1.2.840.10008.1.2.4.50", "codec/JpegDecoderFuzzTestInputs/decode/seed-mono8_jpeg_progressive_f0.jpg"}}) {
            byte[] cs;
            try (InputStream in = LimitsTest.class.getResourceAsStream(c[1])) {
                cs = in.readAllBytes();
            }
            byte[] file = DicomBuilder.part10(c[0]).image(4, 4, 1, 8, 1).encapsulated(cs).bytes();
            PixelDecoder px = PixelDecoder.of(DicomReader.read(FILE, file));
            DicomException e = assertThrows(DicomException.class, () -> px.frame(0));
            Fuzzing.checkClean(e, FILE);
            assertTrue(e.reason().contains("more than the 16 samples expected"), c[0] + ": " + e.reason());
            assertTrue(e.offset() > 132, "offset of the frame's item: " + e.getMessage());
        }
    }

    @Test
    void truncatedJpeg2000CodestreamsNeverHang() throws Throwable {
        // every prefix of a tiled codestream: JJ2000 looped for good on some (EOF read as one bits)
        byte[] cs;
        try (InputStream in = LimitsTest.class.getResourceAsStream(
                "codec/Jpeg2000DecoderFuzzTestInputs/decode/seed-opj_g8_tiles.j2k")) {
            cs = in.readAllBytes();
        }
        byte[] data = cs;
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int n = 0; n < data.length; n++) {
                try {
                    Jpeg2000Decoder.decode(data, 0, n);
                } catch (CodecException e) {
                    Fuzzing.checkClean(e);
                }
            }
        });
        // and FF FF in packet data (JJ2000 never moves past it)
        byte[] corrupt = cs.clone();
        int sod = 0;
        while (!(corrupt[sod] == (byte) 0xFF && corrupt[sod + 1] == (byte) 0x93)) {
            sod++;
        }
        corrupt[sod + 4] = (byte) 0xFF;
        corrupt[sod + 5] = (byte) 0xFF;
        CodecException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(CodecException.class, () -> Jpeg2000Decoder.decode(corrupt, 0, corrupt.length)));
        assertTrue(e.getMessage().contains("FF FF"), e.getMessage());

        // 65530 quality layers in a 300-byte codestream: JJ2000 sized every code-block's arrays by it
        byte[] layers = cs.clone();
        int cod = 0;
        while (!(layers[cod] == (byte) 0xFF && layers[cod + 1] == (byte) 0x52)) {
            cod++;
        }
        layers[cod + 6] = (byte) 0xFF;
        layers[cod + 7] = (byte) 0xFA;
        bounded(1 << 20, "65530 layers refused",
                () -> assertThrows(CodecException.class, () -> Jpeg2000Decoder.decode(layers, 0, layers.length)));
        e = assertThrows(CodecException.class, () -> Jpeg2000Decoder.decode(layers, 0, layers.length));
        assertTrue(e.getMessage().contains("65530 quality layers"), e.getMessage());
    }

    @Test
    void allocationsBeyondTheHeapAreRefusedWithTheReason() {
        DicomException e = assertThrows(DicomException.class,
                () -> Memory.check(FILE, 1234, Runtime.getRuntime().maxMemory() + (1L << 30), "frame 0"));
        assertEquals(1234, e.offset());
        assertTrue(e.getMessage().contains(FILE.toString()) && e.reason().contains("frame 0 needs")
                && e.reason().contains("heap available"), e.getMessage());
        e = assertThrows(DicomException.class, () -> Memory.checkArray(FILE, 99, 3L << 30, "deflated frame 0"));
        assertTrue(e.reason().contains("more than one array can hold"), e.reason());
        assertTrue(org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> {
            Memory.check(FILE, 0, 1 << 20, "small");
            return true;
        }));
    }
}
