package org.clain.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.clain.dicom.DicomException;
import org.clain.geom.Vec3;
import org.clain.testdata.RtStructWriter;
import org.clain.testdata.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RT Structure Sets written by the test: "GTV", a 20 mm square (400 mm2) at z = 0, 3 and 6 mm in
 * red, so 3 x 400 mm2 x 3 mm = 3600 mm3; "Needle", an open line; "Empty", no contour.
 */
class StructureSetTest {
    private static final String FRAME = "1.2.826.0.1.3680043.10.543.91";

    private static StructureSet write(Path tmp) throws Exception {
        Path file = tmp.resolve("rtstruct.dcm");
        RtStructWriter.write(file, FRAME, FRAME + ".1", List.of(
                new RtStructWriter.Roi(1, "GTV", new int[] {255, 0, 0}, List.of(RtStructWriter.square(0, 0, 0, 20),
                        RtStructWriter.square(0, 0, 3, 20), RtStructWriter.square(0, 0, 6, 20))),
                new RtStructWriter.Roi(2, "Needle", null, List.of(new RtStructWriter.Contour("OPEN_PLANAR",
                        List.of(new Vec3(-5, 0, 3), new Vec3(5, 0, 3))))),
                new RtStructWriter.Roi(3, "Empty", null, List.of())));
        return StructureSet.read(InstanceReader.read(file));
    }

    private static SliceHeader axial(double z, double thickness) {
        return new SliceHeader(Path.of("image"), 0, "1.2.3", 1, new Vec3(-20, -20, z), new Vec3(1, 0, 0),
                new Vec3(0, 1, 0), 0.5, 0.5, PixelSpacingSource.PATIENT, thickness, 80, 80, 1, 0, null, null, false);
    }

    @Test
    void structuresVolumesAndColours(@TempDir Path tmp) throws Exception {
        StructureSet set = write(tmp);
        assertEquals(FRAME, set.frameOfReferenceUid());
        assertEquals(3, set.structures().size());
        StructureSet.Structure gtv = set.structures().get(0);
        assertEquals("GTV", gtv.name());
        assertEquals(0xFF0000, gtv.rgb());
        assertEquals(3600, gtv.volumeMm3(), 1e-9);
        assertTrue(Double.isNaN(set.structures().get(1).volumeMm3()), "an open line has no volume");
        assertTrue(Double.isNaN(set.structures().get(2).volumeMm3()));
    }

    /**
     * Nested contours of one plane by the even-odd rule: a 20 mm square with a 10 mm square hole
     * and a 4 mm island in the hole, on planes 3 mm apart: (400 - 100 + 16) mm2 x 3 mm x 2 planes.
     * The contours are listed inner first, to show the order does not matter.
     */
    @Test
    void nestedContoursAreHolesAndIslands(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("ring.dcm");
        List<RtStructWriter.Contour> contours = new java.util.ArrayList<>();
        for (double z : new double[] {0, 3}) {
            contours.add(RtStructWriter.square(1, 1, z, 4));
            contours.add(RtStructWriter.square(1, 1, z, 10));
            contours.add(RtStructWriter.square(0, 0, z, 20));
        }
        RtStructWriter.write(file, FRAME, FRAME + ".1", List.of(new RtStructWriter.Roi(1, "Ring", null, contours)));
        StructureSet set = StructureSet.read(InstanceReader.read(file));
        assertEquals((400 - 100 + 16) * 3 * 2, set.structures().get(0).volumeMm3(), 1e-9);
    }

    /**
     * On an image at z = 3 mm (0.5 mm pixels from (-20, -20)): the square at pixels 20..60 and the
     * needle from 30 to 50 on row 40; at z = 1.6 mm with 3 mm slices (within 1.5 mm of z = 3) the
     * same; at z = 1.4 mm only the square of z = 0; at z = 10 mm nothing.
     */
    @Test
    void contoursOnAnImage(@TempDir Path tmp) throws Exception {
        StructureSet set = write(tmp);
        List<StructureSet.Drawn> at3 = set.on(axial(3, 3));
        assertEquals(2, at3.size());
        assertArrayEquals(new double[] {20, 20, 60, 20, 60, 60, 20, 60}, at3.get(0).pixels(), 1e-9);
        assertTrue(at3.get(0).closed());
        assertArrayEquals(new double[] {30, 40, 50, 40}, at3.get(1).pixels(), 1e-9);
        assertFalse(at3.get(1).closed());
        assertEquals(2, set.on(axial(1.6, 3)).size());
        List<StructureSet.Drawn> at14 = set.on(axial(1.4, 3));
        assertEquals(1, at14.size());
        assertEquals("GTV", at14.get(0).structure().name());
        assertTrue(set.on(axial(10, 3)).isEmpty());
    }

    /**
     * A coronal reformat at y = 0 (0.5 mm pixels from x = -20, z = -5) cuts each square along x =
     * -10..10: a segment from pixel 20 to 60 on rows 10, 16 and 22 (z = 0, 3, 6); the open needle,
     * which lies in that plane (y = 0, z = 3, x = -5..5), is drawn whole: pixels 30 to 50 on row 16.
     */
    @Test
    void contoursCutByAReformat(@TempDir Path tmp) throws Exception {
        StructureSet set = write(tmp);
        List<StructureSet.Drawn> cut = set.on(new Vec3(-20, 0, -5), new Vec3(0.5, 0, 0), new Vec3(0, 0, 0.5), 0.25);
        assertEquals(4, cut.size());
        assertArrayEquals(new double[] {30, 16, 50, 16}, cut.get(3).pixels(), 1e-9);
        for (int k = 0; k < 3; k++) {
            assertFalse(cut.get(k).closed());
            assertEquals("GTV", cut.get(k).structure().name());
            double row = 10 + 6 * k;
            double[] px = cut.get(k).pixels();
            // either way along the line
            assertArrayEquals(new double[] {20, 60, row, row}, new double[] {Math.min(px[0], px[2]),
                    Math.max(px[0], px[2]), px[1], px[3]}, 1e-9);
        }
    }

    @Test
    void notAStructureSet() throws Exception {
        Instance ct = InstanceReader.read(SharedData.file("syntaxes/pydicom-test_files/CT_small.dcm"));
        assertFalse(StructureSet.isStructureSet(ct));
        assertThrows(DicomException.class, () -> StructureSet.read(ct));
    }
}
