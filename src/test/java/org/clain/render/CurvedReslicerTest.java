package org.clain.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.clain.geom.Affine;
import org.clain.geom.Vec3;
import org.clain.study.Volume;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Curved reformats: straight curves equal planes, mappings hit the curve, stretched keeps lateral geometry. */
class CurvedReslicerTest {
    static final int NX = 64;
    static final int NY = 64;
    static final int NZ = 28;
    static Volume vol;
    static Reslicer reslicer;
    static Vec3 centre;

    @BeforeAll
    static void setUp() {
        Affine g = MprPhantoms.rotated();
        centre = MprPhantoms.centreOf(NX, NY, NZ, g);
        vol = MprPhantoms.sphere(NX, NY, NZ, g, centre.plus(new Vec3(2, -1, 3)), 15);
        reslicer = new Reslicer(vol, 2, Float.NaN);
    }

    @AfterAll
    static void tearDown() {
        reslicer.close();
    }

    static void assertSameImage(float[] want, float[] got, int n, double tol) {
        for (int i = 0; i < n; i++) {
            if (Float.isNaN(want[i])) {
                assertTrue(Float.isNaN(got[i]), "pixel " + i + " should be no-data, got " + got[i]);
            } else {
                assertEquals(want[i], got[i], tol, "pixel " + i);
            }
        }
    }

    @Test
    void straightCurveEqualsThePlanarReslice() {
        Vec3 a = centre.plus(new Vec3(-12, 9, -16));
        Vec3 b = centre.plus(new Vec3(10, -6, 17));
        Vec3 view = new Vec3(1, 1, -0.2);
        double px = 0.4;
        int width = 90;
        Vec3 t = b.minus(a).normalized();
        for (CurvedReslicer.Mode mode : CurvedReslicer.Mode.values()) {
            for (Curve curve : List.of(Curve.polyline(List.of(a, b)),
                    Curve.polyline(List.of(a, a.plus(b).times(0.5), b)),
                    Curve.catmullRom(List.of(a, a.plus(b.minus(a).times(0.3)), a.plus(b.minus(a).times(0.8)), b)))) {
                CurvedReslicer.Result res = new CurvedReslicer(reslicer).reslice(curve, mode, view, px, width, null);
                int h = res.height();
                assertEquals((int) Math.floor(a.distance(b) / px) + 1, h);
                Vec3 u = t.cross(view.normalized()).normalized();
                Vec3 planeCentre = a.plus(t.times((h - 1) / 2.0 * px));
                Plane p = new Plane(planeCentre, u, t, px, width, h);
                assertEquals(p.normal().dot(view.normalized()), Math.sqrt(1 - Math.pow(t.dot(view.normalized()), 2)), 1e-9);
                float[] planar = reslicer.reslice(p);
                assertSameImage(planar, res.values(), width * h, 2e-2);
                for (int j = 0; j < h; j += 7) {
                    for (int i = 0; i < width; i += 11) {
                        assertTrue(res.patientAt(i, j).distance(p.pixelToPatient(i, j)) < 1e-6, mode + " mapping");
                    }
                }
            }
        }
    }

    @Test
    void straightenedMiddleColumnFollowsTheCurve() {
        List<Vec3> pts = new ArrayList<>();
        for (int k = 0; k <= 6; k++) {
            double s = k / 6.0;
            pts.add(centre.plus(new Vec3(14 * Math.cos(3 * s), 14 * Math.sin(3 * s), -15 + 30 * s)));
        }
        Curve curve = Curve.catmullRom(pts);
        double px = 0.5;
        int width = 61;
        CurvedReslicer.Result res = new CurvedReslicer(reslicer)
                .reslice(curve, CurvedReslicer.Mode.STRAIGHTENED, new Vec3(0, 1, 0), px, width, null);
        assertTrue(res.height() > 100);
        for (int j = 0; j < res.height(); j++) {
            Vec3 onCurve = curve.at(j * px);
            assertTrue(res.patientAt(30, j).distance(onCurve) < 1e-9);
            assertEquals(reslicer.sample(onCurve), res.values()[j * width + 30], 1e-2, "row " + j);
            // the row is perpendicular to the curve and spaced one pixel
            Vec3 step = res.patientAt(31, j).minus(res.patientAt(30, j));
            assertEquals(px, step.norm(), 1e-9);
            assertEquals(0, step.dot(curve.tangent(j * px, px)), 1e-9);
            assertEquals(0, step.dot(new Vec3(0, 1, 0)), 1e-9);
        }
        // passes through the spline's control points
        for (Vec3 p : pts) {
            double best = Double.MAX_VALUE;
            for (int j = 0; j < res.height(); j++) {
                best = Math.min(best, res.patientAt(30, j).distance(p));
            }
            assertTrue(best <= px / 2 + 1e-6, "control point " + p + " missed by " + best);
        }
    }

