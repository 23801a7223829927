package org.clain.dicom;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.List;

/**
 * Part 10 writer (PS3.10 7.1): 128-byte preamble, "DICM", a file meta group built here, then the
 * dataset in Explicit VR Little Endian (PS3.5 7.1.2, A.2), elements in ascending tag order.
 * <ul>
 * <li>Values are padded to even length: space for text VRs, NUL for UI and binary VRs (PS3.5 6.2).</li>
 * <li>Sequences and items are written with undefined length and delimiters (PS3.5 7.5.1).</li>
 * <li>Binary values of a big-endian dataset are swapped to little endian, unit by unit per VR;
 * native Pixel Data becomes OW (Bits Allocated above 8) or OB, swapped exactly as
 * {@link PixelDecoder} reads it, so the decoded pixels are unchanged.</li>
 * <li>Where any PN/LO/SH/ST/LT/UC/UT value holds a non-ASCII byte (or an ISO 2022 escape), all
 * such values are re-encoded as UTF-8 and written under Specific Character Set ISO_IR 192. A
 * value without a declared character set is taken as UTF-8 when it is valid UTF-8 (what
 * {@link Attributes#setString} writes), else as ISO-8859-1 (what the reader shows).</li>
 * <li>Group lengths (gggg,0000), file meta elements and dataset trailing padding found in the
 * dataset are not copied: the meta group is rebuilt, other group lengths are retired.</li>
 * <li>The file is written to a temporary file in the target folder and moved over the target
 * atomically; the input is never opened for writing.</li>
 * </ul>
 */
public final class Part10Writer {
    private static final int MAX_SHORT_LENGTH = 0xFFFE;
    private static final byte[] UNDEFINED_LENGTH = {-1, -1, -1, -1};
    private static final int COPY_CHUNK = 1 << 20;
    private static final SecureRandom TEMP_NAMES = new SecureRandom();

    /** US-or-SS attributes that hold pixel values: SS where Pixel Representation is 1 (PS3.6, PS3.3 C.7.6.3). */
    private static final java.util.Set<Integer> PIXEL_VALUE_US_SS = java.util.Set.of(0x00189810, 0x00221452,
            0x00280106, 0x00280107, 0x00280108, 0x00280109, 0x00280120, 0x00280121, 0x00409211, 0x00409216,
            0x00603004, 0x00603006);

    private final Path target;
    private final TransferSyntax ts;
    private final boolean transcode;
    private final boolean implicitSource;

    private Part10Writer(Path target, TransferSyntax ts, boolean transcode, boolean implicitSource) {
        this.target = target;
        this.ts = ts;
        this.transcode = transcode;
        this.implicitSource = implicitSource;
    }

    /** Writes {@code dataset} as an Explicit VR Little Endian Part 10 file. */
    public static void write(Path target, Attributes dataset) throws IOException {
        writeAtomically(target, dataset, TransferSyntax.EXPLICIT_VR_LE, false);
    }

    /**
     * Re-writes a file read by {@link DicomReader}: Explicit VR Little Endian, except that
     * encapsulated (compressed) Pixel Data keeps its fragments and its transfer syntax. Where the
     * source was implicit VR, VRs the dictionary leaves open are settled as dcmtk settles them: OW
     * for "OB or OW", and for "US or SS" pixel values SS exactly where Pixel Representation is 1.
     * Refuses to replace the file it was read from.
     */
    public static void write(Path target, DicomFile source) throws IOException {
        if (source.path() != null && Files.exists(target) && Files.exists(source.path())
                && Files.isSameFile(target, source.path())) {
            throw new IOException(target + ": refusing to overwrite the file the dataset was read from");
        }
        TransferSyntax out = TransferSyntax.EXPLICIT_VR_LE;
        Element px = source.dataset().get(Tag.PixelData);
        TransferSyntax in = source.transferSyntax();
        if (px != null && px.bulk() != null && px.bulk().encapsulated() && in != null && in.encapsulated()) {
            out = in;
        }
        writeAtomically(target, source.dataset(), out, in == TransferSyntax.IMPLICIT_VR_LE);
    }

