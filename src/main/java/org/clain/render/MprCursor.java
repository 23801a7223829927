package org.clain.render;

import java.util.Arrays;
import org.clain.geom.Vec3;
import org.clain.study.Volume;

/**
 * The linked crosshair of a three-view MPR: one centre (patient LPS mm) shared by the views and,
 * per view, the in-plane axes (u to the right of the screen, v down) of its reformat plane. The
 * three planes pass through the centre and their normals stay mutually orthogonal.
 *
 * <p>It starts as the standard {@link Plane#axial}, {@link Plane#coronal} and {@link Plane#sagittal}
 * frames. {@link #rotated} turns the other two planes about one view's normal (dragging a crosshair
 * line in that view): that view's own image does not move, the others become oblique, and their
 * orientation letters follow from their axes ({@link Plane#leftLetters()} ...). Immutable.
 */
public final class MprCursor {
    /** The three reformat views, in the order of {@link #plane}'s index. */
    public enum View {
        AXIAL("Axial"), CORONAL("Coronal"), SAGITTAL("Sagittal");

        private final String label;

        View(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Vec3 centre;
    private final Vec3[] u;
    private final Vec3[] v;

    private MprCursor(Vec3 centre, Vec3[] u, Vec3[] v) {
        this.centre = centre;
        this.u = u;
        this.v = v;
    }

    /** Axial, coronal and sagittal planes through {@code centre}. */
    public static MprCursor standard(Vec3 centre) {
        Plane a = Plane.axial(centre, 1, 1, 1);
        Plane c = Plane.coronal(centre, 1, 1, 1);
        Plane s = Plane.sagittal(centre, 1, 1, 1);
        return new MprCursor(centre, new Vec3[] {a.u(), c.u(), s.u()}, new Vec3[] {a.v(), c.v(), s.v()});
    }

    /** Standard planes through the centre of the volume's voxel grid. */
    public static MprCursor centredOn(Volume vol) {
        return standard(volumeCentre(vol));
    }

    /** Patient position of the centre of the voxel grid. */
    public static Vec3 volumeCentre(Volume vol) {
        return vol.toPatient((vol.nx() - 1) / 2.0, (vol.ny() - 1) / 2.0, (vol.nz() - 1) / 2.0);
    }

    public Vec3 centre() {
        return centre;
    }

    public Vec3 u(View view) {
        return u[view.ordinal()];
    }

    public Vec3 v(View view) {
        return v[view.ordinal()];
    }

    /** Unit normal of the view's plane (into the screen). */
    public Vec3 normal(View view) {
        return u(view).cross(v(view)).normalized();
    }

    /** The same planes moved so that they cross at {@code c}. */
    public MprCursor withCentre(Vec3 c) {
        return new MprCursor(c, u, v);
    }

    /** Moves the centre {@code mm} along the view's normal (scrolling through that view). */
    public MprCursor scrolled(View view, double mm) {
        return withCentre(centre.plus(normal(view).times(mm)));
    }

    /**
     * Turns the two other planes by {@code radians} about the normal of {@code about}, through the
     * centre; positive turns clockwise as seen on {@code about}'s screen (its u towards its v).
     */
    public MprCursor rotated(View about, double radians) {
        Vec3 axis = normal(about);
        Vec3[] nu = u.clone();
        Vec3[] nv = v.clone();
        for (View w : View.values()) {
            if (w == about) {
                continue;
            }
            Vec3 ru = rotate(u(w), axis, radians);
            Vec3 rv = rotate(v(w), axis, radians);
            // keep the frame exactly orthonormal (Gram-Schmidt) so drift never accumulates
            ru = ru.normalized();
            rv = rv.minus(ru.times(rv.dot(ru))).normalized();
            nu[w.ordinal()] = ru;
            nv[w.ordinal()] = rv;
        }
        return new MprCursor(centre, nu, nv);
    }

    /** Rodrigues' rotation of x about the unit axis k by angle a (right-handed). */
    static Vec3 rotate(Vec3 x, Vec3 k, double a) {
        double c = Math.cos(a);
        double s = Math.sin(a);
        return x.times(c).plus(k.cross(x).times(s)).plus(k.times(k.dot(x) * (1 - c)));
    }

    /**
     * The view's reformat plane: through the centre, with the view's axes, centred on the
     * projection of {@code focus} (the point the view keeps in the middle of its image: its pan).
     */
    public Plane plane(View view, Vec3 focus, double pixelSize, int width, int height) {
        Vec3 n = normal(view);
        Vec3 onPlane = focus.minus(n.times(focus.minus(centre).dot(n)));
        return new Plane(onPlane, u(view), v(view), pixelSize, width, height);
    }

    /** Unit direction of the line where {@code other}'s plane cuts {@code view}'s plane. */
    public Vec3 lineDirection(View view, View other) {
        return normal(view).cross(normal(other)).normalized();
    }

    /**
     * The step (mm) between reformats when scrolling along the view's normal: the smallest
     * distance along the normal between adjacent voxel layers of the volume (the slice spacing for
     * an axial view of an axial series).
     */
    public double scrollStep(Volume vol, View view) {
        Vec3 n = normal(view);
        double step = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 3; i++) {
            Vec3 col = vol.voxelToPatient().column(i);
            double len = col.norm();
            double cos = Math.abs(col.normalized().dot(n));
            if (len > 0 && cos > 1e-3) {
                step = Math.min(step, len / cos);
            }
        }
        return Double.isFinite(step) ? step : 1;
    }

    /** The largest angle (degrees) between the normals of two views and 90 degrees: 0 when orthogonal. */
    public double orthogonalityErrorDegrees() {
        double worst = 0;
        View[] all = View.values();
        for (int i = 0; i < all.length; i++) {
            for (int j = i + 1; j < all.length; j++) {
                double d = Math.abs(normal(all[i]).dot(normal(all[j])));
                worst = Math.max(worst, Math.toDegrees(Math.asin(Math.min(1, d))));
            }
        }
        return worst;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MprCursor m && centre.equals(m.centre) && Arrays.equals(u, m.u) && Arrays.equals(v, m.v);
    }

    @Override
    public int hashCode() {
        return centre.hashCode() * 31 + Arrays.hashCode(u) * 17 + Arrays.hashCode(v);
    }

    @Override
    public String toString() {
        return "MprCursor[centre=" + centre + ", normals=" + normal(View.AXIAL) + ", " + normal(View.CORONAL) + ", "
                + normal(View.SAGITTAL) + "]";
    }
}
