package org.clain.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import org.clain.render.HuHistogram;
import org.clain.render.TransferFunction;
import org.clain.render.TransferFunction.Point;

/**
 * A transfer function editor: the volume's HU histogram (log scale, grey) under the function's
 * points (HU across, opacity up, each drawn in its colour) joined by the opacity curve, with the
 * colour ramp below. Drag a point to move it; double-click empty space to add a point (its colour
 * interpolated); right-click a point, or select it and press Delete, to remove it. The selected
 * point's colour is set with {@link #setSelectedColour}. The wheel zooms the HU axis at the pointer. Every change is reported with a flag that
 * says whether the user is still dragging (the 3D view renders quick frames meanwhile).
 */
public final class TransferFunctionEditor extends Region {
    static final double PICK = 8;
    private static final double LEFT = 6;
    private static final double RIGHT = 6;
    private static final double TOP = 8;
    private static final double RAMP = 10;
    private static final double AXIS = 16;
    private static final Font SMALL = Font.font("Dialog", 10.5);

    private final Canvas canvas = new Canvas();
    private final List<Point> points = new ArrayList<>();
    private HuHistogram histogram;
    private double lo = -1024;
    private double hi = 3071;
    private int selected = -1;
    private int dragging = -1;
    private BiConsumer<TransferFunction, Boolean> onChange = (tf, live) -> { };
    private Runnable onSelect = () -> { };

    public TransferFunctionEditor() {
        setId("tf-editor");
        getStyleClass().add("tf-editor");
        getChildren().add(canvas);
        setPrefSize(290, 170);
        setMinSize(120, 90);
        setFocusTraversable(true);
        setOnMousePressed(this::onPressed);
        setOnMouseDragged(this::onDragged);
        setOnMouseReleased(e -> {
            if (dragging >= 0) {
                dragging = -1;
                fire(false);
            }
        });
        setOnScroll(e -> {
            if (e.getDeltaY() != 0) {
                zoomAxis(e.getDeltaY() > 0 ? 1 / 1.25 : 1.25, hu(e.getX()));
                e.consume();
            }
        });
        setOnKeyPressed(e -> {
            if ((e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) && selected >= 0) {
                removePoint(selected);
                e.consume();
            }
        });
    }

    /** Called with the new function and true while a drag goes on, false when an edit is complete. */
    public void setOnChange(BiConsumer<TransferFunction, Boolean> l) {
        onChange = l;
    }

    void setOnSelect(Runnable r) {
        onSelect = r;
    }

    /** Shows a function (no change event). */
    public void setFunction(TransferFunction tf) {
        points.clear();
        points.addAll(tf.points());
        selected = Math.min(selected, points.size() - 1);
        redraw();
        onSelect.run();
    }

    public TransferFunction function() {
        return new TransferFunction(points);
    }

    public List<Point> points() {
        return List.copyOf(points);
    }

    /** The histogram under the curve; the HU axis spans its range. */
    public void setHistogram(HuHistogram h) {
        histogram = h;
        lo = h.lo();
        hi = Math.max(h.hi(), h.lo() + 100);
        redraw();
    }

    /** Narrows (factor below 1) or widens the HU axis keeping {@code atHu} in place, within the data's reach. */
    public void zoomAxis(double factor, double atHu) {
        double minLo = histogram == null ? -2000 : histogram.lo() - 1000;
        double maxHi = histogram == null ? 4000 : histogram.hi() + 2000;
        double nlo = atHu - (atHu - lo) * factor;
        double nhi = atHu + (hi - atHu) * factor;
        if (nhi - nlo < 50) {
            return;
        }
        lo = Math.max(minLo, nlo);
        hi = Math.min(maxHi, nhi);
        redraw();
    }

    public double axisLow() {
        return lo;
    }

    public double axisHigh() {
        return hi;
    }

    public int selectedIndex() {
        return selected;
    }

    public void select(int i) {
        selected = i;
        redraw();
        onSelect.run();
    }

