package org.clain.ui.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clain.geom.Vec3;
import org.clain.measure.Angle;
import org.clain.measure.Arrow;
import org.clain.measure.CobbAngle;
import org.clain.measure.Distance;
import org.clain.measure.EllipsoidRoi;
import org.clain.measure.Evaluation;
import org.clain.measure.Measurement;
import org.clain.measure.PlanarRoi;
import org.clain.measure.PointProbe;
import org.clain.measure.Polyline;
import org.clain.measure.Quantity;
import org.clain.measure.TextLabel;

/**
 * How measurements read on screen: names of their kinds and their values as text. The numbers
 * come from {@link org.clain.measure.Evaluation}; this class only formats them.
 */
public final class MeasureText {
    private MeasureText() {
    }

    /** The kind of a measurement as the table shows it. */
    public static String kind(Measurement m) {
        if (m instanceof Distance) {
            return "Distance";
        } else if (m instanceof Polyline) {
            return "Polyline";
        } else if (m instanceof Angle) {
            return "Angle";
        } else if (m instanceof CobbAngle) {
            return "Cobb angle";
        } else if (m instanceof PlanarRoi r) {
            return switch (r.shape()) {
                case ELLIPSE -> "Ellipse ROI";
                case RECTANGLE -> "Rectangle ROI";
                case POLYGON -> "Polygon ROI";
                case FREEHAND -> "Freehand ROI";
            };
        } else if (m instanceof EllipsoidRoi e) {
            return e.isSphere() ? "Sphere ROI" : "Ellipsoid ROI";
        } else if (m instanceof PointProbe) {
            return "Point";
        } else if (m instanceof Arrow) {
            return "Arrow";
        } else {
            return "Text";
        }
    }

    static Quantity find(List<Quantity> q, Quantity.Kind kind) {
        for (Quantity x : q) {
            if (x.kind() == kind) {
                return x;
            }
        }
        return null;
    }

    /** "12.3" (one decimal), "—" for NaN or a missing quantity. */
    public static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "—";
        }
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.equals("-0.0") ? "0.0" : s;
    }

    /** As {@link #num(double)}; SUV with two decimals, as PET reads are reported. */
    static String num(Quantity q) {
        if (q != null && Evaluation.SUV_UNIT.equals(q.unit()) && Double.isFinite(q.value())) {
            return String.format(Locale.ROOT, "%.2f", q.value());
        }
        return q == null ? "—" : num(q.value());
    }

    static String unit(Quantity q) {
        if (q == null || q.unit().isEmpty()) {
            return "";
        }
        return switch (q.unit()) {
            case "deg" -> "°";
            case "mm2" -> " mm²";
            case "mm3" -> " mm³";
            default -> " " + q.unit();
        };
    }

    static String value(Quantity q) {
        return q == null ? "—" : num(q) + unit(q);
    }

    /** One line for the measurement table's value column. */
    public static String summary(Measurement m, List<Quantity> q) {
        if (m instanceof Distance) {
            return value(find(q, Quantity.Kind.DISTANCE));
        } else if (m instanceof Polyline) {
            return value(find(q, Quantity.Kind.PATH_LENGTH));
        } else if (m instanceof Angle) {
            return value(find(q, Quantity.Kind.ANGLE));
        } else if (m instanceof CobbAngle) {
            return value(find(q, Quantity.Kind.COBB_ANGLE));
        } else if (m instanceof PlanarRoi || m instanceof EllipsoidRoi) {
            Quantity mean = find(q, Quantity.Kind.MEAN);
            Quantity size = find(q, m instanceof PlanarRoi ? Quantity.Kind.AREA : Quantity.Kind.VOLUME);
            String sz = size == null ? "—" : (size.value() >= 100 ? String.format(Locale.ROOT, "%.0f", size.value())
                    : num(size)) + unit(size);
            Quantity suvMax = find(q, Quantity.Kind.SUV_MAX);
            if (suvMax != null) {
                return "SUVmax " + num(suvMax) + ", peak " + num(find(q, Quantity.Kind.SUV_PEAK)) + ", " + sz;
            }
            return mean == null ? sz : num(mean) + " ± " + num(find(q, Quantity.Kind.SD)) + unit(mean) + ", " + sz;
        } else if (m instanceof PointProbe) {
            return value(find(q, Quantity.Kind.VALUE));
        } else if (m instanceof Arrow a) {
            return a.text();
        } else if (m instanceof TextLabel t) {
            return t.text();
        }
        return "";
    }

    /** The lines drawn next to a measurement in a view: its label (when it has one), then its values. */
    public static List<String> lines(Measurement m, List<Quantity> q) {
        List<String> out = new ArrayList<>();
        if (!m.label().isBlank() && !(m instanceof TextLabel)) {
            out.add(m.label());
        }
        if (m instanceof Distance || m instanceof Polyline || m instanceof Angle) {
            out.add(summary(m, q));
        } else if (m instanceof CobbAngle) {
            out.add("Cobb " + summary(m, q));
        } else if (m instanceof PlanarRoi || m instanceof EllipsoidRoi) {
            Quantity mean = find(q, Quantity.Kind.MEAN);
            if (mean != null) {
                out.add("Mean " + value(mean) + "  SD " + num(find(q, Quantity.Kind.SD)));
            }
            Quantity suvMax = find(q, Quantity.Kind.SUV_MAX);
            if (suvMax != null) {
                out.add("SUVmax " + num(suvMax) + "  peak " + num(find(q, Quantity.Kind.SUV_PEAK))
                        + "  mean " + num(find(q, Quantity.Kind.SUV_MEAN)));
            }
            out.add(m instanceof PlanarRoi ? "Area " + value(find(q, Quantity.Kind.AREA))
                    : "Volume " + value(find(q, Quantity.Kind.VOLUME)));
        } else if (m instanceof PointProbe p) {
            Quantity v = find(q, Quantity.Kind.VALUE);
            if (v != null) {
                out.add(value(v));
            }
            Quantity suv = find(q, Quantity.Kind.SUV);
            if (suv != null) {
                out.add("SUVbw " + num(suv));
            }
            out.add(position(p.point()));
        } else if (m instanceof Arrow a) {
            if (!a.text().isBlank()) {
                out.add(a.text());
            }
        } else if (m instanceof TextLabel t) {
            out.add(t.text().isBlank() ? m.label() : t.text());
        }
        return out;
    }

    /** A patient position: "(x, y, z) mm" in DICOM LPS. */
    public static String position(Vec3 p) {
        return "LPS (" + num(p.x()) + ", " + num(p.y()) + ", " + num(p.z()) + ") mm";
    }
}
