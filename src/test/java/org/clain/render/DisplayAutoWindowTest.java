package org.clain.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DisplayAutoWindowTest {
    @Test
    void percentilesOfAKnownRamp() {
        // 0..9999 once each: 1st percentile 100, 99th 9900
        short[] s = new short[10000];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) i;
        }
        AutoWindow.Window w = AutoWindow.percentiles(s, false, 1, 0, null, 1, 99);
        assertEquals(100, w.center() - w.width() / 2, 1);
        assertEquals(9900, w.center() + w.width() / 2, 1);
    }

    @Test
    void paddingAndRescaleAreRespected() {
        short[] s = new short[1000];
        for (int i = 0; i < s.length; i++) {
            s[i] = i < 500 ? (short) -2000 : (short) (i - 500); // half padding
        }
        AutoWindow.Window w = AutoWindow.percentiles(s, true, 2, -1000, -2000, 0, 100);
        assertEquals(-1000, w.center() - w.width() / 2, 1e-9);
        assertEquals(499 * 2 - 1000, w.center() + w.width() / 2, 1e-9);
        assertTrue(w.width() >= 1);
    }

    @Test
    void realValuedDataGetsWindowsNarrowerThanOne() {
        // the same ramp as 0..0.09999 (a map of fractions): 1st percentile 0.001, 99th 0.099
        short[] s = new short[10000];
        for (int i = 0; i < s.length; i++) {
            s[i] = (short) i;
        }
        AutoWindow.Window w = AutoWindow.percentiles(s, false, 1e-5, 0, null, 1, 99);
        assertEquals(0.001, w.center() - w.width() / 2, 1e-5);
        assertEquals(0.099, w.center() + w.width() / 2, 1e-5);
    }

    @Test
    void integerDataKeepsWidthOne() {
        short[] s = new short[100]; // all 7: no spread
        java.util.Arrays.fill(s, (short) 7);
        assertEquals(1, AutoWindow.percentiles(s, false, 1, 0, null, 1, 99).width());
    }
}
