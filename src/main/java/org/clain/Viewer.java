package org.clain;

import java.nio.file.Path;
import java.util.List;

/** Starts the desktop viewer (org.clain.ui) on the given paths. */
final class Viewer {
    private Viewer() {
    }

    static void start(List<Path> paths) throws Exception {
        Class<?> app = Class.forName("org.clain.ui.ClainApp");
        app.getMethod("launchWith", List.class).invoke(null, paths);
    }
}
