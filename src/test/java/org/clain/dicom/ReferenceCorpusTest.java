package org.clain.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Map;
import java.util.stream.Stream;
import org.clain.testdata.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the shared corpus whose pixels two or more independent tools (pydicom, dcmtk,
 * GDCM, Pillow) decoded identically must decode to the same SHA-256 in Clain.
 */
class ReferenceCorpusTest {

    static Stream<Map<String, String>> agreedRows() {
        return SharedData.reference().stream().filter(SharedData::agreedByTwoOrMore);
    }

    /**
     * Every agreed row to the bit, lossy syntaxes included: REFERENCE.md allows a lossy decoder to
     * differ by one, but Clain's JPEG reproduces IJG's integer IDCT and its JPEG 2000 the reference
     * 9-7 synthesis, so lossy rows too must give the hash their tools agree on.
     */
    @ParameterizedTest(name = "{index} {0}")
    @MethodSource("agreedRows")
    void decodesBitExactly(Map<String, String> row) throws Exception {
        String rel = row.get("path");
        DicomFile f = DicomReader.read(SharedData.file(rel));
        PixelDecoder px = PixelDecoder.of(f);
        PixelSummary s = PixelSummary.of(px);
        assertEquals(row.get("decoded_dtype"), s.dtype(), rel);
        assertEquals(row.get("sha256"), s.sha256(), rel + " " + row.get("transfer_syntax_uid"));
    }

    /**
     * liver_deflate.dcm (Deflated Image Frame Compression, which no reference tool reads) holds the
     * 1-bit segmentation of liver.dcm with each frame deflated on its own: it decodes to liver.dcm's
     * reference hash (pydicom=dcmtk=gdcm).
     */
    @org.junit.jupiter.api.Test
    void deflatedOneBitFramesAreTheNativeOnes() throws Exception {
        Map<String, String> liver = SharedData.referenceRow("syntaxes/pydicom-data/liver.dcm").orElseThrow();
        assertTrue(SharedData.agreedByTwoOrMore(liver));
        DicomFile f = DicomReader.read(SharedData.file("syntaxes/pydicom-data/liver_deflate.dcm"));
        assertEquals("1.2.840.10008.1.2.8.1", f.transferSyntaxUid());
        PixelSummary s = PixelSummary.of(PixelDecoder.of(f));
        assertEquals(liver.get("sha256"), s.sha256());
    }

    static Stream<Map<String, String>> allRows() {
        return SharedData.reference().stream();
    }

    /** Header values pydicom read must be what Clain reads; unreadable files must fail with a named reason. */
    @ParameterizedTest(name = "{index} {0}")
    @MethodSource("allRows")
    void headerAgreesWithPydicom(Map<String, String> row) {
        String rel = row.get("path");
        try {
            DicomFile f = DicomReader.read(SharedData.file(rel));
            Attributes ds = f.dataset();
            assertEquals(row.get("Rows"), str(ds.getString(Tag.Rows) == null ? null : String.valueOf(ds.getInt(Tag.Rows, 0))), rel + " Rows");
            assertEquals(row.get("Columns"), str(ds.getString(Tag.Columns) == null ? null : String.valueOf(ds.getInt(Tag.Columns, 0))), rel + " Columns");
            String sopClass = ds.getString(Tag.SOPClassUID, f.meta().getString(Tag.MediaStorageSOPClassUID));
            assertEquals(row.get("sop_class_uid"), str(sopClass), rel + " SOP class");
            String[] ipp = ds.getStrings(Tag.ImagePositionPatient);
            assertEquals(row.get("ImagePositionPatient"), ipp == null ? "" : String.join("\\", ipp), rel + " IPP");
        } catch (DicomException e) {
            assertTrue(row.get("parse_status").startsWith("ERR") || rel.startsWith("broken/"),
                    rel + " failed but pydicom read it: " + e.getMessage());
            assertTrue(e.getMessage().contains(rel.substring(rel.lastIndexOf('/') + 1)), "message names the file");
        } catch (RuntimeException e) {
            fail(rel + ": uncaught " + e, e);
        }
    }

    private static String str(String s) {
        return s == null ? "" : s;
    }
}
