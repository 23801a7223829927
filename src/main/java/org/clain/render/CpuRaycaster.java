package org.clain.render;

import org.clain.study.Volume;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The CPU ray caster, the reference for {@code GlRaycaster} and the fallback without GL: pure Java,
 * multithreaded over image rows.
 *
 * <p>Semantics (shared with the GPU shader, see {@link RaySetup}): orthographic rays in patient
 * space mapped into voxel space through the volume's patient-to-voxel transform (anisotropic and
 * oblique grids are exact); the ray is clipped to the volume box [-0.5, n-0.5], the clip box and the
 * clip planes; samples at {@code t0 + (jitter + k) * step} with step = 0.5 x smallest voxel size /
 * quality; trilinear HU (clamped at the edges like GL_CLAMP_TO_EDGE); DVR composites front to back
 * through the step-corrected table, stopping at alpha 0.99, shading each contributing sample with
 * a central-difference gradient; MIP/MINIP/AVG project HU then map it through the table; ISO finds
 * the first sample at or above the threshold, refines it by 6 bisections and shades it. Empty
 * bricks are skipped without changing the image.
 */
public final class CpuRaycaster implements AutoCloseable {
    /** Brick edge in voxels for empty-space skipping on the CPU. */
    public static final int BRICK = 8;
    static final float ALPHA_STOP = 0.99f;
    static final int BISECTIONS = 6;
    static final float MIN_GRADIENT = 1e-3f;
    /** Edge of the square pixel tiles handed to threads. */
    static final int TILE = 16;

    private final int threads;
    private final ExecutorService pool;
    private Volume cachedVolume;
    private BrickGrid cachedBricks;

    public CpuRaycaster() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public CpuRaycaster(int threads) {
        this.threads = Math.max(1, threads);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "clain-raycast-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public int threads() {
        return threads;
    }

    /** Min/max bricks of the volume, cached for the last volume rendered. */
    public synchronized BrickGrid bricks(Volume v) {
        if (cachedVolume != v) {
            cachedBricks = BrickGrid.of(v, BRICK);
            cachedVolume = v;
        }
        return cachedBricks;
    }

    /** Renders w x h (at half resolution, scaled up, when {@code p.quality() < 0.5}). */
    public RenderImage render(Volume v, RenderParams p, int w, int h) {
        double s = p.resolutionScale();
        int rw = Math.max(1, (int) Math.ceil(w * s));
        int rh = Math.max(1, (int) Math.ceil(h * s));
        ViewFrame frame = ViewFrame.of(v, p.camera(), rw, rh);
        RaySetup setup = new RaySetup(v.voxelToPatient(), v.voxelToPatient(), v.nx(), v.ny(), v.nz(), frame, p,
                bricks(v));
        RenderImage img = render(v, setup, p.values());
        return img.scaledTo(w, h);
    }

    /** Renders a prepared setup (its grid must be the volume's own). */
    public RenderImage render(Volume v, RaySetup s, boolean wantValues) {
        int w = s.width;
        int h = s.height;
        int[] argb = new int[w * h];
        float[] values = wantValues ? new float[w * h] : null;
        // square tiles: neighbouring rays walk neighbouring voxels, so a tile's rays share cache lines
        int tilesX = (w + TILE - 1) / TILE;
        int tiles = tilesX * ((h + TILE - 1) / TILE);
        AtomicInteger nextTile = new AtomicInteger();
        Future<?>[] fs = new Future<?>[threads];
        for (int t = 0; t < threads; t++) {
            fs[t] = pool.submit(() -> {
                Caster c = new Caster(v, s);
                float[] out = new float[5];
                int tile;
                while ((tile = nextTile.getAndIncrement()) < tiles) {
                    int x0 = (tile % tilesX) * TILE;
                    int y0 = (tile / tilesX) * TILE;
                    for (int y = y0; y < Math.min(h, y0 + TILE); y++) {
                        for (int x = x0; x < Math.min(w, x0 + TILE); x++) {
                            c.cast(x, y, out);
                            argb[y * w + x] = 0xFF000000 | (to8(out[0]) << 16) | (to8(out[1]) << 8) | to8(out[2]);
                            if (values != null) {
                                values[y * w + x] = out[4];
                            }
                        }
                    }
                }
            });
        }
        try {
            for (Future<?> f : fs) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("ray casting failed", e.getCause());
        }
        return new RenderImage(w, h, argb, values);
    }

