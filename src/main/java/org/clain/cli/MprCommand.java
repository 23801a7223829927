package org.clain.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.clain.dicom.DicomException;
import org.clain.geom.Vec3;
import org.clain.render.MprRenderer;
import org.clain.render.Plane;
import org.clain.render.Slab;
import org.clain.render.WindowLevel;
import org.clain.study.Scanner;
import org.clain.study.Series;
import org.clain.study.StudyIndex;
import org.clain.study.Volume;
import org.clain.study.VolumeLoader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code clain mpr}: one multiplanar reformat of a series to PNG (and optionally raw HU as JSON).
 * Exit codes: 0 done, 1 input unreadable or output not writable (the file and the reason on
 * stderr), 2 usage.
 */
@Command(name = "mpr", mixinStandardHelpOptions = true,
        description = "Reformat a series on an axial, coronal, sagittal or oblique plane (optionally a thick slab) "
                + "and write it as an 8-bit PNG.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:input unreadable or output not writable", "2:usage error"})
public final class MprCommand implements Callable<Integer> {
    static final int OK = 0;
    static final int UNREADABLE = 1;
    static final int USAGE = 2;

    enum PlaneKind { axial, coronal, sagittal, oblique }

    enum Mode { mip, minip, avg }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "folder (or file) holding the series; the first series found is used")
    Path input;

    @Option(names = "--plane", defaultValue = "axial", description = "axial, coronal, sagittal or oblique (default ${DEFAULT-VALUE})")
    PlaneKind plane;

    @Option(names = "--center", paramLabel = "X,Y,Z", description = "plane centre in patient mm (LPS); default the volume's centre")
    String center;

    @Option(names = "--normal", paramLabel = "X,Y,Z", description = "plane normal (viewing direction) for --plane oblique")
    String normal;

    @Option(names = "--up", paramLabel = "X,Y,Z", description = "direction shown at the top of an oblique image")
    String up;

    @Option(names = "--slab", paramLabel = "MM", description = "slab thickness in mm (default 0: thin)")
    double slab;

    @Option(names = "--mode", description = "slab mode: mip, minip or avg (default ${DEFAULT-VALUE})", defaultValue = "mip")
    Mode mode;

    @Option(names = "--size", paramLabel = "N", description = "image width and height in pixels (default ${DEFAULT-VALUE})", defaultValue = "512")
    int size;

    @Option(names = "--pixel", paramLabel = "MM", description = "pixel size in mm (default: the volume's largest extent / size)")
    Double pixel;

    @Option(names = "--window", paramLabel = "C,W", description = "window centre and width (default the series' window, else the image range)")
    String window;

    @ArgGroup(exclusive = true)
    BackendChoice backend;

    static final class BackendChoice {
        @Option(names = "--gpu", description = "render with GL (falls back to the CPU with a message if GL cannot be had)")
        boolean gpu;

        @Option(names = "--cpu", description = "render on the CPU")
        boolean cpu;
    }

    @Option(names = "--out", required = true, paramLabel = "FILE.png", description = "PNG to write")
    Path out;

    @Option(names = "--raw", paramLabel = "FILE.json", description = "also write the HU values (null outside the volume) and the plane geometry as JSON")
    Path raw;

    public MprCommand() {
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        // usage checks first: they need no data
        Vec3 centerVec;
        Vec3 normalVec;
        Vec3 upVec;
        WindowLevel wl;
        try {
            centerVec = center == null ? null : vec("--center", center);
            normalVec = normal == null ? null : vec("--normal", normal);
            upVec = up == null ? null : vec("--up", up);
            wl = window == null ? null : windowOf(window);
            if (plane == PlaneKind.oblique && normalVec == null) {
                throw new IllegalArgumentException("--plane oblique needs --normal X,Y,Z");
            }
            if (plane != PlaneKind.oblique && (normalVec != null || upVec != null)) {
                throw new IllegalArgumentException("--normal and --up apply to --plane oblique only");
            }
            if (normalVec != null && normalVec.norm() == 0) {
                throw new IllegalArgumentException("--normal must not be zero");
            }
            if (size < 1 || size > 8192) {
                throw new IllegalArgumentException("--size must be 1..8192");
            }
            if (pixel != null && !(pixel > 0 && pixel < 1e4)) {
                throw new IllegalArgumentException("--pixel must be a positive number of mm");
            }
            if (!(slab >= 0) || Double.isInfinite(slab)) {
                throw new IllegalArgumentException("--slab must be >= 0 mm");
            }
        } catch (IllegalArgumentException e) {
            err.println("clain mpr: " + e.getMessage());
            err.println(spec.commandLine().getUsageMessage());
            err.flush();
            return USAGE;
        }

        Volume volume;
        try {
            volume = load(input);
        } catch (NoSuchFileException e) {
            err.println("clain mpr: " + input + ": no such file or directory");
            err.flush();
            return UNREADABLE;
        } catch (IOException e) {
            err.println("clain mpr: " + e.getMessage());
            err.flush();
            return UNREADABLE;
        }

        Vec3 c = centerVec != null ? centerVec
                : volume.toPatient((volume.nx() - 1) / 2.0, (volume.ny() - 1) / 2.0, (volume.nz() - 1) / 2.0);
        double px = pixel != null ? pixel : defaultPixel(volume, size);
        Plane p;
        try {
            p = switch (plane) {
                case axial -> Plane.axial(c, px, size, size);
                case coronal -> Plane.coronal(c, px, size, size);
                case sagittal -> Plane.sagittal(c, px, size, size);
                case oblique -> Plane.oblique(c, normalVec, upVec, px, size, size);
            };
        } catch (IllegalArgumentException e) {
            err.println("clain mpr: " + e.getMessage());
            err.flush();
            return USAGE;
        }
        Slab s = slab == 0 ? Slab.NONE : Slab.of(slab, Slab.Mode.valueOf(mode.name().toUpperCase(Locale.ROOT)));
        MprRenderer.Backend want = backend == null ? MprRenderer.Backend.AUTO
                : backend.gpu ? MprRenderer.Backend.GPU : MprRenderer.Backend.CPU;

        long t0 = System.nanoTime();
        float[] hu;
        String used;
        try (MprRenderer r = MprRenderer.open(volume, want)) {
            if (r.fallbackReason() != null && want == MprRenderer.Backend.GPU) {
                err.println("clain mpr: --gpu: " + r.fallbackReason() + "; using the CPU");
                err.flush();
            }
            hu = r.reslice(p, s, null);
            used = r.backend().description();
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        if (wl == null) {
            wl = MprRenderer.defaultWindow(volume, hu, size * size);
        }
        try {
            MprRenderer.writePng(wl.toImage(hu, size, size), out);
            if (raw != null) {
                writeRaw(raw, p, s, hu, used);
            }
        } catch (IOException e) {
            err.println("clain mpr: cannot write " + (e instanceof java.nio.file.FileSystemException fe && fe.getFile() != null
                    ? fe.getFile() : out) + ": " + e.getMessage());
            err.flush();
            return UNREADABLE;
        }
        stdout.printf(Locale.ROOT, "%s %dx%d pixel %s mm%s, window %s/%s, edges L=%s R=%s T=%s B=%s, %s, %.0f ms -> %s%n",
                plane, size, size, num(px), s.thin() ? "" : ", slab " + num(s.thickness()) + " mm " + s.mode(),
                num(wl.center()), num(wl.width()),
                p.leftLetters(), p.rightLetters(), p.topLetters(), p.bottomLetters(), used, ms, out);
        stdout.flush();
        return OK;
    }

    /** The first image series (its first stack) under a folder or file. */
    static Volume load(Path input) throws IOException {
        if (!Files.exists(input)) {
            throw new NoSuchFileException(input.toString());
        }
        if (!Files.isReadable(input)) {
            throw new IOException(input + ": not readable (permission denied)");
        }
        StudyIndex index = Scanner.scan(List.of(input));
        if (index.series().isEmpty()) {
            String why = index.skipped().isEmpty() ? "no DICOM files found"
                    : index.skipped().size() + " file(s) skipped, e.g. " + index.skipped().get(0).path() + ": "
                    + index.skipped().get(0).reason();
            throw new IOException(input + ": no image series (" + why + ")");
        }
        Series series = index.series().get(0);
        if (series.stacks().isEmpty()) {
            throw new IOException(input + ": series " + series.seriesInstanceUid() + " has no stack of slices to reformat");
        }
        try {
            return VolumeLoader.load(series.stacks().get(0));
        } catch (DicomException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IOException(input + ": " + e.getMessage(), e);
        }
    }

    static double defaultPixel(Volume v, int size) {
        double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
        double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (int k = 0; k < 8; k++) {
            Vec3 q = v.toPatient((k & 1) == 0 ? -0.5 : v.nx() - 0.5, (k & 2) == 0 ? -0.5 : v.ny() - 0.5,
                    (k & 4) == 0 ? -0.5 : v.nz() - 0.5);
            double[] a = q.toArray();
            for (int i = 0; i < 3; i++) {
                lo[i] = Math.min(lo[i], a[i]);
                hi[i] = Math.max(hi[i], a[i]);
            }
        }
        double extent = Math.max(hi[0] - lo[0], Math.max(hi[1] - lo[1], hi[2] - lo[2]));
        return extent / size;
    }

    private static String num(double x) {
        return new java.math.BigDecimal(x).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    static Vec3 vec(String name, String s) {
        String[] p = s.split(",", -1);
        if (p.length != 3) {
            throw new IllegalArgumentException(name + " wants X,Y,Z, got '" + s + "'");
        }
        try {
            Vec3 v = new Vec3(Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim()), Double.parseDouble(p[2].trim()));
            if (!Double.isFinite(v.x()) || !Double.isFinite(v.y()) || !Double.isFinite(v.z())) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " wants three numbers X,Y,Z, got '" + s + "'");
        }
    }

    static WindowLevel windowOf(String s) {
        String[] p = s.split(",", -1);
        try {
            if (p.length == 2) {
                return new WindowLevel(Double.parseDouble(p[0].trim()), Double.parseDouble(p[1].trim()));
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("--window wants C,W with W >= 1, got '" + s + "'");
    }

    private static void writeRaw(Path file, Plane p, Slab s, float[] hu, String backend) throws IOException {
        Path abs = file.toAbsolutePath();
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
        try {
            try (JsonGenerator g = new JsonFactory().createGenerator(tmp.toFile(), JsonEncoding.UTF8)) {
                g.writeStartObject();
                g.writeNumberField("width", p.width());
                g.writeNumberField("height", p.height());
                g.writeNumberField("pixelSize", p.pixelSize());
                writeVec(g, "center", p.center());
                writeVec(g, "u", p.u());
                writeVec(g, "v", p.v());
                writeVec(g, "normal", p.normal());
                writeVec(g, "origin", p.origin());
                g.writeNumberField("slabThickness", s.thickness());
                g.writeStringField("slabMode", s.thin() ? "none" : s.mode().name().toLowerCase(Locale.ROOT));
                g.writeStringField("backend", backend);
                g.writeStringField("units", "modality values (HU for CT), rows top to bottom, null outside the volume");
                g.writeArrayFieldStart("hu");
                for (int i = 0; i < p.width() * p.height(); i++) {
                    if (Float.isNaN(hu[i])) {
                        g.writeNull();
                    } else {
                        g.writeNumber(hu[i]);
                    }
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void writeVec(JsonGenerator g, String name, Vec3 v) throws IOException {
        g.writeArrayFieldStart(name);
        g.writeNumber(v.x());
        g.writeNumber(v.y());
        g.writeNumber(v.z());
        g.writeEndArray();
    }
}
