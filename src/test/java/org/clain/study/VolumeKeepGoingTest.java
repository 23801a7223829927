package org.clain.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.clain.dicom.DicomException;
import org.clain.testdata.DamagedSeries;
import org.clain.testdata.SharedData;
import org.junit.jupiter.api.Test;

/** A series with one truncated file: refused whole by default, shown less that slice on request. */
class VolumeKeepGoingTest {
    private static SliceStack stack(Path dir) {
        return Scanner.scan(List.of(dir)).series().get(0).stacks().get(0);
    }

    @Test
    void oneTruncatedFileLeavesOneBlankSlice() throws Exception {
        SliceStack damaged = stack(DamagedSeries.folder());
        assertEquals(134, damaged.size());
        DicomException e = assertThrows(DicomException.class, () -> VolumeLoader.load(damaged));
        assertTrue(e.getMessage().contains(DamagedSeries.DAMAGED), e.getMessage());

        Volume v = VolumeLoader.load(damaged, (d, t) -> { }, true);
        Map<Integer, String> bad = v.undecodedSlices();
        assertEquals(1, bad.size(), bad.toString());
        int z = bad.keySet().iterator().next();
        assertEquals(DamagedSeries.DAMAGED, damaged.slices().get(z).path().getFileName().toString());
        assertTrue(bad.get(z).contains("truncated"), bad.get(z));
        assertArrayEquals(new short[v.nx() * v.ny()], v.copySlice(z));
        // every other slice is the intact series' (SERIES.tsv's hash checks that one elsewhere)
        Volume intact = VolumeLoader.load(stack(SharedData.file(DamagedSeries.SERIES)));
        assertTrue(intact.undecodedSlices().isEmpty());
        for (int k = 0; k < v.nz(); k++) {
            if (k != z) {
                assertArrayEquals(intact.copySlice(k), v.copySlice(k), "slice " + k);
                assertEquals(intact.intercept(k), v.intercept(k));
            }
        }
        assertEquals(intact.intercept(z), v.intercept(z), "a blank slice keeps its header's rescale");
    }
}
