package org.clain.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.scene.transform.Affine;
import org.clain.dicom.Attributes;
import org.clain.dicom.Tag;
import org.clain.geom.ImagePlane;
import org.clain.geom.OrientationLabels;
import org.clain.render.AutoWindow;
import org.clain.render.DefaultWindow;
import org.clain.render.SliceGeometry;
import org.clain.render.SliceImage;
import org.clain.render.WindowPreset;
import org.clain.study.Instance;
import org.clain.study.Series;
import org.clain.study.SliceHeader;
import org.clain.study.SliceStack;
import org.clain.study.Volume;

/**
 * One 2D image viewport: holds the viewing state of one series (slice, window, zoom, pan,
 * rotation, flips, inversion) and draws the slice with its overlays on a Canvas. Pixel values
 * come from the engine ({@link DisplayLut}); geometry from {@link SliceGeometry} and
 * {@link OrientationLabels}. All methods run on the FX thread.
 */
public final class Viewport extends Region {
    /** What the left mouse button does. */
    public enum Tool { SCROLL, WINDOW, PAN, ZOOM }

    /** A window/level drag changes centre and width by (width at press) / this, per pixel. */
    public static final double WL_DRAG_DIVISOR = 256;
    /** Zoom factor per wheel notch (with Ctrl). */
    public static final double WHEEL_ZOOM = 1.1;
    /** Pixels of left-drag per slice with the scroll tool. */
    public static final double DRAG_PIXELS_PER_SLICE = 5;

    private static final Color OVERLAY = Color.rgb(232, 232, 232);
    private static final Color SHADOW = Color.rgb(0, 0, 0, 0.85);
    private static final Color LETTER = Color.rgb(255, 214, 90);
    private static final Color REFERENCE = Color.rgb(64, 196, 255);
    private static final Font TEXT = Font.font("Dialog", 13);
    private static final Font TEXT_BOLD = Font.font("Dialog", FontWeight.BOLD, 13);
    private static final Font LETTERS = Font.font("Dialog", FontWeight.BOLD, 17);

    private final Canvas canvas = new Canvas();
    private final int number;

    // content
    private Series series;
    private SliceStack stack;
    private Volume volume;
    private Instance instance;
    private SliceImage preview;
    private int previewIndex = -1;
    private boolean reverseDisplay;
    private boolean monochrome1;
    private String loading;
    private String error;

    // viewing state
    private int slice;
    private double center = 40;
    private double width = 400;
    private String windowName = "";
    private boolean windowChosen;
    /** The window follows each image's own DICOM window as the user scrolls (until they choose one). */
    private boolean dicomPerImage;
    private boolean inverted;
    private final DisplayedArea area = new DisplayedArea(this);
    private boolean interpolate = true;
    private boolean overlays = true;
    private boolean active;
    private Tool tool = Tool.SCROLL;
    private String cine;
    private List<ImagePlane.Segment> referenceLines = List.of();

    private final SlicePixels pixels = new SlicePixels();

    // mouse
    private double pressX;
    private double pressY;
    private double pressCenter;
    private double pressWidth;
    private double pressZoom;
    private double pressPanX;
    private double pressPanY;
    private int pressSlice;
    private MouseButton pressButton;
    private double cursorX = Double.NaN;
    private double cursorY = Double.NaN;

    private final List<Consumer<Viewport>> sliceListeners = new ArrayList<>();
    private final List<Consumer<Viewport>> stateListeners = new ArrayList<>();
    private final List<Consumer<GraphicsContext>> painters = new ArrayList<>();
    private Consumer<Viewport> onActivate = v -> { };

    public Viewport(int number) {
        this.number = number;
        getStyleClass().add("viewport");
        setId("viewport-" + number);
        getChildren().add(canvas);
        setFocusTraversable(true);
        setMinSize(50, 50);
        setOnScroll(this::onScroll);
        setOnMousePressed(this::onPressed);
        setOnMouseDragged(this::onDragged);
        setOnMouseReleased(e -> pressButton = null);
        setOnMouseMoved(e -> {
            cursorX = e.getX();
            cursorY = e.getY();
            redraw();
        });
        setOnMouseExited(e -> {
            cursorX = Double.NaN;
            redraw();
        });
    }

    public int number() {
        return number;
    }

    // ---------------------------------------------------------------- content

