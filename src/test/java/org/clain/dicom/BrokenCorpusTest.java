package org.clain.dicom;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.clain.testdata.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file under broken/ is read tolerantly (decoding all its frames) or rejected with a
 * DicomException naming the file; never another exception, a hang or an out-of-memory.
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
                    }
                }
            } catch (DicomException e) {
                assertTrue(e.getMessage().contains(file.getFileName().toString()), "names the file: " + e.getMessage());
                assertTrue(e.reason() != null && !e.reason().isBlank());
            } catch (Throwable t) {
                fail(file + ": " + t, t);
            }
        });
    }
}
