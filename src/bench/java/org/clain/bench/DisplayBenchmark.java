package org.clain.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.clain.render.DisplayLut;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/** A 512x512 CT slice to ARGB through W/L on one thread: the viewer's per-scroll cost (target < 10 ms). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Threads(1)
public class DisplayBenchmark {
    private short[] slice;
    private int[] argb;

    @Setup
    public void setup() {
        Random r = new Random(1);
        slice = new short[512 * 512];
        for (int i = 0; i < slice.length; i++) {
            slice[i] = (short) (r.nextInt(3000) - 1000);
        }
        argb = new int[slice.length];
    }

    /** A new W/L (table rebuilt, as on every drag step) then the slice mapped through it. */
    @Benchmark
    public int[] windowLevelAndRender() {
        DisplayLut lut = DisplayLut.of(true, 1, -1024, 40 + (slice[0] & 7), 400, false);
        lut.apply(slice, argb);
        return argb;
    }
}
