package org.clain.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.clain.testdata.SharedData;
import org.junit.jupiter.api.Test;

/**
 * A file parsed from its first bytes (no mapping) must give exactly what parsing all its bytes
 * gives: every element, value, sequence and warning, and the same Pixel Data location, for every
 * file of the corpus; a changed file is reported, not read past its end.
 */
class HeadReadTest {
    @Test
    void everyCorpusFileReadsTheSameFromItsHeadAsFromAllItsBytes() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(SharedData.root())) {
            files = s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".tsv")
                    && !p.toString().endsWith(".md")).sorted().toList();
        }
        // every file read first, compared after: the head buffer is reused, so anything kept from
        // it would show as a difference in the files read before the last
        java.util.Map<Path, DicomFile> read = new java.util.LinkedHashMap<>();
        for (Path p : files) {
            try {
                read.put(p, DicomReader.read(p));
            } catch (DicomException e) {
                read.put(p, null);
            }
        }
        int fromHead = 0;
        int compared = 0;
        for (Path p : files) {
            DicomFile whole;
            try {
                whole = DicomReader.read(p, Files.readAllBytes(p));
            } catch (DicomException e) {
                continue; // not DICOM or broken beyond reading: BrokenCorpusTest
            }
            DicomFile f = read.get(p);
            assertNotNull(f, p + " reads from its bytes but not from its path");
            assertEquals(whole.warnings(), f.warnings(), p.toString());
            assertEquals(whole.transferSyntaxUid(), f.transferSyntaxUid(), p.toString());
            assertSame(whole.meta(), f.meta(), p.toString());
            assertSame(whole.dataset(), f.dataset(), p.toString());
            Element px = f.dataset().pixelData();
            if (px != null && px.bulk() != null && !px.bulk().sourceLoaded()) {
                fromHead++;
            }
            compared++;
        }
        assertTrue(compared > 300 && fromHead > 100, compared + " files compared, " + fromHead + " read from the head");
        System.out.println("HeadReadTest: " + compared + " files compared, " + fromHead + " read from their head");
    }

    @Test
    void mutatedAndTruncatedFilesReadTheSameFromTheirPathAsFromTheirBytes() throws Exception {
        // hostile variants of files of each layout: native, encapsulated, deflated, no pixels
        List<Path> seeds;
        try (Stream<Path> s = Files.walk(SharedData.root().resolve("syntaxes"))) {
            seeds = new ArrayList<>(s.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".dcm")).sorted()
                    .limit(40).toList());
        }
        // and headers longer than the head (an enhanced MR, an overlay-laden MR, an ultrasound)
        for (String big : new String[] {"syntaxes/dcm_qa_enh/Siemens_XA10_6_1.dcm",
                "syntaxes/pydicom-data/MR-SIEMENS-DICOM-WithOverlays.dcm", "syntaxes/pydicom-data/gdcm-US-ALOKA-16.dcm"}) {
            seeds.add(SharedData.file(big));
        }
        Path dir = org.clain.testdata.Scratch.directory("head-read-mutants");
        java.util.Random rnd = new java.util.Random(17);
        int readBoth = 0;
        int rejected = 0;
        for (int k = 0; k < 400; k++) {
            byte[] b = Files.readAllBytes(seeds.get(rnd.nextInt(seeds.size())));
            if (rnd.nextBoolean()) {
                b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length + 1)); // truncated anywhere
            }
            int flips = rnd.nextInt(4);
            for (int f = 0; f < flips && b.length > 0; f++) {
                // mostly in the header, where lengths and tags live
                int at = rnd.nextInt(Math.min(b.length, rnd.nextBoolean() ? 4096 : b.length));
                b[at] = (byte) rnd.nextInt(256);
            }
            Path p = dir.resolve("m" + k + ".dcm");
            Files.write(p, b);
            DicomFile whole;
            try {
                whole = DicomReader.read(p, b);
            } catch (DicomException e) {
                String got;
                try {
                    DicomReader.read(p);
                    got = "read without error";
                } catch (DicomException e2) {
                    got = e2.getMessage();
                }
                assertEquals(e.getMessage(), got, p + ": the same error from the path as from the bytes");
                rejected++;
                continue;
            }
            DicomFile read = DicomReader.read(p);
            assertEquals(whole.warnings(), read.warnings(), p.toString());
            assertSame(whole.meta(), read.meta(), p.toString());
            assertSame(whole.dataset(), read.dataset(), p.toString());
            readBoth++;
        }
        // the reader tolerates most damage; a few variants must still be refused the same way
        assertTrue(readBoth > 100 && rejected >= 1, readBoth + " mutants read, " + rejected + " rejected");
    }

    @Test
    void aFileThatShrankAfterItsHeaderWasReadIsReportedWhenItsPixelsAreMapped() throws Exception {
        Path dir = org.clain.testdata.Scratch.directory("head-read");
        Path src = SharedData.root().resolve("real-ct/pancreatic-ct-cbct-seg_CB001_abdomen_implicitLE");
        Path first;
        try (Stream<Path> s = Files.list(src)) {
            first = s.sorted().findFirst().orElseThrow();
        }
        Path copy = dir.resolve("slice.dcm");
        Files.copy(first, copy);
        DicomFile f = DicomReader.read(copy);
        BulkData bulk = f.dataset().pixelData().bulk();
        assertNotNull(bulk.file());
        byte[] all = Files.readAllBytes(copy);
        Files.write(copy, java.util.Arrays.copyOf(all, all.length / 2));
        java.io.UncheckedIOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class,
                bulk::source);
        assertTrue(e.getMessage().contains("slice.dcm") && e.getMessage().contains("changed"), e.getMessage());
    }

    private static void assertSame(Attributes a, Attributes b, String where) {
        List<Element> x = new ArrayList<>(a.elements());
        List<Element> y = new ArrayList<>(b.elements());
        assertEquals(x.size(), y.size(), where + ": element count");
        Iterator<Element> j = y.iterator();
        for (Element e : x) {
            Element g = j.next();
            String at = where + " " + Tag.toString(e.tag());
            assertEquals(e.tag(), g.tag(), at);
            assertEquals(e.vr(), g.vr(), at);
            assertEquals(e.offset(), g.offset(), at);
            assertArrayEquals(e.value(), g.value(), at);
            assertEquals(e.items() == null, g.items() == null, at);
            if (e.items() != null) {
                assertEquals(e.items().size(), g.items().size(), at + " items");
                for (int i = 0; i < e.items().size(); i++) {
                    assertSame(e.items().get(i), g.items().get(i), at + " item " + i);
                }
            }
            assertEquals(e.bulk() == null, g.bulk() == null, at);
            if (e.bulk() != null) {
                assertEquals(e.bulk().offset(), g.bulk().offset(), at + " bulk offset");
                assertEquals(e.bulk().length(), g.bulk().length(), at + " bulk length");
                assertEquals(e.bulk().encapsulated(), g.bulk().encapsulated(), at);
                assertEquals(e.bulk().sourceSize(), g.bulk().sourceSize(), at + " source size");
            }
        }
    }
}
