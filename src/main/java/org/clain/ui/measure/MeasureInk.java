package org.clain.ui.measure;

import javafx.geometry.Point2D;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * The strokes measurements are drawn with: a coloured line over a dark outline, so that it reads
 * on any grey, and the marks made of it (calliper ticks, angle arcs, arrow heads, the probe's
 * crosshair, handles, the diamonds where a measurement crosses the plane). Screen coordinates.
 */
final class MeasureInk {
    /** Orange: apart from the orientation letters' yellow and the reference lines' blue. */
    static final Color INK = Color.rgb(255, 160, 30);
    static final Color INK_SELECTED = Color.rgb(110, 240, 130);
    /** Half the side of a handle square, in screen pixels. */
    static final double HANDLE = 3.5;
    private static final Color OUTLINE = Color.rgb(0, 0, 0, 0.6);

    private MeasureInk() {
    }

    static void stroke(GraphicsContext g, Point2D[] p, boolean closed, Color ink) {
        if (p.length == 0) {
            return;
        }
        double[] xs = new double[p.length + (closed ? 1 : 0)];
        double[] ys = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = p[i % p.length].getX();
            ys[i] = p[i % p.length].getY();
        }
        g.setStroke(OUTLINE);
        g.setLineWidth(3.2);
        g.strokePolyline(xs, ys, xs.length);
        g.setStroke(ink);
        g.setLineWidth(1.5);
        g.strokePolyline(xs, ys, xs.length);
    }

    static Point2D unit(Point2D p) {
        double m = p.magnitude();
        return m < 1e-9 ? new Point2D(0, 0) : p.multiply(1 / m);
    }

    /** The unit normal of a-b on screen that points up (or right when vertical). */
    static Point2D normalUp(Point2D a, Point2D b) {
        Point2D d = unit(b.subtract(a));
        Point2D n = new Point2D(d.getY(), -d.getX());
        if (n.getY() > 1e-9 || (Math.abs(n.getY()) <= 1e-9 && n.getX() < 0)) {
            n = n.multiply(-1);
        }
        return n.magnitude() < 1e-9 ? new Point2D(0, -1) : n;
    }

    static void ticks(GraphicsContext g, Point2D a, Point2D b, Color ink) {
        Point2D d = unit(b.subtract(a));
        Point2D n = new Point2D(-d.getY(), d.getX()).multiply(5);
        for (Point2D p : new Point2D[] {a, b}) {
            stroke(g, new Point2D[] {p.add(n), p.subtract(n)}, false, ink);
        }
    }

    /** An arc between the arms at the vertex; returns its radius. */
    static double arc(GraphicsContext g, Point2D v, Point2D a, Point2D b, Color ink) {
        double r = Math.min(22, 0.4 * Math.min(a.distance(v), b.distance(v)));
        if (r < 4) {
            return r;
        }
        double ta = Math.atan2(a.getY() - v.getY(), a.getX() - v.getX());
        double tb = Math.atan2(b.getY() - v.getY(), b.getX() - v.getX());
        double sweep = tb - ta;
        while (sweep > Math.PI) {
            sweep -= 2 * Math.PI;
        }
        while (sweep < -Math.PI) {
            sweep += 2 * Math.PI;
        }
        int n = 24;
        Point2D[] pts = new Point2D[n + 1];
        for (int i = 0; i <= n; i++) {
            double t = ta + sweep * i / n;
            pts[i] = new Point2D(v.getX() + r * Math.cos(t), v.getY() + r * Math.sin(t));
        }
        stroke(g, pts, false, ink);
        return r;
    }

    static void crosshair(GraphicsContext g, Point2D s, Color ink) {
        double in = 3;
        double out = 10;
        for (double[] d : new double[][] {{1, 0}, {-1, 0}, {0, 1}, {0, -1}}) {
            stroke(g, new Point2D[] {s.add(d[0] * in, d[1] * in), s.add(d[0] * out, d[1] * out)}, false, ink);
        }
    }

    static void arrowHead(GraphicsContext g, Point2D tail, Point2D head, Color ink) {
        Point2D d = unit(tail.subtract(head));
        if (d.magnitude() < 1e-9) {
            return;
        }
        double len = 13;
        double a = Math.toRadians(24);
        Point2D l = rotate(d, a).multiply(len).add(head);
        Point2D r = rotate(d, -a).multiply(len).add(head);
        g.setFill(OUTLINE);
        g.fillPolygon(new double[] {head.getX(), l.getX(), r.getX()}, new double[] {head.getY(), l.getY(), r.getY()}, 3);
        g.setStroke(OUTLINE);
        g.setLineWidth(2);
        g.strokePolygon(new double[] {head.getX(), l.getX(), r.getX()}, new double[] {head.getY(), l.getY(), r.getY()}, 3);
        g.setFill(ink);
        g.fillPolygon(new double[] {head.getX(), l.getX(), r.getX()}, new double[] {head.getY(), l.getY(), r.getY()}, 3);
    }

    private static Point2D rotate(Point2D d, double a) {
        return new Point2D(d.getX() * Math.cos(a) - d.getY() * Math.sin(a), d.getX() * Math.sin(a) + d.getY() * Math.cos(a));
    }

    static void handleSquare(GraphicsContext g, Point2D p, Color ink) {
        g.setFill(Color.BLACK);
        g.fillRect(p.getX() - HANDLE - 1, p.getY() - HANDLE - 1, 2 * HANDLE + 2, 2 * HANDLE + 2);
        g.setFill(ink);
        g.fillRect(p.getX() - HANDLE, p.getY() - HANDLE, 2 * HANDLE, 2 * HANDLE);
    }

    static void diamond(GraphicsContext g, Point2D p, Color ink) {
        double r = 4;
        double[] xs = {p.getX(), p.getX() + r, p.getX(), p.getX() - r};
        double[] ys = {p.getY() - r, p.getY(), p.getY() + r, p.getY()};
        g.setFill(OUTLINE);
        g.fillPolygon(xs, ys, 4);
        g.setStroke(ink);
        g.setLineWidth(1.2);
        g.strokePolygon(xs, ys, 4);
    }
}
