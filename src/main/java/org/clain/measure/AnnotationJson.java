package org.clain.measure;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clain.geom.Vec3;

/**
 * The annotation document of one study, version {@value #SCHEMA_VERSION}:
 * <pre>
 * { "format": "clain-annotations", "schemaVersion": 1, "studyInstanceUid": "...", "savedAt": "...Z",
 *   "measurements": [ { "type": "distance", "id": "...", "label": "...", "created": "...Z",
 *                       "seriesInstanceUid": "...", "frameOfReferenceUid": "...",
 *                       "points": [[x,y,z], [x,y,z]] }, ... ] }
 * </pre>
 * Coordinates are patient LPS mm, written with full double precision (a round trip is exact).
 * Per type: {@code distance} (points a, b), {@code polyline} (vertices), {@code angle} (a, vertex, b),
 * {@code cobb} (a1, a2, b1, b2), {@code roi} ("shape": ellipse|rectangle|polygon|freehand, "center",
 * "u", "v", points as {@link PlanarRoi} defines them), {@code ellipsoid} ("center", "axes" [u, v, w],
 * "radii" [ru, rv, rw]), {@code point} (one point), {@code arrow} (tail, head, "text"), {@code text}
 * (anchor, "text"). Unknown fields are ignored (a later minor addition); a later schemaVersion or an
 * unknown type is refused with the reason, never half-read.
 */
public final class AnnotationJson {
    /** UTC to the millisecond, always the same width (Instant.toString drops trailing zero digits). */
    private static final DateTimeFormatter SAVED_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    public static final int SCHEMA_VERSION = 1;
    public static final String FORMAT = "clain-annotations";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private AnnotationJson() {
    }

    public static void write(MeasurementSet set, OutputStream out) throws IOException {
        MAPPER.writeValue(out, toTree(set.studyInstanceUid(), set.measurements()));
    }

    public static byte[] toBytes(MeasurementSet set) throws IOException {
        return MAPPER.writeValueAsBytes(toTree(set.studyInstanceUid(), set.measurements()));
    }

    public static MeasurementSet read(InputStream in) throws IOException {
        return fromTree(MAPPER.readTree(in));
    }

    /** Writes the document to any path the user chose, atomically. */
    public static void exportTo(Path file, MeasurementSet set) throws IOException {
        AtomicFiles.write(file, out -> write(set, out));
    }

