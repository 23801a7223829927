package org.clain.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.clain.dicom.Attributes;
import org.clain.dicom.DicomException;
import org.clain.dicom.Tag;
import org.clain.geom.Vec3;

/**
 * An RT Structure Set (PS3.3 A.19, C.8.8.5-6): named structures (ROIs) outlined by contours in
 * patient coordinates, drawn over any image of their Frame of Reference where a contour lies in
 * the image's plane. The volume of a structure is its closed planar contours' areas times the
 * distance between their planes, a contour inside another of the same plane being a hole (inside
 * two, an island in the hole: the even-odd rule planning systems use for nested contours).
 */
public final class StructureSet {
    /** A contour: CLOSED_PLANAR, OPEN_PLANAR, OPEN_NONPLANAR or POINT (C.8.8.6.1), its points in mm. */
    public record Contour(String type, Vec3[] points) {
        public boolean closed() {
            return "CLOSED_PLANAR".equals(type);
        }
    }

    /** A structure: ROI Number, name, display colour (0xRRGGBB), contours and volume (mm3, NaN for none). */
    public record Structure(int number, String name, int rgb, List<Contour> contours, double volumeMm3) {
        public double volumeMl() {
            return volumeMm3 / 1000;
        }
    }

    /** A contour on an image: its structure and its points in the image's pixel coordinates (c0, r0, c1, r1, ...). */
    public record Drawn(Structure structure, double[] pixels, boolean closed) {
    }

    /** Colours for structures without an ROI Display Color. */
    private static final int[] PALETTE = {0x00FF00, 0xFF0000, 0x00FFFF, 0xFFFF00, 0xFF00FF, 0x0080FF, 0xFF8000};

    private final String sopInstanceUid;
    private final String frameOfReferenceUid;
    private final List<Structure> structures;

    private StructureSet(String sop, String frame, List<Structure> structures) {
        this.sopInstanceUid = sop;
        this.frameOfReferenceUid = frame;
        this.structures = List.copyOf(structures);
    }

    /** True for RT Structure Set Storage (1.2.840.10008.5.1.4.1.1.481.3) or Modality RTSTRUCT. */
    public static boolean isStructureSet(Instance in) {
        return "RTSTRUCT".equals(in.modality()) || "1.2.840.10008.5.1.4.1.1.481.3".equals(in.sopClassUid());
    }

