package org.clain.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.clain.testdata.DicomBuilder;
import org.junit.jupiter.api.Test;

/**
 * Native YBR_FULL_422: Y1 Y2 Cb Cr per two pixels (PS3.3 C.7.6.3.1.2), both chroma samples shared
 * by the pair; the expected values follow from that layout alone.
 */
class Ybr422Test {
    private static byte[] file(int rows, int cols, int bits, byte[] pixelData) {
        return DicomBuilder.part10(DicomBuilder.EXPLICIT_LE)
                .us(0x00280002, 3).string(0x00280004, "CS", "YBR_FULL_422").us(0x00280006, 0)
                .us(0x00280010, rows).us(0x00280011, cols)
                .us(0x00280100, bits).us(0x00280101, bits).us(0x00280102, bits - 1).us(0x00280103, 0)
                .element(0x7FE00010, bits == 8 ? "OB" : "OW", pixelData).bytes();
    }

    private static int[] frame(byte[] file) throws DicomException {
        return PixelDecoder.of(DicomReader.read(Path.of("ybr422.dcm"), file)).frame(0);
    }

    @Test
    void sixteenBitPairsShareTheirChroma() throws DicomException {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : new int[] {1000, 2000, 300, 400, 5000, 60000, 700, 800}) {
            b.putShort((short) v);
        }
        assertArrayEquals(new int[] {1000, 300, 400, 2000, 300, 400, 5000, 700, 800, 60000, 700, 800},
                frame(file(2, 2, 16, b.array())));
    }

    @Test
    void anOddLastPixelTakesAWholeGroup() throws DicomException {
        byte[] px = {10, 20, 30, 40, 50, 0, 60, 70};
        assertArrayEquals(new int[] {10, 30, 40, 20, 30, 40, 50, 60, 70}, frame(file(1, 3, 8, px)));
        // without the group's last bytes: refused with the reason, never read past the value
        DicomException e = assertThrows(DicomException.class,
                () -> frame(file(1, 3, 8, new byte[] {10, 20, 30, 40, 50, 0})));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void otherSampleSizesAreRefusedByName() {
        DicomException e = assertThrows(DicomException.class, () -> frame(file(1, 2, 32, new byte[16])));
        assertTrue(e.getMessage().contains("YBR_FULL_422 with Bits Allocated 32"), e.getMessage());
    }
}
