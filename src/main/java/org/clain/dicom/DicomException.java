package org.clain.dicom;

import java.io.IOException;
import java.nio.file.Path;

/** A DICOM file that cannot be read, with the file, the byte offset and the reason. */
public class DicomException extends IOException {
    private final transient Path file;
    private final long offset;
    private final String reason;

    public DicomException(Path file, long offset, String reason) {
        this(file, offset, reason, null);
    }

    public DicomException(Path file, long offset, String reason, Throwable cause) {
        super(format(file, offset, reason), cause);
        this.file = file;
        this.offset = offset;
        this.reason = reason;
    }

    private static String format(Path file, long offset, String reason) {
        String where = file == null ? "" : file + ": ";
        return offset >= 0 ? where + "at byte " + offset + ": " + reason : where + reason;
    }

    public Path file() {
        return file;
    }

    /** Byte offset in the file where the problem applies, or -1. */
    public long offset() {
        return offset;
    }

    public String reason() {
        return reason;
    }
}
