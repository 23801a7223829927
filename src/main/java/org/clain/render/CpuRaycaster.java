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
        private final short[][] sl;
        /** Index of voxel (0, 0, z) in sl[z] (the volume's slab). */
        private final int[] so;
        private final int mask;
        private final boolean uniform;
        private final float slope0;
        private final float icpt0;
        private final float[] slope;
        private final float[] icpt;
        private final int nx;
        private final int xmax;
        private final int ymax;
        private final int zmax;
        private final int xlim;
        private final int ylim;
        private final int zlim;
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
            int nz = v.nz();
            this.sl = new short[nz][];
            this.so = new int[nz];
            this.slope = new float[nz];
            this.icpt = new float[nz];
            for (int z = 0; z < nz; z++) {
                sl[z] = v.data(z);
                so[z] = v.offset(z);
                slope[z] = (float) v.slope(z);
                icpt[z] = (float) v.intercept(z);
            }
            this.mask = v.signed() ? -1 : 0xFFFF;
            this.uniform = v.uniformRescale();
            this.slope0 = slope[0];
            this.icpt0 = icpt[0];
            this.nx = v.nx();
            this.xmax = v.nx() - 1;
            this.ymax = v.ny() - 1;
            this.zmax = nz - 1;
            this.xlim = Math.max(xmax - 1, 0);
            this.ylim = Math.max(ymax - 1, 0);
            this.zlim = Math.max(zmax - 1, 0);
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

        /** Trilinear HU at continuous voxel position (x, y, z), clamped to the edge voxels. */
        float sample(float x, float y, float z) {
            x = x < 0 ? 0 : Math.min(x, xmax);
            y = y < 0 ? 0 : Math.min(y, ymax);
            z = z < 0 ? 0 : Math.min(z, zmax);
            int ix = Math.min((int) x, xlim);
            int iy = Math.min((int) y, ylim);
            int iz = Math.min((int) z, zlim);
            float fx = x - ix;
            float fy = y - iy;
            float fz = z - iz;
            int ddx = ix < xmax ? 1 : 0;
            int ddy = iy < ymax ? nx : 0;
            int iz1 = iz < zmax ? iz + 1 : iz;
            int o00 = iy * nx + ix;
            int o10 = o00 + ddy;
            short[] a = sl[iz];
            short[] b = sl[iz1];
            int ao = so[iz];
            int bo = so[iz1];
            int k = mask;
            float a00 = a[ao + o00] & k;
            float a01 = a[ao + o00 + ddx] & k;
            float a10 = a[ao + o10] & k;
            float a11 = a[ao + o10 + ddx] & k;
            float b00 = b[bo + o00] & k;
            float b01 = b[bo + o00 + ddx] & k;
            float b10 = b[bo + o10] & k;
            float b11 = b[bo + o10 + ddx] & k;
            float ca0 = a00 + fx * (a01 - a00);
            float ca1 = a10 + fx * (a11 - a10);
            float cb0 = b00 + fx * (b01 - b00);
            float cb1 = b10 + fx * (b11 - b10);
            float ca = ca0 + fy * (ca1 - ca0);
            float cb = cb0 + fy * (cb1 - cb0);
            if (uniform) {
                return (ca + fz * (cb - ca)) * slope0 + icpt0;
            }
            float ha = ca * slope[iz] + icpt[iz];
            float hb = cb * slope[iz1] + icpt[iz1];
            return ha + fz * (hb - ha);
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
                        float hu = value(x, y, z);
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
                                            if (sample(vx + dvx * mid, vy + dvy * mid, vz + dvz * mid) >= s.isoValue) {
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
                float hu = inside ? cellValue(x, y, z) : value(x, y, z);
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

        /** Whether every sample in brick (bx, by, bz) lies in the interior (see {@link #interior}). */
        private boolean insideBrick(int bx, int by, int bz) {
            // a margin for the rounding of the brick walk's boundaries
            final float e = 0.05f;
            return uniform && bx * bsx - e >= 1 && by * bsy - e >= 1 && bz * bsz - e >= 1
                    && (bx + 1) * bsx + e < xmax - 1 && (by + 1) * bsy + e < ymax - 1 && (bz + 1) * bsz + e < zmax - 1;
        }

        private float specularTerm;

        /**
         * Diffuse factor (ambient + diffuse |n.l|) at a voxel position, headlight; sets
         * {@link #specularTerm}. Flat (ambient + diffuse, no specular) where the gradient vanishes.
         */
        private float light(float x, float y, float z, float dvx, float dvy, float dvz, boolean inside) {
            if (inside || interior(x, y, z)) {
                interpolatedGradient(x, y, z);
            } else {
                sampledGradient(x, y, z);
            }
            float gx0 = gradX;
            float gy0 = gradY;
            float gz0 = gradZ;
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

        /** The voxel-space HU gradient of the last {@link #light} call. */
        float gradX;
        float gradY;
        float gradZ;

        /** The gradient at an interior (x, y, z), interpolated from the cell's corner differences. */
        void interpolatedGradient(float x, float y, float z) {
            cornerGradients(x, y, z);
            float fx = x - cellX;
            float fy = y - cellY;
            float fz = z - cellZ;
            float h = 0.5f * slope0;
            gradX = trilerp(cgx, fx, fy, fz) * h;
            gradY = trilerp(cgy, fx, fy, fz) * h;
            gradZ = trilerp(cgz, fx, fy, fz) * h;
        }

        /** Central differences of six trilinear samples: at the volume's edges, where they clamp. */
        void sampledGradient(float x, float y, float z) {
            gradX = (sample(x + 1, y, z) - sample(x - 1, y, z)) * 0.5f;
            gradY = (sample(x, y + 1, z) - sample(x, y - 1, z)) * 0.5f;
            gradZ = (sample(x, y, z + 1) - sample(x, y, z - 1)) * 0.5f;
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

        /** Whether the 4x4x4 neighbourhood of (x, y, z)'s cell lies inside a uniformly rescaled volume. */
        private boolean interior(float x, float y, float z) {
            return uniform && x >= 1 && y >= 1 && z >= 1 && x < xmax - 1 && y < ymax - 1 && z < zmax - 1;
        }

        // The cell (voxels ix..ix+1, iy..iy+1, iz..iz+1) of the last interior sample: at half-voxel
        // steps a ray takes about two samples per cell, and shading needs the same 32 voxels around it.
        private int cellX = -1;
        private int cellY;
        private int cellZ;
        private boolean cellGradients;
        /** Stored values at the cell's corners, c[dz][dy][dx]. */
        private float c000;
        private float c001;
        private float c010;
        private float c011;
        private float c100;
        private float c101;
        private float c110;
        private float c111;
        /** Central differences (stored units, not halved) at the cell's corners along x, y, z. */
        private final float[] cgx = new float[8];
        private final float[] cgy = new float[8];
        private final float[] cgz = new float[8];

        /** Trilinear HU at (x, y, z): through the cell cache inside the volume, else {@link #sample}. */
        float value(float x, float y, float z) {
            return interior(x, y, z) ? cellValue(x, y, z) : sample(x, y, z);
        }

        /** Trilinear HU at an interior (x, y, z), through the cell cache. */
        float cellValue(float x, float y, float z) {
            loadCell(x, y, z);
            float fx = x - cellX;
            float fy = y - cellY;
            float fz = z - cellZ;
            // the same operations in the same order as sample(): bit-identical values
            float ca0 = c000 + fx * (c001 - c000);
            float ca1 = c010 + fx * (c011 - c010);
            float cb0 = c100 + fx * (c101 - c100);
            float cb1 = c110 + fx * (c111 - c110);
            float ca = ca0 + fy * (ca1 - ca0);
            float cb = cb0 + fy * (cb1 - cb0);
            return (ca + fz * (cb - ca)) * slope0 + icpt0;
        }

        private void loadCell(float x, float y, float z) {
            int ix = (int) x;
            int iy = (int) y;
            int iz = (int) z;
            if (ix == cellX && iy == cellY && iz == cellZ) {
                return;
            }
            cellX = ix;
            cellY = iy;
            cellZ = iz;
            cellGradients = false;
            int k = mask;
            int o = iy * nx + ix;
            short[] a = sl[iz];
            short[] b = sl[iz + 1];
            int ao = so[iz] + o;
            int bo = so[iz + 1] + o;
            c000 = a[ao] & k;
            c001 = a[ao + 1] & k;
            c010 = a[ao + nx] & k;
            c011 = a[ao + nx + 1] & k;
            c100 = b[bo] & k;
            c101 = b[bo + 1] & k;
            c110 = b[bo + nx] & k;
            c111 = b[bo + nx + 1] & k;
        }

        /**
         * Fills the corner central differences of (x, y, z)'s cell. Trilinear interpolation is
         * linear in the voxels, so interpolating them equals the central difference of two trilinear
         * samples one voxel either side, the GPU's gradient, up to float rounding.
         */
        private void cornerGradients(float x, float y, float z) {
            loadCell(x, y, z);
            if (cellGradients) {
                return;
            }
            cellGradients = true;
            int k = mask;
            int n = nx;
            int o = cellY * n + cellX;
            short[] zm = sl[cellZ - 1];
            short[] z0 = sl[cellZ];
            short[] z1 = sl[cellZ + 1];
            short[] zp = sl[cellZ + 2];
            int om = so[cellZ - 1] + o;
            int o0 = so[cellZ] + o;
            int o1 = so[cellZ + 1] + o;
            int op = so[cellZ + 2] + o;
            // along x: columns ix - 1 and ix + 2 beside the cell's two
            cgx[0] = c001 - (z0[o0 - 1] & k);
            cgx[1] = (z0[o0 + 2] & k) - c000;
            cgx[2] = c011 - (z0[o0 + n - 1] & k);
            cgx[3] = (z0[o0 + n + 2] & k) - c010;
            cgx[4] = c101 - (z1[o1 - 1] & k);
            cgx[5] = (z1[o1 + 2] & k) - c100;
            cgx[6] = c111 - (z1[o1 + n - 1] & k);
            cgx[7] = (z1[o1 + n + 2] & k) - c110;
            // along y: rows iy - 1 and iy + 2
            cgy[0] = c010 - (z0[o0 - n] & k);
            cgy[1] = c011 - (z0[o0 - n + 1] & k);
            cgy[2] = (z0[o0 + 2 * n] & k) - c000;
            cgy[3] = (z0[o0 + 2 * n + 1] & k) - c001;
            cgy[4] = c110 - (z1[o1 - n] & k);
            cgy[5] = c111 - (z1[o1 - n + 1] & k);
            cgy[6] = (z1[o1 + 2 * n] & k) - c100;
            cgy[7] = (z1[o1 + 2 * n + 1] & k) - c101;
            // along z: slices iz - 1 and iz + 2
            cgz[0] = c100 - (zm[om] & k);
            cgz[1] = c101 - (zm[om + 1] & k);
            cgz[2] = c110 - (zm[om + n] & k);
            cgz[3] = c111 - (zm[om + n + 1] & k);
            cgz[4] = (zp[op] & k) - c000;
            cgz[5] = (zp[op + 1] & k) - c001;
            cgz[6] = (zp[op + n] & k) - c010;
            cgz[7] = (zp[op + n + 1] & k) - c011;
        }

        private static float trilerp(float[] c, float fx, float fy, float fz) {
            float ca0 = c[0] + fx * (c[1] - c[0]);
            float ca1 = c[2] + fx * (c[3] - c[2]);
            float cb0 = c[4] + fx * (c[5] - c[4]);
            float cb1 = c[6] + fx * (c[7] - c[6]);
            float ca = ca0 + fy * (ca1 - ca0);
            float cb = cb0 + fy * (cb1 - cb0);
            return ca + fz * (cb - ca);
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
