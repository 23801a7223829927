package org.clain.ui;

import static org.clain.ui.UiTestSupport.fx;
import static org.clain.ui.UiTestSupport.fxRun;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.clain.geom.Affine;
import org.clain.geom.Vec3;
import org.clain.render.HuHistogram;
import org.clain.render.TransferFunction;
import org.clain.study.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The transfer function editor on its own: drag, add, remove, colour, and the events it sends. */
@ExtendWith(ApplicationExtension.class)
class TransferFunctionEditorTest {
    static {
        UiTestSupport.init();
    }

    // fixed here, not a built-in preset, so that tuning the presets does not move these points
    private static final TransferFunction FUNCTION = TransferFunction.of(
            new TransferFunction.Point(-1000, 0, 0, 0, 0), new TransferFunction.Point(120, 0.6, 0.1, 0.05, 0),
            new TransferFunction.Point(200, 0.85, 0.18, 0.1, 0.3), new TransferFunction.Point(400, 1, 0.5, 0.35, 0.6),
            new TransferFunction.Point(800, 1, 0.95, 0.9, 0.8), new TransferFunction.Point(3000, 1, 1, 1, 0.9));
    private TransferFunctionEditor ed;
    private final List<Boolean> events = new CopyOnWriteArrayList<>();
    private final List<TransferFunction> functions = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        ed = new TransferFunctionEditor();
        ed.setFunction(FUNCTION);
        // a histogram over -1024..1976 HU: 1000 voxels of air, 200 of soft tissue, 50 of contrast
        short[][] s = new short[1][1250];
        for (int i = 0; i < 1250; i++) {
            s[0][i] = (short) (i < 1000 ? 0 : i < 1200 ? 1064 : 3000);
        }
        Volume v = new Volume(1250, 1, 1, s, false, new double[] {1}, new double[] {-1024},
                Affine.fromColumns(new Vec3(1, 0, 0), new Vec3(0, 1, 0), new Vec3(0, 0, 1), Vec3.ZERO), "", "CT",
                new double[0], new double[0], null);
        ed.setHistogram(HuHistogram.of(v, 128));
        ed.setOnChange((tf, live) -> {
            functions.add(tf);
            events.add(live);
        });
        ed.setPrefSize(420, 220);
        stage.setScene(new Scene(new StackPane(ed), 420, 220));
        stage.show();
    }

    private Point2D onScreen(double x, double y) {
        return fx(() -> ed.localToScreen(x, y));
    }

    @Test
    void theAxisSpansTheHistogramAndPointsSitWhereTheirValuesAre() {
        assertEquals(-1024, fx(ed::axisLow));
        assertEquals(1976, fx(ed::axisHigh));
        Point2D p = fx(() -> ed.pointPosition(2)); // 200 HU, opacity 0.3
        assertEquals(200, fx(() -> ed.hu(p.getX())), 1e-6);
        assertEquals(0.3, fx(() -> ed.alpha(p.getY())), 1e-6);
        UiTestSupport.save(UiTestSupport.snapshot(ed), "tf-editor.png");
    }

    @Test
    void draggingAPointMovesItLiveThenOnceMore(FxRobot robot) {
        Point2D from = fx(() -> ed.pointPosition(3)); // 400 HU, 0.6
        Point2D to = new Point2D(fx(() -> ed.x(500)), fx(() -> ed.y(0.2)));
        robot.drag(onScreen(from.getX(), from.getY()), MouseButton.PRIMARY).moveTo(onScreen(to.getX(), to.getY()))
                .drop();
        WaitForAsyncUtils.waitForFxEvents();
        TransferFunction.Point p = fx(ed::points).get(3);
        double huPerPixel = (fx(ed::axisHigh) - fx(ed::axisLow)) / fx(ed::getWidth);
        assertEquals(500, p.hu(), 1.5 * huPerPixel);
        assertEquals(0.2, p.a(), 0.02);
        assertEquals(3, fx(ed::selectedIndex));
        assertTrue(events.contains(true), "live events while dragging");
        assertFalse(events.get(events.size() - 1), "a final event on release");
        assertEquals(fx(ed::function), functions.get(functions.size() - 1));
        // the colour of the other channels did not change
        TransferFunction.Point was = FUNCTION.points().get(3);
        assertEquals(List.of(was.r(), was.g(), was.b()), List.of(p.r(), p.g(), p.b()));
    }

    @Test
    void aPointCannotBeDraggedPastItsNeighbours(FxRobot robot) {
        Point2D from = fx(() -> ed.pointPosition(2)); // 200 HU, between 120 and 400
        robot.drag(onScreen(from.getX(), from.getY()), MouseButton.PRIMARY)
                .moveTo(onScreen(fx(() -> ed.x(900)), from.getY())).drop();
        WaitForAsyncUtils.waitForFxEvents();
        List<TransferFunction.Point> pts = fx(ed::points);
        assertEquals(399.5, pts.get(2).hu(), 1e-9);
        assertEquals(400, pts.get(3).hu());
        for (int i = 1; i < pts.size(); i++) {
            assertTrue(pts.get(i).hu() > pts.get(i - 1).hu());
        }
    }

    @Test
    void doubleClickAddsRightClickAndDeleteRemove(FxRobot robot) {
        int n = fx(() -> ed.points().size());
        robot.moveTo(onScreen(fx(() -> ed.x(-300)), fx(() -> ed.y(0.4)))).doubleClickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        List<TransferFunction.Point> pts = fx(ed::points);
        assertEquals(n + 1, pts.size());
        int i = fx(ed::selectedIndex);
        assertEquals(-300, pts.get(i).hu(), 30);
        assertEquals(0.4, pts.get(i).a(), 0.02);
        // the colour where it was added: the function's own there (black to the 120 HU red, linear)
        double[] want = FUNCTION.rgba(pts.get(i).hu());
        assertEquals(want[0], pts.get(i).r(), 1e-9);
        // a colour for the selected point
        fxRun(() -> ed.setSelectedColour(Color.rgb(0, 128, 255)));
        assertEquals(128 / 255.0, fx(ed::points).get(i).g(), 1e-6); // JavaFX colours are floats
        // Delete removes the selected point (the editor has the keyboard after a click on it)
        assertEquals(i, fx(ed::selectedIndex));
        fxRun(ed::requestFocus);
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(n, fx(() -> ed.points().size()));
        // right-click on a point removes it
        Point2D p1 = fx(() -> ed.pointPosition(1));
        robot.moveTo(onScreen(p1.getX(), p1.getY())).clickOn(MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(n - 1, fx(() -> ed.points().size()));
        List<Double> hus = new ArrayList<>();
        fx(ed::points).forEach(q -> hus.add(q.hu()));
        assertFalse(hus.contains(120.0), "the 120 HU point is gone: " + hus);
        assertEquals(fx(ed::function), functions.get(functions.size() - 1));
    }

    @Test
    void theWheelZoomsTheHuAxisAtThePointer(FxRobot robot) {
        double lx = fx(() -> ed.x(100));
        double before = fx(() -> ed.hu(lx));
        double huPerPixel = 3000 / fx(ed::getWidth);
        robot.moveTo(onScreen(lx, fx(() -> ed.y(0.5))));
        UiTestSupport.wheel(robot, ed, 2, false);
        assertEquals(3000 / 1.25 / 1.25, fx(() -> ed.axisHigh() - ed.axisLow()), 1);
        // the HU under the pointer stays under it (to the pixel the robot could reach)
        assertEquals(before, fx(() -> ed.hu(lx)), 2 * huPerPixel);
        UiTestSupport.wheel(robot, ed, 2, true);
        assertEquals(3000, fx(() -> ed.axisHigh() - ed.axisLow()), 1);
    }
}
