package org.clain.testdata;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 in the REFERENCE.md convention: values little-endian, 1/2/4 bytes each. */
public final class ReferenceHash {
    private ReferenceHash() {
    }

    public static String sha256(int[] values, int bytesPerValue) {
        byte[] out = new byte[values.length * bytesPerValue];
        int p = 0;
        for (int v : values) {
            for (int k = 0; k < bytesPerValue; k++) {
                out[p++] = (byte) (v >>> (8 * k));
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** Sign-extends {@code bits}-bit two's complement values in place. */
    public static int[] signExtend(int[] values, int bits) {
        int shift = 32 - bits;
        for (int i = 0; i < values.length; i++) {
            values[i] = (values[i] << shift) >> shift;
        }
        return values;
    }
}
