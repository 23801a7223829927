package org.clain.ui;

import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Text over an image as the viewers draw it: light on a dark shadow, so that it reads on any grey
 * level, and the orientation letters in yellow at the middle of each edge. One style for the 2D
 * viewport, one for the views of the MPR workspace (reformats and 3D).
 */
final class OverlayText {
    static final Color LIGHT = Color.rgb(232, 232, 232);
    static final Color SHADOW = Color.rgb(0, 0, 0, 0.85);
    static final Color LETTER = Color.rgb(255, 214, 90);
    /** Distance (px) of the text and the letters from the edges of the view. */
    static final double MARGIN = 8;

    /** The 2D viewport's: larger letters, text shadowed to both sides. */
    static final OverlayText VIEWPORT = new OverlayText(Font.font("Dialog", FontWeight.BOLD, 17), true);
    /** The reformats' and the 3D view's. */
    static final OverlayText WORKSPACE = new OverlayText(Font.font("Dialog", FontWeight.BOLD, 16), false);

    private final Font letters;
    private final boolean twoShadows;

    private OverlayText(Font letters, boolean twoShadows) {
        this.letters = letters;
        this.twoShadows = twoShadows;
    }

    /** Text at (x, y) in the font, alignment and baseline set, over its shadow; nothing for null or "". */
    void shadowed(GraphicsContext g, String s, double x, double y, Color c) {
        if (s == null || s.isEmpty()) {
            return;
        }
        g.setFill(SHADOW);
        g.fillText(s, x + 1, y + 1);
        if (twoShadows) {
            g.fillText(s, x - 1, y + 1);
        }
        g.setFill(c);
        g.fillText(s, x, y);
    }

    /** The orientation letters at the middle of each edge, the top and bottom ones 10 px further in. */
    void letters(GraphicsContext g, String top, String bottom, String left, String right, double cw, double ch) {
        letters(g, top, bottom, left, right, cw, ch, MARGIN + 10, ch - MARGIN - 10);
    }

    /** The orientation letters at the middle of each edge, the top and bottom ones centred at the heights given. */
    void letters(GraphicsContext g, String top, String bottom, String left, String right, double cw, double ch,
                 double topY, double bottomY) {
        g.setFont(letters);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.CENTER);
        shadowed(g, top, cw / 2, topY, LETTER);
        shadowed(g, bottom, cw / 2, bottomY, LETTER);
        g.setTextAlign(TextAlignment.LEFT);
        shadowed(g, left, MARGIN, ch / 2, LETTER);
        g.setTextAlign(TextAlignment.RIGHT);
        shadowed(g, right, cw - MARGIN, ch / 2, LETTER);
    }
}
