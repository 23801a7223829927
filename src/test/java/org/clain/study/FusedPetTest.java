package org.clain.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.clain.dicom.Attributes;
import org.clain.dicom.Tag;
import org.clain.dicom.VR;
import org.clain.testdata.PetSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which of a study's PET series is laid over its CT. */
class FusedPetTest {
    @Test
    void attenuationCorrectedWithSuvFirst(@TempDir Path tmp) throws Exception {
        // the uncorrected PET: more slices and the lowest series number, still not the one read
        write(tmp, "nac", 8, 1, ds -> ds.setStrings(Tag.CorrectedImage, VR.CS, "NORM", "DTIM", "DECY"));
        // corrected, but no weight: no SUV
        write(tmp, "ac-no-weight", 6, 2, ds -> ds.setString(Tag.PatientWeight, VR.DS, ""));
        write(tmp, "ac", 4, 3, ds -> { });
        // corrected with SUV, another Frame of Reference
        write(tmp, "elsewhere", 10, 4, ds -> ds.setString(Tag.FrameOfReferenceUID, VR.UI, "1.2.3.4"));
        List<Series> all = Scanner.scan(List.of(tmp)).series();
        assertEquals(4, all.size());
        assertEquals("ac", chosen(all));
        assertEquals("ac-no-weight", chosen(without(all, "ac")));
        assertEquals("nac", chosen(without(without(all, "ac"), "ac-no-weight")));
        assertTrue(FusedPet.choose(all, "1.2.9.9").isEmpty(), "no PET in that Frame of Reference");
        assertTrue(FusedPet.choose(all, "").isEmpty(), "no Frame of Reference, no fusion");
    }

    private static void write(Path root, String name, int slices, int number, Consumer<Attributes> edit)
            throws Exception {
        Path dir = Files.createDirectories(root.resolve(name));
        PetSeries.write(dir, slices, 4, (x, y, z) -> 600, ds -> {
            String uid = PetSeries.UID + "." + number;
            ds.setString(Tag.SeriesInstanceUID, VR.UI, uid);
            ds.setString(Tag.SOPInstanceUID, VR.UI, uid + "." + ds.getInt(Tag.InstanceNumber, 0));
            ds.setInts(Tag.SeriesNumber, VR.IS, number);
            ds.setString(Tag.SeriesDescription, VR.LO, name);
            edit.accept(ds);
        });
    }

    private static String chosen(List<Series> series) {
        return FusedPet.choose(series, PetSeries.FRAME).orElseThrow().series().description();
    }

    private static List<Series> without(List<Series> series, String description) {
        return series.stream().filter(s -> !s.description().equals(description)).toList();
    }
}