    public static MeasurementSet importFrom(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        } catch (AnnotationFormatException e) {
            throw new AnnotationFormatException(file + ": " + e.getMessage());
        }
    }

    /** A document that is not a Clain annotation document this version can read. */
    public static final class AnnotationFormatException extends IOException {
        public AnnotationFormatException(String message) {
            super(message);
        }
    }

    static ObjectNode toTree(String studyUid, List<Measurement> list) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("studyInstanceUid", studyUid);
        root.put("savedAt", SAVED_AT.format(Instant.now()));
        ArrayNode arr = root.putArray("measurements");
        for (Measurement m : list) {
            arr.add(toNode(m));
        }
        return root;
    }

    private static ObjectNode toNode(Measurement m) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("type", m.type());
        Meta meta = m.meta();
        o.put("id", meta.id());
        o.put("label", meta.label());
        o.put("created", meta.created().toString());
        o.put("seriesInstanceUid", meta.seriesInstanceUid());
        o.put("frameOfReferenceUid", meta.frameOfReferenceUid());
        if (m instanceof PlanarRoi r) {
            o.put("shape", r.shape().name().toLowerCase(Locale.ROOT));
            o.set("center", vec(r.center()));
            o.set("u", vec(r.u()));
            o.set("v", vec(r.v()));
        } else if (m instanceof EllipsoidRoi e) {
            o.set("center", vec(e.center()));
            ArrayNode axes = o.putArray("axes");
            axes.add(vec(e.u()));
            axes.add(vec(e.v()));
            axes.add(vec(e.w()));
            ArrayNode radii = o.putArray("radii");
            radii.add(e.ru());
            radii.add(e.rv());
            radii.add(e.rw());
            return o;
        } else if (m instanceof Arrow a) {
            o.put("text", a.text());
        } else if (m instanceof TextLabel t) {
            o.put("text", t.text());
        }
        ArrayNode pts = o.putArray("points");
        for (Vec3 p : m.points()) {
            pts.add(vec(p));
        }
        return o;
    }

    private static ArrayNode vec(Vec3 p) {
        ArrayNode a = MAPPER.createArrayNode();
        a.add(p.x());
        a.add(p.y());
        a.add(p.z());
        return a;
    }

    static MeasurementSet fromTree(JsonNode root) throws AnnotationFormatException {
        if (root == null || !root.isObject()) {
            throw new AnnotationFormatException("not a JSON object");
        }
        if (!FORMAT.equals(root.path("format").asText(null))) {
            throw new AnnotationFormatException("not a Clain annotation document (format is not \"" + FORMAT + "\")");
        }
        JsonNode version = root.get("schemaVersion");
        if (version == null || !version.canConvertToInt()) {
            throw new AnnotationFormatException("schemaVersion missing");
        }
        if (version.asInt() > SCHEMA_VERSION) {
            throw new AnnotationFormatException("schemaVersion " + version.asInt()
                    + " was written by a newer Clain; this one reads up to " + SCHEMA_VERSION);
        }
        if (version.asInt() < 1) {
            throw new AnnotationFormatException("invalid schemaVersion " + version.asInt());
        }
        String study = text(root, "studyInstanceUid", true);
        JsonNode arr = root.get("measurements");
        if (arr == null || !arr.isArray()) {
            throw new AnnotationFormatException("measurements array missing");
        }
        List<Measurement> list = new ArrayList<>();
        int index = 0;
        for (JsonNode n : arr) {
            try {
                list.add(fromNode(n));
            } catch (AnnotationFormatException | IllegalArgumentException | NullPointerException e) {
                throw new AnnotationFormatException("measurement " + index + ": " + e.getMessage());
            }
            index++;
        }
        try {
            return MeasurementSet.of(study, list);
        } catch (IllegalArgumentException e) {
            throw new AnnotationFormatException(e.getMessage());
        }
    }

    private static Measurement fromNode(JsonNode n) throws AnnotationFormatException {
        String type = text(n, "type", true);
        Instant created;
        try {
            created = Instant.parse(text(n, "created", true));
        } catch (DateTimeParseException e) {
            throw new AnnotationFormatException("bad created time: " + e.getParsedString());
        }
        Meta meta = new Meta(text(n, "id", true), text(n, "label", false), created,
                text(n, "seriesInstanceUid", false), text(n, "frameOfReferenceUid", false));
        switch (type) {
            case "distance": {
                List<Vec3> p = points(n, 2, 2);
                return new Distance(meta, p.get(0), p.get(1));
            }
            case "polyline":
                return new Polyline(meta, points(n, 2, Integer.MAX_VALUE));
            case "angle": {
                List<Vec3> p = points(n, 3, 3);
                return new Angle(meta, p.get(0), p.get(1), p.get(2));
            }
            case "cobb": {
                List<Vec3> p = points(n, 4, 4);
                return new CobbAngle(meta, p.get(0), p.get(1), p.get(2), p.get(3));
            }
            case "roi": {
                PlanarRoi.Shape shape;
                try {
                    shape = PlanarRoi.Shape.valueOf(text(n, "shape", true).toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new AnnotationFormatException("unknown ROI shape " + n.get("shape"));
                }
                return new PlanarRoi(meta, shape, vec(n, "center"), vec(n, "u"), vec(n, "v"),
                        points(n, 3, Integer.MAX_VALUE));
            }
            case "ellipsoid": {
                JsonNode axes = n.get("axes");
                JsonNode radii = n.get("radii");
                if (axes == null || !axes.isArray() || axes.size() != 3 || radii == null || !radii.isArray()
                        || radii.size() != 3) {
                    throw new AnnotationFormatException("ellipsoid needs 3 axes and 3 radii");
                }
                return new EllipsoidRoi(meta, vec(n, "center"), vec(axes.get(0)), vec(axes.get(1)), vec(axes.get(2)),
                        num(radii.get(0)), num(radii.get(1)), num(radii.get(2)));
            }
            case "point":
                return new PointProbe(meta, points(n, 1, 1).get(0));
            case "arrow": {
                List<Vec3> p = points(n, 2, 2);
                return new Arrow(meta, p.get(0), p.get(1), text(n, "text", false));
            }
            case "text":
                return new TextLabel(meta, points(n, 1, 1).get(0), text(n, "text", false));
            default:
                throw new AnnotationFormatException("unknown measurement type \"" + type + "\"");
        }
    }

    private static String text(JsonNode n, String field, boolean required) throws AnnotationFormatException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new AnnotationFormatException(field + " missing");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new AnnotationFormatException(field + " is not text");
        }
        return v.asText();
    }

    private static List<Vec3> points(JsonNode n, int min, int max) throws AnnotationFormatException {
        JsonNode arr = n.get("points");
        if (arr == null || !arr.isArray() || arr.size() < min || arr.size() > max) {
            throw new AnnotationFormatException("points: expected " + (min == max ? "" + min : min + " or more")
                    + " points");
        }
        List<Vec3> out = new ArrayList<>();
        for (JsonNode p : arr) {
            out.add(vec(p));
        }
        return out;
    }

    private static Vec3 vec(JsonNode n, String field) throws AnnotationFormatException {
        JsonNode v = n.get(field);
        if (v == null) {
            throw new AnnotationFormatException(field + " missing");
        }
        return vec(v);
    }

    private static Vec3 vec(JsonNode a) throws AnnotationFormatException {
        if (a == null || !a.isArray() || a.size() != 3) {
            throw new AnnotationFormatException("a point is an array of 3 numbers, got " + a);
        }
        return new Vec3(num(a.get(0)), num(a.get(1)), num(a.get(2)));
    }

    private static double num(JsonNode v) throws AnnotationFormatException {
        if (v == null || !v.isNumber()) {
            throw new AnnotationFormatException("expected a number, got " + v);
        }
        return v.doubleValue();
    }
}
