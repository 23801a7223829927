package org.clain;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clain.study.phantom.CtPhantom;
import org.clain.study.phantom.Preset;
import org.clain.ui.ClainApp;

/** Starts the desktop viewer; with no paths, on the bundled abdomen phantom (generated on first use). */
final class Viewer {
    static final Path SAMPLE = Path.of("samples", "abdomen");
    static final long SAMPLE_SEED = 42;

    private Viewer() {
    }

    static void start(List<Path> paths) throws IOException {
        if (paths.isEmpty()) {
            if (!Files.isRegularFile(SAMPLE.resolve("phantom-truth.json"))) {
                System.out.println("Generating the sample abdomen CT phantom into " + SAMPLE + " ...");
                Path tmp = Files.createTempDirectory(SAMPLE.toAbsolutePath().getParent() == null
                        ? Path.of(".") : Files.createDirectories(SAMPLE.toAbsolutePath().getParent()), ".abdomen-");
                CtPhantom.write(tmp, Preset.ABDOMEN, SAMPLE_SEED);
                Files.move(tmp, SAMPLE);
            }
            paths = List.of(SAMPLE);
        }
        ClainApp.launchWith(paths);
    }
}
