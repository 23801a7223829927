package org.clain.measure;

/**
 * Statistics of the values inside a ROI.
 *
 * @param method    how values were gathered (see {@link RoiStatistics})
 * @param stepMm    grid step of the plane samples (planar ROIs); NaN for voxel-centre inclusion
 * @param count     number of values: plane samples inside the shape and inside the volume, or voxels
 * @param outside   plane samples inside the shape that fell outside the volume (not counted); 0 for 3D ROIs
 * @param mean      arithmetic mean; NaN when count is 0
 * @param sd        sample standard deviation (divisor count - 1; 0 for one value; NaN for none)
 * @param min       smallest value; NaN when count is 0
 * @param max       largest value; NaN when count is 0
 * @param median    middle value, mean of the two middle values for an even count; NaN when count is 0
 * @param areaMm2   the planar shape's exact geometric area (independent of sampling); NaN for 3D ROIs
 * @param volumeMm3 count x voxel volume for 3D ROIs (the volume of the included voxels); NaN for planar ROIs
 * @param values    the values, ascending (for histograms); shared, do not modify
 */
public record RoiResult(RoiStatistics.Method method, double stepMm, long count, long outside, double mean, double sd,
                        double min, double max, double median, double areaMm2, double volumeMm3, double[] values) {

    /** Histogram of the values over their own range. */
    public Histogram histogram(int bins) {
        return Histogram.of(values, bins);
    }

    public Histogram histogram(int bins, double lo, double hi) {
        return Histogram.of(values, bins, lo, hi);
    }

    /** The area the counted samples stand for: count x step^2 (planar ROIs; NaN otherwise). */
    public double sampledAreaMm2() {
        return method == RoiStatistics.Method.PLANE_SAMPLES_TRILINEAR ? count * stepMm * stepMm : Double.NaN;
    }
}
