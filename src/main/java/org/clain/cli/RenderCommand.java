package org.clain.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.clain.geom.Vec3;
import org.clain.render.Camera;
import org.clain.render.ClipBox;
import org.clain.render.MprRenderer;
import org.clain.render.Presets;
import org.clain.render.RenderMode;
import org.clain.render.RenderParams;
import org.clain.render.VolumeRenderer;
import org.clain.study.Volume;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Volume rendering (DVR, MIP, MinIP, average, isosurface) of the first series to a PNG.")
public final class RenderCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR")
    Path input;

    @Option(names = "--preset", description = "built-in preset id or name (default ct-bone for CT, otherwise mr-default fitted to the volume's 1st-99th percentiles): "
            + "ct-bone, ct-soft-tissue, ct-angio, ct-lung, ct-liver, mr-default, mip, ct-bone-surface")
    String preset;

    @Option(names = "--tf", paramLabel = "FILE.json", description = "presets file in the format of the built-in presets.json (its first preset is used)")
    Path tf;

    @Option(names = "--mode", description = "dvr, mip, minip, avg or iso (default: the preset's)")
    String mode;

    @Option(names = "--iso", paramLabel = "HU", description = "isosurface threshold for --mode iso")
    Double iso;

    @Option(names = "--azimuth", paramLabel = "DEG", defaultValue = "0")
    double azimuth;

    @Option(names = "--elevation", paramLabel = "DEG", defaultValue = "0")
    double elevation;

    @Option(names = "--zoom", paramLabel = "F", defaultValue = "1")
    double zoom;

    @Option(names = "--clip", paramLabel = "x0,x1,y0,y1,z0,z1", description = "clip box in voxel indices")
    String clip;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "512x512")
    String size;

    @ArgGroup(exclusive = true)
    Backend backend;

    static final class Backend {
        @Option(names = "--gpu", description = "GL ray caster (falls back to the CPU with the reason)")
        boolean gpu;

        @Option(names = "--cpu", description = "CPU ray caster")
        boolean cpu;
    }

    @Option(names = "--out", required = true, paramLabel = "FILE.png")
    Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        int w;
        int h;
        RenderParams params;
        try {
            String[] wh = size.toLowerCase(Locale.ROOT).split("x");
            w = Integer.parseInt(wh[0]);
            h = Integer.parseInt(wh[1]);
            if (w < 1 || h < 1 || w > 8192 || h > 8192) {
                throw new IllegalArgumentException("--size must be WxH within 1..8192");
            }
            params = null;
            if (tf != null) {
                try (InputStream in = Files.newInputStream(tf)) {
                    List<Presets.Preset> list = Presets.read(in);
                    if (list.isEmpty()) {
                        throw new IllegalArgumentException(tf + ": no preset in the file");
                    }
                    params = list.get(0).params();
                } catch (IOException e) {
                    err.println("clain: " + tf + ": " + e.getMessage());
                    return 1;
                }
            } else if (preset != null) {
                params = Presets.find(preset).orElseThrow(() ->
                        new IllegalArgumentException("unknown preset '" + preset + "'")).params();
            }
            if (mode != null) {
                RenderMode m = RenderMode.valueOf(mode.toUpperCase(Locale.ROOT));
                params = (params == null ? Presets.get("ct-bone").params() : params).withMode(m);
            }
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            err.println("clain render: " + e.getMessage());
            return 2;
        }
        Volume v;
        try {
            v = MprCommand.load(input);
        } catch (IOException e) {
            err.println("clain: " + e.getMessage());
            return 1;
        }
        if (params == null) {
            params = Presets.defaultFor(v).params();
        }
        if (iso != null) {
            params = params.withMode(RenderMode.ISO).withIso(iso, params.isoColor());
        }
        params = params.withCamera(new Camera(azimuth, elevation, 0, zoom, 0, 0));
        if (clip != null) {
            String[] c = clip.split(",");
            if (c.length != 6) {
                err.println("clain render: --clip needs x0,x1,y0,y1,z0,z1");
                return 2;
            }
            double[] d = new double[6];
            for (int i = 0; i < 6; i++) {
                d[i] = Double.parseDouble(c[i]);
            }
            params = params.withClipBox(ClipBox.voxels(new Vec3(d[0], d[2], d[4]), new Vec3(d[1], d[3], d[5])));
        }
        VolumeRenderer.Preference pref = backend != null && backend.cpu ? VolumeRenderer.Preference.CPU
                : VolumeRenderer.Preference.GPU;
        try (VolumeRenderer r = new VolumeRenderer(pref)) {
            VolumeRenderer.Result first = r.render(v, params, w, h);
            // the first frame pays for shader compilation and the texture upload; time a second one
            VolumeRenderer.Result res = r.render(v, params, w, h);
            MprRenderer.writePng(res.image().toBufferedImage(), out);
            for (String m : first.messages()) {
                err.println("clain render: " + m);
            }
            stdout.printf(Locale.ROOT, "%s %dx%d, %s on %s: first frame %.1f ms, frame %.1f ms -> %s%n",
                    params.mode(), w, h, res.backend(), res.device(), first.millis(), res.millis(), out);
        } catch (IOException e) {
            err.println("clain: " + out + ": " + e.getMessage());
            return 1;
        }
        stdout.flush();
        return 0;
    }
}
