package org.clain.study;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.clain.geom.Affine;
import org.clain.geom.Vec3;

/**
 * A 3D image: 16-bit stored values kept once, x fastest, and the geometry. Modality values (HU
 * for CT) are stored * slope + intercept, computed on read (per slice, as slices may carry their
 * own rescale), never by copying the voxels.
 *
 * <p>Voxels live in slabs of many slices ({@link #allocateSlabs}): slice z is the nx*ny values of
 * {@link #data(int) data(z)} from {@link #offset(int) offset(z)}. A slab is one large array, which
 * the garbage collector allocates outside the young generation and never copies; one array per
 * 512x512 slice was copied by every young collection during a load, and on heaps of 2 GiB or less
 * (1 MiB G1 regions) each such slice filled a whole region: twice the voxels' memory.
 */
public final class Volume {
    private static final long SLAB_BYTES = 64L << 20;
    /** An array's header, generously: the slab and its header stay within SLAB_BYTES. */
    private static final long ARRAY_HEADER_ROOM = 64;
    private final int nx;
    private final int ny;
    private final int nz;
    private final short[][] data;
    private final int[] offset;
    /** For a volume computed on use: slab index to its slices, else null (every slice is in {@link #data}). */
    private final IntFunction<short[]> slabSource;
    private final int slicesPerSlab;
    private final boolean signed;
    private final double[] slope;
    private final double[] intercept;
    private final Affine voxelToPatient;
    private final Affine patientToVoxel;
    private final String frameOfReferenceUid;
    private final String modality;
    private final double[] windowCenter;
    private final double[] windowWidth;
    private final Integer paddingValue;
    private double quantizationError;
    private String valueUnit;
    private StandardizedUptake uptake;
    private Map<Integer, String> undecodedSlices = Map.of();

    /** A volume over one array per slice (small and synthetic volumes). */
    public Volume(int nx, int ny, int nz, short[][] slices, boolean signed, double[] slope, double[] intercept,
                  Affine voxelToPatient, String frameOfReferenceUid, String modality, double[] windowCenter,
                  double[] windowWidth, Integer paddingValue) {
        this(nx, ny, nz, checkCount(slices, nz), 1, signed, slope, intercept, voxelToPatient, frameOfReferenceUid,
                modality, windowCenter, windowWidth, paddingValue);
    }

    private static short[][] checkCount(short[][] slices, int nz) {
        if (slices.length != nz) {
            throw new IllegalArgumentException(slices.length + " slices for nz=" + nz);
        }
        return slices;
    }

    /**
     * A volume over slabs of {@code slicesPerSlab} consecutive slices each (the last may hold
     * fewer), as made by {@link #allocateSlabs}.
     */
    public Volume(int nx, int ny, int nz, short[][] slabs, int slicesPerSlab, boolean signed, double[] slope,
                  double[] intercept, Affine voxelToPatient, String frameOfReferenceUid, String modality,
                  double[] windowCenter, double[] windowWidth, Integer paddingValue) {
        this(nx, ny, nz, slabs, null, slicesPerSlab, signed, slope, intercept, voxelToPatient, frameOfReferenceUid,
                modality, windowCenter, windowWidth, paddingValue);
    }

    /**
     * A volume whose slabs ({@code slicesPerSlab} slices each, the last may hold fewer, as
     * {@link #allocateSlabs} lays them out) are computed by {@code slab} when first read: for
     * derived values seldom read, such as the luma of a colour stack, which only measurements need.
     */
    public static Volume computedOnUse(int nx, int ny, int nz, int slicesPerSlab, IntFunction<short[]> slab,
                                       boolean signed, double[] slope, double[] intercept, Affine voxelToPatient,
                                       String frameOfReferenceUid, String modality) {
        return new Volume(nx, ny, nz, null, slab, slicesPerSlab, signed, slope, intercept, voxelToPatient,
                frameOfReferenceUid, modality, new double[0], new double[0], null);
    }

