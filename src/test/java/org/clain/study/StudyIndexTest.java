package org.clain.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.clain.geom.Vec3;
import org.clain.testdata.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyIndexTest {

    @Test
    void enhancedMultiFramePositionsComeFromPerFrameGroups() throws Exception {
        // dcmdump: per-frame (0020,0032) -109.79\-58.4773\-5.40356, ... \-3.00356, step 2.4 mm
        StudyIndex index = Scanner.scan(List.of(SharedData.file("syntaxes/dcm_qa_enh/Siemens_XA10_6_1.dcm")));
        SliceStack stack = index.series().get(0).stacks().get(0);
        assertEquals(6, stack.size());
        assertTrue(stack.slices().get(0).position().distance(new Vec3(-109.79, -58.4773, -5.40356)) < 1e-6);
        assertEquals(2.4, stack.sliceSpacing(), 1e-4);
        assertEquals(3.375, stack.slices().get(0).rowSpacing(), 1e-9);
        Volume v = VolumeLoader.load(stack);
        assertEquals(6, v.nz());
    }

    @Test
    void dicomdirReferencesItsFiles() throws Exception {
        Path dir = SharedData.file("syntaxes/dicomdir-pydicom/DICOMDIR");
        List<Path> files = DicomDir.referencedFiles(dir);
        assertTrue(files.size() > 5, "files: " + files.size());
        for (Path p : files) {
            assertTrue(Files.isRegularFile(p), p + " exists");
        }
        StudyIndex index = Scanner.scan(List.of(dir));
        assertEquals(files.size(), index.instances().size() + index.skipped().size());
        assertTrue(index.byPatientAndStudy().size() >= 2, "several patients");
    }

    @Test
    void oneBadFileNeverStopsAFolder(@TempDir Path dir) throws Exception {
        Path src = SharedData.file("real-mr/brain-tumor-progression_PGBM-001_T1post");
        try (var s = Files.list(src)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".dcm")).toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        Files.writeString(dir.resolve("bad.dcm"), "garbage garbage garbage garbage");
        Files.write(dir.resolve("empty.dcm"), new byte[0]);
        StudyIndex index = Scanner.scan(List.of(dir));
        assertEquals(24, index.series().get(0).stacks().get(0).size());
        assertEquals(2, index.skipped().size());
        assertTrue(index.skipped().stream().allMatch(s -> s.reason().contains(s.path().getFileName().toString())));
    }

    @Test
    void aLinkToAFileIsReadALinkToAFolderIsNotFollowed(@TempDir Path dir) throws Exception {
        Path src = SharedData.file("real-mr/brain-tumor-progression_PGBM-001_T1post");
        List<Path> slices;
        try (var s = Files.list(src)) {
            slices = s.filter(p -> p.toString().endsWith(".dcm")).sorted().limit(3).toList();
        }
        Files.copy(slices.get(0), dir.resolve("a.dcm"));
        Files.createSymbolicLink(dir.resolve("b.dcm"), slices.get(1).toAbsolutePath());
        Files.createSymbolicLink(dir.resolve("dangling.dcm"), dir.resolve("nowhere.dcm"));
        Path sub = Files.createDirectory(dir.resolve("sub"));
        Files.copy(slices.get(2), sub.resolve("c.dcm"));
        Files.createSymbolicLink(sub.resolve("loop"), dir); // followed, it would list everything again
        StudyIndex index = Scanner.scan(List.of(dir));
        assertEquals(List.of(dir.resolve("a.dcm"), dir.resolve("b.dcm"), sub.resolve("c.dcm")),
                index.instances().stream().map(Instance::path).toList());
        assertEquals(List.of(), index.skipped());
    }

    @Test
    void missingSlicesAndNonUniformSpacingAreReported(@TempDir Path dir) throws Exception {
        Path src = SharedData.file("real-mr/brain-tumor-progression_PGBM-001_T1post");
        try (var s = Files.list(src)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".dcm")).toList()) {
                if (!p.getFileName().toString().equals("1-12.dcm")) {
                    Files.copy(p, dir.resolve(p.getFileName()));
                }
            }
        }
        SliceStack stack = Scanner.scan(List.of(dir)).series().get(0).stacks().get(0);
        assertEquals(23, stack.size());
        assertTrue(!stack.uniformSpacing());
        assertTrue(stack.warnings().stream().anyMatch(w -> w.contains("gap of 13.00 mm") && w.contains("1 missing")),
                stack.warnings().toString());
    }
}
