package org.clain.ui;

import static org.clain.ui.UiTestSupport.fx;
import static org.clain.ui.UiTestSupport.fxRun;
import static org.clain.ui.UiTestSupport.openAndWait;
import static org.clain.ui.UiTestSupport.save;
import static org.clain.ui.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.clain.geom.Vec3;
import org.clain.render.MprCursor.View;
import org.clain.render.StandardView;
import org.clain.testdata.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Screenshots of the MPR and 3D workspace for people to look at ({@code target/screenshots}):
 * scene snapshots rendered by Prism's software pipeline as on screen. The MPR 2x2 and the 3D
 * view of the abdomen phantom (CT angio preset), and the bones of the shared chest CT.
 */
@ExtendWith(ApplicationExtension.class)
class Ui3dScreenshotTest {
    static {
        UiTestSupport.init();
        System.setProperty("clain.vr.backend", System.getProperty("clain.vr.backend", "cpu"));
    }

    static final Path CHEST = SharedData.file("real-ct/midrc-ricord-1a_chest_jpeglosslessSV1");

    private MainWindow mw;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        mw = UiTestSupport.showMainWindow(stage, 1500, 1000);
    }

    private Path shot(String name) {
        return UiTestSupport.shotOfWindow(stage, name);
    }

    private static void waitFull(MprWorkspace ws) {
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil("the frames", 180, () -> ws.idle() && ws.volumeView().frame() != null
                && ws.volumeView().frame().params().quality() >= 1
                && (ws.mode() == MprWorkspace.Mode.VOLUME || ws.view(View.AXIAL).frame() != null));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void phantomMprAnd3d(FxRobot robot) {
        Path dir = Ui3dPhantoms.full();
        openAndWait(mw, dir);
        MprWorkspace ws = fx(() -> mw.openMpr(MprWorkspace.Mode.MPR));
        assertNotNull(ws);
        fxRun(() -> {
            // crosshair on the largest liver tumour, abdomen window, CT angio in the 3D pane
            ws.setCursor(ws.cursor().withCentre(new Vec3(-38 + 0.0, -14, -354)));
            ws.applyWindow(40, 400);
            ws.volumeView().setMaxRenderSize(384);
            ws.volumePanel().choosePreset("ct-angio");
        });
        waitFull(ws);
        robot.moveTo(ws.view(View.CORONAL)).moveBy(40, 30);
        waitFull(ws);
        shot("mpr-2x2-phantom.png");
        fxRun(() -> ws.setSlab(MprWorkspace.SlabChoice.MIP, 20));
        waitFull(ws);
        shot("mpr-2x2-phantom-mip20.png");
        // oblique: the coronal and sagittal planes turned 30 degrees about the axial normal
        fxRun(() -> {
            ws.setSlab(MprWorkspace.SlabChoice.NONE, 20);
            ws.setCursor(ws.cursor().rotated(View.AXIAL, Math.toRadians(30)));
        });
        waitFull(ws);
        shot("mpr-2x2-phantom-oblique.png");
        // curved MPR along the portal vein's centre line (the phantom's truth), as if clicked
        fxRun(() -> {
            ws.reset();
            for (org.clain.study.phantom.Vec3 p : ((org.clain.study.phantom.Structure.Tube) Ui3dPhantoms.truth(dir)
                    .structure("portal-vein")).points()) {
                ws.addCurvePoint(Ui3dPhantoms.geom(p), ws.cursor().normal(View.CORONAL));
            }
            ws.showCurved();
        });
        waitUntil("the curved reformats", 60, () -> ws.idle() && ws.curvedWindow().straightened() != null
                && ws.curvedWindow().stretched() != null);
        WaitForAsyncUtils.waitForFxEvents();
        save(fx(() -> ws.curvedWindow().stage().getScene().getRoot().snapshot(null, null)),
                "mpr-curved-portal-vein.png");
        fxRun(() -> {
            ws.curvedWindow().close();
            ws.clearCurve();
            ws.setMode(MprWorkspace.Mode.VOLUME);
        });
        waitFull(ws);
        shot("vr-phantom-angio.png");
        save(fx(() -> ws.volumeView().snapshot(null, null)), "vr-phantom-angio-view.png");
        fxRun(() -> ws.volumeView().setStandardView(StandardView.LEFT));
        waitFull(ws);
        save(fx(() -> ws.volumeView().snapshot(null, null)), "vr-phantom-angio-left.png");

        // the liver's tumours with the CT angio preset as it is (faint liver, hypodense tumours green),
        // clipped to the liver (patient right, anterior, mid abdomen)
        fxRun(() -> {
            // anterior, zoomed on the liver: the clip box's centre (-27, -343 mm) in the middle
            ws.volumeView().setCamera(StandardView.ANTERIOR.camera().withZoom(2).withPan(28, -6.9));
            ws.setCursor(ws.cursor().withCentre(new Vec3(-38, -14, -354))); // tumour-1, as in the MPR shot
            // voxel x (columns, R to L), y (rows, A to P), z (slices, F to H) of the 256 x 256 x 120
            // phantom: the liver without the body wall, spine, psoas, kidney and aorta
            ws.volumePanel().setClip(0, 40, 135);
            ws.volumePanel().setClip(1, 72, 145);
            ws.volumePanel().setClip(2, 25, 105);
        });
        waitFull(ws);
        shot("vr-phantom-liver-tumours.png");
        save(fx(() -> ws.volumeView().snapshot(null, null)), "vr-phantom-liver-tumours-view.png");
    }

    @Test
    void chestCtBones(FxRobot robot) {
        openAndWait(mw, CHEST);
        MprWorkspace ws = fx(() -> mw.openMpr(MprWorkspace.Mode.VOLUME));
        assertNotNull(ws);
        fxRun(() -> {
            ws.volumeView().setMaxRenderSize(384);
            ws.volumePanel().choosePreset("ct-bone");
        });
        waitFull(ws);
        shot("vr-chest-bone.png");
        save(fx(() -> ws.volumeView().snapshot(null, null)), "vr-chest-bone-view.png");
        fxRun(() -> ws.setMode(MprWorkspace.Mode.MPR));
        waitFull(ws);
        shot("mpr-2x2-chest.png");
    }
}
