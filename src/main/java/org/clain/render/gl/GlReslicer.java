package org.clain.render.gl;

import com.jogamp.common.nio.Buffers;
import com.jogamp.opengl.GL;
import com.jogamp.opengl.GL2ES2;
import com.jogamp.opengl.GL2ES3;
import com.jogamp.opengl.GL3;
import java.nio.FloatBuffer;
import java.util.List;
import org.clain.geom.Affine;
import org.clain.geom.Vec3;
import org.clain.render.CurvedReslicer;
import org.clain.render.Plane;
import org.clain.render.Reformatter;
import org.clain.render.Reslicer;
import org.clain.render.Slab;
import org.clain.study.Volume;

/**
 * GPU multiplanar reformat: the volume as a GL_R16 3D texture ({@link VolumeTexture}), one
 * fragment shader for planes, thick slabs (MIP/MinIP/AVG) and curved reformats (a RGB32F texture
 * of per-pixel sample positions), rendered offscreen into a GL_R32F colour attachment and read
 * back with glReadPixels as modality values.
 *
 * <p>It computes what {@link Reslicer} computes (same voxel-space positions, volume box, edge
 * clamping, slab sample positions, trilinear interpolation from 8 {@code texelFetch}es rather than
 * the texture unit's reduced-precision filter). Agreement with the CPU:
 * {@code |gpu - cpu| <= }{@link #TOLERANCE_HU}{@code  + }{@link #TOLERANCE_RELATIVE}{@code  * |cpu|}
 * (float32 positions in the shader), plus half the common rescale slope when the volume's slices
 * carry different rescales (the texture is then requantised, see {@link VolumeTexture}); a pixel
 * within about 1e-3 voxel of the volume's faces may be no-data on one side and a value on the
 * other.
 *
 * <p>A volume larger than GL_MAX_3D_TEXTURE_SIZE on any axis, or one the texture memory budget
 * would downsample, is refused ({@link #open} throws, saying why) so that callers fall back to
 * the CPU instead of showing a coarser image. {@code -Dclain.gl.max3DTextureSize=N} lowers the
 * limit GL reports (for testing the fallback).
 */
public final class GlReslicer implements Reformatter {
    /** Absolute part of the stated CPU/GPU tolerance, in modality units. */
    public static final float TOLERANCE_HU = 0.5f;
    /** Relative part of the stated CPU/GPU tolerance. */
    public static final float TOLERANCE_RELATIVE = 1e-5f;
    private static final float SENTINEL = -3.0e38f;

    private final GlContext ctx;
    private final boolean ownsContext;
    private final VolumeTexture texture;
    private final boolean ownsTexture;
    private final float noData;
    private final Volume volume;
    private final Affine p2v;
    private final double maxSlabStep;
    private final String description;
    private GlProgram program;
    private int vao;
    private int fbo;
    private int colour;
    private int positions;
    private int fboWidth;
    private int fboHeight;
    private int posWidth;
    private int posHeight;
    private FloatBuffer readback;
    private FloatBuffer posBuffer;
    private boolean closed;

    private GlReslicer(GlContext ctx, boolean ownsContext, VolumeTexture texture, boolean ownsTexture, float noData) {
        this.ctx = ctx;
        this.ownsContext = ownsContext;
        this.texture = texture;
        this.ownsTexture = ownsTexture;
        this.noData = noData;
        this.volume = texture.source();
        this.p2v = texture.voxelToPatient().inverse();
        Vec3 s = volume.spacing();
        this.maxSlabStep = Math.min(s.x(), Math.min(s.y(), s.z())) / 2;
        this.description = "GPU: " + ctx.renderer() + " (" + ctx.version() + ", " + ctx.backend().toUpperCase(java.util.Locale.ROOT)
                + ")";
        ctx.run(gl -> {
            program = GlProgram.link(gl, GlProgram.resource("mpr-reslice.vert"), GlProgram.resource("mpr-reslice.frag"));
            int[] ids = new int[1];
            gl.glGenVertexArrays(1, ids, 0);
            vao = ids[0];
            gl.glGenFramebuffers(1, ids, 0);
            fbo = ids[0];
            // a 1x1 positions texture so the sampler is always complete
            positions = newPositionsTexture(gl);
            GlContext.checkError(gl, "GlReslicer setup");
            return null;
        });
    }

