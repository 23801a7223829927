package org.clain.measure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The measurements and annotations of one study, in display order, with an undo/redo stack of
 * edits (add, remove, replace, clear). The UI drives it; listeners hear about every change.
 * Not thread-safe: use it from one thread (the UI thread).
 */
public final class MeasurementSet {
    /** Edits kept for undo; the oldest are dropped beyond this. */
    public static final int MAX_UNDO = 500;

    private final String studyInstanceUid;
    private final List<Measurement> items = new ArrayList<>();
    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long revision;
    private long savedRevision;

    /** One reversible change. */
    private sealed interface Edit {
        void apply(List<Measurement> list);

        void revert(List<Measurement> list);
    }

    private record Add(int index, Measurement m) implements Edit {
        public void apply(List<Measurement> list) {
            list.add(index, m);
        }

        public void revert(List<Measurement> list) {
            list.remove(index);
        }
    }

    private record Remove(int index, Measurement m) implements Edit {
        public void apply(List<Measurement> list) {
            list.remove(index);
        }

        public void revert(List<Measurement> list) {
            list.add(index, m);
        }
    }

    private record Replace(int index, Measurement before, Measurement after) implements Edit {
        public void apply(List<Measurement> list) {
            list.set(index, after);
        }

        public void revert(List<Measurement> list) {
            list.set(index, before);
        }
    }

    private record Clear(List<Measurement> before) implements Edit {
        public void apply(List<Measurement> list) {
            list.clear();
        }

        public void revert(List<Measurement> list) {
            list.addAll(before);
        }
    }

    public MeasurementSet(String studyInstanceUid) {
        this.studyInstanceUid = Objects.requireNonNull(studyInstanceUid, "studyInstanceUid");
    }

    /** A set holding {@code measurements} (as loaded: no undo history, not dirty). */
    public static MeasurementSet of(String studyInstanceUid, List<? extends Measurement> measurements) {
        MeasurementSet s = new MeasurementSet(studyInstanceUid);
        for (Measurement m : measurements) {
            if (s.indexOf(m.id()) >= 0) {
                throw new IllegalArgumentException("duplicate measurement id " + m.id());
            }
            s.items.add(m);
        }
        return s;
    }

    public String studyInstanceUid() {
        return studyInstanceUid;
    }

    /** A snapshot, in display order. */
    public List<Measurement> measurements() {
        return Collections.unmodifiableList(new ArrayList<>(items));
    }

    public int size() {
        return items.size();
    }

    public Optional<Measurement> find(String id) {
        int i = indexOf(id);
        return i < 0 ? Optional.empty() : Optional.of(items.get(i));
    }

    private int indexOf(String id) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Appends; the id must be new in this set. */
    public void add(Measurement m) {
        Objects.requireNonNull(m, "measurement");
        if (indexOf(m.id()) >= 0) {
            throw new IllegalArgumentException("a measurement with id " + m.id() + " is already in the set");
        }
        perform(new Add(items.size(), m));
    }

    /** Removes the measurement with this id; false (and no undo entry) when there is none. */
    public boolean remove(String id) {
        int i = indexOf(id);
        if (i < 0) {
            return false;
        }
        perform(new Remove(i, items.get(i)));
        return true;
    }

    /** Replaces the measurement that has {@code updated}'s id (an edit: moved handle, new label). */
    public void replace(Measurement updated) {
        int i = indexOf(updated.id());
        if (i < 0) {
            throw new IllegalArgumentException("no measurement with id " + updated.id());
        }
        if (items.get(i).equals(updated)) {
            return;
        }
        perform(new Replace(i, items.get(i), updated));
    }

    /** Removes everything, as one undoable edit. */
    public void clear() {
        if (!items.isEmpty()) {
            perform(new Clear(List.copyOf(items)));
        }
    }

    private void perform(Edit e) {
        e.apply(items);
        undo.push(e);
        while (undo.size() > MAX_UNDO) {
            undo.removeLast();
        }
        redo.clear();
        changed();
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** Reverts the last edit; false when there is none. */
    public boolean undo() {
        if (undo.isEmpty()) {
            return false;
        }
        Edit e = undo.pop();
        e.revert(items);
        redo.push(e);
        changed();
        return true;
    }

    /** Re-applies the last undone edit; false when there is none. */
    public boolean redo() {
        if (redo.isEmpty()) {
            return false;
        }
        Edit e = redo.pop();
        e.apply(items);
        undo.push(e);
        changed();
        return true;
    }

    /** Increases with every change, undo and redo included. */
    public long revision() {
        return revision;
    }

    /** True when changed since {@link #markSaved()} (or since it was created or loaded). */
    public boolean dirty() {
        return revision != savedRevision;
    }

    public void markSaved() {
        savedRevision = revision;
    }

    /** Called after every change, on the thread that made it. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void changed() {
        revision++;
        for (Runnable r : listeners) {
            r.run();
        }
    }
}
