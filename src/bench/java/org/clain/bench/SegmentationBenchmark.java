package org.clain.bench;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.clain.dicom.Attributes;
import org.clain.dicom.Part10Writer;
import org.clain.dicom.Tag;
import org.clain.dicom.VR;
import org.clain.geom.Vec3;
import org.clain.study.InstanceReader;
import org.clain.study.PixelSpacingSource;
import org.clain.study.Segmentation;
import org.clain.study.SliceHeader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Laying a many-segment label map over an image: 100 segments (40 x 40 pixel blocks) on each of
 * 20 frames of 512 x 512, 1 mm pixels, 1 mm apart, as whole-body organ segmentations are. What the
 * viewer pays per slice shown (an axial image on the label map's grid) and per MPR frame (an
 * oblique 512 x 512 reformat through it), on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SegmentationBenchmark {
    private Segmentation seg;
    private SliceHeader axial;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        Path dir = Files.createTempDirectory("clain-seg-bench");
        Path file = dir.resolve("labelmap.dcm");
        Part10Writer.write(file, labelMap(512, 20, 100));
        seg = Segmentation.read(InstanceReader.read(file));
        axial = new SliceHeader(file, 0, "", 1, new Vec3(0, 0, 10), new Vec3(1, 0, 0), new Vec3(0, 1, 0), 1, 1,
                PixelSpacingSource.PATIENT, 1, 512, 512, 1, 0, null, null, false);
        Files.delete(file);
        Files.delete(dir);
    }

    @Benchmark
    public int[] labelsOnImage() {
        return seg.labels(axial);
    }

    @Benchmark
    public int[] labelsOnObliqueReformat() {
        return seg.labels(new Vec3(0, 0, 4), new Vec3(0.9, 0.1, 0.02), new Vec3(-0.1, 0.9, 0.02), 512, 512);
    }

    private static Attributes labelMap(int n, int frames, int segments) {
        Attributes ds = new Attributes(ByteOrder.LITTLE_ENDIAN, null);
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.66.7");
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.543.95.1");
        ds.setString(Tag.Modality, VR.CS, "SEG");
        ds.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.826.0.1.3680043.10.543.95.2");
        ds.setString(Tag.FrameOfReferenceUID, VR.UI, "1.2.826.0.1.3680043.10.543.95.3");
        ds.setString(Tag.SegmentationType, VR.CS, "LABELMAP");
        List<Attributes> items = new ArrayList<>();
        for (int s = 1; s <= segments; s++) {
            Attributes item = new Attributes(ByteOrder.LITTLE_ENDIAN, ds);
            item.setInts(Tag.SegmentNumber, VR.US, s);
            items.add(item);
        }
        ds.setSequence(Tag.SegmentSequence, items);
        Attributes shared = new Attributes(ByteOrder.LITTLE_ENDIAN, ds);
        Attributes ori = new Attributes(ByteOrder.LITTLE_ENDIAN, shared);
        ori.setDoubles(Tag.ImageOrientationPatient, VR.DS, 1, 0, 0, 0, 1, 0);
        shared.setSequence(Tag.PlaneOrientationSequence, List.of(ori));
        Attributes measures = new Attributes(ByteOrder.LITTLE_ENDIAN, shared);
        measures.setDoubles(Tag.PixelSpacing, VR.DS, 1, 1);
        measures.setDoubles(Tag.SpacingBetweenSlices, VR.DS, 1);
        shared.setSequence(Tag.PixelMeasuresSequence, List.of(measures));
        ds.setSequence(Tag.SharedFunctionalGroupsSequence, List.of(shared));
        List<Attributes> groups = new ArrayList<>();
        byte[] px = new byte[2 * n * n * frames];
        for (int z = 0; z < frames; z++) {
            Attributes g = new Attributes(ByteOrder.LITTLE_ENDIAN, ds);
            Attributes pos = new Attributes(ByteOrder.LITTLE_ENDIAN, g);
            pos.setDoubles(Tag.ImagePositionPatient, VR.DS, 0, 0, z);
            g.setSequence(Tag.PlanePositionSequence, List.of(pos));
            groups.add(g);
            for (int y = 0; y < n; y++) {
                for (int x = 0; x < n; x++) {
                    int label = x % 50 >= 5 && x % 50 < 45 && y % 50 >= 5 && y % 50 < 45 && x < 500 && y < 500
                            ? (y / 50) * 10 + x / 50 + 1 : 0;
                    int i = 2 * ((z * n + y) * n + x);
                    px[i] = (byte) label;
                    px[i + 1] = (byte) (label >> 8);
                }
            }
        }
        ds.setSequence(Tag.PerFrameFunctionalGroupsSequence, groups);
        ds.setInts(Tag.NumberOfFrames, VR.IS, frames);
        ds.setInts(Tag.SamplesPerPixel, VR.US, 1);
        ds.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        ds.setInts(Tag.Rows, VR.US, n);
        ds.setInts(Tag.Columns, VR.US, n);
        ds.setInts(Tag.BitsAllocated, VR.US, 16);
        ds.setInts(Tag.BitsStored, VR.US, 16);
        ds.setInts(Tag.HighBit, VR.US, 15);
        ds.setInts(Tag.PixelRepresentation, VR.US, 0);
        ds.setBytes(Tag.PixelData, VR.OW, px);
        return ds;
    }
}
