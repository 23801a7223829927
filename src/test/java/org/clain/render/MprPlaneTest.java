package org.clain.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.clain.geom.Vec3;
import org.junit.jupiter.api.Test;

/** Plane geometry, radiological conventions and orientation letters; window/level. */
class MprPlaneTest {
    static void assertVec(Vec3 want, Vec3 got) {
        assertTrue(want.distance(got) < 1e-12, () -> "want " + want + " got " + got);
    }

    @Test
    void standardPlanesFollowTheRadiologicalConvention() {
        Vec3 c = new Vec3(1, 2, 3);
        Plane ax = Plane.axial(c, 1, 10, 10);
        assertVec(new Vec3(0, 0, 1), ax.normal());
        assertEquals("R", ax.leftLetters());
        assertEquals("L", ax.rightLetters());
        assertEquals("A", ax.topLetters());
        assertEquals("P", ax.bottomLetters());
        Plane co = Plane.coronal(c, 1, 10, 10);
        assertVec(new Vec3(0, 1, 0), co.normal());
        assertEquals("R", co.leftLetters());
        assertEquals("L", co.rightLetters());
        assertEquals("H", co.topLetters());
        assertEquals("F", co.bottomLetters());
        Plane sa = Plane.sagittal(c, 1, 10, 10);
        assertVec(new Vec3(-1, 0, 0), sa.normal());
        assertEquals("A", sa.leftLetters());
        assertEquals("P", sa.rightLetters());
        assertEquals("H", sa.topLetters());
        assertEquals("F", sa.bottomLetters());
        // oblique with the standard normals and no up gives the standard planes
        for (Plane p : new Plane[] {ax, co, sa}) {
            Plane o = Plane.oblique(c, p.normal(), null, 1, 10, 10);
            assertVec(p.u(), o.u());
            assertVec(p.v(), o.v());
        }
    }

    @Test
    void obliquePlanesHaveOrthonormalAxesAndSecondaryLetters() {
        double a = Math.toRadians(30);
        // axial rotated 30 degrees about the feet-head axis
        Plane p = Plane.oblique(Vec3.ZERO, new Vec3(0, 0, 1), new Vec3(-Math.sin(a), -Math.cos(a), 0), 1, 4, 4);
        assertVec(new Vec3(Math.cos(a), -Math.sin(a), 0), p.u());
        assertEquals("LA", p.rightLetters());
        assertEquals("RP", p.leftLetters());
        assertEquals("AR", p.topLetters());
        assertEquals("PL", p.bottomLetters());
        Plane q = Plane.oblique(Vec3.ZERO, new Vec3(1, 2, 3), new Vec3(0, 0, 1), 0.5, 4, 4);
        assertEquals(0, q.u().dot(q.v()), 1e-12);
        assertEquals(1, q.u().norm(), 1e-12);
        assertVec(new Vec3(1, 2, 3).normalized(), q.normal());
        assertTrue(q.v().z() < 0, "up is towards the top of the image");
        assertEquals("LPH", Plane.orientationLetters(new Vec3(3, 2, 1)));
        assertEquals("L", Plane.orientationLetters(new Vec3(1, 0.05, -0.02)));
        assertEquals("FR", Plane.orientationLetters(new Vec3(-0.5, 0, -1)));
        assertThrows(IllegalArgumentException.class, () -> Plane.oblique(Vec3.ZERO, new Vec3(0, 0, 1), new Vec3(0, 0, 2), 1, 2, 2));
    }

    @Test
    void pixelCentresAndInverseMapping() {
        Plane p = Plane.oblique(new Vec3(10, -5, 3), new Vec3(1, 1, 1), null, 0.7, 9, 6);
        Vec3 c = p.pixelToPatient(4, 2.5);
        assertVec(p.center(), c);
        Vec3 back = p.patientToPixel(p.pixelToPatient(1.25, 3.5).plus(p.normal().times(2)));
        assertEquals(1.25, back.x(), 1e-12);
        assertEquals(3.5, back.y(), 1e-12);
        assertEquals(2, back.z(), 1e-12);
        assertVec(p.pixelToPatient(0, 0), p.origin());
        assertVec(p.center().plus(p.normal().times(-4)), p.translated(-4).center());
    }

    @Test
    void windowLevelIsTheDicomLinearFunction() {
        WindowLevel wl = new WindowLevel(40, 400);
        assertEquals(0, wl.gray(-160)); // <= c - 0.5 - (w-1)/2 = -160
        assertEquals(1, wl.gray(-159)); // ((-159 - 39.5)/399 + 0.5) * 255 = 0.639 -> 1
        assertEquals(255, wl.gray(239.01)); // > c - 0.5 + (w-1)/2 = 239
        assertEquals(255, wl.gray(239)); // (199.5/399 + 0.5) * 255 = 255
        assertEquals(128, wl.gray(40)); // (0.5/399 + 0.5) * 255 = 127.82
        assertEquals(0, wl.gray(Double.NaN));
        WindowLevel one = new WindowLevel(100, 1);
        assertEquals(0, one.gray(99.5));
        assertEquals(255, one.gray(99.6));
        WindowLevel exact = new WindowLevel(0, 100, WindowLevel.Function.LINEAR_EXACT);
        assertEquals(128, exact.gray(0)); // 127.5 rounds up
        assertEquals(0, exact.gray(-50));
        assertEquals(255, exact.gray(50));
        assertThrows(IllegalArgumentException.class, () -> new WindowLevel(0, 0.5));
        byte[] g = wl.apply(new float[] {-1000, 40, 1000, Float.NaN}, 4, null);
        assertEquals(0, g[0] & 0xFF);
        assertEquals(128, g[1] & 0xFF);
        assertEquals(255, g[2] & 0xFF);
        assertEquals(0, g[3] & 0xFF);
    }
}
