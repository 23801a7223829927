package org.clain.ui;

import static org.clain.ui.MeasureUiSupport.alignPixels;
import static org.clain.ui.MeasureUiSupport.drag;
import static org.clain.ui.MeasureUiSupport.screenOf;
import static org.clain.ui.UiTestSupport.CT;
import static org.clain.ui.UiTestSupport.fx;
import static org.clain.ui.UiTestSupport.fxRun;
import static org.clain.ui.UiTestSupport.openAndWait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.clain.geom.Vec3;
import org.clain.measure.Distance;
import org.clain.measure.PlanarRoi;
import org.clain.measure.RoiResult;
import org.clain.measure.RoiStatistics;
import org.clain.study.SliceHeader;
import org.clain.ui.measure.MeasurePanel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The measurement tools on the shared abdomen CT (512 x 512, 134 slices stored cranial first). */
@ExtendWith(ApplicationExtension.class)
class MeasureCtUiTest {
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

    /** The patient point of a pixel centre from the slice's own DICOM header (IPP, IOP, pixel spacing). */
    private static Vec3 fromHeader(SliceHeader h, double column, double row) {
        return h.position().plus(h.rowDirection().times(column * h.columnSpacing()))
                .plus(h.columnDirection().times(row * h.rowSpacing()));
    }

    @Test
    void distanceAndEllipseOnTheCt(FxRobot robot) {
        openAndWait(mw, CT);
        Viewport vp = fx(mw::activeViewport);
        int k = 67;
        fxRun(() -> vp.setSlice(k));
        alignPixels(vp, 1);
        fxRun(vp::requestFocus);
        robot.moveTo(vp);
        robot.type(KeyCode.M);
        int c1 = 131;
        int r1 = 197;
        int c2 = 389;
        int r2 = 301;
        Point2D ref = screenOf(vp, 10, 10);
        drag(robot, screenOf(vp, c1, r1), screenOf(vp, c2, r2));
        assertEquals(ref, screenOf(vp, 10, 10), "the view did not move during the drag");
        Distance d = assertInstanceOf(Distance.class, fx(() -> mw.measure().measurements()).get(0));
        SliceHeader h = fx(() -> vp.stack().slices().get(k));
        Vec3 a = fromHeader(h, c1, r1);
        Vec3 b = fromHeader(h, c2, r2);
        assertEquals(0, d.a().distance(a), 1e-4, "start in patient mm");
        assertEquals(0, d.b().distance(b), 1e-4, "end in patient mm");
        assertEquals(a.distance(b), d.lengthMm(), 1e-4);
        MeasurePanel.Row row = fx(() -> mw.measure().panel().table().getItems().get(0));
        assertEquals(String.format(Locale.ROOT, "%.1f mm", a.distance(b)), row.value());
        // reading order: image 1 is the most cranial slice, the highest index
        assertEquals("Im " + (134 - k), row.plane());
        assertEquals(fx(vp::displayNumber), 134 - k);

        // an ellipse 40 x 30 pixels: its statistics are the engine's, and its plane samples average
        // to what the pixels inside it average to (voxel centres, computed here from the slice)
        robot.type(KeyCode.E);
        double cx = 250;
        double cy = 260;
        double rx = 20;
        double ry = 15;
        Point2D from = screenOf(vp, cx - rx, cy - ry);
        Point2D to = screenOf(vp, cx + rx, cy + ry);
        drag(robot, from, to);
        PlanarRoi roi = assertInstanceOf(PlanarRoi.class, fx(() -> mw.measure().measurements()).get(1));
        assertEquals(0, roi.center().distance(fromHeader(h, cx, cy)), 1e-4);
        assertEquals(rx * h.columnSpacing(), roi.radiusU(), 1e-4);
        assertEquals(ry * h.rowSpacing(), roi.radiusV(), 1e-4);
        RoiResult r = RoiStatistics.planar(fx(vp::volume), roi);
        assertEquals(String.format(Locale.ROOT, "%.1f HU", r.mean()), fx(() -> mw.measure().panel().stat("Mean")));
        double sum = 0;
        int n = 0;
        for (int y = (int) (cy - ry); y <= cy + ry; y++) {
            for (int x = (int) (cx - rx); x <= cx + rx; x++) {
                double u = (x - cx) / rx;
                double v = (y - cy) / ry;
                if (u * u + v * v <= 1) {
                    int xx = x;
                    int yy = y;
                    sum += fx(() -> vp.valueAt(xx, yy));
                    n++;
                }
            }
        }
        double voxelMean = sum / n;
        System.out.printf(Locale.ROOT, "CT ellipse: plane-sample mean %.2f HU (SD %.2f, %d samples), voxel-centre"
                + " mean %.2f HU (%d voxels)%n", r.mean(), r.sd(), r.count(), voxelMean, n);
        // the two estimates of one region's mean differ by the sampling only: well within the SD / sqrt(n)
        assertEquals(voxelMean, r.mean(), Math.max(1.0, 3 * r.sd() / Math.sqrt(n)));
        assertTrue(r.count() > 3 * n, "plane samples at half the pixel spacing");
        UiTestSupport.save(fx(() -> mw.stage().getScene().getRoot().snapshot(null, null)), "measurements-ct.png");
    }
}
