package org.clain.study.phantom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.clain.dicom.Attributes;
import org.clain.dicom.Part10Writer;
import org.clain.dicom.Tag;
import org.clain.dicom.UIDs;
import org.clain.dicom.VR;

/**
 * A synthetic CT series with known ground truth: structures defined in patient coordinates
 * ({@link Anatomy}), sampled through the image plane geometry of every slice, plus Gaussian
 * noise, written as CT Image Storage files (one per slice, Explicit VR Little Endian) and a
 * {@link PhantomTruth} file next to them. Everything, UIDs included, is a pure function of the
 * {@link Options}: the same options give byte-identical files.
 */
public final class CtPhantom {
    public static final String CT_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.2";
    static final double RESCALE_INTERCEPT = -1024;
    static final int BITS_STORED = 12;
    static final double BACKGROUND_HU = -1000;
    /** Where the anatomy sits in patient space: a typical table position. */
    static final Vec3 ANATOMY_CENTRE = new Vec3(0, 0, -350);
    /**
     * The image volume's centre relative to the anatomy: off-centre so that nothing is symmetric
     * by accident, and off the 0.025 mm lattice so that no voxel centre of the usual spacings
     * (multiples of 0.05 mm) falls exactly on a boundary at whole or half millimetres, where
     * rounding in another reader's arithmetic could flip the voxel.
     */
    static final Vec3 VOLUME_OFFSET = new Vec3(0.9137, -3.0841, 0.2113);

    private CtPhantom() {
    }

    /** How each voxel's noiseless value is taken from the structures (see {@link PhantomTruth.Sampling}). */
    public enum Sampling {
        /** The HU at the voxel centre. */
        CENTRE("voxel-centre", List.of(0.0)),
        /** The mean HU at 3 x 3 x 3 points, offsets -1/3, 0, +1/3 of the spacing along each axis (partial volume). */
        SUPERSAMPLE_3("supersample", List.of(-1.0 / 3, 0.0, 1.0 / 3));

        private final String rule;
        private final List<Double> offsets;

        Sampling(String rule, List<Double> offsets) {
            this.rule = rule;
            this.offsets = offsets;
        }
    }

    /**
     * @param pixelSpacing mm between the centres of adjacent pixels, rows and columns alike
     * @param tiltDegrees  rotation of the image planes about the patient's left-right axis (0: axial)
     */
    public record Options(Preset preset, long seed, int size, double pixelSpacing, int slices, double sliceSpacing,
                          double sliceThickness, double tiltDegrees, Sampling sampling, double noiseSigma) {
        public Options {
            if (preset == null || sampling == null) {
                throw new IllegalArgumentException("preset and sampling are required");
            }
            if (size < 8 || size > 2048 || slices < 1 || slices > 4096) {
                throw new IllegalArgumentException("size 8..2048 and 1..4096 slices, got " + size + " and " + slices);
            }
            if (!(pixelSpacing > 0) || !(sliceSpacing > 0) || !(sliceThickness > 0) || !(noiseSigma >= 0)
                    || !(Math.abs(tiltDegrees) < 80)) {
                throw new IllegalArgumentException("spacings and thickness must be positive, noise >= 0, |tilt| < 80");
            }
        }

        /** 256 x 256 pixels of 0.7 mm, 120 slices 1.25 mm apart and thick, axial, voxel-centre sampling, sigma 10 HU. */
        public static Options defaults(Preset preset, long seed) {
            return new Options(preset, seed, 256, 0.7, 120, 1.25, 1.25, 0, Sampling.CENTRE, 10);
        }

        /** A matrix of size x size over the same field of view (512: 0.35 mm pixels). */
        public Options withMatrix(int newSize) {
            return new Options(preset, seed, newSize, pixelSpacing * size / newSize, slices, sliceSpacing,
                    sliceThickness, tiltDegrees, sampling, noiseSigma);
        }

        /** The same slab, covered by n slices (spacing and thickness scaled). */
        public Options withSlices(int n) {
            double f = (double) slices / n;
            return new Options(preset, seed, size, pixelSpacing, n, sliceSpacing * f, sliceThickness * f,
                    tiltDegrees, sampling, noiseSigma);
        }

        public Options withTilt(double degrees) {
            return new Options(preset, seed, size, pixelSpacing, slices, sliceSpacing, sliceThickness, degrees,
                    sampling, noiseSigma);
        }

        /** Planes tilted 15 degrees about the left-right axis. */
        public Options oblique() {
            return withTilt(15);
        }

        public Options withSampling(Sampling s) {
            return new Options(preset, seed, size, pixelSpacing, slices, sliceSpacing, sliceThickness, tiltDegrees,
                    s, noiseSigma);
        }

        public Options withNoise(double sigma) {
            return new Options(preset, seed, size, pixelSpacing, slices, sliceSpacing, sliceThickness, tiltDegrees,
                    sampling, sigma);
        }

        /** Every option, for names of deterministic UIDs. */
        String signature() {
            return String.format(Locale.ROOT, "%s|%d|%d|%s|%d|%s|%s|%s|%s|%s", preset.id(), seed, size,
                    Double.toString(pixelSpacing), slices, Double.toString(sliceSpacing),
                    Double.toString(sliceThickness), Double.toString(tiltDegrees), sampling.rule,
                    Double.toString(noiseSigma));
        }
    }

