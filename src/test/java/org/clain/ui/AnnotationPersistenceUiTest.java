package org.clain.ui;

import static org.clain.ui.MeasureUiSupport.alignPixels;
import static org.clain.ui.MeasureUiSupport.drag;
import static org.clain.ui.MeasureUiSupport.inkPixels;
import static org.clain.ui.MeasureUiSupport.phantom;
import static org.clain.ui.MeasureUiSupport.screenOf;
import static org.clain.ui.MeasureUiSupport.truth;
import static org.clain.ui.UiTestSupport.fx;
import static org.clain.ui.UiTestSupport.fxRun;
import static org.clain.ui.UiTestSupport.openAndWait;
import static org.clain.ui.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.clain.dicom.Attributes;
import org.clain.dicom.DicomFile;
import org.clain.dicom.DicomReader;
import org.clain.dicom.Tag;
import org.clain.measure.AnnotationJson;
import org.clain.measure.Measurement;
import org.clain.measure.MeasurementCsv;
import org.clain.measure.MeasurementSet;
import org.clain.measure.StructuredReport;
import org.clain.ui.measure.MeasureController;
import org.clain.ui.measure.PlaneView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Annotations kept per study in the user's data folder, and the File menu's exports, on the phantom. */
@ExtendWith(ApplicationExtension.class)
class AnnotationPersistenceUiTest {
    private static final int CONTENT_SEQUENCE = 0x0040A730;
    private static final int CONCEPT_NAME_CODE_SEQUENCE = 0x0040A043;
    private static final int CODE_VALUE = 0x00080100;

    static {
        UiTestSupport.init();
    }

    private MainWindow mw;
    private Path data;

    @Start
    void start(Stage stage) {
        data = MeasureUiSupport.privateDataFolder();
        mw = new MainWindow(stage, new UserConfig());
        stage.show();
    }

    /** Draws a distance and an ellipse on the slice of tumour-1; returns the slice. */
    private int drawTwo(FxRobot robot, MainWindow w) {
        openAndWait(w, phantom());
        Viewport vp = fx(w::activeViewport);
        int k = (int) Math.round(truth().geometry().voxelIndex(truth().structure("tumour-1").centre())[2]);
        fxRun(() -> vp.setSlice(k));
        alignPixels(vp, 2);
        fxRun(vp::requestFocus);
        robot.moveTo(vp);
        robot.type(KeyCode.M);
        drag(robot, screenOf(vp, 50, 70), screenOf(vp, 150, 90));
        robot.type(KeyCode.E);
        drag(robot, screenOf(vp, 60, 100), screenOf(vp, 90, 120));
        assertEquals(2, fx(() -> w.measure().measurements()).size());
        return k;
    }

