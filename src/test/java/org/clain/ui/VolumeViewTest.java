package org.clain.ui;

import static org.clain.ui.UiTestSupport.fx;
import static org.clain.ui.UiTestSupport.fxRun;
import static org.clain.ui.UiTestSupport.openAndWait;
import static org.clain.ui.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.geometry.Point2D;
import javafx.scene.control.ComboBox;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.clain.geom.Vec3;
import org.clain.render.Camera;
import org.clain.render.Presets;
import org.clain.render.RenderImage;
import org.clain.render.RenderMode;
import org.clain.render.StandardView;
import org.clain.render.TransferFunction;
import org.clain.render.ViewFrame;
import org.clain.render.VolumeRenderer;
import org.clain.study.phantom.PhantomTruth;
import org.clain.study.phantom.Structure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The 3D view on the abdomen phantom (128 x 128 x 60), CPU ray caster at 200 pixels unless a test
 * asks for the GPU: frames, rotation with progressive refinement, standard views, the transfer
 * function editor, user presets, mode, iso, clip box and the shared 3D cursor.
 */
@ExtendWith(ApplicationExtension.class)
class VolumeViewTest {
    static {
        UiTestSupport.init();
        System.setProperty("clain.vr.backend", "cpu");
        System.setProperty("clain.vr.maxSize", "200");
    }

    static final Path PHANTOM = Ui3dPhantoms.small();
    static final PhantomTruth TRUTH = Ui3dPhantoms.truth(PHANTOM);
    static final Vec3 AORTA = aortaMiddle();
    static final int BACKGROUND = 0xFF000000;

    private MainWindow mw;

    static Vec3 aortaMiddle() {
        Structure.Tube a = (Structure.Tube) TRUTH.structure("aorta");
        Vec3 p0 = Ui3dPhantoms.geom(a.points().get(0));
        return new Vec3(p0.x(), p0.y(), -350);
    }

    @Start
    void start(Stage stage) {
        UserConfig c = new UserConfig();
        c.windowWidth = 1300;
        c.windowHeight = 900;
        mw = new MainWindow(stage, c);
        stage.setX(0);
        stage.setY(0);
        stage.show();
    }

    private MprWorkspace open(MprWorkspace.Mode mode) {
        openAndWait(mw, PHANTOM);
        MprWorkspace ws = fx(() -> mw.openMpr(mode));
        assertNotNull(ws);
        fxRun(() -> ws.volumePanel().choosePreset("ct-angio"));
        settle(ws);
        return ws;
    }

    /** Waits for the full-quality frame of the current parameters. */
    static VolumeView.Frame settle(MprWorkspace ws) {
        WaitForAsyncUtils.waitForFxEvents();
        VolumeView v = ws.volumeView();
        waitUntil("the full-quality frame", 90, () -> ws.idle() && v.frame() != null
                && v.frame().params().equals(v.params().withQuality(1.0)));
        return fx(v::frame);
    }

    private static int pixelAt(VolumeView.Frame f, MprWorkspace ws, Vec3 p) {
        double[] xy = fx(() -> ViewFrame.of(ws.volume(), f.params().camera(), f.width(), f.height()).project(p));
        return f.result().image().argb((int) xy[0], (int) xy[1]);
    }

    private static double differentFraction(RenderImage a, RenderImage b) {
        assertEquals(a.width(), b.width());
        int n = 0;
        for (int i = 0; i < a.argb().length; i++) {
            int x = a.argb()[i];
            int y = b.argb()[i];
            int d = Math.abs((x >> 16 & 255) - (y >> 16 & 255)) + Math.abs((x >> 8 & 255) - (y >> 8 & 255))
                    + Math.abs((x & 255) - (y & 255));
            if (d > 24) {
                n++;
            }
        }
        return n / (double) a.argb().length;
    }

