package org.clain.study;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.clain.dicom.DicomException;
import org.clain.dicom.DicomFile;
import org.clain.dicom.DicomReader;
import org.clain.testdata.Fuzzing;
import org.clain.testdata.Fuzzing.Allocation;
import org.clain.testdata.Scratch;
import org.junit.jupiter.api.Timeout;

/**
 * DICOMDIR parsing: {@link DicomReader#read(Path, byte[])} of a DICOMDIR, then
 * {@link DicomDir#referencedFiles(DicomFile, List)} against a folder holding a few files (upper
 * and lower case, a subfolder, a sibling outside it). Beyond the reader's findings: a referenced
 * path outside the DICOMDIR's folder, a returned path that is not a regular file, or a skipped
 * record without a reason. Seeds: the DICOMDIRs of the shared corpus (tools/fuzz-seeds.py).
 */
class DicomDirFuzzTest {
    private static final Path ROOT;
    private static final Path MEDIA;
    private static final Path FILE;

    static {
        try {
            ROOT = Scratch.directory("clain-dicomdir-fuzz");
            MEDIA = ROOT.resolve("media");
            Files.createDirectories(MEDIA.resolve("PT000000").resolve("ST000000"));
            Files.writeString(MEDIA.resolve("PT000000").resolve("ST000000").resolve("IM000000"), "x");
            Files.writeString(MEDIA.resolve("im000001"), "x");
            Files.writeString(MEDIA.resolve("IM000002"), "x");
            Files.writeString(ROOT.resolve("OUTSIDE"), "x"); // must never be returned
            FILE = MEDIA.resolve("DICOMDIR");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Stream<Path> s = Files.walk(ROOT)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temp folder left behind
            }
        }));
        Fuzzing.warmUp(DicomDirFuzzTest.class, DicomDirFuzzTest::parse);
    }

    @FuzzTest(maxDuration = Fuzzing.MAX_DURATION)
    @Timeout(Fuzzing.TIMEOUT_S)
    void referencedFiles(byte[] input) {
        parse(input);
    }

    static void parse(byte[] input) {
        Allocation alloc = Allocation.start((4 << 20) + 256L * input.length);
        DicomFile f;
        try {
            f = DicomReader.read(FILE, input);
        } catch (DicomException e) {
            Fuzzing.checkClean(e, FILE);
            return;
        }
        List<Skipped> skipped = new ArrayList<>();
        List<Path> files = DicomDir.referencedFiles(f, skipped);
        Path base = MEDIA.toAbsolutePath().normalize();
        for (Path p : files) {
            if (!p.toAbsolutePath().normalize().startsWith(base)) {
                throw new AssertionError("DICOMDIR reference leaves its folder: " + p);
            }
            if (!Files.isRegularFile(p)) {
                throw new AssertionError("DICOMDIR reference is not a regular file: " + p);
            }
        }
        for (Skipped s : skipped) {
            if (s.reason() == null || !s.reason().contains(s.path().toString()) || !s.reason().contains("DICOMDIR")) {
                throw new AssertionError("skipped record without a clear reason: " + s);
            }
        }
        alloc.check("DICOMDIR");
    }
}
