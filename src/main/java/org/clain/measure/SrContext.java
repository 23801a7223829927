package org.clain.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.clain.dicom.Attributes;
import org.clain.dicom.Tag;
import org.clain.study.Instance;
import org.clain.study.Series;

/**
 * Patient and study identification for a measurement report, copied from the measured images, and
 * the images the report references (its Image Library and evidence). Empty strings where the
 * source has no value (the SR then has the type 2 attribute empty).
 */
public record SrContext(String patientName, String patientId, String patientBirthDate, String patientSex,
                        String studyInstanceUid, String studyDate, String studyTime, String studyId,
                        String accessionNumber, String referringPhysicianName, List<ImageRef> images) {

    /** One referenced image. */
    public record ImageRef(String sopClassUid, String sopInstanceUid, String seriesInstanceUid) {
    }

    public SrContext {
        Objects.requireNonNull(studyInstanceUid, "studyInstanceUid");
        patientName = nz(patientName);
        patientId = nz(patientId);
        patientBirthDate = nz(patientBirthDate);
        patientSex = nz(patientSex);
        studyDate = nz(studyDate);
        studyTime = nz(studyTime);
        studyId = nz(studyId);
        accessionNumber = nz(accessionNumber);
        referringPhysicianName = nz(referringPhysicianName);
        images = images == null ? List.of() : List.copyOf(images);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Minimal context: a study UID, no patient details, no image references. */
    public static SrContext ofStudy(String studyInstanceUid) {
        return new SrContext("", "", "", "", studyInstanceUid, "", "", "", "", "", List.of());
    }

    /** Patient and study from the first instance of {@code series}; every instance of the given series as images. */
    public static SrContext fromSeries(List<Series> measured) {
        if (measured.isEmpty()) {
            throw new IllegalArgumentException("no series");
        }
        Attributes d = measured.get(0).instances().get(0).file().dataset();
        List<ImageRef> refs = new ArrayList<>();
        for (Series s : measured) {
            for (Instance i : s.instances()) {
                if (i.sopClassUid() != null && i.sopInstanceUid() != null) {
                    refs.add(new ImageRef(i.sopClassUid(), i.sopInstanceUid(), s.seriesInstanceUid()));
                }
            }
        }
        return new SrContext(d.getString(Tag.PatientName), d.getString(Tag.PatientID),
                d.getString(Tag.PatientBirthDate), d.getString(Tag.PatientSex), d.getString(Tag.StudyInstanceUID),
                d.getString(Tag.StudyDate), d.getString(Tag.StudyTime), d.getString(Tag.StudyID),
                d.getString(Tag.AccessionNumber), d.getString(Tag.ReferringPhysicianName), refs);
    }
}
