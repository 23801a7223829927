package org.clain.render;

import org.clain.render.gl.GlRaycaster;
import org.clain.render.gl.GlTestSupport;
import org.clain.study.Volume;
import org.junit.jupiter.api.AfterAll;

/**
 * The ray-casting contract on the GPU ray caster. Skipped only when no GL 3.3 context can be had
 * and CLAIN_REQUIRE_GL is unset.
 */
class RaycastGpuTest extends RaycastContract {
    private static GlRaycaster gpu;

    static synchronized GlRaycaster gpu() {
        if (gpu == null) {
            gpu = new GlRaycaster(GlTestSupport.context());
        }
        return gpu;
    }

    @AfterAll
    static synchronized void close() {
        if (gpu != null) {
            gpu.close();
            gpu = null;
        }
    }

    @Override
    RenderImage render(Volume v, RenderParams p, int w, int h) {
        return gpu().render(v, p, w, h);
    }
}
