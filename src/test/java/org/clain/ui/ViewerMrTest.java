package org.clain.ui;

import static org.clain.ui.UiTestSupport.MR;
import static org.clain.ui.UiTestSupport.expectedGrey;
import static org.clain.ui.UiTestSupport.fx;
import static org.clain.ui.UiTestSupport.fxRun;
import static org.clain.ui.UiTestSupport.openAndWait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.clain.geom.OrientationLabels;
import org.clain.render.AutoWindow;
import org.clain.study.SliceHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The oblique brain MR of the shared corpus (24 slices, 260x320): orientation and MR windows. */
@ExtendWith(ApplicationExtension.class)
class ViewerMrTest {
    static {
        UiTestSupport.init();
    }

    private MainWindow mw;

    @Start
    void start(Stage stage) {
        mw = new MainWindow(stage, new UserConfig());
        stage.show();
    }

    @Test
    void obliqueOrientationDicomAndAutoWindows(FxRobot robot) {
        openAndWait(mw, MR);
        Viewport vp = fx(() -> mw.activeViewport());
        assertEquals(24, fx(vp::sliceCount));
        assertEquals(1, fx(vp::displayNumber));
        assertEquals(0, fx(vp::sliceIndex)); // instance 1 is the most caudal here
        assertEquals(260, fx(() -> (int) vp.renderedImage().getWidth()));
        assertEquals(320, fx(() -> (int) vp.renderedImage().getHeight()));
        // IOP 0.998/0.010/0.061 \ 0/0.986/-0.165: about 9.5 degrees of tilt toward the feet
        assertEquals(new OrientationLabels.Edges("AH", "L", "PF", "R"), fx(vp::orientation));

        robot.moveTo(vp);
        fxRun(() -> vp.setSlice(14));
        // opens with the image's own window, and follows each image's window while scrolling
        SliceHeader h = fx(() -> vp.stack().slices().get(14));
        assertEquals("DICOM", fx(vp::windowName));
        assertEquals(h.windowCenters()[0], fx(vp::windowCenter), 1e-9);
        assertEquals(h.windowWidths()[0], fx(vp::windowWidth), 1e-9);
        double dicomMean = meanGrey(vp);

        robot.type(KeyCode.DIGIT0); // auto window from the histogram
        AutoWindow.Window auto = fx(() -> AutoWindow.percentiles(vp.volume(), 1, 99));
        assertEquals("Auto", fx(vp::windowName));
        assertEquals(auto.center(), fx(vp::windowCenter), 1e-9);
        assertEquals(auto.width(), fx(vp::windowWidth), 1e-9);
        // the brain is neither crushed to black nor burnt out: mid greys inside the head
        double autoMean = meanGrey(vp);
        assertTrue(autoMean > 40 && autoMean < 200, "mean grey of the brain " + autoMean + " (DICOM " + dicomMean + ")");
        int[] hist = histogram(vp);
        int saturated = hist[255];
        assertTrue(saturated < 0.03 * 260 * 320, "few saturated pixels: " + saturated);
        for (int[] p : new int[][] {{130, 160}, {100, 200}, {60, 60}, {200, 250}}) {
            double v = fx(() -> vp.valueAt(p[0], p[1]));
            assertEquals(expectedGrey(v, auto.center(), auto.width()), fx(() -> vp.greyAt(p[0], p[1])), 1.0,
                    Arrays.toString(p));
        }
        robot.type(KeyCode.DOWN); // a chosen window stays while scrolling
        assertEquals(auto.center(), fx(vp::windowCenter), 1e-9);
        robot.type(KeyCode.UP);
        robot.type(KeyCode.DIGIT9); // back to the DICOM window
        assertEquals(h.windowCenters()[0], fx(vp::windowCenter), 1e-9);
        assertEquals("DICOM", fx(vp::windowName));
    }

    @Test
    void monochrome1IsShownInverted(FxRobot robot) {
        // a 16x16 CR stored as MONOCHROME1: low values are white
        openAndWait(mw, org.clain.testdata.SharedData.file("syntaxes/dicomdir-pydicom/77654033/CR1/6154"));
        Viewport vp = fx(() -> mw.activeViewport());
        assertTrue(fx(vp::monochrome1));
        double c = fx(vp::windowCenter);
        double w = fx(vp::windowWidth);
        int checked = 0;
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                final int px = x;
                final int py = y;
                double v = fx(() -> vp.valueAt(px, py));
                assertEquals(255 - expectedGrey(v, c, w), fx(() -> vp.greyAt(px, py)), 1.0, "pixel " + x + "," + y);
                checked++;
            }
        }
        assertEquals(256, checked);
        long greys = fx(() -> java.util.stream.IntStream.range(0, 256).map(i -> vp.greyAt(i % 16, i / 16)).distinct()
                .count());
        assertTrue(greys > 8, "not a saturated image: " + greys + " distinct greys");
        // the user's invert shows it the other way round
        robot.type(KeyCode.I);
        double v = fx(() -> vp.valueAt(8, 8));
        assertEquals(expectedGrey(v, c, w), fx(() -> vp.greyAt(8, 8)), 1.0);
    }

    private static double meanGrey(Viewport vp) {
        return fx(() -> {
            double s = 0;
            int n = 0;
            for (int y = 100; y < 220; y++) {
                for (int x = 80; x < 180; x++) {
                    s += vp.greyAt(x, y);
                    n++;
                }
            }
            return s / n;
        });
    }

    private static int[] histogram(Viewport vp) {
        return fx(() -> {
            int[] h = new int[256];
            for (int y = 0; y < 320; y++) {
                for (int x = 0; x < 260; x++) {
                    h[vp.greyAt(x, y)]++;
                }
            }
            return h;
        });
    }
}
