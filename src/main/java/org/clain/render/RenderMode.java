package org.clain.render;

/** How samples along a ray become a pixel. */
public enum RenderMode {
    /** Direct volume rendering: front-to-back compositing through the transfer function, shaded. */
    DVR,
    /** Maximum intensity projection (HU), then mapped through the transfer function. */
    MIP,
    /** Minimum intensity projection. */
    MINIP,
    /** Mean HU along the ray inside the volume (a thick-slab / radiograph-like average). */
    AVG,
    /** First crossing of an HU threshold, refined by bisection, shaded opaque surface. */
    ISO;

    public boolean projection() {
        return this == MIP || this == MINIP || this == AVG;
    }
}
