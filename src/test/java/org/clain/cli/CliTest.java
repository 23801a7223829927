package org.clain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.clain.geom.Vec3;
import org.clain.testdata.RtStructWriter;
import org.clain.testdata.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI contract other tools rely on: JSON fields, exit codes, messages. */
class CliTest {
    private static final ObjectMapper M = new ObjectMapper();

    private record Run(int status, String out, String err) {
    }

    private static synchronized Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true));
            System.setErr(new PrintStream(err, true));
            int status = ClainCommand.execute(args);
            return new Run(status, out.toString(), err.toString());
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** liver.dcm's one segment: pydicom counts 107098 set pixels of 0.810547 mm in frames 1 mm apart. */
    @Test
    void infoListsSegmentsWithTheirVolume() throws Exception {
        Run r = run("info", SharedData.file("syntaxes/pydicom-data/liver.dcm").toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode seg = M.readTree(r.out()).get("series").get(0).get("segments").get(0);
        assertEquals("Liver", seg.get("label").asText());
        assertEquals(107098 * 0.810547 * 0.810547 / 1000, seg.get("volumeMl").asDouble(), 1e-9);
        Run text = run("info", SharedData.file("syntaxes/pydicom-data/liver.dcm").toString());
        assertTrue(text.out().contains("segment 1 Liver: 70.36 ml"), text.out());
    }

    /** An RT Structure Set: a 20 mm square on three planes 3 mm apart is 3.6 ml; an open line has no volume. */
    @Test
    void infoListsStructures(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("rs.dcm");
        RtStructWriter.write(file, "1.2.826.0.1.3680043.10.543.92", "1.2.826.0.1.3680043.10.543.93", List.of(
                new RtStructWriter.Roi(1, "GTV", null, List.of(RtStructWriter.square(0, 0, 0, 20),
                        RtStructWriter.square(0, 0, 3, 20), RtStructWriter.square(0, 0, 6, 20))),
                new RtStructWriter.Roi(2, "Needle", null, List.of(new RtStructWriter.Contour("OPEN_PLANAR",
                        List.of(new Vec3(0, 0, 0), new Vec3(0, 0, 50)))))));
        Run r = run("info", file.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode set = M.readTree(r.out()).get("structureSets").get(0);
        assertEquals("1.2.826.0.1.3680043.10.543.92", set.get("frameOfReferenceUid").asText());
        assertEquals(3.6, set.get("structures").get(0).get("volumeMl").asDouble(), 1e-12);
        assertTrue(set.get("structures").get(1).get("volumeMl").isNull());
        assertTrue(run("info", file.toString()).out().contains("ROI 1 GTV: 3.60 ml"));
    }

    /** The pydicom presentation state of tools/gsps-fixture.py: its label, rotation and each image's window. */
    @Test
    void infoListsPresentationStates() throws Exception {
        String file = "src/test/resources/org/clain/study/gsps-abdomen.dcm";
        Run r = run("info", file, "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode ps = M.readTree(r.out()).get("presentationStates").get(0);
        assertEquals("LESION", ps.get("label").asText());
        assertEquals(90, ps.get("rotation").asInt());
        assertEquals(2, ps.get("images").size());
        assertEquals(-600, ps.get("images").get(1).get("window").get(0).asDouble());
        assertEquals(1500, ps.get("images").get(1).get("window").get(1).asDouble());
        assertTrue(run("info", file).out().contains(": LESION (Liver lesion, lung window on the next image), 2 images,"
                + " 6 annotations"));
    }

    /** A structured report: its title, flags and content, an indented line an item. */
    @Test
    void infoListsReports(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("report.dcm");
        org.clain.testdata.SrWriter.write(file);
        Run r = run("info", file.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode sr = M.readTree(r.out()).get("reports").get(0);
        assertEquals("Diagnostic imaging report", sr.get("title").asText());
        assertEquals("COMPLETE UNVERIFIED", sr.get("status").asText());
        assertEquals(3, sr.get("items").asInt());
        assertEquals("  CONTAINS NUM Length = 23.5 mm", sr.get("content").get(2).asText());
        assertTrue(run("info", file.toString()).out().contains(": Diagnostic imaging report, 3 content items"));
    }

    @Test
    void infoReportsSeriesGeometryAndSkippedFiles() throws Exception {
        Path mr = SharedData.file("real-mr/brain-tumor-progression_PGBM-001_T1post");
        Path broken = SharedData.file("broken/pydicom-test_files");
        Run r = run("info", mr.toString(), broken.toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode root = M.readTree(r.out());
        JsonNode t1 = null;
        for (JsonNode s : root.get("series")) {
            if (s.get("description").asText().equals("T1post")) {
                t1 = s;
            }
        }
        assertEquals(24, t1.get("slices").asInt());
        assertEquals(6.5, t1.get("sliceSpacing").asDouble(), 1e-4);
        assertTrue(t1.get("uniformSpacing").asBoolean());
        assertEquals(0.998081, t1.get("orientation").get(0).asDouble(), 1e-6);
        assertEquals(-83.300318105973, t1.get("origin").get(0).asDouble(), 1e-6);
        boolean zip = false;
        for (JsonNode s : root.get("skipped")) {
            assertFalse(s.get("reason").asText().isBlank());
            zip |= s.get("path").asText().endsWith("zipMR.gz");
        }
        assertTrue(zip, "the gzip file is listed as skipped with its reason");
        for (JsonNode i : root.get("instances")) {
            assertTrue(i.has("transferSyntaxUid") && i.has("photometric") && i.has("status"));
        }
    }

    @Test
    void pixelsMatchesReferenceForAFile() throws Exception {
        String rel = "syntaxes/pydicom-test_files/CT_small.dcm";
        Map<String, String> ref = SharedData.referenceRow(rel).orElseThrow();
        Run r = run("pixels", SharedData.file(rel).toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode o = M.readTree(r.out().lines().findFirst().orElseThrow());
        assertEquals(ref.get("sha256"), o.get("sha256").asText());
        assertEquals(Double.parseDouble(ref.get("min")), o.get("min").asDouble());
        assertEquals(Double.parseDouble(ref.get("max")), o.get("max").asDouble());
        assertEquals(Double.parseDouble(ref.get("mean")), o.get("mean").asDouble(), 1e-6);
        assertEquals(ref.get("decoded_dtype"), o.get("dtype").asText());
    }

    @Test
    void unreadableInputExitsOneWithTheReason(@TempDir Path dir) throws Exception {
        Path junk = dir.resolve("junk.dcm");
        Files.writeString(junk, "not dicom, only a few words of text to fail on");
        Run r = run("pixels", junk.toString(), "--json");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("junk.dcm"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        JsonNode o = M.readTree(r.out().trim());
        assertTrue(o.get("error").asText().contains("junk.dcm"));
        assertEquals(1, run("info", dir.resolve("missing").toString()).status());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("info").status());
        assertEquals(2, run("pixels", "--no-such-option", "x").status());
    }

    @Test
    void volumeMatchesSeriesTable() throws Exception {
        Map<String, String> row = SharedData.series().stream()
                .filter(s -> s.get("series_dir").startsWith("real-mr")).findFirst().orElseThrow();
        Run r = run("volume", SharedData.file(row.get("series_dir")).toString(), "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode o = M.readTree(r.out());
        assertEquals(row.get("volume_sha256(sorted ascending along normal, LE native dtype)"), o.get("sha256").asText());
        assertEquals(Double.parseDouble(row.get("stored_mean")), o.get("storedMean").asDouble(), 1e-6);
    }

    @Test
    void exportWritesWindowedPngs(@TempDir Path dir) throws Exception {
        Run r = run("export", SharedData.file("syntaxes/pydicom-test_files/CT_small.dcm").toString(), "--out",
                dir.toString(), "--window", "40,400");
        assertEquals(0, r.status(), r.err());
        var img = javax.imageio.ImageIO.read(dir.resolve("CT_small.png").toFile());
        assertEquals(128, img.getWidth());
        // ImageIO.read(file) reads DICOM through Clain's SPI (pydicom's small test files have TIFF headers as preambles,
        // which a TIFF reader may claim first; a plain preamble is the common case)
        var viaSpi = javax.imageio.ImageIO.read(SharedData.file("real-mr/brain-tumor-progression_PGBM-001_T1post/1-01.dcm").toFile());
        assertEquals(320, viaSpi.getHeight());
    }
}
