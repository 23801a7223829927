package org.clain.measure;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.clain.geom.Affine;
import org.clain.geom.Vec3;
import org.clain.study.Segmentation;
import org.clain.study.StructureSet;
import org.clain.study.Volume;

/**
 * ROI statistics: one implementation for the UI, the CLI ({@code clain roi}), the CSV and the SR.
 *
 * <h2>Planar ROIs: plane samples, trilinear</h2>
 * A planar ROI is measured on its own plane, whatever the orientation of the volume: the plane is
 * sampled on a square grid of step h (default {@link #DEFAULT_STEP_FRACTION} x the smallest voxel
 * edge), aligned so that a grid point lies on the ROI centre: points {@code center + i h u + j h v}
 * for integers i, j. A grid point is in the ROI when its in-plane coordinates satisfy
 * {@link PlanarRoi#contains} (boundary inclusive for ellipse and rectangle). Its value is the
 * trilinear interpolation of the 8 surrounding voxels' modality values (HU). Every sample weighs
 * the same.
 *
 * <p><b>Partial-voxel rule:</b> there is no per-voxel weight. A voxel cut by the outline contributes
 * through the grid points that fall inside the outline, so in proportion to the part of its area
 * that lies inside, to within the grid resolution; the interpolation spreads each sample over its
 * 8 neighbouring voxels. Samples inside the outline but outside the box of voxel centres (where the
 * 8 neighbours do not exist) are not counted; {@link RoiResult#outside()} says how many. The area
 * reported is the shape's exact area, not a count of samples.
 *
 * <p>With h equal to the pixel spacing and the centre on a voxel centre of an axial slice, the
 * samples are exactly the voxel centres inside the outline (voxel-centre inclusion on that slice).
 *
 * <h2>3D ROIs (sphere, ellipsoid): voxel-centre inclusion</h2>
 * A voxel belongs to the ROI when its centre, mapped to patient mm by the volume's exact
 * voxel-to-patient affine, satisfies {@link EllipsoidRoi#contains} (boundary inclusive); its value
 * is the voxel's own modality value, unweighted. Voxels cut by the surface count wholly or not at
 * all. The volume is count x voxel volume.
 */
public final class RoiStatistics {
    /** Default plane sample step as a fraction of the smallest voxel edge. */
    public static final double DEFAULT_STEP_FRACTION = 0.5;
    /** At most this many grid points per planar ROI (a guard against a mistyped radius). */
    public static final long MAX_PLANE_SAMPLES = 50_000_000L;

    public enum Method {
        /** Planar ROI: a grid on the ROI's plane, trilinear values. */
        PLANE_SAMPLES_TRILINEAR,
        /** 3D ROI: voxels whose centre is inside. */
        VOXEL_CENTRES
    }

    private RoiStatistics() {
    }

    /** The default plane sample step for a volume in mm. */
    public static double defaultStep(Volume vol) {
        return DEFAULT_STEP_FRACTION * VolumeSampler.minSpacing(vol);
    }

    /** Statistics of a planar or 3D ROI; IllegalArgumentException for other measurements. */
    public static RoiResult of(Volume vol, Measurement roi) {
        if (roi instanceof PlanarRoi p) {
            return planar(vol, p);
        }
        if (roi instanceof EllipsoidRoi e) {
            return ellipsoid(vol, e);
        }
        throw new IllegalArgumentException(roi.type() + " is not a region of interest");
    }

    public static RoiResult planar(Volume vol, PlanarRoi roi) {
        return planar(vol, roi, defaultStep(vol));
    }

    /** Statistics of a planar ROI sampled with grid step {@code stepMm} (see the class comment). */
    public static RoiResult planar(Volume vol, PlanarRoi roi, double stepMm) {
        Objects.requireNonNull(vol, "volume");
        checkFrame(vol, roi);
        if (!(stepMm > 0) || Double.isInfinite(stepMm)) {
            throw new IllegalArgumentException("sample step must be positive: " + stepMm);
        }
        long[] outside = new long[1];
        Values[] acc = new Values[1];
        planeSamples(vol, roi, stepMm, grid -> acc[0] = new Values((int) Math.min(grid, Integer.MAX_VALUE - 8)),
                (x, y, z) -> {
                    double value = VolumeSampler.trilinear(vol, x, y, z);
                    if (Double.isNaN(value)) {
                        outside[0]++;
                    } else {
                        acc[0].add(value);
                    }
                });
        return acc[0].result(Method.PLANE_SAMPLES_TRILINEAR, stepMm, outside[0], roi.areaMm2(), Double.NaN);
    }

