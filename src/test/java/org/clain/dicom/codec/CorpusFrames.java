package org.clain.dicom.codec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.clain.testdata.Fragments;
import org.clain.testdata.ReferenceHash;
import org.clain.testdata.SharedData;

/** Test helpers shared by the codec tests: frames of a corpus file and the oracle's expectations. */
final class CorpusFrames {
    private CorpusFrames() {
    }

    static int intOr(Map<String, String> row, String column, int dflt) {
        String v = row.getOrDefault(column, "").trim();
        if (v.isEmpty()) {
            return dflt;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    static int frameCount(Map<String, String> row) {
        return intOr(row, "NumberOfFrames", 1);
    }

    /**
     * Frames of an encapsulated file: with one fragment per frame, frame i = fragment i; a
     * single frame is all fragments; otherwise a frame starts at each fragment for which
     * {@code startsFrame} holds (e.g. a JPEG 2000 SOC+SIZ).
     */
    static List<byte[]> frames(Path file, int nFrames, Predicate<byte[]> startsFrame) throws IOException {
        List<byte[]> frags = Fragments.of(file);
        if (nFrames > 1 && frags.size() == nFrames) {
            return frags;
        }
        if (nFrames <= 1) {
            return List.of(concat(frags));
        }
        List<byte[]> frames = new ArrayList<>();
        ByteArrayOutputStream cur = null;
        for (byte[] f : frags) {
            if (cur == null || startsFrame.test(f)) {
                if (cur != null) {
                    frames.add(cur.toByteArray());
                }
                cur = new ByteArrayOutputStream();
            }
            cur.write(f);
        }
        if (cur != null) {
            frames.add(cur.toByteArray());
        }
        return frames;
    }

    static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static boolean isHash(String s) {
        return s != null && s.matches("[0-9a-f]{64}");
    }

    /**
     * True where the oracle's primary {@code sha256} is backed by at least two tools: either
     * {@link SharedData#agreedByTwoOrMore}, or a MISMATCH whose majority group (the first,
     * which holds the primary route pydicom) names two or more tools, e.g.
     * {@code MISMATCH pydicom=dcmtk / gdcm}.
     */
    static boolean primaryBackedByTwo(Map<String, String> row) {
        if (!isHash(row.get("sha256"))) {
            return false;
        }
        if (SharedData.agreedByTwoOrMore(row)) {
            return true;
        }
        String agree = row.getOrDefault("agree", "");
        if (agree.startsWith("MISMATCH ")) {
            String first = agree.substring("MISMATCH ".length()).split(" / ")[0].trim();
            return first.contains("=") && first.contains("pydicom");
        }
        return false;
    }

    /** Stored values in the REFERENCE.md convention, ready to hash. */
    static final class Stored {
        final int[] values;
        final int bytesPerValue;
        final boolean signed;

        Stored(int[] values, int bytesPerValue, boolean signed) {
            this.values = values;
            this.bytesPerValue = bytesPerValue;
            this.signed = signed;
        }

        String sha256() {
            return ReferenceHash.sha256(values, bytesPerValue);
        }

        /** The value as the oracle's numpy dtype holds it. */
        double valueAt(int i) {
            int v = values[i];
            if (signed) {
                return v;
            }
            return switch (bytesPerValue) {
                case 1 -> v & 0xFF;
                case 2 -> v & 0xFFFF;
                default -> Integer.toUnsignedLong(v);
            };
        }

        double[] minMaxMean() {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (int i = 0; i < values.length; i++) {
                double v = valueAt(i);
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
            return new double[] {min, max, sum / values.length};
        }
    }

    /** Concatenated frames, sign-extended from BitsStored where PixelRepresentation = 1. */
    static Stored stored(List<DecodedImage> frames, Map<String, String> row) {
        int total = 0;
        for (DecodedImage f : frames) {
            total += f.samples().length;
        }
        int[] all = new int[total];
        int p = 0;
        for (DecodedImage f : frames) {
            System.arraycopy(f.samples(), 0, all, p, f.samples().length);
            p += f.samples().length;
        }
        int bitsAllocated = intOr(row, "BitsAllocated", 8);
        int bitsStored = intOr(row, "BitsStored", bitsAllocated);
        boolean signed = intOr(row, "PixelRepresentation", 0) == 1;
        if (signed && bitsStored < 32) {
            ReferenceHash.signExtend(all, bitsStored);
        }
        int bytes = bitsAllocated <= 8 ? 1 : bitsAllocated / 8;
        return new Stored(all, bytes, signed);
    }

    static String hex(byte[] b, int n) {
        return HexFormat.of().formatHex(b, 0, Math.min(n, b.length));
    }
}
