package org.clain.ui;

import static org.clain.ui.UiTestSupport.CT;
import static org.clain.ui.UiTestSupport.fx;
import static org.clain.ui.UiTestSupport.fxRun;
import static org.clain.ui.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.stage.Stage;
import org.clain.study.PresentationState;
import org.clain.study.Series;
import org.clain.study.SliceHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The presentation state of tools/gsps-fixture.py opened from the browser over the abdomen CT: the
 * image it references, turned a quarter clockwise, its displayed area filling the viewport, in its
 * window, with its annotations; the next image it references takes its own window.
 */
@ExtendWith(ApplicationExtension.class)
class ViewerPresentationStateTest {
    static {
        UiTestSupport.init();
    }

    private static final Path FIXTURE = Path.of("src/test/resources/org/clain/study/gsps-abdomen.dcm");
    private static final String A = "1.3.6.1.4.1.14519.5.2.1.262258548797203666290824879261898375602";
    private static final String B = "1.3.6.1.4.1.14519.5.2.1.90588328965349415028728350080729617556";

    private MainWindow mw;

    @Start
    void start(Stage stage) {
        mw = new MainWindow(stage, new UserConfig());
        stage.show();
    }

    @Test
    void presentationStateShowsItsImage() throws Exception {
        fxRun(() -> mw.open(List.of(CT, FIXTURE)));
        waitUntil("the CT", 120, () -> !mw.busy() && mw.activeViewport().volume() != null);
        Viewport vp = fx(() -> mw.activeViewport());
        Series pr = fx(() -> mw.index().objectSeries()).get(0);
        assertEquals("PR", pr.modality());
        assertEquals("LESION", StudyBrowser.objectLabel(pr), "no Series Description: the browser names it by its label");
        fxRun(() -> mw.openObjects(pr));
        waitUntil("the referenced image", 60, () -> vp.shownHeader() != null
                && A.equals(vp.shownHeader().sopInstanceUid()) && vp.layers().presentationState() != null);
        assertEquals(50, fx(vp::windowCenter));
        assertEquals(350, fx(vp::windowWidth));
        assertEquals(1, fx(vp::rotation), "a quarter turn clockwise");
        // the displayed area, pixels 100..400 x 50..450 (corner origin), fills the viewport, centred;
        // turned, it is 400 wide and 300 high on screen
        javafx.geometry.Point2D centre = fx(() -> vp.imageToScreen(250, 250));
        assertEquals(fx(vp::getWidth) / 2, centre.getX(), 1e-6);
        assertEquals(fx(vp::getHeight) / 2, centre.getY(), 1e-6);
        assertEquals(Math.min(fx(vp::getWidth) / 400, fx(vp::getHeight) / 300), fx(vp::zoom), 1e-9);
        SliceHeader h = fx(vp::shownHeader);
        List<PresentationState.Graphic> graphics = fx(() -> vp.layers().presentationGraphics(h));
        assertEquals(4, graphics.size());
        assertEquals(2, fx(() -> vp.layers().presentationTexts(h)).size());
        assertTrue(fx(() -> mw.statusLabel().getText()).startsWith("LESION"), fx(() -> mw.statusLabel().getText()));
        // the next referenced image: its own window, no annotation
        int b = fx(() -> indexOf(vp, B));
        fxRun(() -> vp.setSlice(b));
        assertEquals(-600, fx(vp::windowCenter));
        assertEquals(1500, fx(vp::windowWidth));
        assertTrue(fx(() -> vp.layers().presentationGraphics(vp.shownHeader())).isEmpty());
        // another series in the viewport sets the state aside
        fxRun(() -> mw.display(vp.series(), vp));
        assertEquals(null, fx(() -> vp.layers().presentationState()));
    }

    private static int indexOf(Viewport vp, String sop) {
        List<SliceHeader> slices = vp.stack().slices();
        for (int i = 0; i < slices.size(); i++) {
            if (sop.equals(slices.get(i).sopInstanceUid())) {
                return i;
            }
        }
        throw new AssertionError("no image " + sop);
    }
}
