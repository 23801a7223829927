package org.clain.render;

import java.util.List;
import java.util.Objects;

/**
 * Everything a volume renderer needs besides the volume and the image size; the CPU and GPU
 * renderers give the same image for the same parameters (within the tolerance their tests state).
 *
 * @param camera       orthographic camera around the volume's centre
 * @param mode         DVR, MIP, MINIP, AVG or ISO
 * @param transferFunction colour/opacity over HU (opacity per mm for DVR); for MIP/MINIP/AVG it maps
 *                     the projected HU to the pixel; unused by ISO
 * @param shading      Blinn-Phong headlight parameters (DVR and ISO)
 * @param isoValue     HU threshold for ISO
 * @param isoColor     surface colour for ISO
 * @param clipBox      keeps only what lies inside (null: no box)
 * @param clipPlanes   up to 6 half-spaces, each keeping the side its normal points to
 * @param quality      in (0, 1]: the step is (0.5 x smallest voxel size) / quality, and below 0.5 the
 *                     image is rendered at half resolution and scaled up (interactive dragging)
 * @param jitter       offsets each ray's first sample by a hash of its pixel (no wood-grain rings)
 * @param background   colour behind the volume
 * @param values       also return a float image: projected HU for MIP/MINIP/AVG, surface distance
 *                     (mm along the ray) for ISO, NaN where nothing was hit and for DVR
 */
public record RenderParams(Camera camera, RenderMode mode, TransferFunction transferFunction, Shading shading,
                           double isoValue, Rgb isoColor, ClipBox clipBox, List<ClipPlane> clipPlanes, double quality,
                           boolean jitter, Rgb background, boolean values) {
    public static final int MAX_CLIP_PLANES = 6;

    public RenderParams {
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(transferFunction, "transferFunction");
        Objects.requireNonNull(shading, "shading");
        Objects.requireNonNull(isoColor, "isoColor");
        Objects.requireNonNull(background, "background");
        clipPlanes = clipPlanes == null ? List.of() : List.copyOf(clipPlanes);
        if (clipPlanes.size() > MAX_CLIP_PLANES) {
            throw new IllegalArgumentException("at most " + MAX_CLIP_PLANES + " clip planes");
        }
        if (!(quality > 0 && quality <= 1)) {
            throw new IllegalArgumentException("quality must lie in (0, 1]: " + quality);
        }
    }

    /** DVR from the front with {@code tf}, default shading, full quality, jittered, black background. */
    public static RenderParams of(TransferFunction tf) {
        return new RenderParams(StandardView.ANTERIOR.camera(), RenderMode.DVR, tf, Shading.DEFAULT, 300,
                new Rgb(0.9, 0.85, 0.75), null, List.of(), 1.0, true, Rgb.BLACK, false);
    }

    public RenderParams withCamera(Camera c) {
        return new RenderParams(c, mode, transferFunction, shading, isoValue, isoColor, clipBox, clipPlanes, quality,
                jitter, background, values);
    }

    public RenderParams withMode(RenderMode m) {
        return new RenderParams(camera, m, transferFunction, shading, isoValue, isoColor, clipBox, clipPlanes, quality,
                jitter, background, values);
    }

    public RenderParams withTransferFunction(TransferFunction tf) {
        return new RenderParams(camera, mode, tf, shading, isoValue, isoColor, clipBox, clipPlanes, quality, jitter,
                background, values);
    }

    public RenderParams withShading(Shading s) {
        return new RenderParams(camera, mode, transferFunction, s, isoValue, isoColor, clipBox, clipPlanes, quality,
                jitter, background, values);
    }

    public RenderParams withIso(double hu, Rgb colour) {
        return new RenderParams(camera, mode, transferFunction, shading, hu, colour, clipBox, clipPlanes, quality, jitter,
                background, values);
    }

    public RenderParams withClipBox(ClipBox b) {
        return new RenderParams(camera, mode, transferFunction, shading, isoValue, isoColor, b, clipPlanes, quality,
                jitter, background, values);
    }

    public RenderParams withClipPlanes(List<ClipPlane> p) {
        return new RenderParams(camera, mode, transferFunction, shading, isoValue, isoColor, clipBox, p, quality, jitter,
                background, values);
    }

    public RenderParams withQuality(double q) {
        return new RenderParams(camera, mode, transferFunction, shading, isoValue, isoColor, clipBox, clipPlanes, q,
                jitter, background, values);
    }

    public RenderParams withJitter(boolean j) {
        return new RenderParams(camera, mode, transferFunction, shading, isoValue, isoColor, clipBox, clipPlanes, quality,
                j, background, values);
    }

    public RenderParams withBackground(Rgb bg) {
        return new RenderParams(camera, mode, transferFunction, shading, isoValue, isoColor, clipBox, clipPlanes, quality,
                jitter, bg, values);
    }

    public RenderParams withValues(boolean v) {
        return new RenderParams(camera, mode, transferFunction, shading, isoValue, isoColor, clipBox, clipPlanes, quality,
                jitter, background, v);
    }

    /** Sampling step in mm for a grid whose smallest voxel edge is {@code minSpacing} mm. */
    public double stepMm(double minSpacing) {
        return 0.5 * minSpacing / quality;
    }

    /** Resolution factor of the rendered image (1, or 0.5 while dragging at quality below 0.5). */
    public double resolutionScale() {
        return quality < 0.5 ? 0.5 : 1.0;
    }
}
