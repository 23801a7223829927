package org.clain.ui;

import static org.clain.ui.UiTestSupport.CT;
import static org.clain.ui.UiTestSupport.fx;
import static org.clain.ui.UiTestSupport.fxRun;
import static org.clain.ui.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.clain.dicom.Attributes;
import org.clain.dicom.Part10Writer;
import org.clain.dicom.Tag;
import org.clain.dicom.VR;
import org.clain.geom.Vec3;
import org.clain.render.MprCursor.View;
import org.clain.study.Scanner;
import org.clain.study.Segmentation;
import org.clain.study.Series;
import org.clain.study.Skipped;
import org.clain.study.SliceHeader;
import org.clain.study.SliceStack;
import org.clain.study.StructureSet;
import org.clain.testdata.MonochromePixels;
import org.clain.testdata.RtStructWriter;
import org.clain.testdata.SegWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A segmentation in the study is drawn over the series it segments: the abdomen CT with a
 * segmentation written by the test, a 60 x 60 pixel square on three of its slices.
 */
@ExtendWith(ApplicationExtension.class)
class ViewerSegmentationTest {
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
    void segmentationIsDrawnOverTheCt(FxRobot robot, @TempDir Path tmp) throws Exception {
        SliceStack ct = Scanner.scan(List.of(CT)).series().get(0).stacks().get(0);
        boolean[] square = new boolean[512 * 512];
        for (int r = 200; r < 260; r++) {
            for (int c = 300; c < 360; c++) {
                square[r * 512 + c] = true;
            }
        }
        List<SegWriter.Frame> frames = new ArrayList<>();
        for (int z = 60; z <= 62; z++) {
            frames.add(new SegWriter.Frame(1, ct.slices().get(z).position(), square));
        }
        String frame = ct.instance(ct.slices().get(0)).frameOfReferenceUid();
        SegWriter.write(tmp.resolve("seg.dcm"), frame, null, 512, 512, ct.slices().get(0).rowSpacing(), frames);

        fxRun(() -> mw.open(List.of(CT, tmp.resolve("seg.dcm"))));
        waitUntil("the CT and its segmentation", 120, () -> !mw.busy() && mw.activeViewport().volume() != null
                && !mw.activeViewport().layers().segmentations().isEmpty());
        Viewport vp = fx(() -> mw.activeViewport());
        assertEquals("CT", fx(() -> vp.series().modality()), "the image series opens, not the segmentation");
        fxRun(() -> vp.setSlice(61));
        List<Segmentation.Segment> shown = fx(() -> vp.layers().segmentsShown(vp.shownHeader()));
        assertEquals(1, shown.size());
        assertEquals("S1", shown.get(0).label());
        SliceHeader h = ct.slices().get(61);
        assertEquals(3 * 3600 * h.rowSpacing() * h.columnSpacing() * 2.5, shown.get(0).volumeMm3(), 1e-6);
        WritableImage layer = fx(() -> vp.layers().segmentationImage(vp.shownHeader()));
        assertEquals(0xFF, layer.getPixelReader().getArgb(300, 200) >>> 24, "outline opaque");
        int inside = layer.getPixelReader().getArgb(330, 230) >>> 24;
        assertTrue(inside > 0 && inside < 0xFF, "fill translucent: " + inside);
        assertEquals(0, layer.getPixelReader().getArgb(100, 100) >>> 24);
        // two slices away from the last frame: nothing
        fxRun(() -> vp.setSlice(65));
        assertTrue(fx(() -> vp.layers().segmentsShown(vp.shownHeader())).isEmpty());
        assertNull(fx(() -> vp.layers().segmentationImage(vp.shownHeader())));
        // View > Segmentations (Shift+O) hides them
        fxRun(() -> vp.setSlice(61));
        robot.clickOn(vp);
        robot.push(KeyCode.SHIFT, KeyCode.O);
        waitUntil("hidden", 10, () -> vp.layers().segmentsShown(vp.shownHeader()).isEmpty());
        robot.push(KeyCode.SHIFT, KeyCode.O);
        waitUntil("shown again", 10, () -> !vp.layers().segmentsShown(vp.shownHeader()).isEmpty());

        // the MPR of the series shows them too: the axial reformat through slice 61, and the coronal
        // one through the square's middle row (the crosshair moved there)
        MprWorkspace ws = fx(() -> mw.openMpr(MprWorkspace.Mode.MPR));
        Vec3 inSquare = h.position().plus(h.rowDirection().times(330 * h.columnSpacing()))
                .plus(h.columnDirection().times(230 * h.rowSpacing()));
        fxRun(() -> ws.setCursor(ws.cursor().withCentre(inSquare)));
        waitUntil("the reformats with the segmentation", 60, () -> ws.view(View.AXIAL).segmentationImage() != null
                && ws.view(View.CORONAL).segmentationImage() != null && ws.view(View.SAGITTAL).segmentationImage() != null);
    }

