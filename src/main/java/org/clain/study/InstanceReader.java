package org.clain.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.clain.dicom.Attributes;
import org.clain.dicom.BulkData;
import org.clain.dicom.DicomException;
import org.clain.dicom.DicomFile;
import org.clain.dicom.DicomReader;
import org.clain.dicom.Element;
import org.clain.dicom.ImagePixel;
import org.clain.dicom.Tag;
import org.clain.geom.Vec3;

/**
 * Reads a file's header into an {@link Instance}: image plane per frame, with enhanced
 * multi-frame functional groups (PS3.3 C.7.6.16) resolved per frame over shared.
 */
public final class InstanceReader {
    private InstanceReader() {
    }

    public static Instance read(Path path) throws DicomException {
        return of(DicomReader.read(path));
    }

    public static Instance of(DicomFile f) {
        Attributes ds = f.dataset();
        Attributes meta = f.meta();
        List<String> warnings = new ArrayList<>(f.warnings());
        int rows = ds.getInt(Tag.Rows, 0);
        int cols = ds.getInt(Tag.Columns, 0);
        int frames = Math.max(1, ds.getInt(Tag.NumberOfFrames, 1));
        boolean hasPixels = rows > 0 && cols > 0
                && ds.pixelData() != null;
        if (hasPixels) {
            frames = framesHeld(f, frames, warnings);
        }
        String sopInstance = ds.getString(Tag.SOPInstanceUID, meta.getString(Tag.MediaStorageSOPInstanceUID, ""));
        List<SliceHeader> slices = new ArrayList<>();
        if (hasPixels) {
            String[] imageType = ds.getStrings(Tag.ImageType);
            boolean localizer = imageType != null && List.of(imageType).contains("LOCALIZER");
            List<Attributes> perFrame = ds.getSequence(Tag.PerFrameFunctionalGroupsSequence);
            Optional<Attributes> shared = ds.firstItem(Tag.SharedFunctionalGroupsSequence);
            int instanceNumber = ds.getInt(Tag.InstanceNumber, 0);
            double[] gridOffsets = perFrame.isEmpty() ? gridFrameOffsets(ds, frames, warnings) : null;
            for (int i = 0; i < frames; i++) {
                Attributes frameGroups = i < perFrame.size() ? perFrame.get(i) : null;
                SliceHeader h = slice(f.path(), i, sopInstance, instanceNumber, ds, shared.orElse(null), frameGroups,
                        rows, cols, localizer);
                slices.add(gridOffsets == null ? h : onGrid(h, gridOffsets[i]));
            }
        }
        return new Instance(f.path(), f, ds.getString(Tag.SOPClassUID, meta.getString(Tag.MediaStorageSOPClassUID, "")),
                sopInstance, f.transferSyntaxUid() == null ? "" : f.transferSyntaxUid(), rows, cols, frames,
                ds.getInt(Tag.BitsAllocated, 0), ds.getInt(Tag.BitsStored, 0), ds.getInt(Tag.PixelRepresentation, 0),
                ds.getString(Tag.PhotometricInterpretation, ""), ds.getString(Tag.PatientID, ""),
                ds.getString(Tag.PatientName, ""), ds.getString(Tag.StudyInstanceUID, ""),
                ds.getString(Tag.SeriesInstanceUID, ""), ds.getString(Tag.Modality, ""),
                ds.getString(Tag.SeriesDescription, ""), ds.getInt(Tag.SeriesNumber, 0),
                ds.getString(Tag.FrameOfReferenceUID, ""), List.copyOf(slices), List.copyOf(warnings));
    }

    /**
     * Number of Frames is only the file's word: one slice header per declared frame is made only for
     * the frames its Pixel Data can hold (a frame needs at least one fragment, or its native bytes),
     * so that a small file declaring 2^31 frames costs nothing.
     */
    private static int framesHeld(DicomFile f, int declared, List<String> warnings) {
        Attributes ds = f.dataset();
        Element px = ds.pixelData();
        BulkData bulk = px == null ? null : px.bulk();
        if (bulk == null) {
            return declared;
        }
        long held;
        if (bulk.encapsulated()) {
            held = bulk.fragments().size();
        } else {
            long bits;
            try {
                ImagePixel p = ImagePixel.of(f.path(), ds);
                bits = p.bitsAllocated() == 1 ? p.samplesPerFrame() : 8 * p.nativeFrameBytes();
            } catch (DicomException e) {
                bits = 1; // not decodable anyway: bound by the bytes there are
            }
            held = (8 * bulk.length() + bits - 1) / bits; // a truncated last frame still counts
        }
        held = Math.max(1, held);
        if (declared > held) {
            warnings.add("Number of Frames is " + declared + " but the Pixel Data holds at most " + held
                    + " frame(s): " + held + " used");
            return (int) held;
        }
        return declared;
    }

