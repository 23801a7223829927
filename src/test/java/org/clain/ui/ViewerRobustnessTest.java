package org.clain.ui;

import static org.clain.ui.UiTestSupport.BROKEN;
import static org.clain.ui.UiTestSupport.CT;
import static org.clain.ui.UiTestSupport.fx;
import static org.clain.ui.UiTestSupport.fxRun;
import static org.clain.ui.UiTestSupport.openAndWait;
import static org.clain.ui.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.clain.study.Series;
import org.clain.study.Skipped;
import org.clain.testdata.Scratch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Bad input never stops the viewer; every file not read is listed with its reason. */
@ExtendWith(ApplicationExtension.class)
class ViewerRobustnessTest {
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
    void brokenFilesAreListedWithTheirReasons(FxRobot robot) {
        openAndWait(mw, BROKEN, Path.of("/no/such/folder"));
        List<Skipped> skipped = fx(() -> mw.index().skipped());
        assertTrue(skipped.stream().anyMatch(s -> s.path().toString().equals("/no/such/folder")));
        assertTrue(skipped.size() >= 2, "skipped: " + skipped);
        // every series of the folder is shown or explained
        List<Series> series = fx(() -> mw.index().series());
        int colourShown = 0;
        for (Series s : series) {
            fxRun(() -> mw.display(s, mw.activeViewport()));
            waitUntil("series " + s.seriesNumber(), 60,
                    () -> mw.activeViewport().isLoaded() || mw.activeViewport().error() != null);
            if (fx(() -> mw.activeViewport().isColor() && mw.activeViewport().error() == null)) {
                colourShown++;
            }
        }
        // GDCMJ2K_TextGBR.dcm (JPEG 2000, YBR_RCT) is shown in its colours, not refused
        assertTrue(colourShown >= 1, "colour series shown: " + colourShown);
        List<Skipped> problems = fx(() -> mw.problems());
        assertTrue(problems.size() >= skipped.size());
        for (Skipped p : problems) {
            assertFalse(ProblemsDialog.reasonOnly(p).isBlank(), "a reason for " + p.path());
        }
        robot.press(KeyCode.CONTROL).type(KeyCode.E).release(KeyCode.CONTROL);
        waitUntil("the problems dialog", 10, () -> mw.problemsDialog() != null && mw.problemsDialog().isShowing());
        assertEquals(problems.size(), fx(() -> mw.problemsDialog().table().getItems().size()));
        assertTrue(fx(() -> mw.stage().isShowing()), "the viewer is still up");
        fxRun(() -> mw.problemsDialog().stage().hide());
        // and it still opens a good study afterwards
        openAndWait(mw, CT);
        assertEquals(134, fx(() -> mw.activeViewport().sliceCount()));
        assertTrue(fx(() -> mw.problems().isEmpty()));
    }

    /** One file of a 134-image CT cut short: the series opens, that image blank and listed with its reason. */
    @Test
    void aTruncatedFileBlanksItsImageNotTheSeries(FxRobot robot) {
        openAndWait(mw, org.clain.testdata.DamagedSeries.folder());
        Viewport vp = fx(() -> mw.activeViewport());
        assertTrue(fx(vp::isLoaded));
        assertEquals(null, fx(vp::error));
        assertEquals(134, fx(vp::sliceCount));
        java.util.Map<Integer, String> bad = fx(() -> vp.volume().undecodedSlices());
        assertEquals(1, bad.size());
        assertTrue(fx(() -> mw.statusLabel().getText()).contains("could not be decoded"),
                fx(() -> mw.statusLabel().getText()));
        assertTrue(fx(() -> mw.problems()).stream().anyMatch(p -> p.path().getFileName().toString()
                .equals(org.clain.testdata.DamagedSeries.DAMAGED) && p.reason().contains("truncated")),
                fx(() -> mw.problems()).toString());
        int z = bad.keySet().iterator().next();
        fxRun(() -> vp.setSlice(z));
        assertEquals(z, fx(vp::sliceIndex));
    }

    @Test
    void opensADicomdir(FxRobot robot) {
        Path dicomdir = org.clain.testdata.SharedData.file("syntaxes/dicomdir-pydicom/DICOMDIR");
        openAndWait(mw, dicomdir);
        int expected = org.clain.study.Scanner.scan(List.of(dicomdir)).series().size();
        assertTrue(expected >= 2);
        assertEquals(expected, fx(() -> mw.index().series().size()));
        assertEquals(expected, fx(() -> mw.browser().seriesCount()));
        assertTrue(fx(() -> mw.activeViewport().isLoaded() || mw.activeViewport().error() != null));
    }

    @Test
    void nothingReadableOpensTheProblemsList(FxRobot robot) throws Exception {
        Path dir = Scratch.directory("clain-not-dicom");
        Files.writeString(dir.resolve("notes.dcm"), "this is not DICOM");
        Files.write(dir.resolve("empty.dcm"), new byte[0]);
        openAndWait(mw, dir);
        assertTrue(fx(() -> mw.index().series().isEmpty()));
        assertEquals(2, fx(() -> mw.problems().size()));
        waitUntil("the problems dialog", 10, () -> mw.problemsDialog() != null && mw.problemsDialog().isShowing());
        assertEquals(2, fx(() -> mw.problemsDialog().table().getItems().size()));
    }

    @Test
    void cancelStopsDecodingAndTheViewerGoesOn(FxRobot robot) {
        fxRun(() -> mw.open(List.of(CT)));
        waitUntil("decoding to start", 60, () -> mw.activeViewport().series() != null);
        fxRun(() -> mw.cancelWork());
        waitUntil("idle", 60, () -> !mw.busy());
        // either it finished before the cancel or it says it was cancelled; never stuck
        assertTrue(fx(() -> mw.activeViewport().volume() != null
                || "Loading cancelled".equals(mw.activeViewport().error())));
        openAndWait(mw, CT);
        assertTrue(fx(() -> mw.activeViewport().volume() != null));
    }

    @Test
    void commandLinePathsOpenAtStartAndSettingsAreRemembered(FxRobot robot) throws Exception {
        ClainApp app = (ClainApp) FxToolkit.setupApplication(ClainApp.class, CT.toString());
        try {
            waitUntil("the CT from the command line", 120,
                    () -> app.window() != null && app.window().activeViewport().volume() != null);
            assertEquals(134, fx(() -> app.window().activeViewport().sliceCount()));
            robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT3).release(KeyCode.CONTROL);
            assertEquals(Layout.L2X1, fx(() -> app.window().layout()));
            fxRun(() -> app.window().stage().setWidth(1234));
        } finally {
            FxToolkit.cleanupApplication(app);
            fxRun(() -> app.window().stage().hide());
        }
        UserConfig saved = UserConfig.load();
        assertEquals("2x1", saved.layout);
        assertEquals(1234, saved.windowWidth, 1);
        assertTrue(saved.recent.get(0).get(0).endsWith("pancreatic-ct-cbct-seg_CB001_abdomen_implicitLE"));
    }
}
