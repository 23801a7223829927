package org.clain.measure;

import java.util.List;
import org.clain.geom.Vec3;

/**
 * A 3D region of interest: the ellipsoid of semi-axes {@code ru, rv, rw} along the orthonormal
 * axes {@code u, v, w} around {@code center} (patient mm). A sphere has the LPS axes and equal radii.
 * Its statistics use voxel-centre inclusion ({@link RoiStatistics#ellipsoid}).
 */
public record EllipsoidRoi(Meta meta, Vec3 center, Vec3 u, Vec3 v, Vec3 w, double ru, double rv, double rw)
        implements Measurement {
    private static final double UNIT_TOLERANCE = 1e-6;

    public EllipsoidRoi {
        Measurement.finite(center, "ellipsoid centre");
        Measurement.finite(u, "ellipsoid axis u");
        Measurement.finite(v, "ellipsoid axis v");
        Measurement.finite(w, "ellipsoid axis w");
        if (Math.abs(u.norm() - 1) > UNIT_TOLERANCE || Math.abs(v.norm() - 1) > UNIT_TOLERANCE
                || Math.abs(w.norm() - 1) > UNIT_TOLERANCE || Math.abs(u.dot(v)) > UNIT_TOLERANCE
                || Math.abs(u.dot(w)) > UNIT_TOLERANCE || Math.abs(v.dot(w)) > UNIT_TOLERANCE) {
            throw new IllegalArgumentException("ellipsoid axes must be orthonormal");
        }
        if (!(ru > 0) || !(rv > 0) || !(rw > 0) || Double.isInfinite(ru) || Double.isInfinite(rv)
                || Double.isInfinite(rw)) {
            throw new IllegalArgumentException("ellipsoid radii must be positive and finite: " + ru + ", " + rv + ", " + rw);
        }
    }

    public static EllipsoidRoi sphere(Meta meta, Vec3 center, double radius) {
        return new EllipsoidRoi(meta, center, new Vec3(1, 0, 0), new Vec3(0, 1, 0), new Vec3(0, 0, 1),
                radius, radius, radius);
    }

    /** (d.u/ru)^2 + (d.v/rv)^2 + (d.w/rw)^2 for d = p - center: <= 1 inside. */
    public double normalizedRadius2(Vec3 p) {
        Vec3 d = p.minus(center);
        double a = d.dot(u) / ru;
        double b = d.dot(v) / rv;
        double c = d.dot(w) / rw;
        return a * a + b * b + c * c;
    }

    public boolean contains(Vec3 p) {
        return normalizedRadius2(p) <= 1;
    }

    /** The geometric volume 4/3 pi ru rv rw in mm^3 (the voxel-based volume is in the statistics). */
    public double nominalVolumeMm3() {
        return 4.0 / 3.0 * Math.PI * ru * rv * rw;
    }

    public boolean isSphere() {
        return ru == rv && rv == rw;
    }

    @Override
    public EllipsoidRoi withMeta(Meta m) {
        return new EllipsoidRoi(m, center, u, v, w, ru, rv, rw);
    }

    @Override
    public EllipsoidRoi translated(Vec3 d) {
        return new EllipsoidRoi(meta, center.plus(d), u, v, w, ru, rv, rw);
    }

    /** The six axis end points c +- ru u, c +- rv v, c +- rw w. */
    @Override
    public List<Vec3> points() {
        return List.of(center.plus(u.times(ru)), center.minus(u.times(ru)), center.plus(v.times(rv)),
                center.minus(v.times(rv)), center.plus(w.times(rw)), center.minus(w.times(rw)));
    }

    @Override
    public String type() {
        return "ellipsoid";
    }
}
