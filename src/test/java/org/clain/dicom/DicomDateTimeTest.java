package org.clain.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** DA, TM and DT as PS3.5 Table 6.2-1 writes them, and the ACR-NEMA forms old files carry. */
class DicomDateTimeTest {
    @Test
    void dates() {
        assertEquals(LocalDate.of(2026, 11, 28), DicomDateTime.date("20261128"));
        assertEquals(LocalDate.of(1993, 8, 22), DicomDateTime.date("1993.08.22"), "ACR-NEMA");
        assertNull(DicomDateTime.date("20261332"));
        assertNull(DicomDateTime.date("2026112"));
        assertNull(DicomDateTime.date(null));
    }

    @Test
    void times() {
        assertEquals(LocalTime.of(9, 5, 7, 120_000_000), DicomDateTime.time("090507.12"));
        assertEquals(LocalTime.of(23, 30), DicomDateTime.time("2330"));
        assertEquals(LocalTime.of(7, 0), DicomDateTime.time("07"));
        assertEquals(LocalTime.of(10, 15, 0, 1000), DicomDateTime.time("101500.000001 "));
        assertEquals(LocalTime.of(14, 3, 9), DicomDateTime.time("14:03:09"), "ACR-NEMA");
        assertEquals(LocalTime.of(23, 59, 59, 999_999_000), DicomDateTime.time("235960"), "leap second");
        assertNull(DicomDateTime.time("2460"));
        assertNull(DicomDateTime.time("123"));
        assertNull(DicomDateTime.time("12a000"));
        assertNull(DicomDateTime.time(""));
    }

    @Test
    void dateTimes() {
        assertEquals(LocalDateTime.of(2026, 11, 28, 8, 45), DicomDateTime.dateTime("20261128084500.000000+0100"));
        assertEquals(LocalDateTime.of(2026, 11, 28, 8, 45), DicomDateTime.dateTime("202611280845-0500"));
        assertEquals(LocalDateTime.of(2026, 11, 28, 0, 0), DicomDateTime.dateTime("20261128"));
        assertNull(DicomDateTime.dateTime("2026"));
        assertNull(DicomDateTime.dateTime("20261128xx"));
    }
}
