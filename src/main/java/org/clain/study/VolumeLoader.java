package org.clain.study;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import org.clain.dicom.DicomException;
import org.clain.dicom.ImagePixel;
import org.clain.dicom.PixelDecoder;
import org.clain.dicom.Tag;

/** Decodes a {@link SliceStack} into a {@link Volume}, slices in parallel. */
public final class VolumeLoader {
    private VolumeLoader() {
    }

    public static Volume load(SliceStack stack) throws DicomException {
        return load(stack, (done, total) -> { });
    }

    /**
     * Decodes the stack's slices in parallel; the first slice that cannot be decoded fails the load.
     * Samples wider than 16 bits (32-bit integers, floats) are brought into 16 bits by
     * {@link WideGrey}, the volume then saying how far its values may be from the file's
     * ({@link Volume#quantizationError()}).
     *
     * @param progress called with (slices decoded, total) from worker threads
     */
    public static Volume load(SliceStack stack, BiConsumer<Integer, Integer> progress) throws DicomException {
        return load(stack, progress, false);
    }

    /**
     * As {@link #load(SliceStack, BiConsumer)}; with {@code keepGoing}, a slice that cannot be decoded
     * (a truncated or corrupt file among hundreds) is left blank (stored 0) and named in
     * {@link Volume#undecodedSlices()} instead of failing the whole series, unless no slice decodes.
     */
    public static Volume load(SliceStack stack, BiConsumer<Integer, Integer> progress, boolean keepGoing)
            throws DicomException {
        List<SliceHeader> slices = stack.slices();
        SliceHeader first = slices.get(0);
        Map<Path, Instance> instances = new HashMap<>();
        for (Instance i : stack.series().instances()) {
            instances.put(i.path(), i);
        }
        Instance firstInstance = instance(instances, first.path());
        ImagePixel px = ImagePixel.of(first.path(), firstInstance.file().dataset());
        if (px.samplesPerPixel() != 1) {
            throw new DicomException(first.path(), -1, "a volume needs one sample per pixel, this series has "
                    + px.samplesPerPixel() + " (" + px.photometric() + ")");
        }
        int nx = px.columns();
        int ny = px.rows();
        int nz = slices.size();
        boolean wide = px.bitsAllocated() > 16 || px.floatData() || px.doubleData();
        // a wide series is decoded whole (4 or 8 bytes a sample) before it is brought into 16 bits
        checkMemory(first.path(), (long) nx * ny * nz * (px.doubleData() ? 10 : wide ? 6 : 2));
        double[] slope = new double[nz];
        double[] intercept = new double[nz];
        short[][] slabs;
        int perSlab;
        boolean signed;
        double maxError = 0;
        Map<Integer, DicomException> failed;
        if (wide) {
            WideGrey.Quantized q;
            if (px.doubleData()) {
                double[][] raw = new double[nz][];
                failed = decode(slices, instances, nx, ny, slope, intercept, progress, keepGoing,
                        (dec, s, z) -> raw[z] = dec.doubles(s.frame()));
                for (int z : failed.keySet()) {
                    raw[z] = new double[nx * ny];
                }
                q = WideGrey.quantizeDoubles(raw, slope, intercept);
            } else {
                int[][] raw = new int[nz][];
                failed = decode(slices, instances, nx, ny, slope, intercept, progress, keepGoing,
                        (dec, s, z) -> raw[z] = dec.storedValues(s.frame()));
                for (int z : failed.keySet()) {
                    raw[z] = new int[nx * ny];
                }
                q = WideGrey.quantize(raw, px.floatData(), !px.signed(), slope, intercept);
            }
            slabs = q.slices();
            perSlab = 1;
            signed = false;
            Arrays.fill(slope, q.slope());
            Arrays.fill(intercept, q.intercept());
            maxError = q.maxError();
        } else {
            perSlab = Volume.slicesPerSlab(nx, ny, nz, ForkJoinPool.getCommonPoolParallelism() + 1);
            short[][] into = Volume.allocateSlabs(nx, ny, nz, perSlab);
            int per = perSlab;
            failed = decode(slices, instances, nx, ny, slope, intercept, progress, keepGoing,
                    (dec, s, z) -> dec.storedValues(s.frame(), into[z / per], (z % per) * nx * ny));
            for (int z : failed.keySet()) {
                // a codec may have written part of the slice before it failed
                Arrays.fill(into[z / per], (z % per) * nx * ny, (z % per + 1) * nx * ny, (short) 0);
            }
            slabs = into;
            signed = px.signed();
        }
        var ds = firstInstance.file().dataset();
        double[] wc = first.windowCenters() == null ? new double[0] : first.windowCenters();
        double[] ww = first.windowWidths() == null ? new double[0] : first.windowWidths();
        double[] pad = ds.getDoubles(Tag.PixelPaddingValue);
        Integer padding = wide || pad == null || pad.length == 0 ? null : (int) pad[0];
        if (padding != null && px.signed() && ds.get(Tag.PixelPaddingValue).vr() == org.clain.dicom.VR.US) {
            padding = (int) (short) (int) padding.intValue();
        }
        Map<Integer, String> undecoded = new TreeMap<>();
        failed.forEach((z, e) -> undecoded.put(z, e.reason()));
        Volume vol = new Volume(nx, ny, nz, slabs, perSlab, signed, slope, intercept, stack.voxelToPatient(),
                firstInstance.frameOfReferenceUid(), firstInstance.modality(), wc, ww, padding)
                .withValues(ValueUnit.of(ds, firstInstance.modality()), maxError, undecoded);
        if ("PT".equals(firstInstance.modality())) {
            vol.withUptake(StandardizedUptake.of(stack));
        }
        return vol;
    }

