package org.clain.render;

/** A colour with components in 0..1. */
public record Rgb(double r, double g, double b) {
    public static final Rgb BLACK = new Rgb(0, 0, 0);
    public static final Rgb WHITE = new Rgb(1, 1, 1);

    public Rgb {
        for (double c : new double[] {r, g, b}) {
            if (!(c >= 0 && c <= 1)) {
                throw new IllegalArgumentException("colour components must lie in 0..1");
            }
        }
    }
}