    static int to8(float c) {
        return c <= 0 ? 0 : c >= 1 ? 255 : (int) (c * 255f + 0.5f);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    /** One thread's ray caster: volume access, setup constants, scratch. */
    static final class Caster {
        private final VoxelSampler vox;
        private final RaySetup s;
        private final float[] m;
        // |patient gradient|^2 = g^T Q g for the voxel gradient g, Q = G^T G with G the gradient
        // matrix; in fields, as a float[] would be reloaded after every store into the cell arrays
        private final float q00;
        private final float q11;
        private final float q22;
        private final float q01;
        private final float q02;
        private final float q12;
        private final TfTable tf;
        private final float[] keys;
        private final int gx;
        private final int gy;
        private final int gz;
        private final float bsx;
        private final float bsy;
        private final float bsz;
        private final float[] rgba = new float[4];
        /** specular * (i / SPECULAR_STEPS)^shininess, i = 0..SPECULAR_STEPS, and one more for the lerp. */
        private final float[] specularTable;

        Caster(Volume v, RaySetup s) {
            this.s = s;
            this.vox = new VoxelSampler(v);
            this.m = s.p2v;
            float[] g = s.gradMatrix;
            this.q00 = quadratic(g, 0, 0);
            this.q11 = quadratic(g, 1, 1);
            this.q22 = quadratic(g, 2, 2);
            this.q01 = 2 * quadratic(g, 0, 1);
            this.q02 = 2 * quadratic(g, 0, 2);
            this.q12 = 2 * quadratic(g, 1, 2);
            this.tf = s.table;
            this.keys = s.brickKeys;
            this.gx = s.bricks.gx();
            this.gy = s.bricks.gy();
            this.gz = s.bricks.gz();
            this.bsx = s.bricks.sizeX();
            this.bsy = s.bricks.sizeY();
            this.bsz = s.bricks.sizeZ();
            this.specularTable = specularTable(s.specular, s.shininess);
        }

        /** Entry (i, j) of G^T G for the row-major 3x3 matrix G. */
        private static float quadratic(float[] g, int i, int j) {
            return g[i] * g[j] + g[3 + i] * g[3 + j] + g[6 + i] * g[6 + j];
        }

        /**
         * Casts the ray of pixel (px, py): out = {r, g, b, alpha, value}, colour already over the
         * background.
         */
        void cast(int px, int py, float[] out) {
            RaySetup s = this.s;
            float ox = s.origin[0] + s.dx[0] * px + s.dy[0] * py;
            float oy = s.origin[1] + s.dx[1] * px + s.dy[1] * py;
            float oz = s.origin[2] + s.dx[2] * px + s.dy[2] * py;
            float fx = s.forward[0];
            float fy = s.forward[1];
            float fz = s.forward[2];
            float vx = m[0] * ox + m[1] * oy + m[2] * oz + m[3];
            float vy = m[4] * ox + m[5] * oy + m[6] * oz + m[7];
            float vz = m[8] * ox + m[9] * oy + m[10] * oz + m[11];
            float dvx = m[0] * fx + m[1] * fy + m[2] * fz;
            float dvy = m[4] * fx + m[5] * fy + m[6] * fz;
            float dvz = m[8] * fx + m[9] * fy + m[10] * fz;
            float[] iv = {-Float.MAX_VALUE, Float.MAX_VALUE};
            slab(vx, dvx, -0.5f, s.nx - 0.5f, iv);
            slab(vy, dvy, -0.5f, s.ny - 0.5f, iv);
            slab(vz, dvz, -0.5f, s.nz - 0.5f, iv);
            if (s.clipVoxel != null) {
                float[] c = s.clipVoxel;
                slab(vx, dvx, c[0], c[3], iv);
                slab(vy, dvy, c[1], c[4], iv);
                slab(vz, dvz, c[2], c[5], iv);
            }
            if (s.clipPatient != null) {
                float[] c = s.clipPatient;
                slab(ox, fx, c[0], c[3], iv);
                slab(oy, fy, c[1], c[4], iv);
                slab(oz, fz, c[2], c[5], iv);
            }
            for (int i = 0; i < s.planeCount; i++) {
                float[] pl = s.planes;
                float dist = pl[i * 4] * ox + pl[i * 4 + 1] * oy + pl[i * 4 + 2] * oz + pl[i * 4 + 3];
                float den = pl[i * 4] * fx + pl[i * 4 + 1] * fy + pl[i * 4 + 2] * fz;
                if (den == 0f) {
                    if (dist < 0) {
                        iv[1] = -Float.MAX_VALUE;
                    }
                } else {
                    float t = -dist / den;
                    if (den > 0) {
                        iv[0] = Math.max(iv[0], t);
                    } else {
                        iv[1] = Math.min(iv[1], t);
                    }
                }
            }
            float t0 = iv[0];
            float t1 = iv[1];
            float[] bg = s.background;
            if (!(t0 < t1)) {
                out[0] = bg[0];
                out[1] = bg[1];
                out[2] = bg[2];
                out[3] = 0;
                out[4] = Float.NaN;
                return;
            }
            float step = s.stepMm;
            float tStart = t0 + (s.jitter ? RaySetup.jitter(px, py) : 0f) * step;
            float r = 0;
            float gg = 0;
            float b = 0;
            float a = 0;
            float value = Float.NaN;
            RenderMode mode = s.mode;
            float acc = mode == RenderMode.MIP ? -Float.MAX_VALUE : mode == RenderMode.MINIP ? Float.MAX_VALUE : 0f;
            int count = 0;
            // 3D DDA over the brick grid from the entry point: each brick is either skipped whole
            // (jumping k to its exit) or its lattice samples are taken
            float ex = vx + dvx * t0;
            float ey = vy + dvy * t0;
            float ez = vz + dvz * t0;
            int bx = Math.min(gx - 1, Math.max(0, (int) Math.floor(ex / bsx)));
            int by = Math.min(gy - 1, Math.max(0, (int) Math.floor(ey / bsy)));
            int bz = Math.min(gz - 1, Math.max(0, (int) Math.floor(ez / bsz)));
            int sx = dvx > 0 ? 1 : -1;
            int sy = dvy > 0 ? 1 : -1;
            int sz = dvz > 0 ? 1 : -1;
            float ddx = dvx == 0 ? Float.POSITIVE_INFINITY : bsx / Math.abs(dvx);
            float ddy = dvy == 0 ? Float.POSITIVE_INFINITY : bsy / Math.abs(dvy);
            float ddz = dvz == 0 ? Float.POSITIVE_INFINITY : bsz / Math.abs(dvz);
            float tx = boundary(vx, dvx, bx, gx, bsx);
            float ty = boundary(vy, dvy, by, gy, bsy);
            float tz = boundary(vz, dvz, bz, gz, bsz);
            int k = 0;
            if (mode == RenderMode.DVR) {
                startRay(vx, vy, vz, dvx, dvy, dvz, tStart, step, t1);
            }
            march:
            while (true) {
                float tExit = Math.min(tx, Math.min(ty, tz));
                float key = keys[(bz * gy + by) * gx + bx];
                boolean skip = switch (mode) {
                    case DVR, ISO -> key < 0.5f;
                    case MIP -> key <= acc;
                    case MINIP -> key >= acc;
                    default -> false;
                };
                if (skip) {
                    if (tExit > t1) {
                        break;
                    }
                    int kk = (int) Math.ceil((tExit - tStart) / step);
                    if (kk > k) {
                        k = kk;
                    }
                } else if (mode == RenderMode.DVR) {
                    k = composite(k, tExit, insideBrick(bx, by, bz));
                    if (k < 0) {
                        break;
                    }
                } else {
                    while (true) {
                        float t = tStart + k * step;
                        if (t > t1) {
                            break march;
                        }
                        if (t >= tExit) {
                            break;
                        }
                        float x = vx + dvx * t;
                        float y = vy + dvy * t;
                        float z = vz + dvz * t;
                        float hu = vox.value(x, y, z);
                        switch (mode) {
                            case MIP -> acc = Math.max(acc, hu);
                            case MINIP -> acc = Math.min(acc, hu);
                            case AVG -> {
                                acc += hu;
                                count++;
                            }
                            case ISO -> {
                                if (hu >= s.isoValue) {
                                    float th = t;
                                    if (k > 0) {
                                        float lo = t - step;
                                        float hi = t;
                                        for (int i = 0; i < BISECTIONS; i++) {
                                            float mid = 0.5f * (lo + hi);
                                            if (vox.sample(vx + dvx * mid, vy + dvy * mid, vz + dvz * mid) >= s.isoValue) {
                                                hi = mid;
                                            } else {
                                                lo = mid;
                                            }
                                        }
                                        th = 0.5f * (lo + hi);
                                    }
                                    float lit = 1f;
                                    float spec = 0f;
                                    if (s.shade) {
                                        lit = light(vx + dvx * th, vy + dvy * th, vz + dvz * th, dvx, dvy, dvz, false);
                                        spec = specularTerm;
                                    }
                                    r = s.isoColor[0] * lit + spec;
                                    gg = s.isoColor[1] * lit + spec;
                                    b = s.isoColor[2] * lit + spec;
                                    a = 1;
                                    value = th;
                                    break march;
                                }
                            }
                            default -> throw new IllegalStateException();
                        }
                        k++;
                    }
                }
                if (tExit == Float.POSITIVE_INFINITY) {
                    break;
                }
                // next brick along the axis whose face comes first
                if (tx <= ty && tx <= tz) {
                    bx += sx;
                    tx = (sx > 0 ? bx == gx - 1 : bx == 0) ? Float.POSITIVE_INFINITY : tx + ddx;
                } else if (ty <= tz) {
                    by += sy;
                    ty = (sy > 0 ? by == gy - 1 : by == 0) ? Float.POSITIVE_INFINITY : ty + ddy;
                } else {
                    bz += sz;
                    tz = (sz > 0 ? bz == gz - 1 : bz == 0) ? Float.POSITIVE_INFINITY : tz + ddz;
                }
            }
            if (mode == RenderMode.DVR) {
                r = accR;
                gg = accG;
                b = accB;
                a = accA;
            }
            if (mode.projection()) {
                boolean hit = mode == RenderMode.AVG ? count > 0 : mode == RenderMode.MIP ? acc > -Float.MAX_VALUE
                        : acc < Float.MAX_VALUE;
                if (hit) {
                    value = mode == RenderMode.AVG ? acc / count : acc;
                    tf.lookup(value, rgba);
                    r = rgba[0];
                    gg = rgba[1];
                    b = rgba[2];
                    a = rgba[3];
                }
            }
            out[0] = r + (1 - a) * bg[0];
            out[1] = gg + (1 - a) * bg[1];
            out[2] = b + (1 - a) * bg[2];
            out[3] = a;
            out[4] = value;
        }

        // The DVR ray being cast: voxel-space origin and direction, first sample and step, end,
        // and the premultiplied colour composited so far.
        private float rayX;
        private float rayY;
        private float rayZ;
        private float rayDx;
        private float rayDy;
        private float rayDz;
        private float rayT0;
        private float rayStep;
        private float rayT1;
        private float accR;
        private float accG;
        private float accB;
        private float accA;

        private void startRay(float x, float y, float z, float dx, float dy, float dz, float t0, float step, float t1) {
            rayX = x;
            rayY = y;
            rayZ = z;
            rayDx = dx;
            rayDy = dy;
            rayDz = dz;
            rayT0 = t0;
            rayStep = step;
            rayT1 = t1;
            accR = 0;
            accG = 0;
            accB = 0;
            accA = 0;
        }

        /**
         * Composites front to back the samples k, k + 1... of the ray that come before tExit (the
         * end of one brick). Returns the next sample's k, or -1 once the ray has left the volume or
         * become opaque. {@code inside}: the whole brick lies in the interior, so no sample needs
         * the edge checks.
         */
        private int composite(int k, float tExit, boolean inside) {
            float ox = rayX;
            float oy = rayY;
            float oz = rayZ;
            float dx = rayDx;
            float dy = rayDy;
            float dz = rayDz;
            float t0 = rayT0;
            float step = rayStep;
            float t1 = rayT1;
            float r = accR;
            float g = accG;
            float b = accB;
            float a = accA;
            boolean shade = s.shade;
            // the table lookup of TfTable.lookup, inline: its output array was stored and reloaded
            // at every sample
            float[] tab = tf.data();
            float lo = tf.lo();
            float scale = tf.scale();
            float last = tf.size() - 1;
            while (true) {
                float t = t0 + k * step;
                if (t > t1) {
                    k = -1;
                    break;
                }
                if (t >= tExit) {
                    break;
                }
                float x = ox + dx * t;
                float y = oy + dy * t;
                float z = oz + dz * t;
                float hu = inside ? vox.cellValue(x, y, z) : vox.value(x, y, z);
                float f = (hu - lo) * scale;
                f = f <= 0 ? 0 : f >= last ? last : f;
                int i = Math.min((int) f, (int) last - 1);
                float wt = f - i;
                int e = i * 4;
                float sa = tab[e + 3] + wt * (tab[e + 7] - tab[e + 3]);
                if (sa > 0) {
                    float sr = tab[e] + wt * (tab[e + 4] - tab[e]);
                    float sg = tab[e + 1] + wt * (tab[e + 5] - tab[e + 1]);
                    float sb = tab[e + 2] + wt * (tab[e + 6] - tab[e + 2]);
                    if (shade) {
                        float lit = light(x, y, z, dx, dy, dz, inside);
                        float spec = specularTerm * sa;
                        sr = sr * lit + spec;
                        sg = sg * lit + spec;
                        sb = sb * lit + spec;
                    }
                    float w = 1 - a;
                    r += w * sr;
                    g += w * sg;
                    b += w * sb;
                    a += w * sa;
                    if (a >= ALPHA_STOP) {
                        k = -1;
                        break;
                    }
                }
                k++;
            }
            accR = r;
            accG = g;
            accB = b;
            accA = a;
            return k;
        }

        /** Whether every sample in brick (bx, by, bz) lies in the sampler's interior. */
        private boolean insideBrick(int bx, int by, int bz) {
            // a margin for the rounding of the brick walk's boundaries
            final float e = 0.05f;
            return vox.interiorBox(bx * bsx - e, by * bsy - e, bz * bsz - e, (bx + 1) * bsx + e, (by + 1) * bsy + e,
                    (bz + 1) * bsz + e);
        }

        private float specularTerm;

        /**
         * Diffuse factor (ambient + diffuse |n.l|) at a voxel position, headlight; sets
         * {@link #specularTerm}. Flat (ambient + diffuse, no specular) where the gradient vanishes.
         */
        private float light(float x, float y, float z, float dvx, float dvy, float dvz, boolean inside) {
            VoxelSampler vox = this.vox;
            if (inside || vox.interior(x, y, z)) {
                vox.interpolatedGradient(x, y, z);
            } else {
                vox.sampledGradient(x, y, z);
            }
            float gx0 = vox.gradX;
            float gy0 = vox.gradY;
            float gz0 = vox.gradZ;
            float len2 = q00 * gx0 * gx0 + q11 * gy0 * gy0 + q22 * gz0 * gz0
                    + q01 * gx0 * gy0 + q02 * gx0 * gz0 + q12 * gy0 * gz0;
            RaySetup s = this.s;
            // also catches a rounding just below zero of a vanishing gradient
            if (len2 < MIN_GRADIENT * MIN_GRADIENT) {
                specularTerm = 0f;
                return s.ambient + s.diffuse;
            }
            float len = (float) Math.sqrt(len2);
            // n.l with l = -forward: gradient . forward = (voxel gradient) . (voxel direction)
            float ndl = Math.abs(gx0 * dvx + gy0 * dvy + gz0 * dvz) / len;
            if (ndl > 1f) {
                ndl = 1f;
            }
            // tabulated: the power was a seventh of a shaded soft-tissue frame, even by squaring;
            // linear between 4096 steps it is within 5e-6 of x^24 (the presets' shininess)
            float f = ndl * SPECULAR_STEPS;
            int i = (int) f;
            specularTerm = specularTable[i] + (f - i) * (specularTable[i + 1] - specularTable[i]);
            return s.ambient + s.diffuse * ndl;
        }

        private static final int SPECULAR_STEPS = 4096;

        private static float[] specularTable(double specular, double shininess) {
            float[] t = new float[SPECULAR_STEPS + 2];
            for (int i = 0; i <= SPECULAR_STEPS; i++) {
                t[i] = (float) (specular * Math.pow((double) i / SPECULAR_STEPS, shininess));
            }
            t[SPECULAR_STEPS + 1] = t[SPECULAR_STEPS];
            return t;
        }

        /** Ray parameter where it leaves brick b along one axis (infinite at the grid's outer bricks). */
        private static float boundary(float v, float dv, int b, int g, float bs) {
            if (dv > 0) {
                return b == g - 1 ? Float.POSITIVE_INFINITY : ((b + 1) * bs - v) / dv;
            }
            if (dv < 0) {
                return b == 0 ? Float.POSITIVE_INFINITY : (b * bs - v) / dv;
            }
            return Float.POSITIVE_INFINITY;
        }

        private static void slab(float o, float d, float lo, float hi, float[] iv) {
            if (d == 0f) {
                if (o < lo || o > hi) {
                    iv[1] = -Float.MAX_VALUE;
                }
                return;
            }
            float ta = (lo - o) / d;
            float tb = (hi - o) / d;
            iv[0] = Math.max(iv[0], Math.min(ta, tb));
            iv[1] = Math.min(iv[1], Math.max(ta, tb));
        }
    }
}
