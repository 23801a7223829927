package org.clain.render;

/**
 * A thick slab: samples taken along the plane's normal over {@code thickness} mm centred on the
 * plane and combined by {@link Mode}. A thickness of 0 is a plain (thin) reslice.
 *
 * <p>Samples are equally spaced from -thickness/2 to +thickness/2 inclusive, at most half the
 * smallest voxel size apart ({@link #sampleCount}), so the closest approach of a structure to
 * either face is sampled exactly.
 */
public record Slab(double thickness, Mode mode) {
    public enum Mode {
        /** Maximum intensity projection. */
        MIP,
        /** Minimum intensity projection. */
        MINIP,
        /** Mean of the samples that fall inside the volume. */
        AVG
    }

    public static final Slab NONE = new Slab(0, Mode.AVG);

    public Slab {
        if (!(thickness >= 0) || Double.isInfinite(thickness)) {
            throw new IllegalArgumentException("slab thickness must be >= 0 mm, got " + thickness);
        }
        if (mode == null) {
            throw new IllegalArgumentException("slab mode is required");
        }
    }

    public static Slab of(double thickness, Mode mode) {
        return new Slab(thickness, mode);
    }

    public boolean thin() {
        return thickness == 0;
    }

    /**
     * Number of samples along the normal: 1 for a thin slab, else enough that consecutive samples
     * are at most {@code maxStepMm} apart (both faces included).
     */
    public int sampleCount(double maxStepMm) {
        if (thin()) {
            return 1;
        }
        return (int) Math.ceil(thickness / maxStepMm - 1e-9) + 1;
    }
}
