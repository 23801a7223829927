package org.clain.dicom;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Part 10 reader (PS3.10 7.1, PS3.5 7): preamble and file meta, or a bare dataset whose encoding
 * is detected as pydicom and dcmtk do; implicit/explicit VR little endian, explicit big endian,
 * deflated; sequences of any nesting, UN of undefined length read as implicit VR LE.
 * A file is parsed from a positional read of its first bytes when its header ends there and its
 * Pixel Data runs to the end of the file (most image files), else from a memory mapping; Pixel Data
 * is only located, never read.
 * Every declared length is checked against what remains before anything is allocated.
 */
public final class DicomReader {
    static final long UNDEFINED = 0xFFFFFFFFL;
    private static final int MAX_DEPTH = 32;
    private static final int MAX_ITEMS = 1 << 20;
    private static final int MAX_FRAGMENTS = 1 << 22;
    /** Bound for a deflated dataset's inflated size: well beyond any real file, far below a heap. */
    private static final long MAX_INFLATED = 1L << 30;
    /**
     * Bytes read to parse a file without mapping it: Pixel Data starts within 4 KiB in 97% of the
     * corpus' files, within 32 KiB in all but enhanced multi-frame ones (up to 250 KiB of header),
     * and small files are read whole (16 KiB scanned the corpus 1.7x slower than 32).
     */
    private static final int HEAD_BYTES = 32 << 10;
    /** This thread's head buffer: direct, so the positional read lands in it without a bounce copy. */
    private static final ThreadLocal<ByteBuffer> HEAD =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(HEAD_BYTES));

    private final Path path;
    private final List<String> warnings = new ArrayList<>();
    private ByteBuffer buf;
    /** The file {@link #buf} maps at equal offsets; null for bytes in memory and once inflated. */
    private Path mappedFile;
    private long base; // file offset of buf position 0 (0 unless the buffer is inflated data)
    private boolean explicit;
    private boolean badVrWarned;
    private int items;
    private int fragments;
    /** Parsing the first bytes of a file of {@link #fileSize} bytes ({@link #readHead}), open as {@link #channel}. */
    private boolean headOnly;
    private long fileSize;
    private FileChannel channel;
    /** The parse that began in the head ended well: at Pixel Data to the end of the file, or in the mapping. */
    private boolean headComplete;

    private DicomReader(Path path, ByteBuffer buf) {
        this.path = path;
        this.buf = buf;
    }

    public static DicomFile read(Path path) throws DicomException {
        long size;
        ByteBuffer mapped;
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            size = ch.size();
            if (size == 0) {
                throw new DicomException(path, -1, "empty file");
            }
            if (size > Integer.MAX_VALUE) {
                throw new DicomException(path, -1, "file larger than 2 GiB (" + size + " bytes)");
            }
            DicomFile head = readHead(path, ch, size);
            if (head != null) {
                return head;
            }
            mapped = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
        } catch (DicomException e) {
            throw e;
        } catch (IOException e) {
            throw new DicomException(path, -1, "cannot open: " + e.getMessage(), e);
        }
        return read(path, mapped, true);
    }

    /**
     * The file parsed from a positional read of its first {@link #HEAD_BYTES}: a header that ends
     * there and native Pixel Data to the end of the file need nothing else; encapsulated or
     * deflated data, or data after the pixels, continue the parse in a mapping of the file from
     * where the head left it. Null when the head was not enough (a longer header, anything worth a
     * warning): the caller then maps the file and parses it again. Mapping, faulting in and
     * unmapping each file was half the time of a folder scan.
     */
    private static DicomFile readHead(Path path, FileChannel ch, long size) throws IOException {
        // reused: values are copied out of it and Pixel Data refers to the file, never to the head
        ByteBuffer head = HEAD.get().clear().limit((int) Math.min(size, HEAD_BYTES));
        while (head.hasRemaining() && ch.read(head, head.position()) > 0) {
            // positional reads until the head is full or the file ends
        }
        head.flip();
        DicomReader r = new DicomReader(path, head.order(ByteOrder.LITTLE_ENDIAN));
        r.mappedFile = path;
        r.fileSize = size;
        r.channel = ch;
        r.headOnly = true;
        try {
            DicomFile f = r.parse();
            return (r.headComplete || head.limit() == size) && r.warnings.isEmpty() ? f : null;
        } catch (DicomException | RuntimeException e) {
            return null; // the mapped parse reports it, with the whole file to look at
        }
    }

    /** Parses bytes already in memory (tests, fuzzing, DICOMweb). */
    public static DicomFile read(Path path, ByteBuffer data) throws DicomException {
        return read(path, data, false);
    }

    private static DicomFile read(Path path, ByteBuffer data, boolean mapsPath) throws DicomException {
        DicomReader r = new DicomReader(path, data.duplicate().order(ByteOrder.LITTLE_ENDIAN));
        r.mappedFile = mapsPath ? path : null;
        try {
            return r.parse();
        } catch (DicomException e) {
            throw e;
        } catch (RuntimeException e) {
            // a bound check we missed must still name the file, never escape as a bare crash
            throw new DicomException(path, r.buf.position() + r.base, "malformed data (" + e + ")", e);
        }
    }

    public static DicomFile read(Path path, byte[] data) throws DicomException {
        return read(path, ByteBuffer.wrap(data));
    }

    /** The highest group a dataset without preamble or meta may start with (Image Pixel's, 0028). */
    private static final int MAX_FIRST_GROUP = 0x0028;

    private DicomFile parse() throws DicomException {
        int size = buf.limit();
        Attributes meta = new Attributes(ByteOrder.LITTLE_ENDIAN, null);
        if (size >= 132 && buf.get(128) == 'D' && buf.get(129) == 'I' && buf.get(130) == 'C' && buf.get(131) == 'M') {
            buf.position(132);
            readMeta(meta);
        } else if (size >= 6 && buf.getShort(0) == 0x0002 && VR.of(buf.get(4), buf.get(5)) != null) {
            warnings.add("no preamble: file meta information starts at byte 0");
            buf.position(0);
            readMeta(meta);
        } else {
            buf.position(0);
            if (size < 8) {
                throw new DicomException(path, 0, "not DICOM: " + size + " bytes, no preamble, no dataset");
            }
        }
        String tsUid = meta.getString(Tag.TransferSyntaxUID);
        TransferSyntax ts = TransferSyntax.of(tsUid);
        if (tsUid != null && ts == null) {
            warnings.add("unknown transfer syntax " + tsUid + ", read as explicit VR little endian");
        }
        if (ts != null && ts.deflated()) {
            if (headOnly) {
                continueInMapping();
            }
            inflateRest();
        }
        int start = buf.position();
        if (buf.remaining() < 8) {
            if (meta.size() == 0) {
                throw new DicomException(path, start, "not DICOM: no preamble and no dataset");
            }
            return new DicomFile(path, meta, new Attributes(), tsUid, ts, List.copyOf(warnings));
        }
        ByteOrder order = ts != null && ts.bigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        boolean declaredExplicit = ts == null || ts.explicitVr();
        if (tsUid == null) {
            // no meta / no transfer syntax: detect the encoding from the first element
            int g = buf.getShort(start) & 0xFFFF;
            if (g == 0x0800 || (g > 0xFF && (g & 0xFF) == 0 && (g >> 8) <= 0x28)) {
                order = ByteOrder.BIG_ENDIAN;
            }
            int group = order == ByteOrder.BIG_ENDIAN ? Short.reverseBytes((short) g) & 0xFFFF : g;
            if (meta.size() == 0 && group > MAX_FIRST_GROUP) {
                // a bare dataset opens with an identifying group (0008 and below); anything else is another file
                throw new DicomException(path, 0, String.format("not DICOM: no preamble, no file meta information,"
                        + " and the first bytes are no data element (group %04X)", group));
            }
            declaredExplicit = VR.of(buf.get(start + 4), buf.get(start + 5)) != null;
            ts = declaredExplicit ? (order == ByteOrder.BIG_ENDIAN ? TransferSyntax.EXPLICIT_VR_BE
                    : TransferSyntax.EXPLICIT_VR_LE) : TransferSyntax.IMPLICIT_VR_LE;
            if (meta.size() == 0) {
                warnings.add("no file meta information: dataset read as " + ts.description());
            } else {
                warnings.add("no Transfer Syntax UID in the file meta: dataset read as " + ts.description());
            }
        } else {
            boolean looksExplicit = VR.of(buf.get(start + 4), buf.get(start + 5)) != null;
            if (declaredExplicit && !looksExplicit) {
                warnings.add("transfer syntax says explicit VR but the dataset is implicit VR: read as implicit");
                declaredExplicit = false;
            } else if (!declaredExplicit && looksExplicit) {
                int tag = (buf.getShort(start) & 0xFFFF) << 16 | (buf.getShort(start + 2) & 0xFFFF);
                VR found = VR.of(buf.get(start + 4), buf.get(start + 5));
                if (Dictionary.standard().vrOf(tag) == found) {
                    warnings.add("transfer syntax says implicit VR but the dataset is explicit VR: read as explicit");
                    declaredExplicit = true;
                }
            }
        }
        explicit = declaredExplicit;
        buf.order(order);
        Attributes dataset = new Attributes(order, null);
        readDataset(dataset, Long.MAX_VALUE, 0); // to the end of the buffer, which may become the whole file
        return new DicomFile(path, meta, dataset, tsUid, ts, List.copyOf(warnings));
    }

    private void readMeta(Attributes meta) throws DicomException {
        buf.order(ByteOrder.LITTLE_ENDIAN);
        explicit = true;
        while (buf.remaining() >= 8 && (buf.getShort(buf.position()) & 0xFFFF) == 0x0002) {
            Element e = readElement(meta, 0);
            if (e != null) {
                meta.put(e);
            }
        }
    }

    private void inflateRest() throws DicomException {
        int start = buf.position();
        Inflater inf = new Inflater(true);
        inf.setInput(buf.slice()); // the mapped file itself, no copy
        // a deflated dataset declares no inflated size: grow to MAX_INFLATED, checking the heap first
        long initial = Math.min(MAX_INFLATED, Math.max(1024L, 4L * buf.remaining()));
        Memory.checkArray(path, start, initial, "inflating the deflated dataset");
        byte[] out = new byte[(int) initial];
        int n = 0;
        try {
            while (!inf.finished()) {
                if (n == out.length) {
                    if (out.length >= MAX_INFLATED) {
                        throw new DicomException(path, start, "deflated dataset inflates beyond " + MAX_INFLATED + " bytes");
                    }
                    long grown = Math.min(MAX_INFLATED, out.length * 2L);
                    Memory.checkArray(path, start, grown + out.length, "inflating the deflated dataset");
                    out = java.util.Arrays.copyOf(out, (int) grown);
                }
                int k = inf.inflate(out, n, out.length - n);
                if (k == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    warnings.add("deflated dataset ends without the end of the deflate stream");
                    break;
                }
                n += k;
            }
        } catch (DataFormatException e) {
            throw new DicomException(path, start, "corrupt deflate stream: " + e.getMessage(), e);
        } finally {
            inf.end();
        }
        buf = ByteBuffer.wrap(out, 0, n).slice().order(ByteOrder.LITTLE_ENDIAN);
        mappedFile = null;
        base = start;
    }

    private long offset() {
        return base + buf.position();
    }

    private void need(long bytes, String what) throws DicomException {
        if (bytes > buf.remaining()) {
            throw new DicomException(path, offset(), what + ": needs " + bytes + " bytes, only "
                    + buf.remaining() + " left in the file");
        }
    }

    /** Tolerates a sequence or item longer than the file (edited files), as pydicom and dcmtk do. */
    private long clampToFile(long len, String what) {
        if (len > buf.remaining()) {
            warnings.add(what + " declares " + len + " bytes but only " + buf.remaining() + " remain: read to the end");
            return buf.remaining();
        }
        return len;
    }

    /** Reads elements into ds until {@code end} or an Item Delimitation Item. */
    private void readDataset(Attributes ds, long end, int depth) throws DicomException {
        if (depth > MAX_DEPTH) {
            throw new DicomException(path, offset(), "sequences nested deeper than " + MAX_DEPTH);
        }
        while (buf.position() < end && buf.remaining() > 0) {
            if (buf.remaining() < 8) {
                warnings.add(buf.remaining() + " trailing bytes at offset " + offset() + " ignored");
                buf.position(buf.limit());
                return;
            }
            int tagPos = buf.position();
            int tag = readTag();
            if (tag == Tag.ItemDelimitationItem) {
                buf.getInt();
                return;
            }
            buf.position(tagPos);
            Element e = readElement(ds, depth);
            if (e != null) {
                ds.put(e);
            }
        }
    }

    private int readTag() {
        int g = buf.getShort() & 0xFFFF;
        int el = buf.getShort() & 0xFFFF;
        return g << 16 | el;
    }

    private Element readElement(Attributes ds, int depth) throws DicomException {
        long start = offset();
        int tag = readTag();
        VR vr;
        long len;
        if ((tag >>> 16) == 0xFFFE) {
            // a stray item or delimiter outside a sequence: skip it
            len = buf.getInt() & 0xFFFFFFFFL;
            warnings.add("unexpected " + Tag.toString(tag) + " at offset " + start + " skipped");
            if (len != UNDEFINED) {
                need(len, "item at " + start);
                buf.position((int) (buf.position() + len));
            }
            return null;
        }
        if (explicit) {
            vr = VR.of(buf.get(buf.position()), buf.get(buf.position() + 1));
            if (vr != null) {
                buf.position(buf.position() + 2);
                if (vr.hasLongLength()) {
                    if (buf.remaining() < 6) {
                        // 12-byte header, 8 checked by the callers: the file ends inside it (fuzzing finding)
                        warnings.add("element " + Tag.toString(tag) + " at offset " + start
                                + " cut by the end of the file inside its header: ignored");
                        buf.position(buf.limit());
                        return null;
                    }
                    buf.getShort();
                    len = buf.getInt() & 0xFFFFFFFFL;
                } else {
                    len = buf.getShort() & 0xFFFF;
                }
            } else {
                if (!badVrWarned) {
                    warnings.add("element " + Tag.toString(tag) + " at offset " + start
                            + " has no valid explicit VR: read as implicit VR");
                    badVrWarned = true;
                }
                vr = Dictionary.standard().vrOf(tag);
                len = buf.getInt() & 0xFFFFFFFFL;
            }
        } else {
            vr = Dictionary.standard().vrOf(tag);
            len = buf.getInt() & 0xFFFFFFFFL;
        }
        if (isPixelData(tag)) {
            return readPixelData(tag, vr, len, start, depth);
        }
        if (vr == VR.SQ || len == UNDEFINED) {
            boolean implicitInside = vr == VR.UN && len == UNDEFINED;
            boolean saved = explicit;
            if (implicitInside) {
                explicit = false; // PS3.5 6.2.2: UN of undefined length holds implicit VR LE
            }
            try {
                return new Element(tag, VR.SQ, null, readItems(ds, len, depth + 1, start), null, start);
            } finally {
                explicit = saved;
            }
        }
        if (len > buf.remaining() && buf.remaining() > 0 && start > 132) {
            // truncated file: keep what is there, as pydicom does; a stray tag at the start is junk
            warnings.add("value of " + Tag.toString(tag) + " at offset " + start + " declares " + len
                    + " bytes but the file ends after " + buf.remaining() + ": truncated");
            len = buf.remaining();
        }
        if (len > buf.remaining()) {
            // the message is built only on failure: formatting it per element cost more than parsing
            need(len, "value of " + Tag.toString(tag) + " " + vr + " at offset " + start);
        }
        byte[] value = new byte[(int) len];
        buf.get(value);
        return new Element(tag, vr, value, null, null, start);
    }

    private static boolean isPixelData(int tag) {
        return tag == Tag.PixelData || tag == Tag.FloatPixelData || tag == Tag.DoubleFloatPixelData;
    }

    private List<Attributes> readItems(Attributes parent, long len, int depth, long start) throws DicomException {
        if (depth > MAX_DEPTH) {
            throw new DicomException(path, start, "sequences nested deeper than " + MAX_DEPTH);
        }
        long end;
        if (len == UNDEFINED) {
            end = Long.MAX_VALUE;
        } else {
            end = buf.position() + clampToFile(len, "sequence at offset " + start);
        }
        List<Attributes> list = new ArrayList<>();
        while (buf.position() < end) {
            if (buf.remaining() < 8) {
                if (len == UNDEFINED) {
                    warnings.add("sequence at offset " + start + " not closed before the end of the file");
                    buf.position(buf.limit());
                    break;
                }
                throw new DicomException(path, offset(), "sequence at offset " + start + " truncated");
            }
            long itemStart = offset();
            int tag = readTag();
            long itemLen = buf.getInt() & 0xFFFFFFFFL;
            if (tag == Tag.SequenceDelimitationItem) {
                break;
            }
            if (tag != Tag.Item) {
                throw new DicomException(path, itemStart, "expected an item (FFFE,E000) in the sequence at offset "
                        + start + ", found " + Tag.toString(tag));
            }
            if (++items > MAX_ITEMS) {
                throw new DicomException(path, itemStart, "more than " + MAX_ITEMS + " sequence items");
            }
            Attributes item = new Attributes(buf.order(), parent);
            if (itemLen == UNDEFINED) {
                readDataset(item, Long.MAX_VALUE, depth);
            } else {
                readDataset(item, buf.position() + clampToFile(itemLen, "item at offset " + itemStart), depth);
            }
            list.add(item);
        }
        return list;
    }

    private Element readPixelData(int tag, VR vr, long len, long start, int depth) throws DicomException {
        if (headOnly) {
            long pos = buf.position();
            if (depth == 0 && len != UNDEFINED && pos + len == fileSize) {
                // the usual layout: the header is complete, the pixels are read when needed
                buf.position(buf.limit());
                headComplete = true;
                return new Element(tag, vr, null, null, BulkData.inFile(mappedFile, fileSize, pos, len), start);
            }
            continueInMapping();
        }
        if (len != UNDEFINED) {
            long left = buf.remaining();
            long pos = buf.position();
            if (len > left) {
                warnings.add("Pixel Data at offset " + start + " declares " + len + " bytes but only " + left
                        + " remain: truncated");
            }
            buf.position((int) Math.min(buf.limit(), pos + len));
            BulkData bulk = new BulkData(buf, pos, Math.min(len, left), null, null, mappedFile);
            return new Element(tag, vr, null, null, bulk, start);
        }
        // encapsulated (PS3.5 A.4): Basic Offset Table item, then fragments, then a delimiter
        List<BulkData.Fragment> frags = new ArrayList<>();
        long[] bot = null;
        boolean first = true;
        while (true) {
            if (buf.remaining() < 8) {
                warnings.add("encapsulated Pixel Data at offset " + start + " ends without a Sequence Delimitation Item");
                break;
            }
            long itemStart = offset();
            int t = readTag();
            long itemLen = buf.getInt() & 0xFFFFFFFFL;
            if (t == Tag.SequenceDelimitationItem) {
                break;
            }
            if (t != Tag.Item || itemLen == UNDEFINED) {
                throw new DicomException(path, itemStart, "expected a fragment item in encapsulated Pixel Data, found "
                        + Tag.toString(t) + (itemLen == UNDEFINED ? " of undefined length" : ""));
            }
            if (itemLen > buf.remaining()) {
                warnings.add("fragment at offset " + itemStart + " declares " + itemLen + " bytes, "
                        + buf.remaining() + " remain: truncated");
                itemLen = buf.remaining();
            }
            if (first) {
                bot = new long[(int) (itemLen / 4)];
                for (int i = 0; i < bot.length; i++) {
                    bot[i] = buf.getInt(buf.position() + 4 * i) & 0xFFFFFFFFL;
                }
                first = false;
            } else {
                if (++fragments > MAX_FRAGMENTS) {
                    throw new DicomException(path, itemStart, "more than " + MAX_FRAGMENTS + " fragments");
                }
                frags.add(new BulkData.Fragment(buf.position(), (int) itemLen));
            }
            buf.position((int) (buf.position() + itemLen));
        }
        BulkData bulk = new BulkData(buf, -1, -1, List.copyOf(frags), bot == null ? new long[0] : bot, mappedFile);
        return new Element(tag, vr == VR.UN ? VR.OB : vr, null, null, bulk, start);
    }

    /** Swaps the head for a mapping of the whole file at the same position (offsets are file offsets). */
    private void continueInMapping() {
        try {
            ByteBuffer whole = channel.map(FileChannel.MapMode.READ_ONLY, 0, fileSize).order(buf.order());
            whole.position(buf.position());
            buf = whole;
        } catch (IOException e) {
            throw new HeadTooShort();
        }
        headOnly = false;
        headComplete = true;
    }

    /** The head of a file does not hold what its parse needs: map the whole file. */
    private static final class HeadTooShort extends RuntimeException {
        HeadTooShort() {
            super(null, null, false, false);
        }
    }
}
