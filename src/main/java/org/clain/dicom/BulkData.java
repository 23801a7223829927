package org.clain.dicom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Where a large value (Pixel Data) lies, read on demand: a native value, or the fragments of
 * encapsulated data (PS3.5 A.4) with the Basic Offset Table. The source is the memory-mapped
 * file (or the inflated bytes of a deflated file); nothing is copied until a frame is decoded.
 * A file whose header was read without mapping it ({@link #inFile}) is mapped on the first call
 * to {@link #source()}: native frames are read with positional reads and never need it.
 */
public final class BulkData {
    /** One encapsulated item's value: offset in the source and length in bytes. */
    public record Fragment(long offset, int length) {
    }

    private final long offset;
    private final long length;
    private final List<Fragment> fragments;
    private final long[] basicOffsets;
    private final Path file;
    private final long sourceSize;
    private volatile ByteBuffer source;

    /**
     * @param file the file that {@code source} maps, offsets equal (native frames are then read with
     *             positional reads, see PixelDecoder); null for bytes in memory or inflated
     */
    public BulkData(ByteBuffer source, long offset, long length, List<Fragment> fragments, long[] basicOffsets,
                    Path file) {
        this.source = source;
        this.sourceSize = source.limit();
        this.offset = offset;
        this.length = length;
        this.fragments = fragments;
        this.basicOffsets = basicOffsets;
        this.file = file;
    }

    private BulkData(Path file, long fileSize, long offset, long length) {
        this.file = file;
        this.sourceSize = fileSize;
        this.offset = offset;
        this.length = length;
        this.fragments = null;
        this.basicOffsets = null;
    }

    /** A native value at [offset, offset + length) of a file of {@code fileSize} bytes, not mapped yet. */
    static BulkData inFile(Path file, long fileSize, long offset, long length) {
        return new BulkData(file, fileSize, offset, length);
    }

    /** The bytes the offsets refer to: the whole file, mapped now if it was not yet. */
    public ByteBuffer source() {
        ByteBuffer s = source;
        if (s == null) {
            synchronized (this) {
                s = source;
                if (s == null) {
                    s = map();
                    source = s;
                }
            }
        }
        return s;
    }

    private ByteBuffer map() {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            if (ch.size() < sourceSize) {
                // mapping past the end would crash the JVM on the first read there
                throw new IOException(file + ": the file is now " + ch.size() + " bytes, " + sourceSize
                        + " when it was read (changed since?)");
            }
            return ch.map(FileChannel.MapMode.READ_ONLY, 0, sourceSize);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the source is in memory or mapped yet (tests of the head read). */
    boolean sourceLoaded() {
        return source != null;
    }

    /** Bytes in {@link #source()}, known without mapping it. */
    public long sourceSize() {
        return sourceSize;
    }

    public long offset() {
        return offset;
    }

    public long length() {
        return length;
    }

    /** The encapsulated items, or null for a native value. */
    public List<Fragment> fragments() {
        return fragments;
    }

    public long[] basicOffsets() {
        return basicOffsets;
    }

    /** The file the source maps at equal offsets, or null for bytes in memory or inflated. */
    public Path file() {
        return file;
    }

    public boolean encapsulated() {
        return fragments != null;
    }

    /** A copy of bytes [offset, offset+length) of the source. */
    public byte[] bytes(long off, int len) {
        byte[] out = new byte[len];
        source().slice((int) off, len).get(out);
        return out;
    }
}
