package org.clain.ui;

import java.util.Locale;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.clain.geom.Affine;
import org.clain.geom.Vec3;
import org.clain.measure.VolumeSampler;
import org.clain.render.AutoWindow;
import org.clain.study.SliceHeader;
import org.clain.study.Volume;

/**
 * A PET volume fused over another series' images (PET/CT): at each pixel centre of the image, the
 * PET's value there (trilinear, by patient position in their shared Frame of Reference) in a hot
 * scale, black-red-yellow-white, laid over the grey image more opaquely the hotter it is (in
 * proportion), so that anatomy shows where there is little uptake. The scale runs from 0 to
 * {@link Scale#upperSuv()} SUVbw when the PET has an SUV factor (else to that many fifths of its
 * 99th percentile), reaching {@link Scale#opacity()} at the top.
 */
final class FusionLayer {
    /**
     * The fused scale's upper limit in SUVbw and the opacity there. The steps are those PET readers
     * switch between: 5 for the usual FDG display, 3 to bring out low uptake (liver, mediastinum),
     * 7-15 for avid lesions and the bladder.
     */
    record Scale(double upperSuv, double opacity) {
        static final Scale DEFAULT = new Scale(5, 0.65);
        private static final double[] UPPERS = {3, 5, 7, 10, 15};
        private static final double[] OPACITIES = {0.35, 0.5, 0.65, 0.8, 1.0};

        /** A saved scale, the default where a value is not one of the steps (an edited settings file). */
        static Scale of(double upperSuv, double opacity) {
            return new Scale(step(UPPERS, upperSuv, DEFAULT.upperSuv), step(OPACITIES, opacity, DEFAULT.opacity));
        }

        private static double step(double[] steps, double v, double fallback) {
            for (double s : steps) {
                if (Math.abs(s - v) < 1e-9) {
                    return s;
                }
            }
            return fallback;
        }

        /** The next upper limit, from the highest back to the lowest. */
        Scale nextUpper() {
            return new Scale(next(UPPERS, upperSuv), opacity);
        }

        /** The next opacity, from opaque back to the faintest. */
        Scale nextOpacity() {
            return new Scale(upperSuv, next(OPACITIES, opacity));
        }

        private static double next(double[] steps, double now) {
            for (double s : steps) {
                if (s > now + 1e-9) {
                    return s;
                }
            }
            return steps[0];
        }
    }

    private Volume pet;
    private Scale scale = Scale.DEFAULT;
    /** A PET without SUV: its 99th percentile, the top of the default scale (a pass over the volume, once). */
    private double autoTop;
    /** The PET value (stored units) at the top of the scale. */
    private double top;
    private SliceHeader shown;
    private WritableImage image;

    void set(Volume v) {
        pet = v;
        if (v != null && !(v.suvFactor() > 0)) {
            AutoWindow.Window w = AutoWindow.percentiles(v, 0, 99);
            autoTop = w.center() + w.width() / 2;
        }
        update();
    }

    void setScale(Scale s) {
        scale = s;
        update();
    }

    Scale scale() {
        return scale;
    }

    private void update() {
        shown = null;
        image = null;
        if (pet != null && pet.suvFactor() > 0) {
            top = scale.upperSuv() / pet.suvFactor();
        } else if (pet != null) {
            top = autoTop * scale.upperSuv() / Scale.DEFAULT.upperSuv();
        }
    }

    Volume pet() {
        return pet;
    }

    /** What the scale shows, for the image's corner. */
    String scaleText() {
        if (pet == null) {
            return "";
        }
        String range = pet.suvFactor() > 0 ? String.format(Locale.ROOT, "SUVbw 0-%.0f", scale.upperSuv())
                : "0-" + DicomText.num(top) + (pet.valueUnit().isEmpty() ? "" : " " + pet.valueUnit());
        return String.format(Locale.ROOT, "PET fused: %s, %.0f%%", range, scale.opacity() * 100);
    }

    /** The PET at image pixel (c, r): SUVbw with a factor, else its value; NaN outside it or without one. */
    double valueAt(SliceHeader h, int c, int r) {
        if (pet == null || !h.hasGeometry()) {
            return Double.NaN;
        }
        Vec3 p = h.position().plus(h.rowDirection().times(c * h.columnSpacing()))
                .plus(h.columnDirection().times(r * h.rowSpacing()));
        Vec3 q = pet.patientToVoxel().apply(p);
        double v = VolumeSampler.trilinear(pet, q.x(), q.y(), q.z());
        return pet.suvFactor() > 0 ? v * pet.suvFactor() : v;
    }

    /** What {@link #valueAt} is: "SUVbw" or the PET's unit. */
    String valueName() {
        return pet == null ? "" : pet.suvFactor() > 0 ? "SUVbw" : pet.valueUnit();
    }

    /** The fused layer over an image (its pixel grid), or null without a PET or geometry. */
    WritableImage imageFor(SliceHeader h) {
        if (pet == null || !h.hasGeometry()) {
            return null;
        }
        if (h != shown) {
            shown = h;
            image = render(h);
        }
        return image;
    }

    private WritableImage render(SliceHeader h) {
        return image(argb(h), h.columns(), h.rows());
    }

    /** An image of layer pixels, or null for none. */
    static WritableImage image(int[] argb, int w, int rows) {
        if (argb == null) {
            return null;
        }
        WritableImage img = new WritableImage(w, rows);
        img.getPixelWriter().setPixels(0, 0, w, rows, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return img;
    }

    /** The layer's pixels (ARGB, not premultiplied) over an image, or null where the PET does not reach it. */
    int[] argb(SliceHeader h) {
        return argb(h.position(), h.rowDirection().times(h.columnSpacing()), h.columnDirection().times(h.rowSpacing()),
                h.columns(), h.rows());
    }

    /**
     * The same over a plane of any orientation (a reformat), pixel (c, r) at {@code origin + c
     * stepColumn + r stepRow}.
     */
    int[] argb(Vec3 origin, Vec3 stepColumn, Vec3 stepRow, int w, int rows) {
        Affine toPet = pet.patientToVoxel();
        Vec3 o = toPet.apply(origin);
        Vec3 dc = toPet.applyDirection(stepColumn);
        Vec3 dr = toPet.applyDirection(stepRow);
        int[] argb = new int[w * rows];
        boolean any = false;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < w; c++) {
                double v = VolumeSampler.trilinear(pet, o.x() + c * dc.x() + r * dr.x(), o.y() + c * dc.y() + r * dr.y(),
                        o.z() + c * dc.z() + r * dr.z());
                if (!(v > 0)) {
                    continue;
                }
                double t = Math.min(1, v / top);
                argb[r * w + c] = (int) Math.round(scale.opacity() * t * 255) << 24 | hot(t);
                any = true;
            }
        }
        return any ? argb : null;
    }

    /** 0xRRGGBB of the hot scale at t in [0, 1]: red rises first, then green, then blue. */
    static int hot(double t) {
        int red = channel(t * 3);
        int green = channel(t * 3 - 1);
        int blue = channel(t * 3 - 2);
        return red << 16 | green << 8 | blue;
    }

    private static int channel(double x) {
        return (int) Math.round(Math.max(0, Math.min(1, x)) * 255);
    }
}
