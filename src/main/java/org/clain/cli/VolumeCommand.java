package org.clain.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.clain.geom.Vec3;
import org.clain.study.Scanner;
import org.clain.study.Series;
import org.clain.study.SliceStack;
import org.clain.study.StudyIndex;
import org.clain.study.UniformResampler;
import org.clain.study.Volume;
import org.clain.study.VolumeLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "volume", description = "Load the (first) series as a volume: geometry, stored min/max/mean, SHA-256.")
public final class VolumeCommand implements Callable<Integer> {
    @Parameters(arity = "1", paramLabel = "DIR")
    Path dir;

    @Option(names = "--series", description = "Series Instance UID (default: the first series)")
    String seriesUid;

    @Option(names = "--json")
    boolean json;

    @Option(names = "--no-hash", description = "skip the SHA-256 (to time loading alone)")
    boolean noHash;

    @Option(names = "--resample", paramLabel = "MM",
            description = "resample onto uniform slices MM apart (for stacks with gaps or variable spacing)")
    Double resample;

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(dir)) {
            System.err.println("clain: " + dir + ": no such file or folder");
            return 1;
        }
        StudyIndex index = Scanner.scan(List.of(dir));
        Series series = index.series().stream()
                .filter(s -> seriesUid == null || s.seriesInstanceUid().equals(seriesUid)).findFirst().orElse(null);
        if (series == null) {
            System.err.println("clain: " + dir + ": no image series found" + (index.skipped().isEmpty() ? ""
                    : " (" + index.skipped().size() + " file(s) skipped, first: " + index.skipped().get(0).reason() + ")"));
            return 1;
        }
        SliceStack stack = series.stacks().get(0);
        long t0 = System.nanoTime();
        Volume v = VolumeLoader.load(stack);
        if (resample != null) {
            if (!(resample > 0)) {
                System.err.println("clain: --resample needs a positive spacing in mm");
                return 2;
            }
            v = UniformResampler.resample(v, stack.positionsAlongNormal(), resample);
        }
        double loadMs = (System.nanoTime() - t0) / 1e6;
        Volume vol = v;
        // the hash is sequential; the statistics run beside it, slices in parallel
        CompletableFuture<String> sha256 = noHash ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> sha256(vol));
        SliceStats stats = IntStream.range(0, vol.nz()).parallel()
                .mapToObj(z -> SliceStats.of(vol.data(z), vol.offset(z), vol.nx() * vol.ny(), vol.signed()))
                .reduce(SliceStats::merge).orElseThrow();
        double min = stats.min;
        double max = stats.max;
        double sum = stats.sum;
        ObjectNode o = Json.object();
        o.put("seriesInstanceUid", series.seriesInstanceUid());
        o.put("modality", series.modality());
        o.put("description", series.description());
        o.set("shape", Json.array(v.nz(), v.ny(), v.nx()));
        o.put("dtype", v.signed() ? "int16" : "uint16");
        Vec3 sp = v.spacing();
        o.set("spacing", Json.array(sp.x(), sp.y(), sp.z()));
        ArrayNode aff = o.putArray("voxelToPatient");
        for (double d : v.voxelToPatient().toArray()) {
            aff.add(d);
        }
        Vec3 first = v.toPatient(0, 0, 0);
        Vec3 last = v.toPatient(0, 0, v.nz() - 1);
        o.set("firstPosition", Json.array(first.x(), first.y(), first.z()));
        o.set("lastPosition", Json.array(last.x(), last.y(), last.z()));
        o.put("uniformSpacing", resample != null || stack.uniformSpacing());
        o.put("resampled", resample != null);
        o.put("frameOfReferenceUid", v.frameOfReferenceUid());
        o.put("storedMin", min);
        o.put("storedMax", max);
        o.put("storedMean", sum / v.voxelCount());
        o.put("sha256", sha256.join());
        o.put("loadMillis", loadMs);
        o.put("quantizationError", v.quantizationError());
        ArrayNode w = o.putArray("warnings");
        stack.warnings().forEach(w::add);
        if (v.quantizationError() > 0) {
            w.add(quantized(v));
        }
        if (json) {
            System.out.println(Json.pretty(o));
        } else {
            System.out.printf("%s %s: %dx%dx%d %s spacing %.4f x %.4f x %.4f mm, stored %s..%s, %s (%.0f ms)%n",
                    series.modality(), series.description(), v.nx(), v.ny(), v.nz(), o.get("dtype").asText(),
                    sp.x(), sp.y(), sp.z(), min, max, noHash ? "not hashed" : "sha256 " + o.get("sha256").asText(),
                    loadMs);
            stack.warnings().forEach(x -> System.out.println("  warning: " + x));
            if (v.quantizationError() > 0) {
                System.out.println("  warning: " + quantized(v));
            }
        }
        return 0;
    }

    private static String quantized(Volume v) {
        return String.format(Locale.ROOT, "samples wider than 16 bits scaled into 16: values %s..%s,"
                + " each within %.4g of the file's (stored values and sha256 are of the 16-bit volume)",
                v.intercept(0), v.intercept(0) + 65535 * v.slope(0), v.quantizationError());
    }

    /** SHA-256 of the voxels, slices in order, each sample little-endian: SERIES.tsv's definition. */
    private static String sha256(Volume v) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        ByteBuffer bytes = ByteBuffer.allocate(v.nx() * v.ny() * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int z = 0; z < v.nz(); z++) {
            bytes.clear();
            bytes.asShortBuffer().put(v.data(z), v.offset(z), v.nx() * v.ny());
            sha.update(bytes.array());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Stored-value extremes and sum; one loop per sign keeps it simple for the JIT. */
    private record SliceStats(long min, long max, long sum) {
        static SliceStats of(short[] s, int from, int n, boolean signed) {
            int lo = Integer.MAX_VALUE;
            int hi = Integer.MIN_VALUE;
            long sum = 0;
            int end = from + n;
            if (signed) {
                for (int i = from; i < end; i++) {
                    short value = s[i];
                    lo = Math.min(lo, value);
                    hi = Math.max(hi, value);
                    sum += value;
                }
            } else {
                for (int i = from; i < end; i++) {
                    int x = s[i] & 0xFFFF;
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                    sum += x;
                }
            }
            return new SliceStats(lo, hi, sum);
        }

        SliceStats merge(SliceStats o) {
            return new SliceStats(Math.min(min, o.min), Math.max(max, o.max), sum + o.sum);
        }
    }
}
