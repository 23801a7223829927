package org.clain.study;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clain.dicom.DicomException;
import org.clain.testdata.DicomBuilder;
import org.clain.testdata.Fuzzing.Allocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The total memory of a volume load is checked against the heap before anything is decoded. */
class LimitsVolumeTest {

    @Test
    void checkMemoryRefusesMoreThanTheHeapWithTheMessage() {
        Path where = Path.of("series", "IM0001.dcm");
        long tooMuch = Runtime.getRuntime().maxMemory() * 2;
        DicomException e = assertThrows(DicomException.class, () -> VolumeLoader.checkMemory(where, tooMuch));
        assertEquals(where, e.file());
        assertTrue(e.getMessage().startsWith(where + ": series too large for available memory: "), e.getMessage());
        assertTrue(e.reason().contains((tooMuch >> 20) + " MiB of voxels"), e.reason());
        assertDoesNotThrow(() -> VolumeLoader.checkMemory(where, 1 << 20));
    }

    /**
     * Twenty 16384 x 16384 16-bit slices (each header legal, each Pixel Data cut after 16 bytes, which
     * the reader tolerates): 10 GiB of voxels, refused by name before a single slice is decoded.
     */
    @Test
    void loadRefusesASeriesLargerThanTheHeapBeforeDecoding(@TempDir Path dir) throws IOException {
        int n = 20;
        for (int z = 0; z < n; z++) {
            byte[] file = DicomBuilder.part10(DicomBuilder.EXPLICIT_LE)
                    .axialSlice("1.2.840.10008.5.1.4.1.1.4", "MR", "1.2.826.0.1.3680043.10.543.2", z + 1, z)
                    .image(16384, 16384, 1, 16, 1)
                    .string(0x00280030, "DS", "1\\1")
                    .header(0x7FE00010, "OW", 16384L * 16384 * 2).raw(new byte[16]).bytes();
            Files.write(dir.resolve(String.format("IM%04d.dcm", z)), file);
        }
        StudyIndex index = Scanner.scan(List.of(dir));
        assertTrue(index.skipped().isEmpty(), index.skipped().toString());
        SliceStack stack = index.series().get(0).stacks().get(0);
        assertEquals(n, stack.size());
        assertThrows(DicomException.class, () -> VolumeLoader.load(stack)); // loads this path's classes
        Allocation alloc = Allocation.start(16 << 20);
        DicomException e = assertThrows(DicomException.class, () -> VolumeLoader.load(stack));
        alloc.check("refused volume load");
        assertTrue(e.getMessage().contains("series too large for available memory"), e.getMessage());
        assertTrue(e.file() != null && e.getMessage().contains(e.file().getFileName().toString()), e.getMessage());
        assertTrue(e.reason().contains("10240 MiB of voxels"), e.reason());
    }
}
