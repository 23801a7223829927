package org.clain.render.gl;

import org.clain.render.GpuReformatterProvider;
import org.clain.render.Reformatter;
import org.clain.study.Volume;

/** Registers {@link GlReslicer} with {@link org.clain.render.MprRenderer} (META-INF/services). */
public final class GlReformatterProvider implements GpuReformatterProvider {
    public GlReformatterProvider() {
    }

    @Override
    public Reformatter open(Volume volume, float noData) {
        return GlReslicer.open(volume, noData);
    }
}
