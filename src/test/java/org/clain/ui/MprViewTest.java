package org.clain.ui;

import static org.clain.ui.UiTestSupport.fx;
import static org.clain.ui.UiTestSupport.fxRun;
import static org.clain.ui.UiTestSupport.openAndWait;
import static org.clain.ui.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Point2D;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.clain.geom.Vec3;
import org.clain.render.CurvedReslicer;
import org.clain.render.MprCursor;
import org.clain.render.MprCursor.View;
import org.clain.render.Plane;
import org.clain.render.Slab;
import org.clain.study.phantom.PhantomTruth;
import org.clain.study.phantom.Structure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The MPR workspace on the abdomen phantom (128 x 128 x 60), driven with the mouse: the layout
 * and its orientation, the crosshair (move, rotate), slabs and the curved MPR along the portal
 * vein, checked against the phantom's ground truth in patient millimetres.
 */
@ExtendWith(ApplicationExtension.class)
class MprViewTest {
    static {
        UiTestSupport.init();
        System.setProperty("clain.vr.backend", "cpu");
        System.setProperty("clain.vr.maxSize", "160");
    }

    static final Path PHANTOM = Ui3dPhantoms.small();
    static final PhantomTruth TRUTH = Ui3dPhantoms.truth(PHANTOM);
    /** Noise (sigma 10 HU) and interpolation at a structure's edge stay well inside this. */
    static final double HU_TOLERANCE = 45;

    private MainWindow mw;

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

    private MprWorkspace open() {
        openAndWait(mw, PHANTOM);
        MprWorkspace ws = fx(() -> mw.openMpr(MprWorkspace.Mode.MPR));
        assertNotNull(ws);
        settle(ws);
        return ws;
    }

    /** Waits until every reformat on screen is the one of its current plane. */
    static void settle(MprWorkspace ws) {
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil("the reformats of the current planes", 60, () -> {
            if (!ws.idle()) {
                return false;
            }
            for (View v : View.values()) {
                MprView mv = ws.view(v);
                if (mv.frame() == null) {
                    return false;
                }
                Plane shown = mv.frame().plane();
                Plane now = mv.plane();
                if (shown.normal().distance(now.normal()) > 1e-9
                        || Math.abs(shown.center().minus(ws.cursor().centre()).dot(now.normal())) > 1e-6
                        || !shown.u().equals(now.u()) || !ws.slab().equals(mv.frame().slab())) {
                    return false;
                }
            }
            return true;
        });
    }

    private static Point2D screen(MprView v, Point2D local) {
        return fx(() -> v.localToScreen(local));
    }

    private static Vec3 anatomy(double x, double y, double z) {
        // the phantom's anatomy centre (CtPhantom.ANATOMY_CENTRE) plus an offset
        return new Vec3(x, y, -350 + z);
    }

