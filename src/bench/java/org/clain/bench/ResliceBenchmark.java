package org.clain.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.clain.geom.Vec3;
import org.clain.render.Plane;
import org.clain.render.Reslicer;
import org.clain.render.Slab;
import org.clain.study.Scanner;
import org.clain.study.Volume;
import org.clain.study.VolumeLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Oblique 512x512 reslice and a 20 mm slab MIP of a real CT, on one CPU thread. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ResliceBenchmark {
    @Param({"real-ct/midrc-ricord-1a_chest_jpeglosslessSV1"})
    public String series;

    private Reslicer reslicer;
    private Plane oblique;
    private float[] out;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        Path root = Path.of(System.getProperty("clain.shared.data", "../shared/data/dicom"));
        Volume v = VolumeLoader.load(Scanner.scan(List.of(root.resolve(series))).series().get(0).stacks().get(0));
        reslicer = new Reslicer(v, 1, Float.NaN);
        Vec3 c = v.toPatient((v.nx() - 1) / 2.0, (v.ny() - 1) / 2.0, (v.nz() - 1) / 2.0);
        oblique = Plane.oblique(c, new Vec3(0.3, -0.5, 0.81), null, 0.7, 512, 512);
        out = new float[512 * 512];
    }

    @TearDown(Level.Trial)
    public void close() {
        reslicer.close();
    }

    @Benchmark
    public float[] oblique512() {
        return reslicer.reslice(oblique, Slab.NONE, out);
    }

    @Benchmark
    public float[] slabMip20mm() {
        return reslicer.reslice(oblique, Slab.of(20, Slab.Mode.MIP), out);
    }
}
