package org.clain.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.clain.geom.Vec3;
import org.clain.study.Scanner;
import org.clain.study.Volume;
import org.clain.study.VolumeLoader;
import org.clain.testdata.SharedData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reslicing real series in their own acquisition planes gives back the stored slices' modality values exactly. */
class ResliceRealDataTest {
    static Volume load(String dir) throws Exception {
        return VolumeLoader.load(Scanner.scan(List.of(SharedData.file(dir))).series().get(0).stacks().get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"real-ct/pancreatic-ct-cbct-seg_CB001_abdomen_implicitLE",
        "real-mr/brain-tumor-progression_PGBM-001_T1post"})
    void resliceInTheAcquisitionPlaneEqualsTheSliceAtVoxelCentres(String dir) throws Exception {
        Volume v = load(dir);
        boolean ct = dir.startsWith("real-ct");
        Vec3 sp = v.spacing();
        assertEquals(sp.x(), sp.y(), 1e-9, "square pixels expected");
        Vec3 u = v.voxelToPatient().column(0).normalized();
        Vec3 vv = v.voxelToPatient().column(1).normalized();
        if (ct) { // the abdomen CT is a plain axial series: the acquisition plane is the axial plane
            assertTrue(u.distance(new Vec3(1, 0, 0)) < 1e-6 && vv.distance(new Vec3(0, 1, 0)) < 1e-6);
        }
        try (Reslicer r = new Reslicer(v, 2, Float.NaN)) {
            int[] zs = {0, v.nz() / 3, v.nz() / 2, v.nz() - 1};
            float[] img = null;
            for (int z : zs) {
                Vec3 c = v.toPatient((v.nx() - 1) / 2.0, (v.ny() - 1) / 2.0, z);
                Plane p = ct ? Plane.axial(c, sp.x(), v.nx(), v.ny()) : new Plane(c, u, vv, sp.x(), v.nx(), v.ny());
                img = r.reslice(p, Slab.NONE, img);
                for (int y = 0; y < v.ny(); y++) {
                    for (int x = 0; x < v.nx(); x++) {
                        float got = img[y * v.nx() + x];
                        float want = (float) v.value(x, y, z);
                        // the axial CT is exact; the oblique MR's affine round trip leaves fractions of ~1e-13 voxel
                        if (ct ? got != want : !(Math.abs(got - want) <= 1e-3)) {
                            throw new AssertionError("slice " + z + " voxel " + x + "," + y + ": " + got + " != " + want);
                        }
                    }
                }
            }
            // a plane halfway between two slices is their mean
            if (v.nz() > 2) {
                int z = v.nz() / 2;
                Vec3 c = v.toPatient((v.nx() - 1) / 2.0, (v.ny() - 1) / 2.0, z + 0.5);
                Plane p = new Plane(c, u, vv, sp.x(), v.nx(), v.ny());
                img = r.reslice(p, Slab.NONE, img);
                for (int y = 0; y < v.ny(); y += 3) {
                    for (int x = 0; x < v.nx(); x += 3) {
                        double want = (v.value(x, y, z) + v.value(x, y, z + 1)) / 2;
                        assertEquals(want, img[y * v.nx() + x], 1e-2 + 1e-5 * Math.abs(want));
                    }
                }
            }
        }
    }
}
