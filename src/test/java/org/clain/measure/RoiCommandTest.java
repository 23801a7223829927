package org.clain.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clain.cli.RoiCommand;
import org.clain.dicom.Attributes;
import org.clain.dicom.Part10Writer;
import org.clain.dicom.Tag;
import org.clain.dicom.VR;
import org.clain.geom.Vec3;
import org.clain.study.Volume;
import org.clain.testdata.PetSeries;
import org.clain.testdata.RtStructWriter;
import org.clain.testdata.SegWriter;
import org.clain.testdata.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code clain roi}: same statistics as the engine, exit codes 0 / 1 / 2. */
class RoiCommandTest {
    private static final ObjectMapper M = new ObjectMapper();

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        return run(new RoiCommand(), args);
    }

    private static synchronized Run run(Object command, String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true));
            System.setErr(new PrintStream(err, true));
            int status = new CommandLine(command).execute(args);
            return new Run(status, out.toString(), err.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    private static String dir() {
        return SharedData.file(RealCt.REL).toString();
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.10f", v);
    }

    @Test
    void sphereStatisticsEqualBruteForce() throws Exception {
        Volume v = RealCt.volume();
        double[] c = {RealCt.ORIGIN[0] + 250.6 * RealCt.SPACING[0], RealCt.ORIGIN[1] + 240.2 * RealCt.SPACING[1],
                RealCt.ORIGIN[2] + 70.3 * RealCt.SPACING[2]};
        double r = 6.1;
        double[] bf = RealCt.sphere(v, RealCt.ORIGIN, RealCt.SPACING, c, r);
        Run run = run(dir(), "--sphere", f(c[0]) + "," + f(c[1]) + "," + f(c[2]) + "," + r, "--json", "--bins", "8");
        assertEquals(0, run.status(), run.err());
        JsonNode o = M.readTree(run.out());
        assertEquals("sphere", o.get("shape").asText());
        assertEquals("voxel-centres", o.get("method").asText());
        assertEquals((long) bf[1], o.get("count").asLong());
        assertEquals(bf[0] / bf[1], o.get("mean").asDouble(), 1e-6);
        assertEquals(v.frameOfReferenceUid(), o.get("frameOfReferenceUid").asText());
        assertEquals("HU", o.get("unit").asText());
        long total = 0;
        for (JsonNode n : o.get("histogram").get("counts")) {
            total += n.asLong();
        }
        assertEquals((long) bf[1], total);
        assertTrue(o.get("areaMm2").isNull());
    }

    /**
     * A PET series (75 kg, 370 MBq F-18, 60 minutes: factor 75000 / 253314180.24164078 Bq, worked out
     * by hand) of 2400 Bq/ml: the sphere's SUVbw, in JSON and in text; `clain info` gives the factor.
     */
    @Test
    void petSphereInSuv(@TempDir Path tmp) throws Exception {
        PetSeries.write(tmp, 8, 4, (x, y, z) -> 2400, ds -> { });
        double factor = 75000 / 253314180.24164078;
        Run run = run(tmp.toString(), "--sphere", "16,16,16,6", "--json");
        assertEquals(0, run.status(), run.err());
        JsonNode suv = M.readTree(run.out()).get("suvBw");
        assertTrue(suv.get("available").asBoolean(), run.out());
        assertEquals(factor, suv.get("factor").asDouble(), factor * 1e-12);
        assertEquals(2400 * factor, suv.get("mean").asDouble(), 1e-9);
        assertEquals(2400 * factor, suv.get("max").asDouble(), 1e-9);
        assertEquals(2400 * factor, suv.get("peak").asDouble(), 1e-9);
        assertEquals(0, suv.get("sd").asDouble(), 1e-12);
        Run text = run(tmp.toString(), "--sphere", "16,16,16,6");
        assertTrue(text.out().contains(String.format(Locale.ROOT, "SUVbw mean %.3f", 2400 * factor)), text.out());
        Run info = run(new org.clain.cli.InfoCommand(), tmp.toString(), "--json");
        assertEquals(0, info.status(), info.err());
        JsonNode series = M.readTree(info.out()).get("series").get(0);
        assertEquals(factor, series.get("suvBw").get("factor").asDouble(), factor * 1e-12);
    }

    /**
     * A segmentation written by the test on the abdomen CT's grid: a 40 x 30 pixel rectangle on
     * volume slices 40 to 44. `--segment` counts exactly those 6000 voxels and their HU.
     */
    @Test
    void segmentOfASegmentation(@TempDir Path tmp) throws Exception {
        Volume v = RealCt.volume();
        boolean[] rect = new boolean[512 * 512];
        double sum = 0;
        for (int z = 40; z <= 44; z++) {
            for (int y = 250; y < 280; y++) {
                for (int x = 200; x < 240; x++) {
                    rect[y * 512 + x] = true;
                    sum += v.value(x, y, z);
                }
            }
        }
        List<SegWriter.Frame> frames = new ArrayList<>();
        for (int z = 40; z <= 44; z++) {
            frames.add(new SegWriter.Frame(2, v.toPatient(0, 0, z), rect));
        }
        Path seg = tmp.resolve("seg.dcm");
        SegWriter.write(seg, v.frameOfReferenceUid(), null, 512, 512, RealCt.SPACING[0], frames);
        Run run = run(dir(), "--segment", seg + ":2", "--json");
        assertEquals(0, run.status(), run.err());
        JsonNode o = M.readTree(run.out());
        assertEquals("segment", o.get("shape").asText());
        assertEquals(2, o.get("segmentNumber").asInt());
        assertEquals(6000, o.get("count").asLong());
        assertEquals(sum / 6000, o.get("mean").asDouble(), 1e-9);
        assertEquals(6000 * RealCt.SPACING[0] * RealCt.SPACING[1] * RealCt.SPACING[2], o.get("volumeMm3").asDouble(), 1e-6);
        // no such segment; a segmentation of another Frame of Reference
        assertEquals(2, run(dir(), "--segment", seg + ":7").status());
        Run other = run(dir(), "--segment", SharedData.file("syntaxes/pydicom-data/liver.dcm").toString());
        assertEquals(1, other.status());
        assertTrue(other.err().contains("no series the segmentation lies on"), other.err());
    }

    /**
     * `--segment SEG:all` on a label map written on the abdomen CT's grid: segment 3 a 40 x 30
     * rectangle on slices 40 to 44, segment 5 a 10 x 10 square on slices 60 and 61. One JSON line
     * per segment, each with the count and mean HU of exactly its voxels, added up here.
     */
    @Test
    void everySegmentOfALabelMap(@TempDir Path tmp) throws Exception {
        Volume v = RealCt.volume();
        List<Vec3> positions = new ArrayList<>();
        List<int[]> frames = new ArrayList<>();
        double[] sum = new double[6];
        long[] count = new long[6];
        for (int z : new int[] {40, 41, 42, 43, 44, 60, 61}) {
            int[] labels = new int[512 * 512];
            for (int y = 0; y < 512; y++) {
                for (int x = 0; x < 512; x++) {
                    int l = z <= 44 && y >= 250 && y < 280 && x >= 200 && x < 240 ? 3
                            : z >= 60 && y >= 100 && y < 110 && x >= 300 && x < 310 ? 5 : 0;
                    labels[y * 512 + x] = l;
                    if (l != 0) {
                        sum[l] += v.value(x, y, z);
                        count[l]++;
                    }
                }
            }
            positions.add(v.toPatient(0, 0, z));
            frames.add(labels);
        }
        Attributes ds = SegWriter.labelMap(v.frameOfReferenceUid(), 512, 512, RealCt.SPACING[0], new int[] {3, 5},
                positions);
        ds.setBytes(Tag.PixelData, VR.OW, SegWriter.words(frames.toArray(new int[0][])));
        Path seg = tmp.resolve("labelmap.dcm");
        Part10Writer.write(seg, ds);
        Run run = run(dir(), "--segment", seg + ":all", "--json");
        assertEquals(0, run.status(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(2, lines.size(), run.out());
        for (int i = 0; i < 2; i++) {
            JsonNode o = M.readTree(lines.get(i));
            int n = new int[] {3, 5}[i];
            assertEquals(n, o.get("segmentNumber").asInt());
            assertEquals(count[n], o.get("count").asLong());
            assertEquals(sum[n] / count[n], o.get("mean").asDouble(), 1e-9);
        }
        assertEquals(6000, count[3]);
        assertEquals(200, count[5]);
        // text: a block per segment
        Run text = run(dir(), "--segment", seg + ":all");
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("segment 3 (S3) ROI: 6000 voxels") && text.out().contains("segment 5 (S5) ROI: 200"),
                text.out());
    }

    /**
     * `--structure` on an RT Structure Set written on the abdomen CT: "GTV", a rectangle whose
     * corners lie half a voxel outside voxels x 200..239, y 250..279 on slices 40 to 44, with a hole
     * round voxels 210..219 x 260..269 (a contour inside it); "Cord", a square round voxels
     * 300..309 x 100..109 on slice 60. GTV: 5 x (1200 - 100) voxels; Cord 100; their HU added up here.
     */
    @Test
    void structuresOfAStructureSet(@TempDir Path tmp) throws Exception {
        Volume v = RealCt.volume();
        List<RtStructWriter.Contour> gtv = new ArrayList<>();
        double sum = 0;
        for (int z = 40; z <= 44; z++) {
            gtv.add(rectangle(v, 199.5, 249.5, 239.5, 279.5, z));
            gtv.add(rectangle(v, 209.5, 259.5, 219.5, 269.5, z));
            for (int y = 250; y < 280; y++) {
                for (int x = 200; x < 240; x++) {
                    boolean hole = x >= 210 && x < 220 && y >= 260 && y < 270;
                    sum += hole ? 0 : v.value(x, y, z);
                }
            }
        }
        double cordSum = 0;
        for (int y = 100; y < 110; y++) {
            for (int x = 300; x < 310; x++) {
                cordSum += v.value(x, y, 60);
            }
        }
        Path rs = tmp.resolve("rtstruct.dcm");
        RtStructWriter.write(rs, v.frameOfReferenceUid(), "1.2.3", List.of(
                new RtStructWriter.Roi(4, "GTV", null, gtv),
                new RtStructWriter.Roi(9, "Cord", null, List.of(rectangle(v, 299.5, 99.5, 309.5, 109.5, 60)))));
        Run one = run(dir(), "--structure", rs + ":gtv", "--json");
        assertEquals(0, one.status(), one.err());
        JsonNode o = M.readTree(one.out());
        assertEquals("structure", o.get("shape").asText());
        assertEquals(4, o.get("roiNumber").asInt());
        assertEquals(5500, o.get("count").asLong());
        assertEquals(sum / 5500, o.get("mean").asDouble(), 1e-9);
        Run all = run(dir(), "--structure", rs + ":all", "--json");
        assertEquals(0, all.status(), all.err());
        List<String> lines = all.out().lines().toList();
        assertEquals(2, lines.size());
        JsonNode cord = M.readTree(lines.get(1));
        assertEquals("Cord", cord.get("roiName").asText());
        assertEquals(100, cord.get("count").asLong());
        assertEquals(cordSum / 100, cord.get("mean").asDouble(), 1e-9);
        // two structures: which one must be said; another Frame of Reference: not on this series
        assertEquals(2, run(dir(), "--structure", rs.toString()).status());
        Path elsewhere = tmp.resolve("elsewhere.dcm");
        RtStructWriter.write(elsewhere, "1.2.826.0.1.3680043.10.543.99", "1.2.3", List.of(
                new RtStructWriter.Roi(1, "GTV", null, List.of(rectangle(v, 0, 0, 10, 10, 10)))));
        Run other = run(dir(), "--structure", elsewhere.toString());
        assertEquals(1, other.status());
        assertTrue(other.err().contains("no series the structure set lies on"), other.err());
    }

    /** A closed rectangle through voxel coordinates (x0, y0)-(x1, y1) of slice z, in patient mm. */
    private static RtStructWriter.Contour rectangle(Volume v, double x0, double y0, double x1, double y1, int z) {
        return new RtStructWriter.Contour("CLOSED_PLANAR", List.of(v.toPatient(x0, y0, z), v.toPatient(x1, y0, z),
                v.toPatient(x1, y1, z), v.toPatient(x0, y1, z)));
    }

    @Test
    void ellipseStatisticsEqualBruteForceAndTheEngine() throws Exception {
        Volume v = RealCt.volume();
        int cx = 280;
        int cy = 300;
        int z = 50;
        double ru = 5.3;
        double rv = 7.9;
        double[] bf = RealCt.axialEllipse(v, cx, cy, z, RealCt.SPACING[0], RealCt.SPACING[1], ru, rv);
        String centre = f(RealCt.ORIGIN[0] + cx * RealCt.SPACING[0]) + "," + f(RealCt.ORIGIN[1] + cy * RealCt.SPACING[1])
                + "," + f(RealCt.ORIGIN[2] + z * RealCt.SPACING[2]);
        Run run = run(dir(), "--ellipse", centre + "," + ru + "," + rv, "--normal", "0,0,1", "--step",
                Double.toString(RealCt.SPACING[0]), "--json");
        assertEquals(0, run.status(), run.err());
        JsonNode o = M.readTree(run.out());
        assertEquals("ellipse", o.get("shape").asText());
        assertEquals((long) bf[1], o.get("count").asLong());
        assertEquals(bf[0] / bf[1], o.get("mean").asDouble(), 1e-6);
        assertEquals(Math.PI * ru * rv, o.get("areaMm2").asDouble(), 1e-9);
        // plain text output too
        Run text = run(dir(), "--ellipse", centre + "," + ru + "," + rv);
        assertEquals(0, text.status(), text.err());
        assertTrue(text.out().contains("ellipse ROI") && text.out().contains("mean") && text.out().contains("HU"), text.out());
    }

    @Test
    void polygonOnTheCommandLine() throws Exception {
        Volume v = RealCt.volume();
        // a 7 x 7 voxel square on slice 40, edges half a voxel outside the centres it holds; its vertex
        // mean is the centre of voxel (203, 253), so samples at the pixel spacing are those 49 voxel centres
        double z = RealCt.ORIGIN[2] + 40 * RealCt.SPACING[2];
        double x0 = RealCt.ORIGIN[0] + 199.5 * RealCt.SPACING[0];
        double x1 = RealCt.ORIGIN[0] + 206.5 * RealCt.SPACING[0];
        double y0 = RealCt.ORIGIN[1] + 249.5 * RealCt.SPACING[1];
        double y1 = RealCt.ORIGIN[1] + 256.5 * RealCt.SPACING[1];
        double sum = 0;
        for (int y = 250; y <= 256; y++) {
            for (int x = 200; x <= 206; x++) {
                sum += v.value(x, y, 40);
            }
        }
        String poly = f(x0) + "," + f(y0) + "," + f(z) + ";" + f(x1) + "," + f(y0) + "," + f(z) + ";" + f(x1) + ","
                + f(y1) + "," + f(z) + ";" + f(x0) + "," + f(y1) + "," + f(z);
        Run run = run(dir(), "--polygon", poly, "--json", "--step", Double.toString(RealCt.SPACING[0]));
        assertEquals(0, run.status(), run.err());
        JsonNode o = M.readTree(run.out());
        assertEquals("polygon", o.get("shape").asText());
        assertEquals(49 * RealCt.SPACING[0] * RealCt.SPACING[1], o.get("areaMm2").asDouble(), 1e-6);
        assertEquals(49, o.get("count").asLong());
        assertEquals(sum / 49, o.get("mean").asDouble(), 1e-6);
    }

    @Test
    void exitCodes(@TempDir Path tmp) throws Exception {
        Run missing = run(tmp.resolve("nope").toString(), "--sphere", "0,0,0,5");
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("no such file"), missing.err());
        Path junk = Files.createDirectories(tmp.resolve("junk"));
        Files.writeString(junk.resolve("a.txt"), "not DICOM");
        Run unreadable = run(junk.toString(), "--sphere", "0,0,0,5");
        assertEquals(1, unreadable.status());
        assertTrue(unreadable.err().contains("no image series"), unreadable.err());

        assertEquals(2, run(dir(), "--sphere", "0,0,0,5", "--ellipse", "0,0,0,1,1").status(), "two shapes");
        assertEquals(2, run(dir()).status(), "no shape");
        Run bad = run(dir(), "--sphere", "0,0,zero,5");
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("not a number"), bad.err());
        assertEquals(2, run(dir(), "--sphere", "0,0,0").status(), "three numbers");
        assertEquals(2, run(dir(), "--sphere", "0,0,0,-5").status(), "negative radius");
        assertEquals(2, run(dir(), "--sphere", "0,0,0,5", "--normal", "0,0,1").status(), "normal without ellipse");
        assertEquals(2, run(dir(), "--polygon", "0,0,0;1,0,0;2,0,0").status(), "collinear");
        assertEquals(2, run(dir(), "--polygon", "0,0,0;10,0,0;10,10,0;0,10,3").status(), "not coplanar");
        assertEquals(2, run(dir(), "--ellipse", "0,0,0,1,1", "--step", "0").status(), "step");
    }

    /**
     * A colour ultrasound (OBXXXX1A, 800x600 palette, 0.026228787661969974 cm a pixel by its regions)
     * is measured on its luma, as in the viewer: a 10-pixel disc about (420, 120) holds the 317 pixel
     * centres within 10 pixels, and its mean is their BT.601 luma from dcmtk's RGB.
     */
    @Test
    void colourImagesAreMeasuredOnTheirLuma(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        java.nio.file.Path file = SharedData.file("syntaxes/pydicom-data/OBXXXX1A.dcm");
        java.nio.file.Path dcm2pnm = org.clain.testdata.ExternalTool.find("dcm2pnm").orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(dcm2pnm != null, "dcmtk's dcm2pnm is not installed");
        int[] rgb = org.clain.testdata.Ppm.dcm2pnm(dcm2pnm, file, 0, tmp, 800, 600);
        double mm = 0.26228787661969974;
        Run run = run(file.toString(), "--sphere", f(420 * mm) + "," + f(120 * mm) + ",0," + f(10 * mm + 1e-6),
                "--json");
        assertEquals(0, run.status(), run.err());
        JsonNode o = M.readTree(run.out());
        int count = 0;
        double sum = 0;
        for (int y = 110; y <= 130; y++) {
            for (int x = 410; x <= 430; x++) {
                if ((x - 420) * (x - 420) + (y - 120) * (y - 120) <= 100) {
                    int c = rgb[y * 800 + x];
                    sum += 0.299 * (c >> 16 & 0xFF) + 0.587 * (c >> 8 & 0xFF) + 0.114 * (c & 0xFF);
                    count++;
                }
            }
        }
        assertEquals(317, count);
        assertEquals(count, o.get("count").asInt());
        assertEquals(sum / count, o.get("mean").asDouble(), 0.5);
        assertTrue(o.get("sd").asDouble() > 0, "a disc across structure, not a flat background");
    }
}
