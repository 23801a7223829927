package org.clain.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.clain.dicom.Attributes;
import org.clain.dicom.DicomFile;
import org.clain.dicom.DicomReader;
import org.clain.dicom.Element;
import org.clain.dicom.Tag;
import org.clain.dicom.VR;
import org.clain.geom.Vec3;
import org.clain.study.Scanner;
import org.clain.study.SrDocument;
import org.clain.study.Volume;
import org.clain.study.VolumeLoader;
import org.clain.testdata.PetSeries;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TID 1500 report read back by Clain's reader and by dcmtk's dsrdump. */
class StructuredReportTest {
    private static final int CONTENT_SEQUENCE = 0x0040A730;
    private static final int CONCEPT_NAME = 0x0040A043;
    private static final int VALUE_TYPE = 0x0040A040;
    private static final int RELATIONSHIP = 0x0040A010;
    private static final int TEXT_VALUE = 0x0040A160;
    private static final int UID = 0x0040A124;
    private static final int MEASURED_VALUE = 0x0040A300;
    private static final int NUMERIC_VALUE = 0x0040A30A;
    private static final int UNITS = 0x004008EA;
    private static final int GRAPHIC_DATA = 0x00700022;
    private static final int GRAPHIC_TYPE = 0x00700023;
    private static final int REF_FOR = 0x30060024;
    private static final int CONCEPT_CODE = 0x0040A168;
    private static final int TEMPLATE_SEQ = 0x0040A504;
    private static final int TEMPLATE_ID = 0x0040DB00;

    private static final String PHANTOM_SERIES = "1.2.826.0.1.3680043.9.7433.2.2";

    record Report(MeasurementSet set, SyntheticCt ct, Attributes built, Path file, DicomFile read) {
    }

    static Report report(Path dir) throws Exception {
        SyntheticCt ct = new SyntheticCt(true);
        MeasurementSet set = AnnotationPersistenceTest.everyKind();
        Vec3 c = ct.sphereCenterVec();
        Vec3[] ax = PlanarRoi.axesForNormal(new Vec3(0.3, -0.5, 0.81));
        java.time.Instant t = java.time.Instant.parse("2026-01-02T03:04:05Z");
        set.add(EllipsoidRoi.sphere(new Meta("s2", "Phantom sphere", t, PHANTOM_SERIES, SyntheticCt.FRAME), c, 6.2));
        set.add(PlanarRoi.ellipse(new Meta("r9", "", t, PHANTOM_SERIES, SyntheticCt.FRAME), c, ax[0], ax[1], 4.4, 7.7));
        set.add(new PointProbe(new Meta("q9", "centre", t, PHANTOM_SERIES, SyntheticCt.FRAME), c));
        SrContext ctx = new SrContext("Doe^Jane", "PID-1", "19700101", "F", AnnotationPersistenceTest.STUDY, "20260101",
                "101010", "S1", "ACC9", "", List.of(new SrContext.ImageRef("1.2.840.10008.5.1.4.1.1.2",
                "1.2.826.0.1.3680043.9.7433.4.1", PHANTOM_SERIES), new SrContext.ImageRef("1.2.840.10008.5.1.4.1.1.2",
                "1.2.826.0.1.3680043.9.7433.4.2", PHANTOM_SERIES)));
        StructuredReport.Options opt = new StructuredReport.Options(null, null, 77, 1, "Clain measurements",
                ZonedDateTime.of(2026, 5, 6, 7, 8, 9, 0, ZoneOffset.UTC));
        Attributes sr = StructuredReport.build(set.measurements(),
                uid -> PHANTOM_SERIES.equals(uid) ? ct.volume : null, ctx, opt);
        Path file = dir.resolve("sr.dcm");
        org.clain.dicom.Part10Writer.write(file, sr);
        return new Report(set, ct, sr, file, DicomReader.read(file));
    }

    @Test
    void readBackByClainEqualsTheBuiltDataset(@TempDir Path dir) throws Exception {
        Report r = report(dir);
        assertEquals(StructuredReport.EXPLICIT_VR_LITTLE_ENDIAN, r.read().transferSyntaxUid());
        assertTrue(r.read().warnings().isEmpty(), r.read().warnings().toString());
        assertSame(r.built(), r.read().dataset(), "");
    }

