package org.clain.study.phantom;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The structures of each {@link Preset}, in painting order. Sizes are those of a small
 * (paediatric) trunk so that the body fits the default 179 mm field of view with air around it:
 * body 168 x 128 mm. Coordinates are relative to the anatomy centre {@code a} (patient LPS, mm):
 * +x patient left, +y posterior, +z superior. CT numbers are portal-venous-phase values.
 */
final class Anatomy {
    private final Vec3 a;
    private final List<Structure> list = new ArrayList<>();

    private Anatomy(Vec3 anatomyCentre) {
        this.a = anatomyCentre;
    }

    static List<Structure> of(Preset preset, Vec3 anatomyCentre) {
        Anatomy b = new Anatomy(anatomyCentre);
        switch (preset) {
            case ABDOMEN -> b.abdomen();
            case CHEST -> b.chest();
            case SPINE -> b.spine();
        }
        return List.copyOf(b.list);
    }

    // ---- presets -----------------------------------------------------------------------------

    private void abdomen() {
        trunk(84, 64);
        // paraspinal and psoas muscles
        for (int side : new int[] {-1, 1}) {
            String s = side < 0 ? "right" : "left";
            ecyl("paraspinal-muscle-" + s, "muscle", 55, p(side * 21, 43, 0), 12, 9, 250);
            ecyl("psoas-" + s, "muscle", 50, p(side * 25, 22, 0), 8, 7, 250);
        }
        // lung bases above the liver dome, heart above the left lobe
        ellipsoid("lung-right", "lung", -850, p(-32, 6, 98), 30, 36, 56, 0, 0, 0);
        ellipsoid("lung-left", "lung", -850, p(33, 6, 96), 28, 36, 54, 0, 0, 0);
        ellipsoid("heart", "organ", 40, p(8, -12, 100), 38, 30, 42, 0, 0, 0);
        // organs
        ellipsoid("liver", "organ", 60, p(-24, -2, 8), 38, 30, 42, 10, 0, 15);
        ellipsoid("spleen", "organ", 45, p(42, 16, 22), 12, 20, 28, 0, 0, -25);
        ellipsoid("kidney-right", "organ", 160, p(-38, 26, -32), 11, 13, 24, 0, 10, 20);
        ellipsoid("kidney-left", "organ", 160, p(38, 26, -28), 11, 13, 24, 0, -10, -20);
        // vessels
        tube("aorta", "vessel", 200, 8, p(16, 2, -250), p(16, 2, 250));
        tube("inferior-vena-cava", "vessel", 150, 8, p(-16, 10, -250), p(-17, 10, 40));
        tube("portal-vein", "vessel", 180, 5, p(4, -4, -40), p(-4, -2, -12), p(-16, -2, 4), p(-30, -5, 10),
                p(-46, -8, 14));
        tube("portal-vein-left-branch", "vessel", 180, 3.5, p(-16, -2, 4), p(-8, -14, 12), p(0, -22, 18));
        tube("hepatic-vein-right", "vessel", 165, 3, p(-17, 10, 40), p(-34, 4, 34), p(-50, -4, 30));
        tube("hepatic-vein-middle", "vessel", 165, 3, p(-17, 10, 40), p(-20, -8, 34), p(-22, -22, 28));
        // hypodense tumours inside the liver
        sphere("tumour-1", "tumour", 30, p(-38, -14, -4), 8);
        ellipsoid("tumour-2", "tumour", 38, p(-40, 12, 4), 10, 7, 6, 20, 0, 30);
        sphere("tumour-3", "tumour", 22, p(-44, 6, 24), 4);
        // skeleton
        spine(24, 15, 12, new double[] {-60, -30, 0, 30, 60}, -1, false);
        ribs(70, 50, new double[] {62, 40, 18, -4});
    }

    private void chest() {
        trunk(86, 62);
        for (int side : new int[] {-1, 1}) {
            String s = side < 0 ? "right" : "left";
            ecyl("paraspinal-muscle-" + s, "muscle", 55, p(side * 21, 42, 0), 12, 9, 250);
        }
        ellipsoid("lung-right", "lung", -850, p(-35, 2, 0), 31, 38, 120, 0, 0, 0);
        ellipsoid("lung-left", "lung", -850, p(36, 2, 0), 29, 38, 120, 0, 0, 0);
        ellipsoid("heart", "organ", 40, p(8, -16, -40), 34, 26, 42, 0, 20, -20);
        tube("aorta-descending", "vessel", 200, 9, p(14, 20, -250), p(14, 20, 250));
        tube("aorta-ascending", "vessel", 200, 11, p(2, -14, -10), p(0, -10, 40), p(8, 4, 58), p(14, 20, 50));
        tube("trachea", "airway", -1000, 8, p(0, -2, 250), p(0, 0, 16));
        tube("main-bronchus-right", "airway", -1000, 5, p(0, 0, 16), p(-18, 2, 2));
        tube("main-bronchus-left", "airway", -1000, 5, p(0, 0, 16), p(20, 4, 0));
        sphere("nodule-solid", "nodule", 30, p(-42, -8, 24), 5);
        ellipsoid("nodule-ground-glass", "nodule", -600, p(40, 14, -30), 7, 6, 8, 0, 0, 30);
        spine(24, 14, 11, new double[] {-60, -30, 0, 30, 60}, -1, false);
        ribs(75, 52, new double[] {70, 44, 18, -8, -34, -60});
    }

