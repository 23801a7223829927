package org.clain.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.clain.testdata.SharedData;
import org.junit.jupiter.api.Test;

class DisplayTagTextTest {
    @Test
    void tagForms() {
        assertEquals(0x00100010, TagText.parseTag("(0010,0010)").getAsInt());
        assertEquals(0x00100010, TagText.parseTag("00100010").getAsInt());
        assertEquals(0x7FE00010, TagText.parseTag("7fe0,0010").getAsInt());
        assertEquals(0x00281050, TagText.parseTag(" 0028 1050 ").getAsInt());
        assertTrue(TagText.parseTag("PatientName").isEmpty());
        assertEquals("(0010,0010)", TagText.tag(0x00100010));
    }

    @Test
    void searchOnTheRealCt() throws Exception {
        Path file;
        try (Stream<Path> s = Files.list(SharedData.file("real-ct/pancreatic-ct-cbct-seg_CB001_abdomen_implicitLE"))) {
            file = s.sorted().findFirst().orElseThrow();
        }
        DicomFile f = DicomReader.read(file);
        List<TagText.Hit> byTag = TagText.search(f.dataset(), "(0010,0010)");
        assertEquals(1, byTag.size());
        assertEquals(0x00100010, byTag.get(0).element().tag());
        assertEquals(TagText.search(f.dataset(), "00100010").size(), 1);
        assertEquals("Pancreas-CT-CB_001", TagText.value(f.dataset(), byTag.get(0).element()));
        List<TagText.Hit> window = TagText.search(f.dataset(), "windowcenter");
        assertTrue(window.stream().anyMatch(h -> h.element().tag() == 0x00281050), window.toString());
        assertTrue(TagText.search(f.dataset(), "").isEmpty());
        // numbers and bulk data are summarised, not dumped
        assertEquals("512", TagText.value(f.dataset(), f.dataset().get(Tag.Rows)));
        assertTrue(TagText.value(f.dataset(), f.dataset().get(Tag.PixelData)).contains("bytes"));
    }
}
