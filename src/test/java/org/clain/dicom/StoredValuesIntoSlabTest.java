package org.clain.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.clain.testdata.SharedData;
import org.junit.jupiter.api.Test;

/**
 * The volume's path for native 16-bit frames (read into a slab, then masked or sign-extended in
 * place) against the int path that REFERENCE.tsv checks bit-exactly, on every such file of the
 * corpus: signed and unsigned, Bits Stored below 16, data in high bits.
 */
class StoredValuesIntoSlabTest {
    @Test
    void slabValuesEqualTheCheckedIntValuesOnEveryNative16BitCorpusFile() throws Exception {
        int files = 0;
        int signedNarrow = 0;
        int unsignedNarrow = 0;
        for (Map<String, String> row : SharedData.reference()) {
            DicomFile f;
            PixelDecoder px;
            try {
                f = DicomReader.read(SharedData.file(row.get("path")));
                px = PixelDecoder.of(f);
            } catch (DicomException e) {
                continue; // broken files: BrokenCorpusTest
            }
            ImagePixel p = px.pixel();
            if (px.transferSyntax().encapsulated() || px.transferSyntax() == TransferSyntax.DEFLATED_IMAGE_FRAME
                    || p.bitsAllocated() != 16 || p.samplesPerPixel() != 1 || p.floatData()) {
                continue;
            }
            int n = p.pixelsPerFrame();
            for (int i = 0; i < Math.min(p.frames(), 3); i++) {
                int[] expected;
                try {
                    expected = px.storedValues(i);
                } catch (DicomException e) {
                    continue; // truncated frames: BrokenCorpusTest
                }
                short[] slab = new short[n + 7];
                px.storedValues(i, slab, 7);
                for (int k = 0; k < n; k++) {
                    int got = p.signed() ? slab[7 + k] : slab[7 + k] & 0xFFFF;
                    if (got != expected[k]) {
                        assertEquals(expected[k], got, row.get("path") + " frame " + i + " sample " + k);
                    }
                }
            }
            files++;
            if (p.bitsStored() < 16) {
                if (p.signed()) {
                    signedNarrow++;
                } else {
                    unsignedNarrow++;
                }
            }
        }
        assertTrue(files >= 10 && signedNarrow >= 1 && unsignedNarrow >= 1,
                files + " files, " + signedNarrow + " signed and " + unsignedNarrow + " unsigned with Bits Stored < 16");
        System.out.println("StoredValuesIntoSlabTest: " + files + " files, " + signedNarrow + " signed and "
                + unsignedNarrow + " unsigned with Bits Stored < 16");
    }
}
