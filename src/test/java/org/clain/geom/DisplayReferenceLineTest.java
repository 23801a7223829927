package org.clain.geom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reference lines: where one image's plane cuts another, in the second's pixels. */
class DisplayReferenceLineTest {
    // 100x100 axial at z=10, 1 mm pixels, first pixel centre at (0,0,10)
    private final ImagePlane axial = new ImagePlane(new Vec3(0, 0, 10), new Vec3(1, 0, 0), new Vec3(0, 1, 0), 1, 1,
            100, 100);
    // coronal through y=30: rows along +x, columns toward the feet, from z=50 down to z=-49
    private final ImagePlane coronal = new ImagePlane(new Vec3(0, 30, 50), new Vec3(1, 0, 0), new Vec3(0, 0, -1), 1,
            1, 100, 100);

    @Test
    void coronalOnAxialIsAHorizontalLineAtItsY() {
        ImagePlane.Segment s = axial.referenceLine(coronal).orElseThrow();
        assertEquals(30, s.row0(), 1e-9);
        assertEquals(30, s.row1(), 1e-9);
        assertEquals(-0.5, Math.min(s.column0(), s.column1()), 1e-9);
        assertEquals(99.5, Math.max(s.column0(), s.column1()), 1e-9);
    }

    @Test
    void axialOnCoronalIsAHorizontalLineAtItsZ() {
        ImagePlane.Segment s = coronal.referenceLine(axial).orElseThrow();
        assertEquals(40, s.row0(), 1e-9); // z=10 is 40 rows below z=50
        assertEquals(40, s.row1(), 1e-9);
    }

    @Test
    void parallelOrMissingPlanesHaveNoLine() {
        ImagePlane other = new ImagePlane(new Vec3(0, 0, 20), new Vec3(1, 0, 0), new Vec3(0, 1, 0), 1, 1, 100, 100);
        assertTrue(axial.referenceLine(other).isEmpty());
        // a coronal that does not reach down to z=10
        ImagePlane high = new ImagePlane(new Vec3(0, 30, 200), new Vec3(1, 0, 0), new Vec3(0, 0, -1), 1, 1, 100, 100);
        assertTrue(axial.referenceLine(high).isEmpty());
    }

    @Test
    void lineIsClippedToTheOtherImage() {
        // a coronal only 20 mm wide (x from 40 to 59)
        ImagePlane narrow = new ImagePlane(new Vec3(40, 30, 50), new Vec3(1, 0, 0), new Vec3(0, 0, -1), 1, 1, 20,
                100);
        ImagePlane.Segment s = axial.referenceLine(narrow).orElseThrow();
        assertEquals(39.5, Math.min(s.column0(), s.column1()), 1e-9);
        assertEquals(59.5, Math.max(s.column0(), s.column1()), 1e-9);
    }

    @Test
    void obliquePlaneCutsDiagonally() {
        // a plane at 45 degrees containing the z axis through (50,50): x - y = 0 rotated
        double c = Math.sqrt(0.5);
        ImagePlane oblique = new ImagePlane(new Vec3(0, 0, 60), new Vec3(c, c, 0), new Vec3(0, 0, -1), 1, 1, 200,
                200);
        ImagePlane.Segment s = axial.referenceLine(oblique).orElseThrow();
        // every point of the segment has column == row (the line x == y)
        assertEquals(s.column0(), s.row0(), 1e-9);
        assertEquals(s.column1(), s.row1(), 1e-9);
        assertTrue(s.length() > 100);
    }

    @Test
    void pixelMappingRoundTrips() {
        ImagePlane p = new ImagePlane(new Vec3(-10, 5, 3), new Vec3(0, 1, 0), new Vec3(0, 0, -1), 0.5, 2, 64, 32);
        Vec3 q = p.toPatient(12.25, 7.5);
        double[] px = p.toPixel(q);
        assertEquals(12.25, px[0], 1e-12);
        assertEquals(7.5, px[1], 1e-12);
        assertEquals(0, p.distance(q), 1e-12);
    }
}
