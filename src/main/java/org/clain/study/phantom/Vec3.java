package org.clain.study.phantom;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A point or direction in patient coordinates (DICOM LPS: +x toward the patient's left, +y
 * posterior, +z superior), in millimetres. Written to JSON as {@code [x, y, z]}.
 */
public record Vec3(double x, double y, double z) {
    public static final Vec3 ZERO = new Vec3(0, 0, 0);
    public static final Vec3 X = new Vec3(1, 0, 0);
    public static final Vec3 Y = new Vec3(0, 1, 0);
    public static final Vec3 Z = new Vec3(0, 0, 1);

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Vec3 of(double[] a) {
        if (a == null || a.length != 3) {
            throw new IllegalArgumentException("a point needs 3 coordinates");
        }
        return new Vec3(a[0], a[1], a[2]);
    }

    @JsonValue
    public double[] toArray() {
        return new double[] {x, y, z};
    }

    public Vec3 plus(Vec3 o) {
        return new Vec3(x + o.x, y + o.y, z + o.z);
    }

    public Vec3 minus(Vec3 o) {
        return new Vec3(x - o.x, y - o.y, z - o.z);
    }

    public Vec3 times(double s) {
        return new Vec3(x * s, y * s, z * s);
    }

    /** this + o * s */
    public Vec3 plusScaled(Vec3 o, double s) {
        return new Vec3(x + o.x * s, y + o.y * s, z + o.z * s);
    }

    public double dot(Vec3 o) {
        return x * o.x + y * o.y + z * o.z;
    }

    public Vec3 cross(Vec3 o) {
        return new Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
    }

    public double length() {
        return Math.sqrt(dot(this));
    }

    public Vec3 normalized() {
        double n = length();
        if (n == 0) {
            throw new IllegalArgumentException("zero vector");
        }
        return times(1 / n);
    }

    public double distance(Vec3 o) {
        return minus(o).length();
    }

    /** Component by index 0..2. */
    public double get(int axis) {
        return switch (axis) {
            case 0 -> x;
            case 1 -> y;
            case 2 -> z;
            default -> throw new IndexOutOfBoundsException(axis);
        };
    }

    /** Rotated about the x, then y, then z axis of the patient frame (degrees, right-handed). */
    public Vec3 rotated(double rxDeg, double ryDeg, double rzDeg) {
        double a = Math.toRadians(rxDeg);
        double b = Math.toRadians(ryDeg);
        double c = Math.toRadians(rzDeg);
        Vec3 v = new Vec3(x, y * Math.cos(a) - z * Math.sin(a), y * Math.sin(a) + z * Math.cos(a));
        v = new Vec3(v.x * Math.cos(b) + v.z * Math.sin(b), v.y, -v.x * Math.sin(b) + v.z * Math.cos(b));
        return new Vec3(v.x * Math.cos(c) - v.y * Math.sin(c), v.x * Math.sin(c) + v.y * Math.cos(c), v.z);
    }

    @Override
    public String toString() {
        return "(" + x + ", " + y + ", " + z + ")";
    }
}
