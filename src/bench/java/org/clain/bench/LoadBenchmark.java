package org.clain.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.clain.study.Scanner;
import org.clain.study.SliceStack;
import org.clain.study.Volume;
import org.clain.study.VolumeLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** Scan + decode of a whole series into a Volume (the user's "open a series"), in-process. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LoadBenchmark {
    @Param({"real-ct/pancreatic-ct-cbct-seg_CB001_abdomen_implicitLE", "real-ct/midrc-ricord-1a_chest_jpeglosslessSV1"})
    public String series;

    @Benchmark
    public Volume scanAndLoad() throws Exception {
        Path root = Path.of(System.getProperty("clain.shared.data", "../shared/data/dicom"));
        SliceStack stack = Scanner.scan(List.of(root.resolve(series))).series().get(0).stacks().get(0);
        return VolumeLoader.load(stack);
    }
}