    private void spine() {
        trunk(84, 64);
        for (int side : new int[] {-1, 1}) {
            String s = side < 0 ? "right" : "left";
            ecyl("paraspinal-muscle-" + s, "muscle", 55, p(side * 24, 48, 0), 14, 10, 250);
            ecyl("psoas-" + s, "muscle", 50, p(side * 31, 14, 0), 10, 9, 250);
        }
        tube("aorta", "vessel", 200, 8, p(14, -6, -250), p(14, -6, 250));
        tube("inferior-vena-cava", "vessel", 150, 9, p(-16, -4, -250), p(-16, -4, 250));
        spine(18, 20, 15, new double[] {-60, -30, 0, 30, 60}, 2, true);
    }

    // ---- shared parts ------------------------------------------------------------------------

    /** Skin, subcutaneous fat, muscle wall and the cavity inside, as long elliptic cylinders. */
    private void trunk(double ra, double rb) {
        ecyl("body-skin", "skin", 20, p(0, 0, 0), ra, rb, 250);
        ecyl("subcutaneous-fat", "fat", -100, p(0, 0, 0), ra - 2.5, rb - 2.5, 250);
        ecyl("muscle-wall", "muscle", 50, p(0, 1.5, 0), ra - 12, rb - 12, 250);
        ecyl("cavity-fat", "fat", -90, p(0, 0, 0), ra - 18, rb - 17.5, 250);
    }

    /**
     * Vertebrae: cortical body (1000 HU) with trabecular core (250 HU), intervertebral discs
     * (90 HU), posterior arch (700 HU), spinal canal (15 HU) and spinous process. Body i is centred
     * at z = levels[i], 24 mm high (discs 6 mm between). With pedicles, each level also gets
     * cortical pedicles with a trabecular core (cylinders of documented width and angle); the body
     * at index {@code wedge} is wedge-compressed: its anterior height reduced to 14 mm.
     */
    private void spine(double y, double ra, double rb, double[] levels, int wedge, boolean pedicles) {
        double half = 12;
        double cortex = 1.5;
        ecyl("intervertebral-discs", "disc", 90, p(0, y, 0), ra - 0.5, rb - 0.5, 250);
        for (int i = 0; i < levels.length; i++) {
            String v = "vertebra-" + (i + 1);
            double z = levels[i];
            List<Structure.HalfSpace> clipOuter = List.of();
            List<Structure.HalfSpace> clipInner = List.of();
            Map<String, Double> facts = new LinkedHashMap<>();
            if (i == wedge) {
                double anterior = 14;
                // the upper endplate tilts down toward the front: through the posterior-superior edge
                // (y + rb, z + half) and the anterior-superior edge (y - rb, z - half + anterior)
                double drop = 2 * half - anterior;
                Vec3 normal = new Vec3(0, -drop, 2 * rb).normalized();
                Vec3 post = p(0, y + rb, z + half);
                clipOuter = List.of(new Structure.HalfSpace(post, normal));
                clipInner = List.of(new Structure.HalfSpace(post.plusScaled(normal, -cortex), normal));
                facts.put("posteriorHeightMm", 2 * half);
                facts.put("anteriorHeightMm", anterior);
                facts.put("wedgeAngleDeg", Math.toDegrees(Math.atan2(drop, 2 * rb)));
            }
            add(new Structure.EllipticCylinder(n(), v + "-body-cortical", "bone-cortical", 1000, p(0, y, z), AXES,
                    List.of(ra, rb), half, clipOuter, facts));
            add(new Structure.EllipticCylinder(n(), v + "-body-trabecular", "bone-trabecular", 250, p(0, y, z), AXES,
                    List.of(ra - cortex, rb - cortex), half - cortex, clipInner, Map.of()));
            double archY = y + rb + 8;
            ecyl(v + "-arch", "bone-cortical", 700, p(0, archY, z), ra * 0.75, 8, half - 2);
            box(v + "-spinous-process", "bone-cortical", 700, p(0, archY + 12, z - 2), 2.5, 5, 8);
            if (pedicles) {
                box(v + "-transverse-process-right", "bone-cortical", 700, p(-(ra + 8), archY - 2, z), 10, 3, 4);
                box(v + "-transverse-process-left", "bone-cortical", 700, p(ra + 8, archY - 2, z), 10, 3, 4);
                for (int side : new int[] {-1, 1}) {
                    String s = side < 0 ? "right" : "left";
                    // from the posterolateral body into the arch, converging anteriorly
                    Vec3 start = p(side * 0.45 * ra, y + 0.6 * rb, z + 1);
                    Vec3 end = p(side * 0.45 * ra + side * 4, archY + 2, z + 1);
                    double angle = Math.toDegrees(Math.atan2(4, end.y() - start.y()));
                    Map<String, Double> pf = new LinkedHashMap<>();
                    pf.put("widthMm", 9.0);
                    pf.put("medialAngleDeg", angle);
                    pf.put("cranioCaudalAngleDeg", 0.0);
                    add(new Structure.Cylinder(n(), v + "-pedicle-" + s + "-cortical", "bone-cortical", 1000, start, end,
                            4.5, List.of(), pf));
                    add(new Structure.Cylinder(n(), v + "-pedicle-" + s + "-trabecular", "bone-trabecular", 250, start,
                            end, 3.0, List.of(), Map.of()));
                }
            }
        }
        ecyl("spinal-canal", "canal", 15, p(0, y + rb + 6, 0), 7, 5.5, 250);
    }

