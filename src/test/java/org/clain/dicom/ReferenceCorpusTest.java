package org.clain.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.security.MessageDigest;
import java.util.HexFormat;
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

    @ParameterizedTest(name = "{index} {0}")
    @MethodSource("agreedRows")
    void decodesBitExactly(Map<String, String> row) throws Exception {
        String rel = row.get("path");
        DicomFile f = DicomReader.read(SharedData.file(rel));
        PixelDecoder px = PixelDecoder.of(f);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < px.frames(); i++) {
            sha.update(px.referenceBytes(i));
        }
        assertEquals(row.get("sha256"), HexFormat.of().formatHex(sha.digest()), rel + " " + row.get("transfer_syntax_uid"));
        assertEquals(row.get("decoded_dtype"), px.pixel().dtype(), rel);
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
