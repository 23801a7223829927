package org.clain.render;

import org.clain.geom.Vec3;

/**
 * A reformat plane in patient coordinates (LPS, mm): an image of {@code width x height} square
 * pixels of {@code pixelSize} mm, centred on {@code center}, with unit in-plane axes {@code u}
 * (image +x, to the right of the screen) and {@code v} (image +y, down the screen).
 * The normal {@code u x v} points into the screen, away from the viewer.
 *
 * <p>Pixel (i, j) (column i, row j, both from 0) has its centre at
 * {@code center + (i - (width-1)/2) * pixelSize * u + (j - (height-1)/2) * pixelSize * v}; so
 * with an even size the centre lies between pixels, and a plane centred on a volume's centre with
 * the volume's pixel spacing puts pixel centres exactly on voxel centres.
 *
 * <p>Standard planes follow the radiological convention (LPS: +X patient left, +Y posterior,
 * +Z head): axial is seen from the feet (patient left on image right, anterior up), coronal from
 * the front (patient left on image right, head up), sagittal from the patient's left (anterior
 * on image left, head up).
 */
public record Plane(Vec3 center, Vec3 u, Vec3 v, double pixelSize, int width, int height) {

    /** Below this a direction cosine is treated as zero when naming orientation letters. */
    public static final double SECONDARY_LETTER_THRESHOLD = 0.1;

    public Plane {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("plane size must be at least 1x1, got " + width + "x" + height);
        }
        if (!(pixelSize > 0) || Double.isInfinite(pixelSize)) {
            throw new IllegalArgumentException("pixel size must be positive, got " + pixelSize);
        }
        u = u.normalized();
        v = v.normalized();
        if (u.norm() == 0 || v.norm() == 0 || Math.abs(u.dot(v)) > 1e-6) {
            throw new IllegalArgumentException("u and v must be orthogonal non-zero vectors: " + u + ", " + v);
        }
    }

    public static Plane axial(Vec3 center, double pixelSize, int width, int height) {
        return new Plane(center, new Vec3(1, 0, 0), new Vec3(0, 1, 0), pixelSize, width, height);
    }

    public static Plane coronal(Vec3 center, double pixelSize, int width, int height) {
        return new Plane(center, new Vec3(1, 0, 0), new Vec3(0, 0, -1), pixelSize, width, height);
    }

    public static Plane sagittal(Vec3 center, double pixelSize, int width, int height) {
        return new Plane(center, new Vec3(0, 1, 0), new Vec3(0, 0, -1), pixelSize, width, height);
    }

    /**
     * A plane with the given normal (the viewing direction, into the screen, kept as given: a normal
     * of (0,0,-1) is an axial seen from the head, mirrored relative to {@link #axial}).
     *
     * @param up the direction shown towards the top of the image, projected onto the plane;
     *           null picks anterior (-Y) for planes closest to axial and head (+Z) otherwise, so
     *           that normals near (0,0,1), (0,1,0) and (-1,0,0) give the standard planes exactly
     */
    public static Plane oblique(Vec3 center, Vec3 normal, Vec3 up, double pixelSize, int width, int height) {
        Vec3 n = normal.normalized();
        if (n.norm() == 0) {
            throw new IllegalArgumentException("normal must be non-zero");
        }
        Vec3 upDir = up == null ? defaultUp(n) : up;
        Vec3 vUp = upDir.minus(n.times(upDir.dot(n)));
        if (vUp.norm() < 1e-6 * Math.max(1, upDir.norm())) {
            if (up != null) {
                throw new IllegalArgumentException("up " + up + " is parallel to the normal " + normal);
            }
            upDir = defaultUp(n).equals(new Vec3(0, 0, 1)) ? new Vec3(0, -1, 0) : new Vec3(0, 0, 1);
            vUp = upDir.minus(n.times(upDir.dot(n)));
        }
        Vec3 v = vUp.normalized().times(-1);
        Vec3 u = v.cross(n).normalized();
        return new Plane(center, u, v, pixelSize, width, height);
    }

    private static Vec3 defaultUp(Vec3 n) {
        double ax = Math.abs(n.x());
        double ay = Math.abs(n.y());
        double az = Math.abs(n.z());
        return az >= ax && az >= ay ? new Vec3(0, -1, 0) : new Vec3(0, 0, 1);
    }

    /** Unit normal u x v, pointing into the screen. */
    public Vec3 normal() {
        return u.cross(v).normalized();
    }

    /** Patient position of the centre of pixel (i, j); i and j may be fractional or outside the image. */
    public Vec3 pixelToPatient(double i, double j) {
        double a = (i - (width - 1) / 2.0) * pixelSize;
        double b = (j - (height - 1) / 2.0) * pixelSize;
        return new Vec3(center.x() + a * u.x() + b * v.x(), center.y() + a * u.y() + b * v.y(),
                center.z() + a * u.z() + b * v.z());
    }

    /** Pixel coordinates (i, j) of the projection of a patient point onto the plane; z is its signed distance along the normal. */
    public Vec3 patientToPixel(Vec3 p) {
        Vec3 d = p.minus(center);
        return new Vec3(d.dot(u) / pixelSize + (width - 1) / 2.0, d.dot(v) / pixelSize + (height - 1) / 2.0,
                d.dot(normal()));
    }

    /** Patient position of pixel (0, 0). */
    public Vec3 origin() {
        return pixelToPatient(0, 0);
    }

    public Plane withCenter(Vec3 c) {
        return new Plane(c, u, v, pixelSize, width, height);
    }

    public Plane withSize(double pixel, int w, int h) {
        return new Plane(center, u, v, pixel, w, h);
    }

    /** The same plane moved by {@code mm} along its normal. */
    public Plane translated(double mm) {
        return withCenter(center.plus(normal().times(mm)));
    }

    /** Letters naming the patient direction at the left edge of the image (direction -u). */
    public String leftLetters() {
        return orientationLetters(u.times(-1));
    }

    public String rightLetters() {
        return orientationLetters(u);
    }

    public String topLetters() {
        return orientationLetters(v.times(-1));
    }

    public String bottomLetters() {
        return orientationLetters(v);
    }

    /**
     * Orientation letters of a patient direction (LPS): R/L for -X/+X, A/P for -Y/+Y, F/H for -Z/+Z,
     * the dominant one first, then any other component of at least
     * {@link #SECONDARY_LETTER_THRESHOLD} of the unit direction in decreasing order (e.g. "LA" for
     * a direction mostly left and somewhat anterior). Empty for a zero vector.
     */
    public static String orientationLetters(Vec3 direction) {
        Vec3 d = direction.normalized();
        double[] c = d.toArray();
        char[][] letters = {{'R', 'L'}, {'A', 'P'}, {'F', 'H'}};
        Integer[] order = {0, 1, 2};
        java.util.Arrays.sort(order, (a, b) -> Double.compare(Math.abs(c[b]), Math.abs(c[a])));
        StringBuilder sb = new StringBuilder(3);
        for (int k = 0; k < 3; k++) {
            int axis = order[k];
            double a = Math.abs(c[axis]);
            if (a == 0 || (k > 0 && a < SECONDARY_LETTER_THRESHOLD)) {
                continue;
            }
            sb.append(letters[axis][c[axis] > 0 ? 1 : 0]);
        }
        return sb.toString();
    }
}
