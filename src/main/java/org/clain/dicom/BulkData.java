package org.clain.dicom;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a large value (Pixel Data) lies, read on demand: a native value, or the fragments of
 * encapsulated data (PS3.5 A.4) with the Basic Offset Table. The source is the memory-mapped
 * file (or the inflated bytes of a deflated file); nothing is copied until a frame is decoded.
 *
 * @param file the file that {@code source} maps, offsets equal (native frames are then read with
 *             positional reads, see PixelDecoder); null for bytes in memory or inflated
 */
public record BulkData(ByteBuffer source, long offset, long length, List<Fragment> fragments, long[] basicOffsets,
                       Path file) {
    /** One encapsulated item's value: offset in the source and length in bytes. */
    public record Fragment(long offset, int length) {
    }

    public boolean encapsulated() {
        return fragments != null;
    }

    /** A copy of bytes [offset, offset+length) of the source. */
    public byte[] bytes(long off, int len) {
        byte[] out = new byte[len];
        source.slice((int) off, len).get(out);
        return out;
    }
}
