package org.clain.dicom;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * min / max / mean and SHA-256 of all frames' stored values, in the convention of the shared
 * REFERENCE.tsv: little-endian samples of the stored type, interleaved, frames in order.
 */
public record PixelSummary(String dtype, double min, double max, double mean, String sha256) {

    public static PixelSummary of(PixelDecoder px) throws DicomException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String dtype = px.pixel().dtype();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        long n = 0;
        for (int f = 0; f < px.frames(); f++) {
            byte[] b = px.referenceBytes(f);
            sha.update(b);
            ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
            int count;
            switch (dtype) {
                case "uint8", "int8" -> count = b.length;
                case "uint16", "int16" -> count = b.length / 2;
                case "float64" -> count = b.length / 8;
                default -> count = b.length / 4;
            }
            for (int i = 0; i < count; i++) {
                double v = switch (dtype) {
                    case "uint8" -> b[i] & 0xFF;
                    case "int8" -> b[i];
                    case "uint16" -> bb.getShort(2 * i) & 0xFFFF;
                    case "int16" -> bb.getShort(2 * i);
                    case "uint32" -> bb.getInt(4 * i) & 0xFFFFFFFFL;
                    case "int32" -> bb.getInt(4 * i);
                    case "float32" -> bb.getFloat(4 * i);
                    default -> bb.getDouble(8 * i);
                };
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
            n += count;
        }
        return new PixelSummary(dtype, min, max, n == 0 ? 0 : sum / n, HexFormat.of().formatHex(sha.digest()));
    }
}
