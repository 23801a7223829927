package org.clain.render;

/**
 * Standard CT display windows (centre / width in HU) that radiologists switch between. Values
 * as commonly published for soft-copy reading; a site may change them later through settings.
 */
public enum WindowPreset {
    BRAIN("Brain", 40, 80),
    SUBDURAL("Subdural", 75, 215),
    STROKE("Stroke", 40, 40),
    LUNG("Lung", -600, 1500),
    MEDIASTINUM("Mediastinum", 50, 350),
    ABDOMEN("Abdomen", 40, 400),
    LIVER("Liver", 60, 160),
    BONE("Bone", 400, 1800);

    private final String label;
    private final double center;
    private final double width;

    WindowPreset(String label, double center, double width) {
        this.label = label;
        this.center = center;
        this.width = width;
    }

    public String label() {
        return label;
    }

    public double center() {
        return center;
    }

    public double width() {
        return width;
    }
}