    @Test
    void opensTheMprLayoutOnThePhantomWithCorrectOrientationAndValues(FxRobot robot) {
        MprWorkspace ws = open();
        assertSame(ws, fx(() -> mw.mprWorkspace()));
        assertEquals(MprWorkspace.Mode.MPR, fx(ws::mode));
        for (View v : View.values()) {
            MprView mv = ws.view(v);
            assertTrue(fx(() -> mv.getWidth() > 200 && mv.getHeight() > 200), v + " is laid out");
        }
        assertTrue(fx(() -> ws.volumeView().getWidth() > 200), "the 3D view is the fourth pane");
        // the crosshair starts at the volume's centre
        Vec3 c0 = fx(() -> MprCursor.volumeCentre(ws.volume()));
        assertTrue(fx(() -> ws.cursor().centre()).distance(c0) < 1e-9);
        // radiological orientation: axial from the feet, coronal from the front, sagittal from the left
        Plane ax = fx(() -> ws.view(View.AXIAL).plane());
        Plane co = fx(() -> ws.view(View.CORONAL).plane());
        Plane sa = fx(() -> ws.view(View.SAGITTAL).plane());
        assertEquals(List.of("A", "L", "P", "R"), List.of(ax.topLetters(), ax.rightLetters(), ax.bottomLetters(),
                ax.leftLetters()));
        assertEquals(List.of("H", "L", "F", "R"), List.of(co.topLetters(), co.rightLetters(), co.bottomLetters(),
                co.leftLetters()));
        assertEquals(List.of("H", "P", "F", "A"), List.of(sa.topLetters(), sa.rightLetters(), sa.bottomLetters(),
                sa.leftLetters()));

        // a point deep in the liver: every view shows the truth's HU under the crosshair centre
        Vec3 liver = anatomy(-40, -10, 20);
        assertEquals("liver", TRUTH.structures().get(TRUTH.labelAt(Ui3dPhantoms.phantom(liver))).name());
        fxRun(() -> ws.setCursor(ws.cursor().withCentre(liver)));
        settle(ws);
        for (View v : View.values()) {
            MprView mv = ws.view(v);
            double hu = fx(() -> {
                Point2D p = mv.patientToScreen(liver);
                return mv.valueAt(p.getX(), p.getY());
            });
            assertEquals(60, hu, HU_TOLERANCE, v + " at the liver point");
        }
        // and the body fills much of the axial view: most pixels of its middle are not black
        javafx.scene.image.WritableImage snap = UiTestSupport.snapshot(ws.view(View.AXIAL));
        int w = (int) snap.getWidth();
        int h = (int) snap.getHeight();
        int lit = 0;
        int n = 0;
        for (int y = h / 3; y < 2 * h / 3; y += 3) {
            for (int x = w / 3; x < 2 * w / 3; x += 3) {
                n++;
                if (UiTestSupport.grey(snap, x, y) > 20) {
                    lit++;
                }
            }
        }
        assertTrue(lit > n * 0.8, lit + " of " + n + " pixels lit");
    }

    @Test
    void draggingTheCrosshairCentreMovesTheOtherPlanes(FxRobot robot) {
        MprWorkspace ws = open();
        MprView axial = ws.view(View.AXIAL);
        Vec3 before = fx(() -> ws.cursor().centre());
        double mpp = fx(axial::mmPerPixel);
        Point2D c = screen(axial, fx(() -> axial.patientToScreen(before)));
        robot.drag(c, MouseButton.PRIMARY).moveBy(40, 25).drop();
        settle(ws);
        Vec3 after = fx(() -> ws.cursor().centre());
        // on the axial screen +x is the patient's left (+X), +y posterior (+Y); z stays
        Vec3 want = before.plus(new Vec3(40 * mpp, 25 * mpp, 0));
        assertTrue(after.distance(want) < 0.6 * mpp, "centre " + after + ", expected " + want);
        Plane co = fx(() -> ws.view(View.CORONAL).plane());
        Plane sa = fx(() -> ws.view(View.SAGITTAL).plane());
        Plane ax = fx(() -> axial.plane());
        // each plane passes through the new centre: coronal at its y, sagittal at its x, axial unmoved
        assertEquals(after.y(), co.center().y(), 1e-9);
        assertEquals(after.x(), sa.center().x(), 1e-9);
        assertEquals(before.z(), ax.center().z(), 1e-9);
        // and the frames on screen are of those planes
        assertEquals(after.y(), fx(() -> ws.view(View.CORONAL).frame().plane().center().y()), 1e-9);
        assertEquals(after.x(), fx(() -> ws.view(View.SAGITTAL).frame().plane().center().x()), 1e-9);

        // two wheel notches toward the user move the axial plane 2 slices (2.5 mm each) along its normal (+Z)
        robot.moveTo(screen(axial, new Point2D(60, 60)));
        UiTestSupport.wheel(robot, axial, 2, true);
        settle(ws);
        assertEquals(after.z() + 5, fx(() -> ws.cursor().centre().z()), 1e-9);
        assertEquals(after.z() + 5, fx(() -> axial.frame().plane().center().z()), 1e-9);
    }

