package org.clain.dicom;

import java.util.List;

/**
 * One data element: its value is raw bytes (in the dataset's byte order), the items of a sequence,
 * or bulk data left in the file.
 *
 * @param offset byte offset of the element's header in the file (for messages)
 */
public record Element(int tag, VR vr, byte[] value, List<Attributes> items, BulkData bulk, long offset) {
    public boolean isSequence() {
        return items != null;
    }

    public int length() {
        return value == null ? 0 : value.length;
    }
}
