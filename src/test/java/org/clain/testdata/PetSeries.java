package org.clain.testdata;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.clain.dicom.Attributes;
import org.clain.dicom.Part10Writer;
import org.clain.dicom.Tag;
import org.clain.dicom.VR;

/**
 * A synthetic PET series written by the tests: {@code n}^3 voxels of {@code spacingMm} (axial,
 * first voxel at the origin), activity concentration from {@link Activity} in Bq/ml (multiples of 6
 * up to 65535), stored 16-bit with Rescale Slope 1, 2, 3 on successive slices, as PET scanners
 * write a slope per slice. The injection and
 * patient attributes are the defaults below until a test changes them with {@code edit}.
 *
 * <p>Defaults: 75 kg, 370 MBq of F-18 (half-life 6586.2 s) injected at 09:00:00, series 10:00:00,
 * acquisitions 10:00:00 + 1 min per slice, Units BQML, Decay Correction START, Corrected Image
 * including DECY.
 */
public final class PetSeries {
    public static final String UID = "1.2.826.0.1.3680043.10.543.77";
    public static final String FRAME = "1.2.826.0.1.3680043.10.543.77.0";

    /** Bq/ml of voxel (x, y, z). */
    @FunctionalInterface
    public interface Activity {
        double at(int x, int y, int z);
    }

    private PetSeries() {
    }

    public static void write(Path dir, int n, double spacingMm, Activity activity, Consumer<Attributes> edit)
            throws IOException {
        for (int z = 0; z < n; z++) {
            // a different slope on each slice, as scanners write them; values stay exact
            int slope = 1 + z % 3;
            ByteBuffer px = ByteBuffer.allocate(n * n * 2).order(ByteOrder.LITTLE_ENDIAN);
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    double stored = activity.at(x, y, z) / slope;
                    if (stored != Math.rint(stored) || stored < 0 || stored > 65535) {
                        throw new IllegalArgumentException("activity " + activity.at(x, y, z)
                                + " is not a multiple of 6 in 0..65535");
                    }
                    px.putShort((short) stored);
                }
            }
            Attributes ds = new Attributes(ByteOrder.LITTLE_ENDIAN, null);
            ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.128");
            ds.setString(Tag.SOPInstanceUID, VR.UI, UID + "." + (z + 1));
            ds.setString(Tag.Modality, VR.CS, "PT");
            ds.setString(Tag.StudyInstanceUID, VR.UI, UID + ".9");
            ds.setString(Tag.SeriesInstanceUID, VR.UI, UID);
            ds.setString(Tag.FrameOfReferenceUID, VR.UI, FRAME);
            ds.setString(Tag.PatientName, VR.PN, "PET^Phantom");
            ds.setString(Tag.PatientSex, VR.CS, "F");
            ds.setString(Tag.PatientWeight, VR.DS, "75");
            ds.setString(Tag.SeriesDate, VR.DA, "20261128");
            ds.setString(Tag.SeriesTime, VR.TM, "100000");
            ds.setString(Tag.AcquisitionDate, VR.DA, "20261128");
            ds.setString(Tag.AcquisitionTime, VR.TM, String.format("10%02d00", z % 60));
            ds.setString(Tag.Units, VR.CS, "BQML");
            ds.setString(Tag.DecayCorrection, VR.CS, "START");
            ds.setStrings(Tag.CorrectedImage, VR.CS, "NORM", "DTIM", "ATTN", "SCAT", "DECY", "RAN");
            Attributes drug = new Attributes(ByteOrder.LITTLE_ENDIAN, ds);
            drug.setString(Tag.RadiopharmaceuticalStartTime, VR.TM, "090000.00");
            drug.setString(Tag.RadionuclideTotalDose, VR.DS, "370000000");
            drug.setString(Tag.RadionuclideHalfLife, VR.DS, "6586.2");
            ds.setSequence(Tag.RadiopharmaceuticalInformationSequence, List.of(drug));
            ds.setInts(Tag.InstanceNumber, VR.IS, z + 1);
            ds.setDoubles(Tag.ImagePositionPatient, VR.DS, 0, 0, z * spacingMm);
            ds.setDoubles(Tag.ImageOrientationPatient, VR.DS, 1, 0, 0, 0, 1, 0);
            ds.setDoubles(Tag.PixelSpacing, VR.DS, spacingMm, spacingMm);
            ds.setDoubles(Tag.SliceThickness, VR.DS, spacingMm);
            MonochromePixels.set(ds, n, n, 16);
            ds.setString(Tag.RescaleIntercept, VR.DS, "0");
            ds.setString(Tag.RescaleSlope, VR.DS, Integer.toString(slope));
            ds.setBytes(Tag.PixelData, VR.OW, px.array());
            edit.accept(ds);
            Part10Writer.write(dir.resolve(String.format("PT%03d.dcm", z + 1)), ds);
        }
    }
}
