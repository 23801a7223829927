package org.clain.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clain.dicom.Attributes;
import org.clain.dicom.DicomReader;
import org.clain.dicom.Part10Writer;
import org.clain.dicom.Tag;
import org.clain.dicom.VR;
import org.clain.geom.Vec3;
import org.clain.testdata.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * gdcm-US-ALOKA-16: two 2D regions in cm with Physical Delta X/Y 0.038265306502580643, and a third
     * region without units; JPEGExtended_3s_1f_u_08_08: a region without units, then a 2D one of
     * 0.0041753652736770448 cm.
     */
    @Test
    void ultrasoundRegionsInCentimetres() {
        SliceHeader aloka = stack("syntaxes/pydicom-data/gdcm-US-ALOKA-16.dcm").slices().get(0);
        assertEquals(PixelSpacingSource.ULTRASOUND_REGIONS, aloka.spacingSource());
        assertEquals(0.38265306502580643, aloka.rowSpacing(), 1e-12);
        assertEquals(0.38265306502580643, aloka.columnSpacing(), 1e-12);
        SliceHeader ext = stack("syntaxes/pylibjpeg-data/JPEGExtended_3s_1f_u_08_08.dcm").slices().get(0);
        assertEquals(PixelSpacingSource.ULTRASOUND_REGIONS, ext.spacingSource());
        assertEquals(0.041753652736770448, ext.columnSpacing(), 1e-12);
    }

    /** Two 2D regions of different scales: no one spacing fits the image. */
    @Test
    void disagreeingUltrasoundRegionsCalibrateNothing(@TempDir Path tmp) throws Exception {
        Path src = SharedData.file("syntaxes/pydicom-data/OBXXXX1A.dcm");
        Attributes ds = DicomReader.read(src).dataset();
        List<Attributes> regions = new ArrayList<>(ds.getSequence(Tag.SequenceOfUltrasoundRegions));
        Attributes other = new Attributes(ds.order(), null);
        other.setInts(Tag.RegionSpatialFormat, VR.US, 1);
        other.setInts(Tag.PhysicalUnitsXDirection, VR.US, 3);
        other.setInts(Tag.PhysicalUnitsYDirection, VR.US, 3);
        other.setDoubles(Tag.PhysicalDeltaX, VR.FD, 0.05);
        other.setDoubles(Tag.PhysicalDeltaY, VR.FD, 0.05);
        regions.add(other);
        ds.setSequence(Tag.SequenceOfUltrasoundRegions, regions);
        Path f = tmp.resolve("two-scales.dcm");
        Part10Writer.write(f, ds);
        assertEquals(PixelSpacingSource.ULTRASOUND_REGIONS,
                Scanner.scan(List.of(src)).series().get(0).stacks().get(0).slices().get(0).spacingSource());
        SliceHeader h = Scanner.scan(List.of(f)).series().get(0).stacks().get(0).slices().get(0);
        assertEquals(PixelSpacingSource.NONE, h.spacingSource());
        assertEquals(1.0, h.rowSpacing());
    }

    /**
     * PS3.3 10.7.1.3: a projection's Pixel Spacing equal to its Imager Pixel Spacing, with no Pixel
     * Spacing Calibration Type, is still the detector's; calibrated (a type given), or different
     * (corrected for magnification), it is the patient's.
     */
    @Test
    void projectionPixelSpacingIsThePatientsOnlyWhenCalibrated(@TempDir Path tmp) throws Exception {
        Path cr = SharedData.file("syntaxes/dicomdir-pydicom/77654033/CR1/6154");
        assertEquals(PixelSpacingSource.DETECTOR, sourceWith(cr, tmp, 0.1, null));
        assertEquals(PixelSpacingSource.PATIENT, sourceWith(cr, tmp, 0.1, "GEOMETRY"));
        assertEquals(PixelSpacingSource.PATIENT, sourceWith(cr, tmp, 0.087, null));
    }

    private static PixelSpacingSource sourceWith(Path src, Path tmp, double pixelSpacing, String calibration)
            throws Exception {
        Attributes ds = DicomReader.read(src).dataset();
        ds.setDoubles(Tag.PixelSpacing, VR.DS, pixelSpacing, pixelSpacing);
        if (calibration != null) {
            ds.setString(Tag.PixelSpacingCalibrationType, VR.CS, calibration);
        }
        Path f = tmp.resolve(pixelSpacing + "-" + calibration + ".dcm");
        Part10Writer.write(f, ds);
        SliceHeader h = Scanner.scan(List.of(f)).series().get(0).stacks().get(0).slices().get(0);
        assertEquals(pixelSpacing, h.rowSpacing(), 1e-12);
        return h.spacingSource();
    }
}
