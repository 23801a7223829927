package org.clain.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Entries checked against PS3.6 itself (Table 6-1), not against the generated file. */
class DictionaryTest {
    private final Dictionary dict = Dictionary.standard();

    @Test
    void implicitVrOfStandardTags() {
        assertEquals(VR.US, dict.vrOf(0x00280010)); // Rows
        assertEquals(VR.PN, dict.vrOf(0x00100010)); // Patient's Name
        assertEquals(VR.DS, dict.vrOf(0x00200032)); // Image Position (Patient)
        assertEquals(VR.SQ, dict.vrOf(0x52009230)); // Per-frame Functional Groups Sequence
        assertEquals(VR.OB, dict.vrOf(0x7FE00010)); // Pixel Data, OB or OW: the first listed
        assertEquals(VR.FD, dict.vrOf(0x00189087)); // Diffusion b-value
        assertEquals(VR.UL, dict.vrOf(0x00080000)); // group length
        assertEquals(VR.LO, dict.vrOf(0x00290010)); // private creator
        assertEquals(VR.UN, dict.vrOf(0x00291010)); // private element
        assertEquals(VR.NONE, dict.vrOf(0xFFFEE000)); // Item
    }

    @Test
    void repeatingGroupsAndKeywords() {
        assertEquals(VR.OB, dict.vrOf(0x60023000)); // Overlay Data (60xx,3000), OB or OW
        assertEquals(VR.US, dict.vrOf(0x60020010)); // Overlay Rows
        // odd groups are private (PS3.5 7.8.1) even where an even repeating group's mask matches
        assertEquals(VR.UN, dict.vrOf(0x60013000));
        assertEquals(VR.UN, dict.vrOf(0x50011010));
        assertEquals(VR.LO, dict.vrOf(0x60010010)); // its private creator
        assertTrue(dict.entry(0x60013000).isEmpty());
        assertEquals("OverlayData", dict.keyword(0x601E3000));
        assertEquals("SeriesInstanceUID", dict.keyword(0x0020000E));
        assertEquals(0x0020000E, dict.byKeyword("SeriesInstanceUID").orElseThrow().tag());
        Dictionary.Entry iop = dict.entry(0x00200037).orElseThrow(); // Image Orientation (Patient)
        assertEquals("DS", iop.vrs());
        assertEquals("6", iop.vm());
        assertEquals("US|SS", dict.entry(0x00281101).orElseThrow().vrs()); // Red Palette LUT Descriptor
        assertTrue(dict.search("windowcenter").stream().anyMatch(e -> e.tag() == 0x00281050));
        assertEquals("", dict.keyword(0x00291010));
    }

    /**
     * Every constant of {@link Tag} named as a PS3.6 keyword has that keyword's tag (a typo in a
     * hand-written number would read another attribute silently).
     */
    @Test
    void tagConstantsMatchTheDictionary() throws Exception {
        int checked = 0;
        for (java.lang.reflect.Field f : Tag.class.getFields()) {
            if (f.getType() != int.class || !java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            var entry = dict.byKeyword(f.getName());
            if (entry.isPresent()) {
                assertEquals(Tag.toString(entry.get().tag()), Tag.toString(f.getInt(null)), f.getName());
                checked++;
            }
        }
        assertTrue(checked > 150, "constants checked: " + checked);
    }
}
