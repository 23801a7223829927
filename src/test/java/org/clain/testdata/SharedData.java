package org.clain.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shared third-party DICOM corpus ({@code ../shared/data/dicom}) and its oracle
 * tables REFERENCE.tsv / SERIES.tsv, computed by pydicom, dcmtk and GDCM.
 */
public final class SharedData {
    private static final Path ROOT = Paths.get(System.getProperty("clain.shared.data", "../shared/data/dicom"))
            .toAbsolutePath().normalize();
    private static List<Map<String, String>> reference;
    private static List<Map<String, String>> series;

    private SharedData() {
    }

    public static Path root() {
        return ROOT;
    }

    public static Path file(String relative) {
        return ROOT.resolve(relative);
    }

    /** Every row of REFERENCE.tsv, column name to value. */
    public static synchronized List<Map<String, String>> reference() {
        if (reference == null) {
            reference = readTsv(ROOT.resolve("REFERENCE.tsv"));
        }
        return reference;
    }

    public static synchronized List<Map<String, String>> series() {
        if (series == null) {
            series = readTsv(ROOT.resolve("SERIES.tsv"));
        }
        return series;
    }

    public static Optional<Map<String, String>> referenceRow(String relativePath) {
        return reference().stream().filter(r -> r.get("path").equals(relativePath)).findFirst();
    }

    /** True where two or more independent decoders produced the same pixels. */
    public static boolean agreedByTwoOrMore(Map<String, String> row) {
        String agree = row.getOrDefault("agree", "");
        return !agree.isEmpty() && !agree.startsWith("single") && !agree.startsWith("MISMATCH") && agree.contains("=");
    }

    private static List<Map<String, String>> readTsv(Path tsv) {
        try {
            List<String> lines = Files.readAllLines(tsv);
            String[] header = lines.get(0).split("\t", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], i < cells.length ? cells[i] : "");
                }
                rows.add(row);
            }
            return Collections.unmodifiableList(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("shared DICOM corpus not found at " + ROOT, e);
        }
    }
}
