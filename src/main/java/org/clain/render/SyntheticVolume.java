package org.clain.render;

import org.clain.geom.Affine;
import org.clain.geom.Vec3;
import org.clain.study.Volume;

import java.util.stream.IntStream;

/**
 * A CT-like synthetic volume for benchmarks and demos (not a test oracle): air around an
 * elliptic body of soft tissue with two lungs, a spine and ribs of bone, a contrast-filled aorta
 * and smooth noise. Stored signed with slope 1, intercept -1024, voxel size 0.75 x 0.75 x 1 mm.
 */
public final class SyntheticVolume {
    private SyntheticVolume() {
    }

    public static Volume ct(int n) {
        return ct(n, n, n);
    }

    public static Volume ct(int nx, int ny, int nz) {
        double sx = 0.75 * 256.0 / nx;
        double sy = 0.75 * 256.0 / ny;
        double sz = 1.0 * 256.0 / nz;
        Affine a = Affine.fromColumns(new Vec3(sx, 0, 0), new Vec3(0, sy, 0), new Vec3(0, 0, sz),
                new Vec3(-nx * sx / 2, -ny * sy / 2, -nz * sz / 2));
        short[][] slices = new short[nz][];
        double[] slope = new double[nz];
        double[] icpt = new double[nz];
        IntStream.range(0, nz).parallel().forEach(z -> {
            short[] s = new short[nx * ny];
            double pz = (z + 0.5) / nz * 2 - 1; // -1..1 feet to head
            for (int y = 0; y < ny; y++) {
                double py = (y + 0.5) / ny * 2 - 1; // -1 anterior .. 1 posterior
                for (int x = 0; x < nx; x++) {
                    double px = (x + 0.5) / nx * 2 - 1; // -1 right .. 1 left
                    s[y * nx + x] = (short) (hu(px, py, pz, x, y, z) + 1024);
                }
            }
            slices[z] = s;
            slope[z] = 1;
            icpt[z] = -1024;
        });
        return new Volume(nx, ny, nz, slices, true, slope, icpt, a, "2.25.1", "CT", new double[] {40},
                new double[] {400}, null);
    }

    private static double hu(double x, double y, double z, int ix, int iy, int iz) {
        double body = sq(x / 0.85) + sq(y / 0.6);
        if (body > 1 || Math.abs(z) > 0.95) {
            return -1000;
        }
        double noise = 12 * Math.sin(ix * 0.9 + iy * 0.3) * Math.cos(iy * 0.7 - iz * 0.5);
        // aorta: a contrast tube in front of the spine
        if (sq((x + 0.08) / 0.07) + sq((y - 0.05) / 0.07) <= 1) {
            return 320 + noise;
        }
        // spine: vertebral bodies stacked along z, cortical rim brighter
        double sp = sq(x / 0.12) + sq((y - 0.3) / 0.12);
        if (sp <= 1 && Math.sin(z * 40) > -0.6) {
            return (sp > 0.6 ? 900 : 350) + noise;
        }
        // ribs: elliptic shells at intervals along z
        double shell = Math.sqrt(body);
        if (shell > 0.86 && shell < 0.93 && Math.sin(z * 28) > 0.55 && y > -0.5) {
            return 700 + noise;
        }
        // lungs in the upper half
        if (z > -0.2 && (sq((x - 0.38) / 0.3) + sq(y / 0.42) + sq((z - 0.45) / 0.7) <= 1
                || sq((x + 0.38) / 0.3) + sq(y / 0.42) + sq((z - 0.45) / 0.7) <= 1)) {
            return -820 + 3 * noise;
        }
        // liver in the lower right
        if (sq((x + 0.35) / 0.35) + sq((y + 0.05) / 0.4) + sq((z + 0.35) / 0.3) <= 1) {
            return 110 + noise;
        }
        // fat under the skin, then muscle/organs
        return (body > 0.8 ? -90 : 45) + noise;
    }

    private static double sq(double v) {
        return v * v;
    }
}