    /** Where one decoded slice goes. */
    private interface SliceSink {
        void accept(PixelDecoder dec, SliceHeader s, int z) throws DicomException;
    }

    /**
     * Decodes every slice into the sink, in parallel, with each slice's rescale. Without
     * {@code keepGoing} the first failure (in slice order) is thrown; with it, the failures are
     * returned by slice, and thrown only when every slice failed.
     */
    private static Map<Integer, DicomException> decode(List<SliceHeader> slices, Map<Path, Instance> instances,
                                                       int nx, int ny, double[] slope, double[] intercept,
                                                       BiConsumer<Integer, Integer> progress, boolean keepGoing,
                                                       SliceSink sink) throws DicomException {
        int nz = slices.size();
        Map<Path, PixelDecoder> decoders = new ConcurrentHashMap<>();
        Map<Integer, DicomException> failed = new ConcurrentSkipListMap<>();
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, nz).parallel().forEach(z -> {
            if (!keepGoing && !failed.isEmpty()) {
                return;
            }
            SliceHeader s = slices.get(z);
            // a slice that fails keeps its header's rescale, so that its blank reads consistently
            slope[z] = s.rescaleSlope();
            intercept[z] = s.rescaleIntercept();
            try {
                // a decoder caches its file's compressed frames: kept only for files holding several slices,
                // or a whole compressed series would stay in the heap until the last slice is decoded
                Instance in = instance(instances, s.path());
                PixelDecoder dec = in.frames() > 1 ? decoders.computeIfAbsent(s.path(), p -> decoder(in)) : decoder(in);
                if (dec == null) {
                    throw new DicomException(s.path(), -1, "no decodable Pixel Data");
                }
                if (dec.pixel().columns() != nx || dec.pixel().rows() != ny) {
                    throw new DicomException(s.path(), -1, "frame " + s.frame() + " is not " + nx + "x" + ny);
                }
                sink.accept(dec, s, z);
            } catch (DicomException e) {
                failed.put(z, e);
            }
            progress.accept(done.incrementAndGet(), nz);
        });
        if (!failed.isEmpty() && (!keepGoing || failed.size() == nz)) {
            throw failed.values().iterator().next();
        }
        return failed;
    }

    private static PixelDecoder decoder(Instance in) {
        try {
            return PixelDecoder.of(in.file());
        } catch (DicomException e) {
            return null;
        }
    }

    private static Instance instance(Map<Path, Instance> instances, Path p) {
        Instance i = instances.get(p);
        if (i == null) {
            throw new IllegalStateException("slice file not in its series: " + p);
        }
        return i;
    }

    /** Refuses before decoding when the voxels cannot fit in the heap that is left. */
    static void checkMemory(Path where, long bytes) throws DicomException {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (bytes > free * 0.9) {
            throw new DicomException(where, -1, String.format(
                    "series too large for available memory: %d MiB of voxels, %d MiB of heap free (raise -Xmx)",
                    bytes >> 20, free >> 20));
        }
    }
}
