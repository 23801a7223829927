package org.clain.study;

import org.clain.geom.Affine;
import org.clain.geom.Vec3;

/**
 * A 3D image: 16-bit stored values kept once, one short[] per slice (x fastest), and the
 * geometry. Modality values (HU for CT) are stored * slope + intercept, computed on read
 * (per slice, as slices may carry their own rescale), never by copying the voxels.
 */
public final class Volume {
    private final int nx;
    private final int ny;
    private final int nz;
    private final short[][] slices;
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

    public Volume(int nx, int ny, int nz, short[][] slices, boolean signed, double[] slope, double[] intercept,
                  Affine voxelToPatient, String frameOfReferenceUid, String modality, double[] windowCenter,
                  double[] windowWidth, Integer paddingValue) {
        if (slices.length != nz || slope.length != nz || intercept.length != nz) {
            throw new IllegalArgumentException("slice arrays do not match nz=" + nz);
        }
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.slices = slices;
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

    /** The slice's voxels as stored (x fastest). Shared, not copied: do not modify. */
    public short[] slice(int z) {
        return slices[z];
    }

    public int stored(int x, int y, int z) {
        short s = slices[z][y * nx + x];
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

    /** Pixel Padding Value (stored), or null. */
    public Integer paddingValue() {
        return paddingValue;
    }

    public long voxelCount() {
        return (long) nx * ny * nz;
    }

    /** Bytes held by the voxel arrays. */
    public long voxelBytes() {
        return voxelCount() * 2;
    }
}
