package org.clain.ui;

import static org.clain.ui.UiTestSupport.fx;
import static org.clain.ui.UiTestSupport.fxRun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javafx.geometry.Point2D;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.scene.input.MouseButton;
import org.clain.measure.DataFolders;
import org.clain.study.phantom.CtPhantom;
import org.clain.study.phantom.PhantomTruth;
import org.clain.study.phantom.Preset;
import org.clain.testdata.Scratch;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Helpers of the measurement UI tests: the phantom, a private data folder, exact pixel clicks. */
final class MeasureUiSupport {
    private static Path phantom;
    private static PhantomTruth truth;

    private MeasureUiSupport() {
    }

    /** The abdomen phantom (seed 42), written once per test run into a temporary folder. */
    static synchronized Path phantom() {
        if (phantom == null) {
            try {
                Path dir = Scratch.directory("clain-measure-ui-phantom");
                truth = CtPhantom.write(dir, Preset.ABDOMEN, 42);
                phantom = dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return phantom;
    }

    /** The phantom's ground truth, read back from the JSON written beside it. */
    static synchronized PhantomTruth truth() {
        try {
            return PhantomTruth.read(phantom().resolve(PhantomTruth.FILE_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points Clain's user data (annotations) at a new empty folder and returns it. */
    static Path privateDataFolder() {
        Path dir = Scratch.directory("clain-measure-ui-data");
        System.setProperty(DataFolders.PROPERTY, dir.toString());
        return dir;
    }

    /** The screen point of the centre of image pixel (column, row) of the slice shown. */
    static Point2D screenOf(Viewport vp, double column, double row) {
        return fx(() -> vp.localToScreen(vp.imageToScreen(column + 0.5, row + 0.5)));
    }

    /**
     * A point on whole screen pixels: what the robot can click (it truncates), from a point that
     * {@link #alignPixels} put on whole pixels up to rounding errors of the transforms.
     */
    static Point2D whole(Point2D p) {
        return new Point2D(Math.rint(p.getX()), Math.rint(p.getY()));
    }

    /**
     * Shows the slice at a whole zoom (image pixels 2 screen pixels wide) and pans it by less than
     * a pixel so that pixel centres fall on whole screen pixels: the robot's clicks then land exactly
     * on the centres of the pixels the test names.
     */
    static void alignPixels(Viewport vp, int zoom) {
        fxRun(() -> {
            vp.oneToOne();
            vp.zoomBy(zoom);
        });
        Point2D q = screenOf(vp, 10, 10);
        double dx = Math.round(q.getX()) - q.getX();
        double dy = Math.round(q.getY()) - q.getY();
        fxRun(() -> vp.pan(dx, dy));
        Point2D r = screenOf(vp, 10, 10);
        if (Math.abs(r.getX() - Math.rint(r.getX())) > 1e-6 || Math.abs(r.getY() - Math.rint(r.getY())) > 1e-6) {
            throw new AssertionError("pixel centres not aligned on screen pixels: " + r);
        }
    }

    static void drag(FxRobot robot, Point2D from, Point2D to) {
        from = whole(from);
        to = whole(to);
        robot.moveTo(from);
        robot.press(MouseButton.PRIMARY);
        robot.moveTo(new Point2D((from.getX() * 2 + to.getX()) / 3, (from.getY() * 2 + to.getY()) / 3));
        robot.moveTo(to);
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void click(FxRobot robot, Point2D p) {
        p = whole(p);
        robot.moveTo(p);
        robot.press(MouseButton.PRIMARY);
        robot.release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        // no double click: the next click comes after the multi-click interval
        robot.sleep(600);
    }

    /**
     * Pixels of the measurement ink (orange, or the selection's green): strongly coloured, unlike
     * any grey, and unlike the orientation letters' yellow (255, 214, 90: more green and blue).
     */
    static boolean ink(int argb) {
        int r = argb >> 16 & 0xFF;
        int g = argb >> 8 & 0xFF;
        int b = argb & 0xFF;
        boolean orange = r > 180 && b < 0.22 * r && g > 0.5 * r && g < 0.76 * r;
        boolean green = g > 200 && r < 160 && b < 170 && g - b > 60;
        return orange || green;
    }

    /** How many measurement-coloured pixels lie in a rectangle of an image (clipped to it). */
    static int inkPixels(Image img, double x0, double y0, double x1, double y1) {
        PixelReader pr = img.getPixelReader();
        int n = 0;
        int xa = (int) Math.max(0, Math.floor(Math.min(x0, x1)));
        int xb = (int) Math.min(img.getWidth() - 1, Math.ceil(Math.max(x0, x1)));
        int ya = (int) Math.max(0, Math.floor(Math.min(y0, y1)));
        int yb = (int) Math.min(img.getHeight() - 1, Math.ceil(Math.max(y0, y1)));
        for (int y = ya; y <= yb; y++) {
            for (int x = xa; x <= xb; x++) {
                if (ink(pr.getArgb(x, y))) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The cell of the measurement list at a row index and column title (the visible one, not a spare). */
    static javafx.scene.control.TableCell<?, ?> cell(FxRobot robot, int row, String column) {
        return fx(() -> {
            for (javafx.scene.Node n : robot.lookup("#measure-table .table-cell").queryAll()) {
                javafx.scene.control.TableCell<?, ?> c = (javafx.scene.control.TableCell<?, ?>) n;
                if (c.getIndex() == row && c.isVisible() && c.getTableRow() != null && c.getTableRow().isVisible()
                        && c.getTableColumn() != null && c.getTableColumn().getText().equals(column)) {
                    return c;
                }
            }
            throw new AssertionError("no visible cell at row " + row + ", column " + column);
        });
    }

    static org.clain.geom.Vec3 geom(org.clain.study.phantom.Vec3 v) {
        return new org.clain.geom.Vec3(v.x(), v.y(), v.z());
    }
}
