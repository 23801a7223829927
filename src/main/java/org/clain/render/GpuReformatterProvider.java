package org.clain.render;

import org.clain.study.Volume;

/**
 * Service interface ({@link java.util.ServiceLoader}) through which {@link MprRenderer} finds the
 * GPU back end without importing JOGL: implemented in {@code org.clain.render.gl}.
 */
public interface GpuReformatterProvider {
    /**
     * Opens a GPU reformatter for the volume (creating an offscreen GL context and uploading the
     * volume), or throws with the reason it cannot (no GL, GL too old, volume larger than
     * GL_MAX_3D_TEXTURE_SIZE, ...).
     *
     * @param hardwareOnly refuse (before uploading anything) when the GL renderer is a software
     *                     rasteriser such as Mesa llvmpipe
     */
    Reformatter open(Volume volume, float noData, boolean hardwareOnly) throws Exception;
}
