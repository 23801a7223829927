package org.clain.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
 * Samples wider than 16 bits in a 16-bit volume: analytic cases for {@link WideGrey}, and the
 * corpus's RT Dose and float parametric map against REFERENCE.tsv's statistics (pydicom, dcmtk, GDCM)
 * and their headers as dcmdump prints them.
 */
class WideGreyTest {
    private static double stored(WideGrey.Quantized q, int z, int i) {
        return (q.slices()[z][i] & 0xFFFF) * q.slope() + q.intercept();
    }

    @Test
    void integersSpanningAtMost65536ValuesAreKeptExactly() {
        int[][] raw = {{100_000, 165_535}, {120_000, 100_001}};
        WideGrey.Quantized q = WideGrey.quantize(raw, false, false, new double[] {2, 2}, new double[] {-5, -5});
        assertEquals(0, q.maxError());
        for (int z = 0; z < 2; z++) {
            for (int i = 0; i < 2; i++) {
                assertEquals(raw[z][i] * 2.0 - 5, stored(q, z, i), 0);
            }
        }
    }

    @Test
    void unsignedIntegersAboveTwoToThe31AreNotNegative() {
        int[][] raw = {{0xFFFF_FFF0, 0xFFFF_FFFF}};
        WideGrey.Quantized q = WideGrey.quantize(raw, false, true, new double[] {1}, new double[] {0});
        assertEquals(0, q.maxError());
        assertEquals(4_294_967_295.0, stored(q, 0, 1), 0);
        assertEquals(4_294_967_280.0, stored(q, 0, 0), 0);
    }

    @Test
    void widerRangesAreScaledWithinHalfAStep() {
        int[][] raw = new int[3][1000];
        for (int z = 0; z < 3; z++) {
            for (int i = 0; i < 1000; i++) {
                raw[z][i] = (z * 1000 + i) * 997; // 0 .. 2,990,003
            }
        }
        WideGrey.Quantized q = WideGrey.quantize(raw, false, false, new double[] {1e-3, 1e-3, 1e-3},
                new double[] {0, 0, 0});
        double step = 2_990_003e-3 / 65535;
        assertEquals(step / 2, q.maxError(), 1e-12);
        for (int z = 0; z < 3; z++) {
            for (int i = 0; i < 1000; i++) {
                assertEquals(raw[z][i] * 1e-3, stored(q, z, i), q.maxError() * (1 + 1e-9));
            }
        }
        assertEquals(0, stored(q, 0, 0), 1e-12);
        assertEquals(2_990.003, stored(q, 2, 999), 1e-9);
    }

    @Test
    void floatsWithPerSliceRescaleAndNaN() {
        int[][] raw = {{Float.floatToIntBits(-1.5f), Float.floatToIntBits(Float.NaN)},
            {Float.floatToIntBits(0.25f), Float.floatToIntBits(3f)}};
        WideGrey.Quantized q = WideGrey.quantize(raw, true, false, new double[] {1, 2}, new double[] {0, 1});
        // modality values -1.5, (none), 1.5, 7
        assertEquals(8.5 / 65535 / 2, q.maxError(), 1e-15);
        assertEquals(-1.5, stored(q, 0, 0), q.maxError());
        assertEquals(-1.5, stored(q, 0, 1), q.maxError()); // no value: the lowest level
        assertEquals(1.5, stored(q, 1, 0), q.maxError());
        assertEquals(7, stored(q, 1, 1), q.maxError());
    }

    /**
     * rtdose.dcm: 15 frames of 10x10 uint32, Dose Grid Scaling 1e-6, Grid Frame Offset Vector 0, 5, ... 70
     * from Image Position (Patient) 189.43125\199.43125\-761.87 on an axial grid (dcmdump).
     */
    @Test
    void rtDoseIsOneStackOnItsGridInGray() throws Exception {
        for (String f : List.of("syntaxes/pydicom-test_files/rtdose.dcm", "syntaxes/pydicom-test_files/rtdose_rle.dcm")) {
            StudyIndex index = Scanner.scan(List.of(SharedData.file(f)));
            assertEquals(1, index.series().get(0).stacks().size(), f);
            SliceStack st = index.series().get(0).stacks().get(0);
            assertEquals(15, st.size());
            assertEquals(5.0, st.sliceSpacing(), 1e-9);
            assertTrue(st.uniformSpacing());
            Vec3 firstPos = st.slices().get(0).position();
            assertEquals(-761.87, firstPos.z(), 1e-9);
            assertEquals(189.43125, firstPos.x(), 1e-9);
            assertEquals(-761.87 + 70, st.slices().get(14).position().z(), 1e-9);
            Volume v = VolumeLoader.load(st);
            assertStatistics(v, SharedData.referenceRow(f).orElseThrow(), 1e-6);
        }
    }

