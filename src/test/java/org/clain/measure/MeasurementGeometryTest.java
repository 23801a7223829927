package org.clain.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.clain.geom.Vec3;
import org.junit.jupiter.api.Test;

/** Geometry in patient millimetres: expected values computed here by hand. */
class MeasurementGeometryTest {
    private static final Meta M = Meta.create("m", "1.2.3", SyntheticCt.FRAME);

    @Test
    void distancesBetweenPatientPointsAreExact() {
        assertEquals(13.0, new Distance(M, new Vec3(1, 2, 3), new Vec3(4, 6, 15)).lengthMm(), 0);
        assertEquals(5.0, new Distance(M, new Vec3(-1.5, 0, 0), new Vec3(1.5, 4, 0)).lengthMm(), 0);
        assertEquals(0.0, new Distance(M, new Vec3(7, 7, 7), new Vec3(7, 7, 7)).lengthMm(), 0);
        Polyline p = new Polyline(M, List.of(new Vec3(0, 0, 0), new Vec3(3, 4, 0), new Vec3(3, 4, 12), new Vec3(3, 4, 12)));
        assertEquals(17.0, p.lengthMm(), 0);
    }

    @Test
    void distanceBetweenVoxelsOfDifferentSlicesUsesAnisotropicSpacing() {
        for (boolean oblique : new boolean[] {false, true}) {
            SyntheticCt ct = new SyntheticCt(oblique);
            // voxel (10, 20, 3) and (13, 24, 7): 3 columns, 4 rows, 4 slices apart
            Vec3 a = ct.volume.toPatient(10, 20, 3);
            Vec3 b = ct.volume.toPatient(13, 24, 7);
            double expected = Math.sqrt(SyntheticCt.sq(3 * 0.7) + SyntheticCt.sq(4 * 0.9) + SyntheticCt.sq(4 * 2.5));
            assertEquals(expected, new Distance(M, a, b).lengthMm(), 1e-12, "oblique=" + oblique);
        }
    }

    @Test
    void distanceBetweenPointsPlacedOnDifferentPlanesIsExact() {
        // point 1 clicked on an axial plane z = 10 at (s, t) = (3, 4) from its centre (5, -2, 10)
        PlanarRoi axial = PlanarRoi.ellipse(M, new Vec3(5, -2, 10), new Vec3(0, 0, 1), 1, 1);
        Vec3 p1 = axial.toPatient(3, 4);
        assertEquals(new Vec3(8, 2, 10), p1);
        // point 2 clicked on an oblique plane (normal (1,1,1)/sqrt 3) at (s, t) = (-2, 6)
        Vec3 n = new Vec3(1, 1, 1).normalized();
        Vec3[] ax = PlanarRoi.axesForNormal(n);
        PlanarRoi oblique = PlanarRoi.ellipse(M, new Vec3(-4, 7, 31), ax[0], ax[1], 1, 1);
        Vec3 p2 = oblique.toPatient(-2, 6);
        double ex = -4 - 2 * ax[0].x() + 6 * ax[1].x();
        double ey = 7 - 2 * ax[0].y() + 6 * ax[1].y();
        double ez = 31 - 2 * ax[0].z() + 6 * ax[1].z();
        double expected = Math.sqrt(SyntheticCt.sq(ex - 8) + SyntheticCt.sq(ey - 2) + SyntheticCt.sq(ez - 10));
        assertEquals(expected, new Distance(M, p1, p2).lengthMm(), 1e-12);
        // the oblique axes are orthonormal and in the plane
        assertEquals(1, ax[0].norm(), 1e-15);
        assertEquals(1, ax[1].norm(), 1e-15);
        assertEquals(0, ax[0].dot(ax[1]), 1e-15);
        assertEquals(0, ax[0].dot(n), 1e-15);
        assertEquals(0, ax[1].dot(n), 1e-15);
    }

