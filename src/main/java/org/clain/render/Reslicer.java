package org.clain.render;

import org.clain.geom.Affine;
import org.clain.geom.Vec3;
import org.clain.study.Volume;

/**
 * CPU multiplanar reformat: samples a {@link Volume} on a {@link Plane} (optionally a thick
 * {@link Slab}) and returns modality values (HU for CT) as floats, row-major, x fastest.
 *
 * <h2>Sampling</h2>
 * Every pixel centre is mapped to voxel index space through the volume's exact
 * {@code patientToVoxel} affine, so anisotropic spacing, oblique acquisitions and gantry-tilt
 * shear are honoured. Values are interpolated trilinearly between voxel centres; within a slice
 * the stored values are interpolated, each slice's own rescale slope/intercept is applied, and
 * the two slices' modality values are then interpolated (identical to interpolating modality
 * values, so per-slice rescale is exact).
 *
 * <h2>Volume extent and NO_DATA</h2>
 * A voxel covers its index +-0.5, so the volume spans {@code [-0.5, n-0.5]} on each index axis
 * (plus {@link #EDGE_EPSILON} voxel for rounding). Inside that box the outermost half voxel is
 * clamped to the edge voxel (like GL_CLAMP_TO_EDGE); outside it a pixel gets the no-data value,
 * {@link Float#NaN} by default ({@link #DEFAULT_NO_DATA}): NaN can never be mistaken for a real
 * modality value, propagates through arithmetic, and {@link WindowLevel} maps it to black.
 * Another value (e.g. -32768) can be chosen per reslicer.
 *
 * <h2>Speed</h2>
 * Rows are split over a fixed pool of threads (the caller included). Along a row the voxel
 * position advances by a constant voxel-space delta per pixel; the extent test is done once per
 * row by clipping the row's line against the volume box. After the first frame of a given size
 * nothing is allocated per frame when an output buffer is passed in. Instances are thread-safe
 * (frames are serialised); {@link #close()} stops the threads.
 */
public final class Reslicer implements Reformatter {
    /** The default value of pixels outside the volume. */
    public static final float DEFAULT_NO_DATA = Float.NaN;
    /** Tolerance, in voxels, of the inside test at the volume's faces. */
    public static final double EDGE_EPSILON = 1e-4;

    private final Volume volume;
    private final short[][] slices;
    /** Index of each slice's first voxel in its array of {@link #slices} (a slab of the volume). */
    private final int[] offsets;
    private final int nx;
    private final int ny;
    private final int nz;
    private final int mask;
    private final float[] slope;
    private final float[] intercept;
    private final float noData;
    private final RowPool pool;
    // patientToVoxel, row-major 3x4
    private final double m00, m01, m02, m03, m10, m11, m12, m13, m20, m21, m22, m23;
    private final double maxSlabStep;

    // per-worker scratch, grown when a wider frame arrives
    private final float[][] tmp;
    private final float[][] acc;
    private final int[][] count;

    // frame state, written by the frame's caller before the pool runs, read by the workers
    private float[] out;
    private int width;
    private double ox, oy, oz; // voxel position of pixel (0,0) of the middle slab sample
    private double ux, uy, uz; // voxel delta per pixel along a row
    private double vx, vy, vz; // voxel delta per row
    private double[] rowOrigins; // patient, 3 per row (rows mode) or null
    private double[] rowSteps;
    private int slabSamples;
    private double sx, sy, sz; // voxel delta between slab samples
    private double slabStart; // index offset of the first sample: -(slabSamples-1)/2
    private Slab.Mode slabMode;
    private final RowPool.RowTask task = this::rows;

    public Reslicer(Volume volume) {
        this(volume, Runtime.getRuntime().availableProcessors(), DEFAULT_NO_DATA);
    }

    /**
     * @param threads number of threads working on a frame (1: the caller only)
     * @param noData  value of pixels outside the volume (NaN recommended)
     */
    public Reslicer(Volume volume, int threads, float noData) {
        this.volume = volume;
        this.nx = volume.nx();
        this.ny = volume.ny();
        this.nz = volume.nz();
        this.slices = new short[nz][];
        this.offsets = new int[nz];
        this.slope = new float[nz];
        this.intercept = new float[nz];
        for (int z = 0; z < nz; z++) {
            slices[z] = volume.data(z);
            offsets[z] = volume.offset(z);
            slope[z] = (float) volume.slope(z);
            intercept[z] = (float) volume.intercept(z);
        }
        this.mask = volume.signed() ? -1 : 0xFFFF;
        this.noData = noData;
        Affine a = volume.patientToVoxel();
        m00 = a.get(0, 0);
        m01 = a.get(0, 1);
        m02 = a.get(0, 2);
        m03 = a.get(0, 3);
        m10 = a.get(1, 0);
        m11 = a.get(1, 1);
        m12 = a.get(1, 2);
        m13 = a.get(1, 3);
        m20 = a.get(2, 0);
        m21 = a.get(2, 1);
        m22 = a.get(2, 2);
        m23 = a.get(2, 3);
        maxSlabStep = maxSlabStep(volume);
        this.pool = new RowPool(threads);
        tmp = new float[threads][0];
        acc = new float[threads][0];
        count = new int[threads][0];
    }

