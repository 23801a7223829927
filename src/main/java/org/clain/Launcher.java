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
            System.exit(ClainCommand.execute(args));
        }
        List<Path> paths = new ArrayList<>();
        for (String a : args) {
            paths.add(Path.of(a));
        }
        Viewer.start(paths);
    }
}