    @Test
    void standardPlaneAxesFollowTheMprConvention() {
        Vec3[] axial = PlanarRoi.axesForNormal(new Vec3(0, 0, 1));
        assertEquals(0, axial[0].distance(new Vec3(1, 0, 0)), 1e-15);
        assertEquals(0, axial[1].distance(new Vec3(0, 1, 0)), 1e-15);
        Vec3[] coronal = PlanarRoi.axesForNormal(new Vec3(0, 1, 0));
        assertEquals(1, coronal[0].x(), 1e-15);
        assertEquals(-1, coronal[1].z(), 1e-15);
        Vec3[] sagittal = PlanarRoi.axesForNormal(new Vec3(-1, 0, 0));
        assertEquals(1, sagittal[0].y(), 1e-15);
        assertEquals(-1, sagittal[1].z(), 1e-15);
    }

    @Test
    void anglesAndCobbAngles() {
        Angle right = new Angle(M, new Vec3(10, 0, 0), new Vec3(0, 0, 0), new Vec3(0, 0, 7));
        assertEquals(90, right.degrees(), 1e-12);
        Angle a60 = new Angle(M, new Vec3(2, 0, 5), new Vec3(1, 0, 5), new Vec3(1.5, Math.sqrt(3) / 2, 5));
        assertEquals(60, a60.degrees(), 1e-12);
        assertEquals(180, new Angle(M, new Vec3(-1, 0, 0), Vec3.ZERO, new Vec3(3, 0, 0)).degrees(), 1e-12);
        assertTrue(Double.isNaN(new Angle(M, Vec3.ZERO, Vec3.ZERO, new Vec3(1, 0, 0)).degrees()));
        // end plates tilted by +20 and -15 degrees in the coronal plane: Cobb angle 35,
        // whichever way each line was drawn, and lines on different slices (y) are fine
        double t1 = Math.toRadians(20);
        double t2 = Math.toRadians(-15);
        Vec3 a1 = new Vec3(-20 * Math.cos(t1), 5, 100 - 20 * Math.sin(t1));
        Vec3 a2 = new Vec3(20 * Math.cos(t1), 5, 100 + 20 * Math.sin(t1));
        Vec3 b1 = new Vec3(-20 * Math.cos(t2), 9, 20 - 20 * Math.sin(t2));
        Vec3 b2 = new Vec3(20 * Math.cos(t2), 9, 20 + 20 * Math.sin(t2));
        assertEquals(35, new CobbAngle(M, a1, a2, b1, b2).degrees(), 1e-9);
        assertEquals(35, new CobbAngle(M, a2, a1, b1, b2).degrees(), 1e-9);
        assertEquals(145, new CobbAngle(M, a2, a1, b1, b2).directedDegrees(), 1e-9);
    }

