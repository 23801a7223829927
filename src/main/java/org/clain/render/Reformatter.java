package org.clain.render;

/**
 * A back end that computes MPR images of one volume: the CPU {@link Reslicer} or the GPU
 * {@code org.clain.render.gl.GlReslicer}. Both take the same parameters and return modality
 * values (HU) row-major, x fastest, with the same no-data value outside the volume.
 */
public interface Reformatter extends AutoCloseable {
    /** A thin or thick reslice into {@code out} (reused when it holds width*height values). */
    float[] reslice(Plane plane, Slab slab, float[] out);

    /** Samples the rows of a curved reformat's geometry into {@code out} (reused when large enough). */
    float[] curved(CurvedReslicer.Geometry geometry, float[] out);

    /** Value of pixels outside the volume. */
    float noData();

    /** Human-readable name, e.g. "CPU, 2 threads" or "GPU: NVIDIA H100 ... (GL 4.6)". */
    String description();

    /** True when the images come from a GPU driver with a hardware renderer (not llvmpipe/softpipe). */
    boolean hardwareAccelerated();

    @Override
    void close();
}