    /** Starts showing a series: its state is reset and the viewport waits for pixels. */
    public void setSeries(Series s, SliceStack st) {
        series = s;
        stack = st;
        volume = null;
        preview = null;
        previewIndex = -1;
        error = null;
        loading = "Loading…";
        instance = SliceImage.instance(st, st.slices().get(0));
        monochrome1 = "MONOCHROME1".equalsIgnoreCase(instance.photometric().trim());
        List<SliceHeader> sl = st.slices();
        reverseDisplay = sl.size() > 1 && sl.get(0).instanceNumber() > sl.get(sl.size() - 1).instanceNumber();
        slice = firstIndex();
        windowChosen = false;
        dicomPerImage = false;
        inverted = false;
        area.unturn();
        area.fitToWindow();
        referenceLines = List.of();
        pixels.clear();
        fireSlice();
        fireState();
        redraw();
    }

    /** Shows one slice decoded on its own while the volume loads. */
    public void showPreview(SliceStack st, SliceImage img, int index) {
        if (st != stack || volume != null) {
            return;
        }
        preview = img;
        previewIndex = index;
        slice = index;
        if (!windowChosen) {
            AutoWindow.Window w = DefaultWindow.of(stack.slices().get(index), series.modality(), img);
            dicomPerImage = DefaultWindow.dicom(stack.slices().get(index)) != null;
            setWindowInternal(w.center(), w.width(), dicomPerImage ? "DICOM"
                    : "CT".equalsIgnoreCase(series.modality()) ? WindowPreset.ABDOMEN.label() : "Auto");
        }
        pixels.invalidate();
        fireSlice();
        fireState();
        redraw();
    }

    public void setLoading(String text) {
        loading = text;
        redraw();
    }

    public void setVolume(SliceStack st, Volume v) {
        if (st != stack) {
            return;
        }
        volume = v;
        loading = null;
        slice = Math.max(0, Math.min(v.nz() - 1, slice));
        if (!windowChosen) {
            AutoWindow.Window d = DefaultWindow.dicom(stack.slices().get(slice));
            dicomPerImage = d != null;
            if (d != null) {
                setWindowInternal(d.center(), d.width(), "DICOM");
            } else if ("CT".equalsIgnoreCase(v.modality())) {
                setWindowInternal(WindowPreset.ABDOMEN.center(), WindowPreset.ABDOMEN.width(),
                        WindowPreset.ABDOMEN.label());
            } else {
                AutoWindow.Window a = AutoWindow.percentiles(v, DefaultWindow.LOW_PERCENTILE,
                        DefaultWindow.HIGH_PERCENTILE);
                setWindowInternal(a.center(), a.width(), "Auto");
            }
        }
        pixels.invalidate();
        fireSlice();
        fireState();
        redraw();
    }

    public void setError(String text) {
        error = text;
        loading = null;
        redraw();
    }

    public void clear() {
        series = null;
        stack = null;
        volume = null;
        preview = null;
        instance = null;
        error = null;
        loading = null;
        pixels.clear();
        referenceLines = List.of();
        fireState();
        redraw();
    }

    public Series series() {
        return series;
    }

    public SliceStack stack() {
        return stack;
    }

    public Volume volume() {
        return volume;
    }

    /** The instance of the slice shown (for the tag browser). */
    public Instance currentInstance() {
        if (stack == null) {
            return null;
        }
        return SliceImage.instance(stack, stack.slices().get(Math.min(slice, stack.size() - 1)));
    }

    public boolean hasImage() {
        return volume != null || preview != null;
    }

    public boolean isLoading() {
        return loading != null;
    }

    public String error() {
        return error;
    }

    // ---------------------------------------------------------------- slices

    /** Index of the slice shown in the volume (ascending along the slice normal). */
    public int sliceIndex() {
        return slice;
    }

    public int sliceCount() {
        return stack == null ? 0 : stack.size();
    }

    /** 1-based number in reading order (the order of the scanner's Instance Numbers). */
    public int displayNumber() {
        return reverseDisplay ? sliceCount() - slice : slice + 1;
    }

    /** The number in reading order of the slice with this index. */
    public int displayNumberOf(int index) {
        return reverseDisplay ? sliceCount() - index : index + 1;
    }

    private int firstIndex() {
        return reverseDisplay ? sliceCount() - 1 : 0;
    }