    /** An RT Structure Set of the CT's frame: its contour is drawn on the slice it lies on, named in the legend. */
    @Test
    void structureSetIsDrawnOverTheCt(@TempDir Path tmp) throws Exception {
        SliceStack ct = Scanner.scan(List.of(CT)).series().get(0).stacks().get(0);
        SliceHeader h = ct.slices().get(61);
        Vec3 centre = h.position().plus(h.rowDirection().times(256 * h.columnSpacing()))
                .plus(h.columnDirection().times(256 * h.rowSpacing()));
        Path file = tmp.resolve("rtstruct.dcm");
        RtStructWriter.write(file, ct.instance(h).frameOfReferenceUid(), ct.instance(h).patientId(),
                ct.instance(h).studyInstanceUid(), List.of(new RtStructWriter.Roi(7, "GTV", new int[] {255, 64, 0},
                        List.of(RtStructWriter.square(centre.x(), centre.y(), centre.z(), 30)))));
        fxRun(() -> mw.open(List.of(CT, file)));
        waitUntil("the CT and its structures", 120, () -> !mw.busy() && mw.activeViewport().volume() != null
                && !mw.activeViewport().layers().structureSets().isEmpty());
        Viewport vp = fx(() -> mw.activeViewport());
        fxRun(() -> vp.setSlice(61));
        List<ImageLayers.LegendEntry> legend = fx(() -> vp.layers().legend(vp.shownHeader()));
        assertEquals(1, legend.size());
        assertEquals("GTV", legend.get(0).name());
        assertEquals(0xFF4000, legend.get(0).rgb());
        StructureSet.Drawn d = fx(() -> vp.layers().contours(vp.shownHeader())).get(0);
        // the 30 mm square about the image centre: corners 15 mm / spacing from pixel 256
        assertEquals(256 - 15 / h.columnSpacing(), d.pixels()[0], 1e-6);
        fxRun(() -> vp.setSlice(65));
        assertTrue(fx(() -> vp.layers().legend(vp.shownHeader())).isEmpty());
        // the browser lists the structure set under the CT's study; opening it shows the CT it outlines
        Series rt = fx(() -> mw.index().objectSeries()).get(0);
        assertEquals("RTSTRUCT", rt.modality());
        assertEquals(1, fx(() -> mw.index().byPatientAndStudy()).size(), "one patient");
        assertTrue(fx(() -> mw.index().byPatientAndStudy().values().iterator().next().values().iterator().next())
                .contains(rt));
        fxRun(() -> mw.activeViewport().clear());
        fxRun(() -> mw.openObjects(rt));
        waitUntil("the CT again", 120, () -> !mw.busy() && mw.activeViewport().volume() != null);
        assertEquals(ct.series().seriesInstanceUid(), fx(() -> mw.activeViewport().series().seriesInstanceUid()));
        // in MPR: the square whole on the axial reformat through it, cut into a line on the coronal one
        MprWorkspace ws = fx(() -> mw.openMpr(MprWorkspace.Mode.MPR));
        fxRun(() -> ws.setCursor(ws.cursor().withCentre(centre)));
        waitUntil("the contours on the reformats", 60, () -> ws.view(View.AXIAL).contours().size() == 1
                && ws.view(View.AXIAL).contours().get(0).closed() && ws.view(View.CORONAL).contours().size() == 1
                && !ws.view(View.CORONAL).contours().get(0).closed());
    }

    /** A segmentation Clain does not read (a Segmentation Type it does not know) is one problem, however often its series is shown. */
    @Test
    void unreadableSegmentationIsReportedOnce(@TempDir Path tmp) throws Exception {
        SliceStack ct = Scanner.scan(List.of(CT)).series().get(0).stacks().get(0);
        Attributes ds = SegWriter.header(ct.instance(ct.slices().get(0)).frameOfReferenceUid(), null, 2, 2, 1.0,
                "HEIGHTMAP", 1);
        MonochromePixels.set(ds, 2, 2, 8);
        ds.setSequence(Tag.PerFrameFunctionalGroupsSequence, List.of(SegWriter.frameGroups(ds, 1,
                ct.slices().get(10).position())));
        ds.setBytes(Tag.PixelData, VR.OB, new byte[] {0, 1, 1, 0});
        Path file = tmp.resolve("heightmap.dcm");
        Part10Writer.write(file, ds);
        fxRun(() -> mw.open(List.of(CT, file)));
        waitUntil("the CT", 120, () -> !mw.busy() && mw.activeViewport().volume() != null && !mw.problems().isEmpty());
        Series ctSeries = fx(() -> mw.activeViewport().series());
        fxRun(() -> mw.display(ctSeries, mw.activeViewport()));
        Thread.sleep(500);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        List<String> problems = fx(() -> mw.problems().stream().map(Skipped::reason).toList());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("HEIGHTMAP"), problems.get(0));
    }
}
