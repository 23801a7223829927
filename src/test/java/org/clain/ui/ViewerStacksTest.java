package org.clain.ui;

import static org.clain.ui.UiTestSupport.fx;
import static org.clain.ui.UiTestSupport.openAndWait;
import static org.clain.ui.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.clain.study.Series;
import org.clain.study.SliceStack;
import org.clain.testdata.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A series of two stacks at the same positions (Philips B0 field map: 32 magnitude and 32 phase
 * frames of one enhanced MR file): both can be opened from the browser, not only the first.
 */
@ExtendWith(ApplicationExtension.class)
class ViewerStacksTest {
    static {
        UiTestSupport.init();
    }

    private static final Path FIELD_MAP = SharedData.file("syntaxes/dcm_qa_enh/Philips_IM_0027_fMAP.dcm");
    private MainWindow mw;

    @Start
    void start(Stage stage) {
        mw = new MainWindow(stage, new UserConfig());
        stage.show();
    }

    @Test
    void everyStackOfASeriesOpensFromTheBrowser(FxRobot robot) {
        openAndWait(mw, FIELD_MAP);
        Series s = fx(() -> mw.index().series().get(0));
        assertEquals(2, s.stacks().size());
        Viewport vp = fx(() -> mw.activeViewport());
        assertSame(s.stacks().get(0), fx(vp::stack));
        assertEquals(32, fx(vp::sliceCount));
        assertSame(s.stacks(), s.stacks(), "stacks are split once");
        org.clain.study.Volume magnitude = fx(vp::volume);

        SliceStack second = s.stacks().get(1);
        assertTrue(fx(() -> mw.browser().selectStack(second)));
        robot.clickOn(fx(() -> mw.browser()));
        assertTrue(fx(() -> mw.browser().selectStack(second)));
        robot.type(KeyCode.ENTER);
        waitUntil("the second stack", 60, () -> vp.stack() == second && vp.isLoaded());
        assertEquals(32, fx(vp::sliceCount));
        // the same positions, other values: the phase stack is not the magnitude stack again
        double a = fx(() -> mw.activeViewport().volume().value(32, 32, 16));
        SliceStack first = s.stacks().get(0);
        assertTrue(first.slices().get(16).position().distance(second.slices().get(16).position()) < 1e-6);
        assertTrue(first.slices().get(16).frame() != second.slices().get(16).frame());
        assertTrue(Double.isFinite(a));

        // back to the first: its volume, decoded once, is shown again at once
        assertTrue(fx(() -> mw.browser().selectStack(first)));
        robot.type(KeyCode.ENTER);
        waitUntil("the first stack", 10, () -> vp.stack() == first);
        assertSame(magnitude, fx(vp::volume));
    }
}
