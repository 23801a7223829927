package org.clain.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.clain.study.Scanner;
import org.clain.study.SliceStack;
import org.clain.study.StudyIndex;
import org.clain.study.Volume;
import org.clain.study.VolumeLoader;
import org.clain.testdata.SharedData;
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
        assertThrows(IllegalArgumentException.class, () -> DisplayLut.of(false, 1, 0, 100, 0.5, false));
    }

    @Test
    void inversionFlipsTheGrey() {
        DisplayLut a = DisplayLut.of(false, 1, -1000, 40, 400, false);
        DisplayLut b = DisplayLut.of(false, 1, -1000, 40, 400, true);
        for (int s = 0; s < 3000; s += 7) {
            assertEquals(255 - a.grey(s), b.grey(s));
        }
    }

    /** Not an assertion on time: a printout of how long one 512x512 slice takes on one core. */
    @Test
    void timingOfA512SliceIsPrinted() throws Exception {
        StudyIndex index = Scanner.scan(List.of(SharedData.file(
                "real-ct/pancreatic-ct-cbct-seg_CB001_abdomen_implicitLE")));
        SliceStack stack = index.series().get(0).stacks().get(0);
        Volume v = VolumeLoader.load(stack);
        long t0 = System.nanoTime();
        DisplayLut lut = DisplayLut.of(v.signed(), v.slope(0), v.intercept(0), 40, 400, false);
        long build = System.nanoTime() - t0;
        int[] out = new int[v.nx() * v.ny()];
        for (int i = 0; i < 200; i++) { // warm up
            lut.apply(v.slice(i % v.nz()), out);
        }
        int n = 2000;
        long t1 = System.nanoTime();
        long sum = 0;
        for (int i = 0; i < n; i++) {
            lut.apply(v.slice(i % v.nz()), out);
            sum += out[i & 0xFFFF];
        }
        double perSlice = (System.nanoTime() - t1) / 1e6 / n;
        System.out.printf("DisplayLut: table build %.2f ms; %dx%d slice apply %.3f ms (mean of %d, one thread)%n",
                build / 1e6, v.nx(), v.ny(), perSlice, n);
        assertEquals(sum, sum);
    }
}
