package org.clain.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.clain.geom.Vec3;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnnotationPersistenceTest {
    static final String STUDY = "1.2.826.0.1.3680043.9.7433.3.77";

    /** One of every kind, with awkward numbers and text. */
    static MeasurementSet everyKind() {
        String series = "1.2.826.0.1.3680043.9.7433.2.1";
        String frame = SyntheticCt.FRAME;
        Instant t = Instant.parse("2026-03-04T05:06:07.123456789Z");
        MeasurementSet set = new MeasurementSet(STUDY);
        set.add(new Distance(new Meta("d1", "Kidney length", t, series, frame), new Vec3(0.1, -0.2, 1e-7),
                new Vec3(123.456789012345, -98.7654321, 3.3333333333333335)));
        set.add(new Polyline(new Meta("p1", "Ureter, \"left\"", t, series, frame),
                List.of(new Vec3(1, 2, 3), new Vec3(4, 5, 6), new Vec3(7, 8, 10.5))));
        set.add(new Angle(new Meta("a1", "", t, series, frame), new Vec3(10, 0, 0), Vec3.ZERO, new Vec3(0, 0, 7)));
        set.add(new CobbAngle(new Meta("c1", "Scoliosis", t, series, frame), new Vec3(-20, 5, 100),
                new Vec3(20, 5, 110), new Vec3(-20, 9, 20), new Vec3(20, 9, 15)));
        Vec3[] ax = PlanarRoi.axesForNormal(new Vec3(0.3, -0.5, 0.81));
        set.add(PlanarRoi.ellipse(new Meta("r1", "Liver", t, series, frame), new Vec3(1.5, 2.25, -3.125), ax[0], ax[1],
                7.1, 3.3));
        set.add(PlanarRoi.rectangle(new Meta("r2", "Box", t, series, frame), new Vec3(0, 0, 0), new Vec3(1, 0, 0),
                new Vec3(0, 1, 0), 2, 3));
        set.add(PlanarRoi.polygon(new Meta("r3", "Poly", t, series, frame),
                List.of(new Vec3(0, 0, 5), new Vec3(10, 0, 5), new Vec3(10, 10, 5), new Vec3(0, 10, 5))));
        set.add(PlanarRoi.freehand(new Meta("r4", "Free", t, series, frame),
                List.of(new Vec3(0, 0, 5), new Vec3(3, -1, 5), new Vec3(6, 2, 5), new Vec3(2, 7, 5), new Vec3(-1, 3, 5))));
        set.add(EllipsoidRoi.sphere(new Meta("s1", "Lesion", t, series, frame), new Vec3(9, 8, 7), 6.5));
        set.add(new PointProbe(new Meta("q1", "Probe", t, series, frame), new Vec3(1, 1, 1)));
        set.add(new Arrow(new Meta("w1", "", t, series, frame), new Vec3(0, 0, 0), new Vec3(5, 5, 5), "cyst\nwall"));
        set.add(new TextLabel(new Meta("x1", "", t, null, null), new Vec3(1, 2, 3), "=SUM(A1) ünïcödé"));
        return set;
    }

    @Test
    void jsonRoundTripIsEqual() throws IOException {
        MeasurementSet set = everyKind();
        byte[] json = AnnotationJson.toBytes(set);
        MeasurementSet back = AnnotationJson.read(new ByteArrayInputStream(json));
        assertEquals(STUDY, back.studyInstanceUid());
        assertEquals(set.measurements(), back.measurements());
        assertFalse(back.dirty());
        assertFalse(back.canUndo());
        JsonNode root = new ObjectMapper().readTree(json);
        assertEquals(1, root.get("schemaVersion").asInt());
        assertEquals("clain-annotations", root.get("format").asText());
        assertEquals(set.size(), root.get("measurements").size());
        // twice round is still equal (no drift)
        assertArrayEquals(stripSavedAt(json), stripSavedAt(AnnotationJson.toBytes(back)));
    }

    private static byte[] stripSavedAt(byte[] json) {
        return new String(json, StandardCharsets.UTF_8).replaceAll("\"savedAt\" : \"[^\"]*\"", "")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void laterSchemaOrUnknownTypesAreRefusedWithReason() {
        String newer = "{\"format\":\"clain-annotations\",\"schemaVersion\":2,\"studyInstanceUid\":\"1.2\",\"measurements\":[]}";
        IOException e = assertThrows(IOException.class,
                () -> AnnotationJson.read(new ByteArrayInputStream(newer.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
        String unknown = "{\"format\":\"clain-annotations\",\"schemaVersion\":1,\"studyInstanceUid\":\"1.2\",\"measurements\":["
                + "{\"type\":\"hologram\",\"id\":\"h\",\"created\":\"2026-01-01T00:00:00Z\",\"points\":[]}]}";
        e = assertThrows(IOException.class,
                () -> AnnotationJson.read(new ByteArrayInputStream(unknown.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("hologram"), e.getMessage());
        String badPoint = "{\"format\":\"clain-annotations\",\"schemaVersion\":1,\"studyInstanceUid\":\"1.2\",\"measurements\":["
                + "{\"type\":\"distance\",\"id\":\"h\",\"created\":\"2026-01-01T00:00:00Z\",\"points\":[[1,2,3],[1,2]]}]}";
        assertThrows(IOException.class,
                () -> AnnotationJson.read(new ByteArrayInputStream(badPoint.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void storeSavesInTheDataFolderAndReloadsByStudyUid(@TempDir Path tmp) throws IOException {
        Path dicomFolder = Files.createDirectories(tmp.resolve("dicom"));
        Files.write(dicomFolder.resolve("1.dcm"), new byte[] {1, 2, 3});
        AnnotationStore store = new AnnotationStore(tmp.resolve("data/annotations"));
        MeasurementSet set = everyKind();
        assertTrue(store.load(STUDY).isEmpty());
        Path saved = store.save(set);
        assertEquals(tmp.resolve("data/annotations/" + STUDY + ".json"), saved);
        assertFalse(set.dirty());
        MeasurementSet back = store.load(STUDY).orElseThrow();
        assertEquals(set.measurements(), back.measurements());
        // save again after an edit: the file is replaced, nothing else appears
        set.remove("d1");
        store.save(set);
        assertEquals(set.measurements(), store.load(STUDY).orElseThrow().measurements());
        try (Stream<Path> files = Files.list(store.folder())) {
            assertEquals(List.of(saved), files.toList());
        }
        // the DICOM folder is untouched
        try (Stream<Path> files = Files.list(dicomFolder)) {
            assertEquals(List.of(dicomFolder.resolve("1.dcm")), files.toList());
        }
        // export / import anywhere
        Path exported = tmp.resolve("elsewhere/mine.json");
        AnnotationJson.exportTo(exported, set);
        assertEquals(set.measurements(), AnnotationJson.importFrom(exported).measurements());
        // a UID is a file name, nothing else
        assertThrows(IllegalArgumentException.class, () -> store.pathFor("../../etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> store.pathFor("1.2/3"));
        assertTrue(store.delete(STUDY));
        assertTrue(store.load(STUDY).isEmpty());
    }

    /** An output stream that fails after {@code limit} bytes, as a full disk or a crash would. */
    private static final class FailingAfter extends OutputStream {
        private final OutputStream out;
        private long left;

        FailingAfter(OutputStream out, long limit) {
            this.out = out;
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if (left-- <= 0) {
                throw new IOException("simulated failure: disk full");
            }
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            for (int i = 0; i < len; i++) {
                write(b[off + i]);
            }
        }
    }

    @Test
    void atomicWriteNeverLeavesAHalfDocumentNorTemporaryFiles(@TempDir Path tmp) throws IOException {
        AnnotationStore store = new AnnotationStore(tmp.resolve("annotations"));
        MeasurementSet first = everyKind();
        Path file = store.save(first);
        byte[] before = Files.readAllBytes(file);

        MeasurementSet second = everyKind();
        second.remove("r1");
        second.add(new TextLabel(Meta.create("late", null, null), Vec3.ZERO, "new"));
        byte[] full = AnnotationJson.toBytes(second);
        for (long cut : new long[] {0, 1, full.length / 2, full.length - 1}) {
            IOException e = assertThrows(IOException.class,
                    () -> AtomicFiles.write(file, out -> AnnotationJson.write(second, new FailingAfter(out, cut))));
            assertTrue(e.getMessage().contains("simulated"), e.getMessage());
            assertArrayEquals(before, Files.readAllBytes(file), "the old document is intact after a failure at " + cut);
            try (Stream<Path> files = Files.list(file.getParent())) {
                assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
            }
            assertEquals(first.measurements(), store.load(STUDY).orElseThrow().measurements());
        }
        // a failure before the file ever existed leaves no file at all
        Path fresh = tmp.resolve("annotations/1.2.3.json");
        assertThrows(IOException.class, () -> AtomicFiles.write(fresh, out -> {
            out.write("{\"format\"".getBytes(StandardCharsets.UTF_8));
            throw new IOException("simulated crash");
        }));
        assertFalse(Files.exists(fresh));
        // a successful write replaces it whole
        store.save(second);
        assertEquals(second.measurements(), store.load(STUDY).orElseThrow().measurements());
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void dataFoldersPerPlatform() {
        assertEquals(Paths.get("/home/ana/.local/share/clain"),
                DataFolders.userData("Linux", Map.of(), "/home/ana"));
        assertEquals(Paths.get("/data/xdg/clain"),
                DataFolders.userData("Linux", Map.of("XDG_DATA_HOME", "/data/xdg"), "/home/ana"));
        assertEquals(Paths.get("/home/ana/.local/share/clain"),
                DataFolders.userData("Linux", Map.of("XDG_DATA_HOME", "relative/path"), "/home/ana"));
        assertEquals(Paths.get("/Users/ana/Library/Application Support/Clain"),
                DataFolders.userData("Mac OS X", Map.of(), "/Users/ana"));
        assertEquals(Paths.get("C:\\Users\\ana\\AppData\\Roaming", "Clain"),
                DataFolders.userData("Windows 11", Map.of("APPDATA", "C:\\Users\\ana\\AppData\\Roaming"), "C:\\Users\\ana"));
        String old = System.getProperty(DataFolders.PROPERTY);
        try {
            System.setProperty(DataFolders.PROPERTY, "/tmp/clain-test-data");
            assertEquals(Paths.get("/tmp/clain-test-data/annotations"), DataFolders.annotations());
        } finally {
            if (old == null) {
                System.clearProperty(DataFolders.PROPERTY);
            } else {
                System.setProperty(DataFolders.PROPERTY, old);
            }
        }
    }

    @Test
    void csvTableHasOneRowPerMeasurementWithValues() throws IOException {
        SyntheticCt ct = new SyntheticCt(false);
        MeasurementSet set = everyKind();
        Vec3 c = ct.sphereCenterVec();
        set.add(EllipsoidRoi.sphere(new Meta("s2", "In phantom", Instant.EPOCH, "1.2.826.0.1.3680043.9.7433.2.2",
                SyntheticCt.FRAME), c, 5.2));
        StringWriter w = new StringWriter();
        MeasurementCsv.write(set.measurements(), uid -> uid.equals("1.2.826.0.1.3680043.9.7433.2.2") ? ct.volume : null, w);
        List<List<String>> rows = parseCsv(w.toString());
        assertEquals(MeasurementCsv.HEADER, rows.get(0));
        assertEquals(set.size() + 1, rows.size());
        Map<String, Integer> col = new java.util.HashMap<>();
        for (int i = 0; i < rows.get(0).size(); i++) {
            col.put(rows.get(0).get(i), i);
        }
        List<String> d1 = rows.get(1);
        assertEquals("distance", d1.get(col.get("type")));
        Distance dist = (Distance) set.find("d1").orElseThrow();
        assertEquals(dist.lengthMm(), Double.parseDouble(d1.get(col.get("length_mm"))), 1e-4);
        assertEquals("Ureter, \"left\"", rows.get(2).get(col.get("label")));
        List<String> text = rows.get(12);
        assertEquals("'=SUM(A1) ünïcödé", text.get(col.get("text")), "formulas are kept as text");
        List<String> arrow = rows.get(11);
        assertEquals("cyst\nwall", arrow.get(col.get("text")));
        List<String> sphere = rows.get(13);
        RoiResult r = RoiStatistics.ellipsoid(ct.volume, (EllipsoidRoi) set.find("s2").orElseThrow());
        assertEquals(r.mean(), Double.parseDouble(sphere.get(col.get("mean"))), 1e-4);
        assertEquals(r.count(), Long.parseLong(sphere.get(col.get("count"))));
        assertEquals("HU", sphere.get(col.get("unit")));
        assertEquals(r.volumeMm3(), Double.parseDouble(sphere.get(col.get("voxel_volume_mm3"))), 1e-4);
        // the other sphere has no loaded volume: geometry only
        assertEquals("", rows.get(9).get(col.get("mean")));
        assertEquals(4.0 / 3 * Math.PI * Math.pow(6.5, 3), Double.parseDouble(rows.get(9).get(col.get("volume_mm3"))), 1e-4);
    }

    /** A small RFC 4180 reader for the test. */
    static List<List<String>> parseCsv(String s) {
        List<List<String>> rows = new java.util.ArrayList<>();
        List<String> row = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new java.util.ArrayList<>();
                i++;
            } else {
                cell.append(ch);
            }
        }
        return rows;
    }
}
