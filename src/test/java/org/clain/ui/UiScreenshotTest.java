package org.clain.ui;

import static org.clain.ui.UiTestSupport.CT;
import static org.clain.ui.UiTestSupport.MR;
import static org.clain.ui.UiTestSupport.fx;
import static org.clain.ui.UiTestSupport.fxRun;
import static org.clain.ui.UiTestSupport.openAndWait;
import static org.clain.ui.UiTestSupport.save;
import static org.clain.ui.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.clain.render.WindowPreset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes screenshots of the main window (scene snapshots, rendered by Prism's software pipeline
 * as on screen) to {@code target/screenshots}, for people to look at. The pixel assertions live in
 * the Viewer* tests; here only that the files are written.
 */
@ExtendWith(ApplicationExtension.class)
class UiScreenshotTest {
    static {
        UiTestSupport.init();
    }

    private MainWindow mw;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        mw = UiTestSupport.showMainWindow(stage, 1500, 940);
    }

    private Path shot(String name) {
        return UiTestSupport.shotOfWindow(stage, name);
    }

    @Test
    void mainWindowWithTheCt(FxRobot robot) {
        openAndWait(mw, CT);
        waitUntil("the thumbnail", 30, () -> mw.browser().hasThumbnail(mw.index().series().get(0)));
        Viewport vp = fx(() -> mw.activeViewport());
        fxRun(() -> vp.setSlice(60));
        robot.moveTo(vp).moveBy(-60, 20); // cursor readout
        shot("ct-1x1.png");
        fxRun(() -> {
            mw.setLayout(Layout.L2X2);
        });
        waitUntil("four viewports", 60, () -> mw.visibleViewports().stream().allMatch(v -> v.volume() != null));
        fxRun(() -> {
            mw.visibleViewports().get(1).applyPreset(WindowPreset.LUNG);
            mw.visibleViewports().get(2).applyPreset(WindowPreset.BONE);
            mw.visibleViewports().get(3).applyPreset(WindowPreset.LIVER);
            mw.visibleViewports().get(3).zoomBy(1.6);
        });
        shot("ct-2x2.png");
        fxRun(() -> mw.setLayout(Layout.L1X1));
        fxRun(() -> mw.showTags());
        waitUntil("tags", 10, () -> mw.tagBrowser().isShowing());
        save(fx(() -> mw.tagBrowser().stage().getScene().getRoot().snapshot(null, null)), "tags-all.png");
        fxRun(() -> mw.tagBrowser().searchField().setText("window"));
        WaitForAsyncUtils.waitForFxEvents();
        save(fx(() -> mw.tagBrowser().stage().getScene().getRoot().snapshot(null, null)), "tags-window.png");
        fxRun(() -> mw.tagBrowser().searchField().setText("0008,1150"));
        WaitForAsyncUtils.waitForFxEvents();
        save(fx(() -> mw.tagBrowser().stage().getScene().getRoot().snapshot(null, null)), "tags-in-sequence.png");
        fxRun(() -> mw.showHelp());
        WaitForAsyncUtils.waitForFxEvents();
        save(fx(() -> mw.helpSheet().stage().getScene().getRoot().snapshot(null, null)), "help.png");
    }

    @Test
    void mainWindowWithTheMr(FxRobot robot) {
        openAndWait(mw, MR);
        Viewport vp = fx(() -> mw.activeViewport());
        fxRun(() -> vp.setSlice(14));
        shot("mr-1x1.png");
    }
}
