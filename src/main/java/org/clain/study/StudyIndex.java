package org.clain.study;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Patients, studies and series found by a scan, plus what was skipped and why. */
public final class StudyIndex {
    private final List<Instance> instances;
    private final List<Skipped> skipped;
    private final Map<String, Series> series = new LinkedHashMap<>();

    public StudyIndex(List<Instance> instances, List<Skipped> skipped) {
        this.instances = List.copyOf(instances);
        this.skipped = List.copyOf(skipped);
        for (Instance i : this.instances) {
            if (!i.hasPixels()) {
                continue;
            }
            String key = i.seriesInstanceUid().isEmpty() ? "(no series UID) " + i.path().getParent() : i.seriesInstanceUid();
            series.computeIfAbsent(key, Series::new).add(i);
        }
    }

    public List<Instance> instances() {
        return instances;
    }

    public List<Skipped> skipped() {
        return skipped;
    }

    /** Image series ordered by patient, study, series number. */
    public List<Series> series() {
        List<Series> out = new ArrayList<>(series.values());
        out.sort(Comparator.comparing(Series::patientId).thenComparing(Series::studyInstanceUid)
                .thenComparingInt(Series::seriesNumber));
        return Collections.unmodifiableList(out);
    }

    /** Series grouped by patient ID then Study Instance UID, for the study browser. */
    public Map<String, Map<String, List<Series>>> byPatientAndStudy() {
        Map<String, Map<String, List<Series>>> out = new LinkedHashMap<>();
        for (Series s : series()) {
            out.computeIfAbsent(s.patientId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(s.studyInstanceUid(), k -> new ArrayList<>()).add(s);
        }
        return out;
    }
}
