package org.clain.bench;

import ij.ImagePlus;
import ij.plugin.FolderOpener;
import java.nio.file.Path;
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
 * The peer of {@link LoadBenchmark#scanAndLoad}: ImageJ 1.54's folder opener reading the same
 * uncompressed series as a sorted 16-bit stack, in the same JVM (ImageJ reads no JPEG lossless).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ImageJLoadBenchmark {
    @Param({"real-ct/pancreatic-ct-cbct-seg_CB001_abdomen_implicitLE"})
    public String series;

    @Setup
    public void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Benchmark
    public ImagePlus folderOpener() {
        Path root = Path.of(System.getProperty("clain.shared.data", "../shared/data/dicom"));
        ImagePlus imp = FolderOpener.open(root.resolve(series).toString(), "virtual=false");
        if (imp == null || imp.getStackSize() < 2) {
            throw new IllegalStateException("ImageJ could not open " + series);
        }
        return imp;
    }
}