    public void setSlice(int z) {
        if (volume == null || sliceCount() == 0) {
            return;
        }
        int c = Math.max(0, Math.min(sliceCount() - 1, z));
        if (c != slice) {
            slice = c;
            pixels.invalidate();
            if (dicomPerImage) {
                AutoWindow.Window d = DefaultWindow.dicom(stack.slices().get(slice));
                if (d != null) {
                    setWindowInternal(d.center(), d.width(), "DICOM");
                    fireState();
                }
            }
            fireSlice();
            redraw();
        }
    }

    /** Moves {@code delta} images in reading order (positive: next image). */
    public void scroll(int delta) {
        setSlice(slice + (reverseDisplay ? -delta : delta));
    }

    /** Next image, wrapping from the last to the first (cine). */
    public void cineStep() {
        if (volume == null) {
            return;
        }
        if (displayNumber() >= sliceCount()) {
            setSlice(firstIndex());
        } else {
            scroll(1);
        }
    }

    public void firstImage() {
        setSlice(firstIndex());
    }

    public void lastImage() {
        setSlice(reverseDisplay ? 0 : sliceCount() - 1);
    }

    /** The plane of the slice shown, in patient space (null until the volume is loaded). */
    public ImagePlane plane() {
        return volume == null ? null : SliceGeometry.plane(volume, slice);
    }

    public void setReferenceLines(List<ImagePlane.Segment> lines) {
        referenceLines = List.copyOf(lines);
        redraw();
    }

    public List<ImagePlane.Segment> referenceLines() {
        return referenceLines;
    }

    // ---------------------------------------------------------------- window

    public double windowCenter() {
        return center;
    }

    public double windowWidth() {
        return width;
    }

    public String windowName() {
        return windowName;
    }

    public void setWindow(double c, double w) {
        windowChosen = true;
        dicomPerImage = false;
        setWindowInternal(c, w, "");
        fireState();
        redraw();
    }

    private void setWindowInternal(double c, double w, String name) {
        center = c;
        width = Math.max(1, w);
        windowName = name;
        pixels.invalidate();
    }

    public void applyPreset(WindowPreset p) {
        windowChosen = true;
        dicomPerImage = false;
        setWindowInternal(p.center(), p.width(), p.label());
        fireState();
        redraw();
    }

    /** The image's own window (first pair), followed image by image from now on, when it has one. */
    public boolean dicomWindow() {
        if (stack == null) {
            return false;
        }
        AutoWindow.Window d = DefaultWindow.dicom(stack.slices().get(slice));
        if (d == null) {
            return false;
        }
        windowChosen = true;
        dicomPerImage = true;
        setWindowInternal(d.center(), d.width(), "DICOM");
        fireState();
        redraw();
        return true;
    }

    /** Window from the histogram (1st to 99th percentile) of the volume, or of the slice shown. */
    public void autoWindow() {
        AutoWindow.Window a;
        if (volume != null) {
            a = AutoWindow.percentiles(volume, DefaultWindow.LOW_PERCENTILE, DefaultWindow.HIGH_PERCENTILE);
        } else if (preview != null) {
            a = DefaultWindow.auto(preview);
        } else {
            return;
        }
        windowChosen = true;
        dicomPerImage = false;
        setWindowInternal(a.center(), a.width(), "Auto");
        fireState();
        redraw();
    }

    public boolean inverted() {
        return inverted;
    }

    public void toggleInvert() {
        inverted = !inverted;
        pixels.invalidate();
        fireState();
        redraw();
    }

    public boolean monochrome1() {
        return monochrome1;
    }

    // ---------------------------------------------------------------- view

    public double zoom() {
        return area.zoom();
    }

    public boolean isFit() {
        return area.isFit();
    }

    public double panX() {
        return area.panX();
    }

    public double panY() {
        return area.panY();
    }

    public int rotation() {
        return area.rotation();
    }

    public boolean flippedHorizontally() {
        return area.flippedHorizontally();
    }

    public boolean flippedVertically() {
        return area.flippedVertically();
    }

    public void fitToWindow() {
        area.fitToWindow();
        fireState();
        redraw();
    }

    /** One image pixel per screen pixel. */
    public void oneToOne() {
        setZoom(1, getWidth() / 2, getHeight() / 2);
    }

    /** Zooms by a factor keeping the image point under (x, y) in place. */
    public void zoomBy(double factor, double x, double y) {
        setZoom(area.zoom() * factor, x, y);
    }

