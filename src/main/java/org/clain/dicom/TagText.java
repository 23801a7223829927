package org.clain.dicom;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Human-readable text of data elements, and tag search over a dataset with its sequences
 * (the DICOM tag browser and `clain info` use the same words).
 */
public final class TagText {
    private static final Pattern TAG = Pattern.compile(
            "^\\s*\\(?\\s*([0-9a-fA-F]{4})\\s*[,\\s]?\\s*([0-9a-fA-F]{4})\\s*\\)?\\s*$");
    /** Longest value text shown; the rest is elided. */
    public static final int MAX_CHARS = 256;

    /** One element found by a search, with the items leading to it (empty at the top level). */
    public record Hit(List<String> path, Attributes owner, Element element) {
    }

    private TagText() {
    }

    /** "(gggg,eeee)" in upper-case hex. */
    public static String tag(int tag) {
        return String.format(Locale.ROOT, "(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }

    /**
     * A tag written as "(0010,0010)", "0010,0010", "0010 0010" or "00100010"; empty when the text
     * is not a tag (it may be a keyword).
     */
    public static OptionalInt parseTag(String text) {
        Matcher m = TAG.matcher(text);
        if (!m.matches()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseUnsignedInt(m.group(1) + m.group(2), 16));
    }

    /** The element's value as text: strings decoded, numbers listed, sequences and bulk data summarised. */
    public static String value(Attributes owner, Element e) {
        if (e.isSequence()) {
            int n = e.items().size();
            return n + (n == 1 ? " item" : " items");
        }
        if (e.bulk() != null) {
            BulkData b = e.bulk();
            return b.encapsulated() ? "(encapsulated, " + b.fragments().size() + " fragments)"
                    : "(" + b.length() + " bytes)";
        }
        if (e.value() == null) {
            return "";
        }
        String s;
        switch (e.vr()) {
            case AT -> {
                ByteBuffer b = ByteBuffer.wrap(e.value()).order(owner.order());
                List<String> tags = new ArrayList<>();
                for (int i = 0; i + 3 < e.length(); i += 4) {
                    tags.add(tag((b.getShort(i) & 0xFFFF) << 16 | (b.getShort(i + 2) & 0xFFFF)));
                }
                s = String.join("\\", tags);
            }
            case US, SS, UL, SL, FL, FD, OW, OF, OD, OB -> {
                if (e.length() > 4 * MAX_CHARS && (e.vr() == VR.OB || e.vr() == VR.OW)) {
                    return "(" + e.length() + " bytes)";
                }
                double[] d = owner.getDoubles(e.tag());
                s = d == null ? "" : numbers(d, e.vr() == VR.FL || e.vr() == VR.FD || e.vr() == VR.OF
                        || e.vr() == VR.OD);
            }
            case UN, OL, OV, SV, UV -> s = e.length() > 64 ? "(" + e.length() + " bytes)" : hex(e.value());
            default -> s = owner.getString(e.tag());
        }
        if (s == null) {
            return "";
        }
        return s.length() > MAX_CHARS ? s.substring(0, MAX_CHARS) + "…" : s;
    }

    /**
     * Elements matching a query, depth first through sequence items: a tag (any of the forms of
     * {@link #parseTag}) matches that tag exactly; other text matches keywords and values
     * containing it, ignoring case. A blank query matches nothing.
     */
    public static List<Hit> search(Attributes dataset, String query) {
        List<Hit> out = new ArrayList<>();
        if (query == null || query.isBlank()) {
            return out;
        }
        OptionalInt tag = parseTag(query);
        search(dataset, tag, query.trim().toLowerCase(Locale.ROOT), new ArrayList<>(), out);
        return out;
    }

    /** Whether one element matches a query, by the rules of {@link #search}. */
    public static boolean matches(Attributes owner, Element e, String query) {
        if (query == null || query.isBlank()) {
            return false;
        }
        return matches(owner, e, parseTag(query), query.trim().toLowerCase(Locale.ROOT));
    }

    private static boolean matches(Attributes owner, Element e, OptionalInt tag, String lower) {
        if (tag.isPresent()) {
            return e.tag() == tag.getAsInt();
        }
        String keyword = Dictionary.standard().keyword(e.tag()).toLowerCase(Locale.ROOT);
        if (!keyword.isEmpty() && keyword.contains(lower)) {
            return true;
        }
        if (e.isSequence() || e.bulk() != null) {
            return false;
        }
        return value(owner, e).toLowerCase(Locale.ROOT).contains(lower);
    }

    private static void search(Attributes ds, OptionalInt tag, String lower, List<String> path, List<Hit> out) {
        for (Element e : ds.elements()) {
            if (matches(ds, e, tag, lower)) {
                out.add(new Hit(List.copyOf(path), ds, e));
            }
            if (e.isSequence()) {
                for (int i = 0; i < e.items().size(); i++) {
                    path.add(tag(e.tag()) + "[" + (i + 1) + "]");
                    search(e.items().get(i), tag, lower, path, out);
                    path.remove(path.size() - 1);
                }
            }
        }
    }

    private static String numbers(double[] d, boolean floating) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < d.length; i++) {
            if (sb.length() > MAX_CHARS) {
                sb.append("… (").append(d.length).append(" values)");
                break;
            }
            if (i > 0) {
                sb.append('\\');
            }
            if (!floating && d[i] == Math.rint(d[i]) && Math.abs(d[i]) < 1e15) {
                sb.append((long) d[i]);
            } else {
                sb.append(d[i]);
            }
        }
        return sb.toString();
    }

    private static String hex(byte[] v) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(String.format(Locale.ROOT, "%02X", v[i] & 0xFF));
        }
        return sb.toString();
    }
}
