package org.clain.study;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /** @param progress called with (slices decoded, total) from worker threads */
    public static Volume load(SliceStack stack, BiConsumer<Integer, Integer> progress) throws DicomException {
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
        if (px.bitsAllocated() > 16 || px.floatData() || px.doubleData()) {
            throw new DicomException(first.path(), -1, "a volume holds 16-bit voxels; this series has "
                    + px.dtype() + " samples");
        }
        checkMemory(first.path(), (long) px.rows() * px.columns() * slices.size() * 2);
        int nx = px.columns();
        int ny = px.rows();
        int nz = slices.size();
        boolean signed = px.signed();
        int perSlab = Volume.slicesPerSlab(nx, ny, nz, ForkJoinPool.getCommonPoolParallelism() + 1);
        short[][] slabs = Volume.allocateSlabs(nx, ny, nz, perSlab);
        double[] slope = new double[nz];
        double[] intercept = new double[nz];
        Map<Path, PixelDecoder> decoders = new ConcurrentHashMap<>();
        DicomException[] failure = new DicomException[1];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, nz).parallel().forEach(z -> {
            if (failure[0] != null) {
                return;
            }
            SliceHeader s = slices.get(z);
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
                dec.storedValues(s.frame(), slabs[z / perSlab], (z % perSlab) * nx * ny);
                slope[z] = s.rescaleSlope();
                intercept[z] = s.rescaleIntercept();
                progress.accept(done.incrementAndGet(), nz);
            } catch (DicomException e) {
                synchronized (failure) {
                    failure[0] = e;
                }
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        var ds = firstInstance.file().dataset();
        double[] wc = first.windowCenters() == null ? new double[0] : first.windowCenters();
        double[] ww = first.windowWidths() == null ? new double[0] : first.windowWidths();
        double[] pad = ds.getDoubles(Tag.PixelPaddingValue);
        Integer padding = pad == null || pad.length == 0 ? null : (int) pad[0];
        if (padding != null && px.signed() && ds.get(Tag.PixelPaddingValue).vr() == org.clain.dicom.VR.US) {
            padding = (int) (short) (int) padding.intValue();
        }
        return new Volume(nx, ny, nz, slabs, perSlab, signed, slope, intercept, stack.voxelToPatient(),
                firstInstance.frameOfReferenceUid(), firstInstance.modality(), wc, ww, padding);
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
