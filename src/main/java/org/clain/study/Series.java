package org.clain.study;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The instances sharing a Series Instance UID, in scan order. */
public final class Series {
    private final String seriesInstanceUid;
    private final List<Instance> instances = new ArrayList<>();
    private List<SliceStack> stacks;

    public Series(String seriesInstanceUid) {
        this.seriesInstanceUid = seriesInstanceUid;
    }

    public String seriesInstanceUid() {
        return seriesInstanceUid;
    }

    synchronized void add(Instance i) {
        instances.add(i);
        stacks = null;
    }

    public List<Instance> instances() {
        return Collections.unmodifiableList(instances);
    }

    private Instance first() {
        return instances.get(0);
    }

    /** Whether its instances are images (a series of structure sets or reports is not). */
    public boolean hasImages() {
        return first().hasPixels();
    }

    public String modality() {
        return first().modality();
    }

    public String description() {
        return first().seriesDescription();
    }

    public int seriesNumber() {
        return first().seriesNumber();
    }

    public String studyInstanceUid() {
        return first().studyInstanceUid();
    }

    public String patientId() {
        return first().patientId();
    }

    public String patientName() {
        return first().patientName();
    }

    /**
     * The geometric stacks of this series, largest first (localizers and odd sizes apart). Split
     * once: the same stacks each time, as the viewer keeps decoded volumes by stack.
     */
    public synchronized List<SliceStack> stacks() {
        if (stacks == null) {
            stacks = hasImages() ? List.copyOf(SliceStack.split(this)) : List.of();
        }
        return stacks;
    }
}
