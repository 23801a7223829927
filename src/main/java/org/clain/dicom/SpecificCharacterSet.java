package org.clain.dicom;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Decodes PN/LO/SH/ST/LT/UC/UT values per Specific Character Set (0008,0005), PS3.3 C.12.1.1.2
 * and PS3.5 6.1: single-byte sets, UTF-8 (ISO_IR 192), GB18030/GBK, and ISO 2022 code extensions
 * switched by escape sequences. Unknown terms fall back to ISO-8859-1 with a warning.
 */
public final class SpecificCharacterSet {
    public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet(new String[0], List.of());

    private final String[] terms;
    private final List<String> warnings;

    private SpecificCharacterSet(String[] terms, List<String> warnings) {
        this.terms = terms;
        this.warnings = warnings;
    }

    public static SpecificCharacterSet of(String[] values, Consumer<String> warn) {
        if (values == null || values.length == 0) {
            return DEFAULT;
        }
        List<String> warnings = new ArrayList<>();
        String[] t = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            t[i] = values[i] == null ? "" : values[i].trim().toUpperCase(Locale.ROOT);
            if (!t[i].isEmpty() && charsetOfTerm(t[i]) == null) {
                String w = "unknown Specific Character Set '" + values[i] + "', read as ISO-8859-1";
                warnings.add(w);
                if (warn != null) {
                    warn.accept(w);
                }
            }
        }
        return new SpecificCharacterSet(t, List.copyOf(warnings));
    }

    public List<String> warnings() {
        return warnings;
    }

    private static Charset charsetOfTerm(String term) {
        String name = switch (term) {
            case "", "ISO_IR 6", "ISO 2022 IR 6" -> "US-ASCII";
            case "ISO_IR 100", "ISO 2022 IR 100" -> "ISO-8859-1";
            case "ISO_IR 101", "ISO 2022 IR 101" -> "ISO-8859-2";
            case "ISO_IR 109", "ISO 2022 IR 109" -> "ISO-8859-3";
            case "ISO_IR 110", "ISO 2022 IR 110" -> "ISO-8859-4";
            case "ISO_IR 144", "ISO 2022 IR 144" -> "ISO-8859-5";
            case "ISO_IR 127", "ISO 2022 IR 127" -> "ISO-8859-6";
            case "ISO_IR 126", "ISO 2022 IR 126" -> "ISO-8859-7";
            case "ISO_IR 138", "ISO 2022 IR 138" -> "ISO-8859-8";
            case "ISO_IR 148", "ISO 2022 IR 148" -> "ISO-8859-9";
            case "ISO_IR 203", "ISO 2022 IR 203" -> "ISO-8859-15";
            case "ISO_IR 13", "ISO 2022 IR 13" -> "JIS_X0201";
            case "ISO_IR 166", "ISO 2022 IR 166" -> "x-iso-8859-11";
            case "ISO 2022 IR 87", "ISO 2022 IR 159" -> "EUC-JP";
            case "ISO 2022 IR 149" -> "EUC-KR";
            case "ISO 2022 IR 58" -> "GB2312";
            case "ISO_IR 192" -> "UTF-8";
            case "GB18030" -> "GB18030";
            case "GBK" -> "GBK";
            default -> null;
        };
        if (name == null) {
            return null;
        }
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    private Charset first() {
        Charset c = terms.length == 0 ? null : charsetOfTerm(terms[0]);
        if (c == null || c.name().equals("US-ASCII")) {
            // ASCII default: bytes above 0x7F are not defined; Latin-1 keeps them visible
            return StandardCharsets.ISO_8859_1;
        }
        return c;
    }

    public String decode(byte[] b, int off, int len) {
        boolean iso2022 = false;
        for (int i = off; i < off + len; i++) {
            if (b[i] == 0x1B) {
                iso2022 = true;
                break;
            }
        }
        if (!iso2022) {
            Charset cs = first();
            if (cs.name().equals("JIS_X0201")) {
                return decodeJisX0201(b, off, len);
            }
            return new String(b, off, len, cs);
        }
        return decodeIso2022(b, off, len);
    }

    private static String decodeJisX0201(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len);
        for (int i = off; i < off + len; i++) {
            int v = b[i] & 0xFF;
            if (v >= 0xA1 && v <= 0xDF) {
                sb.append((char) (0xFF61 + v - 0xA1)); // half-width katakana
            } else if (v == 0x5C) {
                sb.append('\u00A5');
            } else if (v == 0x7E) {
                sb.append('\u203E');
            } else {
                sb.append((char) v);
            }
        }
        return sb.toString();
    }

    /**
     * ISO 2022 (PS3.5 6.1.2.5): each escape sequence switches the active set for following
     * bytes. Multi-byte sets are decoded through their EUC form (GL bytes with the high bit set).
     */
    private String decodeIso2022(byte[] b, int off, int len) {
        StringBuilder sb = new StringBuilder(len);
        String g0 = "ASCII";
        String g1 = terms.length > 0 ? g1Of(terms[0]) : null;
        int i = off;
        int end = off + len;
        while (i < end) {
            if (b[i] == 0x1B) {
                int escLen = escapeLength(b, i, end);
                String set = escapeSet(b, i, escLen);
                if (set != null) {
                    if (set.startsWith("G1:")) {
                        g1 = set.substring(3);
                    } else {
                        g0 = set;
                    }
                }
                i += escLen;
                continue;
            }
            int start = i;
            int v = b[i] & 0xFF;
            if (v < 0x80) {
                // run of GL bytes in G0, up to a control character that resets (CR, LF, FF, TAB, ^)
                while (i < end && b[i] != 0x1B && (b[i] & 0xFF) < 0x80) {
                    i++;
                }
                sb.append(decodeG0(g0, b, start, i - start));
            } else {
                while (i < end && b[i] != 0x1B && (b[i] & 0xFF) >= 0x80) {
                    i++;
                }
                Charset cs = g1 == null ? StandardCharsets.ISO_8859_1 : charsetForName(g1);
                if ("JIS_X0201".equals(g1)) {
                    sb.append(decodeJisX0201(b, start, i - start));
                } else {
                    sb.append(new String(b, start, i - start, cs));
                }
            }
        }
        return sb.toString();
    }

    private static Charset charsetForName(String name) {
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }

    private static String decodeG0(String g0, byte[] b, int off, int len) {
        switch (g0) {
            case "EUC-JP", "EUC-JP-0212": {
                // JIS X 0212 adds an SS3 before each byte pair: up to one per byte of an odd or misaligned run
                byte[] t = new byte[g0.equals("EUC-JP-0212") ? 2 * len : len];
                int p = 0;
                for (int k = 0; k < len; k++) {
                    int v = b[off + k] & 0xFF;
                    if (v <= 0x20) {
                        t[p++] = (byte) v;
                        continue;
                    }
                    if (g0.equals("EUC-JP-0212") && (k & 1) == 0) {
                        t[p++] = (byte) 0x8F; // JIS X 0212 in EUC-JP is prefixed by SS3
                    }
                    t[p++] = (byte) (v | 0x80);
                }
                return new String(t, 0, p, charsetForName("EUC-JP"));
            }
            case "JIS_X0201_ROMAN":
                return decodeJisX0201(b, off, len);
            default:
                return new String(b, off, len, StandardCharsets.US_ASCII);
        }
    }

    private static String g1Of(String term) {
        Charset c = charsetOfTerm(term);
        if (c == null) {
            return null;
        }
        return switch (c.name()) {
            case "US-ASCII", "EUC-JP" -> null;
            default -> c.name();
        };
    }

    private static int escapeLength(byte[] b, int i, int end) {
        // ESC, intermediate bytes 0x20-0x2F, final byte 0x30-0x7E
        int j = i + 1;
        while (j < end && (b[j] & 0xFF) >= 0x20 && (b[j] & 0xFF) <= 0x2F) {
            j++;
        }
        return Math.min(j + 1, end) - i;
    }

    /** The code element an escape sequence designates (PS3.3 Table C.12-3 and C.12-4). */
    private static String escapeSet(byte[] b, int i, int n) {
        StringBuilder s = new StringBuilder();
        for (int k = 1; k < n; k++) {
            s.append((char) b[i + k]);
        }
        return switch (s.toString()) {
            case "(B" -> "ASCII";
            case "(J" -> "JIS_X0201_ROMAN";
            case ")I" -> "G1:JIS_X0201";
            case "$B", "$@" -> "EUC-JP";
            case "$(D" -> "EUC-JP-0212";
            case "-A" -> "G1:ISO-8859-1";
            case "-B" -> "G1:ISO-8859-2";
            case "-C" -> "G1:ISO-8859-3";
            case "-D" -> "G1:ISO-8859-4";
            case "-L" -> "G1:ISO-8859-5";
            case "-G" -> "G1:ISO-8859-6";
            case "-F" -> "G1:ISO-8859-7";
            case "-H" -> "G1:ISO-8859-8";
            case "-M" -> "G1:ISO-8859-9";
            case "-T" -> "G1:x-iso-8859-11";
            case "-b" -> "G1:ISO-8859-15";
            case "$)C" -> "G1:EUC-KR";
            case "$)A" -> "G1:GB2312";
            default -> null;
        };
    }
}
