package org.clain.render;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TransferFunctionTest {
    static final TransferFunction TF = TransferFunction.of(new TransferFunction.Point(100, 1, 0, 0, 0.5),
            new TransferFunction.Point(-100, 0, 0, 1, 0), new TransferFunction.Point(300, 1, 1, 1, 1));

    @Test
    void interpolatesLinearlyAndClampsOutside() {
        assertEquals(-100, TF.minHu());
        assertArrayEquals4(new double[] {0, 0, 1, 0}, TF.rgba(-500));
        assertArrayEquals4(new double[] {0.5, 0, 0.5, 0.25}, TF.rgba(0));
        assertArrayEquals4(new double[] {1, 0.5, 0.5, 0.75}, TF.rgba(200));
        assertArrayEquals4(new double[] {1, 1, 1, 1}, TF.rgba(5000));
    }

    @Test
    void tableIsPremultipliedAndInterpolated() {
        TfTable t = TF.table(1.0);
        assertEquals(TransferFunction.TABLE_SIZE, t.size());
        float[] out = new float[4];
        t.lookup(0f, out);
        // straight (0.5, 0, 0.5, 0.25) premultiplied
        assertEquals(0.125, out[0], 1e-3);
        assertEquals(0.0, out[1], 1e-3);
        assertEquals(0.125, out[2], 1e-3);
        assertEquals(0.25, out[3], 1e-3);
        t.lookup(-1e6f, out);
        assertEquals(0, out[3]);
        t.lookup(1e6f, out);
        assertEquals(1, out[3]);
        assertEquals(t.alpha(123f), lookupAlpha(t, 123f), 0);
    }

    private static float lookupAlpha(TfTable t, float hu) {
        float[] o = new float[4];
        t.lookup(hu, o);
        return o[3];
    }

    @Test
    void opacityIsCorrectedForTheStepLength() {
        // alpha 0.5 per mm: two steps of 0.5 mm must give the same total as one of 1 mm
        TransferFunction flat = TransferFunction.of(new TransferFunction.Point(0, 1, 1, 1, 0.5));
        float a1 = flat.table(1.0).alpha(0f);
        float aHalf = flat.table(0.5).alpha(0f);
        assertEquals(0.5, a1, 1e-6);
        assertEquals(0.5, 1 - (1 - aHalf) * (1 - aHalf), 1e-6);
        assertEquals(1, TransferFunction.of(new TransferFunction.Point(0, 1, 1, 1, 1)).table(0.3).alpha(0f), 0);
    }

    @Test
    void transparencyOfHuRangesIsConservative() {
        TfTable t = TF.table(1.0);
        assertTrue(t.transparent(-3000, -150));
        assertFalse(t.transparent(-3000, -90), "range reaching alpha > 0");
        assertFalse(t.transparent(0, 10));
        // a range ending just before alpha starts is kept (one entry of margin for float rounding)
        assertFalse(t.transparent(-3000, -100 + 0.05));
    }

    @Test
    void rejectsBadColours() {
        assertThrows(IllegalArgumentException.class, () -> new TransferFunction.Point(0, 1.5, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TransferFunction(List.of()));
    }

    @Test
    void builtInPresetsLoad() {
        List<Presets.Preset> all = Presets.builtIn();
        Set<String> ids = all.stream().map(Presets.Preset::id).collect(Collectors.toSet());
        assertTrue(ids.containsAll(Set.of("ct-bone", "ct-soft-tissue", "ct-angio", "ct-lung", "ct-liver", "mr-default",
                "mip")), ids.toString());
        Presets.Preset mip = Presets.get("MIP");
        assertEquals(RenderMode.MIP, mip.mode());
        assertFalse(mip.shading().enabled());
        Presets.Preset bone = Presets.get("ct-bone");
        assertEquals(RenderMode.DVR, bone.mode());
        assertTrue(bone.shading().enabled());
        assertEquals(0, bone.transferFunction().rgba(-1000)[3]);
        assertTrue(bone.transferFunction().rgba(1000)[3] > 0.5);
        Presets.Preset iso = Presets.get("ct-bone-surface");
        assertEquals(RenderMode.ISO, iso.mode());
        RenderParams p = iso.params();
        assertEquals(300, p.isoValue());
        assertNotNull(p.isoColor());
        // lung: opaque only in the lung range, transparent for soft tissue and bone
        TransferFunction lung = Presets.get("ct-lung").transferFunction();
        assertTrue(lung.rgba(-700)[3] > 0);
        assertEquals(0, lung.rgba(40)[3]);
        assertEquals(0, lung.rgba(1000)[3]);
    }

    @Test
    void presetFilesAreValidated() {
        String bad = "{\"version\":1,\"presets\":[{\"id\":\"x\",\"mode\":\"DVR\",\"points\":[[0,1,1,1]]}]}";
        assertThrows(IOException.class, () -> Presets.read(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8))));
        String v2 = "{\"version\":2,\"presets\":[]}";
        assertThrows(IOException.class, () -> Presets.read(new ByteArrayInputStream(v2.getBytes(StandardCharsets.UTF_8))));
    }

    private static void assertArrayEquals4(double[] e, double[] a) {
        for (int i = 0; i < 4; i++) {
            assertEquals(e[i], a[i], 1e-9, "component " + i);
        }
    }

    @Test
    void spanningStretchesTheCurveOntoARange() {
        TransferFunction mr = Presets.get("mr-default").transferFunction();
        TransferFunction dose = mr.spanning(0.5, 1.5); // 0..1000 onto 0.5..1.5
        assertEquals(0.5, dose.minHu(), 1e-12);
        assertEquals(1.5, dose.maxHu(), 1e-12);
        for (double x = 0; x <= 1000; x += 37) {
            double[] a = mr.rgba(x);
            double[] b = dose.rgba(0.5 + x / 1000);
            for (int k = 0; k < 4; k++) {
                assertEquals(a[k], b[k], 1e-9, "at " + x);
            }
        }
    }

    /** The 3D default: CT bone for CT; otherwise the MR curve over the volume's own 1st-99th percentiles. */
    @Test
    void defaultPresetFitsTheVolumesScale() throws Exception {
        org.clain.study.Volume dose = org.clain.study.VolumeLoader.load(org.clain.study.Scanner.scan(List.of(
                org.clain.testdata.SharedData.file("syntaxes/pydicom-test_files/rtdose.dcm")))
                .series().get(0).stacks().get(0));
        Presets.Preset p = Presets.defaultFor(dose);
        AutoWindow.Window w = AutoWindow.percentiles(dose, 1, 99);
        assertEquals(w.center() - w.width() / 2, p.transferFunction().minHu(), 1e-12);
        assertEquals(w.center() + w.width() / 2, p.transferFunction().maxHu(), 1e-12);
        // the dose grid's values (0.795..1.254 Gy, REFERENCE.tsv times Dose Grid Scaling) lie inside it
        assertTrue(p.transferFunction().minHu() >= 0.795 - 1e-6 && p.transferFunction().maxHu() <= 1.254 + 1e-6);
        assertEquals("ct-bone", Presets.defaultFor(SyntheticVolume.ct(16)).id());
    }

    /** PET opens in 3D as a MIP from 0 to SUVbw 5: 5 / factor Bq/ml (factor worked out by hand). */
    @Test
    void petOpensAsMipOverSuv(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        org.clain.testdata.PetSeries.write(tmp, 4, 4, (x, y, z) -> 600, ds -> { });
        org.clain.study.Volume pet = org.clain.study.VolumeLoader.load(org.clain.study.Scanner.scan(List.of(tmp))
                .series().get(0).stacks().get(0));
        Presets.Preset p = Presets.defaultFor(pet);
        assertEquals(RenderMode.MIP, p.mode());
        assertEquals(0, p.transferFunction().minHu(), 0);
        assertEquals(5 * 253314180.24164078 / 75000, p.transferFunction().maxHu(), 1e-6);
    }
}
