package org.clain.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clain.testdata.ExternalTool;
import org.clain.testdata.SharedData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Siemens MR of pydicom's data carries one graphics overlay (6000,xxxx: 484x484, origin 1\1,
 * "Siemens MedCom Object Graphics"). Its bits against dcmtk's reading of (6000,3000), unpacked
 * here by PS3.5 8.1.1 (bit i is bit i % 16 of little-endian word i / 16).
 */
class OverlayPlaneTest {
    private static final Path MR = SharedData.file("syntaxes/pydicom-data/MR-SIEMENS-DICOM-WithOverlays.dcm");

    @Test
    void siemensGraphicsOverlayMatchesDcmtk() throws Exception {
        Path dcmdump = ExternalTool.find("dcmdump").orElse(null);
        Assumptions.assumeTrue(dcmdump != null, "dcmtk's dcmdump is not installed");
        List<OverlayPlane> planes = OverlayPlane.of(DicomReader.read(MR).dataset());
        assertEquals(1, planes.size());
        OverlayPlane p = planes.get(0);
        assertEquals(0x6000, p.group());
        assertEquals(484, p.rows());
        assertEquals(484, p.columns());
        assertEquals(1, p.originRow());
        assertEquals(1, p.originColumn());
        assertEquals("G", p.type());
        assertEquals("Siemens MedCom Object Graphics", p.description());
        assertEquals(0, p.frameFor(0));
        assertEquals(-1, p.frameFor(1));

        ExternalTool.Result r = ExternalTool.run(List.of(dcmdump.toString(), "+L", "+P", "6000,3000", MR.toString()));
        Matcher m = Pattern.compile("OW ([0-9a-f\\\\]+)").matcher(r.stdout());
        assertTrue(m.find(), r.all());
        String[] words = m.group(1).split("\\\\");
        assertEquals(484 * 484 / 16, words.length); // 234,256 bits in 14,641 words
        int set = 0;
        for (int i = 0; i < 484 * 484; i++) {
            boolean expected = (Integer.parseInt(words[i / 16], 16) >> (i % 16) & 1) != 0;
            assertEquals(expected, p.bit(0, i / 484, i % 484), "bit " + i);
            set += expected ? 1 : 0;
        }
        assertEquals(323, set);
    }

    @Test
    void imagesWithoutOverlaysHaveNone() throws Exception {
        Path ct = SharedData.file("real-ct/pancreatic-ct-cbct-seg_CB001_abdomen_implicitLE/1-001.dcm");
        assertTrue(OverlayPlane.of(DicomReader.read(ct).dataset()).isEmpty());
    }
}
