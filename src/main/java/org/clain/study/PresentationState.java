package org.clain.study;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.clain.dicom.Attributes;
import org.clain.dicom.CieLab;
import org.clain.dicom.DicomException;
import org.clain.dicom.Tag;

/**
 * A Grayscale Softcopy Presentation State (PS3.3 A.33.1): how a reader left images for others to
 * see them. What Clain applies to the images it references: their window (Softcopy VOI LUT,
 * C.11.8), the Presentation LUT Shape (INVERSE, C.11.6), rotation and horizontal flip (Spatial
 * Transformation, C.10.6) and the annotations (Graphic Annotation, C.10.5: text, points,
 * polylines, interpolated curves, circles, ellipses), in image pixel coordinates whose origin is
 * the top-left corner of the top-left pixel (C.10.5.1.2, PIXEL units). Annotations in DISPLAY units
 * (fractions of the Displayed Area, C.10.4) are placed in the image's displayed area, which the
 * viewer shows filling the viewport (SCALE TO FIT and TRUE SIZE) or at its magnification (MAGNIFY).
 * Not applied: shutters, overlay activation, a Modality LUT of its own.
 */
public final class PresentationState {
    /** Grayscale Softcopy Presentation State Storage. */
    public static final String GRAYSCALE_SOP_CLASS = "1.2.840.10008.5.1.4.1.1.11.1";
    /** Colour of annotations on a layer without a recommended one. */
    public static final int DEFAULT_RGB = 0xFFE066;

    /**
     * A graphic in image pixels: POINT, POLYLINE, INTERPOLATED, CIRCLE (centre, a point on it) or
     * ELLIPSE (major axis ends, minor axis ends).
     */
    public record Graphic(String type, double[] points, boolean filled, int rgb) {
    }

    /** Text at its bounding box's top-left corner, else at its anchor point, in image pixels. */
    public record Text(String value, double x, double y, int rgb) {
    }

    /**
     * The region of an image to show (pixel units, corner origin: left, top, width, height) and how:
     * Presentation Size Mode SCALE TO FIT, TRUE SIZE or MAGNIFY, with its magnification (screen
     * pixels per image pixel, NaN unless MAGNIFY).
     */
    public record DisplayedArea(double left, double top, double width, double height, String mode,
                                double magnification) {
    }

    /** An image it applies to: SOP Instance UID and frame number (1-based; 0: every frame). */
    private record ImageRef(String sopInstanceUid, int frame) {
        boolean matches(String sop, int frameNumber) {
            return sopInstanceUid.equals(sop) && (frame == 0 || frame == frameNumber);
        }
    }

    /** An item of one of the state's sequences, with the images it is limited to (empty: all). */
    private record Scoped<T>(List<ImageRef> images, T value) {
        boolean appliesTo(String sop, int frame) {
            return images.isEmpty() || images.stream().anyMatch(r -> r.matches(sop, frame));
        }
    }

    /** An annotation item before placement: coordinates in PIXEL units or fractions of the displayed area. */
    private record RawGraphic(String type, double[] points, boolean display, boolean filled, int rgb) {
    }

    private record RawText(String value, double[] at, boolean display, int rgb) {
    }

    private final String label;
    private final String description;
    private final List<ImageRef> images;
    private final Set<String> referencedSeries;
    private final List<Scoped<double[]>> windows;
    private final List<Scoped<DisplayedArea>> displayedAreas;
    private final List<Scoped<RawGraphic>> graphics;
    private final List<Scoped<RawText>> texts;
    private final boolean inverse;
    private final int rotation;
    private final boolean flipHorizontal;

