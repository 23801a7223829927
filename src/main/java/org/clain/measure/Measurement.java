package org.clain.measure;

import java.time.Instant;
import java.util.List;
import org.clain.geom.Vec3;

/**
 * A measurement or annotation, every coordinate in patient space (DICOM LPS, millimetres) of the
 * Frame of Reference named in its {@link Meta}: never in screen or voxel coordinates, so it stays
 * valid in any view (native, MPR, oblique) of any series sharing that Frame of Reference.
 * Records are immutable; edits make a new record with the same id, applied through
 * {@link MeasurementSet#replace} so that they can be undone.
 */
public sealed interface Measurement
        permits Distance, Polyline, Angle, CobbAngle, PlanarRoi, EllipsoidRoi, PointProbe, Arrow, TextLabel {

    Meta meta();

    /** The same measurement with other metadata (label, ...). */
    Measurement withMeta(Meta meta);

    /** The same measurement moved by {@code d} mm. */
    Measurement translated(Vec3 d);

    /** The points that define it (handles for the UI), in patient mm. */
    List<Vec3> points();

    /** Name used in files (JSON "type", CSV). */
    String type();

    default String id() {
        return meta().id();
    }

    default String label() {
        return meta().label();
    }

    default Instant created() {
        return meta().created();
    }

    default String seriesInstanceUid() {
        return meta().seriesInstanceUid();
    }

    default String frameOfReferenceUid() {
        return meta().frameOfReferenceUid();
    }

    default Measurement withLabel(String label) {
        return withMeta(meta().withLabel(label));
    }

    /** Rejects NaN and infinite coordinates: a measurement is never partly undefined. */
    static Vec3 finite(Vec3 p, String what) {
        if (p == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (!Double.isFinite(p.x()) || !Double.isFinite(p.y()) || !Double.isFinite(p.z())) {
            throw new IllegalArgumentException(what + " is not finite: " + p);
        }
        return p;
    }

    static List<Vec3> finite(List<Vec3> points, int min, String what) {
        if (points == null || points.size() < min) {
            throw new IllegalArgumentException(what + " needs at least " + min + " points");
        }
        for (Vec3 p : points) {
            finite(p, what + " point");
        }
        return List.copyOf(points);
    }

    static List<Vec3> translate(List<Vec3> points, Vec3 d) {
        return points.stream().map(p -> p.plus(d)).toList();
    }
}
