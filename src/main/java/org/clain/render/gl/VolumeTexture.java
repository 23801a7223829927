package org.clain.render.gl;

import com.jogamp.common.nio.Buffers;
import com.jogamp.opengl.GL;
import com.jogamp.opengl.GL2ES2;
import com.jogamp.opengl.GL2ES3;
import com.jogamp.opengl.GL2GL3;
import com.jogamp.opengl.GL3;
import org.clain.geom.Affine;
import org.clain.geom.Vec3;
import org.clain.study.Volume;

import java.nio.ShortBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link Volume} uploaded as one GL_R16 3D texture (x fastest, texel (i,j,k) = voxel (i,j,k)).
 *
 * <p>Texel encoding: unsigned data as stored; signed data shifted by +32768. In a shader, with
 * {@code t} the normalised texel (0..1): {@code stored = t*65535 - storedOffset} and
 * {@code HU = stored*slope + intercept}, or in one step {@code HU = t*huScale() + huOffset()}.
 * When the volume's slices carry different rescales, the voxels are requantised once to one common
 * (slope, intercept) covering every slice's range, and {@link #messages()} says so.
 *
 * <p>Size: each axis over GL_MAX_3D_TEXTURE_SIZE is halved (box filter of 2) until it fits, then the
 * largest axis is halved while the texture would exceed the memory budget (80% of free video memory
 * where the driver reports it, NVX/ATI extensions; else {@code -Dclain.gl.maxTextureMiB}, default
 * 4096). {@link #voxelToPatient()} is the geometry of the texture's grid (after any downsampling).
 */
public final class VolumeTexture {
    private static final int GPU_MEMORY_INFO_CURRENT_AVAILABLE_VIDMEM_NVX = 0x9049;
    private static final int TEXTURE_FREE_MEMORY_ATI = 0x87FC;

    private final int texture;
    private final Volume source;
    private final int nx;
    private final int ny;
    private final int nz;
    private final int[] factor;
    private final Affine voxelToPatient;
    private final boolean signed;
    private final double slope;
    private final double intercept;
    private final List<String> messages;
    private final long uploadNanos;

    private VolumeTexture(int texture, Volume source, int[] dims, int[] factor, Affine voxelToPatient, boolean signed,
                          double slope, double intercept, List<String> messages, long uploadNanos) {
        this.texture = texture;
        this.source = source;
        this.nx = dims[0];
        this.ny = dims[1];
        this.nz = dims[2];
        this.factor = factor;
        this.voxelToPatient = voxelToPatient;
        this.signed = signed;
        this.slope = slope;
        this.intercept = intercept;
        this.messages = List.copyOf(messages);
        this.uploadNanos = uploadNanos;
    }

    /** Uploads on the context's GL thread. */
    public static VolumeTexture upload(GlContext ctx, Volume v) {
        return ctx.call(gl -> upload(gl, v, ctx.max3DTextureSize()));
    }

    /** Uploads with the current context; {@code max3D} is GL_MAX_3D_TEXTURE_SIZE (0: query it). */
    public static VolumeTexture upload(GL3 gl, Volume v, int max3D) {
        long t0 = System.nanoTime();
        List<String> msgs = new ArrayList<>();
        if (max3D <= 0) {
            int[] q = new int[1];
            gl.glGetIntegerv(GL2ES2.GL_MAX_3D_TEXTURE_SIZE, q, 0);
            max3D = q[0];
        }
        // a smaller limit may be forced (tests of the downsampling path, memory-tight machines)
        Integer forced = Integer.getInteger("clain.gl.max3DTextureSize");
        if (forced != null && forced > 0) {
            max3D = Math.min(max3D, forced);
        }
        int[] dims = {v.nx(), v.ny(), v.nz()};
        int[] factor = {1, 1, 1};
        for (int a = 0; a < 3; a++) {
            while (dims[a] > max3D) {
                dims[a] = (dims[a] + 1) / 2;
                factor[a] *= 2;
            }
        }
        if (factor[0] * factor[1] * factor[2] > 1) {
            msgs.add(String.format("volume %dx%dx%d exceeds GL_MAX_3D_TEXTURE_SIZE %d: downsampled by %dx%dx%d to %dx%dx%d",
                    v.nx(), v.ny(), v.nz(), max3D, factor[0], factor[1], factor[2], dims[0], dims[1], dims[2]));
        }
        long budget = memoryBudget(gl);
        int[] before = dims.clone();
        while ((long) dims[0] * dims[1] * dims[2] * 2 > budget) {
            int a = dims[0] >= dims[1] && dims[0] >= dims[2] ? 0 : dims[1] >= dims[2] ? 1 : 2;
            if (dims[a] == 1) {
                break;
            }
            dims[a] = (dims[a] + 1) / 2;
            factor[a] *= 2;
        }
        if (before[0] != dims[0] || before[1] != dims[1] || before[2] != dims[2]) {
            msgs.add(String.format("volume of %d MiB exceeds the texture memory budget of %d MiB: downsampled to %dx%dx%d",
                    (long) before[0] * before[1] * before[2] * 2 >> 20, budget >> 20, dims[0], dims[1], dims[2]));
        }

        // one common rescale for the shader
        boolean signed = v.signed();
        double slope = v.slope(0);
        double intercept = v.intercept(0);
        boolean requantise = !v.uniformRescale();
        double[] rq = null;
        if (requantise) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            double smin = signed ? -32768 : 0;
            double smax = signed ? 32767 : 65535;
            for (int z = 0; z < v.nz(); z++) {
                double a = smin * v.slope(z) + v.intercept(z);
                double b = smax * v.slope(z) + v.intercept(z);
                lo = Math.min(lo, Math.min(a, b));
                hi = Math.max(hi, Math.max(a, b));
            }
            // finest original step is kept where the range allows
            slope = Math.max((hi - lo) / 65535.0, 1e-12);
            intercept = lo;
            signed = false;
            rq = new double[] {slope, intercept};
            msgs.add(String.format("slices carry different rescales: requantised to slope %.6g intercept %.6g", slope,
                    intercept));
        }

        int[] tex = new int[1];
        gl.glGenTextures(1, tex, 0);
        gl.glBindTexture(GL2ES2.GL_TEXTURE_3D, tex[0]);
        gl.glPixelStorei(GL.GL_UNPACK_ALIGNMENT, 2);
        gl.glTexImage3D(GL2ES2.GL_TEXTURE_3D, 0, GL2GL3.GL_R16, dims[0], dims[1], dims[2], 0, GL2ES2.GL_RED,
                GL.GL_UNSIGNED_SHORT, null);
        int err = gl.glGetError();
        if (err != GL.GL_NO_ERROR) {
            gl.glDeleteTextures(1, tex, 0);
            throw new IllegalStateException(String.format("glTexImage3D %dx%dx%d GL_R16 failed: GL error 0x%04X", dims[0],
                    dims[1], dims[2], err));
        }
        int sliceTexels = dims[0] * dims[1];
        int chunk = Math.max(1, Math.min(dims[2], (16 << 20) / (2 * sliceTexels)));
        ShortBuffer buf = Buffers.newDirectShortBuffer(sliceTexels * chunk);
        short[] row = new short[sliceTexels];
        for (int z0 = 0; z0 < dims[2]; z0 += chunk) {
            int n = Math.min(chunk, dims[2] - z0);
            buf.clear();
            for (int k = 0; k < n; k++) {
                fillSlice(v, z0 + k, dims, factor, rq, row);
                buf.put(row);
            }
            buf.flip();
            gl.glTexSubImage3D(GL2ES2.GL_TEXTURE_3D, 0, 0, 0, z0, dims[0], dims[1], n, GL2ES2.GL_RED,
                    GL.GL_UNSIGNED_SHORT, buf);
        }
        gl.glTexParameteri(GL2ES2.GL_TEXTURE_3D, GL.GL_TEXTURE_MIN_FILTER, GL.GL_LINEAR);
        gl.glTexParameteri(GL2ES2.GL_TEXTURE_3D, GL.GL_TEXTURE_MAG_FILTER, GL.GL_LINEAR);
        gl.glTexParameteri(GL2ES2.GL_TEXTURE_3D, GL.GL_TEXTURE_WRAP_S, GL.GL_CLAMP_TO_EDGE);
        gl.glTexParameteri(GL2ES2.GL_TEXTURE_3D, GL.GL_TEXTURE_WRAP_T, GL.GL_CLAMP_TO_EDGE);
        gl.glTexParameteri(GL2ES2.GL_TEXTURE_3D, GL2ES2.GL_TEXTURE_WRAP_R, GL.GL_CLAMP_TO_EDGE);
        gl.glTexParameteri(GL2ES2.GL_TEXTURE_3D, GL2ES3.GL_TEXTURE_MAX_LEVEL, 0);
        gl.glBindTexture(GL2ES2.GL_TEXTURE_3D, 0);
        err = gl.glGetError();
        if (err != GL.GL_NO_ERROR) {
            gl.glDeleteTextures(1, tex, 0);
            throw new IllegalStateException(String.format("3D texture upload failed: GL error 0x%04X", err));
        }
        Affine g = v.voxelToPatient();
        if (factor[0] * factor[1] * factor[2] > 1) {
            // new index i maps to old index f*i + (f-1)/2 (centre of the averaged run)
            Vec3 c0 = g.column(0).times(factor[0]);
            Vec3 c1 = g.column(1).times(factor[1]);
            Vec3 c2 = g.column(2).times(factor[2]);
            Vec3 o = v.toPatient((factor[0] - 1) / 2.0, (factor[1] - 1) / 2.0, (factor[2] - 1) / 2.0);
            g = Affine.fromColumns(c0, c1, c2, o);
        }
        return new VolumeTexture(tex[0], v, dims, factor, g, signed, slope, intercept, msgs, System.nanoTime() - t0);
    }

    /** Texels of texture slice z: box average of the factor run, encoded as unsigned 16-bit. */
    private static void fillSlice(Volume v, int z, int[] dims, int[] f, double[] rq, short[] out) {
        int shift = v.signed() && rq == null ? 32768 : 0;
        if (f[0] == 1 && f[1] == 1 && f[2] == 1) {
            short[] s = v.data(z);
            int o = v.offset(z);
            int n = v.nx() * v.ny();
            if (rq != null) {
                double sl = v.slope(z);
                double ic = v.intercept(z);
                boolean sg = v.signed();
                for (int i = 0; i < n; i++) {
                    int st = sg ? s[o + i] : s[o + i] & 0xFFFF;
                    out[i] = (short) requant(st * sl + ic, rq);
                }
            } else if (shift != 0) {
                for (int i = 0; i < n; i++) {
                    out[i] = (short) (s[o + i] + shift);
                }
            } else {
                System.arraycopy(s, o, out, 0, n);
            }
            return;
        }
        int sz0 = z * f[2];
        int sz1 = Math.min(v.nz(), sz0 + f[2]);
        int nx = v.nx();
        for (int y = 0; y < dims[1]; y++) {
            int sy0 = y * f[1];
            int sy1 = Math.min(v.ny(), sy0 + f[1]);
            for (int x = 0; x < dims[0]; x++) {
                int sx0 = x * f[0];
                int sx1 = Math.min(nx, sx0 + f[0]);
                double sum = 0;
                int n = 0;
                for (int zz = sz0; zz < sz1; zz++) {
                    short[] s = v.data(zz);
                    int o = v.offset(zz);
                    for (int yy = sy0; yy < sy1; yy++) {
                        for (int xx = sx0; xx < sx1; xx++) {
                            int st = v.signed() ? s[o + yy * nx + xx] : s[o + yy * nx + xx] & 0xFFFF;
                            sum += rq != null ? st * v.slope(zz) + v.intercept(zz) : st;
                            n++;
                        }
                    }
                }
                double mean = sum / n;
                out[y * dims[0] + x] = (short) (rq != null ? requant(mean, rq)
                        : Math.max(0, Math.min(65535, (int) Math.round(mean) + shift)));
            }
        }
    }

    private static int requant(double hu, double[] rq) {
        long q = Math.round((hu - rq[1]) / rq[0]);
        return (int) Math.max(0, Math.min(65535, q));
    }

    /** Bytes the driver may give a texture: 80% of free video memory where reported, else the property. */
    static long memoryBudget(GL3 gl) {
        long fallback = Long.getLong("clain.gl.maxTextureMiB", 4096L) << 20;
        try {
            int[] q = new int[4];
            if (gl.isExtensionAvailable("GL_NVX_gpu_memory_info")) {
                gl.glGetIntegerv(GPU_MEMORY_INFO_CURRENT_AVAILABLE_VIDMEM_NVX, q, 0);
                if (gl.glGetError() == GL.GL_NO_ERROR && q[0] > 0) {
                    return Math.min(fallback, (long) (q[0] * 1024L * 0.8));
                }
            } else if (gl.isExtensionAvailable("GL_ATI_meminfo")) {
                gl.glGetIntegerv(TEXTURE_FREE_MEMORY_ATI, q, 0);
                if (gl.glGetError() == GL.GL_NO_ERROR && q[0] > 0) {
                    return Math.min(fallback, (long) (q[0] * 1024L * 0.8));
                }
            }
        } catch (RuntimeException ignored) {
            // fall back
        }
        gl.glGetError();
        return fallback;
    }

    public int texture() {
        return texture;
    }

    /** Binds to texture unit {@code unit}. */
    public void bind(GL3 gl, int unit) {
        gl.glActiveTexture(GL.GL_TEXTURE0 + unit);
        gl.glBindTexture(GL2ES2.GL_TEXTURE_3D, texture);
    }

    public Volume source() {
        return source;
    }

    public int nx() {
        return nx;
    }

    public int ny() {
        return ny;
    }

    public int nz() {
        return nz;
    }

    /** Downsampling factor per axis (1 when the volume fitted). */
    public int factor(int axis) {
        return factor[axis];
    }

    public boolean downsampled() {
        return factor[0] * factor[1] * factor[2] > 1;
    }

    /** Texture voxel index (texel centres at integers) to patient LPS mm. */
    public Affine voxelToPatient() {
        return voxelToPatient;
    }

    /** True when texels are stored + 32768. */
    public boolean signed() {
        return signed;
    }

    /** 32768 for signed data, else 0: stored = texel*65535 - storedOffset. */
    public float storedOffset() {
        return signed ? 32768f : 0f;
    }

    public double slope() {
        return slope;
    }

    public double intercept() {
        return intercept;
    }

    /** HU = normalisedTexel * huScale + huOffset. */
    public double huScale() {
        return 65535.0 * slope;
    }

    public double huOffset() {
        return -storedOffset() * slope + intercept;
    }

    public long bytes() {
        return (long) nx * ny * nz * 2;
    }

    public long uploadNanos() {
        return uploadNanos;
    }

    /** Downsampling and requantisation notes (empty when uploaded as is). */
    public List<String> messages() {
        return messages;
    }

    public void dispose(GL3 gl) {
        gl.glDeleteTextures(1, new int[] {texture}, 0);
    }
}
