package org.clain.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link ReadFloor} in the same JVM: the floor under {@link LoadBenchmark} and
 * {@link ImageJLoadBenchmark} on the uncompressed abdomen (512x512 16-bit slices).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReadFloorBenchmark {
    @Param({"real-ct/pancreatic-ct-cbct-seg_CB001_abdomen_implicitLE"})
    public String series;

    private List<Path> files;

    @Setup
    public void list() throws Exception {
        files = ReadFloor.files(Path.of(System.getProperty("clain.shared.data", "../shared/data/dicom")).resolve(series));
    }

    @Benchmark
    public short[][] readVoxels() {
        return ReadFloor.read(files, 512 * 512 * 2, Runtime.getRuntime().availableProcessors());
    }

    @Benchmark
    public short[][] readVoxelsPerSlice() {
        return ReadFloor.readSlices(files, 512 * 512 * 2);
    }
}
