package org.clain.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.clain.dicom.Attributes;
import org.clain.dicom.CieLab;
import org.clain.dicom.DicomException;
import org.clain.dicom.Part10Writer;
import org.clain.dicom.Tag;
import org.clain.dicom.VR;
import org.clain.geom.Vec3;
import org.clain.testdata.MonochromePixels;
import org.clain.testdata.SegWriter;
import org.clain.testdata.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DICOM Segmentations read and laid onto images by position. */
class SegmentationTest {
    private static final String FRAME = "1.2.826.0.1.3680043.10.543.80";

    /**
     * liver.dcm (QIICR, dcmqi): one segment "Liver" in 3 frames of 512x512 at 0.810547 mm, 1 mm apart.
     * pydicom's pixel_array counts 36233, 35645 and 35220 set pixels in the three frames.
     */
    @Test
    void liverSegmentationAsPydicomCountsIt() throws Exception {
        Instance in = InstanceReader.read(SharedData.file("syntaxes/pydicom-data/liver.dcm"));
        Segmentation seg = Segmentation.read(in);
        assertEquals(1, seg.segments().size());
        Segmentation.Segment liver = seg.segments().get(0);
        assertEquals("Liver", liver.label());
        assertEquals("Liver", liver.type());
        assertEquals((36233 + 35645 + 35220) * 0.810547 * 0.810547 * 1.0, liver.volumeMm3(), 1e-6);
        assertEquals(CieLab.dicomToRgb(41661, 41167, 40792), liver.rgb());
        assertTrue(seg.referencedSeries().contains("1.2.392.200103.20080913.113635.1.2009.6.22.21.43.10.23430.1"));
        // an image on the second frame's plane shows that frame's 35645 pixels
        SliceHeader second = in.slices().get(1);
        assertEquals(35645, count(seg.labels(second), 1));
        // 2 mm beyond the last frame: nothing
        SliceHeader away = at(second, second.position().plus(new Vec3(0, 0, 3)));
        assertNull(seg.labels(away));
        assertTrue(seg.appliesTo("any", in.frameOfReferenceUid()));
        assertFalse(seg.appliesTo("any", "1.2.3"));
    }

    @Test
    void notASegmentation() throws Exception {
        Instance ct = InstanceReader.read(SharedData.file("syntaxes/pydicom-test_files/CT_small.dcm"));
        assertThrows(DicomException.class, () -> Segmentation.read(ct));
    }

    /**
     * A segmentation on a 2 mm grid laid on 1 mm images with the same first pixel centre: the 4x4
     * frame pixels (2..5, 2..5) cover image pixels c with round(c / 2) in 2..5, c = 3..10: 8x8.
     */
    @Test
    void coarserGridIsResampled(@TempDir Path tmp) throws Exception {
        boolean[] square = square();
        Path file = tmp.resolve("seg.dcm");
        SegWriter.write(file, FRAME, null, 8, 8, 2.0, List.of(new SegWriter.Frame(1, new Vec3(0, 0, 10), square)));
        Segmentation seg = Segmentation.read(InstanceReader.read(file));
        SliceHeader image = axial(16, 1.0, 10.0);
        int[] labels = seg.labels(image);
        assertEquals(64, count(labels, 1));
        for (int r = 0; r < 16; r++) {
            for (int c = 0; c < 16; c++) {
                boolean in = r >= 3 && r <= 10 && c >= 3 && c <= 10;
                assertEquals(in ? 1 : 0, labels[r * 16 + c], "pixel " + c + "," + r);
            }
        }
        // its volume: 16 pixels of 2 x 2 mm, frames 2.5 mm apart (Spacing Between Slices)
        assertEquals(16 * 4 * 2.5, seg.segments().get(0).volumeMm3(), 1e-9);
    }

