package org.clain.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.clain.study.phantom.CtPhantom;
import org.clain.study.phantom.PhantomTruth;
import org.clain.study.phantom.Preset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "phantom", mixinStandardHelpOptions = true,
        description = "Write a synthetic CT series with a ground-truth file (phantom-truth.json) next to it.")
public final class PhantomCommand implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output folder (created; must be empty or absent)")
    Path out;

    @Option(names = "--preset", defaultValue = "abdomen", description = "abdomen, chest or spine (default abdomen)")
    String preset;

    @Option(names = "--seed", defaultValue = "42", description = "noise and UID seed: the same seed gives the same files")
    long seed;

    @Option(names = "--size", defaultValue = "256", description = "matrix (same field of view; 512 halves the pixel size)")
    int size;

    @Option(names = "--slices", description = "number of slices (default: the preset's)")
    Integer slices;

    @Option(names = "--oblique", description = "planes tilted 15 degrees about the left-right axis")
    boolean oblique;

    @Override
    public Integer call() throws IOException {
        Preset p;
        try {
            p = Preset.parse(preset);
        } catch (IllegalArgumentException e) {
            System.err.println("clain phantom: " + e.getMessage());
            return 2;
        }
        if (size < 16 || size > 1024) {
            System.err.println("clain phantom: --size must be 16..1024");
            return 2;
        }
        if (Files.isDirectory(out)) {
            try (var s = Files.list(out)) {
                if (s.findAny().isPresent()) {
                    System.err.println("clain phantom: " + out + " is not empty; Clain does not overwrite folders");
                    return 1;
                }
            }
        }
        CtPhantom.Options o = CtPhantom.Options.defaults(p, seed);
        if (size != o.size()) {
            o = o.withMatrix(size);
        }
        if (slices != null) {
            o = o.withSlices(slices);
        }
        if (oblique) {
            o = o.oblique();
        }
        PhantomTruth truth = CtPhantom.write(out, o);
        System.out.printf("%s phantom: %d slices %dx%d written to %s (truth: %s)%n", p.id().toLowerCase(),
                truth.geometry().slices(), truth.geometry().columns(), truth.geometry().rows(), out,
                out.resolve("phantom-truth.json"));
        return 0;
    }
}
