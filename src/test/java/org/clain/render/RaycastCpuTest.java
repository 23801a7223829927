package org.clain.render;

import org.clain.study.Volume;
import org.junit.jupiter.api.AfterAll;

/** The ray-casting contract on the CPU ray caster (always runs). */
class RaycastCpuTest extends RaycastContract {
    private static final CpuRaycaster CPU = new CpuRaycaster();

    @AfterAll
    static void close() {
        CPU.close();
    }

    @Override
    RenderImage render(Volume v, RenderParams p, int w, int h) {
        return CPU.render(v, p, w, h);
    }
}
