package org.clain.ui;

import static org.clain.ui.UiTestSupport.CT;
import static org.clain.ui.UiTestSupport.expectedGrey;
import static org.clain.ui.UiTestSupport.fx;
import static org.clain.ui.UiTestSupport.fxRun;
import static org.clain.ui.UiTestSupport.openAndWait;
import static org.clain.ui.UiTestSupport.snapshot;
import static org.clain.ui.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Arrays;
import javafx.geometry.Point2D;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.clain.geom.OrientationLabels;
import org.clain.render.WindowPreset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The viewer driven like a radiologist would, on the shared abdomen CT (134 axial slices). */
@ExtendWith(ApplicationExtension.class)
class ViewerCtTest {
    static {
        UiTestSupport.init();
    }

    private MainWindow mw;

    @Start
    void start(Stage stage) {
        mw = new MainWindow(stage, new UserConfig());
        stage.show();
    }

    private Viewport vp() {
        return fx(() -> mw.activeViewport());
    }

    @Test
    void opensTheCtWithTheFirstImageBrowserAndOrientation(FxRobot robot) throws Exception {
        long t0 = System.nanoTime();
        fxRun(() -> mw.open(java.util.List.of(CT)));
        waitUntil("the first image", 120, () -> mw.activeViewport().hasImage());
        long first = System.nanoTime() - t0;
        waitUntil("the volume", 120, () -> !mw.busy() && mw.activeViewport().volume() != null);
        long all = System.nanoTime() - t0;
        System.out.printf("CT opened: first image after %d ms, whole volume after %d ms%n", first / 1_000_000,
                all / 1_000_000);
        Viewport vp = vp();
        assertEquals(1, fx(() -> mw.index().series().size()));
        assertEquals(1, fx(() -> mw.browser().seriesCount()));
        assertEquals(134, fx(vp::sliceCount));
        // reading order is the scanner's: image 1 is instance 1, the most cranial (highest z) slice
        assertEquals(1, fx(vp::displayNumber));
        assertEquals(133, fx(vp::sliceIndex));
        assertTrue(fx(() -> mw.problems().isEmpty()), () -> "problems: " + fx(() -> mw.problems()));
        waitUntil("the thumbnail", 30, () -> mw.browser().hasThumbnail(mw.index().series().get(0)));
        // the browser cuts long names; each row's tooltip has them whole
        String description = fx(() -> mw.index().series().get(0).description());
        assertTrue(fx(() -> mw.browser().lookupAll(".series-cell").stream()
                .map(n -> ((javafx.scene.control.TreeCell<?>) n).getTooltip())
                .anyMatch(t -> t != null && t.getText().startsWith(description + "\n")
                        && t.getText().contains("134 images"))), "series tooltip with " + description);
        // axial as stored: anterior on top, the patient's right on the image's left
        assertEquals(new OrientationLabels.Edges("A", "L", "P", "R"), fx(vp::orientation));
        // the recent list is persisted in the config folder
        String json = Files.readString(UserConfig.file());
        assertTrue(json.contains("pancreatic-ct-cbct-seg_CB001_abdomen_implicitLE"), json);

        // pixels: air in the corner is black in any soft-tissue window; the body is not
        fxRun(() -> vp.applyPreset(WindowPreset.ABDOMEN));
        assertEquals(0, fx(() -> vp.greyAt(2, 2)));
        fxRun(() -> vp.setSlice(67));
        int[] hist = fx(() -> {
            int[] h = new int[256];
            for (int y = 0; y < 512; y++) {
                for (int x = 0; x < 512; x++) {
                    h[vp.greyAt(x, y)]++;
                }
            }
            return h;
        });
        int mid = Arrays.stream(hist, 40, 216).sum();
        assertTrue(mid > 20_000, "soft tissue greys on a mid-abdomen slice: " + mid);

        // anterior at the top: in a bone window the spine (and table) lie in the lower half
        fxRun(() -> vp.applyPreset(WindowPreset.BONE));
        double[] centroid = fx(() -> {
            double sy = 0;
            double n = 0;
            for (int y = 0; y < 512; y++) {
                for (int x = 0; x < 512; x++) {
                    if (vp.greyAt(x, y) > 170) {
                        sy += y;
                        n++;
                    }
                }
            }
            return new double[] {sy / n, n};
        });
        assertTrue(centroid[1] > 200, "bone pixels found: " + centroid[1]);
        assertTrue(centroid[0] > 256, "bone centroid row " + centroid[0] + " should be posterior (lower half)");
    }

