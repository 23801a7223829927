package org.clain.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clain.geom.Affine;
import org.clain.geom.Vec3;
import org.clain.study.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** User presets written and read back; the HU histogram of the transfer function editor. */
class Ui3dPresetsWriterTest {
    @Test
    void everyBuiltInPresetSurvivesAWriteAndRead(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("sub/presets.json");
        Presets.write(Presets.builtIn(), f);
        List<Presets.Preset> back = Presets.read(f);
        assertEquals(Presets.builtIn(), back);
        // and a changed one
        Presets.Preset p = Presets.get("ct-angio");
        TransferFunction tf = TransferFunction.of(new TransferFunction.Point(-100, 0.1, 0.2, 0.3, 0),
                new TransferFunction.Point(250.5, 1, 0.5, 0.25, 0.75));
        Presets.Preset mine = new Presets.Preset("user-x", "Mine", "CT", RenderMode.MIP, tf, Shading.OFF, null, null);
        Presets.write(List.of(p, mine), f);
        assertEquals(List.of(p, mine), Presets.read(f));
        try (var s = Files.list(f.getParent())) {
            assertEquals(1, s.count(), "no temporary file left");
        }
    }

    @Test
    void histogramCountsEveryVoxelInRange() {
        short[][] s = new short[2][4];
        s[0] = new short[] {0, 1000, 1000, 2000};
        s[1] = new short[] {3000, 3000, 3000, 4095};
        Volume v = new Volume(2, 2, 2, s, false, new double[] {1, 1}, new double[] {-1024, -1024},
                Affine.fromColumns(new Vec3(1, 0, 0), new Vec3(0, 1, 0), new Vec3(0, 0, 1), Vec3.ZERO), "", "CT",
                new double[0], new double[0], null);
        HuHistogram h = HuHistogram.of(v, 4);
        assertEquals(-1024, h.lo());
        assertEquals(3071, h.hi());
        assertEquals(8, java.util.Arrays.stream(h.counts()).sum());
        assertEquals(-1024, h.min());
        assertEquals(3071, h.max());
        // bins of 1023.75 HU from -1024: {-1024, -24, -24} {976} {1976 x3} {3071}
        assertEquals(List.of(3L, 1L, 3L, 1L), java.util.Arrays.stream(h.counts()).boxed().toList());
        HuHistogram w = HuHistogram.of(v, -100, 100, 2);
        assertEquals(2, java.util.Arrays.stream(w.counts()).sum());
    }
}
