package org.clain.render;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.clain.study.Volume;

/**
 * Rendering presets (transfer function, mode, shading, isosurface) from the JSON resource
 * {@code org/clain/render/presets.json}, or from a user file in the same format; {@link #write}
 * writes that format back (user presets saved by the viewer).
 */
public final class Presets {
    /** One preset: apply it to parameters to get its mode, transfer function, shading and iso. */
    public record Preset(String id, String name, String modality, RenderMode mode, TransferFunction transferFunction,
                         Shading shading, Double isoValue, Rgb isoColor) {
        public RenderParams applyTo(RenderParams p) {
            RenderParams q = p.withMode(mode).withTransferFunction(transferFunction).withShading(shading);
            if (isoValue != null) {
                q = q.withIso(isoValue, isoColor != null ? isoColor : p.isoColor());
            }
            return q;
        }

        /** DVR/MIP/... parameters from the front with this preset. */
        public RenderParams params() {
            return applyTo(RenderParams.of(transferFunction));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record FileJson(int version, List<PresetJson> presets) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PresetJson(String id, String name, String modality, String mode, ShadingJson shading, IsoJson iso,
                      List<double[]> points) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ShadingJson(double ambient, double diffuse, double specular, double shininess) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record IsoJson(double hu, double[] color) {
    }

    private static volatile List<Preset> builtIn;

    private Presets() {
    }

    /** The presets shipped with Clain. */
    public static List<Preset> builtIn() {
        List<Preset> b = builtIn;
        if (b == null) {
            try (InputStream in = Presets.class.getResourceAsStream("presets.json")) {
                if (in == null) {
                    throw new IllegalStateException("presets.json missing from the classpath");
                }
                b = read(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            builtIn = b;
        }
        return b;
    }

    /**
     * What a volume opens with in 3D: CT bone for CT (its values are HU); a MIP for PET, over SUVbw 0
     * to 5 when the volume has an SUV factor, else from 0 to its 99th percentile; for anything else
     * (MR, whose scale is the scanner's, doses, maps) the MR default stretched over the volume's 1st
     * to 99th percentile, so that something shows whatever the scale.
     */
    public static Preset defaultFor(Volume v) {
        if ("CT".equals(v.modality())) {
            return get("ct-bone");
        }
        if ("PT".equals(v.modality())) {
            // PET is looked at in 3D as a MIP; with an SUV factor over SUVbw 0 to 5, as the 2D window
            if (v.suvFactor() > 0) {
                return spanning(get("mip"), 0, PET_MIP_SUV_TOP / v.suvFactor());
            }
            AutoWindow.Window w = AutoWindow.percentiles(v, 0, DefaultWindow.HIGH_PERCENTILE);
            return spanning(get("mip"), 0, w.center() + w.width() / 2);
        }
        AutoWindow.Window w = AutoWindow.percentiles(v, DefaultWindow.LOW_PERCENTILE, DefaultWindow.HIGH_PERCENTILE);
        return spanning(get("mr-default"), w.center() - w.width() / 2, w.center() + w.width() / 2);
    }

    /** SUVbw at the top of a PET volume's default MIP. */
    public static final double PET_MIP_SUV_TOP = 5;

    private static Preset spanning(Preset p, double lo, double hi) {
        return new Preset(p.id(), p.name(), p.modality(), p.mode(), p.transferFunction().spanning(lo, hi), p.shading(),
                p.isoValue(), p.isoColor());
    }

    /** By id (e.g. "ct-bone") or name, case-insensitive. */
    public static Optional<Preset> find(String idOrName) {
        String k = idOrName.toLowerCase(Locale.ROOT);
        return builtIn().stream()
                .filter(p -> p.id().toLowerCase(Locale.ROOT).equals(k) || p.name().toLowerCase(Locale.ROOT).equals(k))
                .findFirst();
    }

    public static Preset get(String idOrName) {
        return find(idOrName).orElseThrow(() -> new IllegalArgumentException("no preset '" + idOrName + "'; known: "
                + builtIn().stream().map(Preset::id).toList()));
    }

    /** Reads presets in the presets.json format. */
    public static List<Preset> read(InputStream in) throws IOException {
        ObjectMapper om = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        FileJson f = om.readValue(in, FileJson.class);
        if (f == null || f.presets() == null) {
            throw new IOException("not a presets file: no presets array");
        }
        if (f.version() != 1) {
            throw new IOException("unsupported presets version " + f.version());
        }
        List<Preset> out = new ArrayList<>();
        for (PresetJson p : f.presets()) {
            try {
                out.add(preset(p));
            } catch (IllegalArgumentException e) {
                // the records' own checks (RGBA in 0..1, HU order, unknown mode): a bad file, not a bug
                throw new IOException("preset " + (p == null ? null : p.id()) + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }

    /** Writes presets in the presets.json format (what {@link #read} reads back to equal presets). */
    public static void write(List<Preset> presets, OutputStream out) throws IOException {
        List<PresetJson> list = new ArrayList<>();
        for (Preset p : presets) {
            List<double[]> pts = new ArrayList<>();
            for (TransferFunction.Point q : p.transferFunction().points()) {
                pts.add(new double[] {q.hu(), q.r(), q.g(), q.b(), q.a()});
            }
            Shading sh = p.shading();
            ShadingJson sj = sh == null || !sh.enabled() ? null
                    : new ShadingJson(sh.ambient(), sh.diffuse(), sh.specular(), sh.shininess());
            IsoJson iso = p.isoValue() == null ? null : new IsoJson(p.isoValue(), p.isoColor() == null ? null
                    : new double[] {p.isoColor().r(), p.isoColor().g(), p.isoColor().b()});
            list.add(new PresetJson(p.id(), p.name(), p.modality(), p.mode().name(), sj, iso, pts));
        }
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(new java.io.FilterOutputStream(out) {
            @Override
            public void close() throws IOException {
                flush(); // the caller owns the stream
            }
        }, new FileJson(1, list));
    }

    /** Writes presets to a file atomically (a temporary file in the same folder, then a rename). */
    public static void write(List<Preset> presets, Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(presets, out);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Reads a presets file (see {@link #read(InputStream)}). */
    public static List<Preset> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in);
        }
    }

    private static Preset preset(PresetJson p) throws IOException {
        if (p == null || p.id() == null || p.points() == null || p.points().isEmpty()) {
            throw new IOException("preset without id or points: " + (p == null ? null : p.name()));
        }
        if (p.mode() == null) {
            throw new IOException("preset " + p.id() + ": no mode");
        }
        if (p.iso() != null && p.iso().color() != null && p.iso().color().length != 3) {
            throw new IOException("preset " + p.id() + ": the iso colour must be [r, g, b]");
        }
        List<TransferFunction.Point> pts = new ArrayList<>();
        for (double[] a : p.points()) {
            if (a == null || a.length != 5) {
                throw new IOException("preset " + p.id() + ": a point must be [HU, r, g, b, alpha]");
            }
            pts.add(new TransferFunction.Point(a[0], a[1], a[2], a[3], a[4]));
        }
        Shading sh = p.shading() == null ? Shading.OFF
                : new Shading(true, p.shading().ambient(), p.shading().diffuse(), p.shading().specular(),
                p.shading().shininess());
        RenderMode mode = RenderMode.valueOf(p.mode().toUpperCase(Locale.ROOT));
        Double iso = p.iso() == null ? null : p.iso().hu();
        Rgb isoColor = p.iso() == null || p.iso().color() == null ? null
                : new Rgb(p.iso().color()[0], p.iso().color()[1], p.iso().color()[2]);
        return new Preset(p.id(), p.name() == null ? p.id() : p.name(), p.modality() == null ? "" : p.modality(),
                mode, new TransferFunction(pts), sh, iso, isoColor);
    }
}