    private PresentationState(Attributes ds, List<ImageRef> images, Set<String> referencedSeries,
                              List<Scoped<double[]>> windows, List<Scoped<DisplayedArea>> displayedAreas,
                              List<Scoped<RawGraphic>> graphics, List<Scoped<RawText>> texts) {
        this.label = ds.getString(Tag.ContentLabel, "").trim();
        this.description = ds.getString(Tag.ContentDescription, "").trim();
        this.images = List.copyOf(images);
        this.referencedSeries = Set.copyOf(referencedSeries);
        this.windows = List.copyOf(windows);
        this.displayedAreas = List.copyOf(displayedAreas);
        this.graphics = List.copyOf(graphics);
        this.texts = List.copyOf(texts);
        this.inverse = ds.getString(Tag.PresentationLUTShape, "").trim().equalsIgnoreCase("INVERSE");
        this.rotation = Math.floorMod(ds.getInt(Tag.ImageRotation, 0), 360);
        this.flipHorizontal = ds.getString(Tag.ImageHorizontalFlip, "N").trim().equalsIgnoreCase("Y");
    }

    /** True for Grayscale Softcopy Presentation State Storage (or Modality PR of that class). */
    public static boolean isPresentationState(Instance in) {
        return in.sopClassUid().equals(GRAYSCALE_SOP_CLASS);
    }

    public static PresentationState read(Instance in) throws DicomException {
        if (!isPresentationState(in)) {
            throw new DicomException(in.path(), -1, "not a Grayscale Softcopy Presentation State (SOP Class "
                    + in.sopClassUid() + ")");
        }
        Attributes ds = in.file().dataset();
        List<ImageRef> images = new ArrayList<>();
        Set<String> series = new LinkedHashSet<>();
        for (Attributes s : ds.getSequence(Tag.ReferencedSeriesSequence)) {
            String uid = s.getString(Tag.SeriesInstanceUID, "").trim();
            if (!uid.isEmpty()) {
                series.add(uid);
            }
            images.addAll(imageRefs(s));
        }
        if (images.isEmpty()) {
            throw new DicomException(in.path(), -1, "the presentation state references no image"
                    + " (Referenced Series Sequence (0008,1115) without Referenced Image Sequence)");
        }
        List<Scoped<double[]>> windows = new ArrayList<>();
        for (Attributes v : ds.getSequence(Tag.SoftcopyVOILUTSequence)) {
            double c = v.getDouble(Tag.WindowCenter, Double.NaN);
            double w = v.getDouble(Tag.WindowWidth, Double.NaN);
            if (Double.isFinite(c) && w >= 1) {
                windows.add(new Scoped<>(imageRefs(v), new double[] {c, w}));
            }
        }
        List<Scoped<DisplayedArea>> areas = new ArrayList<>();
        for (Attributes a : ds.getSequence(Tag.DisplayedAreaSelectionSequence)) {
            double[] tl = a.getDoubles(Tag.DisplayedAreaTopLeftHandCorner);
            double[] br = a.getDoubles(Tag.DisplayedAreaBottomRightHandCorner);
            if (tl != null && br != null && tl.length >= 2 && br.length >= 2 && br[0] >= tl[0] && br[1] >= tl[1]) {
                // corners are pixels counted from 1 (C.10.4): the area runs from the first's corner to the last's
                String mode = a.getString(Tag.PresentationSizeMode, "SCALE TO FIT").trim().toUpperCase(Locale.ROOT);
                double ratio = a.getDouble(Tag.PresentationPixelMagnificationRatio, Double.NaN);
                areas.add(new Scoped<>(imageRefs(a), new DisplayedArea(tl[0] - 1, tl[1] - 1, br[0] - tl[0] + 1,
                        br[1] - tl[1] + 1, mode, mode.equals("MAGNIFY") && ratio > 0 ? ratio : Double.NaN)));
            }
        }
        Map<String, Integer> layerColours = layerColours(ds);
        List<Scoped<RawGraphic>> graphics = new ArrayList<>();
        List<Scoped<RawText>> texts = new ArrayList<>();
        for (Attributes a : ds.getSequence(Tag.GraphicAnnotationSequence)) {
            List<ImageRef> refs = imageRefs(a);
            int rgb = layerColours.getOrDefault(a.getString(Tag.GraphicLayer, "").trim(), DEFAULT_RGB);
            for (Attributes g : a.getSequence(Tag.GraphicObjectSequence)) {
                double[] data = g.getDoubles(Tag.GraphicData);
                String type = g.getString(Tag.GraphicType, "").trim().toUpperCase(Locale.ROOT);
                if (data == null || data.length < 2 || data.length % 2 != 0 || !finite(data)) {
                    continue;
                }
                graphics.add(new Scoped<>(refs, new RawGraphic(type, data, display(g, Tag.GraphicAnnotationUnits),
                        g.getString(Tag.GraphicFilled, "N").trim().equalsIgnoreCase("Y"), rgb)));
            }
            for (Attributes t : a.getSequence(Tag.TextObjectSequence)) {
                String value = t.getString(Tag.UnformattedTextValue, "").strip();
                double[] box = t.getDoubles(Tag.BoundingBoxTopLeftHandCorner);
                double[] anchor = t.getDoubles(Tag.AnchorPoint);
                if (value.isEmpty()) {
                    continue;
                }
                // a corner or a point is one column, row pair (VM 2), whatever else the element holds
                if (box != null && box.length >= 2 && finite(box)) {
                    texts.add(new Scoped<>(refs, new RawText(value, new double[] {box[0], box[1]},
                            display(t, Tag.BoundingBoxAnnotationUnits), rgb)));
                } else if (anchor != null && anchor.length >= 2 && finite(anchor)) {
                    texts.add(new Scoped<>(refs, new RawText(value, new double[] {anchor[0], anchor[1]},
                            display(t, Tag.AnchorPointAnnotationUnits), rgb)));
                }
            }
        }
        return new PresentationState(ds, images, series, windows, areas, graphics, texts);
    }