    /**
     * A reformat across the frames: the 2 mm square (frame pixels 2..5) on frames at z = 0, 2.5 and
     * 5 mm, cut by a coronal plane at y = 8 mm (frame row 4) with 1 mm pixels, x = c, z = r - 2: in
     * where round(x / 2) is 2..5 (c = 3..10) and z is within half the 2.5 mm spacing of a frame
     * (z = -1..6, r = 1..8).
     */
    @Test
    void reformatAcrossFrames(@TempDir Path tmp) throws Exception {
        boolean[] square = square();
        Path file = tmp.resolve("stack.dcm");
        List<SegWriter.Frame> frames = new java.util.ArrayList<>();
        for (double z : new double[] {0, 2.5, 5}) {
            frames.add(new SegWriter.Frame(1, new Vec3(0, 0, z), square));
        }
        SegWriter.write(file, FRAME, null, 8, 8, 2.0, frames);
        Segmentation seg = Segmentation.read(InstanceReader.read(file));
        int[] coronal = seg.labels(new Vec3(0, 8, -2), new Vec3(1, 0, 0), new Vec3(0, 0, 1), 16, 10);
        for (int r = 0; r < 10; r++) {
            for (int c = 0; c < 16; c++) {
                boolean in = c >= 3 && c <= 10 && r >= 1 && r <= 8;
                assertEquals(in ? 1 : 0, coronal[r * 16 + c], "pixel " + c + "," + r);
            }
        }
        // on an axial image the general lookup and the image's own agree
        SliceHeader image = axial(16, 1.0, 2.5);
        assertArrayEquals(seg.labels(image), seg.labels(image.position(), new Vec3(1, 0, 0), new Vec3(0, 1, 0), 16, 16));
        assertNull(seg.labels(new Vec3(0, 8, 20), new Vec3(1, 0, 0), new Vec3(0, 1, 0), 16, 16));
    }

    /** Two segments on the same plane: each where it is, the higher number where both are. */
    @Test
    void overlappingSegments(@TempDir Path tmp) throws Exception {
        boolean[] left = new boolean[4 * 4];
        boolean[] top = new boolean[4 * 4];
        for (int i = 0; i < 16; i++) {
            left[i] = i % 4 < 2;
            top[i] = i / 4 < 2;
        }
        Path file = tmp.resolve("two.dcm");
        SegWriter.write(file, FRAME, null, 4, 4, 1.0, List.of(new SegWriter.Frame(1, Vec3.ZERO, left),
                new SegWriter.Frame(2, Vec3.ZERO, top)));
        Segmentation seg = Segmentation.read(InstanceReader.read(file));
        assertEquals(2, seg.segments().size());
        int[] labels = seg.labels(axial(4, 1.0, 0));
        assertEquals(2, labels[0]);
        assertEquals(1, labels[2 * 4]);
        assertEquals(2, labels[3]);
        assertEquals(0, labels[3 * 4 + 3]);
        // on the frames' grid the runs are painted: the same as looking each pixel up, also for an
        // image one pixel right and down of the frames (its pixel (c, r) is their (c + 1, r + 1))
        assertArrayEquals(seg.labels(Vec3.ZERO, new Vec3(1, 0, 0), new Vec3(0, 1, 0), 4, 4), labels);
        SliceHeader shifted = at(axial(4, 1.0, 0), new Vec3(1, 1, 0));
        int[] moved = seg.labels(shifted);
        assertArrayEquals(seg.labels(new Vec3(1, 1, 0), new Vec3(1, 0, 0), new Vec3(0, 1, 0), 4, 4), moved);
        assertEquals(labels[1 * 4 + 1], moved[0]);
        assertEquals(0, moved[3], "beyond the frames' last column");
    }