    @Test
    void rotatingALineTurnsThePlanesAndKeepsThemOrthogonal(FxRobot robot) {
        MprWorkspace ws = open();
        MprView axial = ws.view(View.AXIAL);
        // the coronal plane's line in the axial view runs left-right through the centre
        Point2D grab = fx(() -> axial.pointOnLine(View.CORONAL, 100));
        Point2D centre = fx(() -> axial.patientToScreen(ws.cursor().centre()));
        assertEquals(centre.getY(), grab.getY(), 1e-6);
        // turn it 30 degrees clockwise on screen
        double a = Math.atan2(grab.getY() - centre.getY(), grab.getX() - centre.getX()) + Math.toRadians(30);
        Point2D to = new Point2D(centre.getX() + 100 * Math.cos(a), centre.getY() + 100 * Math.sin(a));
        robot.drag(screen(axial, grab), MouseButton.PRIMARY).moveTo(screen(axial, to)).drop();
        settle(ws);
        MprCursor c = fx(ws::cursor);
        // the axial plane itself does not turn
        assertTrue(c.normal(View.AXIAL).distance(new Vec3(0, 0, 1)) < 1e-9);
        // the coronal normal (+Y) turned 30 degrees clockwise on the axial screen: towards the right (-X)
        double turned = Math.toDegrees(Math.acos(c.normal(View.CORONAL).dot(new Vec3(0, 1, 0))));
        assertEquals(30, turned, 1.5);
        assertTrue(c.normal(View.CORONAL).x() < 0, "turned towards the patient's right: " + c.normal(View.CORONAL));
        assertTrue(c.orthogonalityErrorDegrees() < 1e-6, "normals orthogonal: " + c);
        // the oblique coronal's letters follow its plane
        Plane co = fx(() -> ws.view(View.CORONAL).plane());
        assertEquals("RA", co.leftLetters());
        assertEquals("LP", co.rightLetters());
        assertEquals("H", co.topLetters());
        Plane sa = fx(() -> ws.view(View.SAGITTAL).plane());
        assertEquals("AL", sa.leftLetters());
        // the frames on screen are the oblique planes
        assertTrue(fx(() -> ws.view(View.CORONAL).frame().plane().normal()).distance(c.normal(View.CORONAL)) < 1e-9);

        // turning a line in the (now oblique) coronal view tilts the axial plane too; still orthogonal
        MprView coronal = ws.view(View.CORONAL);
        Point2D g2 = fx(() -> coronal.pointOnLine(View.AXIAL, 90));
        Point2D c2 = fx(() -> coronal.patientToScreen(ws.cursor().centre()));
        double b = Math.atan2(g2.getY() - c2.getY(), g2.getX() - c2.getX()) - Math.toRadians(20);
        Point2D to2 = new Point2D(c2.getX() + 90 * Math.cos(b), c2.getY() + 90 * Math.sin(b));
        robot.drag(screen(coronal, g2), MouseButton.PRIMARY).moveTo(screen(coronal, to2)).drop();
        settle(ws);
        MprCursor c3 = fx(ws::cursor);
        double tilt = Math.toDegrees(Math.acos(c3.normal(View.AXIAL).dot(new Vec3(0, 0, 1))));
        assertEquals(20, tilt, 1.5);
        assertTrue(c3.orthogonalityErrorDegrees() < 1e-6);
        assertTrue(c3.normal(View.CORONAL).distance(c.normal(View.CORONAL)) < 1e-9, "the coronal stays");
    }

