package org.clain.measure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clain.dicom.Attributes;
import org.clain.dicom.Element;
import org.clain.dicom.Tag;
import org.clain.dicom.VR;

/**
 * TEMPORARY test-side Part 10 encoder (explicit VR little endian, sequences and items of
 * undefined length), used only until org.clain.dicom.Part10Writer lands in main; then the SR
 * tests write through Part10Writer.write(Path, Attributes) instead and this class goes away.
 */
final class TestPart10 {
    private TestPart10() {
    }

    static void write(Path target, Attributes dataset, String transferSyntax) throws IOException {
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        element(meta, 0x00020001, VR.OB, new byte[] {0, 1});
        element(meta, Tag.MediaStorageSOPClassUID, VR.UI, ascii(dataset.getString(Tag.SOPClassUID)));
        element(meta, Tag.MediaStorageSOPInstanceUID, VR.UI, ascii(dataset.getString(Tag.SOPInstanceUID)));
        element(meta, Tag.TransferSyntaxUID, VR.UI, ascii(transferSyntax));
        element(meta, Tag.ImplementationClassUID, VR.UI, ascii("2.25.1234567890"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[128]);
        out.write("DICM".getBytes(StandardCharsets.US_ASCII));
        element(out, Tag.FileMetaInformationGroupLength, VR.UL,
                ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(meta.size()).array());
        meta.writeTo(out);
        dataset(out, dataset);
        Files.write(target, out.toByteArray());
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static void dataset(ByteArrayOutputStream out, Attributes a) throws IOException {
        for (Element e : a.elements()) {
            if (e.isSequence()) {
                header(out, e.tag(), VR.SQ, 0xFFFFFFFF);
                for (Attributes item : e.items()) {
                    tagOnly(out, Tag.Item, 0xFFFFFFFF);
                    dataset(out, item);
                    tagOnly(out, Tag.ItemDelimitationItem, 0);
                }
                tagOnly(out, Tag.SequenceDelimitationItem, 0);
            } else {
                element(out, e.tag(), e.vr(), e.value() == null ? new byte[0] : e.value());
            }
        }
    }

    private static void element(ByteArrayOutputStream out, int tag, VR vr, byte[] value) throws IOException {
        int len = value.length + (value.length & 1);
        header(out, tag, vr, len);
        out.write(value);
        if ((value.length & 1) == 1) {
            out.write(vr.padding());
        }
    }

    private static void header(ByteArrayOutputStream out, int tag, VR vr, int length) {
        ByteBuffer b = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) (tag >>> 16)).putShort((short) tag);
        b.put((byte) vr.name().charAt(0)).put((byte) vr.name().charAt(1));
        if (vr.hasLongLength()) {
            b.putShort((short) 0).putInt(length);
        } else {
            b.putShort((short) length);
        }
        out.write(b.array(), 0, b.position());
    }

    private static void tagOnly(ByteArrayOutputStream out, int tag, int length) {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) (tag >>> 16)).putShort((short) tag).putInt(length);
        out.write(b.array(), 0, 8);
    }

    static List<Attributes> items(Attributes a, int tag) {
        return a.getSequence(tag);
    }
}
