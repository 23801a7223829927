package org.clain.study.phantom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clain.study.Scanner;
import org.clain.study.SliceStack;
import org.clain.study.Volume;
import org.clain.study.VolumeLoader;
import org.clain.testdata.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pydicom (Debian python3-pydicom), an independent reader, opens the phantom as a CT series and
 * finds the same geometry and the same HU as Clain. Skipped only where pydicom is not installed.
 */
class PhantomPydicomTest {
    private static final String SCRIPT = String.join("\n",
            "import sys, os, pydicom",
            "d = sys.argv[1]",
            "fs = sorted(f for f in os.listdir(d) if f.endswith('.dcm'))",
            "ds = [pydicom.dcmread(os.path.join(d, f)) for f in fs]",
            "ds.sort(key=lambda x: float(x.ImagePositionPatient[2]))",
            "tot = 0.0",
            "for x in ds:",
            "    assert x.SOPClassUID == '1.2.840.10008.5.1.4.1.1.2', x.SOPClassUID",
            "    a = x.pixel_array.astype('float64') * float(x.RescaleSlope) + float(x.RescaleIntercept)",
            "    tot += a.sum()",
            "f = ds[0]",
            "print(len(ds), f.Rows, f.Columns, *[float(v) for v in f.ImagePositionPatient],",
            "      *[float(v) for v in f.PixelSpacing], repr(tot))");

    @Test
    void pydicomReadsTheSameSeries(@TempDir Path dir) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "no /usr/bin/python3");
        assumeTrue(ExternalTool.run(List.of(python.toString(), "-c", "import pydicom, numpy")).exitCode() == 0,
                "python3-pydicom not installed");
        CtPhantom.write(dir, CtPhantom.Options.defaults(Preset.ABDOMEN, 5).withMatrix(64).withSlices(8));
        ExternalTool.Result r = ExternalTool.run(List.of(python.toString(), "-c", SCRIPT, dir.toString()));
        assertEquals(0, r.exitCode(), r.stderr());
        String[] v = r.stdout().trim().split("\\s+");

        SliceStack stack = Scanner.scan(List.of(dir)).series().get(0).stacks().get(0);
        Volume vol = VolumeLoader.load(stack);
        assertEquals(vol.nz(), Integer.parseInt(v[0]));
        assertEquals(vol.ny(), Integer.parseInt(v[1]));
        assertEquals(vol.nx(), Integer.parseInt(v[2]));
        var origin = vol.toPatient(0, 0, 0);
        assertEquals(origin.x(), Double.parseDouble(v[3]), 1e-4);
        assertEquals(origin.y(), Double.parseDouble(v[4]), 1e-4);
        assertEquals(origin.z(), Double.parseDouble(v[5]), 1e-4);
        assertEquals(vol.spacing().y(), Double.parseDouble(v[6]), 1e-9);
        assertEquals(vol.spacing().x(), Double.parseDouble(v[7]), 1e-9);
        double total = 0;
        for (int z = 0; z < vol.nz(); z++) {
            for (int y = 0; y < vol.ny(); y++) {
                for (int x = 0; x < vol.nx(); x++) {
                    total += vol.value(x, y, z);
                }
            }
        }
        assertEquals(total, Double.parseDouble(v[8]), 1e-6 * Math.abs(total) + 1e-6);
    }
}
