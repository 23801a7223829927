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
        private final float[] g;
        private final TfTable tf;
        private final float[] keys;
        private final int gx;
        private final int gy;
        private final int gz;
        private final float bsx;
        private final float bsy;
        private final float bsz;
        private final float[] rgba = new float[4];
        /** The shininess when it is a whole number (the presets' are), else 0. */
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
            this.g = s.gradMatrix;
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
                        float hu = sample(x, y, z);
                        switch (mode) {
                            case DVR -> {
                                tf.lookup(hu, rgba);
                                float sa = rgba[3];
                                if (sa > 0) {
                                    float sr = rgba[0];
                                    float sg = rgba[1];
                                    float sb = rgba[2];
                                    if (s.shade) {
                                        float lit = light(x, y, z, dvx, dvy, dvz);
                                        float spec = specularTerm;
                                        sr = sr * lit + spec * sa;
                                        sg = sg * lit + spec * sa;
                                        sb = sb * lit + spec * sa;
                                    }
                                    float w = 1 - a;
                                    r += w * sr;
                                    gg += w * sg;
                                    b += w * sb;
                                    a += w * sa;
                                    if (a >= ALPHA_STOP) {
                                        break march;
                                    }
                                }
                            }
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
                                        lit = light(vx + dvx * th, vy + dvy * th, vz + dvz * th, dvx, dvy, dvz);
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

        private float specularTerm;

        /**
         * Diffuse factor (ambient + diffuse |n.l|) at a voxel position, headlight; sets
         * {@link #specularTerm}. Flat (ambient + diffuse, no specular) where the gradient vanishes.
         */
        private float light(float x, float y, float z, float dvx, float dvy, float dvz) {
            float gx0;
            float gy0;
            float gz0;
            if (uniform && x >= 1 && y >= 1 && z >= 1 && x < xmax - 1 && y < ymax - 1 && z < zmax - 1) {
                // interior: the six central-difference samples share weights; 32 loads instead of 48
                gradientInterior(x, y, z);
                gx0 = grad[0];
                gy0 = grad[1];
                gz0 = grad[2];
            } else {
                gx0 = (sample(x + 1, y, z) - sample(x - 1, y, z)) * 0.5f;
                gy0 = (sample(x, y + 1, z) - sample(x, y - 1, z)) * 0.5f;
                gz0 = (sample(x, y, z + 1) - sample(x, y, z - 1)) * 0.5f;
            }
            float px = g[0] * gx0 + g[1] * gy0 + g[2] * gz0;
            float py = g[3] * gx0 + g[4] * gy0 + g[5] * gz0;
            float pz = g[6] * gx0 + g[7] * gy0 + g[8] * gz0;
            float len = (float) Math.sqrt(px * px + py * py + pz * pz);
            RaySetup s = this.s;
            if (len < MIN_GRADIENT) {
                specularTerm = 0f;
                return s.ambient + s.diffuse;
            }
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

        private final float[] grad = new float[3];

        private static final int SPECULAR_STEPS = 4096;

        private static float[] specularTable(double specular, double shininess) {
            float[] t = new float[SPECULAR_STEPS + 2];
            for (int i = 0; i <= SPECULAR_STEPS; i++) {
                t[i] = (float) (specular * Math.pow((double) i / SPECULAR_STEPS, shininess));
            }
            t[SPECULAR_STEPS + 1] = t[SPECULAR_STEPS];
            return t;
        }

        /**
         * Central differences of trilinear HU at (x, y, z) one voxel apart along each axis, for a
         * position at least one voxel inside the volume with a uniform rescale: the same values as
         * six {@link #sample} calls (up to float rounding), from the 4x4x4 neighbourhood's 32
         * voxels that matter.
         */
        private void gradientInterior(float x, float y, float z) {
            int ix = (int) x;
            int iy = (int) y;
            int iz = (int) z;
            float fx = x - ix;
            float fy = y - iy;
            float fz = z - iz;
            int k = mask;
            int o = iy * nx + ix;
            short[] s0 = sl[iz];
            short[] s1 = sl[iz + 1];
            short[] sm = sl[iz - 1];
            short[] sp = sl[iz + 2];
            int o0 = so[iz] + o;
            int o1 = so[iz + 1] + o;
            int om = so[iz - 1] + o;
            int op = so[iz + 2] + o;
            int n = nx;
            // core cell c[dz][dy][dx]
            float c000 = s0[o0] & k;
            float c001 = s0[o0 + 1] & k;
            float c010 = s0[o0 + n] & k;
            float c011 = s0[o0 + n + 1] & k;
            float c100 = s1[o1] & k;
            float c101 = s1[o1 + 1] & k;
            float c110 = s1[o1 + n] & k;
            float c111 = s1[o1 + n + 1] & k;
            // x neighbours (columns ix-1 and ix+2)
            float xm00 = s0[o0 - 1] & k;
            float xm01 = s0[o0 + n - 1] & k;
            float xm10 = s1[o1 - 1] & k;
            float xm11 = s1[o1 + n - 1] & k;
            float xp00 = s0[o0 + 2] & k;
            float xp01 = s0[o0 + n + 2] & k;
            float xp10 = s1[o1 + 2] & k;
            float xp11 = s1[o1 + n + 2] & k;
            // y neighbours (rows iy-1 and iy+2)
            float ym00 = s0[o0 - n] & k;
            float ym01 = s0[o0 - n + 1] & k;
            float ym10 = s1[o1 - n] & k;
            float ym11 = s1[o1 - n + 1] & k;
            float yp00 = s0[o0 + 2 * n] & k;
            float yp01 = s0[o0 + 2 * n + 1] & k;
            float yp10 = s1[o1 + 2 * n] & k;
            float yp11 = s1[o1 + 2 * n + 1] & k;
            // z neighbours (slices iz-1 and iz+2)
            float zm00 = sm[om] & k;
            float zm01 = sm[om + 1] & k;
            float zm10 = sm[om + n] & k;
            float zm11 = sm[om + n + 1] & k;
            float zp00 = sp[op] & k;
            float zp01 = sp[op + 1] & k;
            float zp10 = sp[op + n] & k;
            float zp11 = sp[op + n + 1] & k;
            // x +- 1: lerp in x over shifted columns, then bilinear in (y, z)
            float xPlus = bilerp(lerp(c001, xp00, fx), lerp(c011, xp01, fx), lerp(c101, xp10, fx), lerp(c111, xp11, fx),
                    fy, fz);
            float xMinus = bilerp(lerp(xm00, c000, fx), lerp(xm01, c010, fx), lerp(xm10, c100, fx), lerp(xm11, c110, fx),
                    fy, fz);
            // y +- 1: rows shifted
            float yPlus = bilerp(lerp(c010, c011, fx), lerp(yp00, yp01, fx), lerp(c110, c111, fx), lerp(yp10, yp11, fx),
                    fy, fz);
            float yMinus = bilerp(lerp(ym00, ym01, fx), lerp(c000, c001, fx), lerp(ym10, ym11, fx), lerp(c100, c101, fx),
                    fy, fz);
            // z +- 1: slices shifted
            float zPlus = bilerp(lerp(c100, c101, fx), lerp(c110, c111, fx), lerp(zp00, zp01, fx), lerp(zp10, zp11, fx),
                    fy, fz);
            float zMinus = bilerp(lerp(zm00, zm01, fx), lerp(zm10, zm11, fx), lerp(c000, c001, fx), lerp(c010, c011, fx),
                    fy, fz);
            float h = 0.5f * slope0;
            grad[0] = (xPlus - xMinus) * h;
            grad[1] = (yPlus - yMinus) * h;
            grad[2] = (zPlus - zMinus) * h;
        }

        private static float lerp(float a, float b, float t) {
            return a + t * (b - a);
        }

        /** Bilinear over (y, z) of four x-interpolated values: (y0 z0), (y1 z0), (y0 z1), (y1 z1). */
        private static float bilerp(float y0z0, float y1z0, float y0z1, float y1z1, float fy, float fz) {
            float z0 = y0z0 + fy * (y1z0 - y0z0);
            float z1 = y0z1 + fy * (y1z1 - y0z1);
            return z0 + fz * (z1 - z0);
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
