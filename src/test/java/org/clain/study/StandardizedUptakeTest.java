package org.clain.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.clain.dicom.Attributes;
import org.clain.dicom.Tag;
import org.clain.dicom.VR;
import org.clain.geom.Vec3;
import org.clain.measure.EllipsoidRoi;
import org.clain.measure.Evaluation;
import org.clain.measure.MeasurementCsv;
import org.clain.measure.Meta;
import org.clain.measure.PointProbe;
import org.clain.measure.Quantity;
import org.clain.testdata.PetSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SUVbw of PET series written by {@link PetSeries}: 75 kg, 370 MBq F-18 (half-life 6586.2 s).
 * The expected factors were worked out by hand (Python, double precision), not by Clain:
 * 75000 g / (370e6 Bq x 2^(-t / 6586.2 s)).
 */
class StandardizedUptakeTest {
    /** t = 3600 s: 370e6 x 2^(-3600/6586.2) = 253314180.24164078 Bq. */
    private static final double FACTOR_60_MIN = 0.0002960750161260463;
    /** t = 4500 s: 230422002.3093122 Bq. */
    private static final double FACTOR_75_MIN = 0.0003254897503204666;
    /** No decay (ADMIN): 75000 / 370e6. */
    private static final double FACTOR_AT_INJECTION = 0.0002027027027027027;
    private static final double BACKGROUND = 1200;
    private static final double LESION = 12000;

    @TempDir
    Path tmp;

    /** 12 voxels of 4 mm a side; a 5x5x5 voxel block of 12000 Bq/ml at 4..8 in a background of 1200. */
    private Volume pet(Consumer<Attributes> edit) throws IOException {
        PetSeries.write(tmp, 12, 4, (x, y, z) -> x >= 4 && x <= 8 && y >= 4 && y <= 8 && z >= 4 && z <= 8
                ? LESION : BACKGROUND, edit);
        return VolumeLoader.load(Scanner.scan(List.of(tmp)).series().get(0).stacks().get(0));
    }

    private StandardizedUptake suv(Consumer<Attributes> edit) throws IOException {
        return pet(edit).uptake();
    }

    private static void assertFactor(double expected, StandardizedUptake s) {
        assertTrue(s.available(), s.basis());
        assertEquals(expected, s.factor(), expected * 1e-12, s.basis());
    }

    @Test
    void decaysTheInjectionToTheSeriesStart() throws IOException {
        Volume v = pet(ds -> { });
        StandardizedUptake s = v.uptake();
        assertFactor(FACTOR_60_MIN, s);
        assertEquals("75 kg, 370 MBq, 60 min p.i.", s.summary());
        assertTrue(s.basis().contains("253.31 MBq"), s.basis());
        assertEquals(FACTOR_60_MIN, v.suvFactor(), FACTOR_60_MIN * 1e-12);
    }

    /** Measurements read SUVbw: the lesion block's SUV is 12000 Bq/ml x the factor, whatever each slice's slope. */
    @Test
    void measurementsReadSuv() throws IOException {
        Volume v = pet(ds -> { });
        Meta meta = Meta.create("t", PetSeries.UID, PetSeries.FRAME);
        // voxel (6, 6, 6) is at 24 mm on each axis; 5 mm takes it and its 6 neighbours, all lesion
        EllipsoidRoi roi = EllipsoidRoi.sphere(meta, new Vec3(24, 24, 24), 5);
        List<Quantity> q = Evaluation.of(roi, v);
        double suv = LESION * FACTOR_60_MIN;
        assertEquals(suv, find(q, Quantity.Kind.SUV_MEAN).value(), 1e-9);
        assertEquals(suv, find(q, Quantity.Kind.SUV_MAX).value(), 1e-9);
        assertEquals("g/ml", find(q, Quantity.Kind.SUV_MEAN).unit());
        // the 1 ml sphere (19 voxels of 4 mm) centred on the lesion's middle holds lesion only
        assertEquals(suv, find(q, Quantity.Kind.SUV_PEAK).value(), 1e-9);
        PointProbe bg = new PointProbe(meta, new Vec3(4, 40, 4));
        assertEquals(BACKGROUND * FACTOR_60_MIN, find(Evaluation.of(bg, v), Quantity.Kind.SUV).value(), 1e-9);
        // the CSV's columns
        java.io.StringWriter w = new java.io.StringWriter();
        MeasurementCsv.write(List.of(roi, bg), uid -> v, w);
        String[] lines = w.toString().split("\r\n");
        List<String> header = List.of(lines[0].split(","));
        assertEquals(suv, Double.parseDouble(lines[1].split(",", -1)[header.indexOf("suvbw_peak")]), 1e-4);
        assertEquals(BACKGROUND * FACTOR_60_MIN, Double.parseDouble(lines[2].split(",", -1)[header.indexOf("suvbw")]), 1e-4);
        assertEquals("", lines[1].split(",", -1)[header.indexOf("sul_peak")], "no height, no SUL");
    }

