package org.clain.render;

import org.clain.geom.Vec3;

/**
 * An orthographic camera in patient space (LPS mm) that orbits the volume's centre.
 *
 * <p>Azimuth 0, elevation 0 is the anterior view: looking along +y (from the patient's front) with
 * +z (head) up and +x (patient left) to the right of the image. Azimuth turns the camera about the
 * patient's z axis towards the patient's left (90 = left view), elevation raises it towards the head
 * (90 = looking down along -z), roll turns the image about the view direction (degrees, clockwise
 * on screen). Zoom 1 fits the volume's bounding-box diagonal in the image's shorter side; pan is in
 * mm in the image plane (x right, y up).
 */
public record Camera(double azimuth, double elevation, double roll, double zoom, double panX, double panY) {
    public Camera {
        if (!(zoom > 0) || Double.isInfinite(zoom)) {
            throw new IllegalArgumentException("zoom must be > 0: " + zoom);
        }
    }

    public static Camera of(StandardView v) {
        return v.camera();
    }

    /** Unit direction the camera looks along (from the eye into the scene). */
    public Vec3 forward() {
        double az = Math.toRadians(azimuth);
        double el = Math.toRadians(elevation);
        return new Vec3(-Math.sin(az) * Math.cos(el), Math.cos(az) * Math.cos(el), -Math.sin(el));
    }

    /** Unit up direction of the image (after roll). */
    public Vec3 up() {
        Vec3[] b = basis();
        return b[1];
    }

    /** Unit right direction of the image (after roll). */
    public Vec3 right() {
        return basis()[0];
    }

    /** {right, up, forward}, orthonormal, right = forward x up. */
    public Vec3[] basis() {
        double az = Math.toRadians(azimuth);
        double el = Math.toRadians(elevation);
        Vec3 f = forward();
        Vec3 up0 = new Vec3(-Math.sin(az) * Math.sin(el), Math.cos(az) * Math.sin(el), Math.cos(el));
        Vec3 r0 = f.cross(up0);
        double ro = Math.toRadians(roll);
        double c = Math.cos(ro);
        double s = Math.sin(ro);
        // clockwise roll on screen: right tilts down, up tilts right
        Vec3 r = r0.times(c).minus(up0.times(s));
        Vec3 u = up0.times(c).plus(r0.times(s));
        return new Vec3[] {r.normalized(), u.normalized(), f};
    }

    public Camera withAzimuth(double a) {
        return new Camera(a, elevation, roll, zoom, panX, panY);
    }

    public Camera withElevation(double e) {
        return new Camera(azimuth, e, roll, zoom, panX, panY);
    }

    public Camera withRoll(double r) {
        return new Camera(azimuth, elevation, r, zoom, panX, panY);
    }

    public Camera withZoom(double z) {
        return new Camera(azimuth, elevation, roll, z, panX, panY);
    }

    public Camera withPan(double x, double y) {
        return new Camera(azimuth, elevation, roll, zoom, x, y);
    }

    /** Orbit by a mouse drag: degrees of azimuth and elevation added. */
    public Camera orbit(double dAzimuth, double dElevation) {
        return new Camera(azimuth + dAzimuth, elevation + dElevation, roll, zoom, panX, panY);
    }
}
