package org.clain.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.clain.geom.Vec3;
import org.clain.study.Scanner;
import org.clain.study.Volume;
import org.clain.study.VolumeLoader;
import org.clain.study.phantom.CtPhantom;
import org.clain.study.phantom.Labeller;
import org.clain.study.phantom.PhantomTruth;
import org.clain.study.phantom.Preset;
import org.clain.study.phantom.Structure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CT angio preset alone, on the abdomen phantom seen from the front, must show the contrast
 * vessels and set the hypodense liver tumours apart from the liver. Which pixel sees what comes
 * from the phantom's truth (the structures each ray crosses), not from the rendered values.
 */
class AngioPresetPhantomTest {
    private static final int SIZE = 192;
    /** Tissue every ray into the abdomen crosses anyway: the body wall and the fat inside it. */
    private static final Set<String> WALL = Set.of("skin", "fat", "muscle");
    private static final CpuRaycaster CPU = new CpuRaycaster();

    @TempDir
    static Path dir;
    private static Volume volume;
    private static PhantomTruth truth;

    @BeforeAll
    static void phantom() throws Exception {
        truth = CtPhantom.write(dir, CtPhantom.Options.defaults(Preset.ABDOMEN, 42).withMatrix(128).withSlices(60));
        volume = VolumeLoader.load(Scanner.scan(List.of(dir)).series().get(0).stacks().get(0));
    }

    @AfterAll
    static void close() {
        CPU.close();
    }

    /** Millimetres of each kind of tissue along a pixel's ray (0.5 mm steps through the view box). */
    private record Crossed(double tumour, double liver, double vessel, double other) {
    }

    private static Crossed crossed(ViewFrame f, Labeller lab, int i, int j) {
        Vec3 o = f.rayOrigin(i, j);
        double step = 0.5;
        double tumour = 0;
        double liver = 0;
        double vessel = 0;
        double other = 0;
        for (double t = 0; t < f.extent() + 2; t += step) {
            Vec3 p = o.plus(f.forward().times(t));
            int label = lab.labelAt(new org.clain.study.phantom.Vec3(p.x(), p.y(), p.z()));
            if (label < 0) {
                continue;
            }
            Structure s = truth.structures().get(label);
            switch (s.role()) {
                case "tumour" -> tumour += step;
                case "vessel" -> vessel += step;
                default -> {
                    if (s.name().equals("liver")) {
                        liver += step;
                    } else if (!WALL.contains(s.role())) {
                        other += step;
                    }
                }
            }
        }
        return new Crossed(tumour, liver, vessel, other);
    }

    private static double[] mean(List<Integer> argb) {
        double[] m = new double[3];
        for (int c : argb) {
            m[0] += (c >> 16 & 255) / (double) argb.size();
            m[1] += (c >> 8 & 255) / (double) argb.size();
            m[2] += (c & 255) / (double) argb.size();
        }
        return m;
    }

    @Test
    void vesselsAndTheLiverTumoursStandOut() {
        RenderParams p = Presets.get("ct-angio").params().withCamera(StandardView.ANTERIOR.camera());
        RenderImage img = CPU.render(volume, p, SIZE, SIZE);
        ViewFrame f = ViewFrame.of(volume, p.camera(), SIZE, SIZE);
        Labeller lab = truth.labeller();
        List<Integer> tumour = new java.util.ArrayList<>();
        List<Integer> liver = new java.util.ArrayList<>();
        List<Integer> vessel = new java.util.ArrayList<>();
        for (int j = 0; j < SIZE; j += 2) {
            for (int i = 0; i < SIZE; i += 2) {
                Crossed c = crossed(f, lab, i, j);
                int argb = img.argb(i, j);
                // only liver, tumour and body wall on the way: nothing else could explain the colour
                if (c.other == 0 && c.vessel == 0 && c.tumour >= 8 && c.liver >= 10) {
                    tumour.add(argb);
                } else if (c.other == 0 && c.vessel == 0 && c.tumour == 0 && c.liver >= 30) {
                    liver.add(argb);
                } else if (c.other == 0 && c.vessel >= 8) {
                    vessel.add(argb);
                }
            }
        }
        assertTrue(tumour.size() >= 5 && liver.size() >= 20 && vessel.size() >= 20,
                "pixels seeing tumour " + tumour.size() + ", liver " + liver.size() + ", vessel " + vessel.size());
        double[] t = mean(tumour);
        double[] l = mean(liver);
        double[] v = mean(vessel);
        double distance = Math.sqrt((t[0] - l[0]) * (t[0] - l[0]) + (t[1] - l[1]) * (t[1] - l[1])
                + (t[2] - l[2]) * (t[2] - l[2]));
        String colours = String.format("tumour %.0f %.0f %.0f, liver %.0f %.0f %.0f, vessel %.0f %.0f %.0f",
                t[0], t[1], t[2], l[0], l[1], l[2], v[0], v[1], v[2]);
        // a clear difference of colour between tumour and liver pixels, and the tumour not left dark
        assertTrue(distance >= 40, "tumour vs liver colour distance " + distance + ": " + colours);
        assertTrue(Math.max(t[0], Math.max(t[1], t[2])) > 70, "tumour too faint: " + colours);
        // contrast vessels: bright and red
        assertTrue(v[0] >= 100 && v[0] >= 1.5 * v[1] && v[0] >= 1.5 * v[2], "vessels not bright red: " + colours);
    }
}