    /**
     * Grid Frame Offset Vector (PS3.3 C.8.8.3.2) of a multi-frame RT Dose: where each frame lies along
     * the normal from Image Position (Patient) when its first value is 0, else (the older form, for
     * axial grids only) each frame's patient z. Null when absent or not one value per frame.
     */
    private static double[] gridFrameOffsets(Attributes ds, int frames, List<String> warnings) {
        double[] v = ds.getDoubles(Tag.GridFrameOffsetVector);
        if (frames < 2 || v == null) {
            return null;
        }
        if (v.length < frames || !Arrays.stream(v, 0, frames).allMatch(Double::isFinite)) {
            warnings.add("Grid Frame Offset Vector has " + v.length + " values for " + frames
                    + " frames, or values that are not numbers: ignored");
            return null;
        }
        double[] ipp = ds.getDoubles(Tag.ImagePositionPatient);
        double[] iop = ds.getDoubles(Tag.ImageOrientationPatient);
        if (v[0] == 0 || ipp == null || ipp.length < 3) {
            return v;
        }
        boolean axial = iop != null && iop.length >= 6 && iop[0] == 1 && iop[1] == 0 && iop[2] == 0 && iop[3] == 0
                && iop[4] == 1 && iop[5] == 0;
        if (!axial) {
            warnings.add("Grid Frame Offset Vector gives patient z but the grid is not axial: ignored");
            return null;
        }
        double[] rel = new double[frames];
        for (int i = 0; i < frames; i++) {
            rel[i] = v[i] - ipp[2];
        }
        return rel;
    }

    /** A frame moved {@code offset} mm along the normal from the plane the file's header gives. */
    private static SliceHeader onGrid(SliceHeader h, double offset) {
        if (!h.hasGeometry()) {
            return h;
        }
        return new SliceHeader(h.path(), h.frame(), h.sopInstanceUid(), h.instanceNumber(),
                h.position().plus(h.normal().times(offset)), h.rowDirection(), h.columnDirection(), h.rowSpacing(),
                h.columnSpacing(), h.spacingSource(), h.sliceThickness(), h.rows(), h.columns(), h.rescaleSlope(),
                h.rescaleIntercept(), h.windowCenters(), h.windowWidths(), h.localizer());
    }

    /** Looks a functional-group macro up per frame, then shared, then at the top level. */
    private static Attributes group(Attributes perFrame, Attributes shared, int sequenceTag) {
        if (perFrame != null) {
            Optional<Attributes> a = perFrame.firstItem(sequenceTag);
            if (a.isPresent()) {
                return a.get();
            }
        }
        if (shared != null) {
            Optional<Attributes> a = shared.firstItem(sequenceTag);
            if (a.isPresent()) {
                return a.get();
            }
        }
        return null;
    }

    private static double[] doubles(Attributes macro, Attributes top, int tag) {
        if (macro != null) {
            double[] v = macro.getDoubles(tag);
            if (v != null) {
                return v;
            }
        }
        return top.getDoubles(tag);
    }

    /** PS3.3 C.8.5.5.1.15: Physical Units X/Y Direction 0003H is cm. */
    private static final int UNITS_CM = 3;
    /** C.8.5.5.1.1: Region Spatial Format 0001H is a 2D (tissue or flow) image. */
    private static final int SPATIAL_2D = 1;

    /**
     * Row and column spacing in mm shared by every 2D region measured in cm of the Sequence of
     * Ultrasound Regions (PS3.3 C.8.5.5), or null when there is none or they differ.
     */
    private static double[] ultrasoundRegionSpacing(Attributes ds) {
        double[] found = null;
        for (Attributes r : ds.getSequence(Tag.SequenceOfUltrasoundRegions)) {
            double[] dx = r.getDoubles(Tag.PhysicalDeltaX);
            double[] dy = r.getDoubles(Tag.PhysicalDeltaY);
            boolean cm = r.getInt(Tag.PhysicalUnitsXDirection, 0) == UNITS_CM
                    && r.getInt(Tag.PhysicalUnitsYDirection, 0) == UNITS_CM;
            if (r.getInt(Tag.RegionSpatialFormat, 0) != SPATIAL_2D || !cm || dx == null || dy == null
                    || dx.length == 0 || dy.length == 0) {
                continue;
            }
            double[] mm = {Math.abs(dy[0]) * 10, Math.abs(dx[0]) * 10};
            if (found != null && (Math.abs(found[0] - mm[0]) > 1e-9 || Math.abs(found[1] - mm[1]) > 1e-9)) {
                return null;
            }
            found = mm;
        }
        return found;
    }

