package org.clain.ui.measure;

/** The drawing tools of the left mouse button, besides the viewer's navigation tools. */
public enum MeasureTool {
    DISTANCE("Distance", "drag from one point to the other"),
    POLYLINE("Polyline", "click the vertices; double-click or Enter ends"),
    ANGLE("Angle", "three clicks: arm, vertex, arm (or drag the first arm)"),
    COBB("Cobb angle", "two lines: drag (or click the two ends of) each"),
    ELLIPSE("Ellipse ROI", "drag across the ellipse's bounding box"),
    RECTANGLE("Rectangle ROI", "drag from corner to corner"),
    POLYGON("Polygon ROI", "click the vertices; double-click, Enter or a click on the first vertex closes it"),
    FREEHAND("Freehand ROI", "drag along the outline"),
    PROBE("Point probe", "click a point: its value and patient position"),
    ARROW("Arrow", "drag from the tip to the tail, then type its text (optional)"),
    TEXT("Text label", "click where the text goes, then type it");

    private final String title;
    private final String how;

    MeasureTool(String title, String how) {
        this.title = title;
        this.how = how;
    }

    public String title() {
        return title;
    }

    /** How to draw it with the mouse (tooltips, help sheet). */
    public String how() {
        return how;
    }

    /** Points a click tool needs before it is complete; 0 when open ended or drag drawn. */
    int clicks() {
        return switch (this) {
            case DISTANCE, ARROW, ELLIPSE, RECTANGLE -> 2;
            case ANGLE -> 3;
            case COBB -> 4;
            case PROBE, TEXT -> 1;
            default -> 0;
        };
    }
}
