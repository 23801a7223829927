package org.clain.render;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import javax.imageio.ImageIO;
import org.clain.geom.Vec3;
import org.clain.study.Volume;

/**
 * MPR facade: picks the GPU or the CPU back end for a volume and turns reformats into 8-bit
 * images. {@link Backend#AUTO} uses the GPU only when it is a hardware renderer (on Mesa
 * llvmpipe the CPU reslicer is faster), {@link Backend#GPU} insists on GL (software or not) and
 * {@link Backend#CPU} never touches GL. Whenever the GPU cannot be used the CPU takes over and
 * {@link #fallbackReason()} says why (no GL, volume over GL_MAX_3D_TEXTURE_SIZE, ...).
 */
public final class MprRenderer implements AutoCloseable {
    public enum Backend {
        AUTO,
        GPU,
        CPU
    }

    private final Volume volume;
    private final Reformatter backend;
    private final String fallbackReason;

    private MprRenderer(Volume volume, Reformatter backend, String fallbackReason) {
        this.volume = volume;
        this.backend = backend;
        this.fallbackReason = fallbackReason;
    }

    /** Opens the preferred back end, falling back to the CPU (never fails for lack of a GPU). */
    public static MprRenderer open(Volume volume, Backend preferred) {
        return open(volume, preferred, Reslicer.DEFAULT_NO_DATA);
    }

    public static MprRenderer open(Volume volume, Backend preferred, float noData) {
        String reason = null;
        if (preferred != Backend.CPU) {
            try {
                return new MprRenderer(volume, openGpu(volume, noData, preferred == Backend.AUTO), null);
            } catch (Exception | LinkageError e) {
                reason = "GPU not used: " + (e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
        return new MprRenderer(volume, new Reslicer(volume, Runtime.getRuntime().availableProcessors(), noData), reason);
    }

    /** The GPU back end, or an exception saying why there is none. */
    public static Reformatter openGpu(Volume volume) throws Exception {
        return openGpu(volume, Reslicer.DEFAULT_NO_DATA, false);
    }

    /** @param hardwareOnly refuse software renderers (Mesa llvmpipe) before uploading the volume */
    public static Reformatter openGpu(Volume volume, float noData, boolean hardwareOnly) throws Exception {
        List<String> why = new ArrayList<>();
        for (GpuReformatterProvider p : ServiceLoader.load(GpuReformatterProvider.class, MprRenderer.class.getClassLoader())) {
            try {
                return p.open(volume, noData, hardwareOnly);
            } catch (Exception | LinkageError e) {
                why.add(e.getMessage() == null ? e.toString() : e.getMessage());
            }
        }
        throw new IllegalStateException(why.isEmpty() ? "no GPU back end on the class path" : String.join("; ", why));
    }

    public Volume volume() {
        return volume;
    }

    public Reformatter backend() {
        return backend;
    }

    public boolean gpu() {
        return !(backend instanceof Reslicer);
    }

    /** Why the GPU was not used when it was asked for (AUTO or GPU), else null. */
    public String fallbackReason() {
        return fallbackReason;
    }

    public float[] reslice(Plane plane, Slab slab, float[] out) {
        return backend.reslice(plane, slab, out);
    }

    public CurvedReslicer.Result curved(Curve curve, CurvedReslicer.Mode mode, Vec3 viewDirection, double pixelSize,
                                        int width, float[] out) {
        return new CurvedReslicer(backend).reslice(curve, mode, viewDirection, pixelSize, width, out);
    }

    /**
     * The window to show a reformat with: the volume's first DICOM window when it has one, else
     * the range of the image's values.
     */
    public static WindowLevel defaultWindow(Volume volume, float[] values, int count) {
        double[] c = volume.windowCenter();
        double[] w = volume.windowWidth();
        if (c.length > 0 && w.length > 0 && w[0] >= 1) {
            return new WindowLevel(c[0], w[0]);
        }
        return WindowLevel.ofRange(values, count);
    }

    /** Writes an image as PNG atomically (temporary file in the same folder, then rename). */
    public static void writePng(BufferedImage image, Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        try {
            if (!ImageIO.write(image, "png", tmp.toFile())) {
                throw new IOException("no PNG writer");
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public void close() {
        backend.close();
    }
}