    /** Half the smallest voxel dimension (mm): the largest spacing of slab samples along the normal. */
    public static double maxSlabStep(Volume volume) {
        Vec3 s = volume.spacing();
        return Math.min(s.x(), Math.min(s.y(), s.z())) / 2;
    }

    public Volume volume() {
        return volume;
    }

    @Override
    public float noData() {
        return noData;
    }

    public int threads() {
        return pool.threads();
    }

    /** Half the smallest voxel size of this volume, mm. */
    public double maxSlabStep() {
        return maxSlabStep;
    }

    /** A thin reslice into a new array. */
    public float[] reslice(Plane plane) {
        return reslice(plane, Slab.NONE, null);
    }

    /**
     * Reslices into {@code out} (reused when it holds at least width*height values, else a new
     * array is made) and returns it.
     */
    @Override
    public synchronized float[] reslice(Plane plane, Slab slab, float[] out) {
        int w = plane.width();
        int h = plane.height();
        out = buffer(out, w, h);
        // no Vec3 temporaries: a frame allocates nothing
        double px = plane.pixelSize();
        Vec3 u = plane.u();
        Vec3 v = plane.v();
        Vec3 ctr = plane.center();
        double a = -(w - 1) / 2.0 * px;
        double b = -(h - 1) / 2.0 * px;
        double cx = ctr.x() + a * u.x() + b * v.x();
        double cy = ctr.y() + a * u.y() + b * v.y();
        double cz = ctr.z() + a * u.z() + b * v.z();
        ox = m00 * cx + m01 * cy + m02 * cz + m03;
        oy = m10 * cx + m11 * cy + m12 * cz + m13;
        oz = m20 * cx + m21 * cy + m22 * cz + m23;
        ux = (m00 * u.x() + m01 * u.y() + m02 * u.z()) * px;
        uy = (m10 * u.x() + m11 * u.y() + m12 * u.z()) * px;
        uz = (m20 * u.x() + m21 * u.y() + m22 * u.z()) * px;
        vx = (m00 * v.x() + m01 * v.y() + m02 * v.z()) * px;
        vy = (m10 * v.x() + m11 * v.y() + m12 * v.z()) * px;
        vz = (m20 * v.x() + m21 * v.y() + m22 * v.z()) * px;
        // normal u x v (u, v are unit and orthogonal)
        double nx0 = u.y() * v.z() - u.z() * v.y();
        double ny0 = u.z() * v.x() - u.x() * v.z();
        double nz0 = u.x() * v.y() - u.y() * v.x();
        setSlab(slab, nx0, ny0, nz0);
        rowOrigins = null;
        rowSteps = null;
        return runFrame(out, w, h);
    }

    /**
     * Samples arbitrary rows: row j is the line of {@code width} points
     * {@code origins[3j..3j+2] + i * steps[3j..3j+2]} (patient mm), i = 0..width-1. This is the
     * primitive under curved reformats.
     */
    public synchronized float[] resliceRows(double[] origins, double[] steps, int width, int height, float[] out) {
        if (origins.length < 3 * height || steps.length < 3 * height) {
            throw new IllegalArgumentException("need 3 origin and 3 step values per row");
        }
        out = buffer(out, width, height);
        rowOrigins = origins;
        rowSteps = steps;
        setSlab(Slab.NONE, 0, 0, 1);
        return runFrame(out, width, height);
    }

    @Override
    public float[] curved(CurvedReslicer.Geometry g, float[] out) {
        return resliceRows(g.rowOrigins(), g.rowSteps(), g.width(), g.height(), out);
    }

    @Override
    public String description() {
        return "CPU, " + threads() + (threads() == 1 ? " thread" : " threads");
    }

    @Override
    public boolean hardwareAccelerated() {
        return false;
    }

    /** The trilinearly interpolated modality value at a patient point, or the no-data value outside. */
    public float sample(Vec3 p) {
        float[] one = new float[1];
        sampleLine(m00 * p.x() + m01 * p.y() + m02 * p.z() + m03, m10 * p.x() + m11 * p.y() + m12 * p.z() + m13,
                m20 * p.x() + m21 * p.y() + m22 * p.z() + m23, 0, 0, 0, 1, one, 0);
        return Float.isNaN(one[0]) ? noData : one[0];
    }

