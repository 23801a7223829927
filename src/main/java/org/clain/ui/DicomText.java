package org.clain.ui;

import java.util.Locale;

/** DICOM values and measured numbers as the viewer writes them on screen. */
final class DicomText {
    private DicomText() {
    }

    /** A whole number without decimals; others with one (none from 100 up). */
    static String num(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-6) {
            return Long.toString(Math.round(v));
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : "%.1f", v);
    }

    /** "Family^Given^Middle" as "FAMILY, Given Middle". */
    static String personName(String pn) {
        if (pn == null || pn.isBlank()) {
            return "(no name)";
        }
        String alphabetic = pn.split("=", -1)[0];
        String[] p = alphabetic.split("\\^", -1);
        StringBuilder sb = new StringBuilder(p[0].trim().toUpperCase(Locale.ROOT));
        StringBuilder given = new StringBuilder();
        for (int i = 1; i < Math.min(p.length, 3); i++) {
            if (!p[i].isBlank()) {
                given.append(given.length() > 0 ? " " : "").append(p[i].trim());
            }
        }
        if (given.length() > 0) {
            sb.append(", ").append(given);
        }
        return sb.toString();
    }

    /** DICOM DA "YYYYMMDD" as ISO "YYYY-MM-DD" (left as is when not 8 digits). */
    static String date(String da) {
        String d = da.trim();
        if (d.matches("\\d{8}")) {
            return d.substring(0, 4) + "-" + d.substring(4, 6) + "-" + d.substring(6, 8);
        }
        return d;
    }

    /** DICOM TM "HHMM..." as " HH:MM" (empty when it does not start with four digits). */
    static String time(String tm) {
        String t = tm.trim();
        if (t.matches("\\d{4}.*")) {
            return " " + t.substring(0, 2) + ":" + t.substring(2, 4);
        }
        return "";
    }}
