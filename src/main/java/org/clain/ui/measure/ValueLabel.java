package org.clain.ui.measure;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * The text beside a measurement in a view: its values ({@link MeasureText}: length, angle, the ROI
 * statistics) or an annotation's text, in a dark box on the side the measurement leaves free, kept
 * inside the view.
 */
final class ValueLabel {
    private static final Color TEXT_INK = Color.rgb(255, 222, 140);
    private static final Color TEXT_SELECTED = Color.rgb(190, 255, 200);
    private static final Color LABEL_BACK = Color.rgb(0, 0, 0, 0.62);
    private static final Font FONT = Font.font("Dialog", 13);
    private static final double LINE_HEIGHT = 16;

    private final PlaneView view;
    private final Text metrics = new Text();

    ValueLabel(PlaneView view) {
        this.view = view;
        metrics.setFont(FONT);
    }

    /**
     * Text lines in a dark box by the anchor, on the side {@code dir} points to, kept inside the
     * view; returns the box (null for no lines).
     *
     * @param frame a frame around the box (a selected text label, whose box is all there is of it)
     */
    Rectangle2D draw(GraphicsContext g, List<String> lines, Point2D anchor, Point2D dir, boolean selected,
                     boolean frame) {
        if (lines.isEmpty()) {
            return null;
        }
        double w = 0;
        for (String s : lines) {
            metrics.setText(s);
            w = Math.max(w, metrics.getLayoutBounds().getWidth());
        }
        double pad = 4;
        double bw = w + 2 * pad;
        double bh = lines.size() * LINE_HEIGHT + 2 * pad - 2;
        double x = dir.getX() >= 0 ? anchor.getX() : anchor.getX() - bw;
        double y = dir.getY() >= 0 ? anchor.getY() : anchor.getY() - bh;
        if (Math.abs(dir.getY()) < 0.35 && Math.abs(dir.getX()) >= 0.35) {
            y = anchor.getY() - bh / 2;
        }
        double vw = view.node().getWidth();
        double vh = view.node().getHeight();
        x = Math.max(2, Math.min(x, vw - bw - 2));
        y = Math.max(2, Math.min(y, vh - bh - 2));
        g.setFill(LABEL_BACK);
        g.fillRoundRect(x, y, bw, bh, 6, 6);
        if (frame) {
            g.setStroke(MeasureInk.INK_SELECTED);
            g.setLineWidth(1);
            g.strokeRoundRect(x, y, bw, bh, 6, 6);
        }
        g.setFont(FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(selected ? TEXT_SELECTED : TEXT_INK);
        for (int i = 0; i < lines.size(); i++) {
            g.fillText(lines.get(i), x + pad, y + pad - 1 + i * LINE_HEIGHT);
        }
        return new Rectangle2D(x, y, bw, bh);
    }
}