    public static StructureSet read(Instance in) throws DicomException {
        if (!isStructureSet(in)) {
            throw new DicomException(in.path(), -1, "not an RT Structure Set (Modality " + in.modality() + ")");
        }
        Attributes ds = in.file().dataset();
        Map<Integer, String> names = new HashMap<>();
        String frame = ds.getString(Tag.FrameOfReferenceUID, "").trim();
        for (Attributes r : ds.getSequence(Tag.StructureSetROISequence)) {
            names.put(r.getInt(Tag.ROINumber, 0), r.getString(Tag.ROIName, "").trim());
            if (frame.isEmpty()) {
                frame = r.getString(Tag.ReferencedFrameOfReferenceUID, "").trim();
            }
        }
        if (frame.isEmpty()) {
            frame = ds.firstItem(Tag.ReferencedFrameOfReferenceSequence)
                    .map(r -> r.getString(Tag.FrameOfReferenceUID, "").trim()).orElse("");
        }
        List<Structure> out = new ArrayList<>();
        for (Attributes rc : ds.getSequence(Tag.ROIContourSequence)) {
            int number = rc.getInt(Tag.ReferencedROINumber, 0);
            List<Contour> contours = new ArrayList<>();
            for (Attributes c : rc.getSequence(Tag.ContourSequence)) {
                double[] xyz = c.getDoubles(Tag.ContourData);
                if (xyz == null || xyz.length < 3) {
                    continue;
                }
                Vec3[] pts = new Vec3[xyz.length / 3];
                for (int i = 0; i < pts.length; i++) {
                    pts[i] = Vec3.of(xyz, 3 * i);
                }
                contours.add(new Contour(c.getString(Tag.ContourGeometricType, "").trim().toUpperCase(Locale.ROOT), pts));
            }
            int[] colour = rc.getDoubles(Tag.ROIDisplayColor) == null ? null
                    : Arrays.stream(rc.getDoubles(Tag.ROIDisplayColor)).mapToInt(d -> (int) Math.round(d)).toArray();
            int rgb = colour != null && colour.length == 3
                    ? (clamp(colour[0]) << 16 | clamp(colour[1]) << 8 | clamp(colour[2]))
                    : PALETTE[Math.floorMod(number - 1, PALETTE.length)];
            String name = names.getOrDefault(number, "");
            out.add(new Structure(number, name.isEmpty() ? "ROI " + number : name, rgb, List.copyOf(contours),
                    volume(contours)));
        }
        return new StructureSet(in.sopInstanceUid(), frame, out);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /**
     * Closed contours' areas, holes subtracted, times the spacing of their planes (the smallest gap
     * between distinct ones).
     */
    private static double volume(List<Contour> contours) {
        List<Vec3[]> polygons = new ArrayList<>();
        List<Double> areas = new ArrayList<>();
        Vec3 normal = null;
        for (Contour c : contours) {
            if (!c.closed() || c.points().length < 3) {
                continue;
            }
            Vec3 n = newell(c.points());
            double a = n.norm() / 2;
            if (a == 0) {
                continue;
            }
            if (normal == null) {
                normal = n.normalized();
            }
            polygons.add(c.points());
            areas.add(a);
        }
        if (normal == null) {
            return Double.NaN;
        }
        double[] level = new double[polygons.size()];
        for (int i = 0; i < level.length; i++) {
            level[i] = polygons.get(i)[0].dot(normal);
        }
        // in-plane axes for the point-in-polygon tests
        Vec3 u = Math.abs(normal.x()) < 0.9 ? new Vec3(1, 0, 0).cross(normal).normalized()
                : new Vec3(0, 1, 0).cross(normal).normalized();
        Vec3 v = normal.cross(u);
        double area = 0;
        for (int i = 0; i < level.length; i++) {
            int depth = 0;
            for (int j = 0; j < level.length; j++) {
                if (j != i && Math.abs(level[j] - level[i]) < 1e-3 && areas.get(j) > areas.get(i)
                        && inside(polygons.get(i)[0], polygons.get(j), u, v)) {
                    depth++;
                }
            }
            area += depth % 2 == 0 ? areas.get(i) : -areas.get(i);
        }
        double[] d = Arrays.stream(level).sorted().toArray();
        double gap = Double.POSITIVE_INFINITY;
        for (int i = 1; i < d.length; i++) {
            if (d[i] - d[i - 1] > 1e-3) {
                gap = Math.min(gap, d[i] - d[i - 1]);
            }
        }
        return Double.isFinite(gap) ? area * gap : Double.NaN;
    }

    /** Whether point p lies inside polygon q (crossing number), both projected on the plane's axes u, v. */
    private static boolean inside(Vec3 p, Vec3[] q, Vec3 u, Vec3 v) {
        double px = p.dot(u);
        double py = p.dot(v);
        boolean in = false;
        for (int k = 0, m = q.length - 1; k < q.length; m = k++) {
            double ax = q[k].dot(u);
            double ay = q[k].dot(v);
            double bx = q[m].dot(u);
            double by = q[m].dot(v);
            if ((ay > py) != (by > py) && px < (bx - ax) * (py - ay) / (by - ay) + ax) {
                in = !in;
            }
        }
        return in;
    }

    /** Newell's normal of a polygon: its direction is the plane's normal, its length twice the area. */
    private static Vec3 newell(Vec3[] p) {
        double x = 0;
        double y = 0;
        double z = 0;
        for (int i = 0; i < p.length; i++) {
            Vec3 a = p[i];
            Vec3 b = p[(i + 1) % p.length];
            x += (a.y() - b.y()) * (a.z() + b.z());
            y += (a.z() - b.z()) * (a.x() + b.x());
            z += (a.x() - b.x()) * (a.y() + b.y());
        }
        return new Vec3(x, y, z);
    }

    public String sopInstanceUid() {
        return sopInstanceUid;
    }

    public String frameOfReferenceUid() {
        return frameOfReferenceUid;
    }

    /**
     * The image series its contours were drawn on, as far as the index tells: the same Frame of
     * Reference, a CT before other modalities (planning is on CT), then the most images.
     */
    public Optional<Series> drawnOn(List<Series> series) {
        return series.stream()
                .filter(s -> !s.stacks().isEmpty() && !frameOfReferenceUid.isEmpty()
                        && frameOfReferenceUid.equals(s.instances().get(0).frameOfReferenceUid()))
                .min(Comparator.comparing((Series s) -> !"CT".equals(s.modality()))
                        .thenComparing(s -> -s.instances().size()));
    }

    public List<Structure> structures() {
        return structures;
    }

    /**
     * The contours lying in an image's plane (every point within half its slice thickness of it,
     * 0.5 mm without one), in its pixel coordinates.
     */
    public List<Drawn> on(SliceHeader image) {
        if (!image.hasGeometry()) {
            return new ArrayList<>();
        }
        double tol = image.sliceThickness() > 0 ? image.sliceThickness() / 2 : 0.5;
        return on(image.position(), image.rowDirection().times(image.columnSpacing()),
                image.columnDirection().times(image.rowSpacing()), tol);
    }

    /**
     * What a plane of any orientation shows of the structures (a reformat: pixel (c, r) at {@code
     * origin + c stepColumn + r stepRow}): contours lying in it (within {@code tolerance} mm) as they
     * are, and where a closed contour's plane crosses it, the segments of the crossing (the polygon's
     * edges cut where they change side, the cuts paired in order along the line), in its pixels.
     */
    public List<Drawn> on(Vec3 origin, Vec3 stepColumn, Vec3 stepRow, double tolerance) {
        List<Drawn> out = new ArrayList<>();
        Vec3 n = stepColumn.cross(stepRow).normalized();
        for (Structure s : structures) {
            for (Contour c : s.contours()) {
                Vec3[] p = c.points();
                double[] dist = new double[p.length];
                boolean inPlane = true;
                for (int i = 0; i < p.length; i++) {
                    dist[i] = p[i].minus(origin).dot(n);
                    inPlane &= Math.abs(dist[i]) <= tolerance;
                }
                if (inPlane) {
                    double[] px = new double[2 * p.length];
                    for (int i = 0; i < p.length; i++) {
                        double[] q = pixel(p[i], origin, stepColumn, stepRow);
                        px[2 * i] = q[0];
                        px[2 * i + 1] = q[1];
                    }
                    out.add(new Drawn(s, px, c.closed()));
                } else if (c.closed() && p.length >= 3) {
                    crossing(s, p, dist, origin, stepColumn, stepRow, n, out);
                }
            }
        }
        return out;
    }

    private static void crossing(Structure s, Vec3[] p, double[] dist, Vec3 origin, Vec3 stepColumn, Vec3 stepRow,
                                 Vec3 n, List<Drawn> out) {
        List<Vec3> cuts = new ArrayList<>();
        for (int i = 0; i < p.length; i++) {
            int j = (i + 1) % p.length;
            // an edge from one side to the other (a vertex on the plane counts on the positive side)
            if ((dist[i] >= 0) != (dist[j] >= 0)) {
                double t = dist[i] / (dist[i] - dist[j]);
                cuts.add(p[i].plus(p[j].minus(p[i]).times(t)));
            }
        }
        if (cuts.size() < 2) {
            return;
        }
        Vec3 along = n.cross(newell(p)).normalized();
        cuts.sort((a, b) -> Double.compare(a.dot(along), b.dot(along)));
        for (int k = 0; k + 1 < cuts.size(); k += 2) {
            double[] a = pixel(cuts.get(k), origin, stepColumn, stepRow);
            double[] b = pixel(cuts.get(k + 1), origin, stepColumn, stepRow);
            out.add(new Drawn(s, new double[] {a[0], a[1], b[0], b[1]}, false));
        }
    }

    /** (c, r) of a point projected on the plane, for orthogonal steps. */
    private static double[] pixel(Vec3 p, Vec3 origin, Vec3 stepColumn, Vec3 stepRow) {
        Vec3 d = p.minus(origin);
        return new double[] {d.dot(stepColumn) / stepColumn.dot(stepColumn), d.dot(stepRow) / stepRow.dot(stepRow)};
    }
}
