package org.clain.testdata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The abdomen CT of the shared corpus with one file cut short, as an interrupted copy leaves it:
 * links to the 133 intact files and a truncated copy of {@link #DAMAGED}, in a scratch folder.
 */
public final class DamagedSeries {
    public static final String SERIES = "real-ct/pancreatic-ct-cbct-seg_CB001_abdomen_implicitLE";
    public static final String DAMAGED = "1-050.dcm";

    private DamagedSeries() {
    }

    public static Path folder() {
        Path dir = Scratch.directory("clain-damaged");
        try (Stream<Path> files = Files.list(SharedData.file(SERIES))) {
            for (Path f : files.toList()) {
                Path to = dir.resolve(f.getFileName());
                if (f.getFileName().toString().equals(DAMAGED)) {
                    byte[] b = Files.readAllBytes(f);
                    Files.write(to, java.util.Arrays.copyOf(b, b.length / 2));
                } else {
                    Files.createSymbolicLink(to, f.toAbsolutePath());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
