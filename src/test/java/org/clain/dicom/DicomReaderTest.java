package org.clain.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.clain.testdata.DicomBuilder;
import org.junit.jupiter.api.Test;

/** Encodings built byte by byte from PS3.5, read back. */
class DicomReaderTest {
    private static final Path P = Path.of("synthetic.dcm");

    /** Little-endian element writer for the tests (independent of Clain's writer). */
    private static final class Le {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Le tag(int tag) {
            u16(tag >>> 16);
            return u16(tag & 0xFFFF);
        }

        Le u16(int v) {
            out.write(v & 0xFF);
            out.write(v >>> 8 & 0xFF);
            return this;
        }

        Le u32(long v) {
            u16((int) (v & 0xFFFF));
            return u16((int) (v >>> 16 & 0xFFFF));
        }

        Le ascii(String s) {
            out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
            return this;
        }

        Le explicit(int tag, String vr, byte[] v) {
            tag(tag).ascii(vr);
            if (VR.valueOf(vr).hasLongLength()) {
                u16(0).u32(v.length);
            } else {
                u16(v.length);
            }
            out.writeBytes(v);
            return this;
        }

        Le implicit(int tag, byte[] v) {
            tag(tag).u32(v.length);
            out.writeBytes(v);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    private static byte[] s(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] part10(String ts, byte[] dataset) {
        Le meta = new Le().explicit(Tag.TransferSyntaxUID, "UI", s(ts.length() % 2 == 1 ? ts + "\0" : ts));
        byte[] m = meta.bytes();
        Le f = new Le();
        f.out.writeBytes(new byte[128]);
        f.ascii("DICM").explicit(Tag.FileMetaInformationGroupLength, "UL", ByteBuffer.allocate(4)
                .order(ByteOrder.LITTLE_ENDIAN).putInt(m.length).array());
        f.out.writeBytes(m);
        f.out.writeBytes(dataset);
        return f.bytes();
    }

    @Test
    void nestedUndefinedLengthSequencesInImplicitVr() throws Exception {
        // (0008,1140) SQ undefined { item undefined { (0008,1150) UI ; (0040,0275) SQ defined { item { (0010,0010) PN } } } }
        Le inner = new Le().implicit(Tag.PatientName, s("Doe^J "));
        byte[] innerItem = new Le().tag(Tag.Item).u32(inner.bytes().length).bytes();
        Le ds = new Le().implicit(Tag.PatientID, s("42"));
        ds.tag(0x00081140).u32(0xFFFFFFFFL).tag(Tag.Item).u32(0xFFFFFFFFL)
                .implicit(0x00081150, s("1.2\0"))
                .tag(0x00400275).u32(innerItem.length + inner.bytes().length);
        ds.out.writeBytes(innerItem);
        ds.out.writeBytes(inner.bytes());
        ds.tag(Tag.ItemDelimitationItem).u32(0).tag(Tag.SequenceDelimitationItem).u32(0);
        ds.implicit(Tag.Modality, s("CT"));
        DicomFile f = DicomReader.read(P, part10("1.2.840.10008.1.2", ds.bytes()));
        Attributes item = f.dataset().getSequence(0x00081140).get(0);
        assertEquals("1.2", item.getString(0x00081150));
        assertEquals("Doe^J", item.getSequence(0x00400275).get(0).getString(Tag.PatientName));
        assertEquals("CT", f.dataset().getString(Tag.Modality));
        assertEquals("42", f.dataset().getString(Tag.PatientID));
    }

    @Test
    void unOfUndefinedLengthIsReadAsImplicitSequence() throws Exception {
        Le ds = new Le();
        ds.tag(0x00081140).ascii("UN").u16(0).u32(0xFFFFFFFFL).tag(Tag.Item).u32(0xFFFFFFFFL)
                .implicit(0x00081150, s("1.2\0")).tag(Tag.ItemDelimitationItem).u32(0)
                .tag(Tag.SequenceDelimitationItem).u32(0);
        ds.explicit(Tag.Modality, "CS", s("MR"));
        DicomFile f = DicomReader.read(P, part10("1.2.840.10008.1.2.1", ds.bytes()));
        assertEquals("1.2", f.dataset().getSequence(0x00081140).get(0).getString(0x00081150));
        assertEquals("MR", f.dataset().getString(Tag.Modality));
    }

    @Test
    void privateCreatorOwnsItsBlock() throws Exception {
        Le ds = new Le().explicit(0x00290010, "LO", s("SIEMENS CSA HEADER"))
                .explicit(0x00290011, "LO", s("CLAIN "))
                .explicit(0x00291108, "LO", s("clain value "));
        DicomFile f = DicomReader.read(P, part10("1.2.840.10008.1.2.1", ds.bytes()));
        assertEquals("CLAIN", f.dataset().privateCreatorOf(0x00291108));
        Element e = f.dataset().getPrivate("CLAIN", 0x0029, 0x08);
        assertNotNull(e);
        assertEquals("clain value", f.dataset().getString(e.tag()));
    }

    @Test
    void pixelDataIsLocatedNotRead() throws Exception {
        byte[] pixels = new byte[2 * 4 * 4];
        Le ds = new Le().explicit(Tag.Rows, "US", new byte[] {4, 0}).explicit(Tag.Columns, "US", new byte[] {4, 0})
                .explicit(Tag.BitsAllocated, "US", new byte[] {16, 0}).explicit(Tag.PixelData, "OW", pixels);
        DicomFile f = DicomReader.read(P, part10("1.2.840.10008.1.2.1", ds.bytes()));
        BulkData bulk = f.dataset().getBulk(Tag.PixelData);
        assertEquals(32, bulk.length());
        assertTrue(f.dataset().get(Tag.PixelData).value() == null, "no pixel bytes copied");
    }

    @Test
    void encapsulatedFragmentsAndOffsetTable() throws Exception {
        Le ds = new Le().explicit(Tag.Rows, "US", new byte[] {1, 0}).explicit(Tag.Columns, "US", new byte[] {1, 0});
        ds.tag(Tag.PixelData).ascii("OB").u16(0).u32(0xFFFFFFFFL)
                .tag(Tag.Item).u32(8).u32(0).u32(18)
                .tag(Tag.Item).u32(4).ascii("abcd").tag(Tag.Item).u32(2).ascii("ef")
                .tag(Tag.Item).u32(2).ascii("gh")
                .tag(Tag.SequenceDelimitationItem).u32(0);
        DicomFile f = DicomReader.read(P, part10("1.2.840.10008.1.2.4.70", ds.bytes()));
        BulkData bulk = f.dataset().getBulk(Tag.PixelData);
        assertEquals(3, bulk.fragments().size());
        assertEquals(List.of(0L, 18L), List.of(bulk.basicOffsets()[0], bulk.basicOffsets()[1]));
        assertEquals("ef", new String(bulk.bytes(bulk.fragments().get(1).offset(), 2), StandardCharsets.US_ASCII));
    }

    @Test
    void declaredLengthBeyondTheFileIsAnErrorNamingFileAndOffset() {
        Le ds = new Le();
        ds.tag(0x00100010).ascii("PN").u16(0x7FFF).ascii("short");
        byte[] bytes = new Le().tag(0x00080060).ascii("CS").u16(2).ascii("CT").bytes();
        byte[] body = ByteBuffer.allocate(bytes.length + 5 + 8).put(bytes).put(ds.bytes()).array();
        DicomException e = assertThrows(DicomException.class, () -> DicomReader.read(P, body));
        assertTrue(e.getMessage().contains("synthetic.dcm"), e.getMessage());
        assertTrue(e.offset() >= 0, "offset given");
    }

    @Test
    void deeplyNestedSequencesAreBounded() {
        Le ds = new Le();
        for (int i = 0; i < 100; i++) {
            ds.tag(0x00081140).u32(0xFFFFFFFFL).tag(Tag.Item).u32(0xFFFFFFFFL);
        }
        DicomException e = assertThrows(DicomException.class,
                () -> DicomReader.read(P, part10("1.2.840.10008.1.2", ds.bytes())));
        assertTrue(e.getMessage().contains("nested"), e.getMessage());
    }

    @Test
    void garbageIsRejectedClearly() {
        byte[] junk = "this is not a DICOM file at all, just text\n".getBytes(StandardCharsets.US_ASCII);
        DicomException e = assertThrows(DicomException.class, () -> DicomReader.read(P, junk));
        // said as what it is, not as an element of an absurd length
        assertTrue(e.getMessage().contains("not DICOM"), e.getMessage());
        assertEquals(0, e.offset());
    }

    @Test
    void aBareDatasetStillReads() throws Exception {
        // no preamble, no meta: (0008,0060) Modality then (0010,0020) Patient ID, implicit VR LE
        byte[] bare = new Le().implicit(Tag.Modality, s("CT")).implicit(Tag.PatientID, s("42")).bytes();
        DicomFile f = DicomReader.read(P, bare);
        assertEquals("CT", f.dataset().getString(Tag.Modality));
        assertEquals("42", f.dataset().getString(Tag.PatientID));
    }

    /** MPEG-2 video, or a retired arithmetic-coded JPEG: named by its UID, not read as native data. */
    @Test
    void compressedSyntaxClainDoesNotKnowIsNamed() throws DicomException {
        for (String uid : List.of("1.2.840.10008.1.2.4.100", "1.2.840.10008.1.2.4.52")) {
            byte[] file = DicomBuilder.part10(uid).image(2, 2, 1, 8, 1).encapsulated(new byte[] {1, 2, 3, 4})
                    .bytes();
            DicomFile f = DicomReader.read(P, file);
            DicomException e = assertThrows(DicomException.class, () -> PixelDecoder.of(f));
            assertTrue(e.getMessage().startsWith(P.toString()), e.getMessage());
            assertTrue(e.reason().contains("transfer syntax " + uid + ", which Clain does not decode"), e.reason());
        }
    }
}