    /**
     * SUL (PERCIST) with Janmahasatian's lean body mass, worked out by hand for 75 kg and 1.70 m
     * (BMI 25.9516): a woman 46.0059 kg (fraction 0.613412), a man 56.5909 kg (0.754546); without a
     * height there is none.
     */
    @Test
    void leanBodyMass() throws IOException {
        StandardizedUptake f = suv(ds -> ds.setString(Tag.PatientSize, VR.DS, "1.70"));
        assertEquals(0.6134124952489113, f.leanFraction(), 1e-12);
        assertEquals(FACTOR_60_MIN * 0.6134124952489113, f.leanFactor(), 1e-15);
        Volume v = pet(ds -> {
            ds.setString(Tag.PatientSize, VR.DS, "1.70");
            ds.setString(Tag.PatientSex, VR.CS, "M");
        });
        assertEquals(0.7545458130076721, v.uptake().leanFraction(), 1e-12);
        EllipsoidRoi roi = EllipsoidRoi.sphere(Meta.create("t", PetSeries.UID, PetSeries.FRAME), new Vec3(24, 24, 24), 5);
        List<Quantity> q = Evaluation.of(roi, v);
        assertEquals(LESION * FACTOR_60_MIN * 0.7545458130076721, find(q, Quantity.Kind.SUL_PEAK).value(), 1e-9);
        assertEquals(LESION * FACTOR_60_MIN * 0.7545458130076721, find(q, Quantity.Kind.SUL_MAX).value(), 1e-9);
        assertTrue(Double.isNaN(suv(ds -> { }).leanFraction()), "no height");
        assertTrue(Evaluation.of(roi, pet(ds -> { })).stream().noneMatch(x -> x.kind() == Quantity.Kind.SUL_PEAK));
    }

    private static Quantity find(List<Quantity> q, Quantity.Kind k) {
        return q.stream().filter(x -> x.kind() == k).findFirst().orElseThrow(() -> new AssertionError(k + " in " + q));
    }

    /** A series made after its acquisitions (Series Time 11:30): the decay runs to the earliest acquisition, 10:15. */
    @Test
    void laterSeriesDecaysToTheEarliestAcquisition() throws IOException {
        assertFactor(FACTOR_75_MIN, suv(ds -> {
            ds.setString(Tag.SeriesTime, VR.TM, "113000");
            int k = ds.getInt(Tag.InstanceNumber, 0);
            ds.setString(Tag.AcquisitionTime, VR.TM, String.format("10%02d00", 14 + k));
        }));
    }

    /** Injected 23:30 the day before a 00:30 series that gives only the Start Time: 60 minutes, not minus 23 hours. */
    @Test
    void injectionBeforeMidnight() throws IOException {
        assertFactor(FACTOR_60_MIN, suv(ds -> {
            ds.setString(Tag.SeriesTime, VR.TM, "003000");
            ds.setString(Tag.AcquisitionTime, VR.TM, "003000");
            drug(ds).setString(Tag.RadiopharmaceuticalStartTime, VR.TM, "2330");
        }));
    }

