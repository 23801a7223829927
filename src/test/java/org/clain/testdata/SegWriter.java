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

/**
 * Writes DICOM Segmentations for the tests (PS3.3 A.51): a BINARY segmentation's frames are bits
 * packed one frame after the other, the first pixel in the lowest bit (PS3.5 8.1.1), each frame
 * with its Plane Position and Segment Identification; orientation and pixel measures are shared.
 */
public final class SegWriter {
    /** One frame: its segment, the position of its first pixel, and its pixels row by row. */
    public record Frame(int segment, Vec3 position, boolean[] mask) {
    }

    private SegWriter() {
    }

    /** The header of a segmentation of n x n frames of {@code spacing} mm, 2.5 mm apart, axial. */
    public static Attributes header(String frameOfReference, String referencedSeries, int rows, int columns,
                                    double spacing, String type, int segments) {
        Attributes ds = new Attributes(ByteOrder.LITTLE_ENDIAN, null);
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.66.4");
        ds.setString(Tag.SOPInstanceUID, VR.UI, frameOfReference + ".1");
        ds.setString(Tag.Modality, VR.CS, "SEG");
        ds.setString(Tag.StudyInstanceUID, VR.UI, frameOfReference + ".2");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, frameOfReference + ".3");
        ds.setString(Tag.SeriesDescription, VR.LO, "Test segmentation");
        ds.setString(Tag.FrameOfReferenceUID, VR.UI, frameOfReference);
        if (referencedSeries != null) {
            Attributes ref = new Attributes(ByteOrder.LITTLE_ENDIAN, ds);
            ref.setString(Tag.SeriesInstanceUID, VR.UI, referencedSeries);
            ds.setSequence(Tag.ReferencedSeriesSequence, List.of(ref));
        }
        ds.setString(Tag.SegmentationType, VR.CS, type);
        List<Attributes> items = new ArrayList<>();
        for (int s = 1; s <= segments; s++) {
            Attributes item = new Attributes(ByteOrder.LITTLE_ENDIAN, ds);
            item.setInts(Tag.SegmentNumber, VR.US, s);
            item.setString(Tag.SegmentLabel, VR.LO, "S" + s);
            items.add(item);
        }
        ds.setSequence(Tag.SegmentSequence, items);
        Attributes shared = new Attributes(ByteOrder.LITTLE_ENDIAN, ds);
        Attributes ori = new Attributes(ByteOrder.LITTLE_ENDIAN, shared);
        ori.setDoubles(Tag.ImageOrientationPatient, VR.DS, 1, 0, 0, 0, 1, 0);
        shared.setSequence(Tag.PlaneOrientationSequence, List.of(ori));
        Attributes measures = new Attributes(ByteOrder.LITTLE_ENDIAN, shared);
        measures.setDoubles(Tag.PixelSpacing, VR.DS, spacing, spacing);
        measures.setDoubles(Tag.SliceThickness, VR.DS, 2.5);
        measures.setDoubles(Tag.SpacingBetweenSlices, VR.DS, 2.5);
        shared.setSequence(Tag.PixelMeasuresSequence, List.of(measures));
        ds.setSequence(Tag.SharedFunctionalGroupsSequence, List.of(shared));
        MonochromePixels.set(ds, rows, columns, 1);
        return ds;
    }

    /** A frame's functional groups: where it is and which segment it shows. */
    public static Attributes frameGroups(Attributes ds, int segment, Vec3 position) {
        Attributes g = new Attributes(ByteOrder.LITTLE_ENDIAN, ds);
        Attributes pos = new Attributes(ByteOrder.LITTLE_ENDIAN, g);
        pos.setDoubles(Tag.ImagePositionPatient, VR.DS, position.x(), position.y(), position.z());
        g.setSequence(Tag.PlanePositionSequence, List.of(pos));
        Attributes id = new Attributes(ByteOrder.LITTLE_ENDIAN, g);
        id.setInts(Tag.ReferencedSegmentNumber, VR.US, segment);
        g.setSequence(Tag.SegmentIdentificationSequence, List.of(id));
        return g;
    }

    /**
     * The header and per-frame groups of a LABELMAP segmentation (Label Map Segmentation Storage) of
     * axial frames at {@code positions}, 16 bits a pixel: no Segment Identification, every frame
     * holding all segments; the caller adds pixels (and a palette, or Pixel Padding Value).
     */
    public static Attributes labelMap(String frameOfReference, int rows, int columns, double spacing,
                                      int[] segmentNumbers, List<Vec3> positions) {
        Attributes ds = header(frameOfReference, null, rows, columns, spacing, "LABELMAP", 0);
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.66.7");
        List<Attributes> items = new ArrayList<>();
        for (int n : segmentNumbers) {
            Attributes item = new Attributes(ByteOrder.LITTLE_ENDIAN, ds);
            item.setInts(Tag.SegmentNumber, VR.US, n);
            item.setString(Tag.SegmentLabel, VR.LO, "S" + n);
            items.add(item);
        }
        ds.setSequence(Tag.SegmentSequence, items);
        MonochromePixels.set(ds, rows, columns, 16);
        List<Attributes> groups = new ArrayList<>();
        for (Vec3 p : positions) {
            Attributes g = new Attributes(ByteOrder.LITTLE_ENDIAN, ds);
            Attributes pos = new Attributes(ByteOrder.LITTLE_ENDIAN, g);
            pos.setDoubles(Tag.ImagePositionPatient, VR.DS, p.x(), p.y(), p.z());
            g.setSequence(Tag.PlanePositionSequence, List.of(pos));
            groups.add(g);
        }
        ds.setSequence(Tag.PerFrameFunctionalGroupsSequence, groups);
        ds.setInts(Tag.NumberOfFrames, VR.IS, positions.size());
        return ds;
    }

    /** 16-bit little-endian pixel bytes of frames given as values row by row, one frame after another. */
    public static byte[] words(int[]... frames) {
        int n = 0;
        for (int[] f : frames) {
            n += f.length;
        }
        byte[] out = new byte[2 * n];
        int i = 0;
        for (int[] f : frames) {
            for (int v : f) {
                out[i++] = (byte) v;
                out[i++] = (byte) (v >> 8);
            }
        }
        return out;
    }

    /** A BINARY segmentation of axial frames of {@code rows} x {@code columns} pixels. */
    public static void write(Path file, String frameOfReference, String referencedSeries, int rows, int columns,
                             double spacing, List<Frame> frames) throws IOException {
        int segments = frames.stream().mapToInt(Frame::segment).max().orElse(1);
        Attributes ds = header(frameOfReference, referencedSeries, rows, columns, spacing, "BINARY", segments);
        List<Attributes> groups = new ArrayList<>();
        byte[] bits = new byte[(frames.size() * rows * columns + 7) / 8 + 1 & ~1];
        int bit = 0;
        for (Frame f : frames) {
            groups.add(frameGroups(ds, f.segment(), f.position()));
            for (boolean b : f.mask()) {
                if (b) {
                    bits[bit >> 3] |= (byte) (1 << (bit & 7));
                }
                bit++;
            }
        }
        ds.setSequence(Tag.PerFrameFunctionalGroupsSequence, groups);
        ds.setInts(Tag.NumberOfFrames, VR.IS, frames.size());
        ds.setBytes(Tag.PixelData, VR.OB, bits);
        Part10Writer.write(file, ds);
    }
}