    /** Ribs: tubes along an ellipse around the trunk, from beside the spine to the front, descending 24 mm. */
    private void ribs(double ra, double rb, double[] levels) {
        int points = 9;
        for (int i = 0; i < levels.length; i++) {
            for (int side : new int[] {-1, 1}) {
                List<Vec3> path = new ArrayList<>();
                for (int k = 0; k < points; k++) {
                    double f = k / (double) (points - 1);
                    double theta = Math.toRadians(112 + f * 110); // 112 deg: posterior, 222 deg: anterolateral
                    // cos(theta) < 0: the right side (-x); the left rib is its mirror image
                    path.add(p(-side * ra * Math.cos(theta), 1.5 + rb * Math.sin(theta), levels[i] - 24 * f));
                }
                add(new Structure.Tube(n(), "rib-" + (i + 1) + (side < 0 ? "-right" : "-left"), "bone-cortical", 700,
                        path, 3, List.of(), Map.of()));
            }
        }
    }

    // ---- builders ----------------------------------------------------------------------------

    private static final List<Vec3> AXES = List.of(Vec3.X, Vec3.Y, Vec3.Z);

    private Vec3 p(double x, double y, double z) {
        return a.plus(new Vec3(x, y, z));
    }

    private int n() {
        return list.size();
    }

    private void add(Structure s) {
        for (Structure t : list) {
            if (t.name().equals(s.name())) {
                throw new IllegalStateException("duplicate structure name " + s.name());
            }
        }
        list.add(s);
    }

    private void sphere(String name, String role, double hu, Vec3 c, double r) {
        add(new Structure.Sphere(n(), name, role, hu, c, r, List.of(), Map.of()));
    }

    /** Ellipsoid with semi-axes along the patient axes rotated by (rx, ry, rz) degrees. */
    private void ellipsoid(String name, String role, double hu, Vec3 c, double r0, double r1, double r2, double rx,
                           double ry, double rz) {
        List<Vec3> axes = List.of(Vec3.X.rotated(rx, ry, rz), Vec3.Y.rotated(rx, ry, rz), Vec3.Z.rotated(rx, ry, rz));
        add(new Structure.Ellipsoid(n(), name, role, hu, c, axes, List.of(r0, r1, r2), List.of(), Map.of()));
    }

    /** Elliptic cylinder along z. */
    private void ecyl(String name, String role, double hu, Vec3 c, double ra, double rb, double half) {
        add(new Structure.EllipticCylinder(n(), name, role, hu, c, AXES, List.of(ra, rb), half, List.of(), Map.of()));
    }

    private void tube(String name, String role, double hu, double r, Vec3... points) {
        add(new Structure.Tube(n(), name, role, hu, List.of(points), r, List.of(), Map.of()));
    }

    private void box(String name, String role, double hu, Vec3 c, double hx, double hy, double hz) {
        add(new Structure.Box(n(), name, role, hu, c, AXES, List.of(hx, hy, hz), List.of(), Map.of()));
    }
}
