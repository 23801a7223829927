package org.clain.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Writes small Explicit VR Little Endian CT series for tests: a stack of planes of chosen
 * orientation and position, in the Frame of Reference (and patient/study) of a real study, so
 * reference lines and synchronisation can be tested against it.
 */
final class SyntheticSeries {
    private SyntheticSeries() {
    }

    /**
     * @param iop     six direction cosines (row direction, column direction)
     * @param origins first-pixel centre of each slice, in patient mm (x, y, z per slice)
     */
    static void write(Path dir, String patientName, String patientId, String studyUid, String frameOfReferenceUid,
                      String seriesUid, String description, double[] iop, double[][] origins, int rows, int columns,
                      double spacing) throws IOException {
        Files.createDirectories(dir);
        for (int k = 0; k < origins.length; k++) {
            String sop = seriesUid + "." + (k + 1);
            TreeMap<Integer, byte[]> ds = new TreeMap<>(Integer::compareUnsigned);
            TreeMap<Integer, String> vrs = new TreeMap<>(Integer::compareUnsigned);
            put(ds, vrs, 0x00080016, "UI", "1.2.840.10008.5.1.4.1.1.2");
            put(ds, vrs, 0x00080018, "UI", sop);
            put(ds, vrs, 0x00080060, "CS", "CT");
            put(ds, vrs, 0x0008103E, "LO", description);
            put(ds, vrs, 0x00100010, "PN", patientName);
            put(ds, vrs, 0x00100020, "LO", patientId);
            put(ds, vrs, 0x00180050, "DS", fmt(spacing));
            put(ds, vrs, 0x0020000D, "UI", studyUid);
            put(ds, vrs, 0x0020000E, "UI", seriesUid);
            put(ds, vrs, 0x00200011, "IS", "900");
            put(ds, vrs, 0x00200013, "IS", Integer.toString(k + 1));
            put(ds, vrs, 0x00200032, "DS", fmt(origins[k][0]) + "\\" + fmt(origins[k][1]) + "\\" + fmt(origins[k][2]));
            StringBuilder o = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                o.append(i > 0 ? "\\" : "").append(fmt(iop[i]));
            }
            put(ds, vrs, 0x00200037, "DS", o.toString());
            put(ds, vrs, 0x00200052, "UI", frameOfReferenceUid);
            putUs(ds, vrs, 0x00280002, 1);
            put(ds, vrs, 0x00280004, "CS", "MONOCHROME2");
            putUs(ds, vrs, 0x00280010, rows);
            putUs(ds, vrs, 0x00280011, columns);
            put(ds, vrs, 0x00280030, "DS", fmt(spacing) + "\\" + fmt(spacing));
            putUs(ds, vrs, 0x00280100, 16);
            putUs(ds, vrs, 0x00280101, 16);
            putUs(ds, vrs, 0x00280102, 15);
            putUs(ds, vrs, 0x00280103, 1);
            put(ds, vrs, 0x00281050, "DS", "40");
            put(ds, vrs, 0x00281051, "DS", "400");
            put(ds, vrs, 0x00281052, "DS", "0");
            put(ds, vrs, 0x00281053, "DS", "1");
            ByteBuffer px = ByteBuffer.allocate(rows * columns * 2).order(ByteOrder.LITTLE_ENDIAN);
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    px.putShort((short) (((r / 10 + c / 10) % 2 == 0) ? 100 : -100));
                }
            }
            ds.put(0x7FE00010, px.array());
            vrs.put(0x7FE00010, "OW");

            ByteArrayOutputStream meta = new ByteArrayOutputStream();
            element(meta, 0x00020001, "OB", new byte[] {0, 1});
            element(meta, 0x00020002, "UI", ui("1.2.840.10008.5.1.4.1.1.2"));
            element(meta, 0x00020003, "UI", ui(sop));
            element(meta, 0x00020010, "UI", ui("1.2.840.10008.1.2.1"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(new byte[128]);
            out.write("DICM".getBytes(StandardCharsets.US_ASCII));
            element(out, 0x00020000, "UL", ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN)
                    .putInt(meta.size()).array());
            out.write(meta.toByteArray());
            for (var e : ds.entrySet()) {
                element(out, e.getKey(), vrs.get(e.getKey()), e.getValue());
            }
            Files.write(dir.resolve(String.format(Locale.ROOT, "s%03d.dcm", k + 1)), out.toByteArray());
        }
    }

    private static String fmt(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v);
        s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }

    private static byte[] ui(String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        if (b.length % 2 == 1) {
            byte[] p = new byte[b.length + 1];
            System.arraycopy(b, 0, p, 0, b.length);
            return p;
        }
        return b;
    }

    private static void put(TreeMap<Integer, byte[]> ds, TreeMap<Integer, String> vrs, int tag, String vr, String v) {
        byte[] b;
        if (vr.equals("UI")) {
            b = ui(v);
        } else {
            String s = v.length() % 2 == 1 ? v + " " : v;
            b = s.getBytes(StandardCharsets.US_ASCII);
        }
        ds.put(tag, b);
        vrs.put(tag, vr);
    }

    private static void putUs(TreeMap<Integer, byte[]> ds, TreeMap<Integer, String> vrs, int tag, int v) {
        ds.put(tag, ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) v).array());
        vrs.put(tag, "US");
    }

    private static void element(ByteArrayOutputStream out, int tag, String vr, byte[] value) throws IOException {
        ByteBuffer h = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        h.putShort((short) (tag >>> 16)).putShort((short) tag);
        h.put((byte) vr.charAt(0)).put((byte) vr.charAt(1));
        boolean longForm = vr.equals("OB") || vr.equals("OW") || vr.equals("SQ") || vr.equals("UN")
                || vr.equals("UT");
        if (longForm) {
            h.putShort((short) 0).putInt(value.length);
        } else {
            h.putShort((short) value.length);
        }
        out.write(h.array(), 0, h.position());
        out.write(value);
    }
}
