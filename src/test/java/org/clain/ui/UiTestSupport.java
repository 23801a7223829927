package org.clain.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.clain.testdata.Scratch;
import org.clain.testdata.SharedData;
import org.testfx.util.WaitForAsyncUtils;

/** Shared helpers of the TestFX tests: data paths, FX-thread calls, waits, snapshots. */
final class UiTestSupport {
    static final Path CT = SharedData.file("real-ct/pancreatic-ct-cbct-seg_CB001_abdomen_implicitLE");
    static final Path MR = SharedData.file("real-mr/brain-tumor-progression_PGBM-001_T1post");
    static final Path BROKEN = SharedData.file("broken");

    static {
        // never touch the real user's settings from a test
        System.setProperty("clain.config.dir", Scratch.directory("clain-ui-test-config").toString());
        // nor their annotations (the viewer loads a study's annotations when it opens)
        System.setProperty("clain.data.dir", Scratch.directory("clain-ui-test-data").toString());
    }

    private UiTestSupport() {
    }

    static void init() {
        // loads the class (static initialiser above)
    }

    /** Runs on the FX thread and returns the result. */
    static <T> T fx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX call failed", e);
        }
    }

    static void fxRun(Runnable r) {
        fx(() -> {
            r.run();
            return null;
        });
    }

    /** Waits (polling on the FX thread) until the condition holds. */
    static void waitUntil(String what, int seconds, Callable<Boolean> condition) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (Boolean.TRUE.equals(fx(condition))) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("timed out after " + seconds + " s waiting for " + what);
    }

    /** Opens paths the way the menus and the command line do, and waits for every viewport's volume (or colour frames). */
    static void openAndWait(MainWindow mw, Path... paths) {
        fxRun(() -> mw.open(java.util.List.of(paths)));
        waitUntil("the scan", 120, () -> mw.index() != null && !mw.busy()
                && mw.visibleViewports().stream().allMatch(v -> v.series() == null || v.isLoaded()
                || v.error() != null));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** What is on screen in a node (after zoom, pan and overlays). */
    static WritableImage snapshot(Node n) {
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> n.snapshot(null, null));
    }

    static int grey(Image img, int x, int y) {
        PixelReader r = img.getPixelReader();
        int argb = r.getArgb(x, y);
        return ((argb >> 16 & 0xFF) + (argb >> 8 & 0xFF) + (argb & 0xFF)) / 3;
    }

    /** The standard's linear window (PS3.3 C.11.2.1.2.1) for 8-bit output, written out independently. */
    static int expectedGrey(double x, double c, double w) {
        if (x <= c - 0.5 - (w - 1) / 2) {
            return 0;
        }
        if (x > c - 0.5 + (w - 1) / 2) {
            return 255;
        }
        return (int) Math.round(((x - (c - 0.5)) / (w - 1) + 0.5) * 255);
    }

    static Path screenshots() {
        Path dir = Path.of(System.getProperty("clain.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** A main window of the given size at the screen's corner, for screenshot tests. */
    static MainWindow showMainWindow(javafx.stage.Stage stage, int width, int height) {
        UserConfig c = new UserConfig();
        c.windowWidth = width;
        c.windowHeight = height;
        MainWindow mw = new MainWindow(stage, c);
        stage.setX(0);
        stage.setY(0);
        stage.show();
        return mw;
    }

    /** The whole window, once the FX queue is idle, saved under the screenshots folder. */
    static Path shotOfWindow(javafx.stage.Stage stage, String name) {
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.image.WritableImage img = fx(() -> stage.getScene().getRoot().snapshot(null, null));
        Path p = save(img, name);
        org.junit.jupiter.api.Assertions.assertTrue(java.nio.file.Files.isRegularFile(p));
        return p;
    }

    static Path save(Image img, String name) {
        Path out = screenshots().resolve(name);
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Turns the mouse wheel {@code notches} times toward the user ("wheel down", JavaFX deltaY < 0
     * on real platforms) or away from the user. Monocle headless delivers TestFX's
     * VerticalDirection.DOWN as deltaY > 0 (TestFX issue #658, TestFX/Monocle pull request #95), so
     * the direction is chosen per platform and the delivered sign is checked, so a fixed Monocle
     * fails here loudly instead of testing the wrong direction.
     */
    static void wheel(org.testfx.api.FxRobot robot, javafx.scene.Node over, int notches, boolean towardUser) {
        boolean monocle = "Monocle".equalsIgnoreCase(System.getProperty("glass.platform"));
        javafx.geometry.VerticalDirection dir = towardUser ^ monocle ? javafx.geometry.VerticalDirection.DOWN
                : javafx.geometry.VerticalDirection.UP;
        java.util.List<Double> deltas = new java.util.concurrent.CopyOnWriteArrayList<>();
        javafx.event.EventHandler<javafx.scene.input.ScrollEvent> probe = e -> deltas.add(e.getDeltaY());
        fxRun(() -> over.addEventFilter(javafx.scene.input.ScrollEvent.SCROLL, probe));
        try {
            robot.scroll(notches, dir);
            WaitForAsyncUtils.waitForFxEvents();
        } finally {
            fxRun(() -> over.removeEventFilter(javafx.scene.input.ScrollEvent.SCROLL, probe));
        }
        if (deltas.size() != notches) {
            throw new AssertionError("expected " + notches + " wheel events, got " + deltas);
        }
        for (double d : deltas) {
            if (towardUser ? d >= 0 : d <= 0) {
                throw new AssertionError("wheel " + (towardUser ? "toward" : "away from")
                        + " the user delivered deltaY " + d + " (platform " + System.getProperty("glass.platform")
                        + "): fix UiTestSupport.wheel");
            }
        }
    }

    static boolean onFx() {
        return Platform.isFxApplicationThread();
    }
}
