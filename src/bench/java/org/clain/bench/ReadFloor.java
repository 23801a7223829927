package org.clain.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The least any JVM program can do to hold an uncompressed series' voxels in heap arrays, as a
 * yardstick for the load benchmark: list the folder, read each file's last {@code bytesPerFile}
 * bytes (where a native 16-bit Pixel Data ends such a file) with positional reads into fresh
 * arrays, one per thread, and sum them. No header is parsed, nothing is sorted or checked: a real
 * loader can only be slower. Plain JDK, so that tools/bench-load.sh compiles it alone.
 *
 * <p>usage: {@code java ReadFloor DIR BYTES_PER_FILE} (prints files and sum), or {@code java
 * ReadFloor} to time the start and exit of a JVM alone.
 */
public final class ReadFloor {
    private static final int CHUNK = 64 << 10;

    private ReadFloor() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            return;
        }
        List<Path> files = files(Path.of(args[0]));
        short[][] slabs = read(files, Integer.parseInt(args[1]), Runtime.getRuntime().availableProcessors());
        long sum = 0;
        for (short[] s : slabs) {
            for (short v : s) {
                sum += v;
            }
        }
        System.out.println(files.size() + " files, sum " + sum);
    }

    public static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
    }

    /** Each thread a contiguous run of files into one array of its own (as Clain's volume slabs). */
    public static short[][] read(List<Path> files, int bytesPerFile, int threads) {
        int per = (files.size() + threads - 1) / threads;
        return IntStream.range(0, threads).parallel().mapToObj(t -> {
            int from = Math.min(files.size(), t * per);
            int to = Math.min(files.size(), from + per);
            short[] slab = new short[(to - from) * (bytesPerFile / 2)];
            ByteBuffer b = ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = from; i < to; i++) {
                readTail(files.get(i), bytesPerFile, b, slab, (i - from) * (bytesPerFile / 2));
            }
            return slab;
        }).toArray(short[][]::new);
    }

    /**
     * One array per file (as ImageJ's stack): in a JVM that loads again and again these small
     * arrays reuse the young generation's memory, where fresh slabs are faulted in and zeroed anew.
     */
    public static short[][] readSlices(List<Path> files, int bytesPerFile) {
        ThreadLocal<ByteBuffer> buffers =
                ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(CHUNK).order(ByteOrder.LITTLE_ENDIAN));
        return files.parallelStream().map(f -> {
            short[] slice = new short[bytesPerFile / 2];
            readTail(f, bytesPerFile, buffers.get(), slice, 0);
            return slice;
        }).toArray(short[][]::new);
    }

    private static void readTail(Path file, int bytes, ByteBuffer b, short[] dst, int at) {
        try (FileChannel ch = FileChannel.open(file)) {
            for (long pos = ch.size() - bytes; pos < ch.size(); ) {
                b.clear();
                int n = ch.read(b, pos);
                pos += n;
                b.flip().asShortBuffer().get(dst, at, n / 2);
                at += n / 2;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
