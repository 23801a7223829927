package org.clain.render;

/**
 * Blinn-Phong with a headlight (light and eye along the view direction), two-sided. Normals are the
 * HU gradient (central differences on the fly). Where the gradient vanishes the sample is lit
 * {@code ambient + diffuse} (flat).
 */
public record Shading(boolean enabled, double ambient, double diffuse, double specular, double shininess) {
    public static final Shading DEFAULT = new Shading(true, 0.3, 0.7, 0.25, 24);
    public static final Shading OFF = new Shading(false, 0.3, 0.7, 0.25, 24);

    public Shading {
        if (ambient < 0 || diffuse < 0 || specular < 0 || shininess < 1) {
            throw new IllegalArgumentException("bad shading " + ambient + " " + diffuse + " " + specular + " " + shininess);
        }
    }
}