    public Point selectedPoint() {
        return selected >= 0 && selected < points.size() ? points.get(selected) : null;
    }

    /** Moves point i to (hu, opacity), kept between its neighbours so the order stays. */
    public void movePoint(int i, double hu, double alpha, boolean live) {
        Point p = points.get(i);
        double min = i > 0 ? points.get(i - 1).hu() + 0.5 : Double.NEGATIVE_INFINITY;
        double max = i < points.size() - 1 ? points.get(i + 1).hu() - 0.5 : Double.POSITIVE_INFINITY;
        double h = Math.max(min, Math.min(max, hu));
        double a = Math.max(0, Math.min(1, alpha));
        points.set(i, new Point(h, p.r(), p.g(), p.b(), a));
        redraw();
        fire(live);
    }

    /** Adds a point with the colour the function has there; returns its index (selected). */
    public int addPoint(double hu, double alpha) {
        double[] c = function().rgba(hu);
        Point p = new Point(hu, c[0], c[1], c[2], Math.max(0, Math.min(1, alpha)));
        int i = 0;
        while (i < points.size() && points.get(i).hu() < hu) {
            i++;
        }
        if (i < points.size() && points.get(i).hu() == hu) {
            points.set(i, p);
        } else {
            points.add(i, p);
        }
        selected = i;
        redraw();
        onSelect.run();
        fire(false);
        return i;
    }

    /** Removes a point (a function keeps at least one). */
    public void removePoint(int i) {
        if (points.size() <= 1 || i < 0 || i >= points.size()) {
            return;
        }
        points.remove(i);
        selected = -1;
        redraw();
        onSelect.run();
        fire(false);
    }

    /** Colour of the selected point (channels 0..1). */
    public void setSelectedColour(Color c) {
        Point p = selectedPoint();
        if (p == null) {
            return;
        }
        points.set(selected, new Point(p.hu(), c.getRed(), c.getGreen(), c.getBlue(), p.a()));
        redraw();
        fire(false);
    }

    private void fire(boolean live) {
        onChange.accept(function(), live);
    }

    // ---------------------------------------------------------------- coordinates

    private double plotBottom() {
        return getHeight() - AXIS - RAMP - 2;
    }

    double x(double hu) {
        double w = getWidth() - LEFT - RIGHT;
        return LEFT + (Math.max(lo, Math.min(hi, hu)) - lo) / (hi - lo) * w;
    }

    double hu(double x) {
        double w = getWidth() - LEFT - RIGHT;
        return lo + (x - LEFT) / w * (hi - lo);
    }

    double y(double alpha) {
        return plotBottom() - alpha * (plotBottom() - TOP);
    }

    double alpha(double y) {
        return (plotBottom() - y) / (plotBottom() - TOP);
    }

    /** Where point i is drawn (for tests and hit tests). */
    public Point2D pointPosition(int i) {
        Point p = points.get(i);
        return new Point2D(x(p.hu()), y(p.a()));
    }

    private int pick(double px, double py) {
        int best = -1;
        double bestD = PICK;
        for (int i = 0; i < points.size(); i++) {
            double d = pointPosition(i).distance(px, py);
            if (d <= bestD) {
                best = i;
                bestD = d;
            }
        }
        return best;
    }

    // ---------------------------------------------------------------- mouse

    private void onPressed(MouseEvent e) {
        requestFocus();
        int i = pick(e.getX(), e.getY());
        if (e.getButton() == MouseButton.SECONDARY) {
            if (i >= 0) {
                removePoint(i);
            }
        } else if (e.getButton() == MouseButton.PRIMARY) {
            if (i >= 0) {
                select(i);
                dragging = i;
            } else if (e.getClickCount() >= 2 && e.getY() <= plotBottom()) {
                addPoint(hu(e.getX()), alpha(e.getY()));
            }
        }
        e.consume();
    }

