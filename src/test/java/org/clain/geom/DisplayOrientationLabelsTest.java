package org.clain.geom;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Orientation letters (PS3.3 C.7.6.2.1.1) and their placement on a displayed image. */
class DisplayOrientationLabelsTest {
    private static final Vec3 X = new Vec3(1, 0, 0);
    private static final Vec3 Y = new Vec3(0, 1, 0);
    private static final Vec3 Z = new Vec3(0, 0, 1);

    @Test
    void axisLetters() {
        assertEquals("L", OrientationLabels.label(X));
        assertEquals("R", OrientationLabels.label(X.times(-1)));
        assertEquals("P", OrientationLabels.label(Y));
        assertEquals("A", OrientationLabels.label(Y.times(-1)));
        assertEquals("H", OrientationLabels.label(Z));
        assertEquals("F", OrientationLabels.label(Z.times(-1)));
    }

    @Test
    void obliqueDirectionsGetTheStrongestComponentFirst() {
        assertEquals("LA", OrientationLabels.label(new Vec3(0.8, -0.6, 0)));
        assertEquals("AL", OrientationLabels.label(new Vec3(0.6, -0.8, 0)));
        assertEquals("FRP", OrientationLabels.label(new Vec3(-0.5, 0.3, -0.81)));
        // slight obliquity below the threshold keeps a single letter
        assertEquals("L", OrientationLabels.label(new Vec3(0.998081, 0.010241, 0.0610768)));
        assertEquals("PF", OrientationLabels.label(new Vec3(0, 0.986232, -0.165365)));
        assertEquals("LHP", OrientationLabels.label(new Vec3(0.998081, 0.010241, 0.0610768), 0.0001));
    }

    @Test
    void axialAsStoredShowsAnteriorOnTopAndPatientRightOnTheLeft() {
        OrientationLabels.Edges e = OrientationLabels.edges(X, Y, 0, false, false);
        assertEquals(new OrientationLabels.Edges("A", "L", "P", "R"), e);
    }

    @Test
    void coronalAndSagittal() {
        // coronal: rows to the patient's left, columns to the feet
        assertEquals(new OrientationLabels.Edges("H", "L", "F", "R"),
                OrientationLabels.edges(X, Z.times(-1), 0, false, false));
        // sagittal: rows to posterior, columns to the feet
        assertEquals(new OrientationLabels.Edges("H", "P", "F", "A"),
                OrientationLabels.edges(Y, Z.times(-1), 0, false, false));
    }

    @Test
    void flipsAndRotationsMoveTheLetters() {
        assertEquals(new OrientationLabels.Edges("A", "R", "P", "L"), OrientationLabels.edges(X, Y, 0, true, false));
        assertEquals(new OrientationLabels.Edges("P", "L", "A", "R"), OrientationLabels.edges(X, Y, 0, false, true));
        // a clockwise quarter turn: what was on the left (R) goes to the top
        assertEquals(new OrientationLabels.Edges("R", "A", "L", "P"), OrientationLabels.edges(X, Y, 1, false, false));
        assertEquals(new OrientationLabels.Edges("P", "R", "A", "L"), OrientationLabels.edges(X, Y, 2, false, false));
        assertEquals(OrientationLabels.edges(X, Y, 3, false, false), OrientationLabels.edges(X, Y, -1, false, false));
    }

    @Test
    void obliqueMrOfTheSharedCorpus() {
        // brain-tumor-progression T1post IOP
        Vec3 row = new Vec3(0.998081, 0.010241, 0.0610768);
        Vec3 col = new Vec3(-1.68246e-11, 0.986232, -0.165365);
        OrientationLabels.Edges e = OrientationLabels.edges(row, col, 0, false, false);
        assertEquals("AH", e.top());
        assertEquals("L", e.right());
        assertEquals("PF", e.bottom());
        assertEquals("R", e.left());
    }
}