    /** A Grid Frame Offset Vector that is not one number per frame is ignored with a warning, not followed. */
    @Test
    void aBrokenGridFrameOffsetVectorIsIgnored(@TempDir Path tmp)
            throws Exception {
        Attributes ds = DicomReader.read(
                SharedData.file("syntaxes/pydicom-test_files/rtdose.dcm")).dataset();
        ds.setString(Tag.GridFrameOffsetVector, VR.DS,
                "0\\5\\NaN\\15\\20\\25\\30\\35\\40\\45\\50\\55\\60\\65\\70");
        Path f = tmp.resolve("nan-grid.dcm");
        Part10Writer.write(f, ds);
        Instance in = InstanceReader.read(f);
        assertTrue(in.warnings().stream().anyMatch(w -> w.contains("Grid Frame Offset Vector")), in.warnings().toString());
        assertTrue(in.slices().stream().allMatch(h -> h.position().z() == -761.87), "every frame at the header's plane");
    }

    /** A float parametric map (128x128): its values as the reference reads them. */
    @Test
    void floatParametricMap() throws Exception {
        String f = "syntaxes/pydicom-data/parametric_map_float.dcm";
        SliceStack st = Scanner.scan(List.of(SharedData.file(f))).series().get(0).stacks().get(0);
        assertStatistics(VolumeLoader.load(st), SharedData.referenceRow(f).orElseThrow(), 1);
    }

    /** The volume's modality values against the reference's stored statistics times the scale. */
    private static void assertStatistics(Volume v, Map<String, String> ref, double scale) {
        assertTrue(SharedData.agreedByTwoOrMore(ref), ref.get("agree"));
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (int z = 0; z < v.nz(); z++) {
            for (int y = 0; y < v.ny(); y++) {
                for (int x = 0; x < v.nx(); x++) {
                    double m = v.value(x, y, z);
                    min = Math.min(min, m);
                    max = Math.max(max, m);
                    sum += m;
                }
            }
        }
        double e = v.quantizationError() * (1 + 1e-9) + 1e-12;
        assertTrue(v.quantizationError() > 0, "a wide series says it was scaled");
        assertEquals(Double.parseDouble(ref.get("min")) * scale, min, e);
        assertEquals(Double.parseDouble(ref.get("max")) * scale, max, e);
        assertEquals(Double.parseDouble(ref.get("mean")) * scale, sum / v.voxelCount(), e);
    }

    /**
     * Double Float Pixel Data (7FE0,0009): a three-slice 4x3 map written here, its values spanning
     * nine decades (1e-4 to 2e5) with a NaN, loads as a volume whose every value lies within half a
     * step (the volume's range over 65,535) of the double written; the NaN takes the lowest level.
     */
    @Test
    void doubleFloatPixelDataLoadsWithinHalfAStep(@TempDir Path dir) throws Exception {
        int nx = 4;
        int ny = 3;
        double[][] written = new double[3][nx * ny];
        for (int z = 0; z < 3; z++) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(8 * nx * ny).order(java.nio.ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < nx * ny; i++) {
                written[z][i] = z == 1 && i == 5 ? Double.NaN : 1e-4 * Math.pow(10, (z * nx * ny + i) * 9.0 / 35) * 2;
                b.putDouble(written[z][i]);
            }
            byte[] file = org.clain.testdata.DicomBuilder.part10(org.clain.testdata.DicomBuilder.EXPLICIT_LE)
                    .axialSlice("1.2.840.10008.5.1.4.1.1.30", "MR", "1.2.826.0.1.3680043.10.543.3", z + 1, 2 * z)
                    .us(0x00280002, 1)
                    .string(0x00280004, "CS", "MONOCHROME2")
                    .us(0x00280010, ny)
                    .us(0x00280011, nx)
                    .string(0x00280030, "DS", "1\\1")
                    .us(0x00280100, 64)
                    .element(0x7FE00009, "OD", b.array())
                    .bytes();
            java.nio.file.Files.write(dir.resolve("map" + z + ".dcm"), file);
        }
        StudyIndex index = Scanner.scan(List.of(dir));
        assertTrue(index.skipped().isEmpty(), index.skipped().toString());
        Volume v = VolumeLoader.load(index.series().get(0).stacks().get(0));
        assertEquals(3, v.nz());
        double lo = written[0][0];
        double hi = written[2][nx * ny - 1];
        assertEquals((hi - lo) / 65535 / 2, v.quantizationError(), 1e-12 * hi);
        for (int z = 0; z < 3; z++) {
            for (int i = 0; i < nx * ny; i++) {
                double expected = Double.isNaN(written[z][i]) ? lo : written[z][i];
                assertEquals(expected, v.value(i % nx, i / nx, z), v.quantizationError() * (1 + 1e-9),
                        "voxel " + i + " of slice " + z);
            }
        }
    }
}
