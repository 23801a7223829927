package org.clain.render;

import org.clain.geom.Vec3;

/**
 * Curved multiplanar reformat along a {@link Curve}. The output is {@code width} columns by one
 * row per {@code pixelSize} mm of arc length; row 0 is the curve's start. Every row is a straight
 * line of samples {@code pixelSize} apart, so each output pixel maps to one patient point
 * ({@link Geometry#patientAt}).
 *
 * <ul>
 * <li>{@link Mode#STRAIGHTENED}: row j is the cross-section line through the curve point at arc
 * length {@code j * pixelSize}, perpendicular to the curve's tangent T and to the viewing
 * direction D (direction {@code T x D}, image +x), centred on the curve: the curve runs straight
 * down the middle column. A straight curve gives exactly the plane with u = T x D, v = T.</li>
 * <li>{@link Mode#STRETCHED} (Kanitsar's stretched CPR): every row is parallel to one fixed
 * lateral direction W, perpendicular to D (by default {@code (end - start) x D}), so the output
 * is the ruled surface swept by the curve along W, unrolled without distortion: a column is a
 * fixed lateral position along W (the curve wanders left and right as it does seen from D) and
 * rows are spaced by arc length of the curve projected onto the plane perpendicular to W.</li>
 * </ul>
 */
public final class CurvedReslicer {
    public enum Mode {
        STRAIGHTENED,
        STRETCHED
    }

    /**
     * Where each output pixel lies: pixel (i, j) is {@code rowOrigins[3j..] + i * rowSteps[3j..]}
     * (patient mm); {@code curveColumn[j]} is the (fractional) column where the curve crosses row j.
     */
    public record Geometry(Mode mode, int width, int height, double pixelSize, double[] rowOrigins,
                           double[] rowSteps, double[] curveColumn, Vec3 lateral) {
        public Vec3 patientAt(double i, int j) {
            return new Vec3(rowOrigins[3 * j] + i * rowSteps[3 * j], rowOrigins[3 * j + 1] + i * rowSteps[3 * j + 1],
                    rowOrigins[3 * j + 2] + i * rowSteps[3 * j + 2]);
        }
    }

    /** A curved reformat: modality values (no-data outside the volume) and their geometry. */
    public record Result(float[] values, Geometry geometry) {
        public int width() {
            return geometry.width();
        }

        public int height() {
            return geometry.height();
        }

        public Vec3 patientAt(double i, int j) {
            return geometry.patientAt(i, j);
        }
    }

    private final Reformatter backend;

    /** Curved reformats computed by a CPU {@link Reslicer} or a GPU back end. */
    public CurvedReslicer(Reformatter backend) {
        this.backend = backend;
    }

    /** Reslices along the curve; {@code out} is reused when large enough. */
    public Result reslice(Curve curve, Mode mode, Vec3 viewDirection, double pixelSize, int width, float[] out) {
        Geometry g = geometry(curve, mode, viewDirection, null, pixelSize, width);
        float[] v = backend.curved(g, out);
        return new Result(v, g);
    }

    /**
     * The output geometry of a curved reformat.
     *
     * @param viewDirection D, the direction the curve is looked at from (into the screen)
     * @param lateral       W for {@link Mode#STRETCHED} (made perpendicular to D), or null for
     *                      {@code (end - start) x D}; ignored when straightened
     */
    public static Geometry geometry(Curve curve, Mode mode, Vec3 viewDirection, Vec3 lateral, double pixelSize,
                                    int width) {
        if (!(pixelSize > 0) || width < 1) {
            throw new IllegalArgumentException("pixel size must be > 0 and width >= 1");
        }
        Vec3 d = viewDirection.normalized();
        if (d.norm() == 0) {
            throw new IllegalArgumentException("view direction must be non-zero");
        }
        return mode == Mode.STRAIGHTENED ? straightened(curve, d, pixelSize, width)
                : stretched(curve, d, lateral, pixelSize, width);
    }

