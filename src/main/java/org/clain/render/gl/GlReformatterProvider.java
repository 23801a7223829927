package org.clain.render.gl;

import org.clain.render.GpuReformatterProvider;
import org.clain.render.Reformatter;
import org.clain.study.Volume;

/** Registers {@link GlReslicer} with {@link org.clain.render.MprRenderer} (META-INF/services). */
public final class GlReformatterProvider implements GpuReformatterProvider {
    public GlReformatterProvider() {
    }

    @Override
    public Reformatter open(Volume volume, float noData, boolean hardwareOnly) {
        GlContext ctx = GlContext.create();
        try {
            if (hardwareOnly && ctx.software()) {
                throw new IllegalStateException("software GL renderer (" + ctx.renderer() + "): the CPU is faster");
            }
            return GlReslicer.openOwning(ctx, volume, noData);
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
    }
}
