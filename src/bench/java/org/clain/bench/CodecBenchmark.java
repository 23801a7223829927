package org.clain.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.clain.dicom.DicomReader;
import org.clain.dicom.PixelDecoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Frame decoding on one thread, headers parsed beforehand: every frame of the given files (a
 * folder: its .dcm files), as the volume loader and the viewer decode them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CodecBenchmark {
    /**
     * JPEG lossless SV1 (255 CT frames), JPEG-LS lossless (a CT frame, 10 small MR frames), JPEG 2000
     * lossless (a 512x512 16-bit CT frame), RLE (two 600x800 RGB frames, 10 small MR frames).
     */
    @Param({"real-ct/midrc-ricord-1a_chest_jpeglosslessSV1", "syntaxes/pylibjpeg-data/CT1_JLSN.dcm",
            "syntaxes/pydicom-data/emri_small_jpeg_ls_lossless.dcm", "syntaxes/pydicom-data/693_J2KR.dcm",
            "syntaxes/pydicom-data/OBXXXX1A_rle_2frame.dcm", "syntaxes/pydicom-data/emri_small_RLE.dcm"})
    public String files;

    private final List<PixelDecoder> decoders = new ArrayList<>();
    private short[] slice;

    @Setup
    public void parse() throws Exception {
        Path p = Path.of(System.getProperty("clain.shared.data", "../shared/data/dicom")).resolve(files);
        List<Path> paths;
        if (Files.isDirectory(p)) {
            try (Stream<Path> s = Files.list(p)) {
                paths = s.filter(f -> f.toString().endsWith(".dcm")).sorted().toList();
            }
        } else {
            paths = List.of(p);
        }
        int largest = 0;
        for (Path f : paths) {
            PixelDecoder d = PixelDecoder.of(DicomReader.read(f));
            decoders.add(d);
            largest = Math.max(largest, d.pixel().pixelsPerFrame());
        }
        slice = new short[largest];
    }

    /** One-sample frames into the reused slice, colour ones into new int[] (a volume holds no colour). */
    @Benchmark
    public Object decodeAllFrames() throws Exception {
        Object last = slice;
        for (PixelDecoder d : decoders) {
            for (int i = 0; i < d.frames(); i++) {
                if (d.pixel().samplesPerPixel() == 1) {
                    d.storedValues(i, slice, 0);
                } else {
                    last = d.storedValues(i);
                }
            }
        }
        return last;
    }
}
