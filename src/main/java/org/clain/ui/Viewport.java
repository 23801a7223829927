package org.clain.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.transform.Affine;
import org.clain.geom.ImagePlane;
import org.clain.geom.OrientationLabels;
import org.clain.render.AutoWindow;
import org.clain.render.DefaultWindow;
import org.clain.render.SliceGeometry;
import org.clain.render.SliceImage;
import org.clain.render.WindowPreset;
import org.clain.study.ColorStack;
import org.clain.study.Instance;
import org.clain.study.Series;
import org.clain.study.SliceHeader;
import org.clain.study.SliceStack;
import org.clain.study.Volume;

/**
 * One 2D image viewport: holds the viewing state of one series (slice, window, zoom, pan,
 * rotation, flips, inversion) and draws the slice with its overlays on a Canvas. Its parts: the
 * window ({@link VoiWindow}), where the image lies on screen ({@link DisplayedArea}), the pixels
 * after the display LUT ({@link SlicePixels}), the texts and lines drawn over them
 * ({@link ViewportOverlay}) and the mouse ({@link ViewportMouse}). All methods run on the FX thread.
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

    private final Canvas canvas = new Canvas();
    private final int number;

    // content
    private Series series;
    private SliceStack stack;
    private Volume volume;
    private Instance instance;
    private SliceImage preview;
    /** A colour series shows frames of RGB, windowed per channel; its volume is their luma, to measure on. */
    private boolean colourSeries;
    private ColorStack colour;
    private int[] colourPreview;
    /** Frame {@link #shownColourSlice} of {@link #colour}, unpacked. */
    private int[] shownColour;
    private int shownColourSlice;
    private boolean reverseDisplay;
    private boolean monochrome1;
    private String loading;
    private String error;

    // viewing state
    private int slice;
    private final VoiWindow window = new VoiWindow();
    private boolean inverted;
    private final DisplayedArea area = new DisplayedArea(this);
    private boolean interpolate = true;
    private boolean overlays = true;
    private boolean active;
    private Tool tool = Tool.SCROLL;
    private String cine;
    private List<ImagePlane.Segment> referenceLines = List.of();

    private final SlicePixels pixels = new SlicePixels();
    private final OverlayPlaneImages overlayPlanes = new OverlayPlaneImages();
    private final ImageLayers layers = new ImageLayers();
    private final ViewportOverlay overlay;

    private final List<Consumer<Viewport>> sliceListeners = new ArrayList<>();
    private final List<Consumer<Viewport>> stateListeners = new ArrayList<>();
    private final List<Consumer<Viewport>> layerListeners = new ArrayList<>();
    private final List<Consumer<GraphicsContext>> painters = new ArrayList<>();
    private Consumer<Viewport> onActivate = v -> { };

    public Viewport(int number) {
        this.number = number;
        getStyleClass().add("viewport");
        setId("viewport-" + number);
        getChildren().add(canvas);
        setFocusTraversable(true);
        setMinSize(50, 50);
        overlay = new ViewportOverlay(this, new ViewportMouse(this, area));
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
        colour = null;
        shownColour = null;
        colourPreview = null;
        error = null;
        loading = "Loading…";
        instance = st.instance(st.slices().get(0));
        colourSeries = ColorStack.isColor(instance);
        monochrome1 = "MONOCHROME1".equalsIgnoreCase(instance.photometric().trim());
        List<SliceHeader> sl = st.slices();
        reverseDisplay = sl.size() > 1 && sl.get(0).instanceNumber() > sl.get(sl.size() - 1).instanceNumber();
        slice = firstIndex();
        window.reset();
        if (colourSeries) {
            window.openColour();
        }
        inverted = false;
        area.unturn();
        area.fitToWindow();
        referenceLines = List.of();
        layers.clear();
        pixels.clear();
        fireSlice();
        stateChanged();
    }

    /** Shows one slice decoded on its own while the volume loads. */
    public void showPreview(SliceStack st, SliceImage img, int index) {
        if (st != stack || volume != null) {
            return;
        }
        preview = img;
        slice = index;
        window.openPreview(stack.slices().get(index), series.modality(), img);
        pixels.invalidate();
        fireSlice();
        stateChanged();
    }

    /** Shows one colour frame decoded on its own while the others load. */
    public void showColorPreview(SliceStack st, int[] rgb, int index) {
        if (st != stack || colour != null) {
            return;
        }
        colourPreview = rgb;
        slice = index;
        pixels.invalidate();
        fireSlice();
        stateChanged();
    }

    /**
     * Shows the decoded frames of a colour series; their luma volume ({@link ColorStack#luma}) gives
     * the frames a geometry to measure on.
     */
    public void setColor(SliceStack st, ColorStack c, Volume luma) {
        if (st != stack) {
            return;
        }
        colour = c;
        shownColour = null;
        volume = luma;
        loading = null;
        slice = Math.max(0, Math.min(c.size() - 1, slice));
        pixels.invalidate();
        fireSlice();
        stateChanged();
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
        window.openVolume(stack.slices().get(slice), v);
        pixels.invalidate();
        fireSlice();
        stateChanged();
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
        colour = null;
        shownColour = null;
        colourPreview = null;
        colourSeries = false;
        instance = null;
        error = null;
        loading = null;
        pixels.clear();
        referenceLines = List.of();
        stateChanged();
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
        return stack.instance(stack.slices().get(Math.min(slice, stack.size() - 1)));
    }

    /** True when the series is colour (RGB, YBR, palette): shown from its frames, not through a VOI LUT. */
    public boolean isColor() {
        return colourSeries;
    }

    /** The decoded colour frames, or null (a grey series, or still loading). */
    public ColorStack colorStack() {
        return colour;
    }

    public boolean hasImage() {
        return volume != null || preview != null || colourFrame() != null;
    }

    /** True once every image of the series is decoded (scrolling and cine need them all). */
    public boolean isLoaded() {
        return colourSeries ? colour != null : volume != null;
    }

    public boolean isLoading() {
        return loading != null;
    }

    String loadingText() {
        return loading;
    }

    /** The first image's instance: the patient, study and series the overlay names. */
    Instance firstInstance() {
        return instance;
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
        if (!isLoaded() || sliceCount() == 0) {
            return;
        }
        int c = Math.max(0, Math.min(sliceCount() - 1, z));
        if (c != slice) {
            slice = c;
            pixels.invalidate();
            if (window.follow(stack.slices().get(slice))) {
                fireState();
            }
            fireSlice();
            redraw();
        }
    }

    /** Moves {@code delta} images in reading order (positive: next image). */
    public void scroll(int delta) {
        scrollFrom(slice, delta);
    }

    /** Goes {@code images} images in reading order from the slice with this index. */
    void scrollFrom(int index, int images) {
        setSlice(index + (reverseDisplay ? -images : images));
    }

    /** Next image, wrapping from the last to the first (cine). */
    public void cineStep() {
        if (!isLoaded()) {
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
        return window.center();
    }

    public double windowWidth() {
        return window.width();
    }

    public String windowName() {
        return window.name();
    }

    public void setWindow(double c, double w) {
        chooseWindow(c, w, "", false);
    }

    private void chooseWindow(double c, double w, String name, boolean followImages) {
        window.choose(c, w, name, followImages);
        pixels.invalidate();
        stateChanged();
    }

    public void applyPreset(WindowPreset p) {
        chooseWindow(p.center(), p.width(), p.label(), false);
    }

    /** The image's own window (first pair), followed image by image from now on, when it has one. */
    public boolean dicomWindow() {
        if (stack == null || colourSeries) {
            return false; // no VOI applies to colour (PS3.3 C.7.6.3.1.2)
        }
        AutoWindow.Window d = DefaultWindow.dicom(stack.slices().get(slice));
        if (d == null) {
            return false;
        }
        chooseWindow(d.center(), d.width(), "DICOM", true);
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
        chooseWindow(a.center(), a.width(), "Auto", false);
    }

    public boolean inverted() {
        return inverted;
    }

    public void toggleInvert() {
        inverted = !inverted;
        pixels.invalidate();
        stateChanged();
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
        stateChanged();
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

    void setZoom(double z, double x, double y) {
        if (!hasImage()) {
            return;
        }
        area.zoomAbout(z, x, y);
        stateChanged();
    }

    public void pan(double dx, double dy) {
        panTo(area.panX() + dx, area.panY() + dy);
    }

    void panTo(double x, double y) {
        area.panTo(x, y);
        stateChanged();
    }

    /** Shows an image region (pixel units) centred, filling the viewport or at a zoom (NaN: fill). */
    void showRegion(double left, double top, double width, double height, double zoomOrNaN) {
        area.showRegion(left, top, width, height, zoomOrNaN);
        stateChanged();
    }

    /** Turns the image a quarter turn (positive: clockwise). */
    public void rotate(int quarterTurns) {
        area.rotate(quarterTurns);
        stateChanged();
    }

    public void flipHorizontal() {
        area.flipHorizontal();
        stateChanged();
    }

    public void flipVertical() {
        area.flipVertical();
        stateChanged();
    }

    /** Back to the opening view: fit, no pan, no rotation or flips, not inverted, default window. */
    public void resetView() {
        area.unturn();
        inverted = false;
        window.unchoose();
        if (colourSeries) {
            window.openColour();
        } else if (volume != null) {
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

    /**
     * Changes what is laid over the images (fused PET, segmentations, structure sets; see
     * {@link ImageLayers}) while the viewport still shows {@code st} (work finished in the background
     * may arrive after the user moved on), then redraws.
     */
    void updateLayers(SliceStack st, Consumer<ImageLayers> change) {
        if (st == stack) {
            change.accept(layers);
            layerListeners.forEach(l -> l.accept(this));
            redraw();
        }
    }

    /** The fused PET, segmentations and structure sets over the images. */
    ImageLayers layers() {
        return layers;
    }

    /** The header of the image shown, or null before there is one. */
    SliceHeader shownHeader() {
        return hasImage() ? stack.slices().get(slice) : null;
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

    String cineText() {
        return cine;
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

    /** Told after {@link #updateLayers} changed what lies over the images. */
    void onLayersChanged(Consumer<Viewport> l) {
        layerListeners.add(l);
    }

    public void setOnActivate(Consumer<Viewport> l) {
        onActivate = l;
    }

    /** The user acts on this viewport (a click, the wheel): the window makes it the active one. */
    void activate() {
        onActivate.accept(this);
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

    /** Tells the listeners and draws again after a change of the viewing state. */
    private void stateChanged() {
        fireState();
        redraw();
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

    // ---------------------------------------------------------------- pixels and screen geometry

    /** The slice shown: of the volume once loaded, else the preview (null before either). */
    SliceImage currentSlice() {
        return pixels.slice(volume, slice, preview);
    }

    /** The colour frame shown: of the decoded stack, else the preview (null for a grey series). */
    private int[] colourFrame() {
        if (colour == null) {
            return colourPreview;
        }
        // one frame unpacked at a time, the same array while it is shown (the rendering keys on it)
        if (shownColour == null || shownColourSlice != slice) {
            shownColour = colour.rgb(slice);
            shownColourSlice = slice;
        }
        return shownColour;
    }

    /** The slice after the display LUT (or the colour frame), before zoom and pan: one pixel per image pixel. */
    public WritableImage renderedImage() {
        if (colourSeries) {
            SliceHeader h = stack.slices().get(0);
            return pixels.renderColor(colourFrame(), h.columns(), h.rows(), window.center(), window.width(), inverted);
        }
        return pixels.render(currentSlice(), window.center(), window.width(), inverted ^ monochrome1);
    }

    /** Displayed grey (0..255) of an image pixel, as rendered. */
    public int greyAt(int column, int row) {
        renderedImage();
        return pixels.grey(column, row);
    }

    /** Displayed colour (0xRRGGBB) of an image pixel, as rendered. */
    public int rgbAt(int column, int row) {
        renderedImage();
        return pixels.rgb(column, row);
    }

    /** Colour (0xRRGGBB) of the frame shown at an image pixel, before inversion, or -1 (grey, or outside). */
    public int colorAt(int column, int row) {
        int[] f = colourFrame();
        if (f == null) {
            return -1;
        }
        int columns = stack.slices().get(0).columns();
        return column < 0 || row < 0 || column >= columns || row >= f.length / columns ? -1
                : f[row * columns + column];
    }

    /** Modality value (HU for CT) at an image pixel of the slice shown. */
    public double valueAt(int column, int row) {
        SliceImage s = currentSlice();
        return s == null ? Double.NaN : s.value(column, row);
    }

    /** The DICOM overlay planes drawn over the image shown (none for most images). */
    List<OverlayPlaneImages.Placed> overlayPlanes() {
        if (stack == null || !hasImage()) {
            return List.of();
        }
        SliceHeader h = stack.slices().get(Math.min(slice, stack.size() - 1));
        return overlayPlanes.of(stack.instance(h), h.frame());
    }

    /** Screen point of an image position (column, row in pixel units; a pixel's centre is at +0.5). */
    public Point2D imageToScreen(double u, double v) {
        return area.imageToScreen(u, v);
    }

    /** Image position (pixel units, corner origin) under a screen point, or null. */
    public Point2D screenToImage(double x, double y) {
        return area.screenToImage(x, y);
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
            ViewportOverlay.hint(g, cw, ch,
                    "Open a study: File ▸ Open folder (Ctrl+O), or drop DICOM files or folders here");
            return;
        }
        if (!hasImage()) {
            ViewportOverlay.hint(g, cw, ch, error != null ? error : loading != null ? loading : "");
            overlay.draw(g, cw, ch);
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
        layers.draw(g, stack.slices().get(slice), interpolate, area.zoom());
        if (overlays) {
            g.setImageSmoothing(false);
            for (OverlayPlaneImages.Placed p : overlayPlanes()) {
                g.drawImage(p.image(), p.column(), p.row());
            }
        }
        g.restore();
        overlay.drawPresentationTexts(g, layers.presentationTexts(stack.slices().get(slice)));
        overlay.drawReferenceLines(g);
        for (Consumer<GraphicsContext> p : painters) {
            p.accept(g);
        }
        overlay.draw(g, cw, ch);
        String undecoded = volume == null ? null : volume.undecodedSlices().get(slice);
        if (error != null) {
            ViewportOverlay.hint(g, cw, ch, error);
        } else if (undecoded != null) {
            ViewportOverlay.hint(g, cw, ch, "This image could not be decoded: " + undecoded);
        }
    }
}
