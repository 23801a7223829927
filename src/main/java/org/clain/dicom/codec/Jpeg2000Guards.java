package org.clain.dicom.codec;

import jj2000.j2k.codestream.reader.BitstreamReaderAgent;
import jj2000.j2k.codestream.reader.CBlkInfo;
import jj2000.j2k.codestream.reader.FileBitstreamReaderAgent;

/**
 * What Clain does around JJ2000 so that no codestream can make it loop, take the heap or drop data:
 * streams it would loop on are refused, tile-part counts it would trust are repaired, and
 * code-blocks whose packet headers declare more bytes than the codestream holds are refused
 * before it allocates them. Each was found by fuzzing or on real files; the reasons are below.
 */
final class Jpeg2000Guards {
    private Jpeg2000Guards() {
    }

    /**
     * JJ2000 allocates each code-block's buffer from the lengths its packet headers declare, before
     * it reads the bytes: a corrupt 1,277-byte codestream made it allocate 300 MB (found by
     * fuzzing). And where a code-block's bytes run past the end of a truncated codestream, it
     * prints a stack trace to stderr before failing. The packet headers of a tile are read when the
     * tile is set; code-blocks declaring more bytes than the codestream holds, or bytes past its
     * end, are refused here, before JJ2000 reads them.
     */
    static void checkDeclaredLengths(BitstreamReaderAgent breader, int codestreamLength, int t)
            throws CodecException {
        if (!(breader instanceof FileBitstreamReaderAgent agent)) {
            return;
        }
        CBlkInfo[][][][][] info = agent.getCBlkInfo();
        for (CBlkInfo[][][][] comp : info == null ? new CBlkInfo[0][][][][] : info) {
            for (CBlkInfo[][][] res : comp == null ? new CBlkInfo[0][][][] : comp) {
                for (CBlkInfo[][] band : res == null ? new CBlkInfo[0][][] : res) {
                    for (CBlkInfo[] row : band == null ? new CBlkInfo[0][] : band) {
                        for (CBlkInfo cb : row == null ? new CBlkInfo[0] : row) {
                            if (cb == null || cb.len == null) {
                                continue;
                            }
                            long declared = 0;
                            for (int l = 0; l < cb.len.length; l++) {
                                declared += cb.len[l];
                                if (cb.len[l] > 0 && cb.off != null && l < cb.off.length
                                        && (long) cb.off[l] + cb.len[l] > codestreamLength) {
                                    throw new CodecException("JPEG 2000: tile " + t + ": code-block data runs past"
                                            + " the end of the " + codestreamLength + "-byte codestream (truncated)");
                                }
                            }
                            if (declared > codestreamLength) {
                                throw new CodecException("JPEG 2000: tile " + t + ": packet headers declare "
                                        + declared + " bytes for one code-block of a " + codestreamLength
                                        + "-byte codestream (corrupt)");
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * JJ2000 trusts TNsot (the number of tile-parts of a tile, in every Jpeg2000Decoder.SOT) and stops reading
     * a tile after that many tile-parts; with TNsot = 0 ("unknown") it misreads multi-part
     * tiles. Some encoders write a wrong TNsot (e.g. 5 where each tile has 6 tile-parts), which
     * silently drops the last resolution levels. If the tile-parts can be walked cleanly by
     * their Psot lengths and any tile's TNsot disagrees with the tile-parts found, returns a
     * copy of the codestream with TNsot corrected; otherwise null (nothing to repair).
     */
    static byte[] repairTilePartCounts(byte[] data, Jpeg2000Decoder.Header h) {
        int start = h.codestreamOffset();
        int end = start + h.codestreamLength();
        int p = h.firstTilePart();
        if (p < 0) {
            return null;
        }
        java.util.Map<Integer, java.util.List<Integer>> parts = new java.util.HashMap<>();
        boolean mismatch = false;
        while (p + 12 <= end && Jpeg2000Decoder.u16(data, p) == Jpeg2000Decoder.SOT) {
            if (Jpeg2000Decoder.u16(data, p + 2) != 10) {
                return null;
            }
            int tile = Jpeg2000Decoder.u16(data, p + 4);
            long psot = Jpeg2000Decoder.u32(data, p + 6);
            parts.computeIfAbsent(tile, k -> new java.util.ArrayList<>()).add(p);
            if (psot == 0) {
                break; // last tile-part, to Jpeg2000Decoder.EOC
            }
            if (psot < 14 || p + psot > end) {
                return null;
            }
            p += (int) psot;
        }
        if (p + 12 <= end && Jpeg2000Decoder.u16(data, p) != Jpeg2000Decoder.SOT && Jpeg2000Decoder.u16(data, p) != Jpeg2000Decoder.EOC) {
            return null; // the chain does not end at Jpeg2000Decoder.EOC: leave the stream to the decoder as it is
        }
        for (java.util.List<Integer> list : parts.values()) {
            for (int sot : list) {
                int tnsot = data[sot + 11] & 0xFF;
                if (tnsot != list.size() && !(tnsot == 0 && list.size() == 1)) {
                    mismatch = true;
                }
            }
        }
        if (!mismatch) {
            return null;
        }
        byte[] copy = java.util.Arrays.copyOfRange(data, start, end);
        for (java.util.List<Integer> list : parts.values()) {
            if (list.size() > 255) {
                return null;
            }
            for (int sot : list) {
                copy[sot - start + 11] = (byte) list.size();
            }
        }
        return copy;
    }


    private static final int SOD = 0xFF93;
    private static final int PPM = 0xFF60;
    private static final int PPT = 0xFF61;

    /**
     * JJ2000 gives every code-block arrays as long as the number of quality layers in Jpeg2000Decoder.COD (up to
     * 65535), so a 12x12 frame declaring 65530 layers took 0.5 s and megabytes (found by fuzzing).
     * Every layer holds at least one packet of at least one byte (an empty packet is one padded
     * bit), so a codestream cannot hold more layers than it has bytes: more is refused.
     */
    private static void checkLayers(byte[] data, int cod, Jpeg2000Decoder.Header h) throws CodecException {
        int layers = Jpeg2000Decoder.u16(data, cod + 6);
        if (layers > h.codestreamLength()) {
            throw new CodecException("JPEG 2000: Jpeg2000Decoder.COD declares " + layers + " quality layers, more than the "
                    + h.codestreamLength() + "-byte codestream can hold");
        }
    }

    /**
     * JJ2000's packet header bit reader (PktHeaderBitReader.readBit) never moves past two
     * consecutive 0xFF bytes, and reads the end of a packed packet header (-1 from a
     * ByteArrayInputStream) as endless one bits: on such data it loops for good (found by fuzzing:
     * DicomReaderFuzzTestInputs/readAndDecodeFrames/timeout-d8253d50...). Neither happens in a valid
     * codestream: in packet data a 0xFF byte is always followed by a byte below 0x90 (bit stuffing,
     * MQ coder), and DICOM encoders do not pack packet headers into PPM/PPT. So tile-part bodies
     * holding FF FF, and PPM/PPT marker segments, are refused here. Marker segment parameters (where
     * FF FF is a legal value) are skipped by their lengths; where a header cannot be walked (JJ2000
     * reads on through some malformed tile-part headers: a second fuzzing finding), everything after
     * that point is checked. Jpeg2000Decoder.COD segments, main and tile-part, are checked by {@link #checkLayers}.
     */
    static void refuseWhatJj2000LoopsOn(byte[] data, Jpeg2000Decoder.Header h) throws CodecException {
        int cs = h.codestreamOffset();
        int end = cs + h.codestreamLength();
        int q = cs + 2; // the Jpeg2000Decoder.SIZ marker
        while (q + 4 <= end && Jpeg2000Decoder.u16(data, q) != Jpeg2000Decoder.SOT) {
            int marker = Jpeg2000Decoder.u16(data, q);
            if (marker == PPM) {
                throw new CodecException("JPEG 2000: packed packet headers (PPM) not supported");
            }
            int len = Jpeg2000Decoder.u16(data, q + 2);
            if ((marker & 0xFF00) != 0xFF00 || len < 2) {
                refuseFfFf(data, q, end, cs); // a header we cannot walk: JJ2000 may still read on
                return;
            }
            if (marker == Jpeg2000Decoder.COD && len >= 12 && q + 2 + len <= end) {
                checkLayers(data, q, h);
            }
            q += 2 + len;
        }
        int p = q;
        while (p + 12 <= end && Jpeg2000Decoder.u16(data, p) == Jpeg2000Decoder.SOT) {
            long psot = Jpeg2000Decoder.u32(data, p + 6);
            int partEnd = psot == 0 || psot < 14 || p + psot > end ? end : (int) (p + psot);
            int m = p + 12;
            while (m + 2 <= partEnd && Jpeg2000Decoder.u16(data, m) != SOD) {
                int marker = Jpeg2000Decoder.u16(data, m);
                if (marker == PPT) {
                    throw new CodecException("JPEG 2000: packed packet headers (PPT) not supported");
                }
                if ((marker & 0xFF00) != 0xFF00 || m + 4 > partEnd || Jpeg2000Decoder.u16(data, m + 2) < 2) {
                    // a tile-part header we cannot walk (JJ2000 reads some of these on): check all that follows
                    refuseFfFf(data, m, end, cs);
                    return;
                }
                if (marker == Jpeg2000Decoder.COD && Jpeg2000Decoder.u16(data, m + 2) >= 12 && m + 2 + Jpeg2000Decoder.u16(data, m + 2) <= partEnd) {
                    checkLayers(data, m, h);
                }
                m += 2 + Jpeg2000Decoder.u16(data, m + 2);
            }
            refuseFfFf(data, m + 2, partEnd, cs); // the tile-part body
            if (partEnd == end) {
                return;
            }
            p = partEnd;
        }
        refuseFfFf(data, p, end, cs); // whatever follows the tile-parts
    }

    private static void refuseFfFf(byte[] data, int from, int to, int codestreamOffset) throws CodecException {
        for (int i = Math.max(from, codestreamOffset); i + 1 < to; i++) {
            if (data[i] == (byte) 0xFF && data[i + 1] == (byte) 0xFF) {
                throw new CodecException("JPEG 2000: corrupt packet data (FF FF at codestream offset "
                        + (i - codestreamOffset) + ")");
            }
        }
    }
}
