package org.clain.ui;

import static org.clain.ui.UiTestSupport.fx;
import static org.clain.ui.UiTestSupport.fxRun;
import static org.clain.ui.UiTestSupport.openAndWait;
import static org.clain.ui.UiTestSupport.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import javafx.geometry.Point2D;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.clain.testdata.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Siemens MR's graphics overlay ("marked lesion") is drawn over the image, on the pixels its
 * Overlay Data sets: bit 66,244 (row 136, column 420, from dcmdump's words; see OverlayPlaneTest)
 * is set, and hidden with the other overlays.
 */
@ExtendWith(ApplicationExtension.class)
class ViewerOverlayPlaneTest {
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
    void graphicsOverlayIsDrawnWhereItsBitsAreSet() {
        openAndWait(mw, SharedData.file("syntaxes/pydicom-data/MR-SIEMENS-DICOM-WithOverlays.dcm"));
        Viewport vp = fx(() -> mw.activeViewport());
        assertEquals(1, fx(() -> vp.overlayPlanes().size()));
        // 8 screen pixels per image pixel around the set bit, so the sample is well inside it
        fxRun(() -> {
            vp.oneToOne();
            vp.zoomBy(8);
        });
        Point2D centre = fx(() -> vp.imageToScreen(420.5, 136.5));
        fxRun(() -> vp.pan(vp.getWidth() / 2 - centre.getX(), vp.getHeight() / 2 - centre.getY()));
        Point2D at = fx(() -> vp.imageToScreen(420.5, 136.5));
        WritableImage shown = snapshot(vp);
        assertEquals(OverlayPlaneImages.COLOUR, shown.getPixelReader().getArgb((int) at.getX(), (int) at.getY()));
        fxRun(() -> vp.setOverlaysVisible(false));
        WritableImage hidden = snapshot(vp);
        assertNotEquals(OverlayPlaneImages.COLOUR, hidden.getPixelReader().getArgb((int) at.getX(), (int) at.getY()));
    }
}
