package org.clain.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.clain.dicom.codec.CodecException;
import org.clain.dicom.codec.Codecs;
import org.clain.dicom.codec.DecodedImage;

/**
 * Decodes the frames of a file's Pixel Data, lazily, one frame at a time, into pixel-interleaved
 * ints. Two views of the same samples:
 * <ul>
 * <li>{@link #frame}: the stored words as REFERENCE.tsv and `clain pixels` define them (native
 * words untouched, compressed samples sign-extended when Pixel Representation is 1);</li>
 * <li>{@link #storedValues}: what a viewer shows: bits outside Bits Stored (overlays, garbage)
 * removed at High Bit and sign-extended (PS3.5 8.1.1).</li>
 * </ul>
 */
public final class PixelDecoder {
    private final Path path;
    private final ImagePixel pixel;
    private final BulkData bulk;
    private final TransferSyntax ts;
    private final boolean bigEndian;
    private final boolean swapWords;
    private final long[] extendedOffsets;
    /** File offset of the Pixel Data element, or -1 where buffer positions are not file offsets (deflated dataset). */
    private final long pixelDataOffset;
    /**
     * Per loading thread, the int samples of the last compressed frame narrowed into a volume's
     * slice: decoded series then make no 1 MiB of garbage per slice, which the young collections
     * paid for by copying the volume's slices again and again.
     */
    private static final ThreadLocal<int[]> SCRATCH = ThreadLocal.withInitial(() -> new int[0]);
    /** Per loading thread, the bytes of the last native frame read from its file. */
    private static final ThreadLocal<ByteBuffer> FRAME_BUFFER = ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(0));
    private List<byte[]> frameCache;
    private List<Long> frameStarts;

    private PixelDecoder(Path path, ImagePixel pixel, BulkData bulk, TransferSyntax ts, boolean bigEndian,
                         boolean swapWords, long[] extendedOffsets, long pixelDataOffset) {
        this.path = path;
        this.pixel = pixel;
        this.bulk = bulk;
        this.ts = ts;
        this.bigEndian = bigEndian;
        this.swapWords = swapWords;
        this.extendedOffsets = extendedOffsets;
        this.pixelDataOffset = pixelDataOffset;
    }

    public static PixelDecoder of(DicomFile f) throws DicomException {
        Attributes ds = f.dataset();
        Element px = ds.pixelData();
        if (px == null || px.bulk() == null) {
            throw new DicomException(f.path(), -1, "no Pixel Data");
        }
        ImagePixel pixel = ImagePixel.of(f.path(), ds);
        if (f.transferSyntax() == null && px.bulk().encapsulated()) {
            // compressed under a UID Clain does not know (MPEG, H.264, HEVC, arithmetic or hierarchical JPEG...)
            throw new DicomException(f.path(), px.offset(), "compressed with transfer syntax "
                    + f.transferSyntaxUid().trim() + ", which Clain does not decode");
        }
        TransferSyntax ts = f.transferSyntax() == null ? TransferSyntax.EXPLICIT_VR_LE : f.transferSyntax();
        if (px.bulk().encapsulated() == false && ts.encapsulated()) {
            ts = TransferSyntax.EXPLICIT_VR_LE; // native data under a compressed UID: read what is there
        }
        boolean be = ds.order() == ByteOrder.BIG_ENDIAN;
        long[] eot = null;
        Element eotEl = ds.get(Tag.ExtendedOffsetTable);
        if (eotEl != null && eotEl.value() != null && eotEl.value().length >= 8) {
            ByteBuffer b = ByteBuffer.wrap(eotEl.value()).order(ds.order());
            eot = new long[eotEl.value().length / 8];
            for (int i = 0; i < eot.length; i++) {
                eot[i] = b.getLong(8 * i);
            }
        }
        // Big endian OW words are byte-swapped; OB (8-bit) is a byte stream (PS3.5 7.3)
        boolean swap = be && px.vr() != VR.OB && pixel.bitsAllocated() > 8;
        boolean fileOffsets = f.transferSyntax() == null || !f.transferSyntax().deflated();
        return new PixelDecoder(f.path(), pixel, px.bulk(), ts, be, swap, eot, fileOffsets ? px.offset() : -1);
    }

    public ImagePixel pixel() {
        return pixel;
    }

    public int frames() {
        return pixel.frames();
    }

    public TransferSyntax transferSyntax() {
        return ts;
    }

    /** Stored words of one frame, pixel-interleaved (see the class comment). Float data: raw float bits. */
    public int[] frame(int index) throws DicomException {
        return frame(index, null);
    }

    /** @param reuse where a codec may put the samples instead of a new array (null: a new one) */
    private int[] frame(int index, int[] reuse) throws DicomException {
        if (index < 0 || index >= pixel.frames()) {
            throw new DicomException(path, -1, "frame " + index + " out of range (0.." + (pixel.frames() - 1) + ")");
        }
        if (pixel.doubleData()) {
            throw new DicomException(path, pixelDataOffset, "Double Float Pixel Data has no 32-bit view");
        }
        // the frame's ints and a working copy (compressed bytes, planes, codec buffers)
        Memory.check(path, pixelDataOffset, 8L * pixel.samplesPerFrame(), "frame " + index + " of " + pixel.rows()
                + "x" + pixel.columns() + "x" + pixel.samplesPerPixel() + " samples");
        if (ts == TransferSyntax.DEFLATED_IMAGE_FRAME) {
            // each frame a deflated fragment (PS3.5 A.4.11); the inflated bytes bounded by the header's frame size
            return decodeNative(inflateFrame(index), index);
        }
        if (bulk.encapsulated()) {
            return decodeCompressed(index, reuse);
        }
        return decodeNative(null, index);
    }

    /** Values of one frame as a viewer uses them: masked to Bits Stored at High Bit, sign-extended. */
    public int[] storedValues(int index) throws DicomException {
        return storedValues(index, (int[]) null);
    }

    private int[] storedValues(int index, int[] reuse) throws DicomException {
        int[] v = frame(index, reuse);
        if (pixel.floatData()) {
            return v;
        }
        int bs = pixel.bitsStored();
        int hb = pixel.highBit();
        int ba = pixel.bitsAllocated();
        if (bs >= ba && hb == ba - 1 || ba == 1) {
            return v;
        }
        int shift = Math.max(0, hb + 1 - bs);
        int mask = bs >= 32 ? -1 : (1 << bs) - 1;
        boolean signed = pixel.signed();
        int ext = 32 - bs;
        for (int i = 0; i < v.length; i++) {
            int s = (v[i] >>> shift) & mask;
            v[i] = signed ? (s << ext) >> ext : s;
        }
        return v;
    }

    /**
     * {@link #storedValues} of a one-sample frame narrowed into a caller's short[] (the volume's
     * slice): native 16-bit data is read from the file straight into it, no int[] in between.
     */
    public void storedValues(int index, short[] dst) throws DicomException {
        if (dst.length != pixel.pixelsPerFrame()) {
            throw new DicomException(path, -1, "frame " + index + " does not fit a " + dst.length + "-voxel slice");
        }
        storedValues(index, dst, 0);
    }

    /** As {@link #storedValues(int, short[])}, into {@code dst} from {@code offset} (a volume's slab). */
    public void storedValues(int index, short[] dst, int offset) throws DicomException {
        int n = pixel.pixelsPerFrame();
        if (pixel.samplesPerPixel() != 1 || offset < 0 || (long) offset + n > dst.length) {
            throw new DicomException(path, -1, "frame " + index + " of " + n + " samples does not fit at " + offset
                    + " in " + dst.length + " voxels");
        }
        boolean native16 = !bulk.encapsulated() && ts != TransferSyntax.DEFLATED_IMAGE_FRAME
                && pixel.bitsAllocated() == 16 && !pixel.floatData();
        if (!native16) {
            int[] v = storedValues(index, SCRATCH.get());
            if (v.length > SCRATCH.get().length) {
                SCRATCH.set(v); // this thread's next frame of this size decodes into it
            }
            for (int i = 0; i < n; i++) {
                dst[offset + i] = (short) v[i];
            }
            return;
        }
        long frameBytes = pixel.nativeFrameBytes();
        long off = bulk.offset() + index * frameBytes;
        ensureAvailable(off, frameBytes, index);
        ByteOrder order = swapWords ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        if (bulk.file() != null) {
            readFrame(bulk.file(), off, (int) frameBytes, index).order(order).asShortBuffer().get(dst, offset, n);
        } else {
            bulk.source().slice((int) off, (int) frameBytes).order(order).asShortBuffer().get(dst, offset, n);
        }
        int bs = pixel.bitsStored();
        int hb = pixel.highBit();
        if (bs >= 16 && hb == 15) {
            return;
        }
        int shift = Math.max(0, hb + 1 - bs);
        int end = offset + n;
        // each case its own small method, no test inside: C2 compiles and vectorises them after a
        // few slices, where inside this method the loops ran as scalar code for a whole series
        if (shift == 0) {
            if (pixel.signed()) {
                signExtend(dst, offset, end, bs);
            } else {
                mask(dst, offset, end, bs);
            }
        } else {
            shiftDown(dst, offset, end, bs, shift, pixel.signed());
        }
    }

    /** Sign extension of the low bs bits by mask, xor and subtract (C2 vectorises these, not shifts on shorts). */
    private static void signExtend(short[] dst, int from, int to, int bs) {
        int mask = (1 << bs) - 1;
        int sign = 1 << (bs - 1);
        for (int i = from; i < to; i++) {
            dst[i] = (short) (((dst[i] & mask) ^ sign) - sign);
        }
    }

    private static void mask(short[] dst, int from, int to, int bs) {
        int mask = (1 << bs) - 1;
        for (int i = from; i < to; i++) {
            dst[i] = (short) (dst[i] & mask);
        }
    }

    /** Bits Stored below High Bit + 1 (rare): shifted down, then sign-extended or zero-filled. */
    private static void shiftDown(short[] dst, int from, int to, int bs, int shift, boolean signed) {
        int ext = 32 - bs;
        if (signed) {
            for (int i = from; i < to; i++) {
                dst[i] = (short) ((dst[i] << (ext - shift)) >> ext);
            }
        } else {
            for (int i = from; i < to; i++) {
                dst[i] = (short) ((dst[i] << (ext - shift)) >>> ext);
            }
        }
    }

    /** Frame {@code index} of Double Float Pixel Data (7FE0,0009), sample by sample. */
    public double[] doubles(int index) throws DicomException {
        if (!pixel.doubleData()) {
            throw new DicomException(path, pixelDataOffset, "no Double Float Pixel Data");
        }
        byte[] b = referenceBytes(index);
        double[] out = new double[b.length / 8];
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
        return out;
    }

    /**
     * The frame's samples as little-endian bytes of the stored type ({@link ImagePixel#dtype}):
     * the bytes REFERENCE.tsv hashes.
     */
    public byte[] referenceBytes(int index) throws DicomException {
        if (pixel.doubleData() || pixel.floatData()) {
            int n = pixel.samplesPerFrame() * (pixel.doubleData() ? 8 : 4);
            long off = bulk.offset() + (long) index * n;
            ensureAvailable(off, n, index);
            byte[] out = bulk.bytes(off, n);
            if (bigEndian) {
                int w = pixel.doubleData() ? 8 : 4;
                for (int i = 0; i < n; i += w) {
                    for (int a = i, b = i + w - 1; a < b; a++, b--) {
                        byte t = out[a];
                        out[a] = out[b];
                        out[b] = t;
                    }
                }
            }
            return out;
        }
        int[] v = frame(index);
        int bps = pixel.bytesPerSample();
        byte[] out = new byte[v.length * bps];
        int p = 0;
        for (int x : v) {
            for (int k = 0; k < bps; k++) {
                out[p++] = (byte) (x >>> (8 * k));
            }
        }
        return out;
    }

    /**
     * A native frame read from the file with a positional read into this thread's buffer. Reading
     * the mapping instead faults every page in one by one, 3-5 times slower for a series here.
     */
    private ByteBuffer readFrame(Path file, long off, int n, int index) throws DicomException {
        ByteBuffer b = FRAME_BUFFER.get();
        if (b.capacity() < n) {
            b = ByteBuffer.allocateDirect(n);
            FRAME_BUFFER.set(b);
        }
        b.clear().limit(n);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            while (b.hasRemaining()) {
                if (ch.read(b, off + b.position()) < 0) {
                    throw new DicomException(path, off + b.position(), "frame " + index
                            + ": the file ended early (changed since it was read?)");
                }
            }
        } catch (IOException e) {
            throw new DicomException(path, off, "frame " + index + ": cannot read: " + e.getMessage(), e);
        }
        return b.flip();
    }

    private void ensureAvailable(long off, long n, int index) throws DicomException {
        if (off < 0 || off + n > bulk.offset() + bulk.length() || off + n > bulk.sourceSize()) {
            throw new DicomException(path, off, "Pixel Data truncated: frame " + index + " needs bytes " + off + ".."
                    + (off + n) + " but the value holds " + bulk.length() + " bytes from " + bulk.offset());
        }
    }

    private int[] decodeNative(byte[] inflated, int index) throws DicomException {
        long frameBytes = pixel.nativeFrameBytes();
        ByteBuffer src;
        int base;
        if (inflated != null) {
            src = ByteBuffer.wrap(inflated).order(ByteOrder.LITTLE_ENDIAN);
            base = 0;
            if (inflated.length < frameBytes) {
                throw new DicomException(path, frameStart(index), "deflated frame " + index + " holds " + inflated.length
                        + " bytes, expected " + frameBytes);
            }
            if (pixel.bitsAllocated() == 1) {
                // a deflated frame is a frame of its own: its bits start at its first byte
                return unpackBits(src, 0, 0);
            }
        } else {
            src = bulk.source().duplicate().order(swapWords ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            if (pixel.bitsAllocated() == 1) {
                long firstBit = (long) index * pixel.samplesPerFrame();
                ensureAvailable(bulk.offset(), (firstBit + pixel.samplesPerFrame() + 7) / 8, index);
                return unpackBits(bulk.source(), bulk.offset(), firstBit);
            }
            long off = bulk.offset() + index * frameBytes;
            ensureAvailable(off, frameBytes, index);
            base = (int) off;
        }
        int n = pixel.samplesPerFrame();
        int[] out = new int[n];
        boolean signed = pixel.signed();
        String pi = pixel.photometric();
        if (pi.equals("YBR_FULL_422") && pixel.samplesPerPixel() == 3) {
            // Y1 Y2 Cb Cr per two pixels, upsampled to Y Cb Cr per pixel
            int w = pixel.bitsAllocated() / 8;
            if (w != 1 && w != 2) {
                throw new DicomException(path, pixelDataOffset, "YBR_FULL_422 with Bits Allocated "
                        + pixel.bitsAllocated() + " is not supported (8 or 16)");
            }
            int pixels = pixel.pixelsPerFrame();
            for (int p = 0, s = base; p < pixels; p += 2, s += 4 * w) {
                int y1 = w == 1 ? src.get(s) & 0xFF : src.getShort(s) & 0xFFFF;
                int y2 = w == 1 ? src.get(s + 1) & 0xFF : src.getShort(s + 2) & 0xFFFF;
                int cb = w == 1 ? src.get(s + 2) & 0xFF : src.getShort(s + 4) & 0xFFFF;
                int cr = w == 1 ? src.get(s + 3) & 0xFF : src.getShort(s + 6) & 0xFFFF;
                out[3 * p] = y1;
                out[3 * p + 1] = cb;
                out[3 * p + 2] = cr;
                if (p + 1 < pixels) {
                    out[3 * p + 3] = y2;
                    out[3 * p + 4] = cb;
                    out[3 * p + 5] = cr;
                }
            }
            return out;
        }
        switch (pixel.bitsAllocated()) {
            case 8 -> {
                for (int i = 0; i < n; i++) {
                    byte b = src.get(base + i);
                    out[i] = signed ? b : b & 0xFF;
                }
            }
            case 16 -> {
                for (int i = 0; i < n; i++) {
                    short s = src.getShort(base + 2 * i);
                    out[i] = signed ? s : s & 0xFFFF;
                }
            }
            case 32 -> {
                for (int i = 0; i < n; i++) {
                    out[i] = src.getInt(base + 4 * i);
                }
            }
            default -> throw new DicomException(path, pixelDataOffset, "Bits Allocated " + pixel.bitsAllocated()
                    + " not supported natively");
        }
        if (pixel.samplesPerPixel() > 1 && pixel.planarConfiguration() == 1) {
            out = interleave(out, pixel.pixelsPerFrame(), pixel.samplesPerPixel());
        }
        return out;
    }

    private static int[] interleave(int[] planar, int pixels, int spp) {
        int[] out = new int[planar.length];
        for (int c = 0; c < spp; c++) {
            for (int p = 0; p < pixels; p++) {
                out[p * spp + c] = planar[c * pixels + p];
            }
        }
        return out;
    }

    /**
     * 1-bit data: bits packed little-endian within bytes (PS3.5 8.1.1), continuous across the frames
     * of native Pixel Data; one frame's from {@code firstBit} after byte {@code offset} of {@code src}.
     */
    private int[] unpackBits(ByteBuffer src, long offset, long firstBit) {
        int n = pixel.samplesPerFrame();
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            long bit = firstBit + i;
            int b = src.get((int) (offset + (bit >>> 3))) & 0xFF;
            out[i] = (b >>> (int) (bit & 7)) & 1;
        }
        return out;
    }

    private byte[] inflateFrame(int index) throws DicomException {
        byte[] compressed = frameBytes(index);
        long max = pixel.nativeFrameBytes(); // the header's frame size bounds the inflated bytes
        Memory.checkArray(path, frameStart(index), max, "deflated frame " + index);
        Inflater inf = new Inflater(true);
        try {
            inf.setInput(compressed);
            byte[] out = new byte[(int) max];
            int n = 0;
            while (n < out.length && !inf.finished()) {
                int k = inf.inflate(out, n, out.length - n);
                if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                n += k;
            }
            return n < out.length ? java.util.Arrays.copyOf(out, n) : out;
        } catch (DataFormatException e) {
            throw new DicomException(path, frameStart(index), "frame " + index + ": corrupt deflate data: "
                    + e.getMessage(), e);
        } finally {
            inf.end();
        }
    }

    private int[] decodeCompressed(int index, int[] reuse) throws DicomException {
        byte[] data = frameBytes(index);
        DecodedImage img;
        try {
            img = Codecs.decode(ts, data, pixel, reuse);
        } catch (CodecException e) {
            throw new DicomException(path, frameStart(index), "frame " + index + " (" + ts.description() + "): "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new DicomException(path, frameStart(index), "frame " + index + " (" + ts.description()
                    + "): decoder failed: " + e, e);
        }
        if (img.width() != pixel.columns() || img.height() != pixel.rows()
                || img.components() != pixel.samplesPerPixel()) {
            throw new DicomException(path, frameStart(index), "frame " + index + ": codestream is " + img.width() + "x"
                    + img.height() + "x" + img.components() + " but the header says " + pixel.columns() + "x"
                    + pixel.rows() + "x" + pixel.samplesPerPixel());
        }
        int[] v = img.samples();
        if (pixel.signed() && pixel.bitsAllocated() > 1 && pixel.bitsAllocated() < 32) {
            // stored words reinterpreted at Bits Allocated, as pydicom/dcmtk/GDCM hand them back;
            // the High Bit sign extension happens in storedValues, as for native data
            int ext = 32 - pixel.bitsAllocated();
            for (int i = 0; i < v.length; i++) {
                v[i] = (v[i] << ext) >> ext;
            }
        }
        return v;
    }

    /** The compressed bytes of one frame (PS3.5 A.4: offset tables, or one fragment per frame, or codestream starts). */
    public byte[] frameBytes(int index) throws DicomException {
        List<byte[]> frames = encapsulatedFrames();
        if (index >= frames.size()) {
            throw new DicomException(path, pixelDataOffset, "frame " + index + " missing: encapsulated Pixel Data holds "
                    + frames.size() + " frame(s)");
        }
        return frames.get(index);
    }

    private synchronized List<byte[]> encapsulatedFrames() throws DicomException {
        if (frameCache != null) {
            return frameCache;
        }
        List<BulkData.Fragment> frags = bulk.fragments();
        int n = pixel.frames();
        // Number of Frames is the file's word: never more frames than fragments
        List<byte[]> out = new ArrayList<>(Math.min(n, frags.size()));
        List<Long> starts = new ArrayList<>(Math.min(n, frags.size()));
        if (frags.isEmpty()) {
            throw new DicomException(path, pixelDataOffset, "encapsulated Pixel Data has no fragments");
        }
        if (frags.size() == n) {
            for (BulkData.Fragment f : frags) {
                starts.add(f.offset());
                out.add(bulk.bytes(f.offset(), f.length()));
            }
        } else if (n == 1) {
            starts.add(frags.get(0).offset());
            out.add(concat(frags, 0, frags.size()));
        } else {
            long[] offsets = extendedOffsets != null && extendedOffsets.length == n ? extendedOffsets
                    : bulk.basicOffsets().length == n ? bulk.basicOffsets() : null;
            if (offsets != null) {
                // offsets count from the first byte of the first fragment's item header
                long first = frags.get(0).offset() - 8;
                int fi = 0;
                for (int f = 0; f < n; f++) {
                    long end = f + 1 < n ? first + offsets[f + 1] : Long.MAX_VALUE;
                    int from = fi;
                    while (fi < frags.size() && frags.get(fi).offset() - 8 < end) {
                        fi++;
                    }
                    starts.add(from < frags.size() ? frags.get(from).offset() : frags.get(0).offset());
                    out.add(concat(frags, from, fi));
                }
            } else {
                // no table: a frame starts at a fragment that begins a codestream (JPEG SOI, J2K SOC)
                int from = 0;
                for (int i = 1; i <= frags.size(); i++) {
                    if (i == frags.size() || startsCodestream(frags.get(i))) {
                        starts.add(frags.get(from).offset());
                        out.add(concat(frags, from, i));
                        from = i;
                    }
                }
            }
        }
        frameCache = out;
        frameStarts = starts;
        return out;
    }

    /** File offset of the item holding the start of a compressed frame, or of the Pixel Data element. */
    private long frameStart(int index) {
        if (pixelDataOffset < 0) {
            return -1;
        }
        List<Long> starts = frameStarts;
        return starts != null && index < starts.size() ? starts.get(index) - 8 : pixelDataOffset;
    }

    private boolean startsCodestream(BulkData.Fragment f) {
        if (f.length() < 2) {
            return false;
        }
        ByteBuffer s = bulk.source();
        int b0 = s.get((int) f.offset()) & 0xFF;
        int b1 = s.get((int) f.offset() + 1) & 0xFF;
        return b0 == 0xFF && (b1 == 0xD8 || b1 == 0x4F);
    }

    private byte[] concat(List<BulkData.Fragment> frags, int from, int to) {
        if (to - from == 1) {
            BulkData.Fragment f = frags.get(from);
            return bulk.bytes(f.offset(), f.length());
        }
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (int i = from; i < to; i++) {
            BulkData.Fragment f = frags.get(i);
            o.writeBytes(bulk.bytes(f.offset(), f.length()));
        }
        return o.toByteArray();
    }
}