    public void zoomBy(double factor) {
        zoomBy(factor, getWidth() / 2, getHeight() / 2);
    }

    private void setZoom(double z, double x, double y) {
        if (!hasImage()) {
            return;
        }
        area.zoomAbout(z, x, y);
        fireState();
        redraw();
    }

    public void pan(double dx, double dy) {
        area.panBy(dx, dy);
        fireState();
        redraw();
    }

    /** Turns the image a quarter turn (positive: clockwise). */
    public void rotate(int quarterTurns) {
        area.rotate(quarterTurns);
        fireState();
        redraw();
    }

    public void flipHorizontal() {
        area.flipHorizontal();
        fireState();
        redraw();
    }

    public void flipVertical() {
        area.flipVertical();
        fireState();
        redraw();
    }

    /** Back to the opening view: fit, no pan, no rotation or flips, not inverted, default window. */
    public void resetView() {
        area.unturn();
        inverted = false;
        windowChosen = false;
        if (volume != null) {
            setVolume(stack, volume);
        }
        fitToWindow();
    }

    public void setInterpolate(boolean on) {
        interpolate = on;
        redraw();
    }

    public boolean interpolate() {
        return interpolate;
    }

    public void setOverlaysVisible(boolean on) {
        overlays = on;
        redraw();
    }

    public boolean overlaysVisible() {
        return overlays;
    }

    public Tool tool() {
        return tool;
    }

    public void setTool(Tool t) {
        tool = t;
    }

    public void setActive(boolean on) {
        active = on;
        if (on) {
            getStyleClass().add("active");
        } else {
            getStyleClass().removeAll("active");
        }
    }

    public boolean isActive() {
        return active;
    }

    public void setCineText(String text) {
        cine = text;
        redraw();
    }

    /** Paints on top of the image (measurements, annotations) each time the viewport is drawn. */
    public void addPainter(Consumer<GraphicsContext> painter) {
        painters.add(painter);
    }

    public void onSliceChanged(Consumer<Viewport> l) {
        sliceListeners.add(l);
    }

    public void onStateChanged(Consumer<Viewport> l) {
        stateListeners.add(l);
    }

    public void setOnActivate(Consumer<Viewport> l) {
        onActivate = l;
    }

    private void fireSlice() {
        for (Consumer<Viewport> l : sliceListeners) {
            l.accept(this);
        }
    }

    private void fireState() {
        for (Consumer<Viewport> l : stateListeners) {
            l.accept(this);
        }
    }

    /** Orientation letters at the image's edges as displayed (empty strings without geometry). */
    public OrientationLabels.Edges orientation() {
        if (stack == null || !stack.slices().get(0).hasGeometry()) {
            return new OrientationLabels.Edges("", "", "", "");
        }
        SliceHeader h = stack.slices().get(0);
        return OrientationLabels.edges(h.rowDirection(), h.columnDirection(), area.rotation(),
                area.flippedHorizontally(), area.flippedVertically());
    }

    // ---------------------------------------------------------------- pixels

    /** The slice shown: of the volume once loaded, else the preview (null before either). */
    SliceImage currentSlice() {
        return pixels.slice(volume, slice, preview);
    }

    /** The slice after the display LUT, before zoom and pan: one pixel per image pixel. */
    public WritableImage renderedImage() {
        return pixels.render(currentSlice(), center, width, inverted ^ monochrome1);
    }

    /** Displayed grey (0..255) of an image pixel, as rendered. */
    public int greyAt(int column, int row) {
        renderedImage();
        return pixels.grey(column, row);
    }

    /** Modality value (HU for CT) at an image pixel of the slice shown. */
    public double valueAt(int column, int row) {
        SliceImage s = currentSlice();
        return s == null ? Double.NaN : s.value(column, row);
    }

    /** Screen point of an image position (column, row in pixel units; a pixel's centre is at +0.5). */
    public Point2D imageToScreen(double u, double v) {
        return area.imageToScreen(u, v);
    }

    /** Image position (pixel units, corner origin) under a screen point, or null. */
    public Point2D screenToImage(double x, double y) {
        return area.screenToImage(x, y);
    }

    // ---------------------------------------------------------------- mouse