    private Volume(int nx, int ny, int nz, short[][] slabs, IntFunction<short[]> slabSource, int slicesPerSlab,
                   boolean signed, double[] slope, double[] intercept, Affine voxelToPatient,
                   String frameOfReferenceUid, String modality, double[] windowCenter, double[] windowWidth,
                   Integer paddingValue) {
        if (slope.length != nz || intercept.length != nz) {
            throw new IllegalArgumentException("rescale arrays do not match nz=" + nz);
        }
        int sliceVoxels = nx * ny;
        this.data = new short[nz][];
        this.offset = new int[nz];
        this.slabSource = slabSource;
        this.slicesPerSlab = slicesPerSlab;
        for (int z = 0; z < nz; z++) {
            int slab = z / slicesPerSlab;
            int at = (z % slicesPerSlab) * sliceVoxels;
            offset[z] = at;
            if (slabSource != null) {
                continue;
            }
            if (slab >= slabs.length || slabs[slab] == null || slabs[slab].length < at + sliceVoxels) {
                throw new IllegalArgumentException("slice " + z + " of " + nx + "x" + ny + " is not in its slab");
            }
            data[z] = slabs[slab];
        }
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.signed = signed;
        this.slope = slope;
        this.intercept = intercept;
        this.voxelToPatient = voxelToPatient;
        this.patientToVoxel = voxelToPatient.inverse();
        this.frameOfReferenceUid = frameOfReferenceUid;
        this.modality = modality;
        this.windowCenter = windowCenter;
        this.windowWidth = windowWidth;
        this.paddingValue = paddingValue;
    }

    public int nx() {
        return nx;
    }

    public int ny() {
        return ny;
    }

    public int nz() {
        return nz;
    }

    /** False for unsigned 16-bit data (values 0..65535 kept in the short's bits). */
    public boolean signed() {
        return signed;
    }

    /** Slices per slab: slabs up to 64 MiB, a whole number of G1 regions of any size up to 32 MiB. */
    public static int slicesPerSlab(int nx, int ny, int nz) {
        return slicesPerSlab(nx, ny, nz, SLAB_BYTES);
    }

    /**
     * Slices per slab for a volume allocated and filled by {@code threads} threads: 64 MiB slabs
     * when the volume fills at least one per thread, else 32 MiB ones (still a whole number of
     * regions of any size up to 32 MiB), so that no thread zeroes most of the volume alone.
     */
    public static int slicesPerSlab(int nx, int ny, int nz, int threads) {
        long bytes = 2L * nx * ny * nz;
        return slicesPerSlab(nx, ny, nz, bytes >= threads * SLAB_BYTES ? SLAB_BYTES : SLAB_BYTES / 2);
    }

    private static int slicesPerSlab(int nx, int ny, int nz, long slabBytes) {
        long sliceBytes = 2L * nx * ny;
        long room = slabBytes - ARRAY_HEADER_ROOM;
        return (int) Math.max(1, Math.min(Math.max(nz, 1), room / Math.max(sliceBytes, 1)));
    }

    /** Zeroed slabs of {@link #slicesPerSlab} slices each (the last may hold fewer), for the slab constructor. */
    public static short[][] allocateSlabs(int nx, int ny, int nz) {
        return allocateSlabs(nx, ny, nz, slicesPerSlab(nx, ny, nz));
    }

    /**
     * Zeroed slabs of {@code perSlab} slices each (the last may hold fewer), allocated in parallel:
     * the JVM zeroes a new array in the allocating thread, and the first touch of fresh heap (a page
     * fault per 4 KiB, slow on virtual machines) is the larger part of a first load.
     */
    public static short[][] allocateSlabs(int nx, int ny, int nz, int perSlab) {
        short[][] slabs = new short[(nz + perSlab - 1) / perSlab][];
        IntStream.range(0, slabs.length).parallel()
                .forEach(i -> slabs[i] = new short[Math.min(perSlab, nz - i * perSlab) * nx * ny]);
        return slabs;
    }

    /** The array holding slice z (from {@link #offset(int)}, x fastest). Shared: do not modify. */
    public short[] data(int z) {
        return slabSource == null ? data[z] : computed(z);
    }

    /** Slice z of a volume computed on use, its slab computed first if it has not been. */
    private synchronized short[] computed(int z) {
        if (data[z] == null) {
            int slab = z / slicesPerSlab;
            short[] values = slabSource.apply(slab);
            for (int k = slab * slicesPerSlab; k < Math.min(nz, (slab + 1) * slicesPerSlab); k++) {
                data[k] = values;
            }
        }
        return data[z];
    }

    /** Index of voxel (0, 0, z) in {@link #data(int) data(z)}. */
    public int offset(int z) {
        return offset[z];
    }

