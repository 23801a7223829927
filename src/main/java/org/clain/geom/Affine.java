package org.clain.geom;

import org.ejml.simple.SimpleMatrix;

/**
 * A 4x4 affine transform (EJML). Clain's main use: voxel index (column, row, slice) to patient
 * LPS millimetres, exact for oblique and gantry-tilted (sheared) stacks.
 */
public final class Affine {
    private final SimpleMatrix m;

    private Affine(SimpleMatrix m) {
        this.m = m;
    }

    /** Columns are the images of the unit index steps; origin is the image of index (0,0,0). */
    public static Affine fromColumns(Vec3 di, Vec3 dj, Vec3 dk, Vec3 origin) {
        SimpleMatrix m = SimpleMatrix.identity(4);
        double[][] cols = {di.toArray(), dj.toArray(), dk.toArray(), origin.toArray()};
        for (int c = 0; c < 4; c++) {
            for (int r = 0; r < 3; r++) {
                m.set(r, c, cols[c][r]);
            }
        }
        return new Affine(m);
    }

    public static Affine identity() {
        return new Affine(SimpleMatrix.identity(4));
    }

    public Vec3 apply(Vec3 p) {
        return new Vec3(
                m.get(0, 0) * p.x() + m.get(0, 1) * p.y() + m.get(0, 2) * p.z() + m.get(0, 3),
                m.get(1, 0) * p.x() + m.get(1, 1) * p.y() + m.get(1, 2) * p.z() + m.get(1, 3),
                m.get(2, 0) * p.x() + m.get(2, 1) * p.y() + m.get(2, 2) * p.z() + m.get(2, 3));
    }

    /** Applies only the linear part (for directions). */
    public Vec3 applyDirection(Vec3 d) {
        return new Vec3(
                m.get(0, 0) * d.x() + m.get(0, 1) * d.y() + m.get(0, 2) * d.z(),
                m.get(1, 0) * d.x() + m.get(1, 1) * d.y() + m.get(1, 2) * d.z(),
                m.get(2, 0) * d.x() + m.get(2, 1) * d.y() + m.get(2, 2) * d.z());
    }

    public Affine inverse() {
        return new Affine(m.invert());
    }

    /** this after other: x -> this(other(x)). */
    public Affine compose(Affine other) {
        return new Affine(m.mult(other.m));
    }

    public Vec3 column(int c) {
        return new Vec3(m.get(0, c), m.get(1, c), m.get(2, c));
    }

    public double get(int r, int c) {
        return m.get(r, c);
    }

    /** Row-major 4x4, for shaders and JSON. */
    public double[] toArray() {
        double[] out = new double[16];
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 4; c++) {
                out[r * 4 + c] = m.get(r, c);
            }
        }
        return out;
    }
}
