package org.clain.study.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.clain.dicom.Attributes;
import org.clain.dicom.DicomFile;
import org.clain.dicom.DicomReader;
import org.clain.dicom.PixelDecoder;
import org.clain.dicom.Tag;
import org.clain.dicom.UIDs;
import org.clain.testdata.ExternalTool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The phantom read back through the dicom package only: geometry from the headers, values from
 * the pixels, compared with the truth file read back from JSON.
 */
class PhantomTest {
    static final long SEED = 20250101;
    static final double SIGMA = 10;

    @TempDir
    static Path dir;
    static Series plain;
    static Series oblique;

    /** One slice as the headers say: geometry and HU values. */
    record Slice(Path file, Attributes ds, Vec3 ipp, Vec3 rowDir, Vec3 colDir, double rowSpacing, double colSpacing,
                 int rows, int columns, double[] hu, int[] stored) {
        /** Centre of pixel (column c, row r), plus optional fractions of the spacings. */
        Vec3 point(double c, double r) {
            return ipp.plusScaled(rowDir, c * colSpacing).plusScaled(colDir, r * rowSpacing);
        }
    }

    record Series(Path dir, PhantomTruth truth, List<Slice> slices) {
    }

    @BeforeAll
    static void writeAndRead() throws Exception {
        CtPhantom.write(dir.resolve("plain"), Preset.ABDOMEN, SEED);
        CtPhantom.write(dir.resolve("oblique"), CtPhantom.Options.defaults(Preset.ABDOMEN, SEED).oblique());
        plain = read(dir.resolve("plain"));
        oblique = read(dir.resolve("oblique"));
    }

