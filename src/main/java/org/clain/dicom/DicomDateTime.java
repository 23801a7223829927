package org.clain.dicom;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Dates and times as DICOM writes them (PS3.5 6.2): DA {@code YYYYMMDD}, TM
 * {@code HH[MM[SS[.F{1,6}]]]} and DT, the two run together with an optional UTC offset. Also the
 * ACR-NEMA forms older files still carry ({@code YYYY.MM.DD}, {@code HH:MM:SS.frac}). A value that
 * does not parse gives null, never an exception: a bad date in a header is a missing date.
 */
public final class DicomDateTime {
    private DicomDateTime() {
    }

    /** DA, or null. */
    public static LocalDate date(String da) {
        if (da == null) {
            return null;
        }
        String s = da.trim().replace(".", "");
        if (s.length() != 8 || !digits(s)) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                    Integer.parseInt(s.substring(6, 8)));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** TM, or null. */
    public static LocalTime time(String tm) {
        if (tm == null) {
            return null;
        }
        String s = tm.trim().replace(":", "");
        String frac = "";
        int dot = s.indexOf('.');
        if (dot >= 0) {
            frac = s.substring(dot + 1);
            s = s.substring(0, dot);
        }
        if (s.isEmpty() || s.length() % 2 != 0 || s.length() > 6 || !digits(s) || frac.length() > 6
                || !digits(frac)) {
            return null;
        }
        int h = Integer.parseInt(s.substring(0, 2));
        int m = s.length() >= 4 ? Integer.parseInt(s.substring(2, 4)) : 0;
        // 60 is a leap second in TM (PS3.5 Table 6.2-1); held as 59.999999
        int sec = s.length() >= 6 ? Integer.parseInt(s.substring(4, 6)) : 0;
        int nanos = frac.isEmpty() ? 0 : Integer.parseInt((frac + "000000000").substring(0, 9));
        if (h > 23 || m > 59 || sec > 60) {
            return null;
        }
        return sec == 60 ? LocalTime.of(h, m, 59, 999_999_000) : LocalTime.of(h, m, sec, nanos);
    }

    /** DT (its UTC offset, if any, dropped: times are compared within one file's clock), or null. */
    public static LocalDateTime dateTime(String dt) {
        if (dt == null) {
            return null;
        }
        String s = dt.trim();
        int zone = Math.max(s.indexOf('+', 1), s.indexOf('-', 1));
        if (zone > 0) {
            s = s.substring(0, zone);
        }
        if (s.length() < 8) {
            return null;
        }
        LocalDate d = date(s.substring(0, 8));
        if (d == null) {
            return null;
        }
        if (s.length() == 8) {
            return d.atStartOfDay();
        }
        LocalTime t = time(s.substring(8));
        return t == null ? null : d.atTime(t);
    }

    /** A DA and a TM attribute together, or null when either is missing or bad. */
    public static LocalDateTime of(Attributes ds, int dateTag, int timeTag) {
        LocalDate d = date(ds.getString(dateTag));
        LocalTime t = time(ds.getString(timeTag));
        return d == null || t == null ? null : d.atTime(t);
    }

    private static boolean digits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
