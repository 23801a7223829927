package org.clain.study;

import java.nio.file.Path;
import java.util.List;
import org.clain.dicom.DicomFile;

/**
 * One readable file: the header values `clain info` reports and the frames it contributes.
 * The parsed {@link DicomFile} is kept (pixel data stays in the mapped file).
 */
public record Instance(Path path, DicomFile file, String sopClassUid, String sopInstanceUid, String transferSyntaxUid,
                       int rows, int columns, int frames, int bitsAllocated, int bitsStored, int pixelRepresentation,
                       String photometric, String patientId, String patientName, String studyInstanceUid,
                       String seriesInstanceUid, String modality, String seriesDescription, int seriesNumber,
                       String frameOfReferenceUid, List<SliceHeader> slices, List<String> warnings) {

    public boolean hasPixels() {
        return rows > 0 && columns > 0 && !slices.isEmpty();
    }
}
