package org.clain.study;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import java.util.List;
import org.clain.dicom.DicomException;
import org.clain.dicom.DicomFile;
import org.clain.dicom.DicomReader;
import org.clain.geom.Vec3;
import org.clain.testdata.Fuzzing;
import org.clain.testdata.Fuzzing.Allocation;
import org.clain.testdata.Scratch;
import org.junit.jupiter.api.Timeout;

/**
 * What Clain reads beside the pixels when a study opens, on its own: {@link Segmentation#read}
 * then {@link Segmentation#labels} on an axial image and on an oblique plane (the viewer's 2D and
 * MPR layers), {@link StructureSet#read} and its contours on the axial image,
 * {@link PresentationState#read} and its windows and annotations, {@link SrDocument#read} and its
 * content lines, and
 * {@link StandardizedUptake#of} of the header (PET). Beyond the reader's findings:
 * any exception but a clean {@link DicomException}, and more allocation than the frames declared
 * (rows x columns x frames) and the input justify. Frames above
 * {@link Fuzzing#MAX_FUZZ_FRAME_SAMPLES} samples are not decoded. Seeds: small binary, fractional
 * and label map segmentations, a structure set and a PET slice written with pydicom
 * (tools/fuzz-seeds-seg.py), the presentation state of tools/gsps-fixture.py and a structured
 * report written with pydicom (findings, a measurement, a code, an impression).
 */
class SegmentationFuzzTest {
    private static final Path FILE;

    static {
        FILE = Scratch.directory("clain-seg-fuzz").resolve("seg.dcm");
        Fuzzing.warmUp(SegmentationFuzzTest.class, SegmentationFuzzTest::read);
    }

    @FuzzTest(maxDuration = Fuzzing.MAX_DURATION)
    @Timeout(Fuzzing.TIMEOUT_S)
    void readAndLay(byte[] input) {
        read(input);
    }

    static void read(byte[] input) {
        Allocation alloc = Allocation.start((4 << 20) + 512L * input.length);
        DicomFile f;
        try {
            f = DicomReader.read(FILE, input);
        } catch (DicomException e) {
            Fuzzing.checkClean(e, FILE);
            return;
        }
        Instance in = InstanceReader.of(f);
        StandardizedUptake.of(List.of(f.dataset())).basis();
        SliceHeader axial = new SliceHeader(FILE, 0, "", 1, new Vec3(-8, -8, 0), new Vec3(1, 0, 0),
                new Vec3(0, 1, 0), 0.5, 0.5, PixelSpacingSource.PATIENT, 1, 32, 32, 1, 0, null, null, false);
        String object = PresentationState.isPresentationState(in) ? "presentation state"
                : SrDocument.isStructuredReport(in) ? "structured report"
                : StructureSet.isStructureSet(in) ? "structure set" : null;
        if (object != null) {
            try {
                use(in, axial);
            } catch (DicomException e) {
                Fuzzing.checkClean(e, FILE);
            }
            alloc.check(object);
            return;
        }
        long samples = (long) in.rows() * in.columns();
        if (!Segmentation.isSegmentation(in) || samples > Fuzzing.MAX_FUZZ_FRAME_SAMPLES) {
            return;
        }
        // each frame decoded once into ints, kept as runs; two 32 x 32 label images
        alloc.allow(96 * samples * Math.max(1, in.slices().size()) + (1 << 20));
        Segmentation seg;
        try {
            seg = Segmentation.read(in);
        } catch (DicomException e) {
            Fuzzing.checkClean(e, FILE);
            return;
        }
        seg.labels(axial);
        seg.labels(new Vec3(-8, 0, -8), new Vec3(0.5, 0.1, 0), new Vec3(0, 0.1, 0.5), 32, 32);
        for (Segmentation.Segment s : seg.segments()) {
            if (!(s.volumeMm3() >= 0) && !Double.isNaN(s.volumeMm3())) {
                throw new AssertionError("negative volume " + s);
            }
        }
        alloc.check("segmentation");
    }

    /** Reads an object without pixels and uses it as the viewer does on an image it applies to. */
    private static void use(Instance in, SliceHeader axial) throws DicomException {
        if (PresentationState.isPresentationState(in)) {
            PresentationState ps = PresentationState.read(in);
            for (String sop : ps.referencedImages()) {
                ps.window(sop, 1);
                ps.graphics(sop, 1, 32, 32);
                ps.texts(sop, 1, 32, 32);
            }
            ps.summary();
        } else if (SrDocument.isStructuredReport(in)) {
            SrDocument.read(in).lines();
        } else {
            StructureSet.read(in).on(axial);
        }
    }
}
