package org.clain.measure;

import java.util.ArrayList;
import java.util.List;
import org.clain.study.Volume;

/**
 * The numbers a measurement stands for, as shown in the measurement table, the CSV and the SR.
 * Geometry needs no volume; values (ROI statistics, point probes) need the volume of the
 * measurement's series and are left out without it.
 */
public final class Evaluation {
    private Evaluation() {
    }

    /** Unit of SUVbw. */
    public static final String SUV_UNIT = "g/ml";

    /** Unit of the volume's modality values ({@link Volume#valueUnit()}), "" without a volume. */
    public static String valueUnit(Volume vol) {
        return vol == null ? "" : vol.valueUnit();
    }

    /** @param vol the volume of the measurement's series, or null */
    public static List<Quantity> of(Measurement m, Volume vol) {
        List<Quantity> out = new ArrayList<>();
        if (m instanceof Distance d) {
            out.add(new Quantity(Quantity.Kind.DISTANCE, d.lengthMm(), "mm"));
        } else if (m instanceof Polyline p) {
            out.add(new Quantity(Quantity.Kind.PATH_LENGTH, p.lengthMm(), "mm"));
        } else if (m instanceof Angle a) {
            out.add(new Quantity(Quantity.Kind.ANGLE, a.degrees(), "deg"));
        } else if (m instanceof CobbAngle c) {
            out.add(new Quantity(Quantity.Kind.COBB_ANGLE, c.degrees(), "deg"));
        } else if (m instanceof PlanarRoi r) {
            out.add(new Quantity(Quantity.Kind.AREA, r.areaMm2(), "mm2"));
            out.add(new Quantity(Quantity.Kind.PERIMETER, r.perimeterMm(), "mm"));
            if (vol != null) {
                RoiResult res = RoiStatistics.planar(vol, r);
                stats(out, res, valueUnit(vol));
                uptake(out, res, vol, r);
            }
        } else if (m instanceof EllipsoidRoi e) {
            out.add(new Quantity(Quantity.Kind.VOLUME, e.nominalVolumeMm3(), "mm3"));
            if (vol != null) {
                RoiResult res = RoiStatistics.ellipsoid(vol, e);
                out.add(new Quantity(Quantity.Kind.VOXEL_VOLUME, res.volumeMm3(), "mm3"));
                stats(out, res, valueUnit(vol));
                uptake(out, res, vol, e);
            }
        } else if (m instanceof PointProbe p) {
            if (vol != null) {
                double v = VolumeSampler.at(vol, p.point());
                out.add(new Quantity(Quantity.Kind.VALUE, v, valueUnit(vol)));
                if (!Double.isNaN(vol.suvFactor())) {
                    out.add(new Quantity(Quantity.Kind.SUV, v * vol.suvFactor(), SUV_UNIT));
                }
            }
        }
        // arrows and text labels carry no number
        return out;
    }

    /** PET with an SUV factor: the ROI's SUVbw mean, max and peak; SUL max and peak with height and sex. */
    private static void uptake(List<Quantity> out, RoiResult r, Volume vol, Measurement roi) {
        double f = vol.suvFactor();
        if (Double.isNaN(f) || r.count() == 0) {
            return;
        }
        double peak = PeakUptake.of(vol, roi);
        out.add(new Quantity(Quantity.Kind.SUV_MEAN, r.mean() * f, SUV_UNIT));
        out.add(new Quantity(Quantity.Kind.SUV_MAX, r.max() * f, SUV_UNIT));
        out.add(new Quantity(Quantity.Kind.SUV_PEAK, peak * f, SUV_UNIT));
        double lean = vol.sulFactor();
        if (!Double.isNaN(lean)) {
            out.add(new Quantity(Quantity.Kind.SUL_MAX, r.max() * lean, SUV_UNIT));
            out.add(new Quantity(Quantity.Kind.SUL_PEAK, peak * lean, SUV_UNIT));
        }
    }

    private static void stats(List<Quantity> out, RoiResult r, String unit) {
        out.add(new Quantity(Quantity.Kind.MEAN, r.mean(), unit));
        out.add(new Quantity(Quantity.Kind.SD, r.sd(), unit));
        out.add(new Quantity(Quantity.Kind.MIN, r.min(), unit));
        out.add(new Quantity(Quantity.Kind.MAX, r.max(), unit));
        out.add(new Quantity(Quantity.Kind.MEDIAN, r.median(), unit));
        out.add(new Quantity(Quantity.Kind.COUNT, r.count(), ""));
    }
}