    /** A copy of slice z, x fastest. */
    public short[] copySlice(int z) {
        return Arrays.copyOfRange(data(z), offset[z], offset[z] + nx * ny);
    }

    public int stored(int x, int y, int z) {
        short s = data(z)[offset[z] + y * nx + x];
        return signed ? s : s & 0xFFFF;
    }

    /** Modality value (HU for CT) of a voxel. */
    public double value(int x, int y, int z) {
        return stored(x, y, z) * slope[z] + intercept[z];
    }

    public double slope(int z) {
        return slope[z];
    }

    public double intercept(int z) {
        return intercept[z];
    }

    /** True when every slice shares one rescale (shaders then need one slope and intercept). */
    public boolean uniformRescale() {
        for (int z = 1; z < nz; z++) {
            if (slope[z] != slope[0] || intercept[z] != intercept[0]) {
                return false;
            }
        }
        return true;
    }

    public Affine voxelToPatient() {
        return voxelToPatient;
    }

    public Affine patientToVoxel() {
        return patientToVoxel;
    }

    public Vec3 toPatient(double x, double y, double z) {
        return voxelToPatient.apply(new Vec3(x, y, z));
    }

    public Vec3 toVoxel(Vec3 patient) {
        return patientToVoxel.apply(patient);
    }

    /** Voxel size along x, y, z in mm (lengths of the affine's columns). */
    public Vec3 spacing() {
        return new Vec3(voxelToPatient.column(0).norm(), voxelToPatient.column(1).norm(),
                voxelToPatient.column(2).norm());
    }

    public String frameOfReferenceUid() {
        return frameOfReferenceUid;
    }

    public String modality() {
        return modality;
    }

    /** DICOM Window Center values of the first slice (may be empty). */
    public double[] windowCenter() {
        return windowCenter.clone();
    }

    public double[] windowWidth() {
        return windowWidth.clone();
    }

    /**
     * 0 when every voxel's value is the file's; else the most a value may differ from it (the file's
     * samples were wider than 16 bits and were scaled into them, see {@link VolumeLoader}).
     */
    public double quantizationError() {
        return quantizationError;
    }

    /** The unit of the modality values (see {@link ValueUnit}): as loaded, else HU for CT, else none. */
    public String valueUnit() {
        return valueUnit != null ? valueUnit : "CT".equals(modality) ? "HU" : "";
    }

    /**
     * Slices that could not be decoded (left blank, stored 0), by index, with the reason: empty
     * unless the loader was asked to keep going past bad files.
     */
    public Map<Integer, String> undecodedSlices() {
        return undecodedSlices;
    }

    /**
     * What the loader knows of the values (set once, before the volume is shared): their unit, how
     * far they may be from the file's, and the slices it could not decode.
     */
    Volume withValues(String unit, double maxError, Map<Integer, String> undecoded) {
        valueUnit = unit;
        quantizationError = maxError;
        undecodedSlices = Collections.unmodifiableMap(new TreeMap<>(undecoded));
        return this;
    }

    /** The SUVbw of a PET volume (available or with the reason it is not), null for other modalities. */
    public StandardizedUptake uptake() {
        return uptake;
    }

    /** The SUVbw factor, when the volume's values have one (PET with what SUV needs), else NaN. */
    public double suvFactor() {
        return uptake == null ? Double.NaN : uptake.factor();
    }

    /** The SUL (lean body mass) factor, when the volume's values have one, else NaN. */
    public double sulFactor() {
        return uptake == null ? Double.NaN : uptake.leanFactor();
    }

    /** Set once by the loader, before the volume is shared. */
    Volume withUptake(StandardizedUptake suv) {
        uptake = suv;
        return this;
    }

    /** Pixel Padding Value (stored), or null. */
    public Integer paddingValue() {
        return paddingValue;
    }

    public long voxelCount() {
        return (long) nx * ny * nz;
    }

    /** Bytes of the arrays holding the voxels (each counted once; headers aside; not yet computed: none). */
    public synchronized long voxelBytes() {
        long n = 0;
        for (int z = 0; z < nz; z++) {
            if (data[z] != null && (z == 0 || data[z] != data[z - 1])) {
                n += 2L * data[z].length;
            }
        }
        return n;
    }
}
