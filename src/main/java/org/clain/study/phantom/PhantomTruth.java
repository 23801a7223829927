package org.clain.study.phantom;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The ground truth of a phantom series, as written next to it in {@value #FILE_NAME}: the
 * geometry of the series, how voxel values were made (sampling, noise, rounding, encoding) and
 * every structure in painting order. Tests use it to compute the exact noiseless value of any
 * voxel or point, independently of how the series is read.
 */
public record PhantomTruth(String schema, int schemaVersion, String generator, String preset, long seed,
                           String coordinates, Geometry geometry, PixelEncoding pixels, Noise noise,
                           Sampling sampling, double backgroundHU, String painting, List<Window> windows,
                           List<SliceFile> files, List<Structure> structures) {

    public static final String FILE_NAME = "phantom-truth.json";
    public static final String SCHEMA = "clain-phantom-truth";
    public static final int SCHEMA_VERSION = 1;

    public PhantomTruth {
        windows = List.copyOf(windows);
        files = List.copyOf(files);
        structures = List.copyOf(structures);
        for (int i = 0; i < structures.size(); i++) {
            if (structures.get(i).order() != i) {
                throw new IllegalArgumentException("structure " + structures.get(i).name() + " has order "
                        + structures.get(i).order() + " at index " + i);
            }
        }
    }

    /**
     * The image geometry. Voxel (column c, row r, slice k), 0-based, has its centre at
     * {@code origin + c * pixelSpacing[1] * rowDirection + r * pixelSpacing[0] * columnDirection
     * + k * sliceSpacing * sliceDirection}; slice k is file {@code files[k]} with Instance Number
     * k + 1. Directions are DICOM's: rowDirection = Image Orientation (Patient) values 1-3 (along a
     * row, increasing column), columnDirection = values 4-6, sliceDirection = their cross product.
     *
     * @param pixelSpacing DICOM order: [distance between rows, distance between columns] in mm
     * @param origin       Image Position (Patient) of the first slice: the centre of its first voxel
     * @param tiltDegrees  rotation of the image planes about the patient's left-right (x) axis
     */
    public record Geometry(int rows, int columns, int slices, List<Double> pixelSpacing, double sliceSpacing,
                           double sliceThickness, Vec3 rowDirection, Vec3 columnDirection, Vec3 sliceDirection,
                           double tiltDegrees, Vec3 origin, String frameOfReferenceUID, String studyInstanceUID,
                           String seriesInstanceUID) {
        public Geometry {
            pixelSpacing = List.copyOf(pixelSpacing);
        }

        /** Patient coordinates of a (possibly fractional) voxel index. */
        public Vec3 voxelCentre(double column, double row, double slice) {
            return origin.plusScaled(rowDirection, column * pixelSpacing.get(1))
                    .plusScaled(columnDirection, row * pixelSpacing.get(0))
                    .plusScaled(sliceDirection, slice * sliceSpacing);
        }

        /** Image Position (Patient) of slice k. */
        public Vec3 slicePosition(int k) {
            return origin.plusScaled(sliceDirection, k * sliceSpacing);
        }

        /** Fractional (column, row, slice) index of a patient point (directions are orthonormal). */
        public double[] voxelIndex(Vec3 p) {
            Vec3 d = p.minus(origin);
            return new double[] {d.dot(rowDirection) / pixelSpacing.get(1), d.dot(columnDirection) / pixelSpacing.get(0),
                    d.dot(sliceDirection) / sliceSpacing};
        }
    }

    /**
     * How a voxel's value becomes a stored pixel: stored = clamp(round((value + noise - rescaleIntercept)
     * / rescaleSlope), storedMin, storedMax), round = nearest with halves up (Java's Math.round), and
     * HU = stored * rescaleSlope + rescaleIntercept.
     */
    public record PixelEncoding(int bitsAllocated, int bitsStored, int highBit, int pixelRepresentation,
                                double rescaleSlope, double rescaleIntercept, int storedMin, int storedMax,
                                String rule) {
        /** The stored value of a HU value (noise already added). */
        public int encode(double hu) {
            long s = Math.round((hu - rescaleIntercept) / rescaleSlope);
            return (int) Math.max(storedMin, Math.min(storedMax, s));
        }
    }

    /** Independent Gaussian noise per voxel (zero mean, sigmaHU), added before rounding. */
    public record Noise(String distribution, double sigmaHU, String generator) {
    }

    /**
     * {@code voxel-centre}: a voxel's noiseless value is the HU at its centre. {@code supersample}:
     * the mean of the HU at the points (c + a, r + b, k + d) for a, b, d in {@code offsets}
     * (fractions of the column, row and slice spacing), {@code offsets.size()}^3 points.
     */
    public record Sampling(String rule, List<Double> offsets, String description) {
        public Sampling {
            offsets = List.copyOf(offsets);
        }
    }

    /** A VOI window written in Window Center / Width, with its explanation. */
    public record Window(double center, double width, String explanation) {
    }

    /** One file of the series. */
    public record SliceFile(String file, int instanceNumber, String sopInstanceUID, Vec3 imagePositionPatient) {
    }

    // ---- evaluation ------------------------------------------------------------------------

    /** Fast point queries (bounding boxes computed once): use one for many points. */
    public Labeller labeller() {
        return new Labeller(this);
    }

    /**
     * Index of the last structure (in painting order) containing the point, or -1 for background.
     * Tests every structure; {@link #labeller()} gives the same answer faster for many points.
     */
    public int labelAt(Vec3 p) {
        for (int i = structures.size() - 1; i >= 0; i--) {
            if (structures.get(i).contains(p)) {
                return i;
            }
        }
        return -1;
    }

    /** Noiseless HU at a patient point. */
    public double huAt(Vec3 p) {
        int label = labelAt(p);
        return label < 0 ? backgroundHU : structures.get(label).hu();
    }

    public Structure structure(String name) {
        for (Structure s : structures) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("no structure named " + name);
    }

    // ---- JSON ------------------------------------------------------------------------------

    public static ObjectMapper mapper() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public static PhantomTruth read(Path file) throws IOException {
        PhantomTruth t = mapper().readValue(file.toFile(), PhantomTruth.class);
        if (!SCHEMA.equals(t.schema()) || t.schemaVersion() != SCHEMA_VERSION) {
            throw new IOException(file + ": not a " + SCHEMA + " version " + SCHEMA_VERSION + " file (schema "
                    + t.schema() + ", version " + t.schemaVersion() + ")");
        }
        return t;
    }

    /** Writes the JSON atomically: a temporary file in the same folder, then a rename over the target. */
    public void write(Path file) throws IOException {
        byte[] json = mapper().writeValueAsBytes(this);
        Path abs = file.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current()
                .nextLong()) + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(ch)) {
                out.write(json);
                out.write('\n');
                ch.force(false);
            }
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