    private static boolean display(Attributes item, int unitsTag) {
        return item.getString(unitsTag, "PIXEL").trim().equalsIgnoreCase("DISPLAY");
    }

    private static boolean finite(double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }

    /** The Referenced Image Sequence of an item: SOP Instance UIDs, each frame listed or all. */
    private static List<ImageRef> imageRefs(Attributes item) {
        List<ImageRef> out = new ArrayList<>();
        for (Attributes r : item.getSequence(Tag.ReferencedImageSequence)) {
            String sop = r.getString(Tag.ReferencedSOPInstanceUID, "").trim();
            if (sop.isEmpty()) {
                continue;
            }
            double[] frames = r.getDoubles(Tag.ReferencedFrameNumber);
            if (frames == null || frames.length == 0) {
                out.add(new ImageRef(sop, 0));
            } else {
                for (double f : frames) {
                    out.add(new ImageRef(sop, (int) f));
                }
            }
        }
        return out;
    }

    /** Graphic layers' recommended colours (CIELab, else grey level), by layer name. */
    private static Map<String, Integer> layerColours(Attributes ds) {
        Map<String, Integer> out = new HashMap<>();
        for (Attributes l : ds.getSequence(Tag.GraphicLayerSequence)) {
            String name = l.getString(Tag.GraphicLayer, "").trim();
            int[] lab = l.getUnsignedShorts(Tag.GraphicLayerRecommendedDisplayCIELabValue);
            int grey = l.getInt(Tag.GraphicLayerRecommendedDisplayGrayscaleValue, -1);
            if (lab != null && lab.length == 3) {
                out.put(name, CieLab.dicomToRgb(lab[0], lab[1], lab[2]));
            } else if (grey >= 0) {
                int g = Math.min(255, grey >> 8);
                out.put(name, g << 16 | g << 8 | g);
            }
        }
        return out;
    }

    /** Content Label (its name in a list of states). */
    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public Set<String> referencedSeries() {
        return referencedSeries;
    }

    /** Whether it applies to frame {@code frame} (1-based) of an image. */
    public boolean appliesTo(String sopInstanceUid, int frame) {
        return images.stream().anyMatch(r -> r.matches(sopInstanceUid, frame));
    }

