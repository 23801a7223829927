package org.clain.dicom.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.clain.dicom.DicomException;
import org.clain.dicom.DicomReader;
import org.clain.dicom.PixelDecoder;
import org.clain.dicom.TransferSyntax;
import org.clain.testdata.ExternalTool;
import org.clain.testdata.SharedData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Progressive JPEG (SOF2: DICOM's retired JPEG Spectral Selection .53 and Full Progression .55)
 * against dcmtk's IJG decoder. Corpus images are compressed by {@code dcmcjpeg} in both processes,
 * 8- and 12-bit, grey and colour, subsampled, multi-frame; JDK-written progressive streams with
 * restart intervals are wrapped by {@code img2dcm}. Every frame as Clain decodes the compressed file
 * must equal Clain's reading of {@code dcmdjpeg}'s uncompressed output (native reading is checked
 * against REFERENCE.tsv by ReferenceCorpusTest).
 */
class JpegProgressiveTest {
    static Stream<Arguments> dcmcjpegVariants() {
        String grey8 = "syntaxes/debian-misc/simpleImageWithIcon.dcm";
        String ct = "syntaxes/pydicom-test_files/CT_small.dcm";
        String us = "syntaxes/pydicom-data/US1_UNCR.dcm";
        return Stream.of(
                Arguments.of(grey8, "+es", TransferSyntax.JPEG_SPECTRAL_SELECTION),
                Arguments.of(grey8, "+ep", TransferSyntax.JPEG_FULL_PROGRESSION),
                Arguments.of(ct, "+es", TransferSyntax.JPEG_SPECTRAL_SELECTION), // 12-bit
                Arguments.of(ct, "+ep", TransferSyntax.JPEG_FULL_PROGRESSION),
                Arguments.of("syntaxes/pydicom-data/emri_small.dcm", "+ep", TransferSyntax.JPEG_FULL_PROGRESSION),
                Arguments.of(us, "+ep", TransferSyntax.JPEG_FULL_PROGRESSION), // YCbCr 4:2:2
                Arguments.of(us, "+ep +cr", TransferSyntax.JPEG_FULL_PROGRESSION), // RGB
                Arguments.of(us, "+es +n1", TransferSyntax.JPEG_SPECTRAL_SELECTION), // 4:1:1
                Arguments.of(us, "+ep +bt", TransferSyntax.JPEG_FULL_PROGRESSION), // 12-bit colour
                Arguments.of("syntaxes/pydicom-test_files/SC_rgb_small_odd.dcm", "+ep +s4",
                        TransferSyntax.JPEG_FULL_PROGRESSION));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("dcmcjpegVariants")
    void dcmcjpegEncodings(String source, String options, TransferSyntax expected, @TempDir Path tmp)
            throws Exception {
        Path src = SharedData.file(source);
        Assumptions.assumeTrue(Files.isRegularFile(src), "shared data not found: " + src);
        Path compressed = tmp.resolve("c.dcm");
        List<String> cmd = new ArrayList<>(List.of(tool("dcmcjpeg").toString()));
        cmd.addAll(List.of(options.split(" ")));
        cmd.addAll(List.of(src.toString(), compressed.toString()));
        run(cmd);
        assertEquals(expected, DicomReader.read(compressed).transferSyntax());
        assertSameAsDcmdjpeg(compressed, tmp);
    }

    /** Restart intervals reset the DC predictions and the end-of-band run (T.81 G.1.2.2, E.2.4). */
    @ParameterizedTest(name = "{0}, restart every {1} MCUs")
    @CsvSource({"grey, 3", "grey, 1", "colour, 2"})
    void restartIntervals(String kind, int interval, @TempDir Path tmp) throws Exception {
        BufferedImage bi = JpegDecoderTest.synthetic(75, 53,
                kind.equals("grey") ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        byte[] jpeg = JpegDecoderTest.jdkJpeg(bi, null, interval, true);
        assertTrue(JpegDecoderTest.hasMarker(jpeg, 0xC2) && JpegDecoderTest.hasMarker(jpeg, 0xD0),
                "progressive with RSTn markers");
        Path jpg = tmp.resolve("p.jpg");
        Files.write(jpg, jpeg);
        Path dcm = tmp.resolve("p.dcm");
        run(List.of(tool("img2dcm").toString(), jpg.toString(), dcm.toString()));
        assertEquals(TransferSyntax.JPEG_FULL_PROGRESSION, DicomReader.read(dcm).transferSyntax());
        assertSameAsDcmdjpeg(dcm, tmp);
    }

    private static void assertSameAsDcmdjpeg(Path compressed, Path tmp) throws Exception {
        Path plain = tmp.resolve("plain.dcm");
        run(List.of(tool("dcmdjpeg").toString(), "+cn", compressed.toString(), plain.toString()));
        int[] theirs = frames(plain);
        int[] mine = frames(compressed);
        assertEquals(theirs.length, mine.length);
        assertArrayEquals(theirs, mine, "Clain's decoding against dcmdjpeg's");
    }

    private static int[] frames(Path file) throws DicomException {
        PixelDecoder dec = PixelDecoder.of(DicomReader.read(file));
        List<int[]> all = new ArrayList<>();
        int n = 0;
        for (int f = 0; f < dec.frames(); f++) {
            int[] v = dec.storedValues(f);
            all.add(v);
            n += v.length;
        }
        int[] out = new int[n];
        int at = 0;
        for (int[] v : all) {
            System.arraycopy(v, 0, out, at, v.length);
            at += v.length;
        }
        return out;
    }

    private static Path tool(String name) {
        Path p = ExternalTool.find(name).orElse(null);
        Assumptions.assumeTrue(p != null, "dcmtk's " + name + " is not installed");
        return p;
    }

    private static void run(List<String> cmd) throws IOException, InterruptedException {
        ExternalTool.Result r = ExternalTool.run(cmd);
        assertEquals(0, r.exitCode(), String.join(" ", cmd) + ": " + r.all());
    }
}
