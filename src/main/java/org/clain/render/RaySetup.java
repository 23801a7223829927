package org.clain.render;

import org.clain.geom.Affine;
import org.clain.geom.Vec3;

import java.util.List;

/**
 * The per-frame constants both ray casters use, computed once here so that the CPU loop and the GPU
 * shader's uniforms are the same numbers: ray grid, patient-to-voxel transform of the sampled grid,
 * step, clip regions, transfer table, brick keys for empty-space skipping.
 *
 * <p>Brick keys (one float per brick): DVR and ISO 1 where the brick may contribute, 0 where it is
 * skipped; MIP the brick's maximum HU (skipped while it cannot raise the ray's maximum); MINIP its
 * minimum; AVG all 1 (every sample counts).
 */
public final class RaySetup {
    public final int width;
    public final int height;
    public final int nx;
    public final int ny;
    public final int nz;
    /** Ray origin of pixel (0, 0), per-pixel steps, view direction: patient mm, as floats. */
    public final float[] origin;
    public final float[] dx;
    public final float[] dy;
    public final float[] forward;
    /** Patient to voxel of the sampled grid, row-major 3x4. */
    public final float[] p2v;
    /** Transpose of the linear part of p2v: voxel gradient to patient gradient, row-major 3x3. */
    public final float[] gradMatrix;
    public final float stepMm;
    public final RenderMode mode;
    public final TfTable table;
    public final boolean shade;
    public final float ambient;
    public final float diffuse;
    public final float specular;
    public final float shininess;
    public final float isoValue;
    public final float[] isoColor;
    public final float[] background;
    public final boolean jitter;
    /** Clip box in voxel coordinates (min xyz, max xyz) or null. */
    public final float[] clipVoxel;
    /** Clip box in patient coordinates (min xyz, max xyz) or null. */
    public final float[] clipPatient;
    /** Clip planes (nx, ny, nz, d), keep n.p + d >= 0. */
    public final float[] planes;
    public final int planeCount;
    public final BrickGrid bricks;
    public final float[] brickKeys;

    /**
     * @param source   voxel-to-patient of the source volume (voxel clip boxes are given in its voxels)
     * @param grid     voxel-to-patient of the sampled grid (the volume's, or a downsampled texture's)
     * @param frame    the image's ray grid (made from the source volume's geometry)
     * @param bricks   min/max bricks over the sampled grid
     */
    public RaySetup(Affine source, Affine grid, int nx, int ny, int nz, ViewFrame frame, RenderParams p, BrickGrid bricks) {
        this.width = frame.width();
        this.height = frame.height();
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.origin = f3(frame.origin());
        this.dx = f3(frame.dx());
        this.dy = f3(frame.dy());
        this.forward = f3(frame.forward());
        Affine inv = grid.inverse();
        this.p2v = new float[12];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                p2v[r * 4 + c] = (float) inv.get(r, c);
            }
        }
        this.gradMatrix = new float[9];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                gradMatrix[r * 3 + c] = (float) inv.get(c, r);
            }
        }
        double minSpacing = Math.min(grid.column(0).norm(), Math.min(grid.column(1).norm(), grid.column(2).norm()));
        this.stepMm = (float) p.stepMm(minSpacing);
        this.mode = p.mode();
        // DVR opacity is per mm: correct the table for the step; projections use alpha as is
        this.table = p.transferFunction().table(mode == RenderMode.DVR ? stepMm : 1.0);
        Shading s = p.shading();
        this.shade = s.enabled();
        this.ambient = (float) s.ambient();
        this.diffuse = (float) s.diffuse();
        this.specular = (float) s.specular();
        this.shininess = (float) s.shininess();
        this.isoValue = (float) p.isoValue();
        this.isoColor = new float[] {(float) p.isoColor().r(), (float) p.isoColor().g(), (float) p.isoColor().b()};
        this.background = new float[] {(float) p.background().r(), (float) p.background().g(),
                (float) p.background().b()};
        this.jitter = p.jitter();
        ClipBox cb = p.clipBox();
        if (cb != null && cb.space() == ClipBox.Space.VOXEL) {
            // source voxels to sampled-grid voxels: downsampling only scales and shifts the axes
            Affine m = inv.compose(source);
            Vec3 a = m.apply(cb.min());
            Vec3 b = m.apply(cb.max());
            this.clipVoxel = new float[] {(float) Math.min(a.x(), b.x()), (float) Math.min(a.y(), b.y()),
                    (float) Math.min(a.z(), b.z()), (float) Math.max(a.x(), b.x()), (float) Math.max(a.y(), b.y()),
                    (float) Math.max(a.z(), b.z())};
            this.clipPatient = null;
        } else {
            this.clipVoxel = null;
            this.clipPatient = cb == null ? null : new float[] {(float) cb.min().x(), (float) cb.min().y(),
                    (float) cb.min().z(), (float) cb.max().x(), (float) cb.max().y(), (float) cb.max().z()};
        }
        List<ClipPlane> cp = p.clipPlanes();
        this.planeCount = cp.size();
        this.planes = new float[4 * RenderParams.MAX_CLIP_PLANES];
        for (int i = 0; i < cp.size(); i++) {
            Vec3 n = cp.get(i).normal();
            planes[i * 4] = (float) n.x();
            planes[i * 4 + 1] = (float) n.y();
            planes[i * 4 + 2] = (float) n.z();
            planes[i * 4 + 3] = (float) -n.dot(cp.get(i).point());
        }
        this.bricks = bricks;
        this.brickKeys = new float[bricks.count()];
        switch (mode) {
            case DVR -> {
                byte[] o = bricks.occupancy(table);
                for (int i = 0; i < o.length; i++) {
                    brickKeys[i] = o[i];
                }
            }
            case ISO -> {
                byte[] o = bricks.occupancyAbove(isoValue);
                for (int i = 0; i < o.length; i++) {
                    brickKeys[i] = o[i];
                }
            }
            case MIP -> {
                for (int i = 0; i < brickKeys.length; i++) {
                    brickKeys[i] = bricks.max(i);
                }
            }
            case MINIP -> {
                for (int i = 0; i < brickKeys.length; i++) {
                    brickKeys[i] = bricks.min(i);
                }
            }
            case AVG -> java.util.Arrays.fill(brickKeys, 1f);
            default -> throw new IllegalStateException();
        }
        if (Boolean.getBoolean("clain.render.noSkip")) {
            // diagnostics: keys that never skip
            java.util.Arrays.fill(brickKeys, mode == RenderMode.MIP ? Float.MAX_VALUE
                    : mode == RenderMode.MINIP ? -Float.MAX_VALUE : 1f);
        }
    }

    /** Jitter in [0, 1) from a hash of the pixel; the GLSL version computes the same bits. */
    public static float jitter(int x, int y) {
        int h = x * 1973 + y * 9277 + 26699;
        h = (h ^ 61) ^ (h >>> 16);
        h *= 9;
        h ^= h >>> 4;
        h *= 0x27d4eb2d;
        h ^= h >>> 15;
        return (h >>> 8) * (1f / 16777216f);
    }

    private static float[] f3(Vec3 v) {
        return new float[] {(float) v.x(), (float) v.y(), (float) v.z()};
    }
}
