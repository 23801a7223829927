package org.clain.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.clain.dicom.DicomException;
import org.clain.dicom.DicomReader;
import org.clain.testdata.DicomBuilder;
import org.clain.testdata.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile files in a folder: the Scanner lists each as skipped with a reason naming the file (and
 * the byte offset where the reader found the problem) and goes on with the next file; DICOMDIR
 * references never leave the DICOMDIR's folder nor block on a FIFO.
 */
class HostileInputTest {
    private static final int SQ_TAG = 0x00081115;

    /** File name to content: each must be rejected by the reader with an offset. */
    static Map<String, byte[]> hostileFiles() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("huge_length.dcm", DicomBuilder.bare().header(0x00091010, "OB", 0x7FFFFFF0L).raw(new byte[64]).bytes());
        DicomBuilder deep = DicomBuilder.part10(DicomBuilder.EXPLICIT_LE);
        for (int i = 0; i < 40; i++) {
            deep.header(SQ_TAG, "SQ", DicomBuilder.UNDEFINED).item(DicomBuilder.UNDEFINED);
        }
        m.put("deep_nesting.dcm", deep.bytes());
        m.put("stray_item.dcm", DicomBuilder.part10(DicomBuilder.EXPLICIT_LE).string(0x00100010, "PN", "X")
                .item(0xFFFEE000, 0x7FFFFFF0L).raw(new byte[16]).bytes());
        m.put("not_an_item.dcm", DicomBuilder.part10(DicomBuilder.EXPLICIT_LE).header(SQ_TAG, "SQ", 16)
                .string(0x00100010, "PN", "Doe^John").bytes());
        m.put("bad_fragment.dcm", DicomBuilder.part10(DicomBuilder.RLE).image(2, 2, 1, 8, 1)
                .header(0x7FE00010, "OB", DicomBuilder.UNDEFINED).item(0).item(0x00100010, 4).raw(new byte[4])
                .bytes());
        return m;
    }

    @Test
    void eachHostileFileIsRejectedWithFileOffsetAndReason(@TempDir Path dir) throws IOException {
        for (Map.Entry<String, byte[]> h : hostileFiles().entrySet()) {
            Path p = dir.resolve(h.getKey());
            Files.write(p, h.getValue());
            DicomException e = org.junit.jupiter.api.Assertions.assertThrows(DicomException.class,
                    () -> DicomReader.read(p), h.getKey());
            org.clain.testdata.Fuzzing.checkClean(e, p);
            assertTrue(e.offset() > 0 && e.offset() <= h.getValue().length, h.getKey() + ": " + e.getMessage());
            assertTrue(e.getMessage().startsWith(p + ": at byte " + e.offset() + ": ") && !e.reason().isBlank(),
                    e.getMessage());
        }
    }

    @Test
    void theScannerGoesOnWithTheNextFile(@TempDir Path dir) throws IOException {
        Path src = SharedData.file("real-mr/brain-tumor-progression_PGBM-001_T1post");
        List<Path> good;
        try (Stream<Path> s = Files.list(src)) {
            good = s.filter(p -> p.toString().endsWith(".dcm")).sorted().limit(6).toList();
        }
        for (Path p : good) {
            Files.copy(p, dir.resolve(p.getFileName()));
        }
        List<String> bad = new ArrayList<>();
        for (Map.Entry<String, byte[]> h : hostileFiles().entrySet()) {
            Files.write(dir.resolve(h.getKey()), h.getValue());
            bad.add(h.getKey());
        }
        Files.write(dir.resolve("empty.dcm"), new byte[0]);
        Files.writeString(dir.resolve("text.dcm"), "not DICOM at all, just text");
        byte[] first = Files.readAllBytes(good.get(0));
        Files.write(dir.resolve("cut.dcm"), java.util.Arrays.copyOf(first, 200)); // inside the meta/dataset
        bad.addAll(List.of("empty.dcm", "text.dcm", "cut.dcm"));

        StudyIndex index = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Scanner.scan(List.of(dir)));
        assertEquals(good.size(), index.series().get(0).stacks().get(0).size(), "every good file indexed");
        for (String name : bad) {
            Path p = dir.resolve(name);
            boolean skipped = index.skipped().stream().anyMatch(s -> s.path().equals(p));
            boolean read = index.instances().stream().anyMatch(i -> i.path().equals(p));
            assertTrue(skipped != read, name + " is either skipped or read, once");
        }
        for (Skipped s : index.skipped()) {
            assertTrue(s.reason().startsWith(s.path().toString() + ": "), "names the file: " + s.reason());
            assertFalse(s.reason().contains("unexpected error"), "no internal error: " + s.reason());
        }
        assertTrue(index.skipped().stream().filter(s -> hostileFiles().containsKey(s.path().getFileName().toString()))
                .allMatch(s -> s.reason().matches(".*: at byte \\d+: .+")), "reader errors give the byte offset");
    }

    /**
     * A DICOMDIR whose records point outside its folder (absolute, '..', a NUL), at a missing file and
     * at a FIFO: none is followed or opened, each is reported, and the scan ends.
     */
    @Test
    void dicomdirReferencesStayInsideTheirFolderAndNeverBlock(@TempDir Path dir) throws Exception {
        Path media = Files.createDirectories(dir.resolve("media"));
        Path src = SharedData.file("real-mr/brain-tumor-progression_PGBM-001_T1post");
        Path goodFile;
        try (Stream<Path> s = Files.list(src)) {
            goodFile = s.filter(p -> p.toString().endsWith(".dcm")).sorted().findFirst().orElseThrow();
        }
        Files.copy(goodFile, media.resolve("IM1"));
        Files.copy(goodFile, dir.resolve("OUTSIDE"));
        boolean fifo = new ProcessBuilder("mkfifo", media.resolve("FIFO").toString()).start().waitFor() == 0;
        String[] ids = {"IM1", "..\\OUTSIDE", dir.resolve("OUTSIDE").toString(), "A\0B", "MISSING", "FIFO"};
        DicomBuilder b = DicomBuilder.part10(DicomBuilder.EXPLICIT_LE)
                .string(0x00020002, "UI", "1.2.840.10008.1.3.10")
                .header(0x00041220, "SQ", DicomBuilder.UNDEFINED);
        for (String id : ids) {
            b.item(DicomBuilder.UNDEFINED).string(0x00041430, "CS", "IMAGE").string(0x00041500, "CS", id).itemEnd();
        }
        Path dicomdir = media.resolve("DICOMDIR");
        Files.write(dicomdir, b.sequenceEnd().bytes());

        List<Skipped> skipped = new ArrayList<>();
        List<Path> files = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> DicomDir.referencedFiles(dicomdir, skipped));
        assertEquals(List.of(media.resolve("IM1").toAbsolutePath().normalize()), files);
        assertEquals(ids.length - 1, skipped.size(), skipped.toString());
        assertTrue(skipped.stream().allMatch(s -> s.reason().contains("DICOMDIR")), skipped.toString());

        StudyIndex index = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Scanner.scan(List.of(dicomdir)));
        assertEquals(1, index.instances().size());
        assertEquals(ids.length - 1, index.skipped().size(), index.skipped().toString());
        assumeTrue(fifo, "mkfifo not available: the FIFO case was not exercised");
        assertTrue(index.skipped().stream().anyMatch(s -> s.reason().contains("FIFO") && s.reason().contains("not a regular file")),
                index.skipped().toString());
    }
}