    @Test
    void rendersTheAngioPresetWithTheVesselsInFrontOfABlackBackground(FxRobot robot) {
        MprWorkspace ws = open(MprWorkspace.Mode.VOLUME);
        VolumeView.Frame f = settle(ws);
        assertEquals("CT angio (vessels)", fx(() -> ws.volumeView().presetName()));
        assertEquals(Presets.get("ct-angio").transferFunction(), f.params().transferFunction());
        assertEquals(RenderMode.DVR, f.params().mode());
        RenderImage img = f.result().image();
        assertEquals(BACKGROUND, img.argb(1, 1), "background corner");
        // the aorta (200 HU, contrast) is drawn red where it projects
        int a = pixelAt(f, ws, AORTA);
        int r = a >> 16 & 255;
        int g = a >> 8 & 255;
        assertTrue(r > 90 && r > g + 40, String.format(Locale.ROOT, "aorta pixel %08x", a));
        long lit = java.util.Arrays.stream(img.argb()).filter(x -> x != BACKGROUND).count();
        assertTrue(lit > 0.05 * img.argb().length, lit + " pixels drawn");
        // on screen through the PixelBuffer: the snapshot at the aorta is red too
        WritableImage snap = UiTestSupport.snapshot(ws.volumeView());
        Point2D s = fx(() -> ws.volumeView().patientToScreen(AORTA));
        int on = snap.getPixelReader().getArgb((int) s.getX(), (int) s.getY());
        assertTrue((on >> 16 & 255) > 90, String.format(Locale.ROOT, "on screen %08x", on));
        // the CPU was asked for: the status bar says what drew the frame
        assertTrue(fx(() -> mw.statusLabel().getText()).startsWith("3D: CPU ray caster"),
                fx(() -> mw.statusLabel().getText()));
    }

    @Test
    void draggingOrbitsWithQuickFramesThenAFullOne(FxRobot robot) {
        MprWorkspace ws = open(MprWorkspace.Mode.VOLUME);
        VolumeView v = ws.volumeView();
        RenderImage before = settle(ws).result().image();
        List<VolumeView.Frame> frames = new CopyOnWriteArrayList<>();
        fxRun(() -> v.onFrame(frames::add));
        Point2D c = fx(() -> v.localToScreen(v.getWidth() / 2, v.getHeight() / 2));
        robot.drag(c, MouseButton.PRIMARY).moveBy(40, 0).moveBy(40, 0).drop();
        VolumeView.Frame after = settle(ws);
        Camera cam = fx(v::camera);
        // 0.5 degree per pixel; dragging right turns the patient's left side towards the viewer
        assertEquals(-80 * VolumeView.DEGREES_PER_PIXEL, cam.azimuth(), 1);
        assertEquals(0, cam.elevation(), 1);
        assertTrue(differentFraction(before, after.result().image()) > 0.05, "the image turned");
        assertTrue(frames.stream().anyMatch(f -> f.params().quality() == VolumeView.INTERACTIVE_QUALITY),
                "quick frames while dragging: " + frames.stream().map(f -> f.params().quality()).toList());
        assertEquals(1.0, frames.get(frames.size() - 1).params().quality());
    }

