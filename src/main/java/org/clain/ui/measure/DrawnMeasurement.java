package org.clain.ui.measure;

import java.util.List;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import org.clain.measure.Measurement;

/**
 * What was drawn of a measurement in a view, in screen coordinates, for the hit tests
 * ({@link MeasureHits}): its open and closed paths, its handles, its label box and its marker (the
 * point of a probe or a text label); label and marker may be null.
 */
record DrawnMeasurement(Measurement m, List<Point2D[]> open, List<Point2D[]> closed, List<Point2D> handles,
                        Rectangle2D label, Point2D marker) {
}
