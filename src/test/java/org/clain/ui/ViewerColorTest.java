package org.clain.ui;

import static org.clain.ui.UiTestSupport.fx;
import static org.clain.ui.UiTestSupport.fxRun;
import static org.clain.ui.UiTestSupport.openAndWait;
import static org.clain.ui.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
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
        assertNull(fx(vp::volume));
        assertNotNull(fx(vp::colorStack));
        assertEquals(10, fx(vp::sliceCount));
        assertEquals(600, fx(() -> (int) vp.renderedImage().getWidth()));
        assertEquals(430, fx(() -> (int) vp.renderedImage().getHeight()));
        assertShows(vp, Ppm.dcm2pnm(dcm2pnm, ECHO, frame(vp), tmp, 600, 430), false);

        robot.moveTo(vp);
        robot.type(KeyCode.DOWN, 6);
        assertEquals(7, fx(vp::displayNumber));
        int[] seventh = Ppm.dcm2pnm(dcm2pnm, ECHO, frame(vp), tmp, 600, 430);
        assertShows(vp, seventh, false);
        robot.type(KeyCode.I);
        assertTrue(fx(vp::inverted));
        assertShows(vp, seventh, true);
        robot.type(KeyCode.I);

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

        // nothing to measure in yet: said, not a silent no-op
        robot.type(KeyCode.M);
        assertEquals(org.clain.ui.measure.MeasureTool.DISTANCE, fx(() -> mw.measure().tool()));
        robot.moveTo(vp).press(javafx.scene.input.MouseButton.PRIMARY).release(javafx.scene.input.MouseButton.PRIMARY);
        assertTrue(fx(() -> mw.statusLabel().getText()).contains("colour images cannot be measured"),
                fx(() -> mw.statusLabel().getText()));
        assertTrue(fx(() -> mw.measure().measurements()).isEmpty());
        robot.type(KeyCode.ESCAPE);

        // no volume to reformat: said, not a silent no-op
        fxRun(() -> mw.openMpr(MprWorkspace.Mode.MPR));
        assertTrue(fx(() -> mw.statusLabel().getText()).contains("colour"), fx(() -> mw.statusLabel().getText()));
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