    /** FRACTIONAL: a pixel is in from half the Maximum Fractional Value (255: 128 and above). */
    @Test
    void fractionalFramesAreThresholdedAtHalf(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("frac.dcm");
        int[] values = {0, 127, 128, 255};
        Attributes ds = SegWriter.header(FRAME, null, 2, 2, 1.0, "FRACTIONAL", 1);
        MonochromePixels.set(ds, 2, 2, 8);
        ds.setInts(Tag.MaximumFractionalValue, VR.US, 255);
        byte[] px = new byte[4];
        for (int i = 0; i < 4; i++) {
            px[i] = (byte) values[i];
        }
        ds.setSequence(Tag.PerFrameFunctionalGroupsSequence, List.of(SegWriter.frameGroups(ds, 1, Vec3.ZERO)));
        ds.setBytes(Tag.PixelData, VR.OB, px);
        Part10Writer.write(file, ds);
        int[] labels = Segmentation.read(InstanceReader.read(file)).labels(axial(2, 1.0, 0));
        assertEquals(List.of(0, 0, 1, 1), List.of(labels[0], labels[1], labels[2], labels[3]));
    }

    /**
     * A LABELMAP segmentation (Supplement 243): each pixel the number of its segment, numbers need
     * not run 1, 2, 3; two 4x4 frames 2.5 mm apart on a 1 mm grid. Segment 2 has 4 + 3 pixels, 5 has
     * 2 + 0, 9 has 0 + 1: volumes 7, 2 and 1 x 2.5 mm3.
     */
    @Test
    void labelMapFramesHoldEverySegment(@TempDir Path tmp) throws Exception {
        int[] lower = {
            2, 2, 0, 0,
            2, 2, 0, 5,
            0, 0, 0, 5,
            0, 0, 0, 0};
        int[] upper = {
            0, 0, 0, 0,
            0, 2, 2, 0,
            0, 2, 0, 0,
            0, 0, 0, 9};
        Path file = tmp.resolve("labelmap.dcm");
        Attributes ds = SegWriter.labelMap(FRAME, 4, 4, 1.0, new int[] {2, 5, 9},
                List.of(new Vec3(0, 0, 0), new Vec3(0, 0, 2.5)));
        ds.setBytes(Tag.PixelData, VR.OW, SegWriter.words(lower, upper));
        Part10Writer.write(file, ds);
        Instance in = InstanceReader.read(file);
        assertTrue(Segmentation.isSegmentation(in));
        Segmentation seg = Segmentation.read(in);
        assertEquals(List.of(2, 5, 9), seg.segments().stream().map(Segmentation.Segment::number).toList());
        assertEquals(List.of(7 * 2.5, 2 * 2.5, 1 * 2.5),
                seg.segments().stream().map(Segmentation.Segment::volumeMm3).toList());
        assertArrayEquals(lower, seg.labels(axial(4, 1.0, 0)));
        assertArrayEquals(upper, seg.labels(axial(4, 1.0, 2.5)));
        // one segment alone, through the general-plane lookup
        assertArrayEquals(new int[] {5, 5}, java.util.Arrays.stream(
                seg.labels(Vec3.ZERO, new Vec3(1, 0, 0), new Vec3(0, 1, 0), 4, 4, 5)).filter(v -> v != 0).toArray());
    }

