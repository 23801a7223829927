package org.clain.ui;

import static org.clain.ui.UiTestSupport.CT;
import static org.clain.ui.UiTestSupport.fx;
import static org.clain.ui.UiTestSupport.fxRun;
import static org.clain.ui.UiTestSupport.openAndWait;
import static org.clain.ui.UiTestSupport.snapshot;
import static org.clain.ui.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.geometry.Point2D;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.clain.dicom.DicomFile;
import org.clain.dicom.DicomReader;
import org.clain.dicom.Tag;
import org.clain.geom.ImagePlane;
import org.clain.study.Series;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Reference lines between the real axial CT and a sagittal series written in the CT's Frame of
 * Reference: where each viewport's slice cuts the other's, on screen.
 */
@ExtendWith(ApplicationExtension.class)
class ViewerReferenceLinesTest {
    static {
        UiTestSupport.init();
    }

    // CT geometry (SERIES.tsv): first pixel x -275, y -178.1; 1.07421875 mm pixels; z 85.91..484.91 by 3 mm
    private static final double CT_X0 = -275;
    private static final double CT_Y0 = -178.1;
    private static final double CT_PX = 1.07421875;
    private static final double CT_Z0 = 85.91;
    /** Sagittal planes at x = 0, 20, 40 mm: 200 columns along +y from y=-150, 150 rows toward the feet from z=480, 2 mm pixels. */
    private static final double[] SAG_X = {0, 20, 40};

    private MainWindow mw;

    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        mw = new MainWindow(stage, new UserConfig());
        stage.show();
    }

    @Test
    void axialAndSagittalShowEachOthersSlice(FxRobot robot) throws Exception {
        DicomFile ct;
        try (Stream<Path> s = Files.list(CT)) {
            ct = DicomReader.read(s.sorted().findFirst().orElseThrow());
        }
        double[][] origins = new double[SAG_X.length][];
        for (int i = 0; i < SAG_X.length; i++) {
            origins[i] = new double[] {SAG_X[i], -150, 480};
        }
        Path sag = tmp.resolve("sagittal");
        SyntheticSeries.write(sag, ct.dataset().getString(Tag.PatientName), ct.dataset().getString(Tag.PatientID),
                ct.dataset().getString(Tag.StudyInstanceUID), ct.dataset().getString(Tag.FrameOfReferenceUID),
                "1.2.826.0.1.3680043.10.1234.77", "SYNTHETIC SAGITTAL", new double[] {0, 1, 0, 0, 0, -1}, origins,
                150, 200, 2.0);

        openAndWait(mw, CT, sag);
        List<Series> series = fx(() -> mw.index().series());
        assertEquals(2, series.size());
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        waitUntil("both viewports loaded", 60, () -> mw.visibleViewports().stream().allMatch(v -> v.volume() != null));
        Viewport axial = fx(() -> mw.visibleViewports().stream().filter(v -> v.sliceCount() == 134).findFirst()
                .orElseThrow());
        Viewport sagittal = fx(() -> mw.visibleViewports().stream().filter(v -> v.sliceCount() == 3).findFirst()
                .orElseThrow());
        assertEquals("H", fx(() -> sagittal.orientation().top()));
        assertEquals("A", fx(() -> sagittal.orientation().left()));

        fxRun(() -> axial.setSlice(100));
        int sagIndex = fx(sagittal::sliceIndex); // not moved by the axial: the planes are not parallel
        double xSag = fx(() -> sagittal.plane().origin().x());
        double zAx = CT_Z0 + 3 * 100;

        // on the axial image: a vertical line at the sagittal plane's x, over the sagittal's y extent
        List<ImagePlane.Segment> onAxial = fx(axial::referenceLines);
        assertEquals(1, onAxial.size());
        ImagePlane.Segment a = onAxial.get(0);
        double col = (xSag - CT_X0) / CT_PX;
        assertEquals(col, a.column0(), 1e-3);
        assertEquals(col, a.column1(), 1e-3);
        double r0 = (-150 - 1 - CT_Y0) / CT_PX; // the sagittal's first pixel edge (-0.5 px of 2 mm)
        double r1 = (-150 + 199 * 2 + 1 - CT_Y0) / CT_PX; // 200 columns along +y
        assertEquals(r0, Math.min(a.row0(), a.row1()), 1e-3);
        assertEquals(r1, Math.max(a.row0(), a.row1()), 1e-3);

        // on the sagittal image: a horizontal line at the axial slice's z
        List<ImagePlane.Segment> onSag = fx(sagittal::referenceLines);
        assertEquals(1, onSag.size());
        assertEquals((480 - zAx) / 2, onSag.get(0).row0(), 1e-3);
        assertEquals((480 - zAx) / 2, onSag.get(0).row1(), 1e-3);

        // and the lines are drawn: reference blue on screen where the segment is
        assertBlueAt(axial, a.column0() + 0.5, (a.row0() + a.row1()) / 2 + 0.5);
        assertBlueAt(sagittal, 100 + 0.5, onSag.get(0).row0() + 0.5);

        // scrolling the axial moves the line on the sagittal; the sagittal stays where it is
        fxRun(() -> axial.setSlice(90));
        assertEquals((480 - (CT_Z0 + 270)) / 2, fx(sagittal::referenceLines).get(0).row0(), 1e-3);
        assertEquals(sagIndex, fx(sagittal::sliceIndex));
        UiTestSupport.save(snapshot(fx(() -> mw.stage().getScene().getRoot())), "ct-sagittal-reference-lines.png");
        // switched off, none is drawn
        robot.type(KeyCode.L);
        assertTrue(fx(axial::referenceLines).isEmpty());
        assertTrue(fx(sagittal::referenceLines).isEmpty());
    }

    private static void assertBlueAt(Viewport vp, double u, double v) {
        WritableImage img = snapshot(vp);
        Point2D p = fx(() -> vp.imageToScreen(u, v));
        int best = -999;
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) {
                int x = (int) Math.round(p.getX()) + dx;
                int y = (int) Math.round(p.getY()) + dy;
                int argb = img.getPixelReader().getArgb(x, y);
                int r = argb >> 16 & 0xFF;
                int b = argb & 0xFF;
                best = Math.max(best, b - r);
            }
        }
        assertTrue(best > 80, "reference-line blue near " + p + " (best blue-red " + best + ")");
    }
}