    @Test
    void scrollsWithTheWheelArrowsAndPages(FxRobot robot) {
        openAndWait(mw, CT);
        Viewport vp = vp();
        robot.moveTo(vp);
        UiTestSupport.wheel(robot, vp, 3, true);
        assertEquals(4, fx(vp::displayNumber));
        assertEquals(130, fx(vp::sliceIndex));
        WritableImage before = fx(() -> copy(vp.renderedImage()));
        robot.type(KeyCode.DOWN);
        assertEquals(5, fx(vp::displayNumber));
        WritableImage after = fx(() -> copy(vp.renderedImage()));
        assertFalse(samePixels(before, after), "the next slice must show different pixels");
        robot.type(KeyCode.PAGE_DOWN);
        assertEquals(15, fx(vp::displayNumber));
        robot.type(KeyCode.UP);
        assertEquals(14, fx(vp::displayNumber));
        UiTestSupport.wheel(robot, vp, 2, false);
        assertEquals(12, fx(vp::displayNumber));
        robot.type(KeyCode.END);
        assertEquals(134, fx(vp::displayNumber));
        assertEquals(0, fx(vp::sliceIndex));
        robot.type(KeyCode.DOWN); // stays at the last image
        assertEquals(134, fx(vp::displayNumber));
        robot.type(KeyCode.HOME);
        assertEquals(1, fx(vp::displayNumber));
        // the arrows keep scrolling the image when the series browser has the focus
        robot.clickOn(fx(() -> mw.browser()));
        robot.type(KeyCode.DOWN);
        assertEquals(2, fx(vp::displayNumber));
    }

    @Test
    void windowLevelByPresetsRightDragAndInvert(FxRobot robot) {
        openAndWait(mw, CT);
        Viewport vp = vp();
        fxRun(() -> vp.setSlice(67));
        robot.moveTo(vp);
        robot.type(KeyCode.DIGIT8); // bone
        assertEquals(400, fx(vp::windowCenter), 1e-9);
        assertEquals(1800, fx(vp::windowWidth), 1e-9);
        robot.type(KeyCode.DIGIT4); // lung
        assertEquals(-600, fx(vp::windowCenter), 1e-9);
        assertEquals(1500, fx(vp::windowWidth), 1e-9);
        robot.type(KeyCode.DIGIT6); // abdomen
        assertEquals(40, fx(vp::windowCenter), 1e-9);
        assertEquals(400, fx(vp::windowWidth), 1e-9);
        assertPixelsFollowTheWindow(vp);

        // right drag: +60 px right widens, +30 px down raises the level, by width/256 per pixel
        robot.drag(vp, MouseButton.SECONDARY).moveBy(60, 30).drop();
        double step = 400 / Viewport.WL_DRAG_DIVISOR;
        assertEquals(400 + 60 * step, fx(vp::windowWidth), 2 * step);
        assertEquals(40 + 30 * step, fx(vp::windowCenter), 2 * step);
        assertPixelsFollowTheWindow(vp);

        int g = fx(() -> vp.greyAt(256, 300));
        robot.type(KeyCode.I);
        assertTrue(fx(vp::inverted));
        assertEquals(255 - g, fx(() -> vp.greyAt(256, 300)));
        robot.type(KeyCode.I);
        assertEquals(g, fx(() -> vp.greyAt(256, 300)));
    }

