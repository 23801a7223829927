package org.clain.dicom;

import java.nio.file.Path;

/**
 * The heap left to this JVM, checked before an allocation whose size a file declares (a frame,
 * an inflated stream): a hostile or absurd header gets a {@link DicomException}, never an
 * OutOfMemoryError that would take down a folder scan or the viewer.
 */
final class Memory {
    /** Below this, allocations are not worth a check. */
    private static final long SMALL = 16L << 20;
    /** The largest Java array, in elements. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private Memory() {
    }

    static long available() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /** Refuses {@code bytes} for one byte array holding {@code what} if they exceed an array or the heap left. */
    static void checkArray(Path file, long offset, long bytes, String what) throws DicomException {
        if (bytes > MAX_ARRAY) {
            throw new DicomException(file, offset, what + " needs " + bytes + " bytes, more than one array can hold");
        }
        check(file, offset, bytes, what);
    }

    /** Refuses {@code bytes} for {@code what} if they do not fit in the heap left. */
    static void check(Path file, long offset, long bytes, String what) throws DicomException {
        if (bytes > SMALL) {
            long free = available();
            if (bytes > free) {
                throw new DicomException(file, offset, String.format(
                        "%s needs %d MiB, more than the %d MiB of heap available (raise -Xmx)", what, bytes >> 20,
                        free >> 20));
            }
        }
    }
}