    /** The SOP Instance UIDs it references, in its order. */
    public List<String> referencedImages() {
        return images.stream().map(ImageRef::sopInstanceUid).distinct().toList();
    }

    /** Window centre and width for an image (the first Softcopy VOI LUT item that applies), if any. */
    public Optional<double[]> window(String sopInstanceUid, int frame) {
        if (!appliesTo(sopInstanceUid, frame)) {
            return Optional.empty();
        }
        return windows.stream().filter(w -> w.appliesTo(sopInstanceUid, frame)).findFirst()
                .map(w -> w.value().clone());
    }

    /** Presentation LUT Shape INVERSE: low values shown white. */
    public boolean inverse() {
        return inverse;
    }

    /** Image Rotation, degrees clockwise (0, 90, 180, 270), applied after the flip. */
    public int rotation() {
        return rotation;
    }

    public boolean flipHorizontal() {
        return flipHorizontal;
    }

    /** The graphics on an image of {@code columns} x {@code rows}, in its pixel coordinates. */
    public List<Graphic> graphics(String sopInstanceUid, int frame, int columns, int rows) {
        return placed(graphics, sopInstanceUid, frame, columns, rows,
                (r, area) -> new Graphic(r.type(), place(r.points(), r.display(), area), r.filled(), r.rgb()));
    }

    /** The texts on an image of {@code columns} x {@code rows}, in its pixel coordinates. */
    public List<Text> texts(String sopInstanceUid, int frame, int columns, int rows) {
        return placed(texts, sopInstanceUid, frame, columns, rows, (r, area) -> {
            double[] at = place(r.at(), r.display(), area);
            return new Text(r.value(), at[0], at[1], r.rgb());
        });
    }

    /** The annotation items that apply to an image, placed in its pixels by its displayed area. */
    private <R, T> List<T> placed(List<Scoped<R>> items, String sop, int frame, int columns, int rows,
                                  BiFunction<R, double[], T> place) {
        if (!appliesTo(sop, frame)) {
            return List.of();
        }
        double[] area = area(sop, frame, columns, rows);
        List<T> out = new ArrayList<>();
        for (Scoped<R> item : items) {
            if (item.appliesTo(sop, frame)) {
                out.add(place.apply(item.value(), area));
            }
        }
        return out;
    }

    /** The displayed area of an image: its Displayed Area Selection, else the whole image scaled to fit. */
    public DisplayedArea displayedArea(String sop, int frame, int columns, int rows) {
        for (Scoped<DisplayedArea> a : displayedAreas) {
            if (a.appliesTo(sop, frame)) {
                return a.value();
            }
        }
        return new DisplayedArea(0, 0, columns, rows, "SCALE TO FIT", Double.NaN);
    }

    private double[] area(String sop, int frame, int columns, int rows) {
        DisplayedArea a = displayedArea(sop, frame, columns, rows);
        return new double[] {a.left(), a.top(), a.width(), a.height()};
    }

    /** Column, row pairs in PIXEL units as they are; in DISPLAY units, fractions of the displayed area. */
    private static double[] place(double[] points, boolean display, double[] area) {
        if (!display) {
            return points.clone();
        }
        double[] out = new double[points.length];
        for (int i = 0; i + 1 < points.length; i += 2) {
            out[i] = area[0] + points[i] * area[2];
            out[i + 1] = area[1] + points[i + 1] * area[3];
        }
        return out;
    }

    /** A short description for a list: label, description, the number of images and annotations. */
    public String summary() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("image", referencedImages().size());
        counts.put("annotation", graphics.size() + texts.size());
        StringBuilder sb = new StringBuilder(label.isEmpty() ? "Presentation state" : label);
        if (!description.isEmpty()) {
            sb.append(" (").append(description).append(')');
        }
        counts.forEach((what, n) -> sb.append(", ").append(n).append(' ').append(what).append(n == 1 ? "" : "s"));
        return sb.toString();
    }
}
