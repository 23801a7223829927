package org.clain.ui;

import static org.clain.ui.UiTestSupport.fx;
import static org.clain.ui.UiTestSupport.fxRun;
import static org.clain.ui.UiTestSupport.openAndWait;
import static org.clain.ui.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.clain.dicom.DicomFile;
import org.clain.dicom.TagText;
import org.clain.testdata.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The tag browser on an enhanced multi-frame MR: functional groups as nested sequence items. */
@ExtendWith(ApplicationExtension.class)
class ViewerTagsTest {
    static {
        UiTestSupport.init();
    }

    private static final Path ENHANCED = SharedData.file("syntaxes/dcm_qa_enh/Siemens_XA10_6_1.dcm");
    private MainWindow mw;

    @Start
    void start(Stage stage) {
        mw = new MainWindow(stage, new UserConfig());
        stage.show();
    }

    @Test
    void sequencesAreNestedAndSearchedInside(FxRobot robot) {
        openAndWait(mw, ENHANCED);
        robot.press(KeyCode.CONTROL).type(KeyCode.T).release(KeyCode.CONTROL);
        waitUntil("the tag browser", 10, () -> mw.tagBrowser() != null && mw.tagBrowser().isShowing());
        TagBrowser tb = fx(() -> mw.tagBrowser());
        DicomFile f = fx(() -> mw.activeViewport().currentInstance().file());
        // unfiltered: the per-frame functional groups are a sequence row with one item per frame
        TreeItem<TagBrowser.Row> perFrame = fx(() -> find(tb.table().getRoot(), "(5200,9230)"));
        assertTrue(perFrame != null, "PerFrameFunctionalGroupsSequence row");
        int frames = f.dataset().getSequence(0x52009230).size();
        assertEquals(frames, fx(() -> perFrame.getChildren().size()));
        assertEquals("Item 1", fx(() -> perFrame.getChildren().get(0).getValue().tag()));

        // Pixel Spacing lives inside the Pixel Measures macro of the functional groups
        robot.clickOn("#tag-search").write("00280030");
        int expected = TagText.search(f.meta(), "00280030").size() + TagText.search(f.dataset(), "00280030").size();
        assertTrue(expected >= 1);
        assertEquals(expected, fx(tb::hitCount));
        TreeItem<TagBrowser.Row> hit = fx(() -> tb.table().getSelectionModel().getSelectedItem());
        assertEquals("(0028,0030)", hit.getValue().tag());
        int depth = fx(() -> {
            int d = 0;
            for (TreeItem<TagBrowser.Row> p = hit.getParent(); p != tb.table().getRoot(); p = p.getParent()) {
                d++;
            }
            return d;
        });
        assertTrue(depth >= 4, "sequence > item > sequence > item > element, depth " + depth);
        fxRun(() -> tb.searchField().clear());
        robot.clickOn("#tag-search").write("FunctionalGroups");
        assertTrue(fx(tb::hitCount) >= 2, "Shared and PerFrame functional groups");
    }

    private static TreeItem<TagBrowser.Row> find(TreeItem<TagBrowser.Row> it, String tag) {
        for (TreeItem<TagBrowser.Row> c : it.getChildren()) {
            if (c.getValue().tag().equals(tag)) {
                return c;
            }
        }
        return null;
    }
}