    @Test
    void standardViewButtonsSetTheCameraAndOrientation(FxRobot robot) {
        MprWorkspace ws = open(MprWorkspace.Mode.VOLUME);
        VolumeView v = ws.volumeView();
        fxRun(() -> v.setCamera(v.camera().withZoom(1.3).orbit(33, 12)));
        settle(ws);
        Vec3 right = new Vec3(-50, 0, -350);
        Vec3 left = new Vec3(50, 0, -350);
        Vec3 front = new Vec3(0, -50, -350);
        Vec3 back = new Vec3(0, 50, -350);
        RenderImage previous = null;
        for (StandardView sv : StandardView.values()) {
            robot.clickOn("#vr-view-" + sv.name().toLowerCase(Locale.ROOT));
            VolumeView.Frame f = settle(ws);
            Camera cam = fx(v::camera);
            assertEquals(sv.azimuth, cam.azimuth(), 1e-9, sv.name());
            assertEquals(sv.elevation, cam.elevation(), 1e-9, sv.name());
            assertEquals(0, cam.roll(), 1e-9);
            assertEquals(1.3, cam.zoom(), 1e-9, "the zoom stays");
            if (previous != null) {
                assertTrue(differentFraction(previous, f.result().image()) > 0.02, sv + " draws another image");
            }
            previous = f.result().image();
            Point2D r = fx(() -> v.patientToScreen(right));
            Point2D l = fx(() -> v.patientToScreen(left));
            Point2D a = fx(() -> v.patientToScreen(front));
            Point2D p = fx(() -> v.patientToScreen(back));
            switch (sv) {
                // from the front the patient's right is on the image's left
                case ANTERIOR -> assertTrue(r.getX() < l.getX());
                case POSTERIOR -> assertTrue(r.getX() > l.getX());
                // from the left side, anterior on the left
                case LEFT -> assertTrue(a.getX() < p.getX());
                case RIGHT -> assertTrue(a.getX() > p.getX());
                // from the head and the feet, anterior up
                case HEAD, FEET -> assertTrue(a.getY() < p.getY());
            }
        }
        robot.clickOn("#vr-reset");
        settle(ws);
        assertEquals(StandardView.ANTERIOR.camera(), fx(v::camera));
    }

