package org.clain.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.clain.dicom.imageio.DicomImages;
import org.clain.study.Scanner;
import org.clain.study.Skipped;
import org.clain.study.StudyIndex;
import org.clain.testdata.Fuzzing;
import org.clain.testdata.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under broken/ is read tolerantly (decoding and rendering all its frames) or rejected
 * with a DicomException naming the file, the byte offset where there is one, and the reason; never
 * another exception, an internal error caught by a safety net, a hang or an out-of-memory. The
 * Scanner goes through the whole folder.
 */
class BrokenCorpusTest {

    static Stream<Path> brokenFiles() throws IOException {
        return Files.walk(SharedData.file("broken")).filter(Files::isRegularFile)
                .filter(p -> !p.getFileName().toString().endsWith(".md")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void readsTolerantlyOrFailsClearly(Path file) {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try {
                DicomFile f = DicomReader.read(file);
                if (f.dataset().contains(Tag.PixelData)) {
                    PixelDecoder px = PixelDecoder.of(f);
                    for (int i = 0; i < px.frames(); i++) {
                        px.frame(i);
                        DicomImages.render(f, i, null, null);
                    }
                }
            } catch (DicomException e) {
                assertTrue(e.getMessage().contains(file.getFileName().toString()), "names the file: " + e.getMessage());
                assertTrue(e.reason() != null && !e.reason().isBlank());
                assertTrue(e.offset() < 0 || e.getMessage().contains("at byte " + e.offset() + ": "), e.getMessage());
                Fuzzing.checkClean(e, file); // no RuntimeException of Clain's nor an Error behind it
            } catch (Throwable t) {
                fail(file + ": " + t, t);
            }
        });
    }

    @Test
    void theScannerReadsOrSkipsEveryFileAndGoesOn() throws IOException {
        List<Path> all;
        try (Stream<Path> s = brokenFiles()) {
            all = s.toList();
        }
        StudyIndex index = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> Scanner.scan(List.of(SharedData.file("broken"))));
        assertEquals(all.size(), index.instances().size() + index.skipped().size(),
                "every file read or skipped: " + index.skipped());
        for (Skipped s : index.skipped()) {
            assertTrue(s.reason().startsWith(s.path() + ": "), s.reason());
            assertFalse(s.reason().contains("unexpected error"), s.reason());
        }
    }
}