    /** Creates its own offscreen context and uploads the volume; throws with the reason when it cannot. */
    public static GlReslicer open(Volume volume, float noData) {
        GlContext ctx = GlContext.create();
        try {
            return open(ctx, volume, noData, true);
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
    }

    /** Uses a fresh context that this reslicer closes with itself (the context is not closed on failure). */
    static GlReslicer openOwning(GlContext ctx, Volume volume, float noData) {
        return open(ctx, volume, noData, true);
    }

    /** Uses an existing context (not closed with this reslicer) and uploads the volume. */
    public static GlReslicer open(GlContext ctx, Volume volume, float noData) {
        return open(ctx, volume, noData, false);
    }

    private static GlReslicer open(GlContext ctx, Volume volume, float noData, boolean ownsContext) {
        int limit = ctx.max3DTextureSize();
        Integer forced = Integer.getInteger("clain.gl.max3DTextureSize");
        if (forced != null && forced > 0) {
            limit = Math.min(limit, forced);
        }
        if (volume.nx() > limit || volume.ny() > limit || volume.nz() > limit) {
            throw new IllegalStateException(String.format("volume %dx%dx%d exceeds GL_MAX_3D_TEXTURE_SIZE %d of %s",
                    volume.nx(), volume.ny(), volume.nz(), limit, ctx.renderer()));
        }
        final int max3D = limit;
        VolumeTexture tex = ctx.call(gl -> VolumeTexture.upload(gl, volume, max3D));
        if (tex.downsampled()) {
            ctx.run(gl -> {
                tex.dispose(gl);
                return null;
            });
            throw new IllegalStateException("the GPU would downsample the volume (" + String.join("; ", tex.messages())
                    + "); MPR needs full resolution");
        }
        try {
            return new GlReslicer(ctx, ownsContext, tex, true, noData);
        } catch (RuntimeException e) {
            ctx.run(gl -> {
                tex.dispose(gl);
                return null;
            });
            throw e;
        }
    }

    /**
     * Reformats an already uploaded texture (e.g. shared with the volume renderer); neither the
     * context nor the texture is released by {@link #close()}. A downsampled texture gives
     * reformats at its coarser resolution.
     */
    public static GlReslicer of(GlContext ctx, VolumeTexture texture, float noData) {
        return new GlReslicer(ctx, false, texture, false, noData);
    }

    public GlContext context() {
        return ctx;
    }

    public VolumeTexture texture() {
        return texture;
    }

    /** Notes on how the volume was uploaded (e.g. requantised rescale); empty when as is. */
    public List<String> messages() {
        return texture.messages();
    }

    /** Half the common rescale slope when the texture was requantised, else 0: extra CPU/GPU tolerance. */
    public double requantisationError() {
        return volume.uniformRescale() ? 0 : texture.slope() / 2;
    }

    @Override
    public float noData() {
        return noData;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean hardwareAccelerated() {
        return !ctx.software();
    }

    @Override
    public synchronized float[] reslice(Plane plane, Slab slab, float[] out) {
        int w = plane.width();
        int h = plane.height();
        float[] o = buffer(out, w, h);
        Vec3 c = plane.origin();
        Vec3 origin = p2v.apply(c);
        Vec3 du = p2v.applyDirection(plane.u().times(plane.pixelSize()));
        Vec3 dv = p2v.applyDirection(plane.v().times(plane.pixelSize()));
        int samples = slab.sampleCount(maxSlabStep);
        Vec3 ds = samples > 1 ? p2v.applyDirection(plane.normal().times(slab.thickness() / (samples - 1))) : Vec3.ZERO;
        float start = samples > 1 ? -(samples - 1) / 2f : 0f;
        int mode = switch (slab.mode()) {
            case MIP -> 0;
            case MINIP -> 1;
            case AVG -> 2;
        };
        draw(w, h, o, false, null, origin, du, dv, ds, start, samples, mode);
        return o;
    }

    @Override
    public synchronized float[] curved(CurvedReslicer.Geometry g, float[] out) {
        int w = g.width();
        int h = g.height();
        float[] o = buffer(out, w, h);
        // voxel positions of every pixel, computed in double and handed to the shader as a texture
        double[] org = g.rowOrigins();
        double[] st = g.rowSteps();
        int n = w * h * 3;
        if (posBuffer == null || posBuffer.capacity() < n) {
            posBuffer = Buffers.newDirectFloatBuffer(n);
        }
        posBuffer.clear();
        for (int j = 0; j < h; j++) {
            Vec3 a = p2v.apply(new Vec3(org[3 * j], org[3 * j + 1], org[3 * j + 2]));
            Vec3 d = p2v.applyDirection(new Vec3(st[3 * j], st[3 * j + 1], st[3 * j + 2]));
            for (int i = 0; i < w; i++) {
                posBuffer.put((float) (a.x() + i * d.x()));
                posBuffer.put((float) (a.y() + i * d.y()));
                posBuffer.put((float) (a.z() + i * d.z()));
            }
        }
        posBuffer.flip();
        draw(w, h, o, true, posBuffer, Vec3.ZERO, Vec3.ZERO, Vec3.ZERO, Vec3.ZERO, 0f, 1, 0);
        return o;
    }

    private static float[] buffer(float[] out, int w, int h) {
        long n = (long) w * h;
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("image too large: " + w + "x" + h);
        }
        return out != null && out.length >= n ? out : new float[(int) n];
    }

    private void draw(int w, int h, float[] out, boolean curved, FloatBuffer pos, Vec3 origin, Vec3 du, Vec3 dv, Vec3 ds,
                      float slabStart, int samples, int mode) {
        if (closed) {
            throw new IllegalStateException("GlReslicer closed");
        }
        if (w > ctx.maxTextureSize() || h > ctx.maxTextureSize() || w > ctx.maxRenderbufferSize()
                || h > ctx.maxRenderbufferSize()) {
            throw new IllegalArgumentException("image " + w + "x" + h + " exceeds the GL limit " + ctx.maxTextureSize());
        }
        ctx.run(gl -> {
            ensureTarget(gl, w, h);
            if (curved) {
                gl.glActiveTexture(GL.GL_TEXTURE1);
                gl.glBindTexture(GL.GL_TEXTURE_2D, positions);
                gl.glPixelStorei(GL.GL_UNPACK_ALIGNMENT, 4);
                if (posWidth != w || posHeight != h) {
                    gl.glTexImage2D(GL.GL_TEXTURE_2D, 0, GL.GL_RGB32F, w, h, 0, GL.GL_RGB, GL.GL_FLOAT, pos);
                    posWidth = w;
                    posHeight = h;
                } else {
                    gl.glTexSubImage2D(GL.GL_TEXTURE_2D, 0, 0, 0, w, h, GL.GL_RGB, GL.GL_FLOAT, pos);
                }
            }
            gl.glBindFramebuffer(GL.GL_FRAMEBUFFER, fbo);
            gl.glViewport(0, 0, w, h);
            gl.glDisable(GL.GL_BLEND);
            gl.glDisable(GL.GL_DEPTH_TEST);
            program.use(gl);
            texture.bind(gl, 0);
            gl.glActiveTexture(GL.GL_TEXTURE1);
            gl.glBindTexture(GL.GL_TEXTURE_2D, positions);
            program.set(gl, "volume", 0);
            program.set(gl, "positions", 1);
            gl.glUniform3i(program.location(gl, "dims"), texture.nx(), texture.ny(), texture.nz());
            program.set(gl, "huScale", (float) texture.huScale());
            program.set(gl, "huOffset", (float) texture.huOffset());
            program.set(gl, "curved", curved ? 1 : 0);
            program.set(gl, "origin", (float) origin.x(), (float) origin.y(), (float) origin.z());
            program.set(gl, "du", (float) du.x(), (float) du.y(), (float) du.z());
            program.set(gl, "dv", (float) dv.x(), (float) dv.y(), (float) dv.z());
            program.set(gl, "ds", (float) ds.x(), (float) ds.y(), (float) ds.z());
            program.set(gl, "slabStart", slabStart);
            program.set(gl, "samples", samples);
            program.set(gl, "mode", mode);
            gl.glBindVertexArray(vao);
            gl.glDrawArrays(GL.GL_TRIANGLES, 0, 3);
            gl.glBindVertexArray(0);
            gl.glPixelStorei(GL.GL_PACK_ALIGNMENT, 4);
            readback.clear();
            gl.glReadBuffer(GL.GL_COLOR_ATTACHMENT0);
            gl.glReadPixels(0, 0, w, h, GL2ES2.GL_RED, GL.GL_FLOAT, readback);
            gl.glBindFramebuffer(GL.GL_FRAMEBUFFER, 0);
            GlContext.checkError(gl, "GlReslicer draw");
            readback.rewind();
            readback.get(out, 0, w * h);
            return null;
        });
        for (int i = 0, n = w * h; i < n; i++) {
            if (out[i] <= -1e38f) {
                out[i] = noData;
            }
        }
    }

    private void ensureTarget(GL3 gl, int w, int h) {
        if (fboWidth == w && fboHeight == h) {
            return;
        }
        int[] ids = new int[1];
        if (colour != 0) {
            ids[0] = colour;
            gl.glDeleteTextures(1, ids, 0);
        }
        gl.glGenTextures(1, ids, 0);
        colour = ids[0];
        gl.glBindTexture(GL.GL_TEXTURE_2D, colour);
        gl.glTexImage2D(GL.GL_TEXTURE_2D, 0, GL2ES2.GL_R32F, w, h, 0, GL2ES2.GL_RED, GL.GL_FLOAT, null);
        gl.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_MIN_FILTER, GL.GL_NEAREST);
        gl.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_MAG_FILTER, GL.GL_NEAREST);
        gl.glBindFramebuffer(GL.GL_FRAMEBUFFER, fbo);
        gl.glFramebufferTexture2D(GL.GL_FRAMEBUFFER, GL.GL_COLOR_ATTACHMENT0, GL.GL_TEXTURE_2D, colour, 0);
        gl.glDrawBuffers(1, new int[] {GL.GL_COLOR_ATTACHMENT0}, 0);
        int status = gl.glCheckFramebufferStatus(GL.GL_FRAMEBUFFER);
        gl.glBindFramebuffer(GL.GL_FRAMEBUFFER, 0);
        if (status != GL.GL_FRAMEBUFFER_COMPLETE) {
            throw new IllegalStateException(String.format("R32F framebuffer %dx%d incomplete: 0x%04X", w, h, status));
        }
        GlContext.checkError(gl, "GlReslicer target " + w + "x" + h);
        readback = Buffers.newDirectFloatBuffer(w * h);
        fboWidth = w;
        fboHeight = h;
    }

    private static int newPositionsTexture(GL3 gl) {
        int[] ids = new int[1];
        gl.glGenTextures(1, ids, 0);
        gl.glBindTexture(GL.GL_TEXTURE_2D, ids[0]);
        gl.glTexImage2D(GL.GL_TEXTURE_2D, 0, GL.GL_RGB32F, 1, 1, 0, GL.GL_RGB, GL.GL_FLOAT,
                Buffers.newDirectFloatBuffer(3));
        gl.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_MIN_FILTER, GL.GL_NEAREST);
        gl.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_MAG_FILTER, GL.GL_NEAREST);
        gl.glTexParameteri(GL.GL_TEXTURE_2D, GL2ES3.GL_TEXTURE_MAX_LEVEL, 0);
        return ids[0];
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            ctx.run(gl -> {
                if (program != null) {
                    program.dispose(gl);
                }
                gl.glDeleteVertexArrays(1, new int[] {vao}, 0);
                gl.glDeleteFramebuffers(1, new int[] {fbo}, 0);
                gl.glDeleteTextures(2, new int[] {colour, positions}, 0);
                if (ownsTexture) {
                    texture.dispose(gl);
                }
                return null;
            });
        } finally {
            if (ownsContext) {
                ctx.close();
            }
        }
    }
}
