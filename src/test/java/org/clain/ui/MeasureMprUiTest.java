package org.clain.ui;

import static org.clain.ui.MeasureUiSupport.drag;
import static org.clain.ui.MeasureUiSupport.geom;
import static org.clain.ui.MeasureUiSupport.inkPixels;
import static org.clain.ui.MeasureUiSupport.phantom;
import static org.clain.ui.MeasureUiSupport.screenOf;
import static org.clain.ui.MeasureUiSupport.truth;
import static org.clain.ui.MeasureUiSupport.whole;
import static org.clain.ui.UiTestSupport.fx;
import static org.clain.ui.UiTestSupport.fxRun;
import static org.clain.ui.UiTestSupport.openAndWait;
import static org.clain.ui.UiTestSupport.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.clain.geom.Vec3;
import org.clain.measure.Distance;
import org.clain.measure.Measurement;
import org.clain.render.MprCursor.View;
import org.clain.ui.measure.MeasureController;
import org.clain.ui.measure.PlaneView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The measurement tools in the MPR workspace: a measurement drawn on a 2D slice shows on the
 * reformat through it, one drawn by mouse on a coronal reformat is stored in patient mm on that
 * plane and shows, back in 2D, where it meets each axial slice.
 */
@ExtendWith(ApplicationExtension.class)
class MeasureMprUiTest {
    static {
        UiTestSupport.init();
        System.setProperty("clain.vr.backend", "cpu");
        System.setProperty("clain.vr.maxSize", "160");
    }

    private MainWindow mw;

