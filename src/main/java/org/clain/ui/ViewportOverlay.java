package org.clain.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import org.clain.dicom.Attributes;
import org.clain.dicom.Tag;
import org.clain.geom.ImagePlane;
import org.clain.geom.OrientationLabels;
import org.clain.render.SliceGeometry;
import org.clain.render.SliceImage;
import org.clain.study.Instance;
import org.clain.study.PixelSpacingSource;
import org.clain.study.PresentationState;
import org.clain.study.Series;
import org.clain.study.SliceHeader;
import org.clain.study.SliceStack;
import org.clain.study.StandardizedUptake;

/**
 * What a viewport draws over its image: patient, study and series in the corners, the image
 * number, position, pixel under the mouse, view and window below, the orientation letters at the
 * edges ({@link OrientationLabels}), a scale bar, and the reference lines of the other viewports.
 * Text and letters in the {@link OverlayText#VIEWPORT} style.
 */
final class ViewportOverlay {
    private static final OverlayText STYLE = OverlayText.VIEWPORT;
    private static final Color REFERENCE = Color.rgb(64, 196, 255);
    private static final Font TEXT = Font.font("Dialog", 13);
    private static final Font TEXT_BOLD = Font.font("Dialog", FontWeight.BOLD, 13);

    private final Viewport vp;
    private final ViewportMouse mouse;

    ViewportOverlay(Viewport vp, ViewportMouse mouse) {
        this.vp = vp;
        this.mouse = mouse;
    }

    /** The other viewports' planes where they cut this one's slice. */
    void drawReferenceLines(GraphicsContext g) {
        List<ImagePlane.Segment> referenceLines = vp.referenceLines();
        if (referenceLines.isEmpty()) {
            return;
        }
        g.setStroke(REFERENCE);
        g.setLineWidth(1.2);
        for (ImagePlane.Segment sgm : referenceLines) {
            Point2D a = vp.imageToScreen(sgm.column0() + 0.5, sgm.row0() + 0.5);
            Point2D b = vp.imageToScreen(sgm.column1() + 0.5, sgm.row1() + 0.5);
            g.strokeLine(a.getX(), a.getY(), b.getX(), b.getY());
        }
    }