    private static boolean validSpacing(double[] ps) {
        // a bad column spacing alone is tolerated: it falls back to the row spacing
        return ps != null && ps.length >= 2 && ps[0] > 0 && Double.isFinite(ps[0]) && Double.isFinite(ps[1]);
    }

    private static SliceHeader slice(Path path, int frame, String sop, int instanceNumber, Attributes ds,
                                     Attributes shared, Attributes perFrame, int rows, int cols, boolean localizer) {
        Attributes pos = group(perFrame, shared, Tag.PlanePositionSequence);
        Attributes ori = group(perFrame, shared, Tag.PlaneOrientationSequence);
        Attributes meas = group(perFrame, shared, Tag.PixelMeasuresSequence);
        Attributes pvt = group(perFrame, shared, Tag.PixelValueTransformationSequence);
        Attributes voi = group(perFrame, shared, Tag.FrameVOILUTSequence);
        double[] ipp = doubles(pos, ds, Tag.ImagePositionPatient);
        double[] iop = doubles(ori, ds, Tag.ImageOrientationPatient);
        double[] ps = doubles(meas, ds, Tag.PixelSpacing);
        double[] thick = doubles(meas, ds, Tag.SliceThickness);
        double[] slope = doubles(pvt, ds, Tag.RescaleSlope);
        double[] intercept = doubles(pvt, ds, Tag.RescaleIntercept);
        double[] wc = doubles(voi, ds, Tag.WindowCenter);
        double[] ww = doubles(voi, ds, Tag.WindowWidth);
        Vec3 position = ipp != null && ipp.length >= 3 ? Vec3.of(ipp, 0) : null;
        Vec3 rowDir = null;
        Vec3 colDir = null;
        if (iop != null && iop.length >= 6) {
            rowDir = Vec3.of(iop, 0).normalized();
            colDir = Vec3.of(iop, 3).normalized();
            if (rowDir.norm() == 0 || colDir.norm() == 0) {
                rowDir = null;
                colDir = null;
            }
        }
        PixelSpacingSource source = PixelSpacingSource.PATIENT;
        double[] imager = doubles(meas, ds, Tag.ImagerPixelSpacing);
        if (!validSpacing(ps)) {
            ps = imager;
            source = PixelSpacingSource.DETECTOR;
        } else if (validSpacing(imager) && ps[0] == imager[0] && ps[1] == imager[1]
                && ds.getString(Tag.PixelSpacingCalibrationType, "").isBlank()) {
            // a projection whose Pixel Spacing only repeats Imager Pixel Spacing, with no calibration
            // said (PS3.3 10.7.1.3), still measures at the detector
            source = PixelSpacingSource.DETECTOR;
        }
        if (!validSpacing(ps)) {
            ps = ultrasoundRegionSpacing(ds);
            source = validSpacing(ps) ? PixelSpacingSource.ULTRASOUND_REGIONS : PixelSpacingSource.NONE;
        }
        double rowSpacing = source == PixelSpacingSource.NONE ? 1 : ps[0];
        double colSpacing = source == PixelSpacingSource.NONE ? 1 : ps[1] > 0 ? ps[1] : rowSpacing;
        if (slope == null) {
            slope = ds.getDoubles(Tag.DoseGridScaling); // RT Dose: Gy per stored unit (PS3.3 C.8.8.3)
        }
        double s = slope != null && slope.length > 0 && slope[0] != 0 ? slope[0] : 1;
        double b = intercept != null && intercept.length > 0 ? intercept[0] : 0;
        int inFrameInstance = perFrame != null ? frame + 1 : instanceNumber;
        return new SliceHeader(path, frame, sop, inFrameInstance, position, rowDir, colDir, rowSpacing, colSpacing,
                source, thick != null && thick.length > 0 ? thick[0] : 0, rows, cols, s, b, wc, ww, localizer);
    }
}