    @Start
    void start(Stage stage) {
        MeasureUiSupport.privateDataFolder();
        UserConfig c = new UserConfig();
        c.windowWidth = 1500;
        c.windowHeight = 940;
        mw = new MainWindow(stage, c);
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    private PlaneView mprView(MprWorkspace ws, View v) {
        return fx(() -> {
            for (PlaneView pv : measure().views()) {
                if (pv.node() == ws.view(v)) {
                    return pv;
                }
            }
            throw new AssertionError("no measurement layer on the " + v + " reformat");
        });
    }

    private MeasureController measure() {
        return mw.measure();
    }

    @Test
    void toolsOnReformatsAndBack(FxRobot robot) {
        openAndWait(mw, phantom());
        Vec3 tumour = geom(truth().structure("tumour-1").centre());
        int k = (int) Math.round(truth().geometry().voxelIndex(truth().structure("tumour-1").centre())[2]);
        Viewport vp = fx(mw::activeViewport);
        fxRun(() -> vp.setSlice(k));
        fxRun(vp::requestFocus);
        robot.moveTo(vp);
        robot.type(KeyCode.M);
        drag(robot, screenOf(vp, 60, 90), screenOf(vp, 110, 120));
        Distance axial = (Distance) fx(() -> measure().measurements()).get(0);

        // the MPR workspace: the list shows the 2D distance on the axial reformat through it
        MprWorkspace ws = fx(() -> mw.openMpr(MprWorkspace.Mode.MPR));
        assertNotNull(ws);
        MprViewTest.settle(ws);
        assertTrue(fx(() -> measure().jumpTo(axial.id())));
        MprViewTest.settle(ws);
        PlaneView ax = mprView(ws, View.AXIAL);
        PlaneView cor = mprView(ws, View.CORONAL);
        assertTrue(fx(() -> measure().layer(ax).shownIds()).contains(axial.id()));
        assertFalse(fx(() -> measure().layer(cor).shownIds()).contains(axial.id()));
        WritableImage axialImage = snapshot(ws.view(View.AXIAL));
        for (Vec3 p : List.of(axial.a(), axial.b(), axial.a().plus(axial.b()).times(0.5))) {
            Point2D s = fx(() -> ax.toScreen(p));
            assertTrue(inkPixels(axialImage, s.getX() - 3, s.getY() - 3, s.getX() + 3, s.getY() + 3) > 3,
                    "drawn on the axial reformat at " + s);
        }

        // a distance drawn by mouse on the coronal reformat, from the tumour's centre 8 mm up
        fxRun(() -> ws.setCursor(ws.cursor().withCentre(tumour)));
        MprViewTest.settle(ws);
        fxRun(() -> measure().select(null));
        MprView coronal = ws.view(View.CORONAL);
        Point2D from = whole(fx(() -> coronal.localToScreen(cor.toScreen(tumour))));
        Point2D to = whole(fx(() -> coronal.localToScreen(cor.toScreen(tumour.plus(new Vec3(0, 0, 8))))));
        robot.moveTo(from);
        drag(robot, from, to);
        List<Measurement> all = fx(() -> measure().measurements());
        assertEquals(2, all.size());
        Distance onCoronal = assertInstanceOf(Distance.class, all.get(1));
        double mmPerPixel = fx(() -> cor.toPatient(0, 0).distance(cor.toPatient(1, 0)));
        // on the coronal plane (through the crosshair centre), where the mouse was, 8 mm long
        assertEquals(tumour.y(), onCoronal.a().y(), 1e-6);
        assertEquals(tumour.y(), onCoronal.b().y(), 1e-6);
        assertEquals(0, onCoronal.a().distance(tumour), mmPerPixel);
        assertEquals(8, onCoronal.lengthMm(), 2 * mmPerPixel);
        assertEquals(truth().geometry().frameOfReferenceUID(), onCoronal.frameOfReferenceUid());
        assertEquals(truth().geometry().seriesInstanceUID(), onCoronal.seriesInstanceUid());
        assertTrue(fx(() -> measure().layer(cor).shownIds()).contains(onCoronal.id()));
        assertEquals(onCoronal.id(), fx(() -> measure().selectedId()));
        UiTestSupport.save(fx(() -> mw.stage().getScene().getRoot().snapshot(null, null)), "measurements-mpr.png");
        // undo works there too, and redo brings it back
        fxRun(() -> measure().undo());
        assertEquals(1, fx(() -> measure().measurements()).size());
        fxRun(() -> measure().redo());
        assertEquals(2, fx(() -> measure().measurements()).size());

        // back to 2D: the vertical line meets the axial slices it crosses, marked there
        fxRun(() -> mw.command(MprMode.MPR_COMMAND).action().run());
        assertNull(fx(() -> mw.mprWorkspace()));
        assertEquals(MainWindow.MAX_VIEWPORTS, fx(() -> measure().views()).size(), "the reformats' tools are gone");
        PlaneView pv = fx(() -> mw.planeView(vp));
        int zTop = (int) Math.floor(truth().geometry().voxelIndex(
                new org.clain.study.phantom.Vec3(onCoronal.b().x(), onCoronal.b().y(), onCoronal.b().z()))[2]);
        int zBottom = (int) Math.ceil(truth().geometry().voxelIndex(
                new org.clain.study.phantom.Vec3(onCoronal.a().x(), onCoronal.a().y(), onCoronal.a().z()))[2]);
        for (int z : new int[] {zBottom + 1, (zBottom + zTop) / 2, zTop - 1}) {
            fxRun(() -> vp.setSlice(z));
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(fx(() -> measure().layer(pv).shownIds()).contains(onCoronal.id()));
            Point2D s = fx(() -> pv.toScreen(onCoronal.a()));
            assertTrue(inkPixels(snapshot(vp), s.getX() - 4, s.getY() - 4, s.getX() + 4, s.getY() + 4) > 3,
                    "a marker on slice " + z + " where the coronal line crosses it");
        }
        fxRun(() -> vp.setSlice(zTop + 8));
        Point2D s = fx(() -> pv.toScreen(onCoronal.a()));
        assertEquals(0, inkPixels(snapshot(vp), s.getX() - 4, s.getY() - 4, s.getX() + 4, s.getY() + 4),
                "nothing above the line's top");
    }
}
