package org.clain.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.clain.geom.Affine;
import org.clain.geom.Vec3;
import org.clain.render.MprCursor.View;
import org.clain.study.Volume;
import org.junit.jupiter.api.Test;

/** The linked crosshair's geometry: standard planes, rotation about a view's normal, scrolling. */
class Ui3dMprCursorTest {
    private static final double EPS = 1e-9;

    @Test
    void startsWithTheStandardPlanesThroughTheCentre() {
        Vec3 c = new Vec3(10, -20, 30);
        MprCursor m = MprCursor.standard(c);
        assertVec(new Vec3(0, 0, 1), m.normal(View.AXIAL));
        assertVec(new Vec3(0, 1, 0), m.normal(View.CORONAL));
        assertVec(new Vec3(-1, 0, 0), m.normal(View.SAGITTAL));
        Plane ax = m.plane(View.AXIAL, new Vec3(50, 60, 70), 0.5, 100, 80);
        // centred on the focus projected onto the plane through the crosshair centre
        assertVec(new Vec3(50, 60, 30), ax.center());
        assertEquals("R", ax.leftLetters());
        assertEquals("A", ax.topLetters());
        Plane co = m.plane(View.CORONAL, c, 1, 10, 10);
        assertEquals("R", co.leftLetters());
        assertEquals("H", co.topLetters());
        Plane sa = m.plane(View.SAGITTAL, c, 1, 10, 10);
        assertEquals("A", sa.leftLetters());
        assertEquals("H", sa.topLetters());
    }

    @Test
    void rotatingTurnsTheOtherPlanesAboutTheViewNormalAndKeepsThemOrthogonal() {
        MprCursor m = MprCursor.standard(Vec3.ZERO).rotated(View.AXIAL, Math.toRadians(30));
        // the axial view itself does not move
        assertVec(new Vec3(1, 0, 0), m.u(View.AXIAL));
        assertVec(new Vec3(0, 1, 0), m.v(View.AXIAL));
        // clockwise on the axial screen (u towards v): the coronal normal +Y turns towards -X
        assertVec(new Vec3(-Math.sin(Math.toRadians(30)), Math.cos(Math.toRadians(30)), 0), m.normal(View.CORONAL));
        // the coronal's vertical stays head-foot
        assertVec(new Vec3(0, 0, -1), m.v(View.CORONAL));
        assertEquals(0, m.orthogonalityErrorDegrees(), 1e-9);
        Plane co = m.plane(View.CORONAL, Vec3.ZERO, 1, 10, 10);
        assertEquals("RA", co.leftLetters());
        assertEquals("H", co.topLetters());

        Random r = new Random(7);
        MprCursor k = MprCursor.standard(Vec3.ZERO);
        for (int i = 0; i < 5000; i++) {
            k = k.rotated(View.values()[r.nextInt(3)], r.nextGaussian());
        }
        assertTrue(k.orthogonalityErrorDegrees() < 1e-6, "error " + k.orthogonalityErrorDegrees());
        for (View v : View.values()) {
            assertEquals(0, k.u(v).dot(k.v(v)), 1e-9);
            assertEquals(1, k.u(v).norm(), 1e-12);
        }
    }

    @Test
    void scrollingMovesTheCentreAlongTheNormalByTheVoxelLayerSpacing() {
        Affine a = Affine.fromColumns(new Vec3(0.7, 0, 0), new Vec3(0, 0.7, 0), new Vec3(0, 0, 2.5), Vec3.ZERO);
        Volume v = new Volume(4, 4, 4, new short[4][16], true, new double[4], new double[4], a, "1.2", "CT",
                new double[0], new double[0], null);
        MprCursor m = MprCursor.standard(new Vec3(1, 1, 1));
        assertEquals(2.5, m.scrollStep(v, View.AXIAL), EPS);
        assertEquals(0.7, m.scrollStep(v, View.CORONAL), EPS);
        assertVec(new Vec3(1, 1, 3.5), m.scrolled(View.AXIAL, 2.5).centre());
        assertVec(new Vec3(0, 1, 1), m.scrolled(View.SAGITTAL, 1).centre());
    }

    private static void assertVec(Vec3 want, Vec3 got) {
        assertTrue(want.distance(got) < 1e-9, "want " + want + " got " + got);
    }
}
