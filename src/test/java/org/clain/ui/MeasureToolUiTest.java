package org.clain.ui;

import static org.clain.ui.MeasureUiSupport.alignPixels;
import static org.clain.ui.MeasureUiSupport.click;
import static org.clain.ui.MeasureUiSupport.drag;
import static org.clain.ui.MeasureUiSupport.geom;
import static org.clain.ui.MeasureUiSupport.inkPixels;
import static org.clain.ui.MeasureUiSupport.phantom;
import static org.clain.ui.MeasureUiSupport.screenOf;
import static org.clain.ui.MeasureUiSupport.truth;
import static org.clain.ui.UiTestSupport.fx;
import static org.clain.ui.UiTestSupport.fxRun;
import static org.clain.ui.UiTestSupport.openAndWait;
import static org.clain.ui.UiTestSupport.snapshot;
import static org.clain.ui.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.clain.geom.Vec3;
import org.clain.measure.Angle;
import org.clain.measure.Arrow;
import org.clain.measure.CobbAngle;
import org.clain.measure.Distance;
import org.clain.measure.Measurement;
import org.clain.measure.PlanarRoi;
import org.clain.measure.PointProbe;
import org.clain.measure.Polyline;
import org.clain.measure.RoiResult;
import org.clain.measure.RoiStatistics;
import org.clain.measure.TextLabel;
import org.clain.measure.VolumeSampler;
import org.clain.study.phantom.PhantomTruth;
import org.clain.study.phantom.Structure;
import org.clain.ui.measure.MeasureController;
import org.clain.ui.measure.MeasurePanel;
import org.clain.ui.measure.MeasureTool;
import org.clain.ui.measure.PlaneView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The measurement tools driven by the mouse and keyboard on the CT phantom, whose truth file gives
 * the geometry and the tumours independently of how Clain reads the series.
 */
@ExtendWith(ApplicationExtension.class)
class MeasureToolUiTest {
    static {
        UiTestSupport.init();
    }

    private MainWindow mw;

    @Start
    void start(Stage stage) {
        MeasureUiSupport.privateDataFolder();
        mw = new MainWindow(stage, new UserConfig());
        stage.show();
    }

    private Viewport vp() {
        return fx(() -> mw.activeViewport());
    }

    private MeasureController measure() {
        return mw.measure();
    }

    private List<Measurement> all() {
        return fx(() -> measure().measurements());
    }

    /** Opens the phantom on the slice through the centre of tumour-1, pixel centres on whole screen pixels. */
    private int openAtTumour() {
        openAndWait(mw, phantom());
        int k = tumourSlice();
        Viewport vp = vp();
        fxRun(() -> vp.setSlice(k));
        alignPixels(vp, 2);
        fxRun(vp::requestFocus);
        return k;
    }

    private static Structure.Sphere tumour() {
        return (Structure.Sphere) truth().structure("tumour-1");
    }

    private static int tumourSlice() {
        return (int) Math.round(truth().geometry().voxelIndex(tumour().centre())[2]);
    }

    private static Vec3 truthCentre(double c, double r, double k) {
        return geom(truth().geometry().voxelCentre(c, r, k));
    }

