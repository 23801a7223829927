package org.clain.measure;

import java.io.IOException;
import java.nio.file.Path;
import org.clain.dicom.Part10Writer;
import org.clain.dicom.UIDs;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.clain.dicom.Attributes;
import org.clain.dicom.Tag;
import org.clain.dicom.VR;
import org.clain.geom.Vec3;
import org.clain.study.Volume;

/**
 * Measurements as a DICOM Comprehensive 3D SR document following PS3.16 TID 1500 "Measurement
 * Report". Comprehensive 3D SR (PS3.3 A.35.13) is the SR IOD that allows SCOORD3D, the content
 * item of patient coordinates with their Frame of Reference; Comprehensive and Enhanced SR allow
 * only 2D image coordinates.
 *
 * <pre>
 * CONTAINER (126000, DCM, "Imaging Measurement Report")                TID 1500
 *   HAS CONCEPT MOD  CODE (121049, DCM) = (en-US, RFC5646)              TID 1204
 *   HAS OBS CONTEXT  CODE (121005, DCM, "Observer Type") = Device       TID 1001/1002/1004
 *   HAS OBS CONTEXT  UIDREF (121012) / TEXT (121013, 121015)
 *   HAS CONCEPT MOD  CODE (121058, DCM, "Procedure reported")
 *   CONTAINS CONTAINER (111028, DCM, "Image Library")                   TID 1600
 *     CONTAINS CONTAINER (126200, DCM, "Image Library Group") -> IMAGE items
 *   CONTAINS CONTAINER (126010, DCM, "Imaging Measurements")
 *     CONTAINS CONTAINER (125007, DCM, "Measurement Group")             per measurement:
 *       HAS OBS CONTEXT TEXT (112039) Tracking Identifier = label, UIDREF (112040) Tracking UID
 *       planar ROI  (TID 1410): CONTAINS SCOORD3D (111030, "Image Region") POLYGON | ELLIPSE,
 *                   NUM Area (mm2), NUM (112031 Attenuation Coefficient, HU) with
 *                   HAS CONCEPT MOD (121401 Derivation) = Mean | SD | Min | Max | Median (TID 1419)
 *       3D ROI      (TID 1411): CONTAINS SCOORD3D (121231, "Volume Surface") ELLIPSOID,
 *                   NUM Volume (mm3, geometric), HU statistics as above
 *       PET with an SUV factor, either ROI: NUM (126401 SUVbw, {SUVbw}g/ml) with Derivation Mean |
 *                   SD | Max | (126031 Peak Value Within ROI); a probe: NUM SUVbw
 *       distance, path, angles, probe (TID 1501 with TID 300): NUM (121206 Distance | 121211 Path
 *                   length | 285285000 Cobb angle | Angle | 112031) INFERRED FROM SCOORD3D
 *       arrow, text (TID 1501 qualitative evaluation): TEXT (121106, "Comment") INFERRED FROM SCOORD3D
 * </pre>
 * Every SCOORD3D carries the measurement's Referenced Frame of Reference UID; measurements without
 * a Frame of Reference are reported without coordinates. HU statistics are written for CT only
 * (112031 is an attenuation concept), SUVbw for PET, from the same {@link RoiStatistics} as the UI
 * and the CLI.
 *
 * <p>The document is built as an {@link Attributes} dataset; the Part 10 file is written by
 * org.clain.dicom.Part10Writer (explicit VR little endian) once that writer is in main.
 */
public final class StructuredReport {
    public static final String COMPREHENSIVE_3D_SR = "1.2.840.10008.5.1.4.1.1.88.34";
    public static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    /** UID of the device observer (Clain's measurement engine), derived from its name. */
    public static final String DEVICE_OBSERVER_UID = uidFromName("org.clain.measure");