    /**
     * The same two segments written as BINARY (a frame per segment) and as a LABELMAP: the same
     * labels on every pixel of an oblique reformat through both frames, and the same volumes.
     */
    @Test
    void labelMapAndBinaryAgree(@TempDir Path tmp) throws Exception {
        boolean[] one = square();
        boolean[] two = new boolean[64];
        for (int i = 0; i < 64; i++) {
            two[i] = !one[i] && (i % 8 + i / 8) % 3 == 0;
        }
        int[] values = new int[64];
        for (int i = 0; i < 64; i++) {
            values[i] = one[i] ? 1 : two[i] ? 2 : 0;
        }
        Path binary = tmp.resolve("binary.dcm");
        Vec3 z0 = new Vec3(0, 0, 0);
        Vec3 z1 = new Vec3(0, 0, 2.5);
        SegWriter.write(binary, FRAME, null, 8, 8, 2.0, List.of(new SegWriter.Frame(1, z0, one),
                new SegWriter.Frame(2, z0, two), new SegWriter.Frame(1, z1, one), new SegWriter.Frame(2, z1, two)));
        Path labels = tmp.resolve("labels.dcm");
        Attributes ds = SegWriter.labelMap(FRAME, 8, 8, 2.0, new int[] {1, 2}, List.of(z0, z1));
        ds.setBytes(Tag.PixelData, VR.OW, SegWriter.words(values, values));
        Part10Writer.write(labels, ds);
        Segmentation a = Segmentation.read(InstanceReader.read(binary));
        Segmentation b = Segmentation.read(InstanceReader.read(labels));
        assertEquals(a.segments().stream().map(Segmentation.Segment::volumeMm3).toList(),
                b.segments().stream().map(Segmentation.Segment::volumeMm3).toList());
        Vec3 origin = new Vec3(-1, -1, -1);
        Vec3 stepC = new Vec3(0.7, 0.1, 0.05);
        Vec3 stepR = new Vec3(0.1, 0.7, 0.1);
        int[] la = a.labels(origin, stepC, stepR, 24, 24);
        assertArrayEquals(la, b.labels(origin, stepC, stepR, 24, 24));
        assertTrue(count(la, 1) > 0 && count(la, 2) > 0, "the reformat crosses both segments");
    }

    /**
     * The fuzz seeds written by pydicom (tools/fuzz-seeds-seg.py): a LABELMAP with the lesion (2)
     * over the liver (1) on three planes, and the same disks as BINARY frames. pydicom's
     * pixel_array of the label map counts 60 pixels of 1 and 27 of 2 (voxels 1.5 x 1.5 x 2 mm);
     * the binary liver frames hold both (87). Every plane shows the same labels either way.
     */
    @Test
    void pydicomLabelMapMatchesItsBinaryTwin() throws Exception {
        Path seeds = Path.of("src/test/resources/org/clain/study/SegmentationFuzzTestInputs/readAndLay");
        Segmentation labels = Segmentation.read(InstanceReader.read(seeds.resolve("seed-seg-labelmap")));
        Segmentation binary = Segmentation.read(InstanceReader.read(seeds.resolve("seed-seg-binary")));
        assertEquals(List.of(60 * 4.5, 27 * 4.5), labels.segments().stream().map(Segmentation.Segment::volumeMm3).toList());
        assertEquals(List.of(87 * 4.5, 27 * 4.5), binary.segments().stream().map(Segmentation.Segment::volumeMm3).toList());
        for (double z : new double[] {-2, 0, 2}) {
            Vec3 origin = new Vec3(-6, -6, z);
            int[] expected = binary.labels(origin, new Vec3(1.5, 0, 0), new Vec3(0, 1.5, 0), 8, 8);
            assertArrayEquals(expected, labels.labels(origin, new Vec3(1.5, 0, 0), new Vec3(0, 1.5, 0), 8, 8));
            assertEquals(List.of(20, 9), List.of(count(expected, 1), count(expected, 2)), "plane z = " + z);
        }
    }