    @Test
    void planarRoiAreasAndShapes() {
        PlanarRoi e = PlanarRoi.ellipse(M, new Vec3(1, 2, 3), new Vec3(0, 0, 1), 4, 2.5);
        assertEquals(Math.PI * 10, e.areaMm2(), 1e-12);
        assertEquals(4, e.radiusU(), 1e-12);
        assertTrue(e.contains(3.99, 0) && !e.contains(4.01, 0) && e.contains(0, 2.5) && !e.contains(2.9, 1.9));
        // circle perimeter exact
        assertEquals(2 * Math.PI * 3, PlanarRoi.ellipse(M, Vec3.ZERO, new Vec3(0, 0, 1), 3, 3).perimeterMm(), 1e-9);
        PlanarRoi r = PlanarRoi.rectangleFromCorners(M, new Vec3(10, 20, 5), new Vec3(4, 28, 5), new Vec3(1, 0, 0),
                new Vec3(0, 1, 0));
        assertEquals(48, r.areaMm2(), 1e-12);
        assertEquals(new Vec3(7, 24, 5), r.center());
        assertEquals(28, r.perimeterMm(), 1e-12);
        // a triangle on an oblique plane: area = |cross| / 2
        Vec3 p = new Vec3(1, 2, 3);
        Vec3 q = new Vec3(4, -1, 7);
        Vec3 s = new Vec3(-2, 5, 9);
        PlanarRoi tri = PlanarRoi.polygon(M, List.of(p, q, s));
        assertEquals(q.minus(p).cross(s.minus(p)).norm() / 2, tri.areaMm2(), 1e-9);
        // outlines off their plane, collinear points and bad axes are refused
        assertThrows(IllegalArgumentException.class, () -> PlanarRoi.polygon(M,
                List.of(new Vec3(0, 0, 0), new Vec3(10, 0, 0), new Vec3(10, 10, 0), new Vec3(0, 10, 1))));
        assertThrows(IllegalArgumentException.class, () -> PlanarRoi.polygon(M,
                List.of(new Vec3(0, 0, 0), new Vec3(1, 1, 1), new Vec3(2, 2, 2))));
        assertThrows(IllegalArgumentException.class, () -> PlanarRoi.ellipse(M, Vec3.ZERO, new Vec3(1, 0, 0),
                new Vec3(1, 1, 0), 1, 1));
        assertThrows(IllegalArgumentException.class, () -> PlanarRoi.ellipse(M, Vec3.ZERO, new Vec3(0, 0, 1), 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Distance(M, new Vec3(Double.NaN, 0, 0), Vec3.ZERO));
    }

    @Test
    void translatingKeepsIdentityAndShape() {
        PlanarRoi e = PlanarRoi.ellipse(M, new Vec3(1, 2, 3), new Vec3(0.2, 0.3, 1), 4, 2.5);
        PlanarRoi moved = e.translated(new Vec3(10, -5, 2));
        assertEquals(e.id(), moved.id());
        assertEquals(e.areaMm2(), moved.areaMm2(), 1e-9);
        assertEquals(new Vec3(11, -3, 5), moved.center());
        EllipsoidRoi s = EllipsoidRoi.sphere(M, Vec3.ZERO, 2);
        assertEquals(32.0 / 3 * Math.PI, s.nominalVolumeMm3(), 1e-12);
        assertTrue(s.contains(new Vec3(0, 0, 2)) && !s.contains(new Vec3(1.5, 1.5, 0)));
    }

    @Test
    void planeAxesAgreeWithTheMprPlanes() {
        // a ROI drawn on an MPR view (render.Plane) and one given by its normal (clain roi --normal)
        // share the same in-plane axes
        for (Vec3 n : List.of(new Vec3(0, 0, 1), new Vec3(0, 1, 0), new Vec3(-1, 0, 0), new Vec3(0.3, -0.5, 0.81),
                new Vec3(0.9, 0.1, -0.2), new Vec3(-0.1, 0.7, 0.7))) {
            org.clain.render.Plane plane = org.clain.render.Plane.oblique(Vec3.ZERO, n, null, 1, 8, 8);
            Vec3[] ax = PlanarRoi.axesForNormal(n);
            assertEquals(0, ax[0].distance(plane.u()), 1e-12, "u for " + n);
            assertEquals(0, ax[1].distance(plane.v()), 1e-12, "v for " + n);
        }
        // a point clicked at pixel (i, j) of a view is at (s, t) = pixel offset * pixel size on the ROI plane
        org.clain.render.Plane view = org.clain.render.Plane.oblique(new Vec3(10, 20, 30), new Vec3(0.2, 0.3, 0.9),
                null, 0.5, 101, 101);
        PlanarRoi roi = PlanarRoi.ellipse(M, view.center(), view.u(), view.v(), 5, 3);
        Vec3 clicked = view.pixelToPatient(60, 40);
        double[] st = roi.toPlane(clicked);
        assertEquals(5.0, st[0], 1e-12);
        assertEquals(-5.0, st[1], 1e-12);
    }
}
