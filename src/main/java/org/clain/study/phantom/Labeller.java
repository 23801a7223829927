package org.clain.study.phantom;

import java.util.List;

/**
 * Fast point queries on a {@link PhantomTruth}: the structures' bounding boxes are computed once
 * and tested before the exact shapes, with the same answers as {@link PhantomTruth#labelAt}.
 * For many points (ROI means, whole volumes), make one and reuse it. Thread-safe.
 */
public final class Labeller {
    private final PhantomTruth truth;
    private final Structure[] structures;
    private final double[] box; // min x, y, z, max x, y, z per structure
    private final double[] hu;

    public Labeller(PhantomTruth truth) {
        this.truth = truth;
        List<Structure> list = truth.structures();
        structures = list.toArray(new Structure[0]);
        box = new double[6 * structures.length];
        hu = new double[structures.length];
        for (int i = 0; i < structures.length; i++) {
            Structure.Bounds b = structures[i].bounds();
            for (int a = 0; a < 3; a++) {
                box[6 * i + a] = b.min().get(a);
                box[6 * i + 3 + a] = b.max().get(a);
            }
            hu[i] = structures[i].hu();
        }
    }

    /** Index of the last structure (in painting order) containing the point, or -1 for background. */
    public int labelAt(Vec3 p) {
        double x = p.x();
        double y = p.y();
        double z = p.z();
        for (int i = structures.length - 1; i >= 0; i--) {
            int o = 6 * i;
            if (x < box[o] || y < box[o + 1] || z < box[o + 2] || x > box[o + 3] || y > box[o + 4] || z > box[o + 5]) {
                continue;
            }
            if (structures[i].contains(p)) {
                return i;
            }
        }
        return -1;
    }

    /** Noiseless HU at a patient point. */
    public double huAt(Vec3 p) {
        int label = labelAt(p);
        return label < 0 ? truth.backgroundHU() : hu[label];
    }

    /** Noiseless HU of a voxel under the phantom's sampling rule (before rounding). */
    public double expectedHU(int column, int row, int slice) {
        List<Double> o = truth.sampling().offsets();
        PhantomTruth.Geometry g = truth.geometry();
        double sum = 0;
        for (double d : o) {
            for (double b : o) {
                for (double a : o) {
                    sum += huAt(g.voxelCentre(column + a, row + b, slice + d));
                }
            }
        }
        return sum / ((double) o.size() * o.size() * o.size());
    }

    /** The stored pixel value a noise-free (sigma 0) phantom holds at this voxel. */
    public int expectedStoredWithoutNoise(int column, int row, int slice) {
        return truth.pixels().encode(expectedHU(column, row, slice));
    }
}
