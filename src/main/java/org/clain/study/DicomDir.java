package org.clain.study;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
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

    /** As {@link #referencedFiles(DicomFile, List)}, the records not followed left out. */
    public static List<Path> referencedFiles(Path dicomdir) throws DicomException {
        return referencedFiles(DicomReader.read(dicomdir), new ArrayList<>());
    }

    public static List<Path> referencedFiles(Path dicomdir, List<Skipped> skipped) throws DicomException {
        return referencedFiles(DicomReader.read(dicomdir), skipped);
    }

    /**
     * Referenced File IDs of every record, resolved against the DICOMDIR's folder. Records are
     * read in sequence order; the offsets are not needed to list files, so a DICOMDIR with broken
     * offsets still opens. A file ID is followed only to a regular file inside the DICOMDIR's
     * folder (PS3.10 8.2: components are relative names); absolute IDs, "..", path separators
     * or characters no path can hold, and files that are missing or not regular (a FIFO would
     * block the scan) are added to {@code skipped} with the reason instead.
     */
    public static List<Path> referencedFiles(DicomFile f, List<Skipped> skipped) {
        Path dicomdir = f.path();
        Path base = dicomdir.toAbsolutePath().normalize().getParent();
        List<Path> out = new ArrayList<>();
        int record = 0;
        for (Attributes rec : f.dataset().getSequence(Tag.DirectoryRecordSequence)) {
            record++;
            String[] id = rec.getStrings(Tag.ReferencedFileID);
            if (id == null || id.length == 0 || id[0].isEmpty()) {
                continue;
            }
            String shown = String.join("\\", id);
            Path p = resolve(base, id, false);
            if (p == null) {
                skipped.add(new Skipped(dicomdir, dicomdir + ": directory record " + record + ": Referenced File ID '"
                        + printable(shown) + "' does not name a file inside the DICOMDIR's folder: not followed"));
                continue;
            }
            if (!Files.isRegularFile(p)) {
                // media written on case-insensitive systems: try the lower-case name
                Path lower = resolve(base, id, true);
                if (lower != null && Files.isRegularFile(lower)) {
                    p = lower;
                }
            }
            if (!Files.isRegularFile(p)) {
                skipped.add(new Skipped(p, p + ": referenced by " + dicomdir + " (directory record " + record
                        + ") but " + (Files.exists(p) ? "not a regular file" : "missing")));
                continue;
            }
            out.add(p);
        }
        return out;
    }

    /** The path of a file ID under base, or null if a component is not a plain relative name. */
    private static Path resolve(Path base, String[] id, boolean lowerCase) {
        Path p = base;
        for (String part : id) {
            String name = lowerCase ? part.toLowerCase() : part;
            if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
                    || name.indexOf('\0') >= 0) {
                return null;
            }
            try {
                Path child = p.resolve(name);
                if (!child.getParent().equals(p)) {
                    return null; // absolute, or more than one component on this file system
                }
                p = child;
            } catch (InvalidPathException e) {
                return null;
            }
        }
        return p;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c < 0x20 || c == 0x7F ? String.format("\\x%02X", (int) c) : String.valueOf(c));
        }
        return b.length() > 200 ? b.substring(0, 200) + "..." : b.toString();
    }
}
