package org.clain.measure;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.clain.geom.Vec3;
import org.clain.study.Volume;

/**
 * The measurement table as CSV (RFC 4180: comma separated, CRLF, fields quoted when needed,
 * UTF-8, numbers with a dot and up to 4 decimals). One row per measurement; columns a measurement
 * has no value for stay empty; the suvbw columns (g/ml) are filled for PET with an SUV factor, the
 * sul ones when the patient's height and sex give its lean body mass.
 * Columns: {@link #HEADER}.
 */
public final class MeasurementCsv {
    public static final List<String> HEADER = List.of("id", "type", "label", "created", "seriesInstanceUid",
            "frameOfReferenceUid", "length_mm", "angle_deg", "area_mm2", "perimeter_mm", "volume_mm3",
            "voxel_volume_mm3", "value", "mean", "sd", "min", "max", "median", "count", "unit", "suvbw", "suvbw_mean", "suvbw_max", "suvbw_peak", "sul_max", "sul_peak",
            "text",
            "points_mm");

    /** The quantities of the columns area_mm2 to median, in order. */
    private static final List<Quantity.Kind> VALUE_COLUMNS = List.of(Quantity.Kind.AREA, Quantity.Kind.PERIMETER,
            Quantity.Kind.VOLUME, Quantity.Kind.VOXEL_VOLUME, Quantity.Kind.VALUE, Quantity.Kind.MEAN, Quantity.Kind.SD,
            Quantity.Kind.MIN, Quantity.Kind.MAX, Quantity.Kind.MEDIAN);
    /** The quantities of the columns suvbw to sul_peak, in order. */
    private static final List<Quantity.Kind> UPTAKE_COLUMNS = List.of(Quantity.Kind.SUV, Quantity.Kind.SUV_MEAN,
            Quantity.Kind.SUV_MAX, Quantity.Kind.SUV_PEAK, Quantity.Kind.SUL_MAX, Quantity.Kind.SUL_PEAK);

    private MeasurementCsv() {
    }

    /**
     * @param volumes the volume of a series UID, or null when not loaded (values left empty)
     */
    public static void write(List<Measurement> measurements, Function<String, Volume> volumes, Writer out)
            throws IOException {
        row(out, HEADER);
        for (Measurement m : measurements) {
            Volume vol = m.seriesInstanceUid() == null ? null : volumes.apply(m.seriesInstanceUid());
            Map<Quantity.Kind, Quantity> q = new EnumMap<>(Quantity.Kind.class);
            for (Quantity x : Evaluation.of(m, vol)) {
                q.put(x.kind(), x);
            }
            List<String> cells = new ArrayList<>();
            cells.add(m.id());
            cells.add(m instanceof PlanarRoi r ? "roi-" + r.shape().name().toLowerCase(Locale.ROOT) : m.type());
            cells.add(userText(m.label()));
            cells.add(m.created().toString());
            cells.add(nz(m.seriesInstanceUid()));
            cells.add(nz(m.frameOfReferenceUid()));
            cells.add(num(q, Quantity.Kind.DISTANCE, Quantity.Kind.PATH_LENGTH));
            cells.add(num(q, Quantity.Kind.ANGLE, Quantity.Kind.COBB_ANGLE));
            for (Quantity.Kind k : VALUE_COLUMNS) {
                cells.add(num(q, k));
            }
            Quantity count = q.get(Quantity.Kind.COUNT);
            cells.add(count == null ? "" : Long.toString((long) count.value()));
            Quantity valued = q.containsKey(Quantity.Kind.MEAN) ? q.get(Quantity.Kind.MEAN) : q.get(Quantity.Kind.VALUE);
            cells.add(valued == null ? "" : valued.unit());
            for (Quantity.Kind k : UPTAKE_COLUMNS) {
                cells.add(num(q, k));
            }
            cells.add(userText(m instanceof Arrow a ? a.text() : m instanceof TextLabel t ? t.text() : ""));
            StringBuilder pts = new StringBuilder();
            for (Vec3 p : m.points()) {
                if (pts.length() > 0) {
                    pts.append("; ");
                }
                pts.append(fmt(p.x())).append(' ').append(fmt(p.y())).append(' ').append(fmt(p.z()));
            }
            cells.add(pts.toString());
            row(out, cells);
        }
        out.flush();
    }

    /** Writes the CSV file atomically. */
    public static void export(Path file, List<Measurement> measurements, Function<String, Volume> volumes)
            throws IOException {
        AtomicFiles.write(file, os -> {
            Writer w = new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8);
            write(measurements, volumes, w);
            w.flush();
        });
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String num(Map<Quantity.Kind, Quantity> q, Quantity.Kind... kinds) {
        for (Quantity.Kind k : kinds) {
            Quantity x = q.get(k);
            if (x != null) {
                return Double.isNaN(x.value()) ? "" : fmt(x.value());
            }
        }
        return "";
    }

    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        String s = String.format(Locale.ROOT, "%.4f", v);
        if (s.indexOf('.') >= 0) {
            s = s.replaceAll("0+$", "");
            if (s.endsWith(".")) {
                s = s.substring(0, s.length() - 1);
            }
        }
        return s.equals("-0") ? "0" : s;
    }

    private static void row(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String quote(String s) {
        if (s == null) {
            return "";
        }
        boolean needs = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                || (!s.isEmpty() && (s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' '));
        return needs ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** User text: a leading = + - @ would be run as a formula by spreadsheets, so it is kept as text. */
    static String userText(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        return "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }
}