    private static float[] buffer(float[] out, int w, int h) {
        long n = (long) w * h;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("image too large: " + w + "x" + h);
        }
        return out != null && out.length >= n ? out : new float[(int) n];
    }

    private void setSlab(Slab slab, double nX, double nY, double nZ) {
        slabMode = slab.mode();
        slabSamples = slab.sampleCount(maxSlabStep);
        if (slabSamples > 1) {
            double step = slab.thickness() / (slabSamples - 1);
            sx = (m00 * nX + m01 * nY + m02 * nZ) * step;
            sy = (m10 * nX + m11 * nY + m12 * nZ) * step;
            sz = (m20 * nX + m21 * nY + m22 * nZ) * step;
            slabStart = -(slabSamples - 1) / 2.0;
        } else {
            sx = sy = sz = 0;
            slabStart = 0;
        }
    }

    private float[] runFrame(float[] o, int w, int h) {
        for (int t = 0; t < tmp.length; t++) {
            if (tmp[t].length < w) {
                tmp[t] = new float[w];
                acc[t] = new float[w];
                count[t] = new int[w];
            }
        }
        this.out = o;
        this.width = w;
        try {
            pool.run(task, h);
        } finally {
            this.out = null;
            this.rowOrigins = null;
            this.rowSteps = null;
        }
        return o;
    }

    private void rows(int from, int to, int worker) {
        final float[] dst = out;
        final int w = width;
        for (int j = from; j < to; j++) {
            double rx;
            double ry;
            double rz;
            double dx;
            double dy;
            double dz;
            if (rowOrigins != null) {
                double px = rowOrigins[3 * j];
                double py = rowOrigins[3 * j + 1];
                double pz = rowOrigins[3 * j + 2];
                double qx = rowSteps[3 * j];
                double qy = rowSteps[3 * j + 1];
                double qz = rowSteps[3 * j + 2];
                rx = m00 * px + m01 * py + m02 * pz + m03;
                ry = m10 * px + m11 * py + m12 * pz + m13;
                rz = m20 * px + m21 * py + m22 * pz + m23;
                dx = m00 * qx + m01 * qy + m02 * qz;
                dy = m10 * qx + m11 * qy + m12 * qz;
                dz = m20 * qx + m21 * qy + m22 * qz;
            } else {
                rx = ox + j * vx;
                ry = oy + j * vy;
                rz = oz + j * vz;
                dx = ux;
                dy = uy;
                dz = uz;
            }
            int off = j * w;
            if (slabSamples == 1) {
                sampleLine(rx, ry, rz, dx, dy, dz, w, dst, off);
            } else {
                slabRow(rx, ry, rz, dx, dy, dz, w, dst, off, worker);
            }
            if (!Float.isNaN(noData)) {
                for (int i = off, e = off + w; i < e; i++) {
                    if (Float.isNaN(dst[i])) {
                        dst[i] = noData;
                    }
                }
            }
        }
    }

    private void slabRow(double rx, double ry, double rz, double dx, double dy, double dz, int w, float[] dst,
                         int off, int worker) {
        float[] t = tmp[worker];
        float[] a = acc[worker];
        int[] cnt = count[worker];
        Slab.Mode mode = slabMode;
        for (int i = 0; i < w; i++) {
            a[i] = Float.NaN;
            cnt[i] = 0;
        }
        if (mode == Slab.Mode.AVG) {
            for (int i = 0; i < w; i++) {
                a[i] = 0;
            }
        }
        for (int k = 0; k < slabSamples; k++) {
            double f = slabStart + k;
            sampleLine(rx + f * sx, ry + f * sy, rz + f * sz, dx, dy, dz, w, t, 0);
            switch (mode) {
                case MIP -> {
                    for (int i = 0; i < w; i++) {
                        float s = t[i];
                        if (!(a[i] >= s) && s == s) { // a is NaN or smaller, s is a value
                            a[i] = s;
                        }
                    }
                }
                case MINIP -> {
                    for (int i = 0; i < w; i++) {
                        float s = t[i];
                        if (!(a[i] <= s) && s == s) {
                            a[i] = s;
                        }
                    }
                }
                case AVG -> {
                    for (int i = 0; i < w; i++) {
                        float s = t[i];
                        if (s == s) {
                            a[i] += s;
                            cnt[i]++;
                        }
                    }
                }
            }
        }
        if (mode == Slab.Mode.AVG) {
            for (int i = 0; i < w; i++) {
                dst[off + i] = cnt[i] == 0 ? Float.NaN : a[i] / cnt[i];
            }
        } else {
            System.arraycopy(a, 0, dst, off, w);
        }
    }

    /**
     * Samples n points (x,y,z) + k*(dx,dy,dz) (voxel index space) into dst[off..off+n): modality
     * values, NaN outside the volume.
     */
    private void sampleLine(double x, double y, double z, double dx, double dy, double dz, int n, float[] dst,
                            int off) {
        // clip the line against the volume box [-0.5, n-0.5] (+eps) on each axis: k in [kLo, kHi]
        double kLo = 0;
        double kHi = n - 1;
        final double lo = -0.5 - EDGE_EPSILON;
        kLo = Math.max(kLo, clipLo(x, dx, lo, nx - 0.5 + EDGE_EPSILON));
        kHi = Math.min(kHi, clipHi(x, dx, lo, nx - 0.5 + EDGE_EPSILON));
        kLo = Math.max(kLo, clipLo(y, dy, lo, ny - 0.5 + EDGE_EPSILON));
        kHi = Math.min(kHi, clipHi(y, dy, lo, ny - 0.5 + EDGE_EPSILON));
        kLo = Math.max(kLo, clipLo(z, dz, lo, nz - 0.5 + EDGE_EPSILON));
        kHi = Math.min(kHi, clipHi(z, dz, lo, nz - 0.5 + EDGE_EPSILON));
        int k0 = kLo > kHi ? n : (int) Math.ceil(kLo);
        int k1 = kLo > kHi ? n - 1 : (int) Math.floor(kHi);
        if (k1 < k0) {
            k0 = n;
            k1 = n - 1;
        }
        for (int k = 0; k < k0; k++) {
            dst[off + k] = Float.NaN;
        }
        for (int k = k1 + 1; k < n; k++) {
            dst[off + k] = Float.NaN;
        }
        final short[][] sl = slices;
        final int[] so = offsets;
        final float[] slp = slope;
        final float[] icp = intercept;
        final int m = mask;
        final int w = nx;
        final int xMax = nx - 1;
        final int yMax = ny - 1;
        final int zMax = nz - 1;
        double px = x + k0 * dx;
        double py = y + k0 * dy;
        double pz = z + k0 * dz;
        for (int k = k0; k <= k1; k++) {
            // floor for p > -1 without Math.floor
            int ix = (int) (px + 1.0) - 1;
            int iy = (int) (py + 1.0) - 1;
            int iz = (int) (pz + 1.0) - 1;
            float fx = (float) (px - ix);
            float fy = (float) (py - iy);
            float fz = (float) (pz - iz);
            int x0 = ix < 0 ? 0 : ix;
            int x1 = ix >= xMax ? xMax : ix + 1;
            int y0 = iy < 0 ? 0 : iy;
            int y1 = iy >= yMax ? yMax : iy + 1;
            int z0 = iz < 0 ? 0 : iz;
            int z1 = iz >= zMax ? zMax : iz + 1;
            int r0 = y0 * w;
            int r1 = y1 * w;
            short[] s0 = sl[z0];
            short[] s1 = sl[z1];
            int a0r0 = so[z0] + r0;
            int a0r1 = so[z0] + r1;
            int b0r0 = so[z1] + r0;
            int b0r1 = so[z1] + r1;
            float a00 = s0[a0r0 + x0] & m;
            float a10 = s0[a0r0 + x1] & m;
            float a01 = s0[a0r1 + x0] & m;
            float a11 = s0[a0r1 + x1] & m;
            float b00 = s1[b0r0 + x0] & m;
            float b10 = s1[b0r0 + x1] & m;
            float b01 = s1[b0r1 + x0] & m;
            float b11 = s1[b0r1 + x1] & m;
            float a0 = a00 + fx * (a10 - a00);
            float a1 = a01 + fx * (a11 - a01);
            float b0 = b00 + fx * (b10 - b00);
            float b1 = b01 + fx * (b11 - b01);
            float va = (a0 + fy * (a1 - a0)) * slp[z0] + icp[z0];
            float vb = (b0 + fy * (b1 - b0)) * slp[z1] + icp[z1];
            dst[off + k] = va + fz * (vb - va);
            px += dx;
            py += dy;
            pz += dz;
        }
    }

    private static double clipLo(double p, double d, double lo, double hi) {
        if (d > 0) {
            return (lo - p) / d;
        }
        if (d < 0) {
            return (hi - p) / d;
        }
        return p >= lo && p <= hi ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    private static double clipHi(double p, double d, double lo, double hi) {
        if (d > 0) {
            return (hi - p) / d;
        }
        if (d < 0) {
            return (lo - p) / d;
        }
        return p >= lo && p <= hi ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }

    @Override
    public void close() {
        pool.close();
    }

    Thread[] workerThreads() {
        return pool.workerThreads();
    }
}