    @Test
    void aMipSlabBrightensTheAortaBesideThePlane(FxRobot robot) {
        MprWorkspace ws = open();
        // the sagittal plane 13 mm to the patient's left of the aorta's axis (radius 8 mm): a thin
        // reformat shows fat there, a 30 mm MIP slab reaches the contrast-filled aorta
        Structure.Tube aorta = (Structure.Tube) TRUTH.structure("aorta");
        Vec3 axis = Ui3dPhantoms.geom(aorta.points().get(0));
        Vec3 centre = new Vec3(axis.x() + 13, axis.y(), -350);
        fxRun(() -> ws.setCursor(ws.cursor().withCentre(centre)));
        settle(ws);
        MprView sag = ws.view(View.SAGITTAL);
        List<Vec3> samples = new ArrayList<>();
        for (int dz = -30; dz <= 30; dz += 10) {
            if (dz != 0) {
                samples.add(new Vec3(centre.x(), axis.y() + 4, centre.z() + dz));
            }
        }
        int[] thin = greys(sag, samples);
        fxRun(() -> ws.setSlab(MprWorkspace.SlabChoice.MIP, 30));
        settle(ws);
        assertEquals(Slab.of(30, Slab.Mode.MIP), fx(() -> sag.frame().slab()));
        int[] mip = greys(sag, samples);
        for (int i = 0; i < samples.size(); i++) {
            // abdomen window (W 400, L 40): aorta 200 HU is grey 229, fat -90 HU about 45
            assertTrue(mip[i] > thin[i] + 100, "sample " + samples.get(i) + ": thin " + thin[i] + ", MIP " + mip[i]);
            assertTrue(mip[i] > 200, "MIP over the aorta " + mip[i]);
        }
        // MinIP darkens instead, Average lies between
        fxRun(() -> ws.setSlab(MprWorkspace.SlabChoice.MINIP, 30));
        settle(ws);
        int[] min = greys(sag, samples);
        for (int i = 0; i < samples.size(); i++) {
            assertTrue(min[i] <= thin[i] + 10, "MinIP " + min[i] + " vs thin " + thin[i]);
        }
    }

    /** Grey levels on screen (a snapshot of the view, overlays and all) at patient points. */
    private static int[] greys(MprView v, List<Vec3> points) {
        javafx.scene.image.WritableImage snap = UiTestSupport.snapshot(v);
        int[] g = new int[points.size()];
        for (int i = 0; i < g.length; i++) {
            Vec3 p = points.get(i);
            Point2D s = fx(() -> v.patientToScreen(p));
            g[i] = UiTestSupport.grey(snap, (int) Math.floor(s.getX()), (int) Math.floor(s.getY()));
        }
        return g;
    }

    @Test
    void windowLevelIsSharedOrPerViewAndCursorBurstsNeverWait(FxRobot robot) {
        MprWorkspace ws = open();
        MprView ax = ws.view(View.AXIAL);
        MprView co = ws.view(View.CORONAL);
        assertTrue(fx(ws::linkedWindow));
        double c0 = fx(ax::windowCenter);
        double w0 = fx(ax::windowWidth);
        // right drag in the axial view: +64 px wider, +32 px higher level, by width/256 per pixel
        robot.drag(screen(ax, new Point2D(80, 80)), MouseButton.SECONDARY).moveBy(64, 32).drop();
        WaitForAsyncUtils.waitForFxEvents();
        double step = w0 / Viewport.WL_DRAG_DIVISOR;
        assertEquals(w0 + 64 * step, fx(ax::windowWidth), 1e-9);
        assertEquals(c0 + 32 * step, fx(ax::windowCenter), 1e-9);
        assertEquals(fx(ax::windowWidth), fx(co::windowWidth), 1e-9, "linked: the coronal follows");
        // unlinked: each view its own
        robot.clickOn("#mpr-link-window");
        assertTrue(!fx(ws::linkedWindow));
        double coWidth = fx(co::windowWidth);
        robot.drag(screen(ax, new Point2D(80, 80)), MouseButton.SECONDARY).moveBy(-40, 0).drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(ax::windowWidth) < coWidth - 10);
        assertEquals(coWidth, fx(co::windowWidth), 1e-9, "unlinked: the coronal keeps its window");
        // the pixels follow the window without a new reslice
        settle(ws);
        Point2D p = fx(() -> co.patientToScreen(ws.cursor().centre().plus(new Vec3(5, 0, 5))));
        double hu = fx(() -> co.valueAt(p.getX(), p.getY()));
        assertEquals(UiTestSupport.expectedGrey(hu, fx(co::windowCenter), fx(co::windowWidth)),
                fx(() -> co.greyAt(p.getX(), p.getY())), 1);

