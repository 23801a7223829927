package org.clain.render;

import org.clain.study.Volume;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Renders volumes on the GPU when asked and available, else on the CPU, saying which and why.
 * The GPU backend is created lazily on the first render and kept; if it fails at run time the
 * renderer falls back to the CPU for good, with the reason in {@link Result#messages()}.
 */
public final class VolumeRenderer implements AutoCloseable {
    public enum Backend { GPU, CPU }

    public enum Preference {
        /** GL when a 3.3 context can be had, else the CPU (with the reason). */
        GPU,
        /** The CPU ray caster only. */
        CPU
    }

    /**
     * A frame: the image, the backend that drew it, a description of the device, the wall time of
     * the render call and notes (why not the GPU, downsampling, ...).
     */
    public record Result(RenderImage image, Backend backend, String device, long nanos, List<String> messages) {
        public double millis() {
            return nanos / 1e6;
        }
    }

    private final Preference preference;
    private final CpuRaycaster cpu;
    private GpuBackend gpu;
    private boolean gpuTried;
    private String whyNotGpu;

    public VolumeRenderer(Preference preference) {
        this.preference = preference;
        this.cpu = new CpuRaycaster();
        if (preference == Preference.CPU) {
            whyNotGpu = "CPU rendering requested";
        }
    }

    /** Renders w x h; never throws for a missing or failing GPU (falls back to the CPU). */
    public synchronized Result render(Volume v, RenderParams p, int w, int h) {
        List<String> msgs = new ArrayList<>();
        if (preference == Preference.GPU && !gpuTried) {
            gpuTried = true;
            StringBuilder why = new StringBuilder();
            gpu = createGpu(why).orElse(null);
            if (gpu == null) {
                whyNotGpu = "no GPU rendering: " + why;
            }
        }
        if (gpu != null) {
            long t0 = System.nanoTime();
            try {
                RenderImage img = gpu.render(v, p, w, h);
                long t = System.nanoTime() - t0;
                msgs.addAll(gpu.messages());
                return new Result(img, Backend.GPU, gpu.description(), t, msgs);
            } catch (RuntimeException e) {
                whyNotGpu = "GPU rendering failed, using the CPU from now on: " + e;
                try {
                    gpu.close();
                } catch (RuntimeException ignored) {
                    // the context may be gone
                }
                gpu = null;
            }
        }
        if (preference == Preference.GPU && whyNotGpu != null) {
            msgs.add(whyNotGpu);
        }
        long t0 = System.nanoTime();
        RenderImage img = cpu.render(v, p, w, h);
        long t = System.nanoTime() - t0;
        return new Result(img, Backend.CPU, "CPU ray caster, " + cpu.threads() + " threads", t, msgs);
    }

    /** The backend the next frame will use (GPU only once a context was created). */
    public synchronized Backend backend() {
        return gpu != null ? Backend.GPU : Backend.CPU;
    }

    /** Why the CPU is used (null while the GPU is used or not yet tried). */
    public synchronized String whyNotGpu() {
        return whyNotGpu;
    }

    private static Optional<GpuBackend> createGpu(StringBuilder why) {
        List<GpuBackend.Provider> providers = new ArrayList<>();
        ServiceLoader.load(GpuBackend.Provider.class).forEach(providers::add);
        if (providers.isEmpty()) {
            why.append("no GPU backend on the classpath");
            return Optional.empty();
        }
        for (GpuBackend.Provider pr : providers) {
            try {
                Optional<GpuBackend> b = pr.create(why);
                if (b.isPresent()) {
                    return b;
                }
            } catch (RuntimeException | LinkageError e) {
                why.append(why.length() > 0 ? "; " : "").append(e);
            }
        }
        return Optional.empty();
    }

    @Override
    public synchronized void close() {
        if (gpu != null) {
            gpu.close();
            gpu = null;
        }
        cpu.close();
    }
}
