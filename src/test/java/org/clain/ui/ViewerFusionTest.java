package org.clain.ui;

import static org.clain.ui.UiTestSupport.CT;
import static org.clain.ui.UiTestSupport.fx;
import static org.clain.ui.UiTestSupport.fxRun;
import static org.clain.ui.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.clain.dicom.Tag;
import org.clain.dicom.VR;
import org.clain.geom.Vec3;
import org.clain.render.MprCursor.View;
import org.clain.study.Scanner;
import org.clain.study.Series;
import org.clain.study.SliceHeader;
import org.clain.study.SliceStack;
import org.clain.testdata.PetSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * PET fused over CT: a PET written by the test in the abdomen CT's Frame of Reference, 16 voxels of
 * 20 mm from (-150, -100, 150) mm, 600 Bq/ml with a block of 6000 Bq/ml at voxels 4..11 in x and y,
 * 5..10 in z. 75 kg, 370 MBq F-18 at 60 minutes: SUVbw = Bq/ml x 75000 / 253314180.24164078 (by
 * hand), so the block is SUVbw 1.776 and the rest 0.178.
 */
@ExtendWith(ApplicationExtension.class)
class ViewerFusionTest {
    static {
        UiTestSupport.init();
    }

    private static final double FACTOR = 75000 / 253314180.24164078;

    private MainWindow mw;

    @Start
    void start(Stage stage) {
        mw = new MainWindow(stage, new UserConfig());
        stage.show();
    }

    @Test
    void petIsFusedOverTheCt(FxRobot robot, @TempDir Path tmp) throws Exception {
        SliceStack ct = Scanner.scan(List.of(CT)).series().get(0).stacks().get(0);
        String frame = ct.instance(ct.slices().get(0)).frameOfReferenceUid();
        PetSeries.write(tmp, 16, 20, (x, y, z) -> x >= 4 && x <= 11 && y >= 4 && y <= 11 && z >= 5 && z <= 10 ? 6000 : 600,
                ds -> {
                    int k = ds.getInt(Tag.InstanceNumber, 0) - 1;
                    ds.setString(Tag.FrameOfReferenceUID, VR.UI, frame);
                    ds.setString(Tag.StudyInstanceUID, VR.UI, ct.instance(ct.slices().get(0)).studyInstanceUid());
                    ds.setDoubles(Tag.ImagePositionPatient, VR.DS, -150, -100, 150 + 20 * k);
                });
        fxRun(() -> mw.open(List.of(CT, tmp)));
        waitUntil("the study", 120, () -> !mw.busy() && mw.index() != null && mw.index().series().size() == 2);
        Viewport vp = fx(() -> mw.activeViewport());
        Series ctSeries = fx(() -> mw.index().series().stream().filter(s -> "CT".equals(s.modality())).findFirst()
                .orElseThrow());
        fxRun(() -> mw.display(ctSeries, vp));
        waitUntil("the CT", 120, () -> !mw.busy() && vp.volume() != null);
        robot.clickOn(vp);
        robot.type(KeyCode.U);
        // a CT slice through the block: z = 150 + 20 x 7.5 = 300 mm
        int z = nearest(ct, 300);
        fxRun(() -> vp.setSlice(z));
        waitUntil("the fused PET", 120, () -> vp.layers().fusionImage(vp.shownHeader()) != null);
        SliceHeader h = ct.slices().get(z);
        int[] layer = fx(() -> vp.layers().fusionPixels(vp.shownHeader()));
        int w = h.columns();
        // the block's middle, (-150 + 20 x 7.5, -100 + 20 x 7.5) = (0, 50) mm, is SUVbw 1.776 of 5
        int[] block = pixel(h, new Vec3(0, 50, h.position().z()));
        double t = 6000 * FACTOR / 5;
        assertEquals(FusionLayer.hot(t), layer[block[1] * w + block[0]] & 0xFFFFFF);
        assertEquals(Math.round(0.65 * t * 255), layer[block[1] * w + block[0]] >>> 24);
        int[] around = pixel(h, new Vec3(-120, -70, h.position().z()));
        assertEquals(FusionLayer.hot(600 * FACTOR / 5), layer[around[1] * w + around[0]] & 0xFFFFFF);
        // outside the PET's box (x < -150 mm): nothing over the CT
        int[] outside = pixel(h, new Vec3(-200, 50, h.position().z()));
        assertEquals(0, layer[outside[1] * w + outside[0]]);
        assertTrue(fx(() -> vp.layers().fusionValueText(vp.shownHeader(), block[0], block[1])).contains(String.format(Locale.ROOT,
                "PET %.2f SUVbw", 6000 * FACTOR)));
        // Shift+U: the upper limit to SUVbw 7; Alt+U: the opacity at the top to 80%
        robot.press(KeyCode.SHIFT).type(KeyCode.U).release(KeyCode.SHIFT);
        robot.press(KeyCode.ALT).type(KeyCode.U).release(KeyCode.ALT);
        waitUntil("the new scale", 10, () -> vp.layers().fusionText().equals("PET fused: SUVbw 0-7, 80%"));
        int[] rescaled = fx(() -> vp.layers().fusionPixels(vp.shownHeader()));
        double t7 = 6000 * FACTOR / 7;
        assertEquals(FusionLayer.hot(t7), rescaled[block[1] * w + block[0]] & 0xFFFFFF);
        assertEquals(Math.round(0.8 * t7 * 255), rescaled[block[1] * w + block[0]] >>> 24);
        // off again
        robot.type(KeyCode.U);
        waitUntil("no fusion", 10, () -> vp.layers().fusionImage(vp.shownHeader()) == null);
        assertNull(fx(() -> vp.layers().fusionImage(vp.shownHeader())));
        robot.type(KeyCode.U);
        waitUntil("fused again", 60, () -> vp.layers().fusionImage(vp.shownHeader()) != null);

        // the MPR of the CT shows it too, on all three planes through the block's middle
        MprWorkspace ws = fx(() -> mw.openMpr(MprWorkspace.Mode.MPR));
        fxRun(() -> ws.setCursor(ws.cursor().withCentre(new Vec3(0, 50, 300))));
        waitUntil("the fused reformats", 60, () -> ws.view(View.AXIAL).fusionImage() != null
                && ws.view(View.CORONAL).fusionImage() != null && ws.view(View.SAGITTAL).fusionImage() != null);
        // the reformats follow a change of scale made while they are shown (SUVbw 7 -> 10)
        assertEquals(7, fx(() -> ws.layers().fusion().scale().upperSuv()));
        robot.press(KeyCode.SHIFT).type(KeyCode.U).release(KeyCode.SHIFT);
        waitUntil("the reformats' new scale", 10, () -> ws.layers().fusion().scale().upperSuv() == 10);
    }

    private static int nearest(SliceStack st, double zMm) {
        int best = 0;
        for (int i = 0; i < st.size(); i++) {
            if (Math.abs(st.slices().get(i).position().z() - zMm) < Math.abs(st.slices().get(best).position().z() - zMm)) {
                best = i;
            }
        }
        return best;
    }

    private static int[] pixel(SliceHeader h, Vec3 p) {
        Vec3 d = p.minus(h.position());
        return new int[] {(int) Math.round(d.dot(h.rowDirection()) / h.columnSpacing()),
                (int) Math.round(d.dot(h.columnDirection()) / h.rowSpacing())};
    }
}