    /** Same elements, VRs and values (the writer pads odd lengths), at any depth. */
    private static void assertSame(Attributes expected, Attributes actual, String path) {
        Collection<Element> a = expected.elements();
        Collection<Element> b = actual.elements();
        assertEquals(a.size(), b.size(), "element count at " + path);
        Iterator<Element> ib = b.iterator();
        for (Element e : a) {
            Element g = ib.next();
            String where = path + Tag.toString(e.tag());
            assertEquals(e.tag(), g.tag(), where);
            assertEquals(e.vr(), g.vr(), where);
            if (e.isSequence()) {
                assertEquals(e.items().size(), g.items().size(), where);
                for (int i = 0; i < e.items().size(); i++) {
                    assertSame(e.items().get(i), g.items().get(i), where + "[" + i + "]");
                }
            } else {
                byte[] x = e.value() == null ? new byte[0] : e.value();
                byte[] y = g.value() == null ? new byte[0] : g.value();
                if (y.length == x.length + 1) {
                    y = java.util.Arrays.copyOf(y, x.length);
                }
                assertArrayEquals(x, y, where);
            }
        }
    }

    @Test
    void contentFollowsTid1500WithValuesAndCoordinates(@TempDir Path dir) throws Exception {
        Report r = report(dir);
        Attributes d = r.read().dataset();
        assertEquals(StructuredReport.COMPREHENSIVE_3D_SR, d.getString(Tag.SOPClassUID));
        assertEquals("SR", d.getString(Tag.Modality));
        assertEquals(AnnotationPersistenceTest.STUDY, d.getString(Tag.StudyInstanceUID));
        assertEquals("Doe^Jane", d.getString(Tag.PatientName));
        assertEquals("CONTAINER", d.getString(VALUE_TYPE));
        assertCode(d, "126000", "DCM");
        assertEquals("1500", d.getSequence(TEMPLATE_SEQ).get(0).getString(TEMPLATE_ID));
        Attributes imaging = child(d, "126010");
        List<Attributes> groups = imaging.getSequence(CONTENT_SEQUENCE);
        List<Measurement> ms = r.set().measurements();
        assertEquals(ms.size(), groups.size());
        assertNotNull(child(d, "111028"), "Image Library");
        assertEquals(2, child(child(d, "111028"), "126200").getSequence(CONTENT_SEQUENCE).size());
        for (int i = 0; i < ms.size(); i++) {
            Measurement m = ms.get(i);
            Attributes g = groups.get(i);
            assertCode(g, "125007", "DCM");
            assertEquals(StructuredReport.trackingUid(m.id()), child(g, "112040").getString(UID));
            // UT keeps trailing spaces; the writer pads odd lengths with one
            String tracking = child(g, "112039").getString(TEXT_VALUE).stripTrailing();
            assertTrue(m.label().isEmpty() || tracking.equals(m.label()), tracking);
            if (m instanceof Distance dist) {
                Attributes num = child(g, "121206");
                assertEquals(dist.lengthMm(), numeric(num), 1e-9 * dist.lengthMm());
                assertEquals("mm", num.getSequence(MEASURED_VALUE).get(0).getSequence(UNITS).get(0).getString(0x00080100));
                Attributes sc = num.getSequence(CONTENT_SEQUENCE).get(0);
                assertEquals("INFERRED FROM", sc.getString(RELATIONSHIP));
                assertEquals("SCOORD3D", sc.getString(VALUE_TYPE));
                assertEquals("POLYLINE", sc.getString(GRAPHIC_TYPE));
                assertEquals(SyntheticCt.FRAME, sc.getString(REF_FOR));
                assertPoints(dist.points(), sc);
            } else if (m instanceof CobbAngle cobb) {
                Attributes num = child(g, "285285000");
                assertEquals(cobb.degrees(), numeric(num), 1e-9 * cobb.degrees());
                assertEquals(2, num.getSequence(CONTENT_SEQUENCE).size());
            } else if (m instanceof EllipsoidRoi e && m.seriesInstanceUid().equals(PHANTOM_SERIES)) {
                assertEquals("1411", g.getSequence(TEMPLATE_SEQ).get(0).getString(TEMPLATE_ID));
                Attributes surface = child(g, "121231");
                assertEquals("ELLIPSOID", surface.getString(GRAPHIC_TYPE));
                assertEquals(18, surface.getDoubles(GRAPHIC_DATA).length);
                RoiResult stats = RoiStatistics.ellipsoid(r.ct().volume, e);
                double mean = Double.NaN;
                for (Attributes item : g.getSequence(CONTENT_SEQUENCE)) {
                    if (isCode(item, "112031") && isCode(item.getSequence(CONTENT_SEQUENCE).get(0).getSequence(CONCEPT_CODE).get(0),
                            "373098007")) {
                        mean = numeric(item);
                        assertEquals("[hnsf'U]", item.getSequence(MEASURED_VALUE).get(0).getSequence(UNITS).get(0)
                                .getString(0x00080100));
                    }
                }
                assertEquals(stats.mean(), mean, 1e-9 * Math.abs(stats.mean()));
                assertEquals(e.nominalVolumeMm3(), numeric(child(g, "118565006")), 1e-9 * e.nominalVolumeMm3());
            } else if (m instanceof PlanarRoi roi) {
                assertEquals("1410", g.getSequence(TEMPLATE_SEQ).get(0).getString(TEMPLATE_ID));
                Attributes region = child(g, "111030");
                if (roi.shape() == PlanarRoi.Shape.ELLIPSE) {
                    assertEquals("ELLIPSE", region.getString(GRAPHIC_TYPE));
                    double[] gd = region.getDoubles(GRAPHIC_DATA);
                    assertEquals(12, gd.length);
                    // first pair is the major axis
                    double major = Math.hypot(Math.hypot(gd[0] - gd[3], gd[1] - gd[4]), gd[2] - gd[5]) / 2;
                    assertEquals(Math.max(roi.radiusU(), roi.radiusV()), major, 1e-4);
                } else {
                    assertEquals("POLYGON", region.getString(GRAPHIC_TYPE));
                    double[] gd = region.getDoubles(GRAPHIC_DATA);
                    assertEquals(3 * (roi.points().size() + 1), gd.length, "closed polygon");
                }
                assertEquals(roi.areaMm2(), numeric(child(g, "42798000")), 1e-9 * roi.areaMm2());
            } else if (m instanceof TextLabel label) {
                Attributes text = child(g, "121106");
                assertEquals(label.text(), text.getString(TEXT_VALUE).stripTrailing());
            }
        }
    }

