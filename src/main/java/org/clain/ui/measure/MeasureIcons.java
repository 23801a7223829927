package org.clain.ui.measure;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.CubicCurveTo;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.Line;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.Shape;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/** Small drawn icons (18 x 18) for the tool buttons: no image files, no font glyphs to go missing. */
final class MeasureIcons {
    private static final Color INK = Color.rgb(205, 207, 211);
    private static final double S = 18;

    private MeasureIcons() {
    }

    static Node of(MeasureTool t) {
        Group g = new Group();
        // a transparent frame keeps every icon the same size
        Rectangle frame = new Rectangle(0, 0, S, S);
        frame.setFill(Color.TRANSPARENT);
        g.getChildren().add(frame);
        switch (t) {
            case DISTANCE -> g.getChildren().addAll(line(3, 15, 15, 3), line(1, 13, 5, 17), line(13, 1, 17, 5));
            case POLYLINE -> g.getChildren().add(stroke(new Polyline(2, 15, 6, 5, 11, 12, 16, 3)));
            case ANGLE -> g.getChildren().addAll(stroke(new Polyline(16, 3, 3, 15, 16, 15)),
                    arc());
            case COBB -> g.getChildren().addAll(line(2, 4, 16, 7), line(2, 15, 16, 11),
                    dashed(line(9, 5.5, 9, 13)));
            case ELLIPSE -> g.getChildren().add(stroke(new Ellipse(9, 9, 7.5, 5.5)));
            case RECTANGLE -> g.getChildren().add(stroke(new Rectangle(2, 4, 14, 10)));
            case POLYGON -> g.getChildren().add(stroke(new Polygon(3, 6, 9, 2, 16, 7, 13, 16, 4, 14)));
            case FREEHAND -> {
                Path p = new Path(new MoveTo(3, 10), new CubicCurveTo(2, 1, 12, 0, 15, 6),
                        new CubicCurveTo(18, 12, 10, 18, 6, 15), new CubicCurveTo(3, 13, 5, 11, 3, 10));
                g.getChildren().add(stroke(p));
            }
            case PROBE -> {
                Circle c = stroke(new Circle(9, 9, 4));
                g.getChildren().addAll(c, line(9, 1, 9, 5), line(9, 13, 9, 17), line(1, 9, 5, 9), line(13, 9, 17, 9));
            }
            case ARROW -> {
                Polygon head = new Polygon(3, 3, 10, 5, 5, 10);
                head.setFill(INK);
                g.getChildren().addAll(line(5, 5, 16, 16), head);
            }
            case TEXT -> {
                Text x = new Text(3, 15, "T");
                x.setFont(Font.font("Dialog", FontWeight.BOLD, 16));
                x.setFill(INK);
                g.getChildren().add(x);
            }
        }
        return g;
    }

    private static Line line(double x1, double y1, double x2, double y2) {
        return stroke(new Line(x1, y1, x2, y2));
    }

    private static <T extends Shape> T stroke(T s) {
        s.setStroke(INK);
        s.setStrokeWidth(1.5);
        s.setStrokeLineCap(StrokeLineCap.ROUND);
        if (!(s instanceof Line) && !(s instanceof Polyline) && !(s instanceof Path)) {
            s.setFill(Color.TRANSPARENT);
        } else if (s instanceof Path || s instanceof Polyline) {
            s.setFill(null);
        }
        return s;
    }

    private static <T extends Shape> T dashed(T s) {
        s.getStrokeDashArray().setAll(2.0, 2.0);
        s.setStrokeWidth(1);
        return s;
    }

    private static Node arc() {
        javafx.scene.shape.Arc a = new javafx.scene.shape.Arc(3, 15, 7, 7, 0, 43);
        a.setType(javafx.scene.shape.ArcType.OPEN);
        return stroke(a);
    }
}