    /** Statistics of a sphere or ellipsoid by voxel-centre inclusion (see the class comment). */
    public static RoiResult ellipsoid(Volume vol, EllipsoidRoi roi) {
        Objects.requireNonNull(vol, "volume");
        checkFrame(vol, roi);
        Values[] acc = new Values[1];
        ellipsoidVoxels(vol, roi, box -> acc[0] = new Values((int) Math.min(box, 1 << 20)),
                (x, y, z) -> acc[0].add(vol.value(x, y, z)));
        return acc[0].result(Method.VOXEL_CENTRES, Double.NaN, 0, Double.NaN,
                acc[0].size * VolumeSampler.voxelVolume(vol));
    }

    /**
     * Statistics of a segment of a DICOM Segmentation by voxel-centre inclusion, as a 3D ROI: the
     * voxels whose centre the segment covers ({@link Segmentation#labels}: the segment's frame at
     * the centre's position, nearest pixel); the volume is their count x voxel volume.
     */
    public static RoiResult segment(Volume vol, Segmentation seg, int number) {
        Objects.requireNonNull(vol, "volume");
        return voxelRegion(vol, seg.appliesTo("", vol.frameOfReferenceUid()), "segmentation", seg.frameOfReferenceUid(),
                v -> segmentVoxels(vol, seg, number, v));
    }

    /** Statistics of the voxels a region visits, if it lies in the volume's Frame of Reference. */
    private static RoiResult voxelRegion(Volume vol, boolean inFrame, String what, String frame,
                                         Consumer<VoxelVisitor> region) {
        if (!inFrame) {
            throw new IllegalArgumentException("the " + what + " is in Frame of Reference " + frame
                    + " but the volume is in " + vol.frameOfReferenceUid() + ": its positions do not apply");
        }
        Values acc = new Values(1 << 16);
        region.accept((x, y, z) -> acc.add(vol.value(x, y, z)));
        return acc.result(Method.VOXEL_CENTRES, Double.NaN, 0, Double.NaN, acc.size * VolumeSampler.voxelVolume(vol));
    }

    /** The voxels whose centre segment {@code number} covers, slice by slice. */
    static void segmentVoxels(Volume vol, Segmentation seg, int number, VoxelVisitor visitor) {
        Affine v2p = vol.voxelToPatient();
        for (int z = 0; z < vol.nz(); z++) {
            int[] labels = seg.labels(vol.toPatient(0, 0, z), v2p.column(0), v2p.column(1), vol.nx(), vol.ny(), number);
            if (labels == null) {
                continue;
            }
            for (int i = 0; i < labels.length; i++) {
                if (labels[i] == number) {
                    visitor.visit(i % vol.nx(), i / vol.nx(), z);
                }
            }
        }
    }

    /**
     * Statistics of a structure of an RT Structure Set by voxel-centre inclusion, as a 3D ROI: on
     * each slice of the volume, the voxel centres inside the structure's closed contours lying
     * within half a slice of it, by the even-odd rule (a contour inside another is a hole; a centre
     * on a contour's left or top edge is in, on its right or bottom edge out); the volume is their
     * count x voxel volume.
     */
    public static RoiResult structure(Volume vol, StructureSet set, int roiNumber) {
        Objects.requireNonNull(vol, "volume");
        String frame = set.frameOfReferenceUid();
        return voxelRegion(vol, frame.isEmpty() || frame.equals(vol.frameOfReferenceUid()), "structure set", frame,
                v -> structureVoxels(vol, set, roiNumber, v));
    }

