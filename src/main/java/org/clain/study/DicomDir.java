package org.clain.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clain.dicom.Attributes;
import org.clain.dicom.DicomException;
import org.clain.dicom.DicomFile;
import org.clain.dicom.DicomReader;
import org.clain.dicom.Tag;

/** Media Storage Directory (PS3.3 F.3): the files a DICOMDIR references. */
public final class DicomDir {
    private DicomDir() {
    }

    /**
     * Referenced File IDs of every record, resolved against the DICOMDIR's folder. Records are
     * read in sequence order; the offsets are not needed to list files, so a DICOMDIR with broken
     * offsets still opens.
     */
    public static List<Path> referencedFiles(Path dicomdir) throws DicomException {
        DicomFile f = DicomReader.read(dicomdir);
        Path base = dicomdir.toAbsolutePath().getParent();
        List<Path> out = new ArrayList<>();
        for (Attributes rec : f.dataset().getSequence(Tag.DirectoryRecordSequence)) {
            String[] id = rec.getStrings(Tag.ReferencedFileID);
            if (id == null || id.length == 0 || id[0].isEmpty()) {
                continue;
            }
            Path p = base;
            for (String part : id) {
                p = p.resolve(part);
            }
            if (!Files.isRegularFile(p)) {
                // media written on case-insensitive systems: try the lower-case name
                Path lower = base;
                for (String part : id) {
                    lower = lower.resolve(part.toLowerCase());
                }
                p = Files.isRegularFile(lower) ? lower : p;
            }
            out.add(p);
        }
        return out;
    }
}
