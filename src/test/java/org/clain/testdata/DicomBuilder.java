package org.clain.testdata;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes small explicit VR little endian Part 10 files byte by byte, hostile ones included: any
 * declared length, any nesting, headers without values. Test-only (Clain has no writer yet).
 */
public final class DicomBuilder {
    public static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    public static final String DEFLATED = "1.2.840.10008.1.2.1.99";
    public static final String RLE = "1.2.840.10008.1.2.5";
    public static final String JPEG_LS = "1.2.840.10008.1.2.4.80";
    public static final String JPEG_2000 = "1.2.840.10008.1.2.4.90";
    public static final String DEFLATED_IMAGE_FRAME = "1.2.840.10008.1.2.8.1";
    public static final long UNDEFINED = 0xFFFFFFFFL;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private DicomBuilder() {
    }

    /** Preamble, "DICM" and a file meta group holding the transfer syntax. */
    public static DicomBuilder part10(String transferSyntax) {
        DicomBuilder b = new DicomBuilder();
        b.out.writeBytes(new byte[128]);
        b.out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        return b.string(0x00020010, "UI", transferSyntax);
    }

    /** No preamble, no meta: a bare dataset. */
    public static DicomBuilder bare() {
        return new DicomBuilder();
    }

    private static boolean longLength(String vr) {
        return switch (vr) {
            case "OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV" -> true;
            default -> false;
        };
    }

    /** An element header with any declared length (the value, if any, written separately). */
    public DicomBuilder header(int tag, String vr, long length) {
        tag(tag);
        out.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
        if (longLength(vr)) {
            out.writeBytes(new byte[2]);
            u32(length);
        } else {
            u16((int) length);
        }
        return this;
    }

    public DicomBuilder element(int tag, String vr, byte[] value) {
        header(tag, vr, value.length);
        out.writeBytes(value);
        return this;
    }

    public DicomBuilder string(int tag, String vr, String value) {
        byte[] v = value.getBytes(StandardCharsets.ISO_8859_1);
        if (v.length % 2 == 1) {
            v = (value + (vr.equals("UI") ? "\0" : " ")).getBytes(StandardCharsets.ISO_8859_1);
        }
        return element(tag, vr, v);
    }

    public DicomBuilder us(int tag, int... values) {
        ByteBuffer b = ByteBuffer.allocate(2 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putShort((short) v);
        }
        return element(tag, "US", b.array());
    }

    /** An item or delimiter: (FFFE,xxxx) and a 32-bit length. */
    public DicomBuilder item(int tag, long length) {
        tag(tag);
        u32(length);
        return this;
    }

    public DicomBuilder item(long length) {
        return item(0xFFFEE000, length);
    }

    public DicomBuilder itemEnd() {
        return item(0xFFFEE00D, 0);
    }

    public DicomBuilder sequenceEnd() {
        return item(0xFFFEE0DD, 0);
    }

    public DicomBuilder raw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /**
     * Slice {@code k} (1-based Instance Number) of a synthetic axial series: its SOP, study and series
     * identity, and an Image Plane at z = {@code zMm} (first pixel at x = y = 0).
     */
    public DicomBuilder axialSlice(String sopClass, String modality, String seriesUid, int k, double zMm) {
        return string(0x00080016, "UI", sopClass)
                .string(0x00080018, "UI", seriesUid + "." + k)
                .string(0x00080060, "CS", modality)
                .string(0x0020000D, "UI", "1.2.826.0.1.3680043.10.543.1")
                .string(0x0020000E, "UI", seriesUid)
                .string(0x00200013, "IS", Integer.toString(k))
                .string(0x00200032, "DS", "0\\0\\" + zMm)
                .string(0x00200037, "DS", "1\\0\\0\\0\\1\\0");
    }

    /** The Image Pixel Module of a monochrome (or RGB when spp is 3) image. */
    public DicomBuilder image(int rows, int cols, int spp, int bitsAllocated, int frames) {
        us(0x00280002, spp);
        string(0x00280004, "CS", spp == 1 ? "MONOCHROME2" : "RGB");
        if (spp > 1) {
            us(0x00280006, 0);
        }
        if (frames != 1) {
            string(0x00280008, "IS", Integer.toString(frames));
        }
        us(0x00280010, rows);
        us(0x00280011, cols);
        us(0x00280100, bitsAllocated);
        us(0x00280101, bitsAllocated);
        us(0x00280102, bitsAllocated - 1);
        return us(0x00280103, 0);
    }

    /** Encapsulated Pixel Data: an empty Basic Offset Table, one item per fragment, the delimiter. */
    public DicomBuilder encapsulated(byte[]... fragments) {
        header(0x7FE00010, "OB", UNDEFINED);
        item(0);
        for (byte[] f : fragments) {
            byte[] even = f.length % 2 == 0 ? f : java.util.Arrays.copyOf(f, f.length + 1);
            item(even.length);
            out.writeBytes(even);
        }
        return sequenceEnd();
    }

    public int size() {
        return out.size();
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    private void tag(int tag) {
        u16(tag >>> 16);
        u16(tag & 0xFFFF);
    }

    private void u16(int v) {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
    }

    private void u32(long v) {
        u16((int) (v & 0xFFFF));
        u16((int) ((v >>> 16) & 0xFFFF));
    }
}
