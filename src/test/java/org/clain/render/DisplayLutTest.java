package org.clain.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** DisplayLut against the PS3.3 C.11.2.1.2.1 linear window function, written out here independently. */
class DisplayLutTest {

    /** The standard's formula, for 8-bit output. */
    private static int expected(double x, double c, double w) {
        if (x <= c - 0.5 - (w - 1) / 2) {
            return 0;
        }
        if (x > c - 0.5 + (w - 1) / 2) {
            return 255;
        }
        return (int) Math.round(((x - (c - 0.5)) / (w - 1) + 0.5) * 255);
    }

    @Test
    void unsignedCtWithInterceptFollowsTheLinearWindow() {
        // the abdomen CT: unsigned stored, intercept -1000; abdomen window 40/400
        DisplayLut lut = DisplayLut.of(false, 1, -1000, 40, 400, false);
        for (int stored = 0; stored < 4096; stored++) {
            assertEquals(expected(stored - 1000, 40, 400), lut.grey(stored), "stored " + stored);
            int g = lut.grey(stored);
            assertEquals(0xFF000000 | g << 16 | g << 8 | g, lut.argb(stored));
        }
        assertEquals(0, lut.grey(1000 - 160 - 1)); // -161 HU: below the window
        assertEquals(255, lut.grey(1000 + 240)); // 240 HU: above
        assertEquals(128, lut.grey(1040)); // the centre: mid grey
    }

    @Test
    void signedDataUsesTwoComplementIndexes() {
        DisplayLut lut = DisplayLut.of(true, 1, 0, -600, 1500, false);
        assertEquals(expected(-1024, -600, 1500), lut.grey(-1024));
        assertEquals(expected(-1024, -600, 1500), lut.grey((short) -1024 & 0xFFFF));
        assertEquals(255, lut.grey(32767));
        assertEquals(0, lut.grey(-32768));
        short[] in = {(short) -2000, 0, 100, (short) -600};
        int[] out = new int[4];
        lut.apply(in, out);
        for (int i = 0; i < in.length; i++) {
            int g = expected(in[i], -600, 1500);
            assertEquals(0xFF000000 | g << 16 | g << 8 | g, out[i]);
        }
    }

    @Test
    void slopeIsAppliedBeforeTheWindow() {
        DisplayLut lut = DisplayLut.of(false, 0.5, -100, 0, 100, false);
        for (int stored = 0; stored < 1000; stored++) {
            assertEquals(expected(stored * 0.5 - 100, 0, 100), lut.grey(stored));
        }
    }

    @Test
    void widthOneIsAThreshold() {
        DisplayLut lut = DisplayLut.of(false, 1, 0, 100, 1, false);
        assertEquals(0, lut.grey(99));
        assertEquals(255, lut.grey(100));
        assertThrows(IllegalArgumentException.class, () -> DisplayLut.of(false, 1, 0, 100, 0, false));
        assertThrows(IllegalArgumentException.class, () -> DisplayLut.of(false, 1, 0, 100, -2, false));
        assertThrows(IllegalArgumentException.class, () -> DisplayLut.of(false, 1, 0, 100, Double.NaN, false));
    }

    /** PS3.3 C.11.2.1.3.2 LINEAR_EXACT, written out here: real-valued data windows narrower than 1. */
    private static int expectedExact(double x, double c, double w) {
        if (x <= c - w / 2) {
            return 0;
        }
        if (x > c + w / 2) {
            return 255;
        }
        return (int) Math.round(((x - c) / w + 0.5) * 255);
    }

    @Test
    void narrowWindowsOfRealValuesAreLinearExact() {
        // a dose grid in Gy: 1e-5 Gy per stored step, window 0.5 +- 0.1 Gy
        DisplayLut lut = DisplayLut.of(false, 1e-5, 0, 0.5, 0.2, false);
        for (int stored = 0; stored < 65536; stored += 13) {
            assertEquals(expectedExact(stored * 1e-5, 0.5, 0.2), lut.grey(stored), "stored " + stored);
        }
        assertEquals(0, lut.grey(40_000)); // 0.4 Gy: the window's lower edge
        assertEquals(128, lut.grey(50_000)); // 0.5 Gy: mid grey
        assertEquals(255, lut.grey(60_001));
    }

    @Test
    void inversionFlipsTheGrey() {
        DisplayLut a = DisplayLut.of(false, 1, -1000, 40, 400, false);
        DisplayLut b = DisplayLut.of(false, 1, -1000, 40, 400, true);
        for (int s = 0; s < 3000; s += 7) {
            assertEquals(255 - a.grey(s), b.grey(s));
        }
    }
}
