package org.clain.study;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.clain.dicom.Attributes;
import org.clain.dicom.DicomDateTime;
import org.clain.dicom.Element;
import org.clain.dicom.Tag;

/**
 * The body-weight standardized uptake value (SUVbw) of a PET series: the factor that turns its
 * modality values into SUVbw (g/ml), or why there is none.
 *
 * <p>SUVbw = activity concentration (Bq/ml) x body weight (g) / injected activity decayed to the
 * time the images are decay corrected to (Bq). The attributes and the choice of that time follow
 * the QIBA FDG-PET/CT profile's vendor-neutral SUV pseudo-code:
 * <ul>
 *   <li>Units (0054,1001) BQML: Decay Correction (0054,1102) START corrects the images to the
 *   series start, Series Date/Time (0008,0021/0031), unless that is later than the earliest
 *   Acquisition Date/Time (0008,0022/0032) of the series (a series made later from the data, as
 *   reformats are): then the earliest acquisition. The injection is Radiopharmaceutical Start
 *   DateTime (0018,1078), else Start Time (0018,1072) on the scan's date (the day before when that
 *   time is after the scan: the injection was before midnight). ADMIN corrects to the injection
 *   itself; NONE is refused (each frame would need its own decay).</li>
 *   <li>Units GML: the values are SUVbw already (factor 1).</li>
 *   <li>Units CNTS (Philips): the SUV scale factor (7053,xx00) of the "Philips PET Private Group";
 *   else its activity scale factor (7053,xx09), which makes the values Bq/ml, then as BQML.</li>
 * </ul>
 * The injected activity is Radionuclide Total Dose (0018,1074) as recorded (not corrected for
 * what stayed in the syringe) and the half-life Radionuclide Half Life (0018,1075), both in the
 * first item of the Radiopharmaceutical Information Sequence (0054,0016).
 */
