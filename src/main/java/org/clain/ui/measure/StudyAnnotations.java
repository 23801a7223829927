package org.clain.ui.measure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.clain.measure.AnnotationStore;
import org.clain.measure.Measurement;
import org.clain.measure.MeasurementSet;

/**
 * The annotation documents of the open studies: one {@link MeasurementSet} per study, loaded from
 * the user's {@link AnnotationStore} when the study opens and saved (atomically, by the store)
 * after every change. A saved document that cannot be read is moved aside rather than overwritten;
 * a study without a usable Study Instance UID keeps its annotations in memory only.
 */
final class StudyAnnotations {
    private static final System.Logger LOG = System.getLogger("clain.ui");

    private final MeasureHost host;
    private final Runnable onChange;
    private AnnotationStore store;
    private final Map<String, MeasurementSet> sets = new LinkedHashMap<>();
    private final Map<String, Runnable> setListeners = new HashMap<>();
    /** Studies whose annotations cannot be saved (no usable Study Instance UID). */
    private final Set<String> notPersisted = new HashSet<>();
    private String lastEdited;

    /** @param onChange called after a set changed (and was saved) */
    StudyAnnotations(MeasureHost host, Runnable onChange) {
        this.host = host;
        this.onChange = onChange;
    }

    AnnotationStore store() {
        if (store == null) {
            store = AnnotationStore.userDefault();
        }
        return store;
    }

    void setStore(AnnotationStore s) {
        store = s;
    }

    /**
     * The studies open now: their saved annotations are loaded (studies already open keep theirs,
     * with their undo history); studies no longer open are put away (they were saved at each change).
     */
    void open(Collection<String> studyInstanceUids) {
        Set<String> wanted = new LinkedHashSet<>(studyInstanceUids);
        for (String uid : new ArrayList<>(sets.keySet())) {
            if (!wanted.contains(uid)) {
                MeasurementSet s = sets.remove(uid);
                saveIfDirty(uid, s);
                s.removeListener(setListeners.remove(uid));
                notPersisted.remove(uid);
            }
        }
        for (String uid : wanted) {
            setOf(uid);
        }
    }

    /** The set of a study, loaded from the store the first time. */
    MeasurementSet setOf(String studyUid) {
        String uid = studyUid == null ? "" : studyUid;
        MeasurementSet s = sets.get(uid);
        if (s != null) {
            return s;
        }
        s = load(uid);
        sets.put(uid, s);
        MeasurementSet set = s;
        Runnable l = () -> setChanged(uid, set);
        setListeners.put(uid, l);
        s.addListener(l);
        return s;
    }

    private MeasurementSet load(String uid) {
        AnnotationStore st = store();
        Path p;
        try {
            p = st.pathFor(uid);
        } catch (IllegalArgumentException e) {
            notPersisted.add(uid);
            host.status("This study has no usable Study Instance UID: its annotations will not be kept");
            return new MeasurementSet(uid);
        }
        try {
            return st.loadOrCreate(uid);
        } catch (IOException | RuntimeException e) {
            // keep the unreadable document for the user, out of the way of the next save
            Path aside = p.resolveSibling(p.getFileName() + ".unreadable-" + System.currentTimeMillis());
            try {
                Files.move(p, aside);
                host.status("Saved annotations could not be read (" + e.getMessage() + "); kept as " + aside);
            } catch (IOException moveFailed) {
                notPersisted.add(uid);
                host.status("Saved annotations could not be read and will not be overwritten: " + e.getMessage());
            }
            LOG.log(System.Logger.Level.WARNING, "annotations of " + uid + " unreadable", e);
            return new MeasurementSet(uid);
        }
    }

    private void setChanged(String uid, MeasurementSet set) {
        lastEdited = uid;
        save(uid, set);
        onChange.run();
    }

    private void save(String uid, MeasurementSet set) {
        if (notPersisted.contains(uid)) {
            return;
        }
        try {
            store().save(set);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "annotations of " + uid + " not saved", e);
            host.status("Annotations not saved: " + e.getMessage());
        }
    }

    private void saveIfDirty(String uid, MeasurementSet s) {
        if (s.dirty()) {
            save(uid, s);
        }
    }

    /** Saves what is not saved yet (a failed save is tried again). */
    void saveAll() {
        for (Map.Entry<String, MeasurementSet> e : sets.entrySet()) {
            saveIfDirty(e.getKey(), e.getValue());
        }
    }

    /** The loaded sets, by Study Instance UID. */
    Map<String, MeasurementSet> sets() {
        return Collections.unmodifiableMap(sets);
    }

    /** The set edits apply to: the active view's study, else the last edited, else the first. */
    MeasurementSet current() {
        PlaneView v = host.activeView();
        if (v != null && v.studyInstanceUid() != null && sets.containsKey(v.studyInstanceUid())) {
            return sets.get(v.studyInstanceUid());
        }
        if (lastEdited != null && sets.containsKey(lastEdited)) {
            return sets.get(lastEdited);
        }
        return sets.isEmpty() ? null : sets.values().iterator().next();
    }

    /** Every measurement of the open studies, in display order. */
    List<Measurement> measurements() {
        List<Measurement> out = new ArrayList<>();
        for (MeasurementSet s : sets.values()) {
            out.addAll(s.measurements());
        }
        return out;
    }

    Optional<Measurement> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        for (MeasurementSet s : sets.values()) {
            Optional<Measurement> m = s.find(id);
            if (m.isPresent()) {
                return m;
            }
        }
        return Optional.empty();
    }

    /** The set that holds a measurement; null when none does. */
    MeasurementSet holding(String id) {
        for (MeasurementSet s : sets.values()) {
            if (s.find(id).isPresent()) {
                return s;
            }
        }
        return null;
    }
}