    /** The whole Part 10 file in memory (Explicit VR Little Endian). */
    public static byte[] toBytes(Attributes dataset) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new Part10Writer(null, TransferSyntax.EXPLICIT_VR_LE, needsTranscoding(dataset), false).writeFile(bytes, dataset);
        return bytes.toByteArray();
    }

    private static void writeAtomically(Path target, Attributes dataset, TransferSyntax ts, boolean implicitSource)
            throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Part10Writer w = new Part10Writer(abs, ts, needsTranscoding(dataset), implicitSource);
        Path tmp = dir.resolve("." + abs.getFileName() + "." + Long.toHexString(TEMP_NAMES.nextLong()) + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16)) {
                w.writeFile(out, dataset);
                out.flush();
                ch.force(false); // the bytes are on disk before the name points at them
            }
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void writeFile(OutputStream out, Attributes ds) throws IOException {
        String sopClass = ds.getString(Tag.SOPClassUID);
        String sopInstance = ds.getString(Tag.SOPInstanceUID);
        if (sopClass == null || sopClass.isEmpty() || sopInstance == null || sopInstance.isEmpty()) {
            throw new DicomException(target, -1, "cannot write a Part 10 file without SOP Class UID and SOP Instance UID");
        }
        out.write(new byte[128]);
        out.write(new byte[] {'D', 'I', 'C', 'M'});
        ByteArrayOutputStream meta = new ByteArrayOutputStream();
        header(meta, 0x00020001, VR.OB, 2);
        meta.write(new byte[] {0, 1});
        metaText(meta, Tag.MediaStorageSOPClassUID, VR.UI, sopClass);
        metaText(meta, Tag.MediaStorageSOPInstanceUID, VR.UI, sopInstance);
        metaText(meta, Tag.TransferSyntaxUID, VR.UI, ts.uid());
        metaText(meta, Tag.ImplementationClassUID, VR.UI, UIDs.IMPLEMENTATION_CLASS_UID);
        metaText(meta, Tag.ImplementationVersionName, VR.SH, UIDs.IMPLEMENTATION_VERSION_NAME);
        header(out, Tag.FileMetaInformationGroupLength, VR.UL, 4);
        writeInt(out, meta.size());
        meta.writeTo(out);
        writeDataset(out, ds, null, 0, true);
    }

    private void metaText(OutputStream out, int tag, VR vr, String value) throws IOException {
        value(out, tag, vr, value.getBytes(StandardCharsets.US_ASCII));
    }

    // ---- dataset -------------------------------------------------------------------------

    /**
     * @param inherited the character set in effect from the enclosing dataset (null: none declared)
     * @param pixelRepresentation the one in effect from the enclosing dataset
     */
    private void writeDataset(OutputStream out, Attributes ds, String[] inherited, int pixelRepresentation, boolean root)
            throws IOException {
        String[] charset = inherited;
        int pr = ds.getInt(Tag.PixelRepresentation, pixelRepresentation);
        Element cs = ds.get(Tag.SpecificCharacterSet);
        if (cs != null && cs.value() != null) {
            charset = terms(cs.value());
        }
        boolean swap = ds.order() == ByteOrder.BIG_ENDIAN;
        boolean wroteCharset = false;
        for (Element e : ds.elements()) {
            int tag = e.tag();
            int group = tag >>> 16;
            if ((tag & 0xFFFF) == 0 || group == 0x0002 || group == 0xFFFE || tag == 0xFFFCFFFC) {
                continue; // group lengths, file meta, stray items, dataset trailing padding
            }
            if (transcode && root && !wroteCharset && Integer.compareUnsigned(tag, Tag.SpecificCharacterSet) >= 0) {
                // the whole file becomes UTF-8
                value(out, Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192".getBytes(StandardCharsets.US_ASCII));
                wroteCharset = true;
                if (tag == Tag.SpecificCharacterSet) {
                    continue;
                }
            }
            if (tag == Tag.SpecificCharacterSet && transcode) {
                value(out, tag, VR.CS, "ISO_IR 192".getBytes(StandardCharsets.US_ASCII));
                continue;
            }
            if (e.isSequence() || e.vr() == VR.SQ) {
                writeSequence(out, e, charset, pr);
            } else if (tag == Tag.PixelData || tag == Tag.FloatPixelData || tag == Tag.DoubleFloatPixelData) {
                writePixelData(out, ds, e);
            } else {
                VR vr = e.vr() == VR.NONE ? VR.UN : e.vr();
                if (implicitSource) {
                    vr = settle(tag, vr, pr);
                }
                byte[] v = e.value() == null ? new byte[0] : e.value();
                if (transcode && vr.usesCharacterSet()) {
                    v = toUtf8(v, charset);
                } else if (swap) {
                    v = swapped(v, swapUnit(vr, tag));
                }
                value(out, tag, vr, v);
            }
        }
        if (transcode && root && !wroteCharset) {
            value(out, Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private void writeSequence(OutputStream out, Element e, String[] charset, int pr) throws IOException {
        header(out, e.tag(), VR.SQ, -1);
        List<Attributes> items = e.items() == null ? List.of() : e.items();
        for (Attributes item : items) {
            writeTag(out, Tag.Item);
            out.write(UNDEFINED_LENGTH);
            writeDataset(out, item, charset, pr, false);
            writeTag(out, Tag.ItemDelimitationItem);
            writeInt(out, 0);
        }
        writeTag(out, Tag.SequenceDelimitationItem);
        writeInt(out, 0);
    }

    private void writePixelData(OutputStream out, Attributes ds, Element e) throws IOException {
        int tag = e.tag();
        int bitsAllocated = ds.getInt(Tag.BitsAllocated, 0);
        VR vr;
        if (tag == Tag.FloatPixelData) {
            vr = VR.OF;
        } else if (tag == Tag.DoubleFloatPixelData) {
            vr = VR.OD;
        } else if (bitsAllocated > 8) {
            vr = VR.OW;
        } else if (bitsAllocated > 0) {
            vr = VR.OB;
        } else {
            vr = e.vr() == VR.OB ? VR.OB : VR.OW;
        }
        // the unit PixelDecoder reads a big-endian dataset's samples in; OB in big endian is a byte stream
        int unit = 1;
        if (ds.order() == ByteOrder.BIG_ENDIAN) {
            if (tag == Tag.FloatPixelData) {
                unit = 4;
            } else if (tag == Tag.DoubleFloatPixelData) {
                unit = 8;
            } else if (e.vr() != VR.OB && bitsAllocated > 8) {
                unit = bitsAllocated / 8;
            }
        }
        BulkData bulk = e.bulk();
        if (bulk != null && bulk.encapsulated()) {
            if (!ts.encapsulated()) {
                throw new DicomException(target, -1, "encapsulated Pixel Data cannot be written as " + ts.description()
                        + ": decode it first");
            }
            writeEncapsulated(out, tag, bulk);
            return;
        }
        if (ts.encapsulated()) {
            throw new DicomException(target, -1, "native Pixel Data cannot be written as " + ts.description());
        }
        if (bulk == null) {
            byte[] v = e.value() == null ? new byte[0] : e.value();
            value(out, tag, vr, swapped(v, unit));
            return;
        }
        long len = bulk.length();
        if (len + (len & 1) > 0xFFFFFFFEL) {
            throw new DicomException(target, -1, "Pixel Data of " + len + " bytes does not fit a 32-bit length");
        }
        header(out, tag, vr, len + (len & 1));
        int chunk = COPY_CHUNK - COPY_CHUNK % 8;
        for (long done = 0; done < len; ) {
            int n = (int) Math.min(chunk, len - done);
            byte[] b = bulk.bytes(bulk.offset() + done, n);
            out.write(swapped(b, unit));
            done += n;
        }
        if ((len & 1) != 0) {
            out.write(0);
        }
    }

    /** PS3.5 A.4: an item holding the Basic Offset Table, one item per fragment, a delimiter. */
    private void writeEncapsulated(OutputStream out, int tag, BulkData bulk) throws IOException {
        header(out, tag, VR.OB, -1);
        boolean oddFragment = false;
        for (BulkData.Fragment f : bulk.fragments()) {
            oddFragment |= (f.length() & 1) != 0;
        }
        long[] bot = oddFragment ? new long[0] : bulk.basicOffsets(); // padding would move the offsets
        writeTag(out, Tag.Item);
        writeInt(out, 4 * bot.length);
        for (long o : bot) {
            writeInt(out, (int) o);
        }
        for (BulkData.Fragment f : bulk.fragments()) {
            writeTag(out, Tag.Item);
            writeInt(out, f.length() + (f.length() & 1));
            out.write(bulk.bytes(f.offset(), f.length()));
            if ((f.length() & 1) != 0) {
                out.write(0);
            }
        }
        writeTag(out, Tag.SequenceDelimitationItem);
        writeInt(out, 0);
    }

    // ---- values and headers -----------------------------------------------------------------

    /** An element with its value padded to even length. */
    private void value(OutputStream out, int tag, VR vr, byte[] v) throws IOException {
        int len = v.length + (v.length & 1);
        if (!vr.hasLongLength() && len > MAX_SHORT_LENGTH) {
            throw new DicomException(target, -1, Tag.toString(tag) + " " + vr + " value of " + v.length
                    + " bytes exceeds the 16-bit length of its VR");
        }
        header(out, tag, vr, len);
        out.write(v);
        if ((v.length & 1) != 0) {
            out.write(vr.padding());
        }
    }

    /** Explicit VR header (PS3.5 7.1.2); length -1 writes undefined length. */
    private static void header(OutputStream out, int tag, VR vr, long length) throws IOException {
        writeTag(out, tag);
        out.write(vr.name().charAt(0));
        out.write(vr.name().charAt(1));
        if (vr.hasLongLength()) {
            out.write(0);
            out.write(0);
            if (length < 0) {
                out.write(UNDEFINED_LENGTH);
            } else {
                writeInt(out, (int) length);
            }
        } else {
            out.write((int) length & 0xFF);
            out.write((int) (length >>> 8) & 0xFF);
        }
    }

    private static void writeTag(OutputStream out, int tag) throws IOException {
        out.write((tag >>> 16) & 0xFF);
        out.write((tag >>> 24) & 0xFF);
        out.write(tag & 0xFF);
        out.write((tag >>> 8) & 0xFF);
    }

    private static void writeInt(OutputStream out, int v) throws IOException {
        out.write(v & 0xFF);
        out.write((v >>> 8) & 0xFF);
        out.write((v >>> 16) & 0xFF);
        out.write((v >>> 24) & 0xFF);
    }

    /** The VR an implicit-VR element gets where the dictionary allows two. */
    private static VR settle(int tag, VR vr, int pixelRepresentation) {
        if (vr != VR.US && vr != VR.SS && vr != VR.OB && vr != VR.OW) {
            return vr;
        }
        String vrs = Dictionary.standard().entry(tag).map(Dictionary.Entry::vrs).orElse("");
        if (vrs.equals("OB|OW")) {
            return VR.OW;
        }
        if (vrs.equals("US|SS") && PIXEL_VALUE_US_SS.contains(tag)) {
            return pixelRepresentation == 1 ? VR.SS : VR.US;
        }
        return vr;
    }

    /** Byte-swap unit of a binary value; UN takes its unit from the dictionary's VR for the tag. */
    static int swapUnit(VR vr, int tag) {
        return switch (vr) {
            case US, SS, OW, AT -> 2;
            case UL, SL, FL, OF, OL -> 4;
            case FD, OD, SV, UV, OV -> 8;
            case UN -> {
                VR known = Dictionary.standard().vrOf(tag);
                yield known == VR.UN || known == VR.NONE ? 1 : swapUnit(known, tag);
            }
            default -> 1;
        };
    }

    /** A copy with every whole unit of {@code unit} bytes reversed (the tail, if any, left as is). */
    static byte[] swapped(byte[] v, int unit) {
        if (unit <= 1) {
            return v;
        }
        byte[] out = v.clone();
        for (int i = 0; i + unit <= out.length; i += unit) {
            for (int a = i, b = i + unit - 1; a < b; a++, b--) {
                byte t = out[a];
                out[a] = out[b];
                out[b] = t;
            }
        }
        return out;
    }

    // ---- character sets -----------------------------------------------------------------------

    private static String[] terms(byte[] raw) {
        String[] t = new String(raw, StandardCharsets.US_ASCII).split("\\\\", -1);
        for (int i = 0; i < t.length; i++) {
            t[i] = t[i].trim();
        }
        return t;
    }

    /** True where some text value of a character-set VR, at any depth, is not plain ASCII. */
    static boolean needsTranscoding(Attributes ds) {
        for (Element e : ds.elements()) {
            if (e.items() != null) {
                for (Attributes item : e.items()) {
                    if (needsTranscoding(item)) {
                        return true;
                    }
                }
            } else if (e.vr().usesCharacterSet() && e.value() != null) {
                for (byte b : e.value()) {
                    if (b < 0 || b == 0x1B) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean declaresNothing(String[] terms) {
        if (terms == null) {
            return true;
        }
        for (String t : terms) {
            if (!t.isEmpty() && !t.equals("ISO_IR 6") && !t.equals("ISO 2022 IR 6")) {
                return false;
            }
        }
        return true;
    }

    private static byte[] toUtf8(byte[] v, String[] terms) {
        boolean ascii = true;
        for (byte b : v) {
            if (b < 0 || b == 0x1B) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return v;
        }
        if (terms != null && terms.length == 1 && terms[0].equals("ISO_IR 192")) {
            return v;
        }
        String text;
        if (declaresNothing(terms)) {
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(v)).toString();
            } catch (CharacterCodingException notUtf8) {
                text = new String(v, StandardCharsets.ISO_8859_1);
            }
        } else {
            text = SpecificCharacterSet.of(terms, null).decode(v, 0, v.length);
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
