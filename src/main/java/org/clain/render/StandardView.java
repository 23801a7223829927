package org.clain.render;

/**
 * Standard 3D views in LPS (+x patient left, +y posterior, +z head). ANTERIOR looks from the front
 * (from -y towards +y) with the head up, so the patient's right is on the image's left; LEFT looks
 * from the patient's left side (+x) towards -x, anterior on the image's left; HEAD looks down from
 * above the head, FEET up from below the feet, both with anterior up.
 */
public enum StandardView {
    ANTERIOR(0, 0), POSTERIOR(180, 0), LEFT(90, 0), RIGHT(-90, 0), HEAD(180, 90), FEET(0, -90);

    public final double azimuth;
    public final double elevation;

    StandardView(double azimuth, double elevation) {
        this.azimuth = azimuth;
        this.elevation = elevation;
    }

    public Camera camera() {
        return new Camera(azimuth, elevation, 0, 1, 0, 0);
    }
}
