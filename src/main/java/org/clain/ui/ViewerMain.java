package org.clain.ui;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** Command-line entry of the viewer: {@code java -cp clain.jar org.clain.ui.ViewerMain [PATH...]}. */
public final class ViewerMain {
    private ViewerMain() {
    }

    public static void main(String[] args) {
        List<Path> paths = new ArrayList<>();
        for (String a : args) {
            paths.add(Paths.get(a));
        }
        ClainApp.launchWith(paths);
    }
}
