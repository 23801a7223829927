package org.clain.study;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Patients, studies and series found by a scan, plus what was skipped and why. Image series (with
 * Pixel Data) and the series of other objects (RT Structure Sets, Structured Reports, presentation
 * states, key objects) are kept apart: only the first become stacks and volumes.
 */
public final class StudyIndex {
    private final List<Instance> instances;
    private final List<Skipped> skipped;
    private final Map<String, Series> series = new LinkedHashMap<>();
    private final Map<String, Series> objects = new LinkedHashMap<>();

    public StudyIndex(List<Instance> instances, List<Skipped> skipped) {
        this.instances = List.copyOf(instances);
        this.skipped = List.copyOf(skipped);
        for (Instance i : this.instances) {
            String key = i.seriesInstanceUid().isEmpty() ? "(no series UID) " + i.path().getParent() : i.seriesInstanceUid();
            (i.hasPixels() ? series : objects).computeIfAbsent(key, Series::new).add(i);
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
        return sorted(series);
    }

    /** Series of objects without pixels (RTSTRUCT, SR, PR, KO...), ordered as {@link #series()}. */
    public List<Series> objectSeries() {
        return sorted(objects);
    }

    private static List<Series> sorted(Map<String, Series> bySeries) {
        List<Series> out = new ArrayList<>(bySeries.values());
        out.sort(Comparator.comparing(Series::patientId).thenComparing(Series::studyInstanceUid)
                .thenComparingInt(Series::seriesNumber));
        return Collections.unmodifiableList(out);
    }

    /**
     * Series grouped by patient ID then Study Instance UID, for the study browser: image series, then
     * the series of other objects, each by series number.
     */
    public Map<String, Map<String, List<Series>>> byPatientAndStudy() {
        Map<String, Map<String, List<Series>>> out = new LinkedHashMap<>();
        List<Series> all = new ArrayList<>(series());
        all.addAll(objectSeries());
        for (Series s : all) {
            out.computeIfAbsent(s.patientId(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(s.studyInstanceUid(), k -> new ArrayList<>()).add(s);
        }
        return out;
    }
}