    @Test
    void stretchedOfACurveInACoronalPlaneIsThatPlane() {
        // a curve wandering left-right in the coronal plane y = y0, seen from the front (D = +Y)
        double y0 = centre.y() + 1.5;
        List<Vec3> pts = new ArrayList<>();
        for (int k = 0; k <= 8; k++) {
            double z = centre.z() - 16 + 4 * k;
            pts.add(new Vec3(centre.x() + 6 * Math.sin(k * Math.PI / 4), y0, z)); // ends at the start's x
        }
        Curve curve = Curve.catmullRom(pts);
        double px = 0.5;
        int width = 100;
        CurvedReslicer.Geometry g = CurvedReslicer.geometry(curve, CurvedReslicer.Mode.STRETCHED, new Vec3(0, 1, 0),
                null, px, width);
        // lateral W = (end - start) x D = -X; rows advance along +Z by exactly one pixel
        assertEquals(-1, g.lateral().x(), 1e-12);
        Vec3 o0 = g.patientAt(0, 0);
        Plane p = new Plane(o0.plus(new Vec3(-(width - 1) / 2.0 * px, 0, (g.height() - 1) / 2.0 * px)),
                new Vec3(-1, 0, 0), new Vec3(0, 0, 1), px, width, g.height());
        for (int j = 0; j < g.height(); j += 5) {
            for (int i = 0; i < width; i += 9) {
                assertTrue(g.patientAt(i, j).distance(p.pixelToPatient(i, j)) < 1e-6, "pixel " + i + "," + j);
            }
            // the curve sits at its own lateral position in each row
            Vec3 onCurve = g.patientAt(g.curveColumn()[j], j);
            assertEquals(y0, onCurve.y(), 1e-9);
            double best = Double.MAX_VALUE;
            for (Vec3 v : curve.vertices()) {
                best = Math.min(best, Math.hypot(v.x() - onCurve.x(), v.z() - onCurve.z()));
            }
            assertTrue(best < 0.2, "row " + j + " curve column off by " + best);
        }
        float[] stretched = new CurvedReslicer(reslicer).reslice(curve, CurvedReslicer.Mode.STRETCHED, new Vec3(0, 1, 0),
                px, width, null).values();
        assertSameImage(reslicer.reslice(p), stretched, width * g.height(), 2e-2);
    }

    @Test
    void straightenedAndStretchedAgreeForACurveInAPlaneContainingTheView() {
        // curve in the plane x = const, view along +Y (in that plane): both modes sweep along -X
        List<Vec3> pts = new ArrayList<>();
        for (int k = 0; k <= 10; k++) {
            double z = centre.z() - 15 + 3 * k;
            pts.add(new Vec3(centre.x() + 0.7, centre.y() + 5 * Math.sin(z / 6), z));
        }
        Curve curve = Curve.catmullRom(pts);
        CurvedReslicer cr = new CurvedReslicer(reslicer);
        CurvedReslicer.Result a = cr.reslice(curve, CurvedReslicer.Mode.STRAIGHTENED, new Vec3(0, 1, 0), 0.5, 64, null);
        CurvedReslicer.Result b = cr.reslice(curve, CurvedReslicer.Mode.STRETCHED, new Vec3(0, 1, 0), 0.5, 64, null);
        // the stretched rows follow the curve's arc length too (the curve has no lateral component)
        assertEquals(a.height(), b.height(), 1);
        int h = Math.min(a.height(), b.height());
        for (int j = 0; j < h; j++) {
            assertTrue(a.patientAt(0, j).distance(b.patientAt(0, j)) < 0.05, "row " + j);
        }
    }
}