    /** Per-document choices; null UIDs are generated. */
    public record Options(String seriesInstanceUid, String sopInstanceUid, int seriesNumber, int instanceNumber,
                          String seriesDescription, ZonedDateTime contentTime) {
        public static Options defaults() {
            return new Options(null, null, 9901, 1, "Clain measurements", ZonedDateTime.now());
        }
    }

    private StructuredReport() {
    }

    public static Attributes build(List<Measurement> measurements, Function<String, Volume> volumes, SrContext ctx) {
        return build(measurements, volumes, ctx, Options.defaults());
    }

    /**
     * @param volumes the loaded volume of a series UID, or null (ROI values are then left out)
     */
    public static Attributes build(List<Measurement> measurements, Function<String, Volume> volumes, SrContext ctx,
                                   Options opt) {
        Node root = new Node(null, "CONTAINER", SrCodes.IMAGING_MEASUREMENT_REPORT).template("1500");
        root.add(new Node("HAS CONCEPT MOD", "CODE", SrCodes.LANGUAGE_OF_CONTENT).code(SrCodes.ENGLISH_US));
        root.add(new Node("HAS OBS CONTEXT", "CODE", SrCodes.OBSERVER_TYPE).code(SrCodes.DEVICE));
        root.add(new Node("HAS OBS CONTEXT", "UIDREF", SrCodes.DEVICE_OBSERVER_UID).uid(DEVICE_OBSERVER_UID));
        root.add(new Node("HAS OBS CONTEXT", "TEXT", SrCodes.DEVICE_OBSERVER_NAME).text("Clain"));
        root.add(new Node("HAS OBS CONTEXT", "TEXT", SrCodes.DEVICE_OBSERVER_MODEL_NAME).text("Clain measure engine"));
        root.add(new Node("HAS CONCEPT MOD", "CODE", SrCodes.PROCEDURE_REPORTED).code(SrCodes.IMAGING_PROCEDURE));
        Node library = root.add(new Node("CONTAINS", "CONTAINER", SrCodes.IMAGE_LIBRARY));
        if (!ctx.images().isEmpty()) {
            Node group = library.add(new Node("CONTAINS", "CONTAINER", SrCodes.IMAGE_LIBRARY_GROUP));
            for (SrContext.ImageRef ref : ctx.images()) {
                group.add(new Node("CONTAINS", "IMAGE", null).image(ref));
            }
        }
        Node imaging = root.add(new Node("CONTAINS", "CONTAINER", SrCodes.IMAGING_MEASUREMENTS));
        Map<String, Integer> counters = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            int n = counters.merge(defaultTitle(m), 1, Integer::sum);
            Volume vol = m.seriesInstanceUid() == null ? null : volumes.apply(m.seriesInstanceUid());
            imaging.add(group(m, vol, n));
        }