    @Test
    void decimalStringsFitSixteenCharacters() {
        for (double v : new double[] {1.0 / 3, -123456789.123456789, 1e-20, 6.02214076e23, -0.000123456789, 42, 0,
                Math.PI * 1e5}) {
            String s = StructuredReport.ds(v);
            assertTrue(s.length() <= 16, s);
            assertEquals(v, Double.parseDouble(s), Math.abs(v) * 1e-9, s);
        }
    }

    @Test
    void dsrdumpReadsTheReport(@TempDir Path dir) throws Exception {
        String dsrdump = findOnPath("dsrdump");
        Assumptions.assumeTrue(dsrdump != null, "dcmtk's dsrdump is not installed");
        Report r = report(dir);
        Process p = new ProcessBuilder(dsrdump, "+Pc", "+Pt", "+Pl", r.file().toString())
                .redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), "dsrdump failed:\n" + err + out);
        // dcmtk 3.6.7 notes that its VR checker cannot check UTF-8 text: a limit of the checker, not of the file
        String problems = err.lines().filter(l -> !l.contains("VR checker does not support this Specific Character Set"))
                .reduce("", (x, y) -> x + y + "\n");
        assertTrue(problems.isBlank(), "dsrdump reported problems:\n" + err);
        assertTrue(out.contains("Comprehensive 3D SR"), out);
        assertTrue(out.contains("Imaging Measurement Report"), out);
        assertTrue(out.contains("Measurement Group"), out);
        assertTrue(out.contains("SCOORD3D"), out);
        assertTrue(out.contains("Kidney length"), out);
        assertTrue(out.contains("TID 1500"), out);
        Distance d = (Distance) r.set().find("d1").orElseThrow();
        assertTrue(out.contains(StructuredReport.ds(d.lengthMm())), out);
        // every measurement's tracking UID is there
        for (Measurement m : r.set().measurements()) {
            assertTrue(out.contains(StructuredReport.trackingUid(m.id())), m.id());
        }
    }

    /**
     * Clain's SR reader ({@link SrDocument}, the viewer's report view) against dcmtk's dsrdump on
     * the same report: the same content items, depth first, with the same relationship, value
     * type and concept name (dsrdump prints a line per item: {@code <contains NUM:(..,..,"Distance")=...>}).
     */
    @Test
    void srDocumentReadsTheItemsDsrdumpReads(@TempDir Path dir) throws Exception {
        String dsrdump = findOnPath("dsrdump");
        Assumptions.assumeTrue(dsrdump != null, "dcmtk's dsrdump is not installed");
        Report r = report(dir);
        Process p = new ProcessBuilder(dsrdump, r.file().toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        java.util.regex.Pattern item = java.util.regex.Pattern.compile(
                "^\\s*<(?:([a-z ]+) )?([A-Z0-9]+):(?:\\(([^,]*),([^,]*),\"(.*?)\"\\))?");
        List<String> expected = new ArrayList<>();
        for (String line : out.lines().toList()) {
            java.util.regex.Matcher m = item.matcher(line);
            if (m.find()) {
                String rel = m.group(1) == null ? "" : m.group(1).toUpperCase(java.util.Locale.ROOT);
                expected.add(rel + "|" + m.group(2) + "|" + (m.group(5) == null ? "" : m.group(5)));
            }
        }
        SrDocument doc = SrDocument.read(org.clain.study.InstanceReader.read(r.file()));
        List<String> actual = new ArrayList<>();
        flatten(doc.root(), actual);
        assertTrue(expected.size() > 50, out);
        assertEquals(expected, actual);
        assertEquals("Imaging Measurement Report", doc.title());
    }

    private static void flatten(SrDocument.Item item, List<String> out) {
        out.add(item.relationship() + "|" + item.valueType() + "|" + item.concept());
        for (SrDocument.Item c : item.children()) {
            flatten(c, out);
        }
    }

    @Test
    void dsrdumpHasNothingToSayAboutAnAsciiReport(@TempDir Path dir) throws Exception {
        String dsrdump = findOnPath("dsrdump");
        Assumptions.assumeTrue(dsrdump != null, "dcmtk's dsrdump is not installed");
        Report r = report(dir);
        List<Measurement> ascii = new ArrayList<>(r.set().measurements());
        ascii.removeIf(m -> m instanceof TextLabel);
        Attributes sr = StructuredReport.build(ascii, uid -> PHANTOM_SERIES.equals(uid) ? r.ct().volume : null,
                SrContext.ofStudy(AnnotationPersistenceTest.STUDY));
        assertEquals(null, sr.getString(Tag.SpecificCharacterSet), "ASCII needs no Specific Character Set");
        String out = dsrdumpWithoutComplaint(dsrdump, sr, dir.resolve("ascii.dcm"));
        assertTrue(out.contains("Attenuation Coefficient"), out);
    }

    /** Writes the report and runs {@code dsrdump -v} on it: its output, once it has exited 0 with nothing on stderr. */
    private static String dsrdumpWithoutComplaint(String dsrdump, Attributes sr, Path file) throws Exception {
        org.clain.dicom.Part10Writer.write(file, sr);
        Process p = new ProcessBuilder(dsrdump, "-v", file.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);
        assertTrue(err.isBlank(), "dsrdump -v reported:\n" + err);
        return out;
    }

    /**
     * PET with an SUV factor: SUVbw (126401, DCM) in {SUVbw}g/ml with Derivation Mean, SD, Maximum and
     * Peak Value Within ROI (126031), values as the engine computes them; no HU concept. dsrdump reads it.
     */
    @Test
    void petRoiIsReportedInSuv(@TempDir Path dir) throws Exception {
        Path pet = dir.resolve("pet");
        PetSeries.write(pet, 8, 4, (x, y, z) -> x < 4 ? 1200 : 6000, ds -> { });
        Volume vol = VolumeLoader.load(Scanner.scan(List.of(pet))
                .series().get(0).stacks().get(0));
        double f = vol.suvFactor();
        assertTrue(f > 0);
        java.time.Instant t = java.time.Instant.parse("2026-01-02T03:04:05Z");
        String series = PetSeries.UID;
        String frame = PetSeries.FRAME;
        EllipsoidRoi roi = EllipsoidRoi.sphere(new Meta("p1", "Lesion", t, series, frame), new Vec3(14, 14, 14), 7);
        PointProbe probe = new PointProbe(new Meta("p2", "", t, series, frame), new Vec3(24, 24, 24));
        Attributes sr = StructuredReport.build(List.of(roi, probe), uid -> series.equals(uid) ? vol : null,
                SrContext.ofStudy(AnnotationPersistenceTest.STUDY));
        List<Attributes> groups = child(sr, "126010").getSequence(CONTENT_SEQUENCE);
        RoiResult stats = RoiStatistics.ellipsoid(vol, roi);
        Map<String, Double> byDerivation = new HashMap<>();
        for (Attributes item : groups.get(0).getSequence(CONTENT_SEQUENCE)) {
            assertFalse(isCode(item, "112031"), "no attenuation concept for PET");
            if (isCode(item, "126401")) {
                assertEquals("{SUVbw}g/ml", item.getSequence(MEASURED_VALUE).get(0).getSequence(UNITS).get(0)
                        .getString(0x00080100));
                Attributes derivation = item.getSequence(CONTENT_SEQUENCE).get(0).getSequence(CONCEPT_CODE).get(0);
                byDerivation.put(derivation.getString(0x00080100), numeric(item));
            }
        }
        assertEquals(stats.mean() * f, byDerivation.get("373098007"), 1e-6 * stats.mean() * f);
        assertEquals(stats.max() * f, byDerivation.get("56851009"), 1e-6 * stats.max() * f);
        assertEquals(PeakUptake.of(vol, roi) * f, byDerivation.get("126031"), 1e-6 * stats.max() * f);
        assertTrue(byDerivation.containsKey("386136009"), byDerivation.toString());
        assertEquals(6000 * f, numeric(child(groups.get(1), "126401")), 1e-6 * 6000 * f);
        String dsrdump = findOnPath("dsrdump");
        if (dsrdump != null) {
            String out = dsrdumpWithoutComplaint(dsrdump, sr, dir.resolve("pet-sr.dcm"));
            assertTrue(out.contains("SUVbw") && out.contains("Peak Value Within ROI"), out);
        }
    }

    static String findOnPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            File f = new File(dir, name);
            if (f.canExecute()) {
                return f.getPath();
            }
        }
        return null;
    }

    private static void assertPoints(List<Vec3> pts, Attributes scoord) {
        double[] gd = scoord.getDoubles(GRAPHIC_DATA);
        assertEquals(pts.size() * 3, gd.length);
        for (int i = 0; i < pts.size(); i++) {
            assertEquals((float) pts.get(i).x(), gd[3 * i], 0);
            assertEquals((float) pts.get(i).y(), gd[3 * i + 1], 0);
            assertEquals((float) pts.get(i).z(), gd[3 * i + 2], 0);
        }
    }

    private static double numeric(Attributes num) {
        assertEquals("NUM", num.getString(VALUE_TYPE));
        return Double.parseDouble(num.getSequence(MEASURED_VALUE).get(0).getString(NUMERIC_VALUE));
    }

    private static boolean isCode(Attributes item, String value) {
        List<Attributes> seq = item.getSequence(CONCEPT_NAME);
        Attributes code = seq.isEmpty() ? item : seq.get(0);
        return value.equals(code.getString(0x00080100));
    }

    private static void assertCode(Attributes item, String value, String scheme) {
        Attributes code = item.getSequence(CONCEPT_NAME).get(0);
        assertEquals(value, code.getString(0x00080100));
        assertEquals(scheme, code.getString(0x00080102));
    }

    /** The first child content item whose concept name has this code value. */
    private static Attributes child(Attributes item, String codeValue) {
        List<String> seen = new ArrayList<>();
        for (Attributes c : item.getSequence(CONTENT_SEQUENCE)) {
            List<Attributes> name = c.getSequence(CONCEPT_NAME);
            if (!name.isEmpty()) {
                String v = name.get(0).getString(0x00080100);
                seen.add(v);
                if (codeValue.equals(v)) {
                    return c;
                }
            }
        }
        throw new AssertionError("no child " + codeValue + " among " + seen);
    }

    @SuppressWarnings("unused")
    private static float[] floats(byte[] b) {
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        float[] f = new float[b.length / 4];
        for (int i = 0; i < f.length; i++) {
            f[i] = bb.getFloat();
        }
        return f;
    }

    @SuppressWarnings("unused")
    private static VR unusedVr() {
        return VR.UN;
    }

    @SuppressWarnings("unused")
    private static void unusedFiles() throws IOException {
        Files.size(Path.of("."));
    }
}
