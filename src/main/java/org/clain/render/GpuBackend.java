package org.clain.render;

import org.clain.study.Volume;

import java.util.List;
import java.util.Optional;

/**
 * A GPU ray caster seen from the CPU side, so that nothing in org.clain.render imports JOGL: the
 * implementation lives in org.clain.render.gl and is found through {@link java.util.ServiceLoader}.
 */
public interface GpuBackend extends AutoCloseable {
    /** Same contract as {@link CpuRaycaster#render(Volume, RenderParams, int, int)}. */
    RenderImage render(Volume v, RenderParams p, int w, int h);

    /** Renderer, GL version, windowing (for logs and the CLI). */
    String description();

    /** Notes from the last upload (downsampling, requantisation). */
    List<String> messages();

    @Override
    void close();

    /** Creates a backend, or explains in {@code why} why none is available. */
    interface Provider {
        Optional<GpuBackend> create(StringBuilder why);
    }
}