    /**
     * A label map's background is its Pixel Padding Value (here 7, so 0 is a segment), and a
     * PALETTE COLOR label map takes its segments' colours from the palette at their numbers when no
     * Recommended Display CIELab Value is given.
     */
    @Test
    void labelMapBackgroundAndPalette(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("palette.dcm");
        Attributes ds = SegWriter.labelMap(FRAME, 2, 2, 1.0, new int[] {1, 2}, List.of(Vec3.ZERO));
        ds.setInts(Tag.PixelPaddingValue, VR.US, 7);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "PALETTE COLOR");
        for (int tag : new int[] {Tag.RedPaletteColorLookupTableDescriptor, Tag.GreenPaletteColorLookupTableDescriptor,
                Tag.BluePaletteColorLookupTableDescriptor}) {
            ds.setInts(tag, VR.US, 8, 0, 16);
        }
        // entry 1 is pure red, entry 2 pure blue (16-bit entries)
        ds.setBytes(Tag.RedPaletteColorLookupTableData, VR.OW, SegWriter.words(new int[] {0, 0xFFFF, 0, 0, 0, 0, 0, 0}));
        ds.setBytes(Tag.GreenPaletteColorLookupTableData, VR.OW, SegWriter.words(new int[8]));
        ds.setBytes(Tag.BluePaletteColorLookupTableData, VR.OW, SegWriter.words(new int[] {0, 0, 0xFFFF, 0, 0, 0, 0, 0}));
        ds.setBytes(Tag.PixelData, VR.OW, SegWriter.words(new int[] {7, 1, 2, 7}));
        Part10Writer.write(file, ds);
        Segmentation seg = Segmentation.read(InstanceReader.read(file));
        assertArrayEquals(new int[] {0, 1, 2, 0}, seg.labels(axial(2, 1.0, 0)));
        assertEquals(0xFF0000, seg.segments().get(0).rgb());
        assertEquals(0x0000FF, seg.segments().get(1).rgb());
    }

    /** Segmentation types this reader does not know are refused by name, not misread. */
    @Test
    void unknownTypesAreRefused(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("heightmap.dcm");
        Attributes ds = SegWriter.header(FRAME, null, 2, 2, 1.0, "HEIGHTMAP", 1);
        MonochromePixels.set(ds, 2, 2, 8);
        ds.setSequence(Tag.PerFrameFunctionalGroupsSequence, List.of(SegWriter.frameGroups(ds, 1, Vec3.ZERO)));
        ds.setBytes(Tag.PixelData, VR.OB, new byte[] {0, 1, 1, 0});
        Part10Writer.write(file, ds);
        DicomException e = assertThrows(DicomException.class, () -> Segmentation.read(InstanceReader.read(file)));
        assertTrue(e.getMessage().contains("HEIGHTMAP"), e.getMessage());
    }

    /** sRGB red is L* 53.2408, a* 80.0925, b* 67.2032 under D65 (CIE 15 colorimetry), white L* 100. */
    @Test
    void cieLabToSrgb() {
        assertEquals(0xFF0000, CieLab.labToRgb(53.2408, 80.0925, 67.2032));
        assertEquals(0xFFFFFF, CieLab.dicomToRgb(0xFFFF, 0x8080, 0x8080));
        assertEquals(0x000000, CieLab.dicomToRgb(0, 0x8080, 0x8080));
    }

    /** An 8 x 8 frame with its pixels (2..5, 2..5) set. */
    private static boolean[] square() {
        boolean[] square = new boolean[8 * 8];
        for (int v = 2; v <= 5; v++) {
            for (int u = 2; u <= 5; u++) {
                square[v * 8 + u] = true;
            }
        }
        return square;
    }

    private static int count(int[] labels, int segment) {
        int n = 0;
        for (int l : labels) {
            n += l == segment ? 1 : 0;
        }
        return n;
    }

    private static SliceHeader axial(int n, double spacing, double z) {
        return new SliceHeader(Path.of("image"), 0, "1.2.3", 1, new Vec3(0, 0, z), new Vec3(1, 0, 0), new Vec3(0, 1, 0),
                spacing, spacing, PixelSpacingSource.PATIENT, spacing, n, n, 1, 0, null, null, false);
    }

    private static SliceHeader at(SliceHeader h, Vec3 position) {
        return new SliceHeader(h.path(), 0, "1.2.3", 1, position, h.rowDirection(), h.columnDirection(), h.rowSpacing(),
                h.columnSpacing(), h.spacingSource(), h.sliceThickness(), h.rows(), h.columns(), 1, 0, null, null, false);
    }

}
