package org.clain;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clain.cli.ClainCommand;

/**
 * `java -jar clain.jar [COMMAND ...]`: a CLI command runs headless; no command (or only paths)
 * starts the viewer. This class is not the JavaFX Application, which keeps JavaFX happy on the
 * class path of a plain jar.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && ClainCommand.isCommand(args[0])) {
            if (needsSurfacelessEgl(args[0])) {
                System.exit(relaunchWithSurfacelessEgl(args));
            }
            System.exit(ClainCommand.execute(args));
        }
        List<Path> paths = new ArrayList<>();
        for (String a : args) {
            paths.add(Path.of(a));
        }
        Viewer.start(paths);
    }

    /**
     * Mesa's EGL finds no platform without an X server unless EGL_PLATFORM=surfaceless is in the
     * environment, which a running JVM cannot set for itself (see docs/DESIGN.md).
     */
    private static boolean needsSurfacelessEgl(String command) {
        return (command.equals("render") || command.equals("mpr")) && System.getenv("DISPLAY") == null
                && System.getenv("EGL_PLATFORM") == null;
    }

    private static int relaunchWithSurfacelessEgl(String[] args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                Launcher.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).inheritIO();
        pb.environment().put("EGL_PLATFORM", "surfaceless");
        return pb.start().waitFor();
    }
}