    private void onDragged(MouseEvent e) {
        if (dragging >= 0) {
            movePoint(dragging, hu(e.getX()), alpha(e.getY()), true);
        }
        e.consume();
    }

    // ---------------------------------------------------------------- drawing

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

    void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.rgb(17, 18, 20));
        g.fillRect(0, 0, w, h);
        if (w < 20 || h < 40) {
            return;
        }
        double bottom = plotBottom();
        // histogram, log counts
        if (histogram != null && histogram.peak() > 0) {
            double logPeak = Math.log1p(histogram.peak());
            g.setFill(Color.rgb(90, 94, 100));
            long[] c = histogram.counts();
            for (int b = 0; b < c.length; b++) {
                if (c[b] == 0) {
                    continue;
                }
                double h0 = histogram.lo() + b * histogram.binWidth();
                double x0 = x(h0);
                double x1 = x(h0 + histogram.binWidth());
                double top = bottom - Math.log1p(c[b]) / logPeak * (bottom - TOP);
                g.fillRect(x0, top, Math.max(1, x1 - x0), bottom - top);
            }
        }
        // grid: 0 HU and every 500
        g.setStroke(Color.rgb(60, 62, 66));
        g.setLineWidth(1);
        g.setFont(SMALL);
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        double step = niceStep((hi - lo) / 5);
        for (double v = Math.ceil(lo / step) * step; v <= hi; v += step) {
            double xx = Math.round(x(v)) + 0.5;
            g.strokeLine(xx, TOP, xx, bottom);
            g.setFill(Color.rgb(150, 152, 158));
            // labels at the ends stay inside
            g.setTextAlign(xx < 20 ? TextAlignment.LEFT : xx > w - 20 ? TextAlignment.RIGHT : TextAlignment.CENTER);
            g.fillText(DicomText.num(v), xx < 20 ? 1 : xx > w - 20 ? w - 1 : xx, h - AXIS + 2);
        }
        if (points.isEmpty()) {
            return;
        }
        // colour ramp: the function's colour, brightness from its opacity
        List<Stop> stops = new ArrayList<>();
        for (Point p : points) {
            double f = (x(p.hu()) - LEFT) / (w - LEFT - RIGHT);
            stops.add(new Stop(Math.max(0, Math.min(1, f)), Color.color(p.r(), p.g(), p.b())));
        }
        g.setFill(new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, stops));
        g.fillRect(LEFT, bottom + 2, w - LEFT - RIGHT, RAMP);
        // opacity curve, flat beyond the end points
        g.setStroke(Color.rgb(230, 230, 230));
        g.setLineWidth(1.5);
        double px = LEFT;
        double py = y(points.get(0).a());
        for (int i = 0; i < points.size(); i++) {
            Point2D q = pointPosition(i);
            g.strokeLine(px, py, q.getX(), q.getY());
            px = q.getX();
            py = q.getY();
        }
        g.strokeLine(px, py, w - RIGHT, py);
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            Point2D q = pointPosition(i);
            double r = i == selected ? 6 : 4.5;
            g.setFill(Color.color(p.r(), p.g(), p.b()));
            g.fillOval(q.getX() - r, q.getY() - r, 2 * r, 2 * r);
            g.setStroke(i == selected ? Color.WHITE : Color.rgb(200, 200, 200));
            g.setLineWidth(i == selected ? 2 : 1);
            g.strokeOval(q.getX() - r, q.getY() - r, 2 * r, 2 * r);
        }
        Point s = selectedPoint();
        if (s != null) {
            g.setTextAlign(TextAlignment.RIGHT);
            g.setFill(Color.rgb(220, 220, 220));
            g.fillText(String.format(Locale.ROOT, "%s HU  opacity %.2f", DicomText.num(s.hu()), s.a()), w - RIGHT, TOP);
        }
    }

    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(Math.max(1e-9, raw))));
        for (double f : new double[] {1, 2, 5, 10}) {
            if (f * p >= raw) {
                return f * p;
            }
        }
        return 10 * p;
    }
}