    private void key(FxRobot robot, KeyCode code, KeyCode... modifiers) {
        robot.press(modifiers);
        robot.type(code);
        robot.release(modifiers);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aDistanceDrawnByMouseIsStoredInPatientMillimetres(FxRobot robot) {
        int k = openAtTumour();
        Viewport vp = vp();
        // the volume Clain built sits where the truth says (so the slice index is the truth's k)
        assertEquals(0, fx(() -> vp.volume().toPatient(3, 5, k)).distance(truthCentre(3, 5, k)), 1e-6);

        robot.moveTo(vp);
        key(robot, KeyCode.M);
        assertEquals(MeasureTool.DISTANCE, fx(() -> measure().tool()));
        assertTrue(fx(() -> ((ToggleButton) robot.lookup("#tool-distance").query()).isSelected()));

        int c1 = 61;
        int r1 = 83;
        int c2 = 187;
        int r2 = 171;
        drag(robot, screenOf(vp, c1, r1), screenOf(vp, c2, r2));
        List<Measurement> ms = all();
        assertEquals(1, ms.size(), ms.toString());
        Distance d = assertInstanceOf(Distance.class, ms.get(0));
        Vec3 a = truthCentre(c1, r1, k);
        Vec3 b = truthCentre(c2, r2, k);
        assertEquals(0, d.a().distance(a), 1e-6, "start point in patient mm");
        assertEquals(0, d.b().distance(b), 1e-6, "end point in patient mm");
        double expected = a.distance(b);
        assertEquals(expected, d.lengthMm(), 1e-6);
        assertEquals(truth().geometry().frameOfReferenceUID(), d.frameOfReferenceUid());
        assertEquals(truth().geometry().seriesInstanceUID(), d.seriesInstanceUid());

        // the list shows its value and slice, the view draws it with its value
        MeasurePanel.Row row = fx(() -> measure().panel().table().getItems().get(0));
        assertEquals(String.format(Locale.ROOT, "%.1f mm", expected), row.value());
        assertEquals("Distance", row.kind());
        assertEquals("Im " + (k + 1), row.plane());
        assertEquals(d.id(), fx(() -> measure().selectedId()), "a new measurement is selected");
        assertEquals(String.format(Locale.ROOT, "%.1f mm", expected), fx(() -> measure().panel().stat("Distance")));
        // the line profile of the selected distance is charted
        assertTrue(fx(() -> measure().panel().profile().isVisible()));
        assertTrue(fx(() -> measure().panel().profile().getData().get(0).getData().size()) > 100);

        Point2D la = fx(() -> vp.imageToScreen(c1 + 0.5, r1 + 0.5));
        Point2D lb = fx(() -> vp.imageToScreen(c2 + 0.5, r2 + 0.5));
        WritableImage img = snapshot(vp);
        int ink = inkPixels(img, la.getX(), la.getY(), lb.getX(), lb.getY());
        assertTrue(ink > 250, "line pixels drawn: " + ink);

        // the tools are commands: in the Measure menu, with their keys in the help sheet
        assertEquals("Measure", mw.command("Distance").menu());
        fxRun(() -> mw.showHelp());
        List<String> help = fx(() -> mw.helpSheet().table().getItems().stream()
                .map(l -> l.what() + "|" + l.how()).toList());
        for (String expectedLine : List.of("Distance|M", "Ellipse ROI|E", "Undo|Ctrl+Z", "Redo|Ctrl+Y",
                "Delete the selected measurement|Delete")) {
            assertTrue(help.contains(expectedLine), expectedLine + " in " + help);
        }
        fxRun(() -> mw.helpSheet().stage().hide());
    }

    @Test
    void anEllipseOnATumourReadsTheTumourHu(FxRobot robot) {
        int k = openAtTumour();
        Viewport vp = vp();
        PhantomTruth t = truth();
        Structure.Sphere tumour = tumour();
        double[] c = t.geometry().voxelIndex(tumour.centre());
        double radiusPx = 5 / t.geometry().pixelSpacing().get(1);
        robot.moveTo(vp);
        key(robot, KeyCode.E);
        assertEquals(MeasureTool.ELLIPSE, fx(() -> measure().tool()));
        Point2D from = screenOf(vp, c[0] - radiusPx, c[1] - radiusPx);
        Point2D to = screenOf(vp, c[0] + radiusPx, c[1] + radiusPx);
        drag(robot, new Point2D(Math.round(from.getX()), Math.round(from.getY())),
                new Point2D(Math.round(to.getX()), Math.round(to.getY())));
        PlanarRoi roi = assertInstanceOf(PlanarRoi.class, all().get(0));
        assertEquals(PlanarRoi.Shape.ELLIPSE, roi.shape());
        // where the mouse drew it: on the slice, around the tumour centre, 5 mm semi-axes (to a screen pixel)
        Vec3 centre = geom(tumour.centre());
        Vec3 onSlice = truthCentre(c[0], c[1], k);
        assertEquals(0, roi.center().distance(onSlice), 0.4);
        assertEquals(5, roi.radiusU(), 0.4);
        assertEquals(5, roi.radiusV(), 0.4);
        assertEquals(1, Math.abs(roi.normal().z()), 1e-9, "drawn on the axial slice");
        assertTrue(Math.abs(roi.center().z() - centre.z()) <= 0.625 + 1e-9);

        RoiResult r = RoiStatistics.planar(fx(vp::volume), roi);
        assertTrue(r.count() > 500, "samples " + r.count());
        assertEquals(tumour.hu(), r.mean(), 3, "mean HU within the noise (sigma " + t.noise().sigmaHU() + ")");
        // the panel shows the engine's numbers for this ROI, with its histogram
        MeasurePanel panel = fx(() -> measure().panel());
        assertEquals(String.format(Locale.ROOT, "%.1f HU", r.mean()), fx(() -> panel.stat("Mean")));
        assertEquals(String.format(Locale.ROOT, "%.1f HU", r.sd()), fx(() -> panel.stat("SD")));
        assertEquals(String.format(Locale.ROOT, "%.1f HU", r.min()), fx(() -> panel.stat("Min")));
        assertEquals(String.format(Locale.ROOT, "%.1f HU", r.max()), fx(() -> panel.stat("Max")));
        assertEquals(String.format(Locale.ROOT, "%.1f HU", r.median()), fx(() -> panel.stat("Median")));
        assertEquals(String.format(Locale.ROOT, "%.1f mm²", roi.areaMm2()), fx(() -> panel.stat("Area")));
        assertEquals(Long.toString(r.count()), fx(() -> panel.stat("Samples")));
        assertTrue(fx(() -> panel.histogram().isVisible()));
        long charted = fx(() -> panel.histogram().getData().get(0).getData().stream()
                .mapToLong(x -> x.getYValue().longValue()).sum());
        assertEquals(r.count(), charted, "every sample in the histogram");
        assertTrue(fx(() -> measure().panel().table().getItems().get(0).value())
                .startsWith(String.format(Locale.ROOT, "%.1f ± %.1f HU, ", r.mean(), r.sd())));
    }

    @Test
    void undoRedoAndDelete(FxRobot robot) {
        openAtTumour();
        Viewport vp = vp();
        robot.moveTo(vp);
        key(robot, KeyCode.M);
        drag(robot, screenOf(vp, 60, 60), screenOf(vp, 120, 60));
        drag(robot, screenOf(vp, 60, 100), screenOf(vp, 120, 140));
        assertEquals(2, all().size());
        String first = all().get(0).id();
        String second = all().get(1).id();

        key(robot, KeyCode.Z, KeyCode.CONTROL);
        assertEquals(List.of(first), all().stream().map(Measurement::id).toList());
        key(robot, KeyCode.Z, KeyCode.CONTROL);
        assertTrue(all().isEmpty());
        key(robot, KeyCode.Y, KeyCode.CONTROL);
        key(robot, KeyCode.Y, KeyCode.CONTROL);
        assertEquals(List.of(first, second), all().stream().map(Measurement::id).toList());

        // select the first by clicking its line (with the scroll tool: no new drawing), delete it
        robot.moveTo(vp);
        key(robot, KeyCode.S);
        assertNull(fx(() -> measure().tool()));
        click(robot, screenOf(vp, 90, 60));
        assertEquals(first, fx(() -> measure().selectedId()));
        key(robot, KeyCode.DELETE);
        assertEquals(List.of(second), all().stream().map(Measurement::id).toList());
        assertNull(fx(() -> measure().selectedId()));
        key(robot, KeyCode.Z, KeyCode.CONTROL);
        assertEquals(2, all().size());
        // Escape deselects; Delete with nothing selected deletes nothing
        click(robot, screenOf(vp, 90, 60));
        assertEquals(first, fx(() -> measure().selectedId()));
        key(robot, KeyCode.ESCAPE);
        assertNull(fx(() -> measure().selectedId()));
        key(robot, KeyCode.DELETE);
        assertEquals(2, all().size());
    }

    @Test
    void shownOnItsSliceOnlyAndTheListJumpsBackToIt(FxRobot robot) {
        int k = openAtTumour();
        Viewport vp = vp();
        robot.moveTo(vp);
        key(robot, KeyCode.M);
        drag(robot, screenOf(vp, 70, 90), screenOf(vp, 180, 150));
        String id = all().get(0).id();
        Point2D la = fx(() -> vp.imageToScreen(70.5, 90.5));
        Point2D lb = fx(() -> vp.imageToScreen(180.5, 150.5));
        PlaneView pv = fx(() -> mw.planeView(vp));
        assertTrue(fx(() -> measure().layer(pv).shownIds()).contains(id));
        assertTrue(inkPixels(snapshot(vp), la.getX(), la.getY(), lb.getX(), lb.getY()) > 150);

        for (int z : new int[] {k + 10, k - 10, k + 1, k - 1}) {
            fxRun(() -> vp.setSlice(z));
            WaitForAsyncUtils.waitForFxEvents();
            assertFalse(fx(() -> measure().layer(pv).shownIds()).contains(id), "not shown on slice " + z);
            assertEquals(0, inkPixels(snapshot(vp), la.getX(), la.getY(), lb.getX(), lb.getY()),
                    "no measurement pixels on slice " + z);
        }
        // a line from 5 slices below to 5 above crosses this slice: a marker where it does, not the line
        Vec3 below = truthCentre(40, 200, k - 5);
        Vec3 above = truthCentre(100, 200, k + 5);
        org.clain.measure.Meta meta = org.clain.measure.Meta.create("", truth().geometry().seriesInstanceUID(),
                truth().geometry().frameOfReferenceUID());
        Distance across = new Distance(meta, below, above);
        fxRun(() -> vp.setSlice(k));
        fxRun(() -> measure().add(pv, across));
        fxRun(() -> measure().select(null));
        assertFalse(fx(() -> measure().layer(pv).shownIds()).contains(across.id()));
        WritableImage crossing = snapshot(vp);
        Point2D mid = fx(() -> vp.imageToScreen(70.5, 200.5));
        assertTrue(inkPixels(crossing, mid.getX() - 5, mid.getY() - 5, mid.getX() + 5, mid.getY() + 5) > 4,
                "a marker where the line crosses the slice");
        Point2D end = fx(() -> vp.imageToScreen(40.5, 200.5));
        assertEquals(0, inkPixels(crossing, end.getX() - 3, end.getY() - 3, end.getX() + 3, end.getY() + 3));
        // a sphere ROI (as loaded from a file or made by clain roi) shows as its section
        org.clain.measure.EllipsoidRoi ball = org.clain.measure.EllipsoidRoi.sphere(org.clain.measure.Meta.create(
                "ball", meta.seriesInstanceUid(), meta.frameOfReferenceUid()), geom(tumour().centre()), 8);
        fxRun(() -> measure().add(pv, ball));
        assertTrue(fx(() -> measure().layer(pv).shownIds()).contains(ball.id()));
        fxRun(() -> vp.setSlice(k + 10));
        assertFalse(fx(() -> measure().layer(pv).shownIds()).contains(ball.id()), "12.5 mm from an 8 mm sphere");
        fxRun(() -> measure().remove(ball.id()));
        fxRun(() -> measure().remove(across.id()));

        fxRun(() -> vp.setSlice(k + 20));
        fxRun(() -> measure().select(null));
        WaitForAsyncUtils.waitForFxEvents(); // the list laid out again before the robot clicks it
        // a click on its row brings the slice back and selects it
        robot.clickOn(MeasureUiSupport.cell(robot, 0, "Type"));
        waitUntil("the slice of the clicked measurement", 10, () -> fx(vp::sliceIndex) == k);
        assertEquals(id, fx(() -> measure().selectedId()));
        assertTrue(fx(() -> measure().layer(pv).shownIds()).contains(id));
    }

    @Test
    void everyToolMakesItsKindOfMeasurement(FxRobot robot) {
        int k = openAtTumour();
        Viewport vp = vp();
        robot.moveTo(vp);

        // polyline: clicks, Enter ends it
        key(robot, KeyCode.M, KeyCode.SHIFT);
        assertEquals(MeasureTool.POLYLINE, fx(() -> measure().tool()));
        click(robot, screenOf(vp, 40, 40));
        click(robot, screenOf(vp, 60, 40));
        click(robot, screenOf(vp, 60, 70));
        key(robot, KeyCode.ENTER);
        Polyline pl = assertInstanceOf(Polyline.class, last());
        assertEquals(3, pl.vertices().size());
        assertEquals(truthCentre(40, 40, k).distance(truthCentre(60, 40, k))
                + truthCentre(60, 40, k).distance(truthCentre(60, 70, k)), pl.lengthMm(), 1e-6);

        // a second one ended by a double click on its last vertex
        click(robot, screenOf(vp, 40, 90));
        click(robot, screenOf(vp, 55, 95));
        robot.moveTo(MeasureUiSupport.whole(screenOf(vp, 70, 90)));
        robot.doubleClickOn(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Polyline pl2 = assertInstanceOf(Polyline.class, last());
        assertEquals(3, pl2.vertices().size(), "the double click places one vertex, not two");
        assertEquals(0, pl2.vertices().get(2).distance(truthCentre(70, 90, k)), 1e-6);
        fxRun(() -> measure().remove(pl2.id()));

        // angle: three clicks, a right angle between pixel rows and columns
        key(robot, KeyCode.A);
        click(robot, screenOf(vp, 100, 40));
        click(robot, screenOf(vp, 80, 40));
        click(robot, screenOf(vp, 80, 75));
        Angle an = assertInstanceOf(Angle.class, last());
        assertEquals(90, an.degrees(), 1e-9);
        assertEquals(0, an.vertex().distance(truthCentre(80, 40, k)), 1e-6);

        // Cobb angle: two dragged lines
        key(robot, KeyCode.A, KeyCode.SHIFT);
        drag(robot, screenOf(vp, 120, 40), screenOf(vp, 160, 50));
        drag(robot, screenOf(vp, 120, 80), screenOf(vp, 160, 70));
        CobbAngle cobb = assertInstanceOf(CobbAngle.class, last());
        Vec3 d1 = truthCentre(160, 50, k).minus(truthCentre(120, 40, k));
        Vec3 d2 = truthCentre(160, 70, k).minus(truthCentre(120, 80, k));
        double expected = Math.toDegrees(Math.acos(d1.dot(d2) / d1.norm() / d2.norm()));
        assertEquals(Math.min(expected, 180 - expected), cobb.degrees(), 1e-9);

        // rectangle: a drag from corner to corner
        key(robot, KeyCode.E, KeyCode.SHIFT);
        drag(robot, screenOf(vp, 40, 110), screenOf(vp, 70, 130));
        PlanarRoi rect = assertInstanceOf(PlanarRoi.class, last());
        assertEquals(PlanarRoi.Shape.RECTANGLE, rect.shape());
        double w = truthCentre(40, 110, k).distance(truthCentre(70, 110, k));
        double h = truthCentre(40, 110, k).distance(truthCentre(40, 130, k));
        assertEquals(w * h, rect.areaMm2(), 1e-6);

        // polygon: clicks, closed by a click on the first vertex
        key(robot, KeyCode.G);
        click(robot, screenOf(vp, 90, 110));
        click(robot, screenOf(vp, 120, 110));
        click(robot, screenOf(vp, 120, 140));
        click(robot, screenOf(vp, 90, 110));
        PlanarRoi poly = assertInstanceOf(PlanarRoi.class, last());
        assertEquals(PlanarRoi.Shape.POLYGON, poly.shape());
        assertEquals(3, poly.points().size());
        assertEquals(0.5 * w * (truthCentre(0, 110, k).distance(truthCentre(0, 140, k))), poly.areaMm2(), 1e-6,
                "right triangle of legs 30 columns and 30 rows");

        // freehand: a drag along a loop
        key(robot, KeyCode.G, KeyCode.SHIFT);
        robot.moveTo(screenOf(vp, 150, 110));
        robot.press(javafx.scene.input.MouseButton.PRIMARY);
        for (int i = 1; i <= 24; i++) {
            double a = 2 * Math.PI * i / 24;
            robot.moveTo(screenOf(vp, 160 - 10 * Math.cos(a), 110 + 10 * Math.sin(a)));
        }
        robot.release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        PlanarRoi free = assertInstanceOf(PlanarRoi.class, last());
        assertEquals(PlanarRoi.Shape.FREEHAND, free.shape());
        double circle = Math.PI * Math.pow(10 * truth().geometry().pixelSpacing().get(1), 2);
        assertEquals(circle, free.areaMm2(), circle * 0.1, "a loop of radius 10 pixels");

        // point probe: its value is the volume's at the clicked pixel centre
        key(robot, KeyCode.X);
        click(robot, screenOf(vp, 200, 60));
        PointProbe probe = assertInstanceOf(PointProbe.class, last());
        assertEquals(0, probe.point().distance(truthCentre(200, 60, k)), 1e-6);
        double hu = fx(() -> vp.valueAt(200, 60));
        assertEquals(hu, VolumeSampler.at(fx(vp::volume), probe.point()), 1e-6);
        assertTrue(fx(() -> measure().panel().table().getItems().get(measure().measurements().size() - 1).value())
                .equals(String.format(Locale.ROOT, "%.1f HU", hu)));
        assertNotNull(fx(() -> measure().panel().stat("Position")));

        // arrow: a drag from the tip, then its text in the dialog
        key(robot, KeyCode.T, KeyCode.SHIFT);
        drag(robot, screenOf(vp, 200, 100), screenOf(vp, 225, 120));
        typeInDialog(robot, "cyst");
        Arrow arrow = assertInstanceOf(Arrow.class, last());
        assertEquals(0, arrow.head().distance(truthCentre(200, 100, k)), 1e-6);
        assertEquals(0, arrow.tail().distance(truthCentre(225, 120, k)), 1e-6);
        assertEquals("cyst", arrow.text());

        // text label: a click, then the text
        key(robot, KeyCode.T);
        click(robot, screenOf(vp, 200, 150));
        typeInDialog(robot, "liver");
        TextLabel text = assertInstanceOf(TextLabel.class, last());
        assertEquals("liver", text.text());
        assertEquals(0, text.anchor().distance(truthCentre(200, 150, k)), 1e-6);

        assertEquals(9, all().size());
        for (Measurement m : all()) {
            assertEquals(truth().geometry().frameOfReferenceUID(), m.frameOfReferenceUid(), m.type());
        }
        // all of them on this slice
        PlaneView pv = fx(() -> mw.planeView(vp));
        assertEquals(9, fx(() -> measure().layer(pv).shownIds()).size());
    }

    private Measurement last() {
        List<Measurement> all = all();
        assertFalse(all.isEmpty(), "nothing was drawn");
        return all.get(all.size() - 1);
    }

    private void typeInDialog(FxRobot robot, String text) {
        waitUntil("the text dialog", 10, () -> robot.lookup("#annotation-text").tryQuery().isPresent());
        robot.clickOn("#annotation-text").write(text);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil("the dialog to close", 10, () -> robot.lookup("#annotation-text").tryQuery().isEmpty());
        fxRun(() -> mw.activeViewport().requestFocus());
    }

    @Test
    void handlesEditAMeasurementAndTheEditUndoes(FxRobot robot) {
        int k = openAtTumour();
        Viewport vp = vp();
        robot.moveTo(vp);
        key(robot, KeyCode.M);
        drag(robot, screenOf(vp, 60, 60), screenOf(vp, 120, 60));
        Distance before = (Distance) all().get(0);
        // drag its end handle two rows down and ten columns right
        drag(robot, screenOf(vp, 120, 60), screenOf(vp, 130, 62));
        assertEquals(1, all().size(), "a handle drag edits, it draws nothing new");
        Distance after = (Distance) all().get(0);
        assertEquals(before.id(), after.id());
        assertEquals(0, after.a().distance(truthCentre(60, 60, k)), 1e-6);
        assertEquals(0, after.b().distance(truthCentre(130, 62, k)), 1e-6);
        // drag the line itself: it moves whole
        drag(robot, screenOf(vp, 90, 61), screenOf(vp, 90, 81));
        Distance moved = (Distance) all().get(0);
        assertEquals(after.lengthMm(), moved.lengthMm(), 1e-9);
        assertEquals(0, moved.a().distance(truthCentre(60, 80, k)), 1e-6);
        key(robot, KeyCode.Z, KeyCode.CONTROL);
        key(robot, KeyCode.Z, KeyCode.CONTROL);
        assertEquals(before, all().get(0));
    }
}
