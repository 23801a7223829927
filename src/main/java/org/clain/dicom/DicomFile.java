package org.clain.dicom;

import java.nio.file.Path;
import java.util.List;

/**
 * A parsed Part 10 file: file meta information, the dataset (Pixel Data left in the file as
 * {@link BulkData}), and what the reader had to tolerate.
 *
 * @param transferSyntaxUid as written in the meta group, or the one detected when there is none
 * @param warnings          tolerated deviations from the standard, for the user and `clain info`
 */
public record DicomFile(Path path, Attributes meta, Attributes dataset, String transferSyntaxUid,
                        TransferSyntax transferSyntax, List<String> warnings) {
}
