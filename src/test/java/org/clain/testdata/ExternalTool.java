package org.clain.testdata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Third-party validators on the PATH (dcmtk's dcmdump, dicom3tools' dciodvfy): found or not,
 * and run with their output captured. Tests skip (assumption) only where the tool is absent.
 */
public final class ExternalTool {
    public record Result(int exitCode, String stdout, String stderr) {
        public String all() {
            return stdout + stderr;
        }

        /** Lines that start with one of the prefixes (e.g. "E:" for dcmtk, "Error" for dicom3tools). */
        public List<String> linesStartingWith(String... prefixes) {
            List<String> out = new ArrayList<>();
            for (String line : all().split("\\R")) {
                for (String p : prefixes) {
                    if (line.trim().startsWith(p)) {
                        out.add(line.trim());
                    }
                }
            }
            return out;
        }
    }

    private ExternalTool() {
    }

    public static Optional<Path> find(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public static Result run(List<String> command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("clain-tool", ".out");
        Path err = Files.createTempFile("clain-tool", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("timed out: " + command);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.ISO_8859_1),
                    Files.readString(err, StandardCharsets.ISO_8859_1));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