    /** The default geometry (see {@link Options#defaults}) for the preset and seed. */
    public static PhantomTruth write(Path outDir, Preset preset, long seed) throws IOException {
        return write(outDir, Options.defaults(preset, seed));
    }

    /**
     * Writes the series as {@code CT0001.dcm ...} and {@value PhantomTruth#FILE_NAME} into
     * {@code outDir} (created if needed; files of the same names are replaced, nothing else is
     * touched) and returns the truth.
     */
    public static PhantomTruth write(Path outDir, Options o) throws IOException {
        Files.createDirectories(outDir);
        PhantomTruth truth = truth(o);
        try {
            IntStream.range(0, o.slices()).parallel().forEach(k -> {
                try {
                    Part10Writer.write(outDir.resolve(truth.files().get(k).file()), slice(truth, o, k));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        truth.write(outDir.resolve(PhantomTruth.FILE_NAME));
        return truth;
    }

    /** The truth the options describe (geometry, UIDs, structures), without writing anything. */
    public static PhantomTruth truth(Options o) {
        String name = "clain-phantom|v" + PhantomTruth.SCHEMA_VERSION + "|" + o.signature();
        double t = Math.toRadians(o.tiltDegrees());
        Vec3 rowDir = Vec3.X;
        Vec3 colDir = new Vec3(0, Math.cos(t), Math.sin(t));
        Vec3 normal = rowDir.cross(colDir);
        Vec3 centre = ANATOMY_CENTRE.plus(VOLUME_OFFSET);
        Vec3 origin = centre.plusScaled(rowDir, -(o.size() - 1) / 2.0 * o.pixelSpacing())
                .plusScaled(colDir, -(o.size() - 1) / 2.0 * o.pixelSpacing())
                .plusScaled(normal, -(o.slices() - 1) / 2.0 * o.sliceSpacing());
        PhantomTruth.Geometry g = new PhantomTruth.Geometry(o.size(), o.size(), o.slices(),
                List.of(o.pixelSpacing(), o.pixelSpacing()), o.sliceSpacing(), o.sliceThickness(), rowDir, colDir,
                normal, o.tiltDegrees(), origin, UIDs.fromName(name + "|frame-of-reference"),
                UIDs.fromName(name + "|study"), UIDs.fromName(name + "|series"));
        List<PhantomTruth.SliceFile> files = new ArrayList<>();
        for (int k = 0; k < o.slices(); k++) {
            files.add(new PhantomTruth.SliceFile(String.format(Locale.ROOT, "CT%04d.dcm", k + 1), k + 1,
                    UIDs.fromName(name + "|instance|" + k), g.slicePosition(k)));
        }
        int storedMax = (1 << BITS_STORED) - 1;
        PhantomTruth.PixelEncoding px = new PhantomTruth.PixelEncoding(16, BITS_STORED, BITS_STORED - 1, 0, 1,
                RESCALE_INTERCEPT, 0, storedMax, "stored = clamp(round((value + noise - rescaleIntercept) / rescaleSlope), "
                + "storedMin, storedMax), round = nearest, halves up (Java Math.round); HU = stored * rescaleSlope + "
                + "rescaleIntercept");
        PhantomTruth.Noise noise = new PhantomTruth.Noise("gaussian", o.noiseSigma(),
                "independent per voxel: SplitMix64 seeded per slice from (seed, slice index), Box-Muller with "
                + "StrictMath, drawn in raster order (row by row, columns left to right)");
        String samplingText = o.sampling() == Sampling.CENTRE
                ? "the voxel's noiseless value is the HU of the last structure containing its centre, else backgroundHU"
                : "the voxel's noiseless value is the mean HU over the points (c+a, r+b, k+d), a, b, d in offsets "
                + "(fractions of column, row and slice spacing); HU at a point: the last structure containing it, "
                + "else backgroundHU";
        return new PhantomTruth(PhantomTruth.SCHEMA, PhantomTruth.SCHEMA_VERSION, "Clain CtPhantom (org.clain.study.phantom)",
                o.preset().id(), o.seed(),
                "DICOM patient coordinates (LPS), millimetres: +x patient left, +y posterior, +z superior",
                g, px, noise, new PhantomTruth.Sampling(o.sampling().rule, o.sampling().offsets, samplingText),
                BACKGROUND_HU, "structures are painted in list order: a structure overwrites the earlier ones "
                + "wherever it contains the point; shapes are closed sets",
                o.preset().windows(), files, Anatomy.of(o.preset(), ANATOMY_CENTRE));
    }

    // ---- pixels ----------------------------------------------------------------------------

    /** Stored values of slice k, row-major. */
    static short[] pixels(PhantomTruth truth, Options o, int k) {
        PhantomTruth.Geometry g = truth.geometry();
        int n = g.columns();
        List<Structure> structures = truth.structures();
        double[] hu = new double[structures.size()];
        Structure.Bounds[] bounds = new Structure.Bounds[structures.size()];
        for (int i = 0; i < hu.length; i++) {
            hu[i] = structures.get(i).hu();
            bounds[i] = structures.get(i).bounds();
        }
        List<Double> offsets = o.sampling().offsets;
        double count = (double) offsets.size() * offsets.size() * offsets.size();
        Vec3 step = g.rowDirection().times(g.pixelSpacing().get(1));
        short[] out = new short[g.rows() * n];
        double[] value = new double[n];
        int[] label = new int[n];
        Noise noise = new Noise(o.seed(), k);
        for (int r = 0; r < g.rows(); r++) {
            java.util.Arrays.fill(value, 0);
            for (double d : offsets) {
                for (double b : offsets) {
                    for (double a : offsets) {
                        Vec3 start = g.voxelCentre(a, r + b, k + d);
                        paintLine(structures, bounds, start, step, label);
                        for (int c = 0; c < n; c++) {
                            value[c] += label[c] < 0 ? BACKGROUND_HU : hu[label[c]];
                        }
                    }
                }
            }
            for (int c = 0; c < n; c++) {
                out[r * n + c] = (short) truth.pixels().encode(value[c] / count + o.noiseSigma() * noise.nextGaussian());
            }
        }
        return out;
    }

    /**
     * Labels the points start + c * step, c = 0..label.length-1, with the last structure that
     * contains each: structures are tried from the last painted to the first, each only on the
     * columns where the line crosses its bounding box and that no later structure has taken.
     */
    static void paintLine(List<Structure> structures, Structure.Bounds[] bounds, Vec3 start, Vec3 step, int[] label) {
        java.util.Arrays.fill(label, -1);
        int n = label.length;
        for (int i = structures.size() - 1; i >= 0; i--) {
            double lo = Double.NEGATIVE_INFINITY;
            double hi = Double.POSITIVE_INFINITY;
            for (int axis = 0; axis < 3 && lo <= hi; axis++) {
                double p = start.get(axis);
                double s = step.get(axis);
                double min = bounds[i].min().get(axis);
                double max = bounds[i].max().get(axis);
                if (Math.abs(s) < 1e-12) {
                    if (p < min || p > max) {
                        hi = Double.NEGATIVE_INFINITY;
                    }
                } else {
                    double t1 = (min - p) / s;
                    double t2 = (max - p) / s;
                    lo = Math.max(lo, Math.min(t1, t2));
                    hi = Math.min(hi, Math.max(t1, t2));
                }
            }
            if (lo > hi) {
                continue;
            }
            // one column of margin each side: the exact test is contains()
            int from = (int) Math.max(0, Math.floor(lo) - 1);
            int to = (int) Math.min(n - 1, Math.ceil(hi) + 1);
            Structure st = structures.get(i);
            for (int c = from; c <= to; c++) {
                if (label[c] < 0 && st.contains(start.plusScaled(step, c))) {
                    label[c] = i;
                }
            }
        }
    }

    /** SplitMix64 (Steele, Lea, Flood 2014) and Box-Muller: reproducible on any JVM. */
    static final class Noise {
        private long state;
        private double spare;
        private boolean hasSpare;

        Noise(long seed, int slice) {
            state = seed * 0x9E3779B97F4A7C15L + (slice + 1L) * 0xD1B54A32D192ED03L;
            nextLong(); // decorrelate nearby seeds
        }

        long nextLong() {
            long z = (state += 0x9E3779B97F4A7C15L);
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        double nextDouble() {
            return (nextLong() >>> 11) * 0x1.0p-53;
        }

        double nextGaussian() {
            if (hasSpare) {
                hasSpare = false;
                return spare;
            }
            double u1 = 1 - nextDouble(); // (0, 1]
            double u2 = nextDouble();
            double r = StrictMath.sqrt(-2 * StrictMath.log(u1));
            double a = 2 * Math.PI * u2;
            spare = r * StrictMath.sin(a);
            hasSpare = true;
            return r * StrictMath.cos(a);
        }
    }

    // ---- DICOM -----------------------------------------------------------------------------

    /** The dataset of slice k: CT Image IOD (PS3.3 A.3) with the modules listed in the class comment. */
    static Attributes slice(PhantomTruth truth, Options o, int k) {
        PhantomTruth.Geometry g = truth.geometry();
        PhantomTruth.SliceFile f = truth.files().get(k);
        Attributes ds = new Attributes();
        String date = "20250101";
        String time = "120000";
        // SOP Common
        ds.setString(Tag.SOPClassUID, VR.UI, CT_IMAGE_STORAGE);
        ds.setString(Tag.SOPInstanceUID, VR.UI, f.sopInstanceUID());
        ds.setString(0x00080012, VR.DA, date); // Instance Creation Date
        ds.setString(0x00080013, VR.TM, time); // Instance Creation Time
        // General Image, CT Image
        ds.setStrings(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        ds.setString(Tag.StudyDate, VR.DA, date);
        ds.setString(Tag.SeriesDate, VR.DA, date);
        ds.setString(Tag.AcquisitionDate, VR.DA, date);
        ds.setString(Tag.ContentDate, VR.DA, date);
        ds.setString(Tag.StudyTime, VR.TM, time);
        ds.setString(Tag.SeriesTime, VR.TM, time);
        ds.setString(0x00080032, VR.TM, time); // Acquisition Time
        ds.setString(Tag.ContentTime, VR.TM, time);
        ds.setString(Tag.AccessionNumber, VR.SH, "");
        ds.setString(Tag.Modality, VR.CS, "CT");
        ds.setString(Tag.Manufacturer, VR.LO, "Clain");
        ds.setString(Tag.InstitutionName, VR.LO, "Clain synthetic data");
        ds.setString(Tag.ReferringPhysicianName, VR.PN, "");
        ds.setString(Tag.StudyDescription, VR.LO, "Clain phantom " + o.preset().id());
        ds.setString(Tag.SeriesDescription, VR.LO, String.format(Locale.ROOT, "%s seed %d%s", o.preset().id(), o.seed(),
                o.tiltDegrees() == 0 ? "" : String.format(Locale.ROOT, " tilt %s deg", Attributes.formatDS(o.tiltDegrees()))));
        ds.setString(Tag.ManufacturerModelName, VR.LO, "CtPhantom");
        // Patient
        ds.setString(Tag.PatientName, VR.PN, "Clain^Phantom");
        ds.setString(Tag.PatientID, VR.LO, "CLAIN-PHANTOM");
        ds.setString(Tag.PatientBirthDate, VR.DA, "");
        ds.setString(Tag.PatientSex, VR.CS, "O");
        ds.setString(0x00120062, VR.CS, "NO"); // Patient Identity Removed: nothing to remove
        // acquisition (CT Image)
        ds.setString(0x00180015, VR.CS, o.preset().bodyPart()); // Body Part Examined
        ds.setDoubles(Tag.SliceThickness, VR.DS, g.sliceThickness());
        ds.setDoubles(Tag.KVP, VR.DS, 120);
        ds.setDoubles(Tag.SpacingBetweenSlices, VR.DS, g.sliceSpacing());
        ds.setDoubles(0x00180090, VR.DS, 500); // Data Collection Diameter
        ds.setString(0x00181020, VR.LO, "clain-0.1"); // Software Versions
        ds.setDoubles(0x00181100, VR.DS, g.columns() * g.pixelSpacing().get(1)); // Reconstruction Diameter
        ds.setInts(0x00181150, VR.IS, 500); // Exposure Time (ms)
        ds.setInts(0x00181151, VR.IS, 200); // X-Ray Tube Current (mA)
        ds.setInts(0x00181152, VR.IS, 100); // Exposure (mAs)
        ds.setString(0x00181210, VR.SH, "STANDARD"); // Convolution Kernel
        ds.setString(0x00185100, VR.CS, "HFS"); // Patient Position
        // General Study, General Series, Frame of Reference
        ds.setString(Tag.StudyInstanceUID, VR.UI, g.studyInstanceUID());
        ds.setString(Tag.SeriesInstanceUID, VR.UI, g.seriesInstanceUID());
        ds.setString(Tag.StudyID, VR.SH, "PHANTOM");
        ds.setInts(Tag.SeriesNumber, VR.IS, 1);
        ds.setInts(Tag.AcquisitionNumber, VR.IS, 1);
        ds.setInts(Tag.InstanceNumber, VR.IS, f.instanceNumber());
        // Image Plane
        Vec3 ipp = f.imagePositionPatient();
        ds.setDoubles(Tag.ImagePositionPatient, VR.DS, ipp.x(), ipp.y(), ipp.z());
        Vec3 rd = g.rowDirection();
        Vec3 cd = g.columnDirection();
        ds.setDoubles(Tag.ImageOrientationPatient, VR.DS, rd.x(), rd.y(), rd.z(), cd.x(), cd.y(), cd.z());
        ds.setString(Tag.FrameOfReferenceUID, VR.UI, g.frameOfReferenceUID());
        ds.setString(Tag.PositionReferenceIndicator, VR.LO, "");
        ds.setDoubles(Tag.SliceLocation, VR.DS, ipp.dot(g.sliceDirection()));
        ds.setString(0x00204000, VR.LT, "Synthetic phantom; ground truth in " + PhantomTruth.FILE_NAME); // Image Comments
        // Image Pixel
        PhantomTruth.PixelEncoding px = truth.pixels();
        ds.setInts(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setInts(Tag.Rows, VR.US, g.rows());
        ds.setInts(Tag.Columns, VR.US, g.columns());
        ds.setDoubles(Tag.PixelSpacing, VR.DS, g.pixelSpacing().get(0), g.pixelSpacing().get(1));
        ds.setInts(Tag.BitsAllocated, VR.US, px.bitsAllocated());
        ds.setInts(Tag.BitsStored, VR.US, px.bitsStored());
        ds.setInts(Tag.HighBit, VR.US, px.highBit());
        ds.setInts(Tag.PixelRepresentation, VR.US, px.pixelRepresentation());
        ds.setString(0x00282110, VR.CS, "00"); // Lossy Image Compression: never
        // VOI LUT, Modality LUT (CT Image)
        List<PhantomTruth.Window> w = truth.windows();
        ds.setDoubles(Tag.WindowCenter, VR.DS, w.stream().mapToDouble(PhantomTruth.Window::center).toArray());
        ds.setDoubles(Tag.WindowWidth, VR.DS, w.stream().mapToDouble(PhantomTruth.Window::width).toArray());
        ds.setStrings(Tag.WindowCenterWidthExplanation, VR.LO,
                w.stream().map(PhantomTruth.Window::explanation).toArray(String[]::new));
        ds.setDoubles(Tag.RescaleIntercept, VR.DS, px.rescaleIntercept());
        ds.setDoubles(Tag.RescaleSlope, VR.DS, px.rescaleSlope());
        ds.setString(Tag.RescaleType, VR.LO, "HU");
        short[] pixels = pixels(truth, o, k);
        byte[] bytes = new byte[pixels.length * 2];
        for (int i = 0; i < pixels.length; i++) {
            bytes[2 * i] = (byte) pixels[i];
            bytes[2 * i + 1] = (byte) (pixels[i] >>> 8);
        }
        ds.setBytes(Tag.PixelData, VR.OW, bytes);
        return ds;
    }
}