public final class StandardizedUptake {
    private static final String PHILIPS_PET = "Philips PET Private Group";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);
    private final double factor;
    private final String basis;
    private final String summary;
    private final double leanFraction;

    private StandardizedUptake(double factor, String basis, String summary, double leanFraction) {
        this.factor = factor;
        this.basis = basis;
        this.summary = summary;
        this.leanFraction = leanFraction;
    }

    private StandardizedUptake(double factor, String basis, String summary) {
        this(factor, basis, summary, Double.NaN);
    }

    private StandardizedUptake(double factor, String basis) {
        this(factor, basis, basis);
    }

    /** True when {@link #factor()} is known. */
    public boolean available() {
        return !Double.isNaN(factor);
    }

    /** SUVbw per unit of modality value ((g/ml) per (Bq/ml) for BQML), or NaN. */
    public double factor() {
        return factor;
    }

    /** The SUVbw of a modality value (NaN when not available). */
    public double suv(double value) {
        return value * factor;
    }

    /**
     * SUL, SUV normalised by lean body mass (PERCIST 1.0's measure), per unit of modality value: the
     * SUVbw factor times lean body mass over body weight ({@link #leanFraction()}); NaN without it.
     */
    public double leanFactor() {
        return factor * leanFraction;
    }

    /**
     * Lean body mass over body weight by Janmahasatian et al. (Clin Pharmacokinet 2005;44(10):1051-65):
     * LBM = 9270 W / (6680 + 216 BMI) for men, 9270 W / (8780 + 244 BMI) for women, W in kg and BMI
     * in kg/m2, from Patient's Weight (0010,1030), Size (0010,1020, m) and Sex (0010,0040 M or F);
     * NaN when one is missing.
     */
    public double leanFraction() {
        return leanFraction;
    }

    /** How the factor was made (weight, activity, times), or why it could not be. */
    public String basis() {
        return basis;
    }

    /** {@link #basis()} in a few words for an image corner: weight, injected activity, time after injection. */
    public String summary() {
        return summary;
    }

    @Override
    public String toString() {
        return available() ? "SUVbw x" + factor + ": " + basis : "no SUVbw: " + basis;
    }

    private static StandardizedUptake none(String why) {
        return new StandardizedUptake(Double.NaN, why);
    }

    /** The SUVbw of a PET stack, from the instances its slices come from (in slice order). */
    public static StandardizedUptake of(SliceStack stack) {
        Map<Path, Attributes> byPath = new HashMap<>();
        for (Instance i : stack.series().instances()) {
            byPath.put(i.path(), i.file().dataset());
        }
        Map<Path, Attributes> inStack = new LinkedHashMap<>();
        for (SliceHeader s : stack.slices()) {
            Attributes ds = byPath.get(s.path());
            if (ds != null) {
                inStack.putIfAbsent(s.path(), ds);
            }
        }
        return of(new ArrayList<>(inStack.values()));
    }

    /**
     * The SUVbw of a PET series from its instances' attributes (the first gives the patient and the
     * injection; all of them the earliest acquisition). Never null; not {@link #available()} with
     * the reason when an attribute is missing or inconsistent.
     */
    public static StandardizedUptake of(List<Attributes> instances) {
        if (instances.isEmpty()) {
            return none("no images");
        }
        StandardizedUptake bw = bodyWeight(instances);
        double lean = leanFraction(instances.get(0));
        return Double.isNaN(lean) ? bw : new StandardizedUptake(bw.factor, bw.basis, bw.summary, lean);
    }

    private static double leanFraction(Attributes ds) {
        double w = ds.getDouble(Tag.PatientWeight, Double.NaN);
        double h = ds.getDouble(Tag.PatientSize, Double.NaN);
        String sex = ds.getString(Tag.PatientSex, "").trim().toUpperCase(Locale.ROOT);
        if (!(w > 0) || !(h > 0.3 && h < 3) || !(sex.equals("M") || sex.equals("F"))) {
            return Double.NaN;
        }
        double bmi = w / (h * h);
        return sex.equals("M") ? 9270 / (6680 + 216 * bmi) : 9270 / (8780 + 244 * bmi);
    }

    private static StandardizedUptake bodyWeight(List<Attributes> instances) {
        Attributes first = instances.get(0);
        String units = first.getString(Tag.Units, "").trim().toUpperCase(Locale.ROOT);
        switch (units) {
            case "GML":
                return new StandardizedUptake(1, "the values are SUVbw (Units GML)");
            case "BQML":
                return fromActivity(instances, 1, "");
            case "CNTS": {
                double suvScale = philips(first, 0x00);
                if (suvScale > 0) {
                    return new StandardizedUptake(suvScale, "Philips SUV scale factor (7053,1000) " + suvScale);
                }
                double activityScale = philips(first, 0x09);
                if (activityScale > 0) {
                    return fromActivity(instances, activityScale,
                            "; counts to Bq/ml by the Philips activity scale factor (7053,1009) " + activityScale);
                }
                return none("Units CNTS without a Philips SUV or activity scale factor");
            }
            case "":
                return none("no Units (0054,1001)");
            default:
                return none("Units " + units + " are not activity concentration");
        }
    }

    /** From Bq/ml (values x {@code toBqml}): weight, injected activity and its decay. */
    private static StandardizedUptake fromActivity(List<Attributes> instances, double toBqml, String note) {
        Attributes first = instances.get(0);
        String corrected = String.join("\\", orEmpty(first.getStrings(Tag.CorrectedImage))).toUpperCase(Locale.ROOT);
        if (!corrected.isEmpty() && !corrected.contains("DECY")) {
            return none("the images are not decay corrected (Corrected Image " + corrected + ")");
        }
        String decayCorrection = first.getString(Tag.DecayCorrection, "").trim().toUpperCase(Locale.ROOT);
        if (!decayCorrection.equals("START") && !decayCorrection.equals("ADMIN")) {
            return none(decayCorrection.isEmpty() ? "no Decay Correction (0054,1102)"
                    : "Decay Correction " + decayCorrection + ": the frames are not corrected to one time");
        }
        double weightKg = first.getDouble(Tag.PatientWeight, Double.NaN);
        if (!(weightKg > 0)) {
            return none("no Patient's Weight (0010,1030)");
        }
        Attributes drug = first.firstItem(Tag.RadiopharmaceuticalInformationSequence).orElse(null);
        if (drug == null) {
            return none("no Radiopharmaceutical Information Sequence (0054,0016)");
        }
        double injectedBq = drug.getDouble(Tag.RadionuclideTotalDose, Double.NaN);
        if (!(injectedBq > 0)) {
            return none("no Radionuclide Total Dose (0018,1074)");
        }
        double halfLifeS = drug.getDouble(Tag.RadionuclideHalfLife, Double.NaN);
        if (!(halfLifeS > 0)) {
            return none("no Radionuclide Half Life (0018,1075)");
        }
        double decayS = 0;
        String when = "decay corrected to the injection (ADMIN)";
        if (decayCorrection.equals("START")) {
            LocalDateTime scan = scanStart(instances);
            if (scan == null) {
                return none("no Series or Acquisition Date and Time to decay the injected activity to");
            }
            LocalDateTime injected = DicomDateTime.dateTime(drug.getString(Tag.RadiopharmaceuticalStartDateTime));
            if (injected == null) {
                LocalTime t = DicomDateTime.time(drug.getString(Tag.RadiopharmaceuticalStartTime));
                if (t == null) {
                    return none("no Radiopharmaceutical Start Time (0018,1072)");
                }
                injected = scan.toLocalDate().atTime(t);
                if (injected.isAfter(scan)) {
                    injected = injected.minusDays(1);
                }
            }
            decayS = Duration.between(injected, scan).toNanos() / 1e9;
            if (decayS < 0) {
                return none("the injection (" + WHEN.format(injected) + ") is after the scan (" + WHEN.format(scan) + ")");
            }
            when = String.format(Locale.ROOT, "injected %s, decayed %.1f min to %s", WHEN.format(injected), decayS / 60,
                    WHEN.format(scan));
        }
        double decayedBq = injectedBq * Math.pow(2, -decayS / halfLifeS);
        double factor = toBqml * weightKg * 1000 / decayedBq;
        String weight = Attributes.formatDS(weightKg) + " kg";
        return new StandardizedUptake(factor, String.format(Locale.ROOT,
                "%s, %.2f MBq %s (half-life %.1f min): %.2f MBq%s", weight, injectedBq / 1e6, when, halfLifeS / 60,
                decayedBq / 1e6, note), String.format(Locale.ROOT, "%s, %.0f MBq, %s", weight, injectedBq / 1e6,
                decayCorrection.equals("ADMIN") ? "to injection" : String.format(Locale.ROOT, "%.0f min p.i.", decayS / 60)));
    }

    /**
     * The time START decay correction refers to: the series' start, unless the series was made after
     * its earliest acquisition, then that acquisition.
     */
    private static LocalDateTime scanStart(List<Attributes> instances) {
        LocalDateTime series = DicomDateTime.of(instances.get(0), Tag.SeriesDate, Tag.SeriesTime);
        LocalDateTime earliest = null;
        for (Attributes ds : instances) {
            LocalDateTime t = DicomDateTime.dateTime(ds.getString(Tag.AcquisitionDateTime));
            if (t == null) {
                t = DicomDateTime.of(ds, Tag.AcquisitionDate, Tag.AcquisitionTime);
            }
            if (t != null && (earliest == null || t.isBefore(earliest))) {
                earliest = t;
            }
        }
        if (series == null) {
            return earliest;
        }
        return earliest != null && series.isAfter(earliest) ? earliest : series;
    }

    private static double philips(Attributes ds, int offset) {
        Element e = ds.getPrivate(PHILIPS_PET, 0x7053, offset);
        if (e == null) {
            return Double.NaN;
        }
        double[] v = ds.getDoubles(e.tag());
        return v == null || v.length == 0 ? Double.NaN : v[0];
    }

    private static String[] orEmpty(String[] s) {
        return s == null ? new String[0] : s;
    }
}
