package org.clain.render.gl;

import org.clain.render.Camera;
import org.clain.render.CpuRaycaster;
import org.clain.render.Presets;
import org.clain.render.RenderImage;
import org.clain.render.RenderParams;
import org.clain.render.StandardView;
import org.clain.render.SyntheticVolume;
import org.clain.study.Volume;

import javax.imageio.ImageIO;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Frame rates of the GPU and CPU ray casters on synthetic CT volumes (shaded DVR by default),
 * orbiting 5 degrees a frame like the VTK peer. Not a unit test: run by hand or on a device.
 *
 * <pre>
 * RenderBench [--vols 256,512] [--images 512,1024] [--frames 10] [--backends gpu,cpu]
 *             [--preset ct-bone|vtk-peer] [--cpu-max-vol 256] [--out DIR] [--dicom SERIES_DIR]
 * </pre>
 */
public final class RenderBench {
    private RenderBench() {
    }

    public static void main(String[] args) throws IOException {
        int[] vols = {256, 512};
        int[] images = {512, 1024};
        int frames = 10;
        List<String> backends = List.of("gpu", "cpu");
        String preset = "ct-bone";
        int cpuMaxVol = 256;
        int cpuMaxImage = 1024;
        File out = null;
        String dicom = null;
        int[] dims = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--vols" -> vols = ints(args[++i]);
                case "--images" -> images = ints(args[++i]);
                case "--frames" -> frames = Integer.parseInt(args[++i]);
                case "--backends" -> backends = List.of(args[++i].toLowerCase(Locale.ROOT).split(","));
                case "--preset" -> preset = args[++i];
                case "--cpu-max-vol" -> cpuMaxVol = Integer.parseInt(args[++i]);
                case "--cpu-max-image" -> cpuMaxImage = Integer.parseInt(args[++i]);
                case "--out" -> out = new File(args[++i]);
                case "--dicom" -> dicom = args[++i];
                // one non-cubic synthetic volume, e.g. 512x512x2000 for the large-volume check
                case "--dims" -> dims = ints(args[++i].replace('x', ','));
                default -> {
                    System.err.println("unknown argument " + args[i]);
                    System.exit(2);
                }
            }
        }
        if (out != null) {
            out.mkdirs();
        }
        System.out.printf("RenderBench: java %s, %d CPUs, max heap %d MiB, preset %s%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20, preset);
        RenderParams base = preset.equals("vtk-peer") ? vtkPeer() : Presets.get(preset).params();
        GlContext ctx = null;
        GlRaycaster gpu = null;
        if (backends.contains("gpu")) {
            StringBuilder why = new StringBuilder();
            ctx = GlContext.tryCreate(why).orElse(null);
            if (ctx == null) {
                System.out.println("GPU: none (" + why + ")");
            } else {
                System.out.println("GPU: " + ctx.describe());
                gpu = new GlRaycaster(ctx);
            }
        }
        CpuRaycaster cpu = backends.contains("cpu") ? new CpuRaycaster() : null;
        List<String> summary = new ArrayList<>();
        List<Integer> volumes = new ArrayList<>();
        if (dicom != null || dims != null) {
            volumes.add(-1);
        } else {
            Arrays.stream(vols).forEach(volumes::add);
        }
        for (int n : volumes) {
            long t0 = System.nanoTime();
            Volume v = dims != null ? SyntheticVolume.ct(dims[0], dims[1], dims[2])
                    : n < 0 ? loadDicom(dicom) : SyntheticVolume.ct(n);
            System.out.printf("volume %dx%dx%d (%d MiB) %s in %.0f ms%n", v.nx(), v.ny(), v.nz(), v.voxelBytes() >> 20,
                    dicom != null ? "loaded from " + dicom : "generated", (System.nanoTime() - t0) / 1e6);
            if (gpu != null) {
                t0 = System.nanoTime();
                gpu.prepare(v);
                System.out.printf("  GPU upload + bricks: %.0f ms (texture %.0f ms) %s%n", (System.nanoTime() - t0) / 1e6,
                        gpu.texture().uploadNanos() / 1e6, gpu.messages());
                for (int size : images) {
                    summary.add(run("GPU", gpu::render, gpu, v, base, size, frames, out));
                }
            }
            if (cpu != null && Math.max(v.nx(), Math.max(v.ny(), v.nz())) <= Math.max(cpuMaxVol, n < 0 ? 4096 : 0)) {
                cpu.bricks(v);
                for (int size : images) {
                    if (size <= cpuMaxImage) {
                        summary.add(run("CPU", cpu::render, null, v, base, size, Math.max(3, frames / 3), out));
                    }
                }
            }
            v = null;
            System.gc();
        }
        System.out.println("SUMMARY (" + preset + ", shaded DVR, orbiting 5 deg/frame)");
        summary.forEach(System.out::println);
        if (gpu != null) {
            gpu.close();
        }
        if (ctx != null) {
            ctx.close();
        }
        if (cpu != null) {
            cpu.close();
        }
    }

    /** The transfer function of ../shared/peers/vtk_render.py (colour and opacity merged), shaded. */
    static RenderParams vtkPeer() {
        return RenderParams.of(new org.clain.render.TransferFunction(List.of(
                new org.clain.render.TransferFunction.Point(-1024, 0, 0, 0, 0),
                new org.clain.render.TransferFunction.Point(150, 0.7, 0.3, 0.2, 0),
                new org.clain.render.TransferFunction.Point(300, 0.82, 0.6, 0.5, 0.15),
                new org.clain.render.TransferFunction.Point(400, 0.9, 0.8, 0.7, 0.2125),
                new org.clain.render.TransferFunction.Point(1500, 1, 1, 1, 0.9))));
    }

    /** The largest stack of the first series found under dir. */
    static Volume loadDicom(String dir) throws IOException {
        var index = org.clain.study.Scanner.scan(List.of(java.nio.file.Path.of(dir)));
        org.clain.study.SliceStack best = null;
        for (var series : index.series()) {
            for (var st : series.stacks()) {
                if (best == null || st.size() > best.size()) {
                    best = st;
                }
            }
        }
        if (best == null) {
            throw new IOException("no image stack under " + dir);
        }
        try {
            return org.clain.study.VolumeLoader.load(best);
        } catch (org.clain.dicom.DicomException e) {
            throw new IOException(e);
        }
    }

    interface Renderer {
        RenderImage render(Volume v, RenderParams p, int w, int h);
    }

    private static String run(String name, Renderer r, GlRaycaster gpu, Volume v, RenderParams base, int size, int frames,
                              File out) throws IOException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Camera cam = StandardView.ANTERIOR.camera().orbit(20, 15);
        long t0 = System.nanoTime();
        RenderImage img = r.render(v, base.withCamera(cam), size, size); // warm-up (shader/JIT)
        double first = (System.nanoTime() - t0) / 1e6;
        double[] ms = new double[frames];
        double[] gpuMs = new double[frames];
        long cpu0 = os.getProcessCpuTime();
        for (int i = 0; i < frames; i++) {
            cam = cam.orbit(5, 0);
            long t = System.nanoTime();
            img = r.render(v, base.withCamera(cam), size, size);
            ms[i] = (System.nanoTime() - t) / 1e6;
            gpuMs[i] = gpu != null ? gpu.lastGpuNanos() / 1e6 : Double.NaN;
        }
        double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6 / frames;
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double median = sorted[frames / 2];
        double mean = Arrays.stream(ms).average().orElse(0);
        String line = String.format(Locale.ROOT,
                "%s %-11s -> %4dx%-4d median %8.1f ms (%6.2f fps), mean %8.1f ms, first %8.1f ms, process CPU %8.1f ms/frame%s",
                name, v.nx() == v.ny() && v.ny() == v.nz() ? v.nx() + "^3" : v.nx() + "x" + v.ny() + "x" + v.nz(), size,
                size, median, 1000 / median, mean, first, cpuMs,
                gpu != null ? String.format(Locale.ROOT, ", GPU timer median %.2f ms", median(gpuMs)) : "");
        System.out.println(line);
        if (out != null) {
            ImageIO.write(img.toBufferedImage(), "png",
                    new File(out, String.format("%s-%d-%d.png", name.toLowerCase(Locale.ROOT), v.nx(), size)));
        }
        return line;
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static int[] ints(String s) {
        return Arrays.stream(s.split(",")).mapToInt(Integer::parseInt).toArray();
    }
}
