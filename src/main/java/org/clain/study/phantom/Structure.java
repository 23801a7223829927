package org.clain.study.phantom;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One solid of the phantom with its CT number, in patient coordinates (LPS, mm). Every shape is
 * a closed set (its boundary is inside), optionally cut by half-spaces ({@link #clip}). The
 * phantom is painted in {@link #order}: a structure overwrites earlier ones wherever it
 * {@link #contains} the sample point.
 *
 * <p>Kinds: {@code sphere}, {@code ellipsoid}, {@code cylinder} (circular, flat caps, from
 * {@code start} to {@code end}), {@code elliptic-cylinder} (cross-section radii along the first
 * two axes, axis along the third, {@code halfLength} each side of the centre), {@code tube} (a
 * polyline swept by a ball: the union of capsules around its segments, so ends and joints are
 * rounded) and {@code box} (oriented, half-lengths along its three axes). Axes are orthonormal.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Structure.Sphere.class, name = "sphere"),
        @JsonSubTypes.Type(value = Structure.Ellipsoid.class, name = "ellipsoid"),
        @JsonSubTypes.Type(value = Structure.Cylinder.class, name = "cylinder"),
        @JsonSubTypes.Type(value = Structure.EllipticCylinder.class, name = "elliptic-cylinder"),
        @JsonSubTypes.Type(value = Structure.Tube.class, name = "tube"),
        @JsonSubTypes.Type(value = Structure.Box.class, name = "box")})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public sealed interface Structure {
    /** Painting order, 0 first; the index in the truth file's list. */
    int order();

    /** Unique within a phantom, e.g. "liver", "tumour-1", "L3-body-cortical". */
    String name();

    /** What it stands for: skin, fat, muscle, organ, lung, vessel, tumour, nodule, bone-cortical, ... */
    String role();

    /** CT number in Hounsfield units. */
    double hu();

    /** Half-spaces the shape is cut by; empty for none. */
    List<HalfSpace> clip();

    /** Documented measures (e.g. anteriorHeightMm of a wedge vertebra); empty for none. */
    Map<String, Double> facts();

    /** A representative centre: the centre of the shape, the midpoint of a cylinder's axis or a tube's path. */
    Vec3 centre();

    /** True where the point is in the shape (boundary included), before clipping. */
    boolean inShape(Vec3 p);

    /** Axis-aligned bounds of the shape (clipping ignored: conservative). */
    Bounds bounds();

    /** True where the point is in the shape and on the kept side of every clip plane. */
    default boolean contains(Vec3 p) {
        for (HalfSpace h : clip()) {
            if (!h.keeps(p)) {
                return false;
            }
        }
        return inShape(p);
    }

    /** The region (p - point) . normal <= 0: the normal points away from what is kept. */
    record HalfSpace(Vec3 point, Vec3 normal) {
        public HalfSpace {
            normal = normal.normalized();
        }

        public boolean keeps(Vec3 p) {
            return p.minus(point).dot(normal) <= 0;
        }
    }

    /** Axis-aligned box in patient coordinates. */
    record Bounds(Vec3 min, Vec3 max) {
        static Bounds around(Vec3 c, double ex, double ey, double ez) {
            return new Bounds(new Vec3(c.x() - ex, c.y() - ey, c.z() - ez), new Vec3(c.x() + ex, c.y() + ey, c.z() + ez));
        }

        Bounds union(Bounds o) {
            return new Bounds(new Vec3(Math.min(min.x(), o.min.x()), Math.min(min.y(), o.min.y()), Math.min(min.z(), o.min.z())),
                    new Vec3(Math.max(max.x(), o.max.x()), Math.max(max.y(), o.max.y()), Math.max(max.z(), o.max.z())));
        }

        public boolean contains(Vec3 p) {
            return p.x() >= min.x() && p.x() <= max.x() && p.y() >= min.y() && p.y() <= max.y()
                    && p.z() >= min.z() && p.z() <= max.z();
        }
    }

    record Sphere(int order, String name, String role, double hu, Vec3 centre, double radius, List<HalfSpace> clip,
                  Map<String, Double> facts) implements Structure {
        public Sphere {
            positive(radius, name);
            clip = clip == null ? List.of() : List.copyOf(clip);
            facts = facts == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(facts));
        }

        @Override
        public boolean inShape(Vec3 p) {
            Vec3 d = p.minus(centre);
            return d.dot(d) <= radius * radius;
        }

        @Override
        public Bounds bounds() {
            return Bounds.around(centre, radius, radius, radius);
        }
    }

    /** Semi-axis lengths {@code radii[i]} along the unit vectors {@code axes[i]}. */
    record Ellipsoid(int order, String name, String role, double hu, Vec3 centre, List<Vec3> axes, List<Double> radii,
                     List<HalfSpace> clip, Map<String, Double> facts) implements Structure {
        public Ellipsoid {
            axes = orthonormal(axes, 3, name);
            radii = positive(radii, 3, name);
            clip = clip == null ? List.of() : List.copyOf(clip);
            facts = facts == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(facts));
        }

        @Override
        public boolean inShape(Vec3 p) {
            Vec3 d = p.minus(centre);
            double s = 0;
            for (int i = 0; i < 3; i++) {
                double t = d.dot(axes.get(i)) / radii.get(i);
                s += t * t;
            }
            return s <= 1;
        }

        @Override
        public Bounds bounds() {
            double[] e = new double[3];
            for (int k = 0; k < 3; k++) {
                double s = 0;
                for (int i = 0; i < 3; i++) {
                    double t = radii.get(i) * axes.get(i).get(k);
                    s += t * t;
                }
                e[k] = Math.sqrt(s);
            }
            return Bounds.around(centre, e[0], e[1], e[2]);
        }
    }

    /** Circular cylinder of the given radius around the segment start-end, with flat caps. */
    @JsonIgnoreProperties(value = "centre", allowGetters = true)
    record Cylinder(int order, String name, String role, double hu, Vec3 start, Vec3 end, double radius,
                    List<HalfSpace> clip, Map<String, Double> facts) implements Structure {
        public Cylinder {
            positive(radius, name);
            if (start.distance(end) == 0) {
                throw new IllegalArgumentException(name + ": cylinder of zero length");
            }
            clip = clip == null ? List.of() : List.copyOf(clip);
            facts = facts == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(facts));
        }

        @Override
        @JsonProperty("centre")
        public Vec3 centre() {
            return start.plus(end).times(0.5);
        }

        @Override
        public boolean inShape(Vec3 p) {
            Vec3 d = end.minus(start);
            double t = p.minus(start).dot(d) / d.dot(d);
            if (t < 0 || t > 1) {
                return false;
            }
            Vec3 q = p.minus(start.plusScaled(d, t));
            return q.dot(q) <= radius * radius;
        }

        @Override
        public Bounds bounds() {
            Vec3 d = end.minus(start).normalized();
            double ex = radius * Math.sqrt(Math.max(0, 1 - d.x() * d.x()));
            double ey = radius * Math.sqrt(Math.max(0, 1 - d.y() * d.y()));
            double ez = radius * Math.sqrt(Math.max(0, 1 - d.z() * d.z()));
            return Bounds.around(start, ex, ey, ez).union(Bounds.around(end, ex, ey, ez));
        }
    }

    /**
     * Elliptic cylinder: cross-section radii {@code radii[0]} along {@code axes[0]} and
     * {@code radii[1]} along {@code axes[1]}, extending {@code halfLength} each way along {@code axes[2]}.
     */
    record EllipticCylinder(int order, String name, String role, double hu, Vec3 centre, List<Vec3> axes,
                            List<Double> radii, double halfLength, List<HalfSpace> clip, Map<String, Double> facts)
            implements Structure {
        public EllipticCylinder {
            axes = orthonormal(axes, 3, name);
            radii = positive(radii, 2, name);
            positive(halfLength, name);
            clip = clip == null ? List.of() : List.copyOf(clip);
            facts = facts == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(facts));
        }

        @Override
        public boolean inShape(Vec3 p) {
            Vec3 d = p.minus(centre);
            if (Math.abs(d.dot(axes.get(2))) > halfLength) {
                return false;
            }
            double u = d.dot(axes.get(0)) / radii.get(0);
            double v = d.dot(axes.get(1)) / radii.get(1);
            return u * u + v * v <= 1;
        }

        @Override
        public Bounds bounds() {
            double[] e = new double[3];
            for (int k = 0; k < 3; k++) {
                double a = radii.get(0) * axes.get(0).get(k);
                double b = radii.get(1) * axes.get(1).get(k);
                e[k] = Math.sqrt(a * a + b * b) + halfLength * Math.abs(axes.get(2).get(k));
            }
            return Bounds.around(centre, e[0], e[1], e[2]);
        }
    }

    /** Points within {@code radius} of the polyline through {@code points} (at least 2). */
    @JsonIgnoreProperties(value = "centre", allowGetters = true)
    record Tube(int order, String name, String role, double hu, List<Vec3> points, double radius, List<HalfSpace> clip,
                Map<String, Double> facts) implements Structure {
        public Tube {
            positive(radius, name);
            if (points == null || points.size() < 2) {
                throw new IllegalArgumentException(name + ": a tube needs 2 or more points");
            }
            points = List.copyOf(points);
            clip = clip == null ? List.of() : List.copyOf(clip);
            facts = facts == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(facts));
        }

        /** The point halfway along the path. */
        @Override
        @JsonProperty("centre")
        public Vec3 centre() {
            double half = pathLength() / 2;
            for (int i = 0; i + 1 < points.size(); i++) {
                double l = points.get(i).distance(points.get(i + 1));
                if (half <= l) {
                    return points.get(i).plusScaled(points.get(i + 1).minus(points.get(i)), l == 0 ? 0 : half / l);
                }
                half -= l;
            }
            return points.get(points.size() - 1);
        }

        public double pathLength() {
            double s = 0;
            for (int i = 0; i + 1 < points.size(); i++) {
                s += points.get(i).distance(points.get(i + 1));
            }
            return s;
        }

        @Override
        public boolean inShape(Vec3 p) {
            double r2 = radius * radius;
            for (int i = 0; i + 1 < points.size(); i++) {
                Vec3 a = points.get(i);
                Vec3 d = points.get(i + 1).minus(a);
                double dd = d.dot(d);
                double t = dd == 0 ? 0 : Math.max(0, Math.min(1, p.minus(a).dot(d) / dd));
                Vec3 q = p.minus(a.plusScaled(d, t));
                if (q.dot(q) <= r2) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Bounds bounds() {
            Bounds b = Bounds.around(points.get(0), radius, radius, radius);
            for (Vec3 p : points) {
                b = b.union(Bounds.around(p, radius, radius, radius));
            }
            return b;
        }
    }

    /** Oriented box: |(p - centre) . axes[i]| <= halfLengths[i]. */
    record Box(int order, String name, String role, double hu, Vec3 centre, List<Vec3> axes, List<Double> halfLengths,
               List<HalfSpace> clip, Map<String, Double> facts) implements Structure {
        public Box {
            axes = orthonormal(axes, 3, name);
            halfLengths = positive(halfLengths, 3, name);
            clip = clip == null ? List.of() : List.copyOf(clip);
            facts = facts == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(facts));
        }

        @Override
        public boolean inShape(Vec3 p) {
            Vec3 d = p.minus(centre);
            for (int i = 0; i < 3; i++) {
                if (Math.abs(d.dot(axes.get(i))) > halfLengths.get(i)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Bounds bounds() {
            double[] e = new double[3];
            for (int k = 0; k < 3; k++) {
                for (int i = 0; i < 3; i++) {
                    e[k] += Math.abs(halfLengths.get(i) * axes.get(i).get(k));
                }
            }
            return Bounds.around(centre, e[0], e[1], e[2]);
        }
    }

    private static void positive(double v, String name) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + ": lengths must be positive, got " + v);
        }
    }

    private static List<Double> positive(List<Double> v, int n, String name) {
        if (v == null || v.size() != n) {
            throw new IllegalArgumentException(name + ": needs " + n + " lengths");
        }
        for (double d : v) {
            positive(d, name);
        }
        return List.copyOf(v);
    }

    private static List<Vec3> orthonormal(List<Vec3> axes, int n, String name) {
        if (axes == null || axes.size() != n) {
            throw new IllegalArgumentException(name + ": needs " + n + " axes");
        }
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                double d = axes.get(i).dot(axes.get(j));
                if (Math.abs(d - (i == j ? 1 : 0)) > 1e-9) {
                    throw new IllegalArgumentException(name + ": axes must be orthonormal");
                }
            }
        }
        return List.copyOf(axes);
    }
}
