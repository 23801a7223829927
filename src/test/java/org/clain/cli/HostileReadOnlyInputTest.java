package org.clain.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.clain.study.Scanner;
import org.clain.study.SliceStack;
import org.clain.study.StudyIndex;
import org.clain.study.VolumeLoader;
import org.clain.testdata.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clain never writes to its input files or folders: a copy of a shared series (with a broken file
 * and a DICOMDIR beside it) is scanned, loaded as a volume and run through `clain info`, `pixels`,
 * `volume` and `export --out` (to another folder), and the input tree must be byte for byte what
 * it was: the same paths (files and folders, hidden ones included), the same sizes, SHA-256 and
 * modification times.
 */
class HostileReadOnlyInputTest {

    @Test
    void noCommandWritesIntoTheInputTree(@TempDir Path tmp) throws Exception {
        Path input = Files.createDirectories(tmp.resolve("input"));
        Path series = Files.createDirectories(input.resolve("T1post"));
        Path src = SharedData.file("real-mr/brain-tumor-progression_PGBM-001_T1post");
        try (Stream<Path> s = Files.list(src)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList()) {
                Files.copy(p, series.resolve(p.getFileName()));
            }
        }
        Files.copy(SharedData.file("broken/pydicom-test_files/MR_truncated.dcm"), input.resolve("MR_truncated.dcm"));
        Files.copy(SharedData.file("syntaxes/dicomdir-pydicom/DICOMDIR"), input.resolve("DICOMDIR"));
        Path out = tmp.resolve("png");
        Map<String, String> before = snapshot(input);
        assertTrue(before.size() > 25, before.keySet().toString());

        StudyIndex index = Scanner.scan(List.of(input));
        SliceStack stack = index.series().stream().filter(s -> s.description().equals("T1post")).findFirst()
                .orElseThrow().stacks().get(0);
        assertEquals(24, VolumeLoader.load(stack).nz());
        List<String> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(series)) {
            s.sorted().limit(3).forEach(p -> files.add(p.toString()));
        }
        files.add(input.resolve("MR_truncated.dcm").toString());
        assertEquals(0, run("info", input.toString()));
        assertEquals(0, run("info", input.toString(), "--json"));
        assertEquals(1, run(concat("pixels", files)), "the truncated file is reported, the others decoded");
        assertEquals(0, run("volume", series.toString(), "--json"));
        assertEquals(0, run("export", input.toString(), "--out", out.toString()));
        assertEquals(0, run("export", series.toString(), "--out", out.toString(), "--window", "300,600"));
        try (Stream<Path> s = Files.list(out)) {
            assertTrue(s.count() >= 24, "the PNGs went to --out");
        }

        assertEquals(before, snapshot(input), "the input tree is unchanged");
    }

    private static String[] concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all.toArray(String[]::new);
    }

    private static synchronized int run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true));
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true));
            return ClainCommand.execute(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    /** Every path under root (folders too) to its type, size, modification time and SHA-256. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.toList()) {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String key = root.relativize(p).toString();
                if (a.isDirectory()) {
                    m.put(key + "/", "dir " + a.lastModifiedTime());
                } else {
                    m.put(key, a.size() + " " + a.lastModifiedTime() + " " + sha256(Files.readAllBytes(p)));
                }
            }
        }
        return m;
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