    @Test
    void startDateTimeWinsOverStartTime() throws IOException {
        assertFactor(FACTOR_75_MIN, suv(ds -> drug(ds).setString(Tag.RadiopharmaceuticalStartDateTime, VR.DT,
                "20261128084500.000000+0100")));
    }

    @Test
    void correctedToTheInjection() throws IOException {
        StandardizedUptake s = suv(ds -> ds.setString(Tag.DecayCorrection, VR.CS, "ADMIN"));
        assertFactor(FACTOR_AT_INJECTION, s);
        assertEquals("75 kg, 370 MBq, to injection", s.summary());
    }

    @Test
    void valuesAlreadyInSuv() throws IOException {
        assertFactor(1, suv(ds -> ds.setString(Tag.Units, VR.CS, "GML")));
    }

    /** Philips counts: the private SUV scale factor, else the activity scale factor then the usual decay. */
    @Test
    void philipsPrivateScaleFactors() throws IOException {
        assertFactor(0.000123, suv(ds -> {
            ds.setString(Tag.Units, VR.CS, "CNTS");
            ds.setString(0x70530010, VR.LO, "Philips PET Private Group");
            ds.setString(0x70531000, VR.DS, "0.000123");
        }));
    }

    @Test
    void philipsActivityScaleFactor(@TempDir Path other) throws IOException {
        PetSeries.write(other, 3, 4, (x, y, z) -> BACKGROUND, ds -> {
            ds.setString(Tag.Units, VR.CS, "CNTS");
            ds.setString(0x70530010, VR.LO, "Philips PET Private Group");
            ds.setString(0x70531009, VR.DS, "2.5");
        });
        SliceStack st = Scanner.scan(List.of(other)).series().get(0).stacks().get(0);
        assertFactor(2.5 * FACTOR_60_MIN, StandardizedUptake.of(st));
    }

    @Test
    void refusesWithTheReason() throws IOException {
        assertRefused("(0010,1030)", ds -> ds.setString(Tag.PatientWeight, VR.DS, ""));
        assertRefused("Decay Correction NONE", ds -> ds.setString(Tag.DecayCorrection, VR.CS, "NONE"));
        assertRefused("not decay corrected", ds -> ds.setStrings(Tag.CorrectedImage, VR.CS, "ATTN", "SCAT"));
        assertRefused("Units CNTS without", ds -> ds.setString(Tag.Units, VR.CS, "CNTS"));
        assertRefused("after the scan", ds -> drug(ds).setString(Tag.RadiopharmaceuticalStartDateTime, VR.DT,
                "20261128110000"));
        assertRefused("(0018,1074)", ds -> drug(ds).setString(Tag.RadionuclideTotalDose, VR.DS, "0"));
        assertRefused("(0054,0016)", ds -> ds.setSequence(Tag.RadiopharmaceuticalInformationSequence, List.of()));
    }

    private void assertRefused(String reason, Consumer<Attributes> edit) throws IOException {
        Path dir = tmp.resolve(Integer.toHexString(reason.hashCode()));
        PetSeries.write(dir, 2, 4, (x, y, z) -> BACKGROUND, edit);
        Volume v = VolumeLoader.load(Scanner.scan(List.of(dir)).series().get(0).stacks().get(0));
        StandardizedUptake s = v.uptake();
        assertFalse(s.available());
        assertTrue(s.basis().contains(reason), s.basis());
        assertTrue(Double.isNaN(v.suvFactor()));
        assertTrue(Evaluation.of(new PointProbe(Meta.create("p", PetSeries.UID, PetSeries.FRAME), new Vec3(1, 1, 1)), v)
                .stream().noneMatch(q -> q.kind() == Quantity.Kind.SUV));
    }

    @Test
    void otherModalitiesHaveNone() throws IOException {
        assertNull(pet(ds -> ds.setString(Tag.Modality, VR.CS, "NM")).uptake());
    }

    private static Attributes drug(Attributes ds) {
        return ds.firstItem(Tag.RadiopharmaceuticalInformationSequence).orElseThrow();
    }
}