    /** The voxels whose centre structure {@code roiNumber} encloses, slice by slice (scan lines, even-odd). */
    static void structureVoxels(Volume vol, StructureSet set, int roiNumber, VoxelVisitor visitor) {
        Affine v2p = vol.voxelToPatient();
        int nx = vol.nx();
        int ny = vol.ny();
        double halfSlice = v2p.column(2).norm() / 2 + 1e-3;
        boolean[] inside = new boolean[nx * ny];
        double[] xs = new double[16];
        for (int z = 0; z < vol.nz(); z++) {
            boolean any = false;
            for (StructureSet.Drawn d : set.on(vol.toPatient(0, 0, z), v2p.column(0), v2p.column(1), halfSlice)) {
                if (!d.closed() || d.structure().number() != roiNumber || d.pixels().length < 6) {
                    continue;
                }
                double[] p = d.pixels();
                int n = p.length / 2;
                if (xs.length < n) {
                    xs = new double[n];
                }
                double minY = Double.POSITIVE_INFINITY;
                double maxY = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < n; i++) {
                    minY = Math.min(minY, p[2 * i + 1]);
                    maxY = Math.max(maxY, p[2 * i + 1]);
                }
                for (int y = Math.max(0, (int) Math.ceil(minY)); y <= Math.min(ny - 1, Math.floor(maxY)); y++) {
                    int k = 0;
                    for (int i = 0, j = n - 1; i < n; j = i++) {
                        double yi = p[2 * i + 1];
                        double yj = p[2 * j + 1];
                        if ((yi <= y) != (yj <= y)) {
                            xs[k++] = p[2 * i] + (y - yi) * (p[2 * j] - p[2 * i]) / (yj - yi);
                        }
                    }
                    Arrays.sort(xs, 0, k);
                    for (int e = 0; e + 1 < k; e += 2) {
                        int from = Math.max(0, (int) Math.ceil(xs[e]));
                        int to = Math.min(nx - 1, (int) Math.ceil(xs[e + 1]) - 1);
                        for (int x = from; x <= to; x++) {
                            inside[y * nx + x] ^= true;
                            any = true;
                        }
                    }
                }
            }
            if (any) {
                for (int i = 0; i < inside.length; i++) {
                    if (inside[i]) {
                        visitor.visit(i % nx, i / nx, z);
                        inside[i] = false;
                    }
                }
            }
        }
    }

    /** A voxel by its indices. */
    @FunctionalInterface
    interface VoxelVisitor {
        void visit(int x, int y, int z);
    }

    /**
     * The voxels an ROI's statistics read, each once: those whose centre is in a 3D ROI; for a planar
     * ROI, the voxel nearest to each of its plane samples (default step).
     */
    static void forEachVoxel(Volume vol, Measurement roi, VoxelVisitor visitor) {
        checkFrame(vol, roi);
        if (roi instanceof EllipsoidRoi e) {
            ellipsoidVoxels(vol, e, box -> { }, visitor);
            return;
        }
        if (!(roi instanceof PlanarRoi p)) {
            throw new IllegalArgumentException(roi.type() + " is not a region of interest");
        }
        Set<Long> seen = new HashSet<>();
        int nx = vol.nx();
        int ny = vol.ny();
        planeSamples(vol, p, defaultStep(vol), grid -> { }, (x, y, z) -> {
            int i = (int) Math.round(x);
            int j = (int) Math.round(y);
            int k = (int) Math.round(z);
            if (i < 0 || j < 0 || k < 0 || i >= nx || j >= ny || k >= vol.nz()) {
                return;
            }
            if (seen.add(((long) k * ny + j) * nx + i)) {
                visitor.visit(i, j, k);
            }
        });
    }

    /** A plane sample by its continuous voxel coordinates. */
    @FunctionalInterface
    private interface SampleVisitor {
        void visit(double x, double y, double z);
    }

    /**
     * The ROI's plane samples (see the class comment) in continuous voxel coordinates;
     * {@code gridSize} first hears how many grid points the ROI's bounding box holds.
     */
    private static void planeSamples(Volume vol, PlanarRoi roi, double stepMm, LongConsumer gridSize,
                                     SampleVisitor visitor) {
        double sMin;
        double sMax;
        double tMin;
        double tMax;
        if (roi.shape() == PlanarRoi.Shape.ELLIPSE || roi.shape() == PlanarRoi.Shape.RECTANGLE) {
            sMax = roi.radiusU();
            sMin = -sMax;
            tMax = roi.radiusV();
            tMin = -tMax;
        } else {
            sMin = Double.POSITIVE_INFINITY;
            sMax = Double.NEGATIVE_INFINITY;
            tMin = Double.POSITIVE_INFINITY;
            tMax = Double.NEGATIVE_INFINITY;
            for (double[] st : roi.polygonST()) {
                sMin = Math.min(sMin, st[0]);
                sMax = Math.max(sMax, st[0]);
                tMin = Math.min(tMin, st[1]);
                tMax = Math.max(tMax, st[1]);
            }
        }
        long i0 = (long) Math.ceil(sMin / stepMm);
        long i1 = (long) Math.floor(sMax / stepMm);
        long j0 = (long) Math.ceil(tMin / stepMm);
        long j1 = (long) Math.floor(tMax / stepMm);
        long grid = Math.max(0, i1 - i0 + 1) * Math.max(0, j1 - j0 + 1);
        if (grid > MAX_PLANE_SAMPLES) {
            throw new IllegalArgumentException("ROI would take " + grid + " samples at step " + stepMm
                    + " mm (limit " + MAX_PLANE_SAMPLES + "): use a larger step");
        }
        gridSize.accept(grid);
        // voxel position is affine in (s, t): origin + s du + t dv
        Affine p2v = vol.patientToVoxel();
        Vec3 origin = p2v.apply(roi.center());
        Vec3 du = p2v.applyDirection(roi.u());
        Vec3 dv = p2v.applyDirection(roi.v());
        InPlane inside = inPlane(roi);
        for (long j = j0; j <= j1; j++) {
            double t = j * stepMm;
            for (long i = i0; i <= i1; i++) {
                double s = i * stepMm;
                if (!inside.test(s, t)) {
                    continue;
                }
                double x = origin.x() + s * du.x() + t * dv.x();
                double y = origin.y() + s * du.y() + t * dv.y();
                double z = origin.z() + s * du.z() + t * dv.z();
                visitor.visit(x, y, z);
            }
        }
    }

    /** Voxels whose centre lies in the ellipsoid; {@code boxSize} first hears how many voxels the search box holds. */
    private static void ellipsoidVoxels(Volume vol, EllipsoidRoi roi, LongConsumer boxSize,
                                        VoxelVisitor visitor) {
        // patient-space bounding box of the ellipsoid, then its voxel-index bounding box
        double[] ext = new double[3];
        Vec3[] axes = {roi.u().times(roi.ru()), roi.v().times(roi.rv()), roi.w().times(roi.rw())};
        for (int k = 0; k < 3; k++) {
            double sum = 0;
            for (Vec3 a : axes) {
                double c = a.toArray()[k];
                sum += c * c;
            }
            ext[k] = Math.sqrt(sum);
        }
        double[] lo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] hi = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        Vec3 c = roi.center();
        for (int corner = 0; corner < 8; corner++) {
            Vec3 p = new Vec3(c.x() + ((corner & 1) == 0 ? -ext[0] : ext[0]),
                    c.y() + ((corner & 2) == 0 ? -ext[1] : ext[1]), c.z() + ((corner & 4) == 0 ? -ext[2] : ext[2]));
            double[] q = vol.toVoxel(p).toArray();
            for (int k = 0; k < 3; k++) {
                lo[k] = Math.min(lo[k], q[k]);
                hi[k] = Math.max(hi[k], q[k]);
            }
        }
        int[] n = {vol.nx(), vol.ny(), vol.nz()};
        int[] from = new int[3];
        int[] to = new int[3];
        for (int k = 0; k < 3; k++) {
            // one voxel of margin against rounding in the box; the inclusion test decides
            from[k] = (int) Math.max(0, Math.floor(lo[k]) - 1);
            to[k] = (int) Math.min(n[k] - 1, Math.ceil(hi[k]) + 1);
        }
        Affine v2p = vol.voxelToPatient();
        Vec3 ci = v2p.column(0);
        Vec3 cj = v2p.column(1);
        Vec3 ck = v2p.column(2);
        Vec3 o = v2p.column(3);
        Vec3 u = roi.u();
        Vec3 v = roi.v();
        Vec3 w = roi.w();
        long box = 1;
        for (int k = 0; k < 3; k++) {
            box *= Math.max(0, to[k] - from[k] + 1);
        }
        boxSize.accept(box);
        for (int z = from[2]; z <= to[2]; z++) {
            for (int y = from[1]; y <= to[1]; y++) {
                for (int x = from[0]; x <= to[0]; x++) {
                    double px = o.x() + x * ci.x() + y * cj.x() + z * ck.x() - c.x();
                    double py = o.y() + x * ci.y() + y * cj.y() + z * ck.y() - c.y();
                    double pz = o.z() + x * ci.z() + y * cj.z() + z * ck.z() - c.z();
                    double a = (px * u.x() + py * u.y() + pz * u.z()) / roi.ru();
                    double b = (px * v.x() + py * v.y() + pz * v.z()) / roi.rv();
                    double g = (px * w.x() + py * w.y() + pz * w.z()) / roi.rw();
                    if (a * a + b * b + g * g <= 1) {
                        visitor.visit(x, y, z);
                    }
                }
            }
        }
    }

    @FunctionalInterface
    private interface InPlane {
        boolean test(double s, double t);
    }

    /** {@link PlanarRoi#contains} with the shape's constants computed once (same arithmetic). */
    private static InPlane inPlane(PlanarRoi roi) {
        double ru = roi.radiusU();
        double rv = roi.radiusV();
        switch (roi.shape()) {
            case ELLIPSE:
                return (s, t) -> {
                    double a = s / ru;
                    double b = t / rv;
                    return a * a + b * b <= 1;
                };
            case RECTANGLE:
                return (s, t) -> Math.abs(s) <= ru && Math.abs(t) <= rv;
            default:
                double[][] st = roi.polygonST();
                return (s, t) -> PlanarRoi.insidePolygon(st, s, t);
        }
    }

    private static void checkFrame(Volume vol, Measurement roi) {
        String a = roi.frameOfReferenceUid();
        String b = vol.frameOfReferenceUid();
        if (a != null && b != null && !a.isEmpty() && !b.isEmpty() && !a.equals(b)) {
            throw new IllegalArgumentException("the ROI is in Frame of Reference " + a
                    + " but the volume is in " + b + ": its coordinates do not apply");
        }
    }

    /** A growable array of values with their sum in gathering order. */
    private static final class Values {
        private double[] data;
        private int size;
        private double sum;

        Values(int capacity) {
            data = new double[Math.max(16, capacity)];
        }

        void add(double x) {
            if (size == data.length) {
                data = Arrays.copyOf(data, (int) Math.min(Integer.MAX_VALUE - 8, data.length * 2L));
            }
            data[size++] = x;
            sum += x;
        }

        RoiResult result(Method method, double stepMm, long outside, double area, double volume) {
            double[] sorted = Arrays.copyOf(data, size);
            if (size == 0) {
                return new RoiResult(method, stepMm, 0, outside, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, area, method == Method.VOXEL_CENTRES ? 0 : volume, sorted);
            }
            double mean = sum / size;
            double ss = 0;
            for (int i = 0; i < size; i++) {
                double d = data[i] - mean;
                ss += d * d;
            }
            double sd = size > 1 ? Math.sqrt(ss / (size - 1)) : 0;
            Arrays.sort(sorted);
            double median = size % 2 == 1 ? sorted[size / 2] : (sorted[size / 2 - 1] + sorted[size / 2]) / 2;
            return new RoiResult(method, stepMm, size, outside, mean, sd, sorted[0], sorted[size - 1], median, area,
                    volume, sorted);
        }
    }
}
