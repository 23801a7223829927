package org.clain.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.clain.geom.Vec3;
import org.junit.jupiter.api.Test;

class MeasurementSetTest {
    private static Distance distance(String label, double len) {
        return new Distance(Meta.create(label, "1.2.3", "1.2.4"), Vec3.ZERO, new Vec3(len, 0, 0));
    }

    @Test
    void addRemoveReplaceUndoRedo() {
        MeasurementSet set = new MeasurementSet("1.2.840.1");
        AtomicInteger events = new AtomicInteger();
        set.addListener(events::incrementAndGet);
        Distance a = distance("a", 1);
        Distance b = distance("b", 2);
        Distance c = distance("c", 3);
        set.add(a);
        set.add(b);
        set.add(c);
        assertEquals(List.of(a, b, c), set.measurements());
        assertTrue(set.remove(b.id()));
        assertFalse(set.remove("nope"));
        assertEquals(List.of(a, c), set.measurements());
        Distance a2 = new Distance(a.meta().withLabel("renamed"), Vec3.ZERO, new Vec3(0, 9, 0));
        set.replace(a2);
        assertEquals(List.of(a2, c), set.measurements());
        assertEquals(5, events.get());
        assertTrue(set.dirty());

        assertTrue(set.undo()); // replace
        assertEquals(List.of(a, c), set.measurements());
        assertTrue(set.undo()); // remove: b back at its place
        assertEquals(List.of(a, b, c), set.measurements());
        assertTrue(set.redo());
        assertEquals(List.of(a, c), set.measurements());
        assertTrue(set.redo());
        assertEquals(List.of(a2, c), set.measurements());
        assertFalse(set.redo());

        set.clear();
        assertEquals(0, set.size());
        set.undo();
        assertEquals(List.of(a2, c), set.measurements());
        // a new edit drops the redo stack
        set.undo();
        assertTrue(set.canRedo());
        set.add(b);
        assertFalse(set.canRedo());
        assertEquals(List.of(a, c, b), set.measurements());
        while (set.undo()) {
            // back to the start
        }
        assertEquals(0, set.size());
        assertFalse(set.canUndo());

        set.markSaved();
        assertFalse(set.dirty());
        set.redo();
        assertTrue(set.dirty());
    }

    @Test
    void idsAreUniqueAndReplaceNeedsAnExistingId() {
        MeasurementSet set = new MeasurementSet("1.2.840.1");
        Distance a = distance("a", 1);
        set.add(a);
        assertThrows(IllegalArgumentException.class, () -> set.add(a));
        assertThrows(IllegalArgumentException.class, () -> set.replace(distance("x", 1)));
        assertThrows(IllegalArgumentException.class, () -> MeasurementSet.of("1.2", List.of(a, a)));
        assertEquals(a, set.find(a.id()).orElseThrow());
        assertTrue(set.find("none").isEmpty());
        // relabelling through the interface keeps the type and geometry
        Measurement relabelled = a.withLabel("new");
        set.replace(relabelled);
        assertEquals("new", set.find(a.id()).orElseThrow().label());
        assertEquals(a.lengthMm(), ((Distance) set.find(a.id()).orElseThrow()).lengthMm(), 0);
    }

    @Test
    void undoHistoryIsBounded() {
        MeasurementSet set = new MeasurementSet("1.2.840.1");
        for (int i = 0; i < MeasurementSet.MAX_UNDO + 20; i++) {
            set.add(distance("d" + i, i));
        }
        int undone = 0;
        while (set.undo()) {
            undone++;
        }
        assertEquals(MeasurementSet.MAX_UNDO, undone);
        assertEquals(20, set.size());
    }
}