        // 40 crosshair moves in a row return at once; only the last planes need to be drawn
        int before = fx(() -> ax.framesShown() + co.framesShown());
        long t0 = System.nanoTime();
        fxRun(() -> {
            for (int i = 1; i <= 40; i++) {
                ws.setCursor(ws.cursor().withCentre(ws.cursor().centre().plus(new Vec3(0.5, 0.5, 0.5))));
            }
        });
        long ms = (System.nanoTime() - t0) / 1_000_000;
        settle(ws);
        int drawn = fx(() -> ax.framesShown() + co.framesShown()) - before;
        assertTrue(ms < 1000, "40 moves took " + ms + " ms on the FX thread");
        assertTrue(drawn < 2 * 40, drawn + " frames drawn for 40 moves (latest request wins)");
    }

    @Test
    void curvedMprAlongClickedPortalVeinPointsShowsTheVesselDownTheMiddle(FxRobot robot) {
        MprWorkspace ws = open();
        Structure.Tube vein = (Structure.Tube) TRUTH.structure("portal-vein");
        robot.clickOn("#mpr-curve-tool");
        assertTrue(fx(ws::curveTool));
        MprView axial = ws.view(View.AXIAL);
        for (org.clain.study.phantom.Vec3 tp : vein.points()) {
            Vec3 p = Ui3dPhantoms.geom(tp);
            // scroll the axial view to the point's level, then click on the vessel there
            fxRun(() -> ws.setCursor(ws.cursor().withCentre(new Vec3(ws.cursor().centre().x(),
                    ws.cursor().centre().y(), p.z()))));
            settle(ws);
            robot.clickOn(screen(axial, fx(() -> axial.patientToScreen(p))));
        }
        List<Vec3> clicked = fx(ws::curvePoints);
        assertEquals(vein.points().size(), clicked.size());
        double mpp = fx(axial::mmPerPixel);
        for (int i = 0; i < clicked.size(); i++) {
            // a click lands on a whole screen pixel: within one pixel's diagonal of the point
            assertTrue(clicked.get(i).distance(Ui3dPhantoms.geom(vein.points().get(i))) < 1.5 * mpp,
                    "point " + i + " " + clicked.get(i));
        }
        robot.clickOn("#mpr-curve-show");
        CurvedMprWindow cw = fx(ws::curvedWindow);
        assertNotNull(cw);
        waitUntil("the curved reformats", 60, () -> ws.idle() && cw.straightened() != null && cw.stretched() != null);
        assertTrue(fx(cw::isShowing));
        for (CurvedReslicer.Result r : List.of(fx(cw::straightened), fx(cw::stretched))) {
            int inVessel = 0;
            int vesselHu = 0;
            for (int j = 0; j < r.height(); j++) {
                double col = r.geometry().curveColumn()[j];
                int i0 = (int) Math.floor(col);
                int i1 = Math.min(r.width() - 1, i0 + 1);
                double hu = (r.values()[j * r.width() + i0] + r.values()[j * r.width() + i1]) / 2;
                Vec3 where = r.patientAt(col, j);
                int label = TRUTH.labelAt(Ui3dPhantoms.phantom(where));
                if (label >= 0 && TRUTH.structures().get(label).role().equals("vessel")) {
                    inVessel++;
                }
                if (hu > 180 - HU_TOLERANCE && hu < 180 + HU_TOLERANCE) {
                    vesselHu++;
                }
            }
            String what = r.geometry().mode() + " " + r.width() + "x" + r.height();
            // the spline through the centre line stays inside the 5 mm tube; the HU there is the vein's
            assertTrue(inVessel >= 0.95 * r.height(), what + ": " + inVessel + " of " + r.height() + " rows in a vessel");
            assertTrue(vesselHu >= 0.9 * r.height(), what + ": " + vesselHu + " of " + r.height()
                    + " rows near 180 HU");
        }
        // the straightened curve runs down the middle column, its length the spline's
        CurvedReslicer.Result s = fx(cw::straightened);
        assertEquals((s.width() - 1) / 2.0, s.geometry().curveColumn()[0], 1e-9);
        double polyline = 0;
        for (int i = 1; i < clicked.size(); i++) {
            polyline += clicked.get(i).distance(clicked.get(i - 1));
        }
        assertEquals(polyline, s.height() * s.geometry().pixelSize(), 0.1 * polyline);
    }
}