    private void onScroll(ScrollEvent e) {
        double d = e.getDeltaY();
        if (d == 0 || !hasImage()) {
            return;
        }
        activate();
        if (e.isShortcutDown() || e.isControlDown()) {
            zoomBy(d > 0 ? WHEEL_ZOOM : 1 / WHEEL_ZOOM, e.getX(), e.getY());
        } else {
            scroll(d < 0 ? 1 : -1);
        }
        e.consume();
    }

    private void onPressed(MouseEvent e) {
        activate();
        requestFocus();
        pressButton = e.getButton();
        pressX = e.getX();
        pressY = e.getY();
        pressCenter = center;
        pressWidth = width;
        pressZoom = area.zoom();
        pressPanX = area.panX();
        pressPanY = area.panY();
        pressSlice = slice;
    }

    private void onDragged(MouseEvent e) {
        if (pressButton == null || !hasImage()) {
            return;
        }
        double dx = e.getX() - pressX;
        double dy = e.getY() - pressY;
        cursorX = e.getX();
        cursorY = e.getY();
        switch (pressButton) {
            case SECONDARY -> dragWindow(dx, dy);
            case MIDDLE -> dragPan();
            case PRIMARY -> {
                switch (tool) {
                    case WINDOW -> dragWindow(dx, dy);
                    case PAN -> dragPan();
                    case ZOOM -> {
                        double z = pressZoom * Math.exp(-dy / 200);
                        area.set(pressZoom, pressPanX, pressPanY);
                        setZoom(z, pressX, pressY);
                    }
                    case SCROLL -> {
                        int n = (int) Math.round(dy / DRAG_PIXELS_PER_SLICE);
                        setSlice(pressSlice + (reverseDisplay ? -n : n));
                    }
                }
            }
            default -> { }
        }
        e.consume();
    }

    private void dragWindow(double dx, double dy) {
        double step = pressWidth / WL_DRAG_DIVISOR;
        windowChosen = true;
        dicomPerImage = false;
        setWindowInternal(pressCenter + dy * step, pressWidth + dx * step, "");
        fireState();
        redraw();
    }

    private void dragPan() {
        area.panTo(pressPanX + (getLastDragX() - pressX), pressPanY + (getLastDragY() - pressY));
        fireState();
        redraw();
    }

    private double getLastDragX() {
        return cursorX;
    }

    private double getLastDragY() {
        return cursorY;
    }

    private void activate() {
        onActivate.accept(this);
    }

