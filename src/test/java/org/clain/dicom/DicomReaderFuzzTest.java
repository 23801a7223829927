package org.clain.dicom;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.clain.dicom.imageio.DicomImages;
import org.clain.testdata.Fuzzing;
import org.clain.testdata.Fuzzing.Allocation;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz targets over whole Part 10 files: {@link DicomReader#read(Path, byte[])}, the Scanner's
 * {@code InstanceReader.of}, then every frame through {@link PixelDecoder} (and, in the second
 * target, through the display pipeline as `clain export` renders it). Seeds: {@code DicomReaderFuzzTestInputs/} (small files of the shared
 * corpus, every transfer syntax, see tools/fuzz-seeds.py); findings: docs/FUZZING.md.
 */
class DicomReaderFuzzTest {
    private static final Path FILE = Path.of("fuzz", "input.dcm");
    private static final byte[] DEFLATE_UID = "1.2.840.10008.1.2.1.99".getBytes(StandardCharsets.US_ASCII);

    static {
        Fuzzing.warmUp(DicomReaderFuzzTest.class, input -> {
            decodeFrames(input);
            render(input);
        });
    }

    @FuzzTest(maxDuration = Fuzzing.MAX_DURATION)
    @Timeout(Fuzzing.TIMEOUT_S)
    void readAndDecodeFrames(byte[] input) {
        Fuzzing.quietly(DicomReaderFuzzTest::decodeFrames, input);
    }

    @FuzzTest(maxDuration = Fuzzing.MAX_DURATION)
    @Timeout(Fuzzing.TIMEOUT_S)
    void renderFrames(byte[] input) {
        Fuzzing.quietly(DicomReaderFuzzTest::render, input);
    }

    private static void decodeFrames(byte[] input) {
        Allocation alloc = Allocation.start(parseAllowance(input));
        DicomFile f = read(input, alloc);
        if (f == null) {
            return;
        }
        // what the Scanner makes of the header (slice geometry, functional groups): no exception at all
        org.clain.study.InstanceReader.of(f);
        alloc.check("instance");
        PixelDecoder px = decoder(f);
        if (px == null) {
            return;
        }
        ImagePixel p = px.pixel();
        long samples = p.samplesPerFrame();
        if (samples > Fuzzing.MAX_FUZZ_FRAME_SAMPLES) {
            return;
        }
        for (int i = 0; i < px.frames(); i++) {
            // the frame's ints, the stored bytes, the compressed copy, the codec's working set
            alloc.allow(64 * samples + 16L * input.length + (4 << 20));
            try {
                if (p.floatData() || p.doubleData()) {
                    px.referenceBytes(i);
                } else {
                    px.storedValues(i);
                }
            } catch (DicomException e) {
                Fuzzing.checkClean(e, FILE);
                break;
            }
            alloc.check("frame " + i);
        }
    }

    private static void render(byte[] input) {
        Allocation alloc = Allocation.start(parseAllowance(input));
        DicomFile f = read(input, alloc);
        if (f == null) {
            return;
        }
        PixelDecoder px = decoder(f);
        if (px == null) {
            return;
        }
        long samples = px.pixel().samplesPerFrame();
        if (samples > Fuzzing.MAX_FUZZ_FRAME_SAMPLES) {
            return;
        }
        for (int i = 0; i < px.frames(); i++) {
            // decoding as above, plus the image, the RGB ints and the LUTs (at most 3 x 65536 entries)
            alloc.allow(96 * samples + 16L * input.length + (8 << 20));
            try {
                DicomImages.render(f, i, null, null);
                DicomImages.render(f, i, 40.0, 400.0);
            } catch (DicomException e) {
                Fuzzing.checkClean(e, FILE);
                break;
            }
            alloc.check("render frame " + i);
        }
    }

    /** Parsing keeps element values (at most the input) plus bookkeeping; a deflated dataset inflates. */
    private static long parseAllowance(byte[] input) {
        // measured: about 100 bytes per input byte, up to three times that under Jazzer's hooks
        long a = (4 << 20) + 512L * input.length;
        if (indexOf(input, DEFLATE_UID) >= 0) {
            a += 3 * 1032L * input.length; // deflate's largest ratio, the growing buffer copied
        }
        return a;
    }

    private static DicomFile read(byte[] input, Allocation alloc) {
        try {
            DicomFile f = DicomReader.read(FILE, input);
            alloc.check("parse");
            return f;
        } catch (DicomException e) {
            Fuzzing.checkClean(e, FILE);
            alloc.check("rejection");
            return null;
        }
    }

    private static PixelDecoder decoder(DicomFile f) {
        try {
            return PixelDecoder.of(f);
        } catch (DicomException e) {
            Fuzzing.checkClean(e, FILE);
            return null;
        }
    }

    private static int indexOf(byte[] a, byte[] b) {
        outer:
        for (int i = 0; i + b.length <= a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                if (a[i + j] != b[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
