package org.clain.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.clain.dicom.CieLab;
import org.clain.dicom.DicomException;
import org.clain.testdata.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The presentation state written by pydicom on two images of the abdomen CT (tools/gsps-fixture.py,
 * checked by dcmtk's dcmpschk). Expected values are the fixture's, placed by hand: DISPLAY units
 * are fractions of the displayed area, pixels 101\51 to 400\450 counted from 1, so the area's
 * left edge is at 100, its top at 50, 300 wide and 400 high.
 */
class PresentationStateTest {
    static final Path FIXTURE = Path.of("src/test/resources/org/clain/study/gsps-abdomen.dcm");
    static final String A = "1.3.6.1.4.1.14519.5.2.1.262258548797203666290824879261898375602";
    static final String B = "1.3.6.1.4.1.14519.5.2.1.90588328965349415028728350080729617556";

    @Test
    void windowsRotationAndReferences() throws Exception {
        Instance in = InstanceReader.read(FIXTURE);
        assertTrue(PresentationState.isPresentationState(in));
        PresentationState ps = PresentationState.read(in);
        assertEquals("LESION", ps.label());
        assertEquals(List.of(A, B), ps.referencedImages());
        assertArrayEquals(new double[] {50, 350}, ps.window(A, 1).orElseThrow());
        assertArrayEquals(new double[] {-600, 1500}, ps.window(B, 1).orElseThrow());
        assertTrue(ps.window("1.2.3", 1).isEmpty(), "an image it does not reference");
        assertEquals(90, ps.rotation());
        assertEquals(new PresentationState.DisplayedArea(100, 50, 300, 400, "SCALE TO FIT", Double.NaN),
                ps.displayedArea(A, 1, 512, 512));
        assertFalse(ps.flipHorizontal());
        assertFalse(ps.inverse());
        assertEquals("LESION (Liver lesion, lung window on the next image), 2 images, 6 annotations", ps.summary());
        // the CT it references is in the shared abdomen series
        Series ct = Scanner.scan(List.of(SharedData.file("real-ct/pancreatic-ct-cbct-seg_CB001_abdomen_implicitLE")))
                .series().get(0);
        assertTrue(ps.referencedSeries().contains(ct.seriesInstanceUid()));
    }

    @Test
    void annotationsInImagePixels() throws Exception {
        PresentationState ps = PresentationState.read(InstanceReader.read(FIXTURE));
        List<PresentationState.Graphic> g = ps.graphics(A, 1, 512, 512);
        int red = CieLab.dicomToRgb(34885, 53485, 27679);
        assertEquals(List.of("POLYLINE", "CIRCLE", "POINT", "ELLIPSE"), g.stream().map(PresentationState.Graphic::type)
                .toList());
        assertArrayEquals(new double[] {100.5, 200.5, 150.5, 250.5, 200.5, 200.5}, g.get(0).points(), 1e-4);
        assertArrayEquals(new double[] {300, 300, 320, 300}, g.get(1).points(), 1e-4);
        // DISPLAY: x = 100 + f x 300, y = 50 + f x 400
        assertArrayEquals(new double[] {175, 250, 325, 250, 250, 210, 250, 290}, g.get(3).points(), 1e-4);
        assertEquals(red, g.get(0).rgb());
        List<PresentationState.Text> t = ps.texts(A, 1, 512, 512);
        assertEquals("Lesion 1", t.get(0).value());
        assertEquals(130, t.get(0).x(), 1e-4);
        assertEquals(90, t.get(0).y(), 1e-4);
        assertEquals("Anchor", t.get(1).value());
        assertEquals(256, t.get(1).x(), 1e-4);
        // image B has a window but no annotation; other images nothing
        assertTrue(ps.graphics(B, 1, 512, 512).isEmpty());
        assertTrue(ps.texts("1.2.3", 1, 512, 512).isEmpty());
    }

    @Test
    void notAPresentationState() throws Exception {
        Instance ct = InstanceReader.read(SharedData.file("syntaxes/pydicom-test_files/CT_small.dcm"));
        assertFalse(PresentationState.isPresentationState(ct));
        assertThrows(DicomException.class, () -> PresentationState.read(ct));
    }
}
