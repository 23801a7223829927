package org.clain.measure;

import java.util.List;
import org.clain.study.Scanner;
import org.clain.study.Series;
import org.clain.study.StudyIndex;
import org.clain.study.Volume;
import org.clain.study.VolumeLoader;
import org.clain.testdata.SharedData;

/** The real abdomen CT of the shared corpus, loaded once, and brute-force ROI sums over it. */
final class RealCt {
    static final String REL = "real-ct/pancreatic-ct-cbct-seg_CB001_abdomen_implicitLE";
    private static Volume volume;
    private static Series series;

    private RealCt() {
    }

    static synchronized Volume volume() throws Exception {
        if (volume == null) {
            StudyIndex index = Scanner.scan(List.of(SharedData.file(REL)));
            series = index.series().get(0);
            volume = VolumeLoader.load(series.stacks().get(0));
        }
        return volume;
    }

    static synchronized Series series() throws Exception {
        volume();
        return series;
    }

    /** Sum and count of the voxels of slice z whose centre is inside the axial ellipse around voxel (cx, cy). */
    static double[] axialEllipse(Volume v, int cx, int cy, int z, double sx, double sy, double ru, double rv) {
        double sum = 0;
        long n = 0;
        for (int y = 0; y < v.ny(); y++) {
            for (int x = 0; x < v.nx(); x++) {
                double s = (x - cx) * sx;
                double t = (y - cy) * sy;
                double q = (s / ru) * (s / ru) + (t / rv) * (t / rv);
                if (Math.abs(q - 1) < 1e-9) {
                    throw new IllegalStateException("test setup: a voxel centre on the ellipse");
                }
                if (q <= 1) {
                    sum += v.value(x, y, z);
                    n++;
                }
            }
        }
        return new double[] {sum, n};
    }

    /** Sum and count of the voxels whose centre (origin + index * spacing, axial stack) lies in the sphere. */
    static double[] sphere(Volume v, double[] origin, double[] spacing, double[] c, double r) {
        double sum = 0;
        long n = 0;
        for (int z = 0; z < v.nz(); z++) {
            double pz = origin[2] + z * spacing[2] - c[2];
            if (Math.abs(pz) > r + spacing[2]) {
                continue;
            }
            for (int y = 0; y < v.ny(); y++) {
                double py = origin[1] + y * spacing[1] - c[1];
                for (int x = 0; x < v.nx(); x++) {
                    double px = origin[0] + x * spacing[0] - c[0];
                    double d2 = px * px + py * py + pz * pz;
                    if (Math.abs(d2 - r * r) < 1e-9) {
                        throw new IllegalStateException("test setup: a voxel centre on the sphere");
                    }
                    if (d2 <= r * r) {
                        sum += v.value(x, y, z);
                        n++;
                    }
                }
            }
        }
        return new double[] {sum, n};
    }

    /** Geometry of the series from SERIES.tsv: first position and spacing (PixelSpacing, slice spacing). */
    static final double[] ORIGIN = {-275, -178.1, 85.91};
    static final double[] SPACING = {1.07421875, 1.07421875, 3.0};
}
