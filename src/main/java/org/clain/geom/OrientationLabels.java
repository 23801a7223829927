package org.clain.geom;

/**
 * Patient orientation letters for directions in the patient coordinate system (LPS, PS3.3
 * C.7.6.2.1.1): +x toward the patient's Left (L), -x Right (R), +y Posterior (P), -y Anterior
 * (A), +z Head (H), -z Feet (F). An oblique direction gets several letters, the strongest
 * component first ("LA" for a direction mostly left and somewhat anterior).
 */
public final class OrientationLabels {
    /**
     * Components smaller than this (about 6 degrees of obliquity) add no letter, so a plain axial
     * slice with a slight tilt still reads "L" / "A" rather than "LAH".
     */
    public static final double DEFAULT_THRESHOLD = 0.1;

    /** The letters at the four edges of a displayed image. */
    public record Edges(String top, String right, String bottom, String left) {
    }

    private OrientationLabels() {
    }

    public static String label(Vec3 direction) {
        return label(direction, DEFAULT_THRESHOLD);
    }

    /**
     * The anatomical plane of a slice with this normal: Axial, Coronal or Sagittal when the normal
     * lies within about 25 degrees of the head-feet, front-back or left-right axis, else Oblique.
     */
    public static String plane(Vec3 normal) {
        Vec3 n = normal.normalized();
        double x = Math.abs(n.x());
        double y = Math.abs(n.y());
        double z = Math.abs(n.z());
        double strongest = Math.max(x, Math.max(y, z));
        if (strongest < PLANE_COSINE) {
            return "Oblique";
        }
        return strongest == z ? "Axial" : strongest == y ? "Coronal" : "Sagittal";
    }

    /** cos 25 degrees: how close to an axis a normal is for {@link #plane} to name the plane. */
    private static final double PLANE_COSINE = 0.906;

    /**
     * Letters of a direction, strongest component first; components whose magnitude (of the
     * normalised direction) is below {@code threshold} are left out. Empty for a zero vector.
     */
    public static String label(Vec3 direction, double threshold) {
        Vec3 d = direction.normalized();
        double[] c = {d.x(), d.y(), d.z()};
        char[][] letters = {{'L', 'R'}, {'P', 'A'}, {'H', 'F'}};
        Integer[] order = {0, 1, 2};
        java.util.Arrays.sort(order, (a, b) -> Double.compare(Math.abs(c[b]), Math.abs(c[a])));
        StringBuilder sb = new StringBuilder(3);
        for (int i = 0; i < 3; i++) {
            int axis = order[i];
            double v = c[axis];
            if (Math.abs(v) < 1e-9 || (i > 0 && Math.abs(v) < threshold)) {
                continue;
            }
            sb.append(v > 0 ? letters[axis][0] : letters[axis][1]);
        }
        return sb.toString();
    }

    /**
     * Edge letters of an image whose rows run along {@code rowDirection} (increasing column index,
     * IOP's first triplet) and whose columns run along {@code columnDirection}, displayed flipped
     * first (horizontally: left-right mirror; vertically: top-bottom mirror) and then turned
     * {@code quarterTurnsClockwise} times 90 degrees clockwise on screen.
     */
    public static Edges edges(Vec3 rowDirection, Vec3 columnDirection, int quarterTurnsClockwise, boolean flipHorizontal,
                              boolean flipVertical) {
        Vec3 right = flipHorizontal ? rowDirection.times(-1) : rowDirection;
        Vec3 down = flipVertical ? columnDirection.times(-1) : columnDirection;
        int turns = Math.floorMod(quarterTurnsClockwise, 4);
        for (int i = 0; i < turns; i++) {
            // turning clockwise: what was up goes right, what was right goes down
            Vec3 newRight = down.times(-1);
            Vec3 newDown = right;
            right = newRight;
            down = newDown;
        }
        return new Edges(label(down.times(-1)), label(right), label(down), label(right.times(-1)));
    }
}
