package org.clain.dicom;

/**
 * CIELab colours as DICOM stores them (PS3.3 C.10.7.1.1: L* 0..100 and a*, b* -128..127 scaled
 * to 0..0xFFFF) to sRGB for display, with the D65 white point as dcmtk converts them: Lab to
 * XYZ (CIE 15), XYZ to linear sRGB and its transfer curve (IEC 61966-2-1), clipped to the gamut.
 */
public final class CieLab {
    // D65 reference white (CIE 15, 2 degree observer), Y = 1
    private static final double XN = 0.95047;
    private static final double YN = 1.0;
    private static final double ZN = 1.08883;

    private CieLab() {
    }

    /** 0xRRGGBB of a DICOM-scaled L*a*b* triplet. */
    public static int dicomToRgb(int l, int a, int b) {
        return labToRgb(l * 100.0 / 0xFFFF, a * 255.0 / 0xFFFF - 128, b * 255.0 / 0xFFFF - 128);
    }

    /** 0xRRGGBB of L* (0..100), a*, b*. */
    public static int labToRgb(double l, double a, double b) {
        double fy = (l + 16) / 116;
        double fx = fy + a / 500;
        double fz = fy - b / 200;
        double x = XN * finv(fx);
        double y = YN * finv(fy);
        double z = ZN * finv(fz);
        double r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
        double g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
        double bl = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
        return channel(r) << 16 | channel(g) << 8 | channel(bl);
    }

    private static double finv(double t) {
        double delta = 6.0 / 29;
        return t > delta ? t * t * t : 3 * delta * delta * (t - 4.0 / 29);
    }

    private static int channel(double linear) {
        double c = Math.max(0, Math.min(1, linear));
        double s = c <= 0.0031308 ? 12.92 * c : 1.055 * Math.pow(c, 1 / 2.4) - 0.055;
        return (int) Math.round(s * 255);
    }
}
