package org.clain.study;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import org.clain.dicom.ColorModel;
import org.clain.dicom.DicomException;
import org.clain.dicom.ImagePixel;
import org.clain.dicom.PixelDecoder;
import org.clain.dicom.Tag;

/**
 * The frames of a colour stack (RGB, YBR_*, PALETTE COLOR: ultrasound, secondary captures, colour
 * maps) as display RGB, in the stack's order, held as three bytes a pixel (a long cine takes what its
 * 8-bit samples take) and handed out packed 0xRRGGBB, one int per pixel. Colour images are
 * shown as they are (PS3.3 C.7.6.3.1.2): no modality or VOI transform applies to them, so they are
 * not a {@link Volume}.
 */
public final class ColorStack {
    private final int columns;
    private final int rows;
    /** R, G, B bytes of each pixel, x fastest. */
    private final byte[][] frames;
    private final Map<Integer, String> undecoded;

    private ColorStack(int columns, int rows, byte[][] frames, Map<Integer, String> undecoded) {
        this.columns = columns;
        this.rows = rows;
        this.frames = frames;
        this.undecoded = undecoded;
    }

    /** True when the instance's pixels are colour: three samples per pixel, or a palette. */
    public static boolean isColor(Instance in) {
        return "PALETTE COLOR".equals(in.photometric().trim()) || samplesPerPixel(in) == 3;
    }

    /** True when the stack's frames are colour (a stack never mixes colour and grey: see SliceStack). */
    public static boolean isColor(SliceStack stack) {
        return isColor(stack.instance(stack.slices().get(0)));
    }

    private static int samplesPerPixel(Instance in) {
        return in.file().dataset().getInt(Tag.SamplesPerPixel, 1);
    }

    /**
     * Decodes every frame of the stack, frames in parallel. A frame that cannot be decoded is left
     * black and named in {@link #undecodedFrames()}; only a stack of which no frame decodes fails.
     */
    public static ColorStack load(SliceStack stack, BiConsumer<Integer, Integer> progress) throws DicomException {
        List<SliceHeader> slices = stack.slices();
        SliceHeader first = slices.get(0);
        ImagePixel px = ImagePixel.of(first.path(), stack.instance(first).file().dataset());
        // the frames, and their luma volume should a measurement need it
        VolumeLoader.checkMemory(first.path(), 5L * px.pixelsPerFrame() * slices.size());
        byte[][] frames = new byte[slices.size()][];
        // one decoder per multi-frame file: it indexes the file's fragments once, not once per frame
        Map<Path, PixelDecoder> decoders = new ConcurrentHashMap<>();
        Map<Integer, DicomException> failed = new ConcurrentSkipListMap<>();
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, frames.length).parallel().forEach(z -> {
            try {
                SliceHeader h = slices.get(z);
                Instance in = stack.instance(h);
                PixelDecoder dec = decoders.get(h.path());
                if (dec == null) {
                    dec = PixelDecoder.of(in.file());
                    if (in.frames() > 1) {
                        decoders.putIfAbsent(h.path(), dec);
                    }
                }
                int[] rgb = rgb(in, dec, h);
                if (rgb.length != px.pixelsPerFrame()) {
                    throw new DicomException(slices.get(z).path(), -1, "frame " + slices.get(z).frame() + " is not "
                            + px.columns() + "x" + px.rows());
                }
                frames[z] = packed3(rgb);
            } catch (DicomException e) {
                failed.put(z, e);
                frames[z] = new byte[3 * px.pixelsPerFrame()];
            }
            progress.accept(done.incrementAndGet(), frames.length);
        });
        if (failed.size() == frames.length) {
            throw failed.values().iterator().next();
        }
        Map<Integer, String> undecoded = new TreeMap<>();
        failed.forEach((z, e) -> undecoded.put(z, e.reason()));
        return new ColorStack(px.columns(), px.rows(), frames, Collections.unmodifiableMap(undecoded));
    }

    /** Frame {@code index} of the stack alone, as packed RGB (the first image shown, thumbnails). */
    public static int[] decode(SliceStack stack, int index) throws DicomException {
        SliceHeader h = stack.slices().get(index);
        Instance in = stack.instance(h);
        return rgb(in, PixelDecoder.of(in.file()), h);
    }

    private static int[] rgb(Instance in, PixelDecoder dec, SliceHeader h) throws DicomException {
        ImagePixel px = dec.pixel();
        boolean palette = "PALETTE COLOR".equals(px.photometric());
        if (palette ? px.samplesPerPixel() != 1 : px.samplesPerPixel() != 3) {
            throw new DicomException(h.path(), -1, "not a colour image: " + px.samplesPerPixel()
                    + " samples per pixel as " + px.photometric());
        }
        if (px.floatData() || px.doubleData()) {
            throw new DicomException(h.path(), -1, "float samples in a colour image");
        }
        return ColorModel.of(in.file().dataset(), px).toRgb(dec.storedValues(h.frame()), px.pixelsPerFrame(),
                px.bitsStored());
    }

    /**
     * The frames' luma (ITU-R BT.601: 0.299 R + 0.587 G + 0.114 B, 0..255) as a volume on the stack's
     * geometry: what measurements are placed on and their statistics read from. Its modality is
     * "OT", not the series', so that no unit (HU) is claimed for it. Its voxels are computed when
     * first read, so that a stack only looked at holds its frames alone.
     */
    public Volume luma(SliceStack stack) {
        int perSlab = Volume.slicesPerSlab(columns, rows, frames.length);
        double[] slope = new double[frames.length];
        Arrays.fill(slope, 1);
        Instance first = stack.instance(stack.slices().get(0));
        return Volume.computedOnUse(columns, rows, frames.length, perSlab, slab -> lumaSlab(slab, perSlab), false,
                slope, new double[frames.length], stack.voxelToPatient(), first.frameOfReferenceUid(), "OT")
                .withValues("", 0, undecoded);
    }

    private short[] lumaSlab(int slab, int perSlab) {
        int n = columns * rows;
        int z0 = slab * perSlab;
        int count = Math.min(perSlab, frames.length - z0);
        short[] into = new short[count * n];
        IntStream.range(0, count).parallel().forEach(k -> {
            byte[] rgb = frames[z0 + k];
            for (int i = 0, j = 0; i < n; i++, j += 3) {
                int luma = 299 * (rgb[j] & 0xFF) + 587 * (rgb[j + 1] & 0xFF) + 114 * (rgb[j + 2] & 0xFF);
                into[k * n + i] = (short) ((luma + 500) / 1000);
            }
        });
        return into;
    }

    /** Frames that could not be decoded (left black), by index, with the reason. */
    public Map<Integer, String> undecodedFrames() {
        return undecoded;
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    public int size() {
        return frames.length;
    }

    /** Frame z as packed 0xRRGGBB, x fastest: a new array at each call. */
    public int[] rgb(int z) {
        byte[] f = frames[z];
        int[] out = new int[f.length / 3];
        for (int i = 0, k = 0; i < out.length; i++, k += 3) {
            out[i] = (f[k] & 0xFF) << 16 | (f[k + 1] & 0xFF) << 8 | (f[k + 2] & 0xFF);
        }
        return out;
    }

    private static byte[] packed3(int[] rgb) {
        byte[] out = new byte[3 * rgb.length];
        for (int i = 0, k = 0; i < rgb.length; i++, k += 3) {
            int c = rgb[i];
            out[k] = (byte) (c >> 16);
            out[k + 1] = (byte) (c >> 8);
            out[k + 2] = (byte) c;
        }
        return out;
    }
}
