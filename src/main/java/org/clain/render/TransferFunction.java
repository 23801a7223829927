package org.clain.render;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Colour and opacity over HU: control points with RGBA in 0..1, linear interpolation between them,
 * clamped to the first and last point outside. For DVR the opacity is per millimetre of path (the
 * renderers correct it for their step length); for MIP/MinIP/AVG it is the pixel's opacity over
 * the background.
 */
public record TransferFunction(List<Point> points) {
    /** One control point. */
    public record Point(double hu, double r, double g, double b, double a) {
        public Point {
            for (double c : new double[] {r, g, b, a}) {
                if (!(c >= 0 && c <= 1)) {
                    throw new IllegalArgumentException("RGBA must lie in 0..1 at HU " + hu);
                }
            }
        }
    }

    /** Entries of the sampled table used by both renderers. */
    public static final int TABLE_SIZE = 4096;

    public TransferFunction {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a transfer function needs at least one point");
        }
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(Point::hu));
        points = List.copyOf(sorted);
    }

    public static TransferFunction of(Point... p) {
        return new TransferFunction(List.of(p));
    }

    /** A grey ramp from (lo, transparent black) to (hi, opaque white): a window for MIP. */
    public static TransferFunction greyRamp(double lo, double hi) {
        return of(new Point(lo, 0, 0, 0, 1), new Point(hi, 1, 1, 1, 1));
    }

    /** An opaque step at {@code hu} (0 below, {@code a} above, over {@code width} HU). */
    public static TransferFunction step(double hu, double width, double r, double g, double b, double a) {
        return of(new Point(hu - width / 2, r, g, b, 0), new Point(hu + width / 2, r, g, b, a));
    }

    /**
     * The same curve stretched linearly so that its first point lies at {@code lo} and its last at
     * {@code hi} (a preset written for one intensity scale, fitted to another).
     */
    public TransferFunction spanning(double lo, double hi) {
        double from = minHu();
        double span = maxHu() - from;
        List<Point> out = new ArrayList<>();
        for (Point p : points) {
            double t = span > 0 ? (p.hu() - from) / span : 0;
            out.add(new Point(lo + t * (hi - lo), p.r(), p.g(), p.b(), p.a()));
        }
        return new TransferFunction(out);
    }

    public double minHu() {
        return points.get(0).hu();
    }

    public double maxHu() {
        return points.get(points.size() - 1).hu();
    }

    /** Straight (not premultiplied) RGBA at {@code hu}, exact from the points. */
    public double[] rgba(double hu) {
        List<Point> p = points;
        if (hu <= p.get(0).hu()) {
            return arr(p.get(0));
        }
        if (hu >= p.get(p.size() - 1).hu()) {
            return arr(p.get(p.size() - 1));
        }
        for (int i = 1; i < p.size(); i++) {
            Point b = p.get(i);
            if (hu <= b.hu()) {
                Point a = p.get(i - 1);
                double span = b.hu() - a.hu();
                double t = span <= 0 ? 1 : (hu - a.hu()) / span;
                return new double[] {a.r() + t * (b.r() - a.r()), a.g() + t * (b.g() - a.g()), a.b() + t * (b.b() - a.b()),
                        a.a() + t * (b.a() - a.a())};
            }
        }
        return arr(p.get(p.size() - 1));
    }

    private static double[] arr(Point p) {
        return new double[] {p.r(), p.g(), p.b(), p.a()};
    }

    /**
     * Samples the function to {@link #TABLE_SIZE} entries over [minHu, maxHu] (a range of at least
     * 1 HU), premultiplied by alpha, with alpha corrected as {@code 1 - (1 - a)^stepMm} (opacity per
     * mm of path; pass 1 for no correction).
     */
    public TfTable table(double stepMm) {
        double lo = minHu();
        double hi = Math.max(maxHu(), lo + 1);
        int n = TABLE_SIZE;
        float[] t = new float[n * 4];
        for (int i = 0; i < n; i++) {
            double hu = lo + (hi - lo) * i / (n - 1);
            double[] c = rgba(hu);
            double a = c[3];
            if (stepMm != 1 && a > 0) {
                a = a >= 1 ? 1 : 1 - Math.pow(1 - a, stepMm);
            }
            t[i * 4] = (float) (c[0] * a);
            t[i * 4 + 1] = (float) (c[1] * a);
            t[i * 4 + 2] = (float) (c[2] * a);
            t[i * 4 + 3] = (float) a;
        }
        return new TfTable((float) lo, (float) hi, t);
    }
}