    private static Map<String, String> listing(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                out.put(p.getFileName().toString(), Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return out;
    }

    @Test
    void annotationsSurviveClosingAndReopeningTheStudy(FxRobot robot, @TempDir Path empty) throws Exception {
        Map<String, String> dicomBefore = listing(phantom());
        int k = drawTwo(robot, mw);
        String study = truth().geometry().studyInstanceUID();

        // rename the first in the list: double-click its label cell, type, Enter
        Node labelCell = MeasureUiSupport.cell(robot, 0, "Label");
        robot.doubleClickOn(labelCell);
        WaitForAsyncUtils.waitForFxEvents();
        robot.write("aorta");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        List<Measurement> drawn = fx(() -> mw.measure().measurements());
        assertEquals("aorta", drawn.get(0).label());
        assertEquals(2, drawn.size(), "typing a label draws nothing and switches no tool");

        // saved at once, in the data folder, never beside the DICOM files
        Path saved = data.resolve("annotations").resolve(study + ".json");
        assertTrue(Files.isRegularFile(saved), saved.toString());
        assertEquals(drawn, AnnotationJson.importFrom(saved).measurements());
        assertEquals(dicomBefore, listing(phantom()), "nothing written into the DICOM folder");
        assertFalse(fx(() -> mw.measure().sets().get(study).dirty()));

        // close the study (open another folder), reopen it: the annotations are back
        openAndWait(mw, empty);
        assertTrue(fx(() -> mw.measure().measurements()).isEmpty());
        openAndWait(mw, phantom());
        assertEquals(drawn, fx(() -> mw.measure().measurements()));

        // and in a new window, as after a restart
        MainWindow[] second = new MainWindow[1];
        Stage[] stage = new Stage[1];
        fxRun(() -> {
            stage[0] = new Stage();
            second[0] = new MainWindow(stage[0], new UserConfig());
            stage[0].show();
        });
        try {
            openAndWait(second[0], phantom());
            assertEquals(drawn, fx(() -> second[0].measure().measurements()));
            Viewport vp2 = fx(second[0]::activeViewport);
            assertTrue(fx(() -> second[0].measure().jumpTo(drawn.get(1).id())));
            assertEquals(k, fx(vp2::sliceIndex));
            PlaneView pv = fx(() -> second[0].planeView(vp2));
            assertEquals(2, fx(() -> second[0].measure().layer(pv).shownIds()).size());
            // an edit in the new window is saved too, and the window's close saves whatever is left
            fxRun(() -> second[0].measure().rename(drawn.get(1).id(), "tumour"));
            assertEquals("tumour", AnnotationJson.importFrom(saved).measurements().get(1).label());
        } finally {
            fxRun(() -> stage[0].close());
        }
        assertEquals(dicomBefore, listing(phantom()));
    }

    @Test
    void exportsJsonSrPngAndCsvAndImportsJson(FxRobot robot, @TempDir Path out) throws Exception {
        drawTwo(robot, mw);
        MeasureController m = mw.measure();
        List<Measurement> drawn = fx(m::measurements);

        // the File menu offers them
        for (String text : List.of("Export annotations (JSON)…", "Import annotations (JSON)…",
                "Export DICOM SR (TID 1500)…", "Export image with annotations (PNG)…", "Copy measurements as CSV")) {
            assertEquals("File", mw.command(text).menu());
        }

        Path json = out.resolve("annotations.json");
        fxRun(() -> {
            try {
                m.exportJson(json);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        MeasurementSet back = AnnotationJson.importFrom(json);
        assertEquals(truth().geometry().studyInstanceUID(), back.studyInstanceUid());
        assertEquals(drawn, back.measurements());

        Path sr = out.resolve("report.dcm");
        fxRun(() -> {
            try {
                m.exportSr(sr);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        DicomFile f = DicomReader.read(sr);
        Attributes d = f.dataset();
        assertEquals(StructuredReport.COMPREHENSIVE_3D_SR, d.getString(Tag.SOPClassUID));
        assertEquals(truth().geometry().studyInstanceUID(), d.getString(Tag.StudyInstanceUID));
        assertEquals("SR", d.getString(Tag.Modality));
        Attributes imaging = null;
        for (Attributes item : d.getSequence(CONTENT_SEQUENCE)) {
            if ("126010".equals(item.getSequence(CONCEPT_NAME_CODE_SEQUENCE).get(0).getString(CODE_VALUE))) {
                imaging = item;
            }
        }
        assertNotNull(imaging, "Imaging Measurements container");
        assertEquals(drawn.size(), imaging.getSequence(CONTENT_SEQUENCE).size(), "one group per measurement");

        Path png = out.resolve("view.png");
        fxRun(() -> {
            try {
                m.exportPng(png);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        BufferedImage img = ImageIO.read(png.toFile());
        Viewport vp = fx(mw::activeViewport);
        assertEquals(fx(vp::getWidth), img.getWidth(), 1.0, "the viewport as shown");
        javafx.geometry.Point2D a = fx(() -> vp.imageToScreen(50.5, 70.5));
        javafx.geometry.Point2D b = fx(() -> vp.imageToScreen(150.5, 90.5));
        assertTrue(inkPixels(SwingFXUtils.toFXImage(img, null), a.getX(), a.getY(), b.getX(), b.getY()) > 150,
                "the measurements are burned into the exported image");

        String csv = fx(() -> {
            try {
                return m.copyCsv();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        String[] lines = csv.split("\r\n");
        assertEquals(String.join(",", MeasurementCsv.HEADER), lines[0]);
        assertEquals(1 + drawn.size(), lines.length);
        assertEquals(csv, fx(() -> Clipboard.getSystemClipboard().getString()));

        // import: after deleting everything, the exported document brings it all back
        fxRun(() -> drawn.forEach(x -> m.remove(x.id())));
        assertTrue(fx(m::measurements).isEmpty());
        int added = fx(() -> {
            try {
                return m.importJson(json);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        assertEquals(2, added);
        assertEquals(drawn, fx(m::measurements));
        // a second import adds nothing (same ids)
        assertEquals(0, (int) fx(() -> {
            try {
                return m.importJson(json);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }));
        waitUntil("the status", 5, () -> mw.statusLabel().getText().contains("already there"));
    }
}
