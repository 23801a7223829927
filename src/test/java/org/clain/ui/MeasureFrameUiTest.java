package org.clain.ui;

import static org.clain.ui.MeasureUiSupport.alignPixels;
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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.geometry.Point2D;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.clain.dicom.DicomFile;
import org.clain.dicom.DicomReader;
import org.clain.dicom.Part10Writer;
import org.clain.dicom.Tag;
import org.clain.dicom.VR;
import org.clain.geom.Vec3;
import org.clain.measure.Distance;
import org.clain.study.Series;
import org.clain.study.phantom.CtPhantom;
import org.clain.study.phantom.PhantomTruth;
import org.clain.study.phantom.Preset;
import org.clain.ui.measure.PlaneView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A measurement belongs to its Frame of Reference: drawn on one series, it shows at the same
 * patient position on another series of that frame (another pixel grid), and not on a series of
 * another frame.
 */
@ExtendWith(ApplicationExtension.class)
class MeasureFrameUiTest {
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

    /**
     * The phantom again on a coarser grid (128 x 128, 1.4 mm pixels, same slice positions) as a
     * second series of the first phantom's study; {@code sameFrame} keeps the first's Frame of
     * Reference, otherwise the series gets a frame of its own.
     */
    private static PhantomTruth coarse(Path raw, Path out, boolean sameFrame, int seriesNumber) throws IOException {
        PhantomTruth first = truth();
        PhantomTruth t = CtPhantom.write(raw, CtPhantom.Options.defaults(Preset.ABDOMEN, 42).withMatrix(128));
        Files.createDirectories(out);
        String frame = sameFrame ? first.geometry().frameOfReferenceUID()
                : "2.25.1" + seriesNumber + "7" + Math.abs(t.geometry().frameOfReferenceUID().hashCode());
        String series = t.geometry().seriesInstanceUID() + "." + seriesNumber;
        try (Stream<Path> files = Files.list(raw)) {
            for (Path p : files.filter(x -> x.toString().endsWith(".dcm")).toList()) {
                DicomFile f = DicomReader.read(p);
                f.dataset().setString(Tag.StudyInstanceUID, VR.UI, first.geometry().studyInstanceUID());
                f.dataset().setString(Tag.FrameOfReferenceUID, VR.UI, frame);
                f.dataset().setString(Tag.SeriesInstanceUID, VR.UI, series);
                f.dataset().setInts(Tag.SeriesNumber, VR.IS, seriesNumber);
                f.dataset().setString(Tag.SOPInstanceUID, VR.UI, f.dataset().getString(Tag.SOPInstanceUID) + "."
                        + seriesNumber);
                f.dataset().setString(Tag.SeriesDescription, VR.LO, sameFrame ? "coarse, same frame" : "other frame");
                Part10Writer.write(out.resolve(p.getFileName()), f);
            }
        }
        return t;
    }

    @Test
    void aMeasurementShowsOnEverySeriesOfItsFrameOfReference(FxRobot robot, @TempDir Path tmp) throws Exception {
        PhantomTruth coarse = coarse(tmp.resolve("raw-b"), tmp.resolve("b"), true, 2);
        coarse(tmp.resolve("raw-c"), tmp.resolve("c"), false, 3);
        fxRun(() -> mw.setLayout(Layout.L1X2));
        openAndWait(mw, phantom(), tmp.resolve("b"), tmp.resolve("c"));
        List<Series> series = fx(() -> mw.index().series());
        assertEquals(3, series.size());
        assertEquals(1, series.stream().map(Series::studyInstanceUid).distinct().count(), "one study");
        waitUntil("both viewports", 60, () -> mw.visibleViewports().stream().allMatch(v -> v.volume() != null));
        Viewport a = fx(() -> mw.visibleViewports().get(0));
        Viewport b = fx(() -> mw.visibleViewports().get(1));
        assertEquals(1, fx(() -> a.series().seriesNumber()));
        assertEquals(2, fx(() -> b.series().seriesNumber()));

        int k = 60;
        fxRun(() -> mw.activate(a));
        fxRun(() -> a.setSlice(k));
        assertEquals(k, fx(b::sliceIndex), "synchronised: same position");
        alignPixels(a, 1);
        fxRun(a::requestFocus);
        robot.moveTo(a);
        robot.type(KeyCode.M);
        drag(robot, screenOf(a, 70, 100), screenOf(a, 190, 160));
        Distance d = (Distance) fx(() -> mw.measure().measurements()).get(0);

        // on the coarse series, at the pixels the coarse truth gives for the same patient points
        PlaneView pb = fx(() -> mw.planeView(b));
        assertTrue(fx(() -> mw.measure().layer(pb).shownIds()).contains(d.id()));
        WritableImage img = snapshot(b);
        for (Vec3 p : List.of(d.a(), d.b())) {
            double[] ij = coarse.geometry().voxelIndex(new org.clain.study.phantom.Vec3(p.x(), p.y(), p.z()));
            assertEquals(k, ij[2], 1e-6, "the coarse series' slice k is the same plane");
            Point2D s = fx(() -> b.imageToScreen(ij[0] + 0.5, ij[1] + 0.5));
            assertTrue(inkPixels(img, s.getX() - 3, s.getY() - 3, s.getX() + 3, s.getY() + 3) > 3,
                    "end point drawn at " + s + " on the coarse series");
        }
        Vec3 mid = d.a().plus(d.b()).times(0.5);
        double[] ij = coarse.geometry().voxelIndex(new org.clain.study.phantom.Vec3(mid.x(), mid.y(), mid.z()));
        Point2D ms = fx(() -> b.imageToScreen(ij[0] + 0.5, ij[1] + 0.5));
        assertTrue(inkPixels(img, ms.getX() - 2, ms.getY() - 2, ms.getX() + 2, ms.getY() + 2) > 2);
        // scrolling the coarse series away hides it there
        fxRun(() -> mw.activate(b));
        fxRun(() -> b.setSlice(k + 10));
        assertFalse(fx(() -> mw.measure().layer(pb).shownIds()).contains(d.id()));

        // a series of another Frame of Reference does not show it, even at the same position
        Series other = series.stream().filter(x -> x.seriesNumber() == 3).findFirst().orElseThrow();
        fxRun(() -> mw.display(other, b));
        waitUntil("the other series", 60, () -> b.volume() != null);
        fxRun(() -> b.setSlice(k));
        WaitForAsyncUtils.waitForFxEvents();
        assertNotEquals(fx(() -> a.volume().frameOfReferenceUid()), fx(() -> b.volume().frameOfReferenceUid()));
        assertTrue(fx(() -> mw.measure().layer(pb).shownIds()).isEmpty());
        Point2D s0 = fx(() -> b.imageToScreen(0, 0));
        Point2D s1 = fx(() -> b.imageToScreen(128, 128));
        assertEquals(0, inkPixels(snapshot(b), s0.getX(), s0.getY(), s1.getX(), s1.getY()));
        assertEquals(geom(truth().geometry().voxelCentre(70, 100, k)).distance(d.a()), 0, 1e-6);
    }
}