    /** A line of grey text in the middle (no study, loading, an error). */
    static void hint(GraphicsContext g, double cw, double ch, String text) {
        g.setFont(TEXT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(Color.rgb(150, 150, 150));
        g.fillText(text, cw / 2, ch / 2, Math.max(50, cw - 20));
    }

    /** The corner texts, the orientation letters and the scale bar (unless overlays are off). */
    void draw(GraphicsContext g, double cw, double ch) {
        Instance instance = vp.firstInstance();
        if (!vp.overlaysVisible() || instance == null) {
            return;
        }
        Series series = vp.series();
        SliceStack stack = vp.stack();
        int slice = vp.sliceIndex();
        Attributes ds = instance.file().dataset();
        List<String> tl = new ArrayList<>();
        tl.add(DicomText.personName(instance.patientName()));
        tl.add("ID: " + instance.patientId());
        String age = ds.getString(Tag.PatientAge, "");
        String sex = ds.getString(Tag.PatientSex, "");
        String birth = ds.getString(Tag.PatientBirthDate, "");
        String ageSex = (age.isEmpty() && !birth.isEmpty() ? "DOB " + DicomText.date(birth) : age)
                + (sex.isEmpty() ? "" : (age.isEmpty() && birth.isEmpty() ? "Sex " : " ") + sex);
        if (!ageSex.isBlank()) {
            tl.add(ageSex.trim());
        }
        String studyDate = ds.getString(Tag.StudyDate, "");
        if (!studyDate.isEmpty()) {
            tl.add(DicomText.date(studyDate) + DicomText.time(ds.getString(Tag.StudyTime, "")));
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
        bl.add(String.format(Locale.ROOT, "Im %d/%d%s", vp.displayNumber(), vp.sliceCount(),
                h.instanceNumber() != vp.displayNumber() ? "  (#" + h.instanceNumber() + ")" : ""));
        if (vp.volume() != null && h.hasGeometry()) {
            bl.add(String.format(Locale.ROOT, "Pos %.1f mm", SliceGeometry.position(vp.volume(), slice)));
        }
        if (h.sliceThickness() > 0) {
            bl.add(String.format(Locale.ROOT, "Th %.1f mm", h.sliceThickness()));
        }
        switch (stack.slices().get(0).spacingSource()) {
            case DETECTOR -> bl.add("Lengths at detector plane");
            case ULTRASOUND_REGIONS -> bl.add("Lengths by US region calibration");
            case NONE -> bl.add("No pixel spacing: 1 px = 1 mm");
            default -> { }
        }
        StandardizedUptake suv = vp.volume() == null ? null : vp.volume().uptake();
        if (suv != null) {
            bl.add(suv.available() ? "SUVbw: " + suv.summary() : "No SUV: " + suv.summary());
        }
        String cursor = cursorText();
        if (cursor != null) {
            bl.add(cursor);
        }
        List<String> br = new ArrayList<>();
        if (vp.loadingText() != null) {
            br.add(vp.loadingText());
        }
        if (vp.cineText() != null) {
            br.add(vp.cineText());
        }
        List<String> view = new ArrayList<>();
        if (vp.rotation() != 0) {
            view.add("Rot " + vp.rotation() * 90 + "°");
        }
        if (vp.flippedHorizontally()) {
            view.add("Flip H");
        }
        if (vp.flippedVertically()) {
            view.add("Flip V");
        }
        if (vp.inverted()) {
            view.add("Inv");
        }
        if (!view.isEmpty()) {
            br.add(String.join("  ", view));
        }
        if (!vp.layers().fusionText().isEmpty()) {
            br.add(vp.layers().fusionText());
        }
        br.add(String.format(Locale.ROOT, "Zoom %.2f", vp.zoom()));
        br.add(String.format(Locale.ROOT, "W %s  L %s%s", DicomText.num(vp.windowWidth()),
                DicomText.num(vp.windowCenter()), vp.windowName().isEmpty() ? "" : "  " + vp.windowName()));

        double m = OverlayText.MARGIN;
        g.setTextBaseline(VPos.TOP);
        textBlock(g, tl, m, m, TextAlignment.LEFT, true);
        textBlock(g, tr, cw - m, m, TextAlignment.RIGHT, false);
        if (vp.shownHeader() != null) {
            double top = m + 17 * tr.size() + 6;
            int fits = Math.min(MAX_LEGEND_LINES, (int) Math.floor((ch - m - 17 * br.size() - 6 - top) / 17));
            drawLegend(g, legendLines(vp.layers().legend(vp.shownHeader()), fits), cw - m, top);
        }
        double lh = 17;
        g.setTextBaseline(VPos.TOP);
        textBlock(g, bl, m, ch - m - lh * bl.size(), TextAlignment.LEFT, false);
        textBlock(g, br, cw - m, ch - m - lh * br.size(), TextAlignment.RIGHT, false);

        OrientationLabels.Edges e = vp.orientation();
        STYLE.letters(g, e.top(), e.bottom(), e.left(), e.right(), cw, ch);
        if (vp.hasImage() && stack.slices().get(0).spacingSource() != PixelSpacingSource.NONE) {
            drawScaleBar(g, cw, ch);
        }
    }

    /** Column, row and value of the pixel under the mouse (null when the mouse is not over the image). */
    private String cursorText() {
        Point2D at = mouse.cursor();
        if (at == null || !vp.hasImage()) {
            return null;
        }
        Point2D p = vp.screenToImage(at.getX(), at.getY());
        if (p == null) {
            return null;
        }
        int c = (int) Math.floor(p.getX());
        int r = (int) Math.floor(p.getY());
        if (vp.isColor()) {
            int rgb = vp.colorAt(c, r);
            return rgb < 0 ? null : String.format(Locale.ROOT, "(%d, %d)  R %d  G %d  B %d", c, r, rgb >> 16,
                    rgb >> 8 & 0xFF, rgb & 0xFF);
        }
        SliceImage s = vp.currentSlice();
        if (s == null || c < 0 || r < 0 || c >= s.columns() || r >= s.rows()) {
            return null;
        }
        String unit = vp.volume() != null ? vp.volume().valueUnit()
                : "CT".equalsIgnoreCase(vp.series().modality()) ? "HU" : "";
        unit = unit.isEmpty() ? "" : " " + unit;
        double value = s.value(c, r);
        double suv = vp.volume() != null ? vp.volume().suvFactor() : Double.NaN;
        return String.format(Locale.ROOT, "(%d, %d)  %s%s%s%s", c, r, DicomText.num(value), unit,
                Double.isNaN(suv) ? "" : String.format(Locale.ROOT, "  SUVbw %.2f", value * suv),
                vp.layers().fusionValueText(vp.shownHeader(), c, r));
    }

    /** A horizontal bar of a round length in mm, with 1/5 ticks, bottom centre above the letter. */
    private void drawScaleBar(GraphicsContext g, double cw, double ch) {
        SliceHeader h = vp.stack().slices().get(0);
        double mmPerImagePixel = h.columnSpacing();
        double pxPerMm = vp.zoom() / mmPerImagePixel;
        double target = cw * 0.2 / pxPerMm;
        double mm = niceLength(target);
        double len = mm * pxPerMm;
        if (len < 20) {
            return;
        }
        double y = ch - 34;
        double x0 = cw / 2 - len / 2;
        g.setStroke(OverlayText.SHADOW);
        g.setLineWidth(3);
        g.strokeLine(x0, y, x0 + len, y);
        g.setStroke(OverlayText.LIGHT);
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
        String label = mm >= 10 ? DicomText.num(mm / 10) + " cm" : DicomText.num(mm) + " mm";
        STYLE.shadowed(g, label, x0 + len + 6, y - 2, OverlayText.LIGHT);
    }

    /** The largest 1, 2 or 5 times a power of ten that is not above mm (10 for no length). */
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

    /** Segments and structures on the image, right-aligned under the series: a swatch, the name, the volume. */
    /** Legend lines at most: beyond a dozen the legend would hide the image it explains. */
    private static final int MAX_LEGEND_LINES = 12;

    /** A presentation state's texts, upright on screen at their image position (a box's top-left corner, or an anchor). */
    void drawPresentationTexts(GraphicsContext g, List<PresentationState.Text> texts) {
        if (texts.isEmpty()) {
            return;
        }
        g.setFont(TEXT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (PresentationState.Text t : texts) {
            Point2D at = vp.imageToScreen(t.x(), t.y());
            int rgb = t.rgb();
            STYLE.shadowed(g, t.value(), at.getX(), at.getY(), Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF));
        }
    }

    /**
     * The legend entries that fit in {@code lines} lines: a whole-body label map may show dozens of
     * segments on one slice; the last line then says how many are left out (a swatch-less entry).
     */
    static List<ImageLayers.LegendEntry> legendLines(List<ImageLayers.LegendEntry> entries, int lines) {
        if (entries.size() <= lines) {
            return entries;
        }
        if (lines <= 0) {
            return List.of();
        }
        List<ImageLayers.LegendEntry> out = new ArrayList<>(entries.subList(0, lines - 1));
        out.add(new ImageLayers.LegendEntry("+ " + (entries.size() - lines + 1) + " more", -1, Double.NaN));
        return out;
    }

    private void drawLegend(GraphicsContext g, List<ImageLayers.LegendEntry> entries, double right, double top) {
        g.setFont(TEXT);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < entries.size(); i++) {
            ImageLayers.LegendEntry e = entries.get(i);
            double y = top + i * 17;
            String volume = Double.isNaN(e.volumeMl()) ? "" : String.format(Locale.ROOT, "  %.1f ml", e.volumeMl());
            STYLE.shadowed(g, e.name() + volume, right - 16, y, OverlayText.LIGHT);
            if (e.rgb() >= 0) {
                g.setFill(Color.rgb(e.rgb() >> 16 & 0xFF, e.rgb() >> 8 & 0xFF, e.rgb() & 0xFF));
                g.fillRect(right - 11, y + 3, 11, 11);
            }
        }
    }

    private void textBlock(GraphicsContext g, List<String> lines, double x, double y, TextAlignment align,
                           boolean firstBold) {
        g.setTextAlign(align);
        for (int i = 0; i < lines.size(); i++) {
            g.setFont(i == 0 && firstBold ? TEXT_BOLD : TEXT);
            STYLE.shadowed(g, lines.get(i), x, y + i * 17, OverlayText.LIGHT);
        }
    }
}
