package org.clain.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The per-study annotation documents in the user's data folder
 * ({@code <data>/annotations/<StudyInstanceUID>.json}, see {@link DataFolders}): saved atomically,
 * reloaded by study UID. DICOM folders are never written to; {@link AnnotationJson#exportTo}
 * writes elsewhere only when the user asks.
 */
public final class AnnotationStore {
    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    private final Path folder;

    public AnnotationStore(Path folder) {
        this.folder = folder;
    }

    /** The store in this user's data folder. */
    public static AnnotationStore userDefault() {
        return new AnnotationStore(DataFolders.annotations());
    }

    public Path folder() {
        return folder;
    }

    /**
     * The document of a study. A UID (digits and dots, at most 64 characters) is its own file
     * name; anything else is refused, so that no study UID can name a path outside the folder.
     */
    public Path pathFor(String studyInstanceUid) {
        if (studyInstanceUid == null || studyInstanceUid.length() > 64 || !UID.matcher(studyInstanceUid).matches()) {
            throw new IllegalArgumentException("not a DICOM UID: " + studyInstanceUid);
        }
        return folder.resolve(studyInstanceUid + ".json");
    }

    /** Saves the set atomically and marks it saved. */
    public Path save(MeasurementSet set) throws IOException {
        Path p = pathFor(set.studyInstanceUid());
        AtomicFiles.write(p, out -> AnnotationJson.write(set, out));
        set.markSaved();
        return p;
    }

    /** The saved annotations of a study; empty when it has none. */
    public Optional<MeasurementSet> load(String studyInstanceUid) throws IOException {
        Path p = pathFor(studyInstanceUid);
        MeasurementSet set;
        try {
            set = AnnotationJson.importFrom(p);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (!set.studyInstanceUid().equals(studyInstanceUid)) {
            throw new AnnotationJson.AnnotationFormatException(p + ": holds study " + set.studyInstanceUid()
                    + ", not " + studyInstanceUid);
        }
        return Optional.of(set);
    }

    /** The saved set, or a new empty one. */
    public MeasurementSet loadOrCreate(String studyInstanceUid) throws IOException {
        return load(studyInstanceUid).orElseGet(() -> new MeasurementSet(studyInstanceUid));
    }

    public boolean delete(String studyInstanceUid) throws IOException {
        return Files.deleteIfExists(pathFor(studyInstanceUid));
    }
}
