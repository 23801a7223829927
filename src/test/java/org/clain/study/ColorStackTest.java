package org.clain.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.clain.testdata.ExternalTool;
import org.clain.testdata.Ppm;
import org.clain.testdata.ReferenceHash;
import org.clain.testdata.SharedData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Colour stacks as the viewer shows them. Oracles: REFERENCE.tsv's hashes for RGB files (display
 * RGB is the stored samples there), and dcmtk's dcm2pnm, which converts palette and YBR images to
 * RGB on its own, for the others.
 */
class ColorStackTest {
    private static SliceStack stack(String relative) {
        StudyIndex index = Scanner.scan(List.of(SharedData.file(relative)));
        assertTrue(index.skipped().isEmpty(), () -> "skipped: " + index.skipped());
        return index.series().get(0).stacks().get(0);
    }

    /** 8-bit RGB files: every frame's display RGB, interleaved and in order, hashes to the reference. */
    @ParameterizedTest
    @ValueSource(strings = {"syntaxes/pydicom-data/US1_UNCR.dcm", "syntaxes/pydicom-test_files/SC_rgb_rle_2frame.dcm",
            "syntaxes/pydicom-data/color-pl.dcm", "syntaxes/pydicom-test_files/SC_rgb_jpeg_gdcm.dcm"})
    void rgbFramesHashToTheReference(String relative) throws Exception {
        Map<String, String> row = SharedData.referenceRow(relative).orElseThrow();
        assertTrue(SharedData.agreedByTwoOrMore(row), row.get("agree"));
        assertEquals("RGB", row.get("decoded_pi"));
        SliceStack st = stack(relative);
        assertTrue(ColorStack.isColor(st.series().instances().get(0)));
        ColorStack c = ColorStack.load(st, (d, t) -> { });
        int n = c.columns() * c.rows();
        int[] samples = new int[3 * n * c.size()];
        for (int z = 0; z < c.size(); z++) {
            int[] rgb = c.rgb(z);
            for (int i = 0; i < n; i++) {
                int at = 3 * (z * n + i);
                samples[at] = rgb[i] >> 16 & 0xFF;
                samples[at + 1] = rgb[i] >> 8 & 0xFF;
                samples[at + 2] = rgb[i] & 0xFF;
            }
        }
        assertEquals(row.get("sha256"), ReferenceHash.sha256(samples, 1), relative);
    }

    /**
     * Palette, YBR and 16-bit RGB images against dcm2pnm's RGB, frame by frame: exactly, but YBR within 2,
     * as dcmtk's integer conversion strays that far from the PS3.3 equations (see ybrFullByTheEquations).
     */
    @ParameterizedTest
    @ValueSource(strings = {"syntaxes/debian-misc/US-PAL-8-10x-echo.dcm", "syntaxes/pydicom-data/OBXXXX1A.dcm",
            "syntaxes/pydicom-data/OT-PAL-8-face.dcm", "syntaxes/pydicom-data/SC_ybr_full_uncompressed.dcm",
            "syntaxes/pydicom-test_files/SC_ybr_full_422_uncompressed.dcm", "syntaxes/pydicom-data/SC_rgb_16bit.dcm"})
    void convertedFramesMatchDcmtk(String relative, @TempDir Path tmp) throws Exception {
        Path dcm2pnm = ExternalTool.find("dcm2pnm").orElse(null);
        Assumptions.assumeTrue(dcm2pnm != null, "dcmtk's dcm2pnm is not installed");
        SliceStack st = stack(relative);
        ColorStack c = ColorStack.load(st, (d, t) -> { });
        int tolerance = relative.contains("ybr") ? 2 : 0;
        for (int z = 0; z < c.size(); z++) {
            SliceHeader h = st.slices().get(z);
            int[] expected = Ppm.dcm2pnm(dcm2pnm, h.path(), h.frame(), tmp, c.columns(), c.rows());
            int[] actual = c.rgb(z);
            for (int i = 0; i < expected.length; i++) {
                for (int shift = 0; shift <= 16; shift += 8) {
                    int e = expected[i] >> shift & 0xFF;
                    int a = actual[i] >> shift & 0xFF;
                    if (Math.abs(e - a) > tolerance) {
                        fail(relative + " frame " + z + " pixel " + i + ": " + Integer.toHexString(actual[i]) + ", dcmtk "
                                + Integer.toHexString(expected[i]));
                    }
                }
            }
        }
    }

