package org.clain.render;

import org.clain.geom.Affine;
import org.clain.geom.Vec3;
import org.clain.study.Volume;

/**
 * The orthographic ray grid of a W x H image: pixel (i, j) (j = 0 is the top row) casts a ray from
 * {@code origin + i*dx + j*dy} (pixel centres) along {@code forward}, all in patient LPS mm; ray
 * parameter t is millimetres from that origin. The view is centred on the volume's centre and
 * zoom 1 fits its bounding-box diagonal ({@code extent}) in the shorter image side.
 */
public record ViewFrame(int width, int height, Vec3 origin, Vec3 dx, Vec3 dy, Vec3 forward, Vec3 right, Vec3 up,
                        Vec3 viewCentre, double mmPerPixel, double extent) {

    public static ViewFrame of(Volume v, Camera cam, int w, int h) {
        return of(v.voxelToPatient(), v.nx(), v.ny(), v.nz(), cam, w, h);
    }

    public static ViewFrame of(Affine voxelToPatient, int nx, int ny, int nz, Camera cam, int w, int h) {
        if (w <= 0 || h <= 0) {
            throw new IllegalArgumentException("image size " + w + "x" + h);
        }
        Vec3 centre = voxelToPatient.apply(new Vec3((nx - 1) / 2.0, (ny - 1) / 2.0, (nz - 1) / 2.0));
        Vec3[] corners = new Vec3[8];
        for (int c = 0; c < 8; c++) {
            corners[c] = voxelToPatient.apply(new Vec3((c & 1) == 0 ? -0.5 : nx - 0.5, (c & 2) == 0 ? -0.5 : ny - 0.5,
                    (c & 4) == 0 ? -0.5 : nz - 0.5));
        }
        double extent = 0;
        for (int a = 0; a < 8; a++) {
            for (int b = a + 1; b < 8; b++) {
                extent = Math.max(extent, corners[a].distance(corners[b]));
            }
        }
        Vec3[] basis = cam.basis();
        Vec3 right = basis[0];
        Vec3 up = basis[1];
        Vec3 fwd = basis[2];
        double mpp = extent / (cam.zoom() * Math.min(w, h));
        Vec3 viewCentre = centre.minus(right.times(cam.panX())).minus(up.times(cam.panY()));
        Vec3 back = fwd.times(-(extent / 2 + 1));
        Vec3 origin = viewCentre.plus(back).plus(right.times((0.5 - w / 2.0) * mpp))
                .plus(up.times((h / 2.0 - 0.5) * mpp));
        return new ViewFrame(w, h, origin, right.times(mpp), up.times(-mpp), fwd, right, up, viewCentre, mpp, extent);
    }

    /** Ray origin of pixel (i, j) (its centre). */
    public Vec3 rayOrigin(double i, double j) {
        return origin.plus(dx.times(i)).plus(dy.times(j));
    }

    /**
     * Continuous image coordinates {x, y} of a patient point: pixel (i, j) spans [i, i+1) x [j, j+1),
     * so its centre projects to (i + 0.5, j + 0.5).
     */
    public double[] project(Vec3 p) {
        Vec3 rel = p.minus(viewCentre);
        return new double[] {rel.dot(right) / mmPerPixel + width / 2.0, height / 2.0 - rel.dot(up) / mmPerPixel};
    }
}