    static Series read(Path folder) throws IOException {
        List<Slice> slices = new ArrayList<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".dcm")).sorted().collect(Collectors.toList())) {
                DicomFile df = DicomReader.read(f);
                assertEquals(List.of(), df.warnings(), f.toString());
                Attributes ds = df.dataset();
                double[] ipp = ds.getDoubles(Tag.ImagePositionPatient);
                double[] iop = ds.getDoubles(Tag.ImageOrientationPatient);
                double[] ps = ds.getDoubles(Tag.PixelSpacing);
                PixelDecoder px = PixelDecoder.of(df);
                int[] stored = px.storedValues(0);
                double slope = ds.getDouble(Tag.RescaleSlope, Double.NaN);
                double intercept = ds.getDouble(Tag.RescaleIntercept, Double.NaN);
                double[] hu = new double[stored.length];
                for (int i = 0; i < hu.length; i++) {
                    hu[i] = stored[i] * slope + intercept;
                }
                slices.add(new Slice(f, ds, Vec3.of(ipp), new Vec3(iop[0], iop[1], iop[2]),
                        new Vec3(iop[3], iop[4], iop[5]), ps[0], ps[1], ds.getInt(Tag.Rows, 0),
                        ds.getInt(Tag.Columns, 0), hu, stored));
            }
        }
        slices.sort(Comparator.comparingInt(s -> s.ds().getInt(Tag.InstanceNumber, -1)));
        return new Series(folder, PhantomTruth.read(folder.resolve(PhantomTruth.FILE_NAME)), slices);
    }

    static Series series(String name) {
        return name.equals("plain") ? plain : oblique;
    }

    // ---- headers and geometry ----------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"plain", "oblique"})
    void seriesHeadersAreCompleteAndConsistent(String name) {
        Series s = series(name);
        PhantomTruth.Geometry g = s.truth().geometry();
        assertEquals(120, s.slices().size());
        assertEquals(g.slices(), s.slices().size());
        Set<String> sops = new HashSet<>();
        for (int k = 0; k < s.slices().size(); k++) {
            Attributes ds = s.slices().get(k).ds();
            assertEquals(k + 1, ds.getInt(Tag.InstanceNumber, -1));
            assertEquals("1.2.840.10008.5.1.4.1.1.2", ds.getString(Tag.SOPClassUID));
            String sop = ds.getString(Tag.SOPInstanceUID);
            assertTrue(UIDs.isValid(sop), sop);
            assertTrue(sops.add(sop), "unique SOP Instance UID");
            assertEquals(s.truth().files().get(k).sopInstanceUID(), sop);
            assertEquals(g.studyInstanceUID(), ds.getString(Tag.StudyInstanceUID));
            assertEquals(g.seriesInstanceUID(), ds.getString(Tag.SeriesInstanceUID));
            assertEquals(g.frameOfReferenceUID(), ds.getString(Tag.FrameOfReferenceUID));
            assertEquals("Clain^Phantom", ds.getString(Tag.PatientName));
            assertEquals("CT", ds.getString(Tag.Modality));
            assertArrayEquals(new String[] {"ORIGINAL", "PRIMARY", "AXIAL"}, ds.getStrings(Tag.ImageType));
            assertEquals(1.0, ds.getDouble(Tag.RescaleSlope, 0));
            assertEquals(-1024.0, ds.getDouble(Tag.RescaleIntercept, 0));
            assertEquals(16, ds.getInt(Tag.BitsAllocated, 0));
            assertEquals(12, ds.getInt(Tag.BitsStored, 0));
            assertEquals(11, ds.getInt(Tag.HighBit, 0));
            assertEquals(0, ds.getInt(Tag.PixelRepresentation, -1));
            assertArrayEquals(new double[] {40, 60}, ds.getDoubles(Tag.WindowCenter));
            assertArrayEquals(new double[] {400, 150}, ds.getDoubles(Tag.WindowWidth));
            assertArrayEquals(new String[] {"ABDOMEN", "LIVER"}, ds.getStrings(Tag.WindowCenterWidthExplanation));
            assertArrayEquals(new double[] {0.7, 0.7}, ds.getDoubles(Tag.PixelSpacing));
            assertEquals(1.25, ds.getDouble(Tag.SliceThickness, 0));
            assertEquals(1.25, ds.getDouble(Tag.SpacingBetweenSlices, 0));
            assertEquals(256, ds.getInt(Tag.Rows, 0));
            assertEquals(256, ds.getInt(Tag.Columns, 0));
            assertEquals("HFS", ds.getString(0x00185100));
            assertNull(ds.getString(Tag.SpecificCharacterSet), "ASCII only");
            assertTrue(UIDs.isValid(ds.getString(Tag.StudyInstanceUID)));
        }
        Set<String> series = Set.of(plain.truth().geometry().seriesInstanceUID(), oblique.truth().geometry().seriesInstanceUID());
        assertEquals(2, series.size(), "plain and oblique are different series");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "oblique"})
    void slicePositionsFollowTheSliceNormal(String name) {
        Series s = series(name);
        PhantomTruth.Geometry g = s.truth().geometry();
        double tilt = name.equals("plain") ? 0 : Math.toRadians(15);
        // orientation written in the files, against the rotation about L-R computed here
        Vec3 expectRow = new Vec3(1, 0, 0);
        Vec3 expectCol = new Vec3(0, Math.cos(tilt), Math.sin(tilt));
        Slice first = s.slices().get(0);
        Vec3 normal = first.rowDir().cross(first.colDir());
        double spacing = first.ds().getDouble(Tag.SpacingBetweenSlices, 0);
        for (int k = 0; k < s.slices().size(); k++) {
            Slice sl = s.slices().get(k);
            assertEquals(0, sl.rowDir().distance(expectRow), 1e-12);
            assertEquals(0, sl.colDir().distance(expectCol), 1e-12);
            Vec3 expected = first.ipp().plusScaled(normal, k * spacing);
            assertEquals(0, sl.ipp().distance(expected), 1e-6, "IPP of slice " + k);
            assertEquals(0, sl.ipp().distance(g.slicePosition(k)), 1e-6, "IPP of slice " + k + " vs truth");
            assertEquals(sl.ipp().dot(normal), sl.ds().getDouble(Tag.SliceLocation, Double.NaN), 1e-6);
        }
        assertEquals(0, first.ipp().distance(g.origin()), 1e-9);
        assertEquals(0, normal.distance(g.sliceDirection()), 1e-12);
        // the volume is centred on the anatomy (plus the documented offset) whatever the tilt
        Vec3 centre = first.point((first.columns() - 1) / 2.0, (first.rows() - 1) / 2.0)
                .plusScaled(normal, (s.slices().size() - 1) / 2.0 * spacing);
        assertEquals(0, centre.distance(new Vec3(0.9137, -3.0841, -349.7887)), 1e-9);
    }

    // ---- voxel values --------------------------------------------------------------------------

    /**
     * Every voxel: its centre (from the headers) looked up in the truth (from the JSON) gives the
     * noiseless HU; the difference must be noise: zero mean, sigma 10, nothing beyond 6 sigma,
     * and zero mean within each structure (4 sigma / sqrt(n)). Geometry errors (a wrong
     * orientation, a flipped axis, an off-by-one slice) produce differences of hundreds of HU.
     */
    @ParameterizedTest
    @ValueSource(strings = {"plain", "oblique"})
    void everyVoxelIsTruthPlusNoise(String name) {
        Series s = series(name);
        PhantomTruth truth = s.truth();
        Labeller lab = truth.labeller();
        int structures = truth.structures().size();
        long[] count = new long[structures + 1];
        double[] sum = new double[structures + 1];
        double total = 0;
        double total2 = 0;
        long n = 0;
        double worst = 0;
        String worstAt = "";
        for (int k = 0; k < s.slices().size(); k++) {
            Slice sl = s.slices().get(k);
            for (int r = 0; r < sl.rows(); r++) {
                for (int c = 0; c < sl.columns(); c++) {
                    Vec3 p = sl.point(c, r);
                    int label = lab.labelAt(p);
                    double expected = label < 0 ? truth.backgroundHU() : truth.structures().get(label).hu();
                    double d = sl.hu()[r * sl.columns() + c] - expected;
                    count[label + 1]++;
                    sum[label + 1] += d;
                    total += d;
                    total2 += d * d;
                    n++;
                    if (Math.abs(d) > Math.abs(worst)) {
                        worst = d;
                        worstAt = "slice " + k + " row " + r + " column " + c + " " + p + " label " + label;
                    }
                }
            }
        }
        double mean = total / n;
        double sd = Math.sqrt(total2 / n - mean * mean);
        assertTrue(Math.abs(worst) <= 6 * SIGMA, "largest difference " + worst + " at " + worstAt);
        assertEquals(0, mean, 4 * SIGMA / Math.sqrt(n), "mean difference");
        assertEquals(SIGMA, sd, 0.05 * SIGMA, "noise sigma");
        for (int i = 0; i < structures; i++) {
            Structure st = truth.structures().get(i);
            assertTrue(count[i + 1] > 0, st.name() + " is visible in no voxel");
            double m = sum[i + 1] / count[i + 1];
            assertEquals(0, m, 4 * SIGMA / Math.sqrt(count[i + 1]),
                    st.name() + ": mean HU " + (st.hu() + m) + " over " + count[i + 1] + " voxels, truth " + st.hu());
        }
    }

    /**
     * The voxels around each structure's centre (those within 3 mm that the truth gives to the
     * structure) hold its HU within 4 sigma / sqrt(n). The tumours' centres must all be testable.
     */
    @ParameterizedTest
    @ValueSource(strings = {"plain", "oblique"})
    void structureCentresHoldTheirHU(String name) {
        Series s = series(name);
        PhantomTruth truth = s.truth();
        PhantomTruth.Geometry g = truth.geometry();
        int tested = 0;
        Set<String> testedNames = new HashSet<>();
        for (int i = 0; i < truth.structures().size(); i++) {
            Structure st = truth.structures().get(i);
            Vec3 centre = st.centre();
            if (truth.labelAt(centre) != i) {
                continue; // the centre is covered by a later structure (a shell, a carved canal) or outside
            }
            double[] idx = g.voxelIndex(centre);
            int c0 = (int) Math.round(idx[0]);
            int r0 = (int) Math.round(idx[1]);
            int k0 = (int) Math.round(idx[2]);
            double sum = 0;
            int n = 0;
            for (int k = k0 - 3; k <= k0 + 3; k++) {
                if (k < 0 || k >= s.slices().size()) {
                    continue;
                }
                Slice sl = s.slices().get(k);
                for (int r = r0 - 5; r <= r0 + 5; r++) {
                    for (int c = c0 - 5; c <= c0 + 5; c++) {
                        if (r < 0 || c < 0 || r >= sl.rows() || c >= sl.columns()) {
                            continue;
                        }
                        Vec3 p = sl.point(c, r);
                        if (p.distance(centre) <= 3 && truth.labelAt(p) == i) {
                            sum += sl.hu()[r * sl.columns() + c];
                            n++;
                        }
                    }
                }
            }
            if (n == 0) {
                continue;
            }
            assertEquals(st.hu(), sum / n, 4 * SIGMA / Math.sqrt(n), st.name() + " around its centre, n=" + n);
            tested++;
            testedNames.add(st.name());
        }
        assertTrue(testedNames.containsAll(List.of("tumour-1", "tumour-2", "tumour-3", "spleen", "aorta")),
                "tested: " + testedNames);
        assertTrue(tested >= 20, "only " + tested + " structure centres tested");
    }

    /** The labeller's bounding-box shortcut answers exactly as the plain search over all structures. */
    @ParameterizedTest
    @ValueSource(strings = {"abdomen", "chest", "spine"})
    void labellerAgreesWithTheExhaustiveSearch(String preset) {
        PhantomTruth t = CtPhantom.truth(CtPhantom.Options.defaults(Preset.parse(preset), 1).oblique());
        Labeller lab = t.labeller();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(5);
        Vec3 c = t.geometry().voxelCentre(127.5, 127.5, 59.5);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            Vec3 p = c.plus(new Vec3(rnd.nextDouble(-95, 95), rnd.nextDouble(-95, 95), rnd.nextDouble(-80, 80)));
            int label = t.labelAt(p);
            assertEquals(label, lab.labelAt(p), p.toString());
            seen.add(label);
        }
        assertTrue(seen.size() > t.structures().size() / 2, "points reach most structures: " + seen.size());
    }

    @Test
    void tumoursLieInsideTheLiverClearOfVessels() {
        PhantomTruth t = plain.truth();
        Structure liver = t.structure("liver");
        List<Structure> vessels = t.structures().stream().filter(s -> s.role().equals("vessel")).collect(Collectors.toList());
        List<Structure> tumours = t.structures().stream().filter(s -> s.role().equals("tumour")).collect(Collectors.toList());
        assertEquals(3, tumours.size());
        assertTrue(tumours.stream().anyMatch(s -> s instanceof Structure.Sphere));
        assertTrue(tumours.stream().anyMatch(s -> s instanceof Structure.Ellipsoid));
        for (Structure tumour : tumours) {
            Structure.Bounds b = tumour.bounds();
            int inside = 0;
            for (double x = b.min().x(); x <= b.max().x(); x += 0.5) {
                for (double y = b.min().y(); y <= b.max().y(); y += 0.5) {
                    for (double z = b.min().z(); z <= b.max().z(); z += 0.5) {
                        Vec3 p = new Vec3(x, y, z);
                        if (!tumour.contains(p)) {
                            continue;
                        }
                        inside++;
                        assertTrue(liver.contains(p), tumour.name() + " leaves the liver at " + p);
                        for (Structure v : vessels) {
                            assertFalse(v.contains(p), tumour.name() + " touches " + v.name() + " at " + p);
                        }
                    }
                }
            }
            assertTrue(inside > 100, tumour.name());
            assertTrue(tumour.hu() >= 20 && tumour.hu() <= 40 && tumour.hu() < liver.hu(), "hypodense");
        }
    }

    // ---- exactness without noise, partial volume --------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"CENTRE", "SUPERSAMPLE_3"})
    void noiseFreeVoxelsAreExact(String sampling) throws Exception {
        CtPhantom.Options o = CtPhantom.Options.defaults(Preset.ABDOMEN, 7).withMatrix(96).withSlices(20).oblique()
                .withNoise(0).withSampling(CtPhantom.Sampling.valueOf(sampling));
        Path out = dir.resolve("exact-" + sampling);
        CtPhantom.write(out, o);
        Series s = read(out);
        PhantomTruth truth = s.truth();
        Labeller lab = truth.labeller();
        double[] offsets = sampling.equals("CENTRE") ? new double[] {0} : new double[] {-1.0 / 3, 0, 1.0 / 3};
        assertArrayEquals(offsets, truth.sampling().offsets().stream().mapToDouble(Double::doubleValue).toArray());
        Slice first = s.slices().get(0);
        Vec3 normal = first.rowDir().cross(first.colDir());
        double spacing = first.ds().getDouble(Tag.SpacingBetweenSlices, 0);
        int partial = 0;
        for (int k = 0; k < s.slices().size(); k++) {
            Slice sl = s.slices().get(k);
            for (int r = 0; r < sl.rows(); r++) {
                for (int c = 0; c < sl.columns(); c++) {
                    double sum = 0;
                    for (double d : offsets) {
                        for (double b : offsets) {
                            for (double a : offsets) {
                                sum += lab.huAt(sl.point(c + a, r + b).plusScaled(normal, d * spacing));
                            }
                        }
                    }
                    double expected = sum / (offsets.length * offsets.length * offsets.length);
                    if (expected != Math.rint(expected)) {
                        partial++;
                    }
                    long stored = Math.max(0, Math.min(4095, Math.round(expected) + 1024));
                    assertEquals(stored, sl.stored()[r * sl.columns() + c], "slice " + k + " row " + r + " column " + c);
                    assertEquals(lab.expectedStoredWithoutNoise(c, r, k), stored);
                }
            }
        }
        if (sampling.equals("CENTRE")) {
            assertEquals(0, partial);
        } else {
            assertTrue(partial > 1000, "partial-volume voxels: " + partial);
        }
    }

    // ---- reproducibility ---------------------------------------------------------------------

    @Test
    void theSameOptionsGiveTheSameBytes() throws Exception {
        CtPhantom.Options o = CtPhantom.Options.defaults(Preset.ABDOMEN, 99).withMatrix(64).withSlices(6).oblique();
        Path a = dir.resolve("repro-a");
        Path b = dir.resolve("repro-b");
        Path c = dir.resolve("repro-c");
        CtPhantom.write(a, o);
        CtPhantom.write(b, o);
        CtPhantom.write(c, CtPhantom.Options.defaults(Preset.ABDOMEN, 100).withMatrix(64).withSlices(6).oblique());
        List<String> names;
        try (Stream<Path> s = Files.list(a)) {
            names = s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
        assertEquals(7, names.size());
        for (String f : names) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
            assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(c.resolve(f))), f);
        }
        Series sa = read(a);
        Series sc = read(c);
        assertNotEquals(sa.truth().geometry().seriesInstanceUID(), sc.truth().geometry().seriesInstanceUID());
        assertFalse(java.util.Arrays.equals(sa.slices().get(3).stored(), sc.slices().get(3).stored()), "another seed, other noise");
    }

    // ---- truth file --------------------------------------------------------------------------

    @Test
    void truthFileRoundTripsAndDocumentsItself() throws Exception {
        PhantomTruth written = CtPhantom.truth(CtPhantom.Options.defaults(Preset.ABDOMEN, SEED));
        assertEquals(written, plain.truth(), "read back equals what was written");
        JsonNode json = PhantomTruth.mapper().readTree(dir.resolve("plain").resolve(PhantomTruth.FILE_NAME).toFile());
        assertEquals("clain-phantom-truth", json.get("schema").asText());
        assertEquals(1, json.get("schemaVersion").asInt());
        assertEquals("abdomen", json.get("preset").asText());
        assertEquals(SEED, json.get("seed").asLong());
        for (String f : List.of("rows", "columns", "slices", "pixelSpacing", "sliceSpacing", "sliceThickness",
                "rowDirection", "columnDirection", "sliceDirection", "origin", "frameOfReferenceUID",
                "seriesInstanceUID", "studyInstanceUID")) {
            assertTrue(json.get("geometry").has(f), f);
        }
        assertEquals(SIGMA, json.get("noise").get("sigmaHU").asDouble());
        assertEquals("voxel-centre", json.get("sampling").get("rule").asText());
        Set<String> kinds = new HashSet<>();
        int i = 0;
        for (JsonNode st : json.get("structures")) {
            kinds.add(st.get("kind").asText());
            assertEquals(i++, st.get("order").asInt());
            for (String f : List.of("name", "role", "hu", "centre")) {
                assertTrue(st.has(f), st + " lacks " + f);
            }
        }
        assertEquals(Set.of("sphere", "ellipsoid", "elliptic-cylinder", "tube", "box"), kinds, "abdomen (pedicle cylinders: spine)");
        try (Stream<Path> s = Files.list(dir.resolve("plain"))) {
            assertEquals(0, s.filter(p -> p.getFileName().toString().startsWith(".")).count(), "no temporary files left");
        }
    }

    // ---- other presets -----------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"chest", "spine"})
    void otherPresetsShowEveryStructure(String preset) throws Exception {
        CtPhantom.Options o = CtPhantom.Options.defaults(Preset.parse(preset), 3).withMatrix(128).withSlices(60)
                .withNoise(0);
        Path out = dir.resolve(preset);
        CtPhantom.write(out, o);
        Series s = read(out);
        PhantomTruth truth = s.truth();
        Labeller lab = truth.labeller();
        long[] count = new long[truth.structures().size() + 1];
        for (int k = 0; k < s.slices().size(); k++) {
            Slice sl = s.slices().get(k);
            for (int r = 0; r < sl.rows(); r++) {
                for (int c = 0; c < sl.columns(); c++) {
                    int label = lab.labelAt(sl.point(c, r));
                    count[label + 1]++;
                    double expected = label < 0 ? truth.backgroundHU() : truth.structures().get(label).hu();
                    assertEquals(expected, sl.hu()[r * sl.columns() + c], 0.0, "slice " + k + " row " + r
                            + " column " + c + " label " + label);
                }
            }
        }
        for (int i = 0; i < truth.structures().size(); i++) {
            assertTrue(count[i + 1] > 0, truth.structures().get(i).name() + " visible in no voxel");
        }
        assertEquals(preset.equals("chest") ? "LUNG" : "BONE", s.slices().get(0).ds().getStrings(Tag.WindowCenterWidthExplanation)[0]);
    }

    @Test
    void spineHasAWedgeVertebraAndPedicles() {
        PhantomTruth t = CtPhantom.truth(CtPhantom.Options.defaults(Preset.SPINE, 1));
        Structure.EllipticCylinder wedge = (Structure.EllipticCylinder) t.structures().stream()
                .filter(s -> s.facts().containsKey("anteriorHeightMm")).findFirst().orElseThrow();
        assertEquals(14, wedge.facts().get("anteriorHeightMm"));
        assertEquals(24, wedge.facts().get("posteriorHeightMm"));
        double rb = wedge.radii().get(1);
        // heights measured through contains(), 1 mm inside the anterior and posterior walls
        double anterior = height(wedge, wedge.centre().plus(new Vec3(0, -rb + 1, 0)));
        double posterior = height(wedge, wedge.centre().plus(new Vec3(0, rb - 1, 0)));
        assertEquals(14 + 10 * (1 / (2 * rb)), anterior, 0.02);
        assertEquals(24 - 10 * (1 / (2 * rb)), posterior, 0.02);
        assertEquals(Math.toDegrees(Math.atan2(10, 2 * rb)), wedge.facts().get("wedgeAngleDeg"), 1e-9);
        // an intact vertebra is 24 mm high at the front
        Structure.EllipticCylinder intact = (Structure.EllipticCylinder) t.structure("vertebra-1-body-cortical");
        assertEquals(24, height(intact, intact.centre().plus(new Vec3(0, -rb + 1, 0))), 0.02);
        List<Structure.Cylinder> pedicles = t.structures().stream().filter(s -> s instanceof Structure.Cylinder)
                .map(s -> (Structure.Cylinder) s).filter(s -> s.name().endsWith("-cortical")).collect(Collectors.toList());
        assertEquals(10, pedicles.size(), "two per vertebra");
        for (Structure.Cylinder p : pedicles) {
            Vec3 d = p.end().minus(p.start());
            assertEquals(p.facts().get("widthMm"), 2 * p.radius(), 1e-9);
            assertEquals(p.facts().get("medialAngleDeg"), Math.toDegrees(Math.atan2(Math.abs(d.x()), d.y())), 1e-9);
            // the pedicle joins the vertebral body to the arch
            String v = p.name().substring(0, p.name().indexOf("-pedicle"));
            assertTrue(t.structure(v + "-body-cortical").contains(p.start()), p.name());
            assertTrue(t.structure(v + "-arch").contains(p.end()), p.name());
        }
    }

    private static double height(Structure s, Vec3 through) {
        double step = 0.001;
        int n = 0;
        for (double z = -20; z <= 20; z += step) {
            if (s.contains(through.plus(new Vec3(0, 0, z)))) {
                n++;
            }
        }
        return n * step;
    }

    @Test
    void largerMatrixKeepsTheFieldOfView() throws Exception {
        CtPhantom.Options o = CtPhantom.Options.defaults(Preset.ABDOMEN, 5).withMatrix(512).withSlices(2);
        assertEquals(0.35, o.pixelSpacing(), 1e-12);
        Path out = dir.resolve("m512");
        CtPhantom.write(out, o);
        Series s = read(out);
        assertEquals(2, s.slices().size());
        assertEquals(512, s.slices().get(0).rows());
        assertArrayEquals(new double[] {0.35, 0.35}, s.slices().get(0).ds().getDoubles(Tag.PixelSpacing), 1e-12);
    }

    // ---- third-party validators --------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"plain", "oblique"})
    void dcmdumpReadsASliceWithoutComplaint(String name) throws Exception {
        assumeTrue(ExternalTool.find("dcmdump").isPresent(), "dcmdump (dcmtk) not installed");
        Path f = series(name).slices().get(60).file();
        ExternalTool.Result r = ExternalTool.run(List.of("dcmdump", f.toString()));
        assertEquals(0, r.exitCode(), r.all());
        assertEquals(List.of(), r.linesStartingWith("E:", "W:", "F:"), r.all());
        assertTrue(r.stdout().contains("(0010,0010) PN [Clain^Phantom]"), r.stdout());
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "oblique"})
    void dciodvfyFindsNoErrorInTheCtImageIod(String name) throws Exception {
        assumeTrue(ExternalTool.find("dciodvfy").isPresent(), "dciodvfy (dicom3tools) not installed");
        Path f = series(name).slices().get(60).file();
        ExternalTool.Result r = ExternalTool.run(List.of("dciodvfy", f.toString()));
        assertTrue(r.all().contains("CTImage"), "validated as a CT Image: " + r.all());
        assertEquals(List.of(), r.linesStartingWith("Error", "Warning"), r.all());
    }
}
