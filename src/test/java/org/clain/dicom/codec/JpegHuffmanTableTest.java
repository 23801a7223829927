package org.clain.dicom.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class JpegHuffmanTableTest {
    /** T.81 Table K.3, the typical luminance DC table: 12 categories, codes of 2 to 9 bits. */
    private static final int[] K3_COUNTS = {0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0};
    private static final int[] K3_SYMBOLS = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};

    @Test
    void aTableSeenOnThisThreadIsReusedOnlyWhenItsBytesAreTheSame() {
        JpegHuffmanTable a = JpegHuffmanTable.of(K3_COUNTS, K3_SYMBOLS, true);
        assertSame(a, JpegHuffmanTable.of(K3_COUNTS.clone(), K3_SYMBOLS.clone(), true));
        assertNotSame(a, JpegHuffmanTable.of(K3_COUNTS, K3_SYMBOLS, false)); // another class
        int[] swapped = K3_SYMBOLS.clone();
        swapped[1] = 2;
        swapped[2] = 1;
        JpegHuffmanTable b = JpegHuffmanTable.of(K3_COUNTS, swapped, true);
        assertNotSame(a, b);
        // K.3: category 0 is '00', 1 is '010', 2 is '011'; in b, the codes of 1 and 2 are swapped
        assertEquals((3 << 8) | 1, a.lookup[0b010 << 6]);
        assertEquals((3 << 8) | 2, b.lookup[0b010 << 6]);
    }

    @Test
    void aCallerChangingItsArraysAfterwardsChangesNoTable() {
        int[] counts = K3_COUNTS.clone();
        int[] symbols = K3_SYMBOLS.clone();
        JpegHuffmanTable a = JpegHuffmanTable.of(counts, symbols, true);
        symbols[0] = 11;
        symbols[11] = 0;
        assertNotSame(a, JpegHuffmanTable.of(counts, symbols, true));
        assertEquals((2 << 8), a.lookup[0]); // '00' still category 0
    }
}
