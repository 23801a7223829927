package org.clain.ui;

import static org.clain.ui.UiTestSupport.expectedGrey;
import static org.clain.ui.UiTestSupport.fx;
import static org.clain.ui.UiTestSupport.fxRun;
import static org.clain.ui.UiTestSupport.openAndWait;
import static org.clain.ui.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.clain.measure.Distance;
import org.clain.measure.Measurement;
import org.clain.testdata.ExternalTool;
import org.clain.testdata.Ppm;
import org.clain.testdata.SharedData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A colour cine (ten frames of palette-colour echocardiography, 600x430) in the 2D viewer: shown in
 * its colours (dcmtk's dcm2pnm is the oracle), scrolled, inverted and played.
 */
@ExtendWith(ApplicationExtension.class)
class ViewerColorTest {
    static {
        UiTestSupport.init();
    }

    private static final Path ECHO = SharedData.file("syntaxes/debian-misc/US-PAL-8-10x-echo.dcm");
    private MainWindow mw;

    @Start
    void start(Stage stage) {
        mw = new MainWindow(stage, new UserConfig());
        stage.show();
    }

    @Test
    void paletteCineShowsInItsColours(FxRobot robot, @TempDir Path tmp) throws Exception {
        Path dcm2pnm = ExternalTool.find("dcm2pnm").orElse(null);
        Assumptions.assumeTrue(dcm2pnm != null, "dcmtk's dcm2pnm is not installed");
        openAndWait(mw, ECHO);
        Viewport vp = fx(() -> mw.activeViewport());
        assertNull(fx(vp::error));
        assertTrue(fx(vp::isColor));
        assertNotNull(fx(vp::colorStack));
        assertEquals(10, fx(vp::sliceCount));
        assertEquals(600, fx(() -> (int) vp.renderedImage().getWidth()));
        assertEquals(430, fx(() -> (int) vp.renderedImage().getHeight()));
        int[] first = Ppm.dcm2pnm(dcm2pnm, ECHO, frame(vp), tmp, 600, 430);
        assertShows(vp, first, false);
        // what measurements read: the frames' BT.601 luma, 0.299 R + 0.587 G + 0.114 B
        for (int i = 0; i < first.length; i += 997) {
            int x = i % 600;
            int y = i / 600;
            int c = first[i];
            double luma = 0.299 * (c >> 16 & 0xFF) + 0.587 * (c >> 8 & 0xFF) + 0.114 * (c & 0xFF);
            assertEquals(luma, fx(() -> vp.volume().value(x, y, vp.sliceIndex())), 0.5 + 1e-9, "pixel " + x + "," + y);
        }

        robot.moveTo(vp);
        robot.type(KeyCode.DOWN, 6);
        assertEquals(7, fx(vp::displayNumber));
        int[] seventh = Ppm.dcm2pnm(dcm2pnm, ECHO, frame(vp), tmp, 600, 430);
        assertShows(vp, seventh, false);
        robot.type(KeyCode.I);
        assertTrue(fx(vp::inverted));
        assertShows(vp, seventh, true);
        robot.type(KeyCode.I);

        // brightness and contrast: each channel through the window (PS3.3 C.11.2.1.2.1 LINEAR, UiTestSupport's)
        assertEquals(128, fx(vp::windowCenter));
        assertEquals(256, fx(vp::windowWidth));
        fxRun(() -> vp.setWindow(100, 50));
        int[] windowed = new int[seventh.length];
        for (int i = 0; i < seventh.length; i++) {
            int c = seventh[i];
            windowed[i] = expectedGrey(c >> 16 & 0xFF, 100, 50) << 16 | expectedGrey(c >> 8 & 0xFF, 100, 50) << 8
                    | expectedGrey(c & 0xFF, 100, 50);
        }
        assertShows(vp, windowed, false);
        fxRun(vp::resetView);
        assertShows(vp, seventh, false);

        // cine steps through the frames of a colour series as through slices
        double usersRate = fx(() -> mw.config().cineFps);
        robot.type(KeyCode.SPACE);
        assertTrue(fx(mw::cinePlaying));
        // at the recorded rate: Frame Time (0018,1063) 76 ms, 13.2 frames a second; the user's own is kept
        assertEquals(13, fx(mw::cineFps));
        assertEquals(usersRate, fx(() -> mw.config().cineFps));
        waitUntil("cine to move on", 10, () -> vp.displayNumber() != 7);
        robot.type(KeyCode.SPACE);
        assertTrue(!fx(mw::cinePlaying));

        // no volume to reformat: said, not a silent no-op
        fxRun(() -> mw.openMpr(MprWorkspace.Mode.MPR));
        assertTrue(fx(() -> mw.statusLabel().getText()).contains("colour"), fx(() -> mw.statusLabel().getText()));
    }

    /**
     * OBXXXX1A: 800x600 palette-colour obstetric ultrasound whose two 2D regions give Physical Delta
     * X/Y 0.026228787661969974 cm (dcmdump): a distance drawn across 160 pixels is 160 times that.
     */
    @Test
    void colourUltrasoundMeasuresByItsRegions(FxRobot robot) {
        openAndWait(mw, SharedData.file("syntaxes/pydicom-data/OBXXXX1A.dcm"));
        Viewport vp = fx(() -> mw.activeViewport());
        assertTrue(fx(vp::isColor));
        MeasureUiSupport.alignPixels(vp, 1);
        robot.moveTo(vp);
        robot.type(KeyCode.M);
        MeasureUiSupport.drag(robot, MeasureUiSupport.screenOf(vp, 320, 300), MeasureUiSupport.screenOf(vp, 480, 300));
        List<Measurement> ms = fx(() -> mw.measure().measurements());
        assertEquals(1, ms.size(), ms.toString());
        Distance d = assertInstanceOf(Distance.class, ms.get(0));
        assertEquals(160 * 0.26228787661969974, d.lengthMm(), 1e-6);
        assertEquals(fx(() -> vp.series().seriesInstanceUid()), d.seriesInstanceUid());
    }

    /** The 0-based frame of the file the viewport shows. */
    private static int frame(Viewport vp) {
        return fx(() -> vp.stack().slices().get(vp.sliceIndex()).frame());
    }

    private static void assertShows(Viewport vp, int[] expected, boolean inverted) {
        int[] shown = fx(() -> {
            int[] out = new int[600 * 430];
            for (int i = 0; i < out.length; i++) {
                out[i] = vp.rgbAt(i % 600, i / 600);
            }
            return out;
        });
        for (int i = 0; i < expected.length; i++) {
            int e = inverted ? ~expected[i] & 0xFFFFFF : expected[i];
            if (shown[i] != e) {
                fail("pixel (" + i % 600 + ", " + i / 600 + "): shown " + Integer.toHexString(shown[i]) + ", dcmtk "
                        + Integer.toHexString(e));
            }
        }
    }
}
