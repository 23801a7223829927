package org.clain.study;

import java.util.Map;
import org.clain.geom.Affine;
import org.clain.geom.Vec3;

/**
 * Resamples a stack with irregular slice positions (missing slices, variable spacing) onto a
 * uniform grid along the normal, by linear interpolation of modality values between the two
 * nearest acquired slices. Only on request: the acquired voxels are what Clain shows by default.
 */
public final class UniformResampler {
    private UniformResampler() {
    }

    /**
     * @param positions position of each slice of {@code v} along the normal (mm, ascending), as
     *                  {@link SliceStack#positionsAlongNormal()} gives them
     * @param spacing   the new slice spacing in mm (for example the smallest acquired one)
     */
    public static Volume resample(Volume v, double[] positions, double spacing) {
        if (positions.length != v.nz() || v.nz() < 2) {
            throw new IllegalArgumentException("need one position per slice and at least two slices");
        }
        if (!(spacing > 0)) {
            throw new IllegalArgumentException("spacing must be positive: " + spacing);
        }
        double extent = positions[positions.length - 1] - positions[0];
        int nz = (int) Math.floor(extent / spacing + 1e-6) + 1;
        int n = v.nx() * v.ny();
        short[][] slabs = Volume.allocateSlabs(v.nx(), v.ny(), nz);
        int perSlab = Volume.slicesPerSlab(v.nx(), v.ny(), nz);
        double[] slope = new double[nz];
        double[] intercept = new double[nz];
        // one rescale for the new grid: the first slice's (modality values are interpolated, then re-stored)
        double s0 = v.slope(0);
        double b0 = v.intercept(0);
        int k = 0;
        for (int z = 0; z < nz; z++) {
            double p = positions[0] + z * spacing;
            while (k + 2 < positions.length && positions[k + 1] < p) {
                k++;
            }
            double t = (p - positions[k]) / (positions[k + 1] - positions[k]);
            t = Math.max(0, Math.min(1, t));
            short[] a = v.data(k);
            short[] b = v.data(k + 1);
            int ao = v.offset(k);
            int bo = v.offset(k + 1);
            short[] out = slabs[z / perSlab];
            int oo = (z % perSlab) * n;
            for (int i = 0; i < n; i++) {
                double va = stored(v, a[ao + i]) * v.slope(k) + v.intercept(k);
                double vb = stored(v, b[bo + i]) * v.slope(k + 1) + v.intercept(k + 1);
                double value = va + t * (vb - va);
                long s = Math.round((value - b0) / s0);
                out[oo + i] = (short) (v.signed() ? Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, s))
                        : Math.max(0, Math.min(65535, s)));
            }
            slope[z] = s0;
            intercept[z] = b0;
        }
        Affine a = v.voxelToPatient();
        Vec3 normal = a.column(0).cross(a.column(1)).normalized();
        Vec3 origin = v.toPatient(0, 0, 0);
        // keep the stacking direction of the original (a tilted stack stays sheared)
        Vec3 step = a.column(2).times(spacing / a.column(2).dot(normal));
        Affine grid = Affine.fromColumns(a.column(0), a.column(1), step, origin);
        return new Volume(v.nx(), v.ny(), nz, slabs, perSlab, v.signed(), slope, intercept, grid, v.frameOfReferenceUid(),
                v.modality(), v.windowCenter(), v.windowWidth(), v.paddingValue())
                .withValues(v.valueUnit(), v.quantizationError(), Map.of()).withUptake(v.uptake());
    }

    private static int stored(Volume v, short s) {
        return v.signed() ? s : s & 0xFFFF;
    }
}
