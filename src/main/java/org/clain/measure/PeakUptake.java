package org.clain.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.clain.geom.Affine;
import org.clain.geom.Vec3;
import org.clain.study.Segmentation;
import org.clain.study.StructureSet;
import org.clain.study.Volume;

/**
 * The peak of an ROI as PERCIST 1.0 defines SUVpeak (Wahl et al., J Nucl Med 2009;50 Suppl
 * 1:122S-150S): the highest mean value in a 1 ml sphere (radius 6.2 mm) placed within the lesion.
 * The sphere is centred on each voxel the ROI's statistics read ({@link RoiStatistics}: voxel centres
 * inside a 3D ROI or a segment, the voxels nearest the samples of a planar one) and holds the voxels whose centre
 * is within the radius, wherever they are (the sphere may reach past the ROI's outline, not past the
 * volume); the voxels weigh the same. In modality values: a PET volume's SUVpeak is this times its
 * SUV factor.
 */
public final class PeakUptake {
    /** Radius of a 1 ml sphere in mm: (3 / (4 pi))^(1/3) cm. */
    public static final double SPHERE_RADIUS_MM = 10 * Math.cbrt(3 / (4 * Math.PI));
    /** Sphere sums beyond this many voxel reads are not attempted (an ROI drawn over a whole fine CT). */
    static final long MAX_READS = 400_000_000L;

    private PeakUptake() {
    }

    /** The highest 1 ml sphere mean centred in the ROI, or NaN when the ROI holds no voxel or is too large. */
    public static double of(Volume vol, Measurement roi) {
        return of(vol, v -> RoiStatistics.forEachVoxel(vol, roi, v));
    }

    /** The same, centred in a segment of a segmentation ({@link RoiStatistics#segment}). */
    public static double of(Volume vol, Segmentation seg, int number) {
        return of(vol, v -> RoiStatistics.segmentVoxels(vol, seg, number, v));
    }

    /** The same, centred in a structure of an RT Structure Set ({@link RoiStatistics#structure}). */
    public static double of(Volume vol, StructureSet set, int roiNumber) {
        return of(vol, v -> RoiStatistics.structureVoxels(vol, set, roiNumber, v));
    }

    private static double of(Volume vol, Consumer<RoiStatistics.VoxelVisitor> region) {
        int[][] sphere = sphereOffsets(vol, SPHERE_RADIUS_MM);
        List<int[]> centres = new ArrayList<>();
        region.accept((x, y, z) -> centres.add(new int[] {x, y, z}));
        if (centres.isEmpty() || (long) centres.size() * sphere.length > MAX_READS) {
            return Double.NaN;
        }
        double best = Double.NEGATIVE_INFINITY;
        for (int[] c : centres) {
            double sum = 0;
            int n = 0;
            for (int[] d : sphere) {
                int x = c[0] + d[0];
                int y = c[1] + d[1];
                int z = c[2] + d[2];
                if (x >= 0 && y >= 0 && z >= 0 && x < vol.nx() && y < vol.ny() && z < vol.nz()) {
                    sum += vol.value(x, y, z);
                    n++;
                }
            }
            best = Math.max(best, sum / n);
        }
        return best;
    }

    /**
     * The index offsets whose voxel centres lie within {@code radiusMm} of a voxel's centre, by the
     * volume's exact voxel-to-patient affine (sheared grids included); the offset 0 is always in.
     */
    static int[][] sphereOffsets(Volume vol, double radiusMm) {
        Affine v2p = vol.voxelToPatient();
        Vec3 ci = v2p.column(0);
        Vec3 cj = v2p.column(1);
        Vec3 ck = v2p.column(2);
        // |index k| <= r x |row k of the inverse|: the box that holds the sphere
        Affine p2v = vol.patientToVoxel();
        Vec3 ex = p2v.applyDirection(new Vec3(1, 0, 0));
        Vec3 ey = p2v.applyDirection(new Vec3(0, 1, 0));
        Vec3 ez = p2v.applyDirection(new Vec3(0, 0, 1));
        int ri = (int) Math.floor(radiusMm * Math.sqrt(ex.x() * ex.x() + ey.x() * ey.x() + ez.x() * ez.x()));
        int rj = (int) Math.floor(radiusMm * Math.sqrt(ex.y() * ex.y() + ey.y() * ey.y() + ez.y() * ez.y()));
        int rk = (int) Math.floor(radiusMm * Math.sqrt(ex.z() * ex.z() + ey.z() * ey.z() + ez.z() * ez.z()));
        List<int[]> out = new ArrayList<>();
        double r2 = radiusMm * radiusMm;
        for (int k = -rk; k <= rk; k++) {
            for (int j = -rj; j <= rj; j++) {
                for (int i = -ri; i <= ri; i++) {
                    double x = i * ci.x() + j * cj.x() + k * ck.x();
                    double y = i * ci.y() + j * cj.y() + k * ck.y();
                    double z = i * ci.z() + j * cj.z() + k * ck.z();
                    if (x * x + y * y + z * z <= r2) {
                        out.add(new int[] {i, j, k});
                    }
                }
            }
        }
        return out.toArray(new int[0][]);
    }
}