        Attributes ds = new Attributes();
        String date = opt.contentTime().format(DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT));
        String time = opt.contentTime().format(DateTimeFormatter.ofPattern("HHmmss", Locale.ROOT));
        ds.setString(T.InstanceCreationDate, VR.DA, date);
        ds.setString(T.InstanceCreationTime, VR.TM, time);
        ds.setString(Tag.SOPClassUID, VR.UI, COMPREHENSIVE_3D_SR);
        ds.setString(Tag.SOPInstanceUID, VR.UI, opt.sopInstanceUid() != null ? opt.sopInstanceUid() : newUid());
        ds.setString(Tag.StudyDate, VR.DA, ctx.studyDate());
        ds.setString(Tag.ContentDate, VR.DA, date);
        ds.setString(Tag.StudyTime, VR.TM, ctx.studyTime());
        ds.setString(Tag.ContentTime, VR.TM, time);
        ds.setString(Tag.AccessionNumber, VR.SH, ctx.accessionNumber());
        ds.setString(Tag.Modality, VR.CS, "SR");
        ds.setString(Tag.Manufacturer, VR.LO, "Clain");
        ds.setString(Tag.ReferringPhysicianName, VR.PN, ctx.referringPhysicianName());
        ds.setString(Tag.SeriesDescription, VR.LO, opt.seriesDescription());
        ds.setString(Tag.ManufacturerModelName, VR.LO, "Clain");
        ds.setSequence(T.ReferencedPerformedProcedureStepSequence, List.of());
        ds.setString(Tag.PatientName, VR.PN, ctx.patientName());
        ds.setString(Tag.PatientID, VR.LO, ctx.patientId());
        ds.setString(Tag.PatientBirthDate, VR.DA, ctx.patientBirthDate());
        ds.setString(Tag.PatientSex, VR.CS, ctx.patientSex());
        ds.setString(T.SoftwareVersions, VR.LO, "0.1.0");
        ds.setString(Tag.StudyInstanceUID, VR.UI, ctx.studyInstanceUid());
        ds.setString(Tag.SeriesInstanceUID, VR.UI,
                opt.seriesInstanceUid() != null ? opt.seriesInstanceUid() : newUid());
        ds.setString(Tag.StudyID, VR.SH, ctx.studyId());
        ds.setString(Tag.SeriesNumber, VR.IS, Integer.toString(opt.seriesNumber()));
        ds.setString(Tag.InstanceNumber, VR.IS, Integer.toString(opt.instanceNumber()));
        root.writeInto(ds);
        ds.setString(T.CompletionFlag, VR.CS, "COMPLETE");
        ds.setString(T.VerificationFlag, VR.CS, "UNVERIFIED");
        ds.setSequence(T.PerformedProcedureCodeSequence, List.of());
        if (!ctx.images().isEmpty()) {
            ds.setSequence(T.CurrentRequestedProcedureEvidenceSequence, List.of(evidence(ds, ctx)));
        }
        if (nonAscii(ds)) {
            // text is encoded as UTF-8 (Attributes.setString); declared only when needed, as ASCII is the default
            ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        }
        return ds;
    }

    private static boolean nonAscii(Attributes a) {
        for (org.clain.dicom.Element e : a.elements()) {
            if (e.isSequence()) {
                for (Attributes item : e.items()) {
                    if (nonAscii(item)) {
                        return true;
                    }
                }
            } else if (e.vr().usesCharacterSet() && e.value() != null) {
                for (byte b : e.value()) {
                    if (b < 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static Node group(Measurement m, Volume vol, int n) {
        String template = m instanceof PlanarRoi ? "1410" : m instanceof EllipsoidRoi ? "1411" : "1501";
        Node g = new Node("CONTAINS", "CONTAINER", SrCodes.MEASUREMENT_GROUP).template(template);
        String title = m.label().isBlank() ? defaultTitle(m) + " " + n : m.label();
        g.add(new Node("HAS OBS CONTEXT", "TEXT", SrCodes.TRACKING_IDENTIFIER).text(title));
        g.add(new Node("HAS OBS CONTEXT", "UIDREF", SrCodes.TRACKING_UID).uid(trackingUid(m.id())));
        String forUid = m.frameOfReferenceUid();
        boolean ct = vol != null && "CT".equals(vol.modality());
        boolean suv = vol != null && !Double.isNaN(vol.suvFactor());
        if (m instanceof PlanarRoi r) {
            if (forUid != null) {
                g.add(scoord("CONTAINS", SrCodes.IMAGE_REGION, r.shape() == PlanarRoi.Shape.ELLIPSE ? "ELLIPSE"
                        : "POLYGON", regionPoints(r), forUid));
            }
            num(g, SrCodes.AREA, r.areaMm2(), SrCodes.MM2, null);
            if (ct) {
                huStats(g, RoiStatistics.planar(vol, r));
            }
            if (suv) {
                suvStats(g, RoiStatistics.planar(vol, r), vol, r);
            }
        } else if (m instanceof EllipsoidRoi e) {
            if (forUid != null) {
                g.add(scoord("CONTAINS", SrCodes.VOLUME_SURFACE, "ELLIPSOID", ellipsoidPoints(e), forUid));
            }
            num(g, SrCodes.VOLUME, e.nominalVolumeMm3(), SrCodes.MM3, null);
            if (ct) {
                huStats(g, RoiStatistics.ellipsoid(vol, e));
            }
            if (suv) {
                suvStats(g, RoiStatistics.ellipsoid(vol, e), vol, e);
            }
        } else if (m instanceof Distance d) {
            inferred(num(g, SrCodes.DISTANCE, d.lengthMm(), SrCodes.MM, null), "POLYLINE", d.points(), forUid);
        } else if (m instanceof Polyline p) {
            inferred(num(g, SrCodes.PATH_LENGTH, p.lengthMm(), SrCodes.MM, null), "POLYLINE", p.points(), forUid);
        } else if (m instanceof Angle a) {
            inferred(num(g, SrCodes.ANGLE, a.degrees(), SrCodes.DEG, null), "POLYLINE", a.points(), forUid);
        } else if (m instanceof CobbAngle c) {
            Node x = num(g, SrCodes.COBB_ANGLE, c.degrees(), SrCodes.DEG, null);
            inferred(x, "POLYLINE", List.of(c.a1(), c.a2()), forUid);
            inferred(x, "POLYLINE", List.of(c.b1(), c.b2()), forUid);
        } else if (m instanceof PointProbe p) {
            Node x = null;
            if (ct) {
                x = num(g, SrCodes.ATTENUATION_COEFFICIENT, VolumeSampler.at(vol, p.point()), SrCodes.HU, null);
            } else if (suv) {
                x = num(g, SrCodes.SUV_BW, VolumeSampler.at(vol, p.point()) * vol.suvFactor(), SrCodes.SUV_BW_UNIT, null);
            }
            if (x == null) {
                x = g.add(new Node("CONTAINS", "TEXT", SrCodes.COMMENT).text("point"));
            }
            inferred(x, "POINT", p.points(), forUid);
        } else if (m instanceof Arrow a) {
            Node x = g.add(new Node("CONTAINS", "TEXT", SrCodes.COMMENT).text(a.text().isEmpty() ? "arrow" : a.text()));
            inferred(x, "POLYLINE", a.points(), forUid);
        } else if (m instanceof TextLabel t) {
            Node x = g.add(new Node("CONTAINS", "TEXT", SrCodes.COMMENT).text(t.text().isEmpty() ? "label" : t.text()));
            inferred(x, "POINT", t.points(), forUid);
        }
        return g;
    }

    private static String defaultTitle(Measurement m) {
        if (m instanceof PlanarRoi r) {
            return r.shape().name().charAt(0) + r.shape().name().substring(1).toLowerCase(Locale.ROOT) + " ROI";
        }
        return switch (m.type()) {
            case "distance" -> "Distance";
            case "polyline" -> "Path";
            case "angle" -> "Angle";
            case "cobb" -> "Cobb angle";
            case "ellipsoid" -> "Ellipsoid ROI";
            case "point" -> "Point";
            case "arrow" -> "Arrow";
            default -> "Label";
        };
    }

    private static void huStats(Node g, RoiResult r) {
        if (r.count() == 0) {
            return;
        }
        num(g, SrCodes.ATTENUATION_COEFFICIENT, r.mean(), SrCodes.HU, SrCodes.MEAN);
        num(g, SrCodes.ATTENUATION_COEFFICIENT, r.sd(), SrCodes.HU, SrCodes.STANDARD_DEVIATION);
        num(g, SrCodes.ATTENUATION_COEFFICIENT, r.min(), SrCodes.HU, SrCodes.MINIMUM);
        num(g, SrCodes.ATTENUATION_COEFFICIENT, r.max(), SrCodes.HU, SrCodes.MAXIMUM);
        num(g, SrCodes.ATTENUATION_COEFFICIENT, r.median(), SrCodes.HU, SrCodes.MEDIAN);
    }

    /** PET: SUVbw mean, SD, max and peak (the PERCIST 1 ml sphere, {@link PeakUptake}). */
    private static void suvStats(Node g, RoiResult r, Volume vol, Measurement roi) {
        if (r.count() == 0) {
            return;
        }
        double f = vol.suvFactor();
        num(g, SrCodes.SUV_BW, r.mean() * f, SrCodes.SUV_BW_UNIT, SrCodes.MEAN);
        num(g, SrCodes.SUV_BW, r.sd() * f, SrCodes.SUV_BW_UNIT, SrCodes.STANDARD_DEVIATION);
        num(g, SrCodes.SUV_BW, r.max() * f, SrCodes.SUV_BW_UNIT, SrCodes.MAXIMUM);
        num(g, SrCodes.SUV_BW, PeakUptake.of(vol, roi) * f, SrCodes.SUV_BW_UNIT, SrCodes.PEAK);
    }

    /** Adds a NUM (with an optional derivation modifier); null and nothing added for NaN. */
    private static Node num(Node parent, SrCode concept, double value, SrCode unit, SrCode derivation) {
        if (!Double.isFinite(value)) {
            return null;
        }
        Node x = parent.add(new Node("CONTAINS", "NUM", concept).num(value, unit));
        if (derivation != null) {
            x.add(new Node("HAS CONCEPT MOD", "CODE", SrCodes.DERIVATION).code(derivation));
        }
        return x;
    }

    private static void inferred(Node num, String graphicType, List<Vec3> pts, String forUid) {
        if (num != null && forUid != null) {
            num.add(scoord("INFERRED FROM", null, graphicType, pts, forUid));
        }
    }

    private static Node scoord(String rel, SrCode concept, String graphicType, List<Vec3> pts, String forUid) {
        float[] data = new float[pts.size() * 3];
        for (int i = 0; i < pts.size(); i++) {
            data[3 * i] = (float) pts.get(i).x();
            data[3 * i + 1] = (float) pts.get(i).y();
            data[3 * i + 2] = (float) pts.get(i).z();
        }
        Node n = new Node(rel, "SCOORD3D", concept);
        n.graphicType = graphicType;
        n.graphic = data;
        n.frameOfReference = forUid;
        return n;
    }

    /** ELLIPSE: major axis end points, then minor (PS3.3 C.18.9.1.2); POLYGON: closed (last = first). */
    static List<Vec3> regionPoints(PlanarRoi r) {
        if (r.shape() == PlanarRoi.Shape.ELLIPSE) {
            List<Vec3> p = r.points();
            return r.radiusU() >= r.radiusV() ? p : List.of(p.get(2), p.get(3), p.get(0), p.get(1));
        }
        List<Vec3> closed = new ArrayList<>(r.points());
        closed.add(r.points().get(0));
        return closed;
    }

    /** ELLIPSOID: the three axes' end points, longest axis first. */
    static List<Vec3> ellipsoidPoints(EllipsoidRoi e) {
        List<Vec3> p = e.points();
        double[] radii = {e.ru(), e.rv(), e.rw()};
        Integer[] order = {0, 1, 2};
        java.util.Arrays.sort(order, (a, b) -> Double.compare(radii[b], radii[a]));
        List<Vec3> out = new ArrayList<>();
        for (int k : order) {
            out.add(p.get(2 * k));
            out.add(p.get(2 * k + 1));
        }
        return out;
    }

    private static Attributes evidence(Attributes parent, SrContext ctx) {
        Attributes study = new Attributes(ByteOrder.LITTLE_ENDIAN, parent);
        study.setString(Tag.StudyInstanceUID, VR.UI, ctx.studyInstanceUid());
        Map<String, List<SrContext.ImageRef>> bySeries = new LinkedHashMap<>();
        for (SrContext.ImageRef r : ctx.images()) {
            bySeries.computeIfAbsent(r.seriesInstanceUid(), k -> new ArrayList<>()).add(r);
        }
        List<Attributes> series = new ArrayList<>();
        for (Map.Entry<String, List<SrContext.ImageRef>> e : bySeries.entrySet()) {
            Attributes s = new Attributes(ByteOrder.LITTLE_ENDIAN, study);
            List<Attributes> sops = new ArrayList<>();
            for (SrContext.ImageRef r : e.getValue()) {
                sops.add(sopRef(s, r));
            }
            s.setSequence(T.ReferencedSOPSequence, sops);
            s.setString(Tag.SeriesInstanceUID, VR.UI, e.getKey());
            series.add(s);
        }
        study.setSequence(T.ReferencedSeriesSequence, series);
        return study;
    }

    private static Attributes sopRef(Attributes parent, SrContext.ImageRef r) {
        Attributes a = new Attributes(ByteOrder.LITTLE_ENDIAN, parent);
        a.setString(T.ReferencedSOPClassUID, VR.UI, r.sopClassUid());
        a.setString(T.ReferencedSOPInstanceUID, VR.UI, r.sopInstanceUid());
        return a;
    }

    /** A new UID under the UUID-derived root 2.25 (PS3.5 B.2). */
    public static String newUid() {
        return UIDs.create();
    }

    /** The Tracking Unique Identifier of a measurement: its UUID id as 2.25 UID, or a UID derived from the id. */
    public static String trackingUid(String id) {
        try {
            UUID u = UUID.fromString(id);
            ByteBuffer b = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
            return "2.25." + new BigInteger(1, b.array());
        } catch (IllegalArgumentException e) {
            return UIDs.fromName(id);
        }
    }

    static String uidFromName(String name) {
        return UIDs.fromName(name);
    }

    static String ds(double v) {
        return Attributes.formatDS(v);
    }

    /** Builds the report and writes it as a Part 10 file (explicit VR LE), atomically. */
    public static void write(Path target, List<Measurement> measurements, Function<String, Volume> volumes,
                             SrContext ctx) throws IOException {
        Part10Writer.write(target, build(measurements, volumes, ctx));
    }

    /** Tags of PS3.6 used here and not (yet) in {@link Tag}. */
    static final class T {
        static final int InstanceCreationDate = 0x00080012;
        static final int InstanceCreationTime = 0x00080013;
        static final int CodeValue = 0x00080100;
        static final int CodingSchemeDesignator = 0x00080102;
        static final int CodeMeaning = 0x00080104;
        static final int MappingResource = 0x00080105;
        static final int ReferencedPerformedProcedureStepSequence = 0x00081111;
        static final int ReferencedSeriesSequence = 0x00081115;
        static final int ReferencedSOPClassUID = 0x00081150;
        static final int ReferencedSOPInstanceUID = 0x00081155;
        static final int ReferencedSOPSequence = 0x00081199;
        static final int SoftwareVersions = 0x00181020;
        static final int MeasurementUnitsCodeSequence = 0x004008EA;
        static final int RelationshipType = 0x0040A010;
        static final int ValueType = 0x0040A040;
        static final int ConceptNameCodeSequence = 0x0040A043;
        static final int ContinuityOfContent = 0x0040A050;
        static final int UID = 0x0040A124;
        static final int TextValue = 0x0040A160;
        static final int ConceptCodeSequence = 0x0040A168;
        static final int MeasuredValueSequence = 0x0040A300;
        static final int NumericValue = 0x0040A30A;
        static final int PerformedProcedureCodeSequence = 0x0040A372;
        static final int CurrentRequestedProcedureEvidenceSequence = 0x0040A375;
        static final int CompletionFlag = 0x0040A491;
        static final int VerificationFlag = 0x0040A493;
        static final int ContentTemplateSequence = 0x0040A504;
        static final int ContentSequence = 0x0040A730;
        static final int TemplateIdentifier = 0x0040DB00;
        static final int GraphicData = 0x00700022;
        static final int GraphicType = 0x00700023;
        static final int ReferencedFrameOfReferenceUID = 0x30060024;

        private T() {
        }
    }

    /** A content item under construction (PS3.3 C.17.3). */
    private static final class Node {
        final String relationship;
        final String valueType;
        final SrCode concept;
        final List<Node> children = new ArrayList<>();
        String template;
        String text;
        String uid;
        SrCode code;
        double number;
        SrCode unit;
        String graphicType;
        float[] graphic;
        String frameOfReference;
        SrContext.ImageRef image;

        Node(String relationship, String valueType, SrCode concept) {
            this.relationship = relationship;
            this.valueType = valueType;
            this.concept = concept;
        }

        Node add(Node child) {
            children.add(child);
            return child;
        }

        Node template(String id) {
            template = id;
            return this;
        }

        Node text(String t) {
            text = t;
            return this;
        }

        Node uid(String u) {
            uid = u;
            return this;
        }

        Node code(SrCode c) {
            code = c;
            return this;
        }

        Node num(double v, SrCode u) {
            number = v;
            unit = u;
            return this;
        }

        Node image(SrContext.ImageRef r) {
            image = r;
            return this;
        }

        void writeInto(Attributes a) {
            if (relationship != null) {
                a.setString(T.RelationshipType, VR.CS, relationship);
            }
            a.setString(T.ValueType, VR.CS, valueType);
            if (concept != null) {
                a.setSequence(T.ConceptNameCodeSequence, List.of(codeItem(a, concept)));
            }
            switch (valueType) {
                case "CONTAINER" -> {
                    a.setString(T.ContinuityOfContent, VR.CS, "SEPARATE");
                    if (template != null) {
                        Attributes t = new Attributes(ByteOrder.LITTLE_ENDIAN, a);
                        t.setString(T.MappingResource, VR.CS, "DCMR");
                        t.setString(T.TemplateIdentifier, VR.CS, template);
                        a.setSequence(T.ContentTemplateSequence, List.of(t));
                    }
                }
                case "TEXT" -> a.setString(T.TextValue, VR.UT, text);
                case "UIDREF" -> a.setString(T.UID, VR.UI, uid);
                case "CODE" -> a.setSequence(T.ConceptCodeSequence, List.of(codeItem(a, code)));
                case "NUM" -> {
                    Attributes mv = new Attributes(ByteOrder.LITTLE_ENDIAN, a);
                    mv.setSequence(T.MeasurementUnitsCodeSequence, List.of(codeItem(mv, unit)));
                    mv.setString(T.NumericValue, VR.DS, ds(number));
                    a.setSequence(T.MeasuredValueSequence, List.of(mv));
                }
                case "SCOORD3D" -> {
                    ByteBuffer b = ByteBuffer.allocate(graphic.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                    for (float f : graphic) {
                        b.putFloat(f);
                    }
                    a.setBytes(T.GraphicData, VR.FL, b.array());
                    a.setString(T.GraphicType, VR.CS, graphicType);
                    a.setString(T.ReferencedFrameOfReferenceUID, VR.UI, frameOfReference);
                }
                case "IMAGE" -> a.setSequence(T.ReferencedSOPSequence, List.of(sopRef(a, image)));
                default -> throw new IllegalStateException(valueType);
            }
            if (!children.isEmpty()) {
                List<Attributes> items = new ArrayList<>();
                for (Node c : children) {
                    Attributes item = new Attributes(ByteOrder.LITTLE_ENDIAN, a);
                    c.writeInto(item);
                    items.add(item);
                }
                a.setSequence(T.ContentSequence, items);
            }
        }

        private static Attributes codeItem(Attributes parent, SrCode c) {
            Attributes a = new Attributes(ByteOrder.LITTLE_ENDIAN, parent);
            a.setString(T.CodeValue, VR.SH, c.value());
            a.setString(T.CodingSchemeDesignator, VR.SH, c.scheme());
            a.setString(T.CodeMeaning, VR.LO, c.meaning());
            return a;
        }
    }
}
