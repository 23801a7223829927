package org.clain.study;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.clain.dicom.Attributes;
import org.clain.dicom.DicomException;
import org.clain.dicom.Tag;

/**
 * A Structured Report document (PS3.3 C.17.3) read into its content tree, for reading: each
 * item's relationship to its parent, value type, concept name (Code Meaning) and value as text.
 * Values: TEXT, CODE (its meaning), NUM (value and UCUM unit), DATE, TIME, DATETIME, PNAME,
 * UIDREF, the referenced SOP Instance of IMAGE / COMPOSITE / WAVEFORM, SCOORD and SCOORD3D (graphic
 * type and points); a CONTAINER has none; an item by reference names the item it points to.
 */
public final class SrDocument {
    /** Content trees deeper than this are cut (no real template nests so deep). */
    private static final int MAX_DEPTH = 64;

    /** A content item and its children; relationship empty for the root. */
    public record Item(String relationship, String valueType, String concept, String value, List<Item> children) {
        /** One line: "CONTAINS NUM Distance = 12.5 mm". */
        public String line() {
            StringBuilder sb = new StringBuilder();
            if (!relationship.isEmpty()) {
                sb.append(relationship).append(' ');
            }
            sb.append(valueType);
            if (!concept.isEmpty()) {
                sb.append(' ').append(concept);
            }
            if (!value.isEmpty()) {
                sb.append(" = ").append(value);
            }
            return sb.toString();
        }
    }

    private final Item root;
    private final String completion;
    private final String verification;

    private SrDocument(Item root, String completion, String verification) {
        this.root = root;
        this.completion = completion;
        this.verification = verification;
    }

    /** True for the SR Storage SOP classes (1.2.840.10008.5.1.4.1.1.88.x) or Modality SR. */
    public static boolean isStructuredReport(Instance in) {
        return "SR".equals(in.modality()) || in.sopClassUid().startsWith("1.2.840.10008.5.1.4.1.1.88.");
    }

    public static SrDocument read(Instance in) throws DicomException {
        if (!isStructuredReport(in)) {
            throw new DicomException(in.path(), -1, "not a Structured Report (SOP Class " + in.sopClassUid() + ")");
        }
        Attributes ds = in.file().dataset();
        String type = ds.getString(Tag.ValueType, "").trim();
        if (!type.equals("CONTAINER")) {
            throw new DicomException(in.path(), -1, "the document's root is " + (type.isEmpty() ? "missing"
                    : "a " + type) + ", not a CONTAINER (Value Type (0040,A040))");
        }
        Item root = item(ds, "", 0);
        return new SrDocument(root, ds.getString(Tag.CompletionFlag, "").trim(),
                ds.getString(Tag.VerificationFlag, "").trim());
    }

    private static Item item(Attributes a, String relationship, int depth) {
        String type = a.getString(Tag.ValueType, "").trim().toUpperCase(Locale.ROOT);
        String concept = a.firstItem(Tag.ConceptNameCodeSequence).map(SrDocument::meaning).orElse("");
        List<Item> children = new ArrayList<>();
        if (depth < MAX_DEPTH) {
            for (Attributes c : a.getSequence(Tag.ContentSequence)) {
                String rel = c.getString(Tag.RelationshipType, "").trim().toUpperCase(Locale.ROOT);
                double[] byReference = c.getDoubles(Tag.ReferencedContentItemIdentifier);
                if (byReference != null && byReference.length > 0) {
                    StringBuilder path = new StringBuilder();
                    for (double d : byReference) {
                        path.append(path.length() == 0 ? "" : ".").append((long) d);
                    }
                    children.add(new Item(rel, "(by reference)", "", "item " + path, List.of()));
                } else {
                    children.add(item(c, rel, depth + 1));
                }
            }
        }
        return new Item(relationship, type, concept, value(a, type), List.copyOf(children));
    }

    private static String meaning(Attributes code) {
        String m = code.getString(Tag.CodeMeaning, "").trim();
        return m.isEmpty() ? code.getString(Tag.CodeValue, "").trim() : m;
    }

    private static String value(Attributes a, String type) {
        switch (type) {
            case "TEXT":
                return a.getString(Tag.TextValue, "").strip();
            case "CODE":
                return a.firstItem(Tag.ConceptCodeSequence).map(SrDocument::meaning).orElse("");
            case "NUM": {
                return a.firstItem(Tag.MeasuredValueSequence).map(m -> {
                    String v = m.getString(Tag.NumericValue, "").trim();
                    String unit = m.firstItem(Tag.MeasurementUnitsCodeSequence)
                            .map(u -> u.getString(Tag.CodeValue, "").trim()).orElse("");
                    return unit.isEmpty() || unit.equals("1") ? v : v + " " + unit;
                }).orElse("(no value)");
            }
            case "DATE":
                return a.getString(Tag.Date, "").trim();
            case "TIME":
                return a.getString(Tag.Time, "").trim();
            case "DATETIME":
                return a.getString(Tag.DateTime, "").trim();
            case "PNAME":
                return a.getString(Tag.PersonName, "").trim();
            case "UIDREF":
                return a.getString(Tag.UID, "").trim();
            case "IMAGE", "COMPOSITE", "WAVEFORM":
                return a.firstItem(Tag.ReferencedSOPSequence)
                        .map(r -> r.getString(Tag.ReferencedSOPInstanceUID, "").trim()).orElse("");
            case "SCOORD", "SCOORD3D": {
                double[] points = a.getDoubles(Tag.GraphicData);
                int n = points == null ? 0 : points.length / (type.equals("SCOORD") ? 2 : 3);
                return a.getString(Tag.GraphicType, "").trim() + " of " + n + (n == 1 ? " point" : " points");
            }
            default:
                return "";
        }
    }

    /** The root CONTAINER: the document's title is its concept name. */
    public Item root() {
        return root;
    }

    public String title() {
        return root.concept();
    }

    /** Completion Flag (PARTIAL, COMPLETE) and Verification Flag (UNVERIFIED, VERIFIED), as written. */
    public String status() {
        return (completion + " " + verification).trim();
    }

    /** The tree as indented lines, depth first (two spaces a level). */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        lines(root, 0, out);
        return out;
    }

    private static void lines(Item item, int depth, List<String> out) {
        out.add("  ".repeat(depth) + item.line());
        for (Item c : item.children()) {
            lines(c, depth + 1, out);
        }
    }

    /** Content items in the document, the root included. */
    public int size() {
        return count(root);
    }

    private static int count(Item item) {
        int n = 1;
        for (Item c : item.children()) {
            n += count(c);
        }
        return n;
    }
}
