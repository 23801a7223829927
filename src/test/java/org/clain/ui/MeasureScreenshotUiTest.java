package org.clain.ui;

import static org.clain.ui.MeasureUiSupport.click;
import static org.clain.ui.MeasureUiSupport.drag;
import static org.clain.ui.MeasureUiSupport.phantom;
import static org.clain.ui.MeasureUiSupport.screenOf;
import static org.clain.ui.MeasureUiSupport.truth;
import static org.clain.ui.UiTestSupport.fx;
import static org.clain.ui.UiTestSupport.fxRun;
import static org.clain.ui.UiTestSupport.openAndWait;
import static org.clain.ui.UiTestSupport.save;
import static org.clain.ui.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.clain.measure.PlanarRoi;
import org.clain.study.phantom.PhantomTruth;
import org.clain.study.phantom.Vec3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes {@code target/screenshots/measurements.png}: the phantom with a few measurements drawn by
 * mouse, the tumour ROI selected with its statistics and histogram (for people to look at), and
 * the viewport alone as exported ({@code measurements-export.png}).
 */
@ExtendWith(ApplicationExtension.class)
class MeasureScreenshotUiTest {
    static {
        UiTestSupport.init();
    }

    private MainWindow mw;
    private Stage stage;

    @Start
    void start(Stage stage) {
        MeasureUiSupport.privateDataFolder();
        this.stage = stage;
        UserConfig c = new UserConfig();
        c.windowWidth = 1500;
        c.windowHeight = 940;
        mw = new MainWindow(stage, c);
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    /** Screen point of a patient point (LPS mm) on the slice shown. */
    private Point2D at(Viewport vp, double x, double y, double z) {
        double[] ij = truth().geometry().voxelIndex(new Vec3(x, y, z));
        Point2D p = screenOf(vp, ij[0], ij[1]);
        return new Point2D(Math.round(p.getX()), Math.round(p.getY()));
    }

    private void key(FxRobot robot, KeyCode code, KeyCode... modifiers) {
        robot.press(modifiers);
        robot.type(code);
        robot.release(modifiers);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void typeInDialog(FxRobot robot, String text) {
        waitUntil("the text dialog", 10, () -> robot.lookup("#annotation-text").tryQuery().isPresent());
        robot.clickOn("#annotation-text").write(text);
        robot.type(KeyCode.ENTER);
        waitUntil("the dialog to close", 10, () -> robot.lookup("#annotation-text").tryQuery().isEmpty());
        fxRun(() -> mw.activeViewport().requestFocus());
    }

    @Test
    void measurementsOnThePhantom(FxRobot robot) throws Exception {
        openAndWait(mw, phantom());
        PhantomTruth t = truth();
        Vec3 tumour = t.structure("tumour-1").centre();
        Viewport vp = fx(mw::activeViewport);
        int k = (int) Math.round(t.geometry().voxelIndex(tumour)[2]);
        double z = t.geometry().slicePosition(k).z();
        fxRun(() -> vp.setSlice(k));
        fxRun(vp::requestFocus);
        robot.moveTo(vp);

        // the aorta's diameter, a liver ROI, an angle, a probe in the IVC, an arrow to the lesion, a label
        key(robot, KeyCode.M);
        drag(robot, at(vp, 8, 2, z), at(vp, 24, 2, z));
        key(robot, KeyCode.E, KeyCode.SHIFT);
        drag(robot, at(vp, -58, -4, z), at(vp, -46, 8, z));
        key(robot, KeyCode.A);
        click(robot, at(vp, 50, 30, z));
        click(robot, at(vp, 30, 50, z));
        click(robot, at(vp, 60, 60, z));
        key(robot, KeyCode.X);
        click(robot, at(vp, -16, 10, z));
        key(robot, KeyCode.T, KeyCode.SHIFT);
        drag(robot, at(vp, tumour.x() + 5, tumour.y() - 6, z), at(vp, tumour.x() + 22, tumour.y() - 22, z));
        typeInDialog(robot, "Lesion");
        key(robot, KeyCode.T);
        click(robot, at(vp, -44, 20, z));
        typeInDialog(robot, "Liver");
        key(robot, KeyCode.E);
        drag(robot, at(vp, tumour.x() - 5, tumour.y() - 5, z), at(vp, tumour.x() + 5, tumour.y() + 5, z));
        assertEquals(7, fx(() -> mw.measure().measurements()).size());
        assertTrue(fx(() -> mw.measure().selected().orElseThrow()) instanceof PlanarRoi);
        fxRun(() -> mw.setTool(Viewport.Tool.SCROLL));
        robot.moveTo(at(vp, 60, -60, z));
        WaitForAsyncUtils.waitForFxEvents();

        Path p = save(fx(() -> stage.getScene().getRoot().snapshot(null, null)), "measurements.png");
        assertTrue(Files.size(p) > 10_000);
        // the aorta's diameter selected: its line profile
        robot.clickOn(MeasureUiSupport.cell(robot, 0, "Type"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> mw.measure().panel().profile().isVisible()));
        save(fx(() -> stage.getScene().getRoot().snapshot(null, null)), "measurements-profile.png");
        Path export = UiTestSupport.screenshots().resolve("measurements-export.png");
        fxRun(() -> {
            try {
                mw.measure().exportPng(export);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        });
        assertTrue(Files.size(export) > 10_000);
    }
}
