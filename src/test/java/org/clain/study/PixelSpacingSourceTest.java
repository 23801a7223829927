package org.clain.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.clain.geom.Vec3;
import org.clain.testdata.SharedData;
import org.junit.jupiter.api.Test;

/**
 * What a pixel measures: Pixel Spacing (patient), else Imager Pixel Spacing (detector), else nothing.
 * Spacings as dcmdump prints them for these files.
 */
class PixelSpacingSourceTest {
    private static SliceStack stack(String relative) {
        StudyIndex index = Scanner.scan(List.of(SharedData.file(relative)));
        return index.series().get(0).stacks().get(0);
    }

    /** A CR with only (0018,1164) Imager Pixel Spacing 0.1000\0.1000: measured at the detector, not as 1 mm. */
    @Test
    void computedRadiographyMeasuresAtTheDetector() throws Exception {
        SliceStack st = stack("syntaxes/dicomdir-pydicom/77654033/CR1/6154");
        SliceHeader h = st.slices().get(0);
        assertEquals(PixelSpacingSource.DETECTOR, h.spacingSource());
        assertEquals(0.1, h.rowSpacing(), 1e-12);
        assertEquals(0.1, h.columnSpacing(), 1e-12);
        assertTrue(st.warnings().stream().anyMatch(w -> w.contains("at the detector")), st.warnings().toString());
        // ten columns apart in the loaded volume are 1 mm apart
        Volume v = VolumeLoader.load(st);
        Vec3 a = v.toPatient(0, 0, 0);
        Vec3 b = v.toPatient(10, 0, 0);
        assertEquals(1.0, b.minus(a).norm(), 1e-9);
    }

    /** (0028,0030) Pixel Spacing 0.2000\0.2000 on a CR: the patient's millimetres. */
    @Test
    void pixelSpacingIsThePatients() {
        SliceHeader h = stack("syntaxes/pylibjpeg-data/RG2_JPLY_fixed.dcm").slices().get(0);
        assertEquals(PixelSpacingSource.PATIENT, h.spacingSource());
        assertEquals(0.2, h.rowSpacing(), 1e-12);
    }

    /** An ultrasound frame without either: a pixel is taken as 1 mm, and the stack says so. */
    @Test
    void noSpacingIsSaid() {
        SliceStack st = stack("syntaxes/pydicom-data/US1_UNCR.dcm");
        SliceHeader h = st.slices().get(0);
        assertEquals(PixelSpacingSource.NONE, h.spacingSource());
        assertEquals(1.0, h.rowSpacing());
        assertTrue(st.warnings().stream().anyMatch(w -> w.contains("in pixels")), st.warnings().toString());
    }
}
