package org.clain.ui;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.controlsfx.dialog.ExceptionDialog;

/**
 * The Clain viewer application. Start it with {@link #launchWith(List)} from a plain main class
 * (JavaFX refuses to start an Application subclass as the jar's main class from the class path).
 */
public final class ClainApp extends Application {
    private static final System.Logger LOG = System.getLogger("clain.ui");
    private static volatile List<Path> initialPaths = List.of();
    private MainWindow window;

    /** Launches the viewer and opens {@code paths} (files, folders, DICOMDIRs); blocks until it closes. */
    public static void launchWith(List<Path> paths) {
        initialPaths = List.copyOf(paths);
        Application.launch(ClainApp.class);
    }

    /** The dark reading-room stylesheet. */
    public static String stylesheet() {
        return ClainApp.class.getResource("clain.css").toExternalForm();
    }

    @Override
    public void start(Stage stage) {
        installErrorHandler();
        window = new MainWindow(stage, UserConfig.load());
        stage.show();
        List<Path> paths = new ArrayList<>(initialPaths);
        if (paths.isEmpty() && getParameters() != null) {
            for (String a : getParameters().getRaw()) {
                paths.add(Paths.get(a));
            }
        }
        if (!paths.isEmpty()) {
            window.open(paths);
        }
    }

    public MainWindow window() {
        return window;
    }

    /** An unexpected error is reported, never fatal: the viewer stays open. */
    static void installErrorHandler() {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
            LOG.log(System.Logger.Level.ERROR, "unexpected error in " + t.getName(), e);
            if (Platform.isFxApplicationThread()) {
                showError(e);
            } else {
                Platform.runLater(() -> showError(e));
            }
        });
    }

    private static boolean showing;

    private static void showError(Throwable e) {
        if (showing || Boolean.getBoolean("testfx.headless")) {
            return;
        }
        showing = true;
        try {
            ExceptionDialog d = new ExceptionDialog(e);
            d.setTitle("Clain: unexpected error");
            d.setHeaderText("Something went wrong; the viewer is still running.");
            d.initModality(javafx.stage.Modality.NONE);
            d.setOnHidden(x -> showing = false);
            d.show();
        } catch (RuntimeException again) {
            showing = false;
            LOG.log(System.Logger.Level.ERROR, "could not show the error", again);
        }
    }
}
