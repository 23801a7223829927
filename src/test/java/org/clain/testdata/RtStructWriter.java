package org.clain.testdata;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clain.dicom.Attributes;
import org.clain.dicom.Part10Writer;
import org.clain.dicom.Tag;
import org.clain.dicom.VR;
import org.clain.geom.Vec3;

/** Writes RT Structure Sets for the tests (PS3.3 A.19): ROIs by number and name, their contours and colours. */
public final class RtStructWriter {
    /** One ROI: number, name, colour (null for none) and contours (type, points). */
    public record Roi(int number, String name, int[] colour, List<Contour> contours) {
    }

    public record Contour(String type, List<Vec3> points) {
    }

    private RtStructWriter() {
    }

    public static void write(Path file, String frameOfReference, String studyUid, List<Roi> rois) throws IOException {
        write(file, frameOfReference, "", studyUid, rois);
    }

    /** As {@link #write(Path, String, String, List)}, for a patient (the images' Patient ID). */
    public static void write(Path file, String frameOfReference, String patientId, String studyUid, List<Roi> rois)
            throws IOException {
        Attributes ds = new Attributes(ByteOrder.LITTLE_ENDIAN, null);
        ds.setString(Tag.PatientID, VR.LO, patientId);
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.481.3");
        ds.setString(Tag.SOPInstanceUID, VR.UI, frameOfReference + ".81");
        ds.setString(Tag.Modality, VR.CS, "RTSTRUCT");
        ds.setString(Tag.StudyInstanceUID, VR.UI, studyUid);
        ds.setString(Tag.SeriesInstanceUID, VR.UI, frameOfReference + ".82");
        Attributes ref = new Attributes(ByteOrder.LITTLE_ENDIAN, ds);
        ref.setString(Tag.FrameOfReferenceUID, VR.UI, frameOfReference);
        ds.setSequence(Tag.ReferencedFrameOfReferenceSequence, List.of(ref));
        List<Attributes> structureSet = new ArrayList<>();
        List<Attributes> contours = new ArrayList<>();
        for (Roi r : rois) {
            Attributes s = new Attributes(ByteOrder.LITTLE_ENDIAN, ds);
            s.setInts(Tag.ROINumber, VR.IS, r.number());
            s.setString(Tag.ReferencedFrameOfReferenceUID, VR.UI, frameOfReference);
            s.setString(Tag.ROIName, VR.LO, r.name());
            structureSet.add(s);
            Attributes rc = new Attributes(ByteOrder.LITTLE_ENDIAN, ds);
            if (r.colour() != null) {
                rc.setInts(Tag.ROIDisplayColor, VR.IS, r.colour());
            }
            List<Attributes> items = new ArrayList<>();
            for (Contour c : r.contours()) {
                Attributes item = new Attributes(ByteOrder.LITTLE_ENDIAN, rc);
                item.setString(Tag.ContourGeometricType, VR.CS, c.type());
                item.setInts(0x30060046, VR.IS, c.points().size());
                double[] xyz = new double[3 * c.points().size()];
                for (int i = 0; i < c.points().size(); i++) {
                    xyz[3 * i] = c.points().get(i).x();
                    xyz[3 * i + 1] = c.points().get(i).y();
                    xyz[3 * i + 2] = c.points().get(i).z();
                }
                item.setDoubles(Tag.ContourData, VR.DS, xyz);
                items.add(item);
            }
            rc.setSequence(Tag.ContourSequence, items);
            rc.setInts(Tag.ReferencedROINumber, VR.IS, r.number());
            contours.add(rc);
        }
        ds.setSequence(Tag.StructureSetROISequence, structureSet);
        ds.setSequence(Tag.ROIContourSequence, contours);
        Part10Writer.write(file, ds);
    }

    /** A square of side {@code side} mm centred on (cx, cy) at height z, counter-clockwise. */
    public static Contour square(double cx, double cy, double z, double side) {
        double h = side / 2;
        return new Contour("CLOSED_PLANAR", List.of(new Vec3(cx - h, cy - h, z), new Vec3(cx + h, cy - h, z),
                new Vec3(cx + h, cy + h, z), new Vec3(cx - h, cy + h, z)));
    }
}