    @Test
    void editingATransferFunctionPointChangesTheRender(FxRobot robot) {
        MprWorkspace ws = open(MprWorkspace.Mode.VOLUME);
        VolumeView v = ws.volumeView();
        TransferFunctionEditor ed = ws.volumePanel().editor();
        VolumeView.Frame before = settle(ws);
        int aortaBefore = pixelAt(before, ws, AORTA);
        // the angio preset's first contrast point (150-200 HU): drag it to the floor, the aorta (200 HU) fades
        List<TransferFunction.Point> pts = fx(ed::points);
        int k = 0;
        while (pts.get(k).hu() < 150) {
            k++;
        }
        int vessel = k;
        double hu = pts.get(vessel).hu();
        assertTrue(hu <= 200 && pts.get(vessel).a() > 0.2, "contrast point " + pts.get(vessel));
        Point2D from = fx(() -> ed.localToScreen(ed.pointPosition(vessel)));
        Point2D to = fx(() -> ed.localToScreen(ed.pointPosition(vessel).getX(), ed.y(0) + 2));
        robot.drag(from, MouseButton.PRIMARY).moveTo(to).drop();
        VolumeView.Frame after = settle(ws);
        TransferFunction.Point edited = fx(ed::points).get(vessel);
        assertEquals(hu, edited.hu(), 20);
        assertEquals(0, edited.a(), 0.02);
        assertEquals(fx(ed::function), after.params().transferFunction());
        assertTrue(differentFraction(before.result().image(), after.result().image()) > 0.01, "the render changed");
        assertNotEquals(aortaBefore, pixelAt(after, ws, AORTA));

        // double-click adds a point, right-click removes it
        int n = fx(() -> ed.points().size());
        Point2D empty = fx(() -> ed.localToScreen(ed.x(-500), ed.y(0.5)));
        robot.moveTo(empty).doubleClickOn(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(n + 1, fx(() -> ed.points().size()));
        int added = fx(ed::selectedIndex);
        assertEquals(-500, fx(ed::points).get(added).hu(), 15);
        assertEquals(0.5, fx(ed::points).get(added).a(), 0.03);
        assertEquals(fx(ed::function), fx(() -> v.params().transferFunction()));
        robot.moveTo(fx(() -> ed.localToScreen(ed.pointPosition(added)))).clickOn(MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(n, fx(() -> ed.points().size()));
        settle(ws);
    }

    @Test
    void userPresetsAreSavedAsJsonAndComeBack(FxRobot robot) throws Exception {
        MprWorkspace ws = open(MprWorkspace.Mode.VOLUME);
        TransferFunctionEditor ed = ws.volumePanel().editor();
        fxRun(() -> {
            ed.movePoint(3, 450, 0.9, false);
            ed.select(3);
            ed.setSelectedColour(javafx.scene.paint.Color.rgb(40, 200, 90));
        });
        settle(ws);
        TransferFunction mine = fx(ed::function);
        Presets.Preset saved = fx(() -> ws.volumePanel().saveUserPreset("Green vessels"));
        Path file = VolumePanel.userPresetsFile();
        assertTrue(Files.isRegularFile(file));
        assertTrue(file.startsWith(UserConfig.folder()));
        List<Presets.Preset> read = Presets.read(file);
        assertTrue(read.contains(saved), read.toString());
        assertEquals(mine, saved.transferFunction());
        assertEquals(0.9, saved.transferFunction().points().get(3).a(), 1e-9);
        // another preset, then back to the saved one
        fxRun(() -> ws.volumePanel().choosePreset("ct-bone"));
        settle(ws);
        assertNotEquals(mine, fx(() -> ws.volumeView().params().transferFunction()));
        assertTrue(fx(() -> ws.volumePanel().choosePreset("Green vessels")));
        VolumeView.Frame f = settle(ws);
        assertEquals(mine, f.params().transferFunction());
        assertEquals(mine, fx(ed::function));
        // a new workspace lists it (read from the user's configuration folder)
        robot.clickOn("#mpr-close");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, fx(() -> mw.mprWorkspace()));
        MprWorkspace again = fx(() -> mw.openMpr(MprWorkspace.Mode.VOLUME));
        assertTrue(fx(() -> again.volumePanel().presetChoices()).contains(saved));
        // and loading a presets file adds its presets
        Path other = Files.createTempFile("presets", ".json");
        other.toFile().deleteOnExit();
        Presets.write(List.of(new Presets.Preset("lab-mip", "Lab MIP", "CT", RenderMode.MIP,
                TransferFunction.greyRamp(-100, 600), org.clain.render.Shading.OFF, null, null)), other);
        fxRun(() -> again.volumePanel().loadPresets(other));
        VolumeView.Frame mip = settle(again);
        assertEquals(RenderMode.MIP, mip.params().mode());
        assertEquals("Lab MIP", fx(() -> again.volumeView().presetName()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void modeIsoAndClipBoxReachTheRenderer(FxRobot robot) {
        MprWorkspace ws = open(MprWorkspace.Mode.VOLUME);
        VolumeView v = ws.volumeView();
        RenderImage dvr = settle(ws).result().image();
        ComboBox<RenderMode> mode = (ComboBox<RenderMode>) robot.lookup("#vr-mode").query();
        fxRun(() -> mode.setValue(RenderMode.ISO));
        javafx.scene.control.Slider iso = robot.lookup("#vr-iso").query();
        assertTrue(fx(iso::isVisible), "the iso threshold shows in ISO mode");
        fxRun(() -> iso.setValue(500));
        VolumeView.Frame f = settle(ws);
        assertEquals(RenderMode.ISO, f.params().mode());
        assertEquals(500, f.params().isoValue(), 1e-9);
        assertTrue(differentFraction(dvr, f.result().image()) > 0.02);
        fxRun(() -> mode.setValue(RenderMode.MIP));
        VolumeView.Frame mip = settle(ws);
        assertEquals(RenderMode.MIP, mip.params().mode());
        // clip away the upper half of the slices: the box reaches the renderer and the image changes
        int nz = ws.volume().nz();
        fxRun(() -> ws.volumePanel().setClip(2, 0, nz / 2.0));
        VolumeView.Frame clipped = settle(ws);
        assertNotNull(clipped.params().clipBox());
        assertEquals(nz / 2.0, clipped.params().clipBox().max().z(), 1e-9);
        // measured against the volume's footprint, not the whole frame: the view's size (and so the
        // share of background) depends on the panels beside it
        RenderImage full = mip.result().image();
        long footprint = java.util.Arrays.stream(full.argb()).filter(c -> c != BACKGROUND).count();
        double changed = differentFraction(full, clipped.result().image()) * full.argb().length;
        assertTrue(changed > 0.2 * footprint, "clipping changed " + changed + " of " + footprint + " footprint pixels");
        // the upper half is gone: the top rows of the image are background now
        RenderImage ci = clipped.result().image();
        double[] headEnd = fx(() -> ViewFrame.of(ws.volume(), clipped.params().camera(), ci.width(), ci.height())
                .project(ws.volume().toPatient((ws.volume().nx() - 1) / 2.0, (ws.volume().ny() - 1) / 2.0, nz - 3)));
        assertEquals(BACKGROUND, ci.argb((int) headEnd[0], (int) headEnd[1]));
    }

    @Test
    void theCrosshairCentreIsShownIn3d(FxRobot robot) {
        MprWorkspace ws = open(MprWorkspace.Mode.MPR);
        VolumeView v = ws.volumeView();
        Vec3 target = new Vec3(AORTA.x() - 30, AORTA.y(), AORTA.z() + 20);
        fxRun(() -> ws.setCursor(ws.cursor().withCentre(target)));
        settle(ws);
        Point2D p = fx(() -> v.patientToScreen(target));
        WritableImage snap = UiTestSupport.snapshot(v);
        // the marker's right arm, drawn along the pixel row of the point: yellow pixels 4..14 px right of it
        int yellow = 0;
        for (int dx = 5; dx <= 12; dx++) {
            int c = snap.getPixelReader().getArgb((int) p.getX() + dx, (int) p.getY());
            if ((c >> 16 & 255) > 200 && (c >> 8 & 255) > 170 && (c & 255) < 150) {
                yellow++;
            }
        }
        assertTrue(yellow >= 4, yellow + " marker pixels at " + p);
        // the marker follows the crosshair
        fxRun(() -> ws.setCursor(ws.cursor().withCentre(target.plus(new Vec3(20, 0, 0)))));
        Point2D q = fx(() -> v.patientToScreen(ws.cursor().centre()));
        assertTrue(q.getX() > p.getX() + 5, "moved to the patient's left: " + p + " -> " + q);
    }

    @Test
    void gpuPreferenceRendersOrSaysWhyNotInTheStatusBar(FxRobot robot) {
        MprWorkspace ws = open(MprWorkspace.Mode.VOLUME);
        @SuppressWarnings("unchecked")
        ComboBox<String> backend = (ComboBox<String>) robot.lookup("#vr-backend").query();
        int before = fx(() -> ws.volumeView().fullFrames());
        fxRun(() -> backend.setValue("GPU (CPU fallback)"));
        assertEquals(VolumeRenderer.Preference.GPU, fx(() -> ws.volumeView().preference()));
        waitUntil("a GPU-preferred frame", 120, () -> ws.idle() && ws.volumeView().fullFrames() > before);
        VolumeView.Frame f = settle(ws);
        String status = fx(() -> mw.statusLabel().getText());
        VolumeRenderer.Result r = f.result();
        System.out.println("3D with the GPU preferred: " + r.backend() + ", " + r.device() + ", " + r.millis() + " ms; "
                + r.messages());
        if (r.backend() == VolumeRenderer.Backend.GPU) {
            assertTrue(status.contains(r.device()), status);
        } else {
            assertTrue(status.contains("CPU fallback: "), status);
        }
        int a = pixelAt(f, ws, AORTA);
        assertTrue((a >> 16 & 255) > 90, String.format(Locale.ROOT, "aorta pixel %08x", a));
    }
}
