package org.clain.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.clain.testdata.ExternalTool;
import org.clain.testdata.Fragments;
import org.clain.testdata.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class Part10WriterTest {
    @TempDir
    Path tmp;

    // Selector*Value attributes (PS3.6, group 0072) exist for every VR
    static final int AE = 0x0072005E, AS = 0x0072005F, AT = 0x00720060, DA = 0x00720061, CS = 0x00720062,
            DT = 0x00720063, IS = 0x00720064, OB = 0x00720065, LO = 0x00720066, OF = 0x00720067, LT = 0x00720068,
            OW = 0x00720069, PN = 0x0072006A, TM = 0x0072006B, SH = 0x0072006C, UN = 0x0072006D, ST = 0x0072006E,
            UC = 0x0072006F, UT = 0x00720070, UR = 0x00720071, DS = 0x00720072, OD = 0x00720073, FD = 0x00720074,
            OL = 0x00720075, FL = 0x00720076, UL = 0x00720078, US = 0x0072007A, SL = 0x0072007C, SS = 0x0072007E,
            UI = 0x0072007F, SQ = 0x00720080, OV = 0x00720081, SV = 0x00720082, UV = 0x00720083;
    static final int ReferencedSeriesSequence = 0x00081115, ReferencedSOPSequence = 0x00081199,
            ReferencedImageSequence = 0x00081140, ReferencedSOPInstanceUID = 0x00081155, CodeMeaning = 0x00080104;

    static final String NAME = "Müller^José=山田^太郎";

    /** One value of every VR, odd lengths, non-ASCII text, nested sequences, in the given byte order. */
    static Attributes everyVr(ByteOrder order, boolean nonAscii) {
        Attributes ds = new Attributes(order, null);
        ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.7");
        ds.setString(Tag.SOPInstanceUID, VR.UI, UIDs.fromName("Part10WriterTest.everyVr"));
        ds.setString(AE, VR.AE, "CLAIN"); // odd: padded with a space
        ds.setString(AS, VR.AS, "042Y");
        ds.setInts(AT, VR.AT, Tag.PatientName, Tag.PixelData);
        ds.setString(DA, VR.DA, "20250102");
        ds.setStrings(CS, VR.CS, "ABC", "DEFG"); // 8 chars
        ds.setString(0x00080060, VR.CS, "OT");
        ds.setString(Tag.ImageType, VR.CS, "DERIVED\\SECONDARY\\X"); // 19: odd
        ds.setString(DT, VR.DT, "20250102120000.1");
        ds.setInts(IS, VR.IS, -5, 123, 7);
        ds.setBytes(OB, VR.OB, new byte[] {1, 2, 3});
        ds.setString(LO, VR.LO, nonAscii ? "Müller" : "Mueller"); // 7 bytes either way: odd
        ds.setDoubles(OF, VR.OF, 1.5, -2.25);
        ds.setString(LT, VR.LT, "line1\r\nline2");
        ds.setInts(OW, VR.OW, 0x1234, 0xFFFE);
        ds.setString(PN, VR.PN, nonAscii ? NAME : "Mueller^Jose");
        ds.setString(TM, VR.TM, "120000.5");
        ds.setString(SH, VR.SH, nonAscii ? "Größe" : "Groesse");
        ds.setBytes(UN, VR.UN, new byte[] {9, 8, 7});
        ds.setString(ST, VR.ST, "a short text");
        ds.setString(UC, VR.UC, "unlimited characters");
        ds.setString(UT, VR.UT, "unlimited text!!");
        ds.setString(UR, VR.UR, "https://example.org/clain");
        ds.setDoubles(DS, VR.DS, 1.25, -74.375, 1e-20, 0.1 + 0.2);
        ds.setDoubles(OD, VR.OD, Math.PI);
        ds.setDoubles(FD, VR.FD, Math.E, -1e300);
        ds.setBytes(OL, VR.OL, ByteBuffer.allocate(8).order(order).putInt(0x01020304).putInt(-7).array());
        ds.setDoubles(FL, VR.FL, 3.5);
        ds.setInts(UL, VR.UL, 0xFFFFFFFF, 7);
        ds.setInts(US, VR.US, 65535, 1);
        ds.setInts(SL, VR.SL, -2, Integer.MAX_VALUE);
        ds.setInts(SS, VR.SS, -32768, 7);
        ds.setString(UI, VR.UI, "1.2.3"); // odd: padded with NUL
        ds.setBytes(OV, VR.OV, ByteBuffer.allocate(8).order(order).putLong(0x0102030405060708L).array());
        ds.setBytes(SV, VR.SV, ByteBuffer.allocate(16).order(order).putLong(-1L).putLong(Long.MIN_VALUE).array());
        ds.setBytes(UV, VR.UV, ByteBuffer.allocate(8).order(order).putLong(Long.MAX_VALUE).array());
        // sequences: three levels, an empty sequence, an empty item, binary values inside items
        Attributes sop = new Attributes(order, null);
        sop.setString(ReferencedSOPInstanceUID, VR.UI, "1.2.3.4.5");
        sop.setInts(US, VR.US, 42);
        Attributes series = new Attributes(order, null);
        series.setString(Tag.SeriesInstanceUID, VR.UI, "1.2.3.4");
        series.setSequence(ReferencedSOPSequence, List.of(sop, new Attributes(order, null)));
        series.setString(CodeMeaning, VR.LO, nonAscii ? "Leber – Läsion" : "Liver lesion");
        ds.setSequence(ReferencedSeriesSequence, List.of(series));
        ds.setSequence(ReferencedImageSequence, List.of());
        Attributes code = new Attributes(order, null);
        code.setDoubles(FD, VR.FD, -0.5);
        ds.setSequence(SQ, List.of(code));
        return ds;
    }

    @Test
    void everyVrRoundTrips() throws Exception {
        Path f = tmp.resolve("every-vr.dcm");
        Part10Writer.write(f, everyVr(ByteOrder.LITTLE_ENDIAN, true));
        DicomFile back = DicomReader.read(f);
        assertEquals(List.of(), back.warnings());
        Attributes d = back.dataset();
        assertEquals("ISO_IR 192", d.getString(Tag.SpecificCharacterSet), "non-ASCII text declares UTF-8");
        assertEquals("CLAIN", d.getString(AE));
        assertEquals("042Y", d.getString(AS));
        assertArrayEquals(new int[] {0x0010, 0x0010, 0x7FE0, 0x0010}, d.getUnsignedShorts(AT));
        assertEquals("20250102", d.getString(DA));
        assertArrayEquals(new String[] {"ABC", "DEFG"}, d.getStrings(CS));
        assertEquals("DERIVED\\SECONDARY\\X", d.getString(Tag.ImageType));
        assertEquals("20250102120000.1", d.getString(DT));
        assertArrayEquals(new double[] {-5, 123, 7}, d.getDoubles(IS));
        assertArrayEquals(new double[] {1.5, -2.25}, d.getDoubles(OF));
        assertEquals("line1\r\nline2", d.getString(LT));
        assertArrayEquals(new int[] {0x1234, 0xFFFE}, d.getUnsignedShorts(OW));
        assertEquals(NAME, d.getString(PN));
        assertEquals("Müller", d.getString(LO));
        assertEquals("Größe", d.getString(SH));
        assertEquals("120000.5", d.getString(TM));
        assertEquals("a short text", d.getString(ST));
        assertEquals("unlimited characters", d.getString(UC));
        assertEquals("unlimited text!!", d.getString(UT));
        assertEquals("https://example.org/clain", d.getString(UR));
        assertArrayEquals(new double[] {1.25, -74.375, 1e-20, 0.3}, d.getDoubles(DS));
        assertArrayEquals(new double[] {Math.PI}, d.getDoubles(OD));
        assertArrayEquals(new double[] {Math.E, -1e300}, d.getDoubles(FD));
        assertArrayEquals(new double[] {3.5}, d.getDoubles(FL));
        assertArrayEquals(new double[] {0xFFFFFFFFL, 7}, d.getDoubles(UL));
        assertArrayEquals(new double[] {65535, 1}, d.getDoubles(US));
        assertArrayEquals(new double[] {-2, Integer.MAX_VALUE}, d.getDoubles(SL));
        assertArrayEquals(new double[] {-32768, 7}, d.getDoubles(SS));
        assertEquals("1.2.3", d.getString(UI));
        ByteBuffer le = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        assertArrayEquals(le.putInt(0, 0x01020304).putInt(4, -7).array(), d.get(OL).value());
        assertArrayEquals(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0x0102030405060708L).array(),
                d.get(OV).value());
        assertArrayEquals(ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(-1L).putLong(Long.MIN_VALUE)
                .array(), d.get(SV).value());
        assertArrayEquals(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(Long.MAX_VALUE).array(),
                d.get(UV).value());
        assertArrayEquals(new byte[] {1, 2, 3, 0}, d.get(OB).value(), "OB padded with NUL");
        assertArrayEquals(new byte[] {9, 8, 7, 0}, d.get(UN).value(), "UN padded with NUL");
        // sequences
        List<Attributes> series = d.getSequence(ReferencedSeriesSequence);
        assertEquals(1, series.size());
        assertEquals("1.2.3.4", series.get(0).getString(Tag.SeriesInstanceUID));
        assertEquals("Leber – Läsion", series.get(0).getString(CodeMeaning), "items inherit ISO_IR 192");
        List<Attributes> sops = series.get(0).getSequence(ReferencedSOPSequence);
        assertEquals(2, sops.size());
        assertEquals("1.2.3.4.5", sops.get(0).getString(ReferencedSOPInstanceUID));
        assertEquals(42, sops.get(0).getInt(US, -1));
        assertEquals(0, sops.get(1).size(), "empty item");
        assertTrue(d.contains(ReferencedImageSequence));
        assertEquals(List.of(), d.getSequence(ReferencedImageSequence));
        assertArrayEquals(new double[] {-0.5}, d.getSequence(SQ).get(0).getDoubles(FD));
        // file meta
        Attributes meta = back.meta();
        assertArrayEquals(new byte[] {0, 1}, meta.get(0x00020001).value());
        assertEquals("1.2.840.10008.5.1.4.1.1.7", meta.getString(Tag.MediaStorageSOPClassUID));
        assertEquals(d.getString(Tag.SOPInstanceUID), meta.getString(Tag.MediaStorageSOPInstanceUID));
        assertEquals("1.2.840.10008.1.2.1", meta.getString(Tag.TransferSyntaxUID));
        assertEquals(UIDs.IMPLEMENTATION_CLASS_UID, meta.getString(Tag.ImplementationClassUID));
        assertEquals("CLAIN_010", meta.getString(Tag.ImplementationVersionName));
        assertTrue(UIDs.isValid(UIDs.IMPLEMENTATION_CLASS_UID));
        assertTrue(UIDs.IMPLEMENTATION_CLASS_UID.startsWith(UIDs.ROOT + "."));
    }

    @Test
    void rawEncodingIsExplicitLittleEndianWithEvenPaddedValues() throws Exception {
        byte[] file = Part10Writer.toBytes(everyVr(ByteOrder.LITTLE_ENDIAN, true));
        Map<Integer, byte[]> raw = RawWalker.walk(file);
        assertArrayEquals("CLAIN ".getBytes(StandardCharsets.US_ASCII), raw.get(AE), "text padded with space");
        assertArrayEquals("1.2.3\0".getBytes(StandardCharsets.US_ASCII), raw.get(UI), "UI padded with NUL");
        assertArrayEquals("Müller ".getBytes(StandardCharsets.UTF_8), raw.get(LO));
        assertArrayEquals("DERIVED\\SECONDARY\\X ".getBytes(StandardCharsets.US_ASCII), raw.get(Tag.ImageType));
        assertArrayEquals(new byte[] {0x10, 0x00, 0x10, 0x00, (byte) 0xE0, 0x7F, 0x10, 0x00}, raw.get(AT),
                "AT: group then element, each little endian");
        assertArrayEquals(new byte[] {0x34, 0x12, (byte) 0xFE, (byte) 0xFF}, raw.get(OW));
        assertArrayEquals("ISO_IR 192".getBytes(StandardCharsets.US_ASCII), raw.get(Tag.SpecificCharacterSet));
        assertArrayEquals("1.25\\-74.375\\1E-20\\0.3".getBytes(StandardCharsets.US_ASCII), raw.get(DS));
    }

    @Test
    void bigEndianDatasetIsSwappedToLittleEndian() throws Exception {
        byte[] fromLe = Part10Writer.toBytes(everyVr(ByteOrder.LITTLE_ENDIAN, true));
        byte[] fromBe = Part10Writer.toBytes(everyVr(ByteOrder.BIG_ENDIAN, true));
        // the same values built in either byte order give the same file
        assertArrayEquals(fromLe, fromBe);
    }

    @Test
    void asciiOnlyDatasetDeclaresNoCharacterSet() throws Exception {
        byte[] file = Part10Writer.toBytes(everyVr(ByteOrder.LITTLE_ENDIAN, false));
        Map<Integer, byte[]> raw = RawWalker.walk(file);
        assertNull(raw.get(Tag.SpecificCharacterSet));
        DicomFile back = DicomReader.read(tmp.resolve("x.dcm"), file);
        assertEquals("Mueller^Jose", back.dataset().getString(PN));
    }

    @Test
    void dcmdumpParsesTheWrittenFile() throws Exception {
        assumeTrue(ExternalTool.find("dcmdump").isPresent(), "dcmdump (dcmtk) not installed");
        Path f = tmp.resolve("every-vr.dcm");
        Part10Writer.write(f, everyVr(ByteOrder.LITTLE_ENDIAN, true));
        ExternalTool.Result r = ExternalTool.run(List.of("dcmdump", "-dc", "+U8", f.toString()));
        assertEquals(0, r.exitCode(), r.all());
        assertEquals(List.of(), r.linesStartingWith("E:", "W:"), r.all());
        String out = new String(r.stdout().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        List<String> expected = List.of(
                "(0072,0060) AT (0010,0010)\\(7fe0,0010)",
                "(0072,006a) PN [" + NAME + " ]", // -dc shows the padding
                "(0072,0066) LO [Müller ]",
                "(0072,0065) OB 01\\02\\03\\00",
                "(0072,0072) DS [1.25\\-74.375\\1E-20\\0.3]",
                "(0072,007a) US 65535\\1",
                "(0072,007c) SL -2\\2147483647",
                "(0072,0082) SV -1\\-9223372036854775808",
                "(0072,0083) UV 9223372036854775807",
                "(0008,1199) SQ (Sequence with undefined length #=2)",
                "(0002,0013) SH [CLAIN_010 ]");
        List<String> missing = expected.stream().filter(x -> !out.contains(x)).collect(Collectors.toList());
        assertEquals(List.of(), missing, out);
    }

    // ---- real files ------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"syntaxes/pydicom-test_files/CT_small.dcm", "syntaxes/pydicom-test_files/MR_small_bigendian.dcm",
            "syntaxes/pydicom-test_files/MR_small_implicit.dcm"})
    void realFilesKeepPixelsAndHeaderValues(String rel) throws Exception {
        Path src = SharedData.file(rel);
        String before = sha256(Files.readAllBytes(src));
        DicomFile in = DicomReader.read(src);
        Path out = tmp.resolve("rewritten.dcm");
        Part10Writer.write(out, in);
        DicomFile back = DicomReader.read(out);
        assertEquals(TransferSyntax.EXPLICIT_VR_LE, back.transferSyntax());
        assertEquals(List.of(), back.warnings());
        assertEquals(SharedData.referenceRow(rel).orElseThrow().get("sha256"), pixelSha(back), "pixels");
        assertSameValues(in.dataset(), back.dataset(), "");
        assertEquals(before, sha256(Files.readAllBytes(src)), "input file unchanged");
        RawWalker.walk(Files.readAllBytes(out));
        if (ExternalTool.find("dcmdump").isPresent()) {
            // dcmtk decodes both: the dataset lines (not group lengths, not the meta) must be the same
            assertEquals(dcmdumpDataset(src), dcmdumpDataset(out));
        }
    }

    @Test
    void bigEndianRewriteEqualsTheLittleEndianOriginal() throws Exception {
        DicomFile be = DicomReader.read(SharedData.file("syntaxes/pydicom-test_files/MR_small_bigendian.dcm"));
        DicomFile le = DicomReader.read(SharedData.file("syntaxes/pydicom-test_files/MR_small.dcm"));
        Path out = tmp.resolve("from-be.dcm");
        Part10Writer.write(out, be);
        DicomFile back = DicomReader.read(out);
        assertArrayEquals(le.dataset().getDoubles(Tag.PixelSpacing), back.dataset().getDoubles(Tag.PixelSpacing));
        assertEquals(pixelSha(le), pixelSha(back));
        assertEquals(le.dataset().getInt(Tag.Rows, 0), back.dataset().getInt(Tag.Rows, -1));
    }

    /** PS3.5 H.3.1 (chrH31), and pydicom's expected value for chrJapMulti. */
    static final Map<String, String> ISO_2022_NAMES = Map.of(
            "chrH31.dcm", "Yamada^Tarou=山田^太郎=やまだ^たろう",
            "chrJapMulti.dcm", "やまだ^たろう");

    @ParameterizedTest
    @ValueSource(strings = {"chrRuss.dcm", "chrJapMulti.dcm", "chrX1.dcm", "chrH31.dcm", "chrArab.dcm"})
    void otherCharacterSetsAreTranscodedToUtf8(String name) throws Exception {
        DicomFile in = DicomReader.read(SharedData.file("syntaxes/pydicom-test_files/charset/" + name));
        Path out = tmp.resolve(name);
        Part10Writer.write(out, in);
        DicomFile back = DicomReader.read(out);
        assertEquals("ISO_IR 192", back.dataset().getString(Tag.SpecificCharacterSet));
        String name0 = in.dataset().getString(Tag.PatientName);
        assertNotNull(name0);
        assertFalse(name0.chars().allMatch(c -> c < 128), "the test file has non-ASCII names: " + name0);
        assertSameValues(in.dataset(), back.dataset(), "");
        if (ExternalTool.find("dcmdump").isPresent()) {
            // dcmtk converts both to UTF-8 independently: same names
            ExternalTool.Result a = ExternalTool.run(List.of("dcmdump", "+U8", "+P", "0010,0010", SharedData
                    .file("syntaxes/pydicom-test_files/charset/" + name).toString()));
            ExternalTool.Result b = ExternalTool.run(List.of("dcmdump", "+U8", "+P", "0010,0010", out.toString()));
            assertEquals(0, b.exitCode(), b.all());
            assertEquals(List.of(), b.linesStartingWith("E:", "W:"), b.all());
            String written = new String(b.stdout().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8).strip();
            if (a.exitCode() == 0) {
                assertEquals(new String(a.stdout().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8).strip(),
                        written);
            } else {
                // dcmtk here has no ISO 2022 IR 87 converter: the names the standard / pydicom give instead
                assertTrue(written.contains("[" + ISO_2022_NAMES.get(name) + "]"), written);
            }
        }
        if (ISO_2022_NAMES.containsKey(name)) {
            assertEquals(ISO_2022_NAMES.get(name), back.dataset().getString(Tag.PatientName));
        }
    }

    /** Every agreed corpus file but the long real series: pixels as REFERENCE.tsv, values as read, dcmdump happy. */
    static Stream<Map<String, String>> corpus() {
        Map<String, Integer> perSeries = new LinkedHashMap<>();
        return SharedData.reference().stream().filter(SharedData::agreedByTwoOrMore).filter(r -> {
            String p = r.get("path");
            if (!p.startsWith("real-")) {
                return true;
            }
            String series = p.substring(0, p.lastIndexOf('/'));
            return perSeries.merge(series, 1, Integer::sum) <= 2;
        });
    }

    @ParameterizedTest(name = "{index} {0}")
    @MethodSource("corpus")
    void corpusRewrite(Map<String, String> row) throws Exception {
        String rel = row.get("path");
        Path src = SharedData.file(rel);
        String before = sha256(Files.readAllBytes(src));
        DicomFile in = DicomReader.read(src);
        Path out = tmp.resolve("out.dcm");
        if (in.dataset().getString(Tag.SOPInstanceUID, "").isEmpty() || in.dataset().getString(Tag.SOPClassUID, "").isEmpty()) {
            assertThrows(DicomException.class, () -> Part10Writer.write(out, in), rel + " has no SOP UIDs");
            return;
        }
        Part10Writer.write(out, in);
        assertEquals(before, sha256(Files.readAllBytes(src)), rel + " input unchanged");
        DicomFile back = DicomReader.read(out);
        assertEquals(List.of(), back.warnings(), rel);
        TransferSyntax ts = in.transferSyntax();
        boolean compressed = ts != null && ts.encapsulated() && in.dataset().get(Tag.PixelData).bulk().encapsulated();
        assertEquals(compressed ? ts : TransferSyntax.EXPLICIT_VR_LE, back.transferSyntax(), rel);
        if (compressed) {
            // the codestreams travel untouched (odd fragments gain one NUL); extracted independently of the reader
            List<byte[]> a = Fragments.of(src);
            List<byte[]> b = Fragments.of(out);
            assertEquals(a.size(), b.size(), rel + " fragments");
            for (int i = 0; i < a.size(); i++) {
                assertArrayEquals(Arrays.copyOf(a.get(i), a.get(i).length + (a.get(i).length & 1)), b.get(i), rel + " fragment " + i);
            }
        } else {
            assertEquals(row.get("sha256"), pixelSha(back), rel + " pixels");
        }
        assertSameValues(in.dataset(), back.dataset(), rel + " ");
        RawWalker.walk(Files.readAllBytes(out));
        if (ExternalTool.find("dcmdump").isPresent()) {
            ExternalTool.Result r = ExternalTool.run(List.of("dcmdump", out.toString()));
            assertEquals(0, r.exitCode(), rel + ": " + r.all());
            assertEquals(List.of(), r.linesStartingWith("E:"), rel);
        }
    }

    // ---- atomicity and refusals --------------------------------------------------------------

    @Test
    void replacesAnExistingTargetAndLeavesNoTemporaryFile() throws Exception {
        Path f = tmp.resolve("a.dcm");
        Files.write(f, new byte[] {1, 2, 3});
        Part10Writer.write(f, everyVr(ByteOrder.LITTLE_ENDIAN, true));
        assertEquals("DICM", new String(Files.readAllBytes(f), 128, 4, StandardCharsets.US_ASCII));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(List.of("a.dcm"), s.map(p -> p.getFileName().toString()).collect(Collectors.toList()));
        }
    }

    @Test
    void aFailedWriteLeavesTheTargetAlone() throws Exception {
        Path f = tmp.resolve("a.dcm");
        Files.write(f, new byte[] {1, 2, 3});
        Attributes ds = everyVr(ByteOrder.LITTLE_ENDIAN, false);
        ds.setBytes(0x00720066, VR.LO, new byte[70000]); // too long for a 16-bit length
        DicomException e = assertThrows(DicomException.class, () -> Part10Writer.write(f, ds));
        assertTrue(e.getMessage().contains("(0072,0066)"), e.getMessage());
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(f));
        try (Stream<Path> s = Files.list(tmp)) {
            assertEquals(1, s.count(), "no temporary file left");
        }
    }

    @Test
    void refusesToOverwriteItsInput() throws Exception {
        Path copy = tmp.resolve("ct.dcm");
        Files.copy(SharedData.file("syntaxes/pydicom-test_files/CT_small.dcm"), copy);
        byte[] before = Files.readAllBytes(copy);
        DicomFile in = DicomReader.read(copy);
        assertThrows(IOException.class, () -> Part10Writer.write(copy, in));
        assertArrayEquals(before, Files.readAllBytes(copy));
    }

    @Test
    void refusesADatasetWithoutSopUids() {
        Attributes ds = new Attributes();
        ds.setString(Tag.PatientName, VR.PN, "X");
        assertThrows(DicomException.class, () -> Part10Writer.write(tmp.resolve("x.dcm"), ds));
    }

    @Test
    void compressedPixelDataIsNotWrittenUnderANativeSyntax() throws Exception {
        DicomFile in = DicomReader.read(SharedData.file("syntaxes/pydicom-test_files/JPEG2000.dcm"));
        assertTrue(in.dataset().get(Tag.PixelData).bulk().encapsulated());
        assertThrows(DicomException.class, () -> Part10Writer.write(tmp.resolve("x.dcm"), in.dataset()));
    }

    @Test
    void uidsAreValid() {
        for (int i = 0; i < 100; i++) {
            String u = UIDs.create();
            assertTrue(UIDs.isValid(u), u);
            assertTrue(u.startsWith("2.25."), u);
        }
        assertTrue(UIDs.isValid(UIDs.ROOT));
        assertEquals(UIDs.fromName("a"), UIDs.fromName("a"));
        assertFalse(UIDs.fromName("a").equals(UIDs.fromName("b")));
        assertFalse(UIDs.isValid("1.02.3"));
        assertFalse(UIDs.isValid("1..3"));
    }

    @Test
    void decimalStringsFitSixteenCharacters() {
        assertEquals("0.3", Attributes.formatDS(0.1 + 0.2));
        assertEquals("-74.375", Attributes.formatDS(-74.375));
        assertEquals("1E-20", Attributes.formatDS(1e-20));
        for (double v : new double[] {Math.PI * 1e6, -Math.PI * 1e-7, 1.0 / 3, -123456789.123456789, 1e300}) {
            String s = Attributes.formatDS(v);
            assertTrue(s.length() <= 16, s);
            assertEquals(v, Double.parseDouble(s), Math.abs(v) * 1e-10, s);
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    static String pixelSha(DicomFile f) throws Exception {
        PixelDecoder px = PixelDecoder.of(f);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < px.frames(); i++) {
            sha.update(px.referenceBytes(i));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static final Set<VR> TEXT_KEPT = Set.of(VR.AE, VR.AS, VR.CS, VR.DA, VR.DS, VR.DT, VR.IS, VR.LO, VR.LT,
            VR.PN, VR.SH, VR.ST, VR.TM, VR.UC, VR.UI, VR.UR, VR.UT);

    /** Values as the reader decodes them (in each dataset's own byte order and character set). */
    static void assertSameValues(Attributes a, Attributes b, String where) {
        for (Element e : a.elements()) {
            int tag = e.tag();
            String at = where + Tag.toString(tag);
            if ((tag & 0xFFFF) == 0 || tag >>> 16 == 2 || tag >>> 16 == 0xFFFE || tag == 0xFFFCFFFC) {
                continue;
            }
            Element f = b.get(tag);
            if (f == null) {
                fail(at + " missing after the rewrite");
            }
            if (e.isSequence()) {
                assertTrue(f.isSequence(), at);
                assertEquals(e.items().size(), f.items().size(), at + " items");
                for (int i = 0; i < e.items().size(); i++) {
                    assertSameValues(e.items().get(i), f.items().get(i), at + "[" + i + "]");
                }
                continue;
            }
            if (e.bulk() != null) {
                continue; // pixel data: compared by hash
            }
            if (tag == Tag.SpecificCharacterSet) {
                continue;
            }
            if (e.vr() != f.vr()) {
                // only the VRs an implicit source leaves open may be settled: same bytes, other label
                Set<VR> open = Set.of(VR.US, VR.SS, VR.OB, VR.OW);
                assertTrue(open.contains(e.vr()) && open.contains(f.vr()), at + " VR " + e.vr() + " became " + f.vr());
                assertArrayEquals(Arrays.copyOf(e.value(), e.length() + (e.length() & 1)), f.value(), at);
                continue;
            }
            if (TEXT_KEPT.contains(e.vr())) {
                assertEquals(a.getString(tag), b.getString(tag), at);
            } else if (e.vr() == VR.AT) {
                assertArrayEquals(a.getUnsignedShorts(tag), b.getUnsignedShorts(tag), at);
            } else if (e.vr() == VR.OB || e.vr() == VR.UN) {
                if (a.order() == ByteOrder.LITTLE_ENDIAN || e.vr() == VR.OB) {
                    assertArrayEquals(Arrays.copyOf(e.value(), e.length() + (e.length() & 1)), f.value(), at);
                }
            } else if (e.vr() == VR.OL || e.vr() == VR.OV || e.vr() == VR.SV || e.vr() == VR.UV) {
                int unit = e.vr() == VR.OL ? 4 : 8;
                byte[] expect = e.value().clone();
                if (a.order() == ByteOrder.BIG_ENDIAN) {
                    for (int i = 0; i + unit <= expect.length; i += unit) {
                        for (int x = i, y = i + unit - 1; x < y; x++, y--) {
                            byte t = expect[x];
                            expect[x] = expect[y];
                            expect[y] = t;
                        }
                    }
                }
                assertArrayEquals(expect, f.value(), at);
            } else {
                double[] x = a.getDoubles(tag);
                double[] y = b.getDoubles(tag);
                if (e.length() % 2 == 1 && x != null && y != null) {
                    y = Arrays.copyOf(y, x.length); // an odd binary value gains one padding byte
                }
                assertArrayEquals(x, y, at);
            }
        }
    }

    /** dcmdump's dataset lines without group lengths and meta: what a third party decodes. */
    static List<String> dcmdumpDataset(Path f) throws Exception {
        ExternalTool.Result r = ExternalTool.run(List.of("dcmdump", "-q", "-M", "+L", f.toString()));
        assertEquals(0, r.exitCode(), r.all());
        List<String> out = new ArrayList<>();
        boolean data = false;
        for (String line : r.stdout().split("\\R")) {
            if (line.startsWith("# Dicom-Data-Set")) {
                data = true;
                continue;
            }
            if (!data || line.startsWith("#") || line.isBlank() || line.matches("\\s*\\([0-9a-f]{4},0000\\).*")
                    || line.matches("\\s*\\((fffe,e00d|fffe,e0dd|fffc,fffc)\\).*")) {
                continue; // group lengths, delimiters (written only for undefined lengths), trailing padding
            }
            out.add(line.replaceAll("#\\s*(\\d+|u/l),", "#,") // lengths differ where values were odd
                    .replaceAll("with (explicit|undefined) length ", "")
                    .replaceAll("\\s+#", " #"));
        }
        return out;
    }

    /**
     * An explicit VR little endian walk written from PS3.5 7.1.2 and 7.5 independently of the
     * reader: preamble, group length of the meta, even lengths, ascending tags per dataset, items
     * and delimiters. Returns the raw values of the top-level dataset.
     */
    static final class RawWalker {
        private static final Set<String> LONG = Set.of("OB", "OD", "OF", "OL", "OV", "OW", "SQ", "UC", "UN", "UR", "UT",
                "SV", "UV");
        private final ByteBuffer b;

        private RawWalker(byte[] file) {
            b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        }

        static Map<Integer, byte[]> walk(byte[] file) {
            for (int i = 0; i < 128; i++) {
                assertEquals(0, file[i], "preamble");
            }
            assertEquals("DICM", new String(file, 128, 4, StandardCharsets.US_ASCII));
            RawWalker w = new RawWalker(file);
            w.b.position(132);
            assertEquals(0x00020000, w.tag());
            assertEquals("UL", w.vr());
            assertEquals(4, w.b.getShort());
            int groupLength = w.b.getInt();
            int metaEnd = w.b.position() + groupLength;
            Map<Integer, byte[]> meta = new LinkedHashMap<>();
            w.dataset(metaEnd, meta, 0);
            assertEquals(metaEnd, w.b.position(), "meta group length");
            meta.keySet().forEach(t -> assertEquals(2, t >>> 16, "meta holds group 2 only"));
            Map<Integer, byte[]> top = new LinkedHashMap<>();
            w.dataset(file.length, top, 0);
            assertEquals(file.length, w.b.position());
            top.keySet().forEach(t -> assertTrue(t >>> 16 != 2, "group 2 in the dataset"));
            return top;
        }

        private int tag() {
            int g = b.getShort() & 0xFFFF;
            return g << 16 | (b.getShort() & 0xFFFF);
        }

        private String vr() {
            return "" + (char) b.get() + (char) b.get();
        }

        /** Elements until end, or until an item delimiter when depth > 0. */
        private void dataset(int end, Map<Integer, byte[]> out, int depth) {
            long previous = -1;
            while (b.position() < end) {
                int tag = tag();
                if (tag == 0xFFFEE00D) {
                    assertTrue(depth > 0, "item delimiter outside an item");
                    assertEquals(0, b.getInt());
                    return;
                }
                long unsigned = tag & 0xFFFFFFFFL;
                assertTrue(unsigned > previous, String.format("tags ascending: %08X after %08X", tag, previous));
                previous = unsigned;
                String vr = vr();
                assertNotNull(VR.of(vr.charAt(0), vr.charAt(1)), "VR " + vr);
                long len;
                if (LONG.contains(vr)) {
                    assertEquals(0, b.getShort(), "reserved");
                    len = b.getInt() & 0xFFFFFFFFL;
                } else {
                    len = b.getShort() & 0xFFFF;
                }
                if (len == 0xFFFFFFFFL) {
                    assertTrue(vr.equals("SQ") || (tag == Tag.PixelData && vr.equals("OB")), "undefined length on " + vr);
                    items(depth, vr.equals("SQ"));
                    continue;
                }
                assertEquals(0, len % 2, String.format("even length of %08X", tag));
                byte[] v = new byte[(int) len];
                b.get(v);
                if (out != null) {
                    out.put(tag, v);
                }
            }
            assertEquals(0, depth, "item not closed");
        }

        private void items(int depth, boolean sequence) {
            while (true) {
                int tag = tag();
                int len = b.getInt();
                if (tag == 0xFFFEE0DD) {
                    assertEquals(0, len);
                    return;
                }
                assertEquals(0xFFFEE000, tag, "item");
                if (sequence) {
                    assertEquals(-1, len, "items of undefined length");
                    dataset(b.limit(), null, depth + 1);
                } else {
                    assertEquals(0, len % 2, "even fragment");
                    b.position(b.position() + len);
                }
            }
        }
    }
}