    private static Geometry straightened(Curve curve, Vec3 d, double px, int width) {
        int h = (int) Math.floor(curve.length() / px + 1e-9) + 1;
        double[] org = new double[3 * h];
        double[] step = new double[3 * h];
        double[] col = new double[h];
        Vec3[] lat = new Vec3[h];
        for (int j = 0; j < h; j++) {
            Vec3 t = curve.tangent(j * px, px);
            Vec3 l = t.cross(d);
            lat[j] = l.norm() < 1e-6 ? null : l.normalized();
        }
        // rows where the curve runs along the view direction take the nearest defined lateral
        Vec3 last = null;
        for (int j = 0; j < h; j++) {
            if (lat[j] == null) {
                lat[j] = last;
            } else {
                last = lat[j];
            }
        }
        if (last == null) {
            throw new IllegalArgumentException("the curve runs along the view direction everywhere");
        }
        for (int j = h - 1; j >= 0; j--) {
            if (lat[j] == null) {
                lat[j] = last;
            } else {
                last = lat[j];
            }
        }
        double half = (width - 1) / 2.0;
        for (int j = 0; j < h; j++) {
            Vec3 c = curve.at(j * px);
            Vec3 s = lat[j].times(px);
            Vec3 o = c.minus(s.times(half));
            put(org, j, o);
            put(step, j, s);
            col[j] = half;
        }
        return new Geometry(Mode.STRAIGHTENED, width, h, px, org, step, col, null);
    }

    private static Geometry stretched(Curve curve, Vec3 d, Vec3 lateral, double px, int width) {
        Vec3 w;
        if (lateral != null) {
            w = lateral.minus(d.times(lateral.dot(d)));
            if (w.norm() < 1e-9) {
                throw new IllegalArgumentException("lateral direction is parallel to the view direction");
            }
        } else {
            w = curve.at(curve.length()).minus(curve.at(0)).cross(d);
            if (w.norm() < 1e-6) { // closed curve or one along D: any direction across the view
                w = Plane.oblique(Vec3.ZERO, d, null, 1, 1, 1).u();
            }
        }
        w = w.normalized();
        Vec3 c0 = curve.at(0);
        // dense samples of the curve, their lateral offset a = (C - C0).W and the projected curve Q = C - a W
        double fine = Math.min(px, curve.length()) / 4;
        int m = (int) Math.ceil(curve.length() / fine) + 1;
        double[] a = new double[m];
        Vec3[] q = new Vec3[m];
        double[] qs = new double[m];
        double aMin = Double.POSITIVE_INFINITY;
        double aMax = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < m; k++) {
            Vec3 c = curve.at(Math.min(curve.length(), k * fine));
            a[k] = c.minus(c0).dot(w);
            q[k] = c.minus(w.times(a[k]));
            qs[k] = k == 0 ? 0 : qs[k - 1] + q[k].distance(q[k - 1]);
            aMin = Math.min(aMin, a[k]);
            aMax = Math.max(aMax, a[k]);
        }
        double qLen = qs[m - 1];
        if (qLen < px * 1e-6) {
            throw new IllegalArgumentException("the curve runs along the lateral direction only");
        }
        int h = (int) Math.floor(qLen / px + 1e-9) + 1;
        double[] org = new double[3 * h];
        double[] step = new double[3 * h];
        double[] col = new double[h];
        double half = (width - 1) / 2.0;
        double mid = (aMin + aMax) / 2;
        Vec3 s = w.times(px);
        int k = 0;
        for (int j = 0; j < h; j++) {
            double target = j * px;
            while (k < m - 2 && qs[k + 1] < target) {
                k++;
            }
            double len = qs[k + 1] - qs[k];
            double f = len == 0 ? 0 : Math.max(0, Math.min(1, (target - qs[k]) / len));
            Vec3 qj = q[k].plus(q[k + 1].minus(q[k]).times(f));
            double aj = a[k] + f * (a[k + 1] - a[k]);
            // column i sits at lateral offset mid + (i - half) * px
            Vec3 o = qj.plus(w.times(mid - half * px));
            put(org, j, o);
            put(step, j, s);
            col[j] = (aj - mid) / px + half;
        }
        return new Geometry(Mode.STRETCHED, width, h, px, org, step, col, w);
    }

    private static void put(double[] arr, int j, Vec3 p) {
        arr[3 * j] = p.x();
        arr[3 * j + 1] = p.y();
        arr[3 * j + 2] = p.z();
    }
}
