package org.clain.render;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.clain.geom.Vec3;
import org.clain.study.Scanner;
import org.clain.study.Volume;
import org.clain.study.VolumeLoader;

/**
 * Median frame times of the CPU (and, when GL can be had, GPU) reformats on a real series:
 * an oblique 512x512 reslice and a 20 mm slab MIP.
 *
 * <pre>java -cp clain.jar org.clain.render.MprBench DIR [frames] [threads...]</pre>
 */
public final class MprBench {
    private MprBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0]
                : "../shared/data/dicom/real-ct/pancreatic-ct-cbct-seg_CB001_abdomen_implicitLE");
        int frames = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int[] threads = args.length > 2 ? Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, Runtime.getRuntime().availableProcessors()};
        long t0 = System.nanoTime();
        Volume v = VolumeLoader.load(Scanner.scan(List.of(dir)).series().get(0).stacks().get(0));
        System.out.printf("volume %dx%dx%d spacing %s loaded in %.0f ms; %d cores%n", v.nx(), v.ny(), v.nz(),
                v.spacing(), (System.nanoTime() - t0) / 1e6, Runtime.getRuntime().availableProcessors());
        Vec3 c = v.toPatient((v.nx() - 1) / 2.0, (v.ny() - 1) / 2.0, (v.nz() - 1) / 2.0);
        Plane oblique = Plane.oblique(c, new Vec3(0.3, -0.5, 1), null, 0.8, 512, 512);
        Slab mip = Slab.of(20, Slab.Mode.MIP);
        float[] out = new float[512 * 512];
        Plane axial = Plane.axial(c, 0.8, 512, 512);
        for (int t : threads) {
            try (Reslicer r = new Reslicer(v, t, Float.NaN)) {
                System.out.printf("CPU %d thread(s): oblique 512x512 median %.2f ms; axial 512x512 %.2f ms;"
                                + " 20 mm MIP (%d samples) median %.1f ms%n",
                        t, median(frames, () -> r.reslice(oblique, Slab.NONE, out)),
                        median(frames, () -> r.reslice(axial, Slab.NONE, out)), mip.sampleCount(r.maxSlabStep()),
                        median(Math.max(5, frames / 5), () -> r.reslice(oblique, mip, out)));
                if (t == 1) { // CPU time of the one working thread: less sensitive to other load on the machine
                    System.out.printf("CPU 1 thread, thread CPU time: oblique median %.2f ms; 20 mm MIP median %.1f ms%n",
                            cpuMedian(frames, () -> r.reslice(oblique, Slab.NONE, out)),
                            cpuMedian(Math.max(5, frames / 5), () -> r.reslice(oblique, mip, out)));
                }
            }
        }
        try (Reformatter gpu = MprRenderer.openGpu(v)) {
            System.out.println("GPU: " + gpu.description());
            System.out.printf("GPU: oblique 512x512 median %.2f ms; 20 mm MIP median %.1f ms (each with readback)%n",
                    median(frames, () -> gpu.reslice(oblique, Slab.NONE, out)),
                    median(Math.max(5, frames / 5), () -> gpu.reslice(oblique, mip, out)));
        } catch (Exception | LinkageError e) {
            System.out.println("GPU: not available: " + e.getMessage());
        }
    }

    private static double cpuMedian(int frames, Runnable frame) {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] ms = new double[frames];
        for (int i = 0; i < frames; i++) {
            long t = mx.getCurrentThreadCpuTime();
            frame.run();
            ms[i] = (mx.getCurrentThreadCpuTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[frames / 2];
    }

    private static double median(int frames, Runnable frame) {
        for (int i = 0; i < Math.max(10, frames / 2); i++) {
            frame.run();
        }
        double[] ms = new double[frames];
        for (int i = 0; i < frames; i++) {
            long t = System.nanoTime();
            frame.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms[frames / 2];
    }
}