    // ---------------------------------------------------------------- drawing

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            if (area.isFit()) {
                area.updateFit();
            }
            redraw();
        }
    }

    public void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double cw = canvas.getWidth();
        double ch = canvas.getHeight();
        g.setTransform(new Affine());
        g.setFill(Color.BLACK);
        g.fillRect(0, 0, cw, ch);
        if (stack == null) {
            hint(g, cw, ch, "Open a study: File ▸ Open folder (Ctrl+O), or drop DICOM files or folders here");
            return;
        }
        SliceImage s = currentSlice();
        if (s == null) {
            hint(g, cw, ch, error != null ? error : loading != null ? loading : "");
            drawOverlays(g, cw, ch);
            return;
        }
        if (area.isFit()) {
            area.updateFit();
        }
        WritableImage image = renderedImage();
        g.save();
        g.setTransform(area.transform());
        g.setImageSmoothing(interpolate && area.zoom() < 8);
        g.drawImage(image, 0, 0);
        g.restore();
        drawReferenceLines(g);
        for (Consumer<GraphicsContext> p : painters) {
            p.accept(g);
        }
        drawOverlays(g, cw, ch);
        if (error != null) {
            hint(g, cw, ch, error);
        }
    }

    private void drawReferenceLines(GraphicsContext g) {
        if (referenceLines.isEmpty()) {
            return;
        }
        g.setStroke(REFERENCE);
        g.setLineWidth(1.2);
        for (ImagePlane.Segment sgm : referenceLines) {
            Point2D a = imageToScreen(sgm.column0() + 0.5, sgm.row0() + 0.5);
            Point2D b = imageToScreen(sgm.column1() + 0.5, sgm.row1() + 0.5);
            g.strokeLine(a.getX(), a.getY(), b.getX(), b.getY());
        }
    }

    private void hint(GraphicsContext g, double cw, double ch, String text) {
        g.setFont(TEXT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(Color.rgb(150, 150, 150));
        g.fillText(text, cw / 2, ch / 2, Math.max(50, cw - 20));
    }

    private void drawOverlays(GraphicsContext g, double cw, double ch) {
        if (!overlays || instance == null) {
            return;
        }
        Attributes ds = instance.file().dataset();
        List<String> tl = new ArrayList<>();
        tl.add(personName(instance.patientName()));
        tl.add("ID: " + instance.patientId());
        String age = ds.getString(Tag.PatientAge, "");
        String sex = ds.getString(Tag.PatientSex, "");
        String birth = ds.getString(Tag.PatientBirthDate, "");
        String ageSex = (age.isEmpty() && !birth.isEmpty() ? "DOB " + date(birth) : age)
                + (sex.isEmpty() ? "" : (age.isEmpty() && birth.isEmpty() ? "Sex " : " ") + sex);
        if (!ageSex.isBlank()) {
            tl.add(ageSex.trim());
        }
        String studyDate = ds.getString(Tag.StudyDate, "");
        if (!studyDate.isEmpty()) {
            tl.add(date(studyDate) + time(ds.getString(Tag.StudyTime, "")));
        }
        List<String> tr = new ArrayList<>();
        String inst = ds.getString(Tag.InstitutionName, "");
        if (!inst.isEmpty()) {
            tr.add(inst);
        }
        String studyDesc = ds.getString(Tag.StudyDescription, "");
        if (!studyDesc.isEmpty()) {
            tr.add(studyDesc);
        }
        tr.add(series.description().isBlank() ? "(no description)" : series.description());
        tr.add("Se " + series.seriesNumber() + "  " + series.modality());

        List<String> bl = new ArrayList<>();
        SliceHeader h = stack.slices().get(Math.min(slice, stack.size() - 1));
        bl.add(String.format(Locale.ROOT, "Im %d/%d%s", displayNumber(), sliceCount(),
                h.instanceNumber() != displayNumber() ? "  (#" + h.instanceNumber() + ")" : ""));
        if (volume != null) {
            bl.add(String.format(Locale.ROOT, "Pos %.1f mm", SliceGeometry.position(volume, slice)));
        }
        if (h.sliceThickness() > 0) {
            bl.add(String.format(Locale.ROOT, "Th %.1f mm", h.sliceThickness()));
        }
        String cursor = cursorText();
        if (cursor != null) {
            bl.add(cursor);
        }
        List<String> br = new ArrayList<>();
        if (loading != null) {
            br.add(loading);
        }
        if (cine != null) {
            br.add(cine);
        }
        List<String> view = new ArrayList<>();
        if (area.rotation() != 0) {
            view.add("Rot " + area.rotation() * 90 + "°");
        }
        if (area.flippedHorizontally()) {
            view.add("Flip H");
        }
        if (area.flippedVertically()) {
            view.add("Flip V");
        }
        if (inverted) {
            view.add("Inv");
        }
        if (!view.isEmpty()) {
            br.add(String.join("  ", view));
        }
        br.add(String.format(Locale.ROOT, "Zoom %.2f", area.zoom()));
        br.add(String.format(Locale.ROOT, "W %s  L %s%s", num(width), num(center),
                windowName.isEmpty() ? "" : "  " + windowName));

        double m = 8;
        g.setTextBaseline(VPos.TOP);
        textBlock(g, tl, m, m, TextAlignment.LEFT, true);
        textBlock(g, tr, cw - m, m, TextAlignment.RIGHT, false);
        double lh = 17;
        g.setTextBaseline(VPos.TOP);
        textBlock(g, bl, m, ch - m - lh * bl.size(), TextAlignment.LEFT, false);
        textBlock(g, br, cw - m, ch - m - lh * br.size(), TextAlignment.RIGHT, false);

        OrientationLabels.Edges e = orientation();
        g.setFont(LETTERS);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        shadowText(g, e.top(), cw / 2, m + 10, LETTER);
        shadowText(g, e.bottom(), cw / 2, ch - m - 10, LETTER);
        g.setTextAlign(TextAlignment.RIGHT);
        shadowText(g, e.right(), cw - m, ch / 2, LETTER);
        g.setTextAlign(TextAlignment.LEFT);
        shadowText(g, e.left(), m, ch / 2, LETTER);
        if (hasImage()) {
            drawScaleBar(g, cw, ch);
        }
    }

    private String cursorText() {
        if (Double.isNaN(cursorX) || !hasImage()) {
            return null;
        }
        Point2D p = screenToImage(cursorX, cursorY);
        SliceImage s = currentSlice();
        if (p == null || s == null) {
            return null;
        }
        int c = (int) Math.floor(p.getX());
        int r = (int) Math.floor(p.getY());
        if (c < 0 || r < 0 || c >= s.columns() || r >= s.rows()) {
            return null;
        }
        String unit = "CT".equalsIgnoreCase(series.modality()) ? " HU" : "";
        return String.format(Locale.ROOT, "(%d, %d)  %s%s", c, r, num(s.value(c, r)), unit);
    }

    /** A horizontal bar of a round length in mm, with 1/5 ticks, bottom centre above the letter. */
    private void drawScaleBar(GraphicsContext g, double cw, double ch) {
        SliceHeader h = stack.slices().get(0);
        double mmPerImagePixel = h.columnSpacing() > 0 ? h.columnSpacing() : 1;
        double pxPerMm = area.zoom() / mmPerImagePixel;
        double target = cw * 0.2 / pxPerMm;
        double mm = niceLength(target);
        double len = mm * pxPerMm;
        if (len < 20) {
            return;
        }
        double y = ch - 34;
        double x0 = cw / 2 - len / 2;
        g.setStroke(SHADOW);
        g.setLineWidth(3);
        g.strokeLine(x0, y, x0 + len, y);
        g.setStroke(OVERLAY);
        g.setLineWidth(1);
        g.strokeLine(x0, y, x0 + len, y);
        for (int i = 0; i <= 5; i++) {
            double x = x0 + len * i / 5;
            double t = i == 0 || i == 5 ? 6 : 3;
            g.strokeLine(x, y - t, x, y);
        }
        g.setFont(TEXT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        String label = mm >= 10 ? num(mm / 10) + " cm" : num(mm) + " mm";
        shadowText(g, label, x0 + len + 6, y - 2, OVERLAY);
    }

    static double niceLength(double mm) {
        if (!(mm > 0)) {
            return 10;
        }
        double p = Math.pow(10, Math.floor(Math.log10(mm)));
        for (double f : new double[] {5, 2, 1}) {
            if (f * p <= mm) {
                return f * p;
            }
        }
        return p;
    }

    private void textBlock(GraphicsContext g, List<String> lines, double x, double y, TextAlignment align,
                           boolean firstBold) {
        g.setTextAlign(align);
        for (int i = 0; i < lines.size(); i++) {
            g.setFont(i == 0 && firstBold ? TEXT_BOLD : TEXT);
            shadowText(g, lines.get(i), x, y + i * 17, OVERLAY);
        }
    }

    private static void shadowText(GraphicsContext g, String s, double x, double y, Color c) {
        if (s == null || s.isEmpty()) {
            return;
        }
        g.setFill(SHADOW);
        g.fillText(s, x + 1, y + 1);
        g.fillText(s, x - 1, y + 1);
        g.setFill(c);
        g.fillText(s, x, y);
    }

    static String num(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-6) {
            return Long.toString(Math.round(v));
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : "%.1f", v);
    }

    /** "Family^Given^Middle" as "FAMILY, Given Middle". */
    static String personName(String pn) {
        if (pn == null || pn.isBlank()) {
            return "(no name)";
        }
        String alphabetic = pn.split("=", -1)[0];
        String[] p = alphabetic.split("\\^", -1);
        StringBuilder sb = new StringBuilder(p[0].trim().toUpperCase(Locale.ROOT));
        StringBuilder given = new StringBuilder();
        for (int i = 1; i < Math.min(p.length, 3); i++) {
            if (!p[i].isBlank()) {
                given.append(given.length() > 0 ? " " : "").append(p[i].trim());
            }
        }
        if (given.length() > 0) {
            sb.append(", ").append(given);
        }
        return sb.toString();
    }

    /** DICOM DA "YYYYMMDD" as ISO "YYYY-MM-DD" (left as is when not 8 digits). */
    static String date(String da) {
        String d = da.trim();
        if (d.matches("\\d{8}")) {
            return d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6, 8);
        }
        return d;
    }

    private static String time(String tm) {
        String t = tm.trim();
        if (t.matches("\\d{4}.*")) {
            return " " + t.substring(0, 2) + ":" + t.substring(2, 4);
        }
        return "";
    }
}
