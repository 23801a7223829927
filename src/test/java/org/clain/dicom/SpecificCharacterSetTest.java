package org.clain.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.clain.testdata.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Patient names of the pydicom charset files; expected text from PS3.5 Annex H and dcmtk (+U8). */
class SpecificCharacterSetTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "chrArab.dcm|قباني^لنزار",
        "chrRuss.dcm|Люкceмбypг",
        "chrX1.dcm|Wang^XiaoDong=王^小東=",
        "chrH31.dcm|Yamada^Tarou=山田^太郎=やまだ^たろう",
        "chrJapMulti.dcm|やまだ^たろう",
    })
    void decodesPatientNames(String file, String expected) throws Exception {
        DicomFile f = DicomReader.read(SharedData.file("syntaxes/pydicom-test_files/charset/" + file));
        assertEquals(expected, f.dataset().getString(Tag.PatientName));
    }

    @Test
    void latin1AndUtf8() {
        byte[] latin = "Buc^Jérôme".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("Buc^Jérôme", SpecificCharacterSet.of(new String[] {"ISO_IR 100"}, null).decode(latin, 0, latin.length));
        byte[] utf = "Buc^Jérôme".getBytes(StandardCharsets.UTF_8);
        assertEquals("Buc^Jérôme", SpecificCharacterSet.of(new String[] {"ISO_IR 192"}, null).decode(utf, 0, utf.length));
    }

    @Test
    void koreanIso2022() {
        // PS3.5 H.3.2: Hong^Gildong=洪^吉洞=홍^길동 in ISO 2022 IR 149
        byte[] b = {0x48, 0x6f, 0x6e, 0x67, 0x5e, 0x47, 0x69, 0x6c, 0x64, 0x6f, 0x6e, 0x67, 0x3d, 0x1b, 0x24, 0x29, 0x43,
            (byte) 0xfb, (byte) 0xf3, 0x5e, 0x1b, 0x24, 0x29, 0x43, (byte) 0xd1, (byte) 0xce, (byte) 0xd4, (byte) 0xd7,
            0x3d, 0x1b, 0x24, 0x29, 0x43, (byte) 0xc8, (byte) 0xab, 0x5e, 0x1b, 0x24, 0x29, 0x43, (byte) 0xb1,
            (byte) 0xe6, (byte) 0xb5, (byte) 0xbf};
        SpecificCharacterSet cs = SpecificCharacterSet.of(new String[] {"", "ISO 2022 IR 149"}, null);
        assertEquals("Hong^Gildong=洪^吉洞=홍^길동", cs.decode(b, 0, b.length));
    }

    @Test
    void unknownSetWarnsAndFallsBack() {
        List<String> warnings = new ArrayList<>();
        SpecificCharacterSet cs = SpecificCharacterSet.of(new String[] {"ISO_IR 999"}, warnings::add);
        byte[] b = "Doe^John".getBytes(StandardCharsets.US_ASCII);
        assertEquals("Doe^John", cs.decode(b, 0, b.length));
        assertFalse(warnings.isEmpty());
    }

    @Test
    void jisX0212RunsOfAnyLengthDecode() {
        // ESC $ ( D then one byte: the EUC-JP buffer was sized for pairs (fuzzing finding)
        SpecificCharacterSet cs = SpecificCharacterSet.of(new String[] {"", "ISO 2022 IR 159"}, null);
        for (byte[] b : new byte[][] {{0x1B, '$', '(', 'D', 0x30}, {0x1B, '$', '(', 'D', 0x30, 0x21, 0x30},
                {0x1B, '$', '(', 'D', ' ', 0x30, 0x21}}) {
            assertFalse(cs.decode(b, 0, b.length).isEmpty());
        }
    }
}
