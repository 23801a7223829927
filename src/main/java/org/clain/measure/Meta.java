package org.clain.measure;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What every measurement and annotation carries besides its geometry: a stable id, the label the
 * user gave it, when it was made, and the series and Frame of Reference its patient coordinates
 * belong to. Coordinates are only comparable between measurements that share a Frame of Reference.
 *
 * @param id                  unique within a study (a random UUID for new measurements)
 * @param label               free text shown to the user; may be empty, never null
 * @param created             creation time (UTC)
 * @param seriesInstanceUid   the series it was drawn on (may be null when unknown)
 * @param frameOfReferenceUid the Frame of Reference of its LPS coordinates (may be null when the series has none)
 */
public record Meta(String id, String label, Instant created, String seriesInstanceUid, String frameOfReferenceUid) {
    public Meta {
        Objects.requireNonNull(id, "id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        label = label == null ? "" : label;
        Objects.requireNonNull(created, "created");
    }

    /** A new id and the current time. */
    public static Meta create(String label, String seriesInstanceUid, String frameOfReferenceUid) {
        return new Meta(UUID.randomUUID().toString(), label, Instant.now(), seriesInstanceUid, frameOfReferenceUid);
    }

    public Meta withLabel(String newLabel) {
        return new Meta(id, newLabel, created, seriesInstanceUid, frameOfReferenceUid);
    }
}