    private static void assertPixelsFollowTheWindow(Viewport vp) {
        double c = fx(vp::windowCenter);
        double w = fx(vp::windowWidth);
        for (int[] p : new int[][] {{256, 300}, {200, 256}, {300, 200}, {10, 10}, {256, 400}}) {
            double hu = fx(() -> vp.valueAt(p[0], p[1]));
            assertEquals(expectedGrey(hu, c, w), fx(() -> vp.greyAt(p[0], p[1])), 1.0,
                    "pixel " + Arrays.toString(p) + " at " + hu + " HU, window " + c + "/" + w);
        }
    }

    @Test
    void zoomsAtThePointerFitsAndGoesOneToOne(FxRobot robot) {
        openAndWait(mw, CT);
        Viewport vp = vp();
        fxRun(() -> vp.setSlice(67));
        double fit = fx(vp::zoom);
        assertTrue(fx(vp::isFit));
        int before = bodyWidth(vp);
        int image = fx(vp::displayNumber);
        robot.moveTo(vp);
        robot.press(KeyCode.CONTROL);
        UiTestSupport.wheel(robot, vp, 2, false); // away from the user: zoom in
        robot.release(KeyCode.CONTROL);
        assertEquals(fit * Viewport.WHEEL_ZOOM * Viewport.WHEEL_ZOOM, fx(vp::zoom), 1e-9);
        assertEquals(image, fx(vp::displayNumber), "ctrl+wheel zooms, it does not scroll");
        int after = bodyWidth(vp);
        // the body on screen is wider by the zoom factor (measured on the snapshot's pixels)
        assertEquals(1.21, after / (double) before, 0.04, "body width " + before + " -> " + after);
        // zoom keeps the point under the pointer in place (pointer at the centre)
        Point2D c = fx(() -> vp.imageToScreen(256, 256));
        assertEquals(fx(vp::getWidth) / 2, c.getX(), 1.0);
        robot.type(KeyCode.F);
        assertEquals(fit, fx(vp::zoom), 1e-9);
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT0).release(KeyCode.CONTROL);
        assertEquals(1.0, fx(vp::zoom), 1e-9);
        // pan with the middle button
        robot.type(KeyCode.F);
        robot.drag(vp, MouseButton.MIDDLE).moveBy(40, -20).drop();
        assertEquals(40, fx(vp::panX), 2);
        assertEquals(-20, fx(vp::panY), 2);
        // rotate and flip move the orientation letters
        robot.type(KeyCode.R);
        assertEquals(1, fx(vp::rotation));
        assertEquals("R", fx(() -> vp.orientation().top()));
        robot.type(KeyCode.R);
        robot.type(KeyCode.R);
        robot.type(KeyCode.R);
        robot.type(KeyCode.H);
        assertEquals(new OrientationLabels.Edges("A", "R", "P", "L"), fx(vp::orientation));
        robot.type(KeyCode.V);
        assertEquals(new OrientationLabels.Edges("P", "R", "A", "L"), fx(vp::orientation));
    }

    /** Width (screen pixels) of the body along the viewport's middle row, from a snapshot. */
    private static int bodyWidth(Viewport vp) {
        WritableImage img = snapshot(vp);
        int y = (int) (img.getHeight() / 2);
        int first = -1;
        int last = -1;
        for (int x = 40; x < img.getWidth() - 40; x++) {
            if (UiTestSupport.grey(img, x, y) > 30) {
                if (first < 0) {
                    first = x;
                }
                last = x;
            }
        }
        assertTrue(first >= 0, "no body on the middle row");
        return last - first;
    }

    @Test
    void layoutsSyncAndCine(FxRobot robot) {
        openAndWait(mw, CT);
        robot.clickOn("#layout-2x2");
        waitUntil("four loaded viewports", 60,
                () -> mw.visibleViewports().size() == 4 && mw.visibleViewports().stream().allMatch(v -> v.volume() != null));
        assertEquals(Layout.L2X2, fx(() -> mw.layout()));
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT2).release(KeyCode.CONTROL);
        assertEquals(2, fx(() -> mw.visibleViewports().size()));
        assertEquals(Layout.L1X2, fx(() -> mw.layout()));
        Viewport left = fx(() -> mw.visibleViewports().get(0));
        Viewport right = fx(() -> mw.visibleViewports().get(1));
        // the same series on both sides: one Frame of Reference, parallel slices: scrolling is shared
        robot.moveTo(left);
        UiTestSupport.wheel(robot, left, 5, true);
        assertEquals(6, fx(left::displayNumber));
        assertEquals(fx(left::sliceIndex), fx(right::sliceIndex));
        assertTrue(fx(right::referenceLines).isEmpty(), "parallel slices have no reference line");
        robot.type(KeyCode.Y); // sync off
        robot.moveTo(left);
        UiTestSupport.wheel(robot, left, 2, true);
        assertEquals(8, fx(left::displayNumber));
        assertEquals(6, fx(right::displayNumber));
        robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
        assertEquals(1, fx(() -> mw.visibleViewports().size()));
        // cine
        Viewport vp = vp();
        int start = fx(vp::displayNumber);
        robot.type(KeyCode.CLOSE_BRACKET);
        assertEquals(11, fx(mw::cineFps));
        robot.type(KeyCode.SPACE);
        assertTrue(fx(mw::cinePlaying));
        waitUntil("cine to advance", 10, () -> vp.displayNumber() >= start + 3);
        robot.type(KeyCode.SPACE);
        assertFalse(fx(mw::cinePlaying));
        int stopped = fx(vp::displayNumber);
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        assertEquals(stopped, fx(vp::displayNumber));
    }

    @Test
    void tagBrowserFindsTagsByNumberAndKeyword(FxRobot robot) {
        openAndWait(mw, CT);
        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        waitUntil("the tag browser", 10, () -> mw.tagBrowser() != null && mw.tagBrowser().isShowing());
        TagBrowser tb = fx(() -> mw.tagBrowser());
        assertEquals(0, fx(tb::hitCount));
        robot.clickOn("#tag-search").write("(0010,0010)");
        assertEquals(1, fx(tb::hitCount));
        assertEquals("(0010,0010)", fx(() -> tb.table().getSelectionModel().getSelectedItem().getValue().tag()));
        assertEquals("Pancreas-CT-CB_001", fx(() -> tb.table().getSelectionModel().getSelectedItem().getValue().value()));
        fxRun(() -> tb.searchField().clear());
        robot.clickOn("#tag-search").write("00280030");
        assertEquals(1, fx(tb::hitCount));
        assertEquals("PixelSpacing", fx(() -> tb.table().getSelectionModel().getSelectedItem().getValue().keyword()));
        fxRun(() -> tb.searchField().clear());
        robot.clickOn("#tag-search").write("window");
        int hits = fx(tb::hitCount);
        assertTrue(hits >= 2, "WindowCenter and WindowWidth at least: " + hits);
        fxRun(() -> tb.searchField().clear());
        robot.clickOn("#tag-search").write("no such keyword xyz");
        assertEquals(0, fx(tb::hitCount));
        assertNotEquals(null, fx(() -> tb.table().getRoot()));
    }

    private static WritableImage copy(WritableImage img) {
        WritableImage c = new WritableImage((int) img.getWidth(), (int) img.getHeight());
        c.getPixelWriter().setPixels(0, 0, (int) img.getWidth(), (int) img.getHeight(), img.getPixelReader(), 0, 0);
        return c;
    }

    private static boolean samePixels(WritableImage a, WritableImage b) {
        for (int y = 0; y < a.getHeight(); y += 3) {
            for (int x = 0; x < a.getWidth(); x += 3) {
                if (a.getPixelReader().getArgb(x, y) != b.getPixelReader().getArgb(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }
}