    /**
     * PS3.3 C.7.6.3.1.2 YBR_FULL, worked by hand for the first stored pixel of SC_ybr_full_uncompressed
     * (Y 76, Cb 85, Cr 255): R = 76 + 1.402 * 127 = 254.05; G = 76 - 0.344136 * -43 - 0.714136 * 127 = 0.10;
     * B = 76 + 1.772 * -43 = -0.196, clamped to 0.
     */
    @Test
    void ybrFullByTheEquations() throws Exception {
        int[] rgb = ColorStack.decode(stack("syntaxes/pydicom-data/SC_ybr_full_uncompressed.dcm"), 0);
        assertEquals(254 << 16 | 0 << 8 | 0, rgb[0]);
    }

    /**
     * SC_rgb.dcm (RGB) and pylibjpeg's JPEGBaseline_1s_1f_u_08_08.dcm (MONOCHROME2) share a Series
     * Instance UID and a size: colour and grey frames go to separate stacks, each of which loads.
     */
    @Test
    void colourAndGreyOfOneSeriesAreSeparateStacks() throws Exception {
        StudyIndex index = Scanner.scan(List.of(SharedData.file("syntaxes/pydicom-data/SC_rgb.dcm"),
                SharedData.file("syntaxes/pylibjpeg-data/JPEGBaseline_1s_1f_u_08_08.dcm")));
        Series series = index.series().stream()
                .filter(s -> s.instances().stream().anyMatch(i -> i.path().endsWith("SC_rgb.dcm")))
                .findFirst().orElseThrow();
        assertTrue(series.instances().stream().anyMatch(i -> !ColorStack.isColor(i)), "the series mixes grey in");
        assertEquals(2, series.stacks().size());
        for (SliceStack st : series.stacks()) {
            long colour = st.slices().stream().filter(h -> ColorStack.isColor(st.instance(h))).count();
            assertTrue(colour == 0 || colour == st.size(), "stack mixes colour and grey: " + colour + "/" + st.size());
            if (colour > 0) {
                assertEquals(st.size(), ColorStack.load(st, (d, t) -> { }).size());
            } else {
                assertEquals(st.size(), VolumeLoader.load(st).nz());
            }
        }
    }

    /** Two copies of US1_UNCR, one cut in half: the stack loads, the cut frame black and named. */
    @Test
    void aTruncatedFrameIsLeftBlackNotTheStack(@TempDir Path tmp) throws Exception {
        Path whole = SharedData.file("syntaxes/pydicom-data/US1_UNCR.dcm");
        java.nio.file.Files.createSymbolicLink(tmp.resolve("a.dcm"), whole.toAbsolutePath());
        byte[] b = java.nio.file.Files.readAllBytes(whole);
        java.nio.file.Files.write(tmp.resolve("b.dcm"), java.util.Arrays.copyOf(b, b.length / 2));
        SliceStack st = Scanner.scan(List.of(tmp)).series().get(0).stacks().get(0);
        assertEquals(2, st.size());
        ColorStack c = ColorStack.load(st, (d, t) -> { });
        assertEquals(1, c.undecodedFrames().size(), c.undecodedFrames().toString());
        int bad = c.undecodedFrames().keySet().iterator().next();
        assertEquals("b.dcm", st.slices().get(bad).path().getFileName().toString());
        assertTrue(c.undecodedFrames().get(bad).contains("truncated"), c.undecodedFrames().get(bad));
        assertTrue(java.util.Arrays.stream(c.rgb(bad)).allMatch(v -> v == 0));
        assertEquals(ColorStack.decode(st, 1 - bad)[1234], c.rgb(1 - bad)[1234]);
        assertEquals(c.undecodedFrames(), c.luma(st).undecodedSlices(), "the luma volume names it too");
    }

    @Test
    void greyImagesAreNotColour() {
        SliceStack st = stack("real-mr/brain-tumor-progression_PGBM-001_T1post");
        assertFalse(ColorStack.isColor(st.series().instances().get(0)));
    }

    /**
     * The luma volume (ITU-R BT.601 weights 0.299, 0.587, 0.114, rounded) holds nothing until a
     * measurement reads it: a colour stack only looked at keeps three bytes a pixel.
     */
    @Test
    void lumaIsComputedWhenFirstRead() throws Exception {
        SliceStack st = stack("syntaxes/pydicom-data/US1_UNCR.dcm");
        ColorStack c = ColorStack.load(st, (done, total) -> { });
        Volume luma = c.luma(st);
        assertEquals(0, luma.voxelBytes(), "no luma before it is read");
        int x = 321;
        int y = 123;
        int rgb = c.rgb(0)[y * c.columns() + x];
        int expected = (299 * (rgb >> 16 & 0xFF) + 587 * (rgb >> 8 & 0xFF) + 114 * (rgb & 0xFF) + 500) / 1000;
        assertEquals(expected, luma.stored(x, y, 0));
        assertEquals(2L * c.columns() * c.rows() * c.size(), luma.voxelBytes());
    }
}
