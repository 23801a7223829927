package org.clain.render.gl;

import com.jogamp.common.nio.Buffers;
import com.jogamp.opengl.GL;
import com.jogamp.opengl.GL2ES2;
import com.jogamp.opengl.GL2ES3;
import com.jogamp.opengl.GL2GL3;
import com.jogamp.opengl.GL3;
import org.clain.render.BrickGrid;
import org.clain.render.RaySetup;
import org.clain.render.RenderImage;
import org.clain.render.RenderParams;
import org.clain.render.TfTable;
import org.clain.render.ViewFrame;
import org.clain.study.Volume;

import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The GPU ray caster: a GLSL 330 fragment shader over a full-screen triangle into an FBO (RGBA8
 * colour plus an R32F value target), read back with glReadPixels (BGRA, rows already top-first).
 * Parameters and semantics are those of {@link org.clain.render.CpuRaycaster}; the per-frame
 * constants come from the same {@link RaySetup}. Empty-space skipping uses a 3D texture of brick
 * keys (bricks of {@link #BRICK} texels). The volume texture is uploaded once per volume and kept.
 *
 * <p>All GL work runs on the {@link GlContext}'s thread; this object may be used from any thread
 * (calls are serialised there).
 */
public final class GlRaycaster implements AutoCloseable {
    /** Brick edge in texels. */
    public static final int BRICK = 16;

    private final GlContext ctx;
    private GlProgram program;
    private int vao;
    private int fbo;
    private int colorTex;
    private int valueTex;
    private int fboW;
    private int fboH;
    private int brickTex;
    private int brickW;
    private int brickH;
    private int brickD;
    private int tfTex;
    private int timerQuery;
    private Volume volume;
    private VolumeTexture texture;
    private BrickGrid bricks;
    private final List<String> messages = new ArrayList<>();
    private long lastGpuNanos = -1;
    private IntBuffer pixels;
    private FloatBuffer valueBuffer;

    public GlRaycaster(GlContext ctx) {
        this.ctx = ctx;
        ctx.run(gl -> {
            program = GlProgram.link(gl, GlProgram.resource("raycast.vert"), GlProgram.resource("raycast.frag"));
            int[] ids = new int[1];
            gl.glGenVertexArrays(1, ids, 0);
            vao = ids[0];
            gl.glGenTextures(1, ids, 0);
            tfTex = ids[0];
            gl.glGenQueries(1, ids, 0);
            timerQuery = ids[0];
            GlContext.checkError(gl, "GlRaycaster init");
            return null;
        });
    }

    public GlContext context() {
        return ctx;
    }

    /** The volume texture in use (null before the first render). */
    public synchronized VolumeTexture texture() {
        return texture;
    }

    /** Messages from the last upload (downsampling, requantisation). */
    public synchronized List<String> messages() {
        return List.copyOf(messages);
    }

    /** GPU time of the last frame's draw (GL_TIME_ELAPSED), nanoseconds, or -1. */
    public synchronized long lastGpuNanos() {
        return lastGpuNanos;
    }

    /** Uploads (once) the volume and its brick grid. */
    public synchronized void prepare(Volume v) {
        if (v == volume) {
            return;
        }
        ctx.run(gl -> {
            if (texture != null) {
                texture.dispose(gl);
                texture = null;
                volume = null;
            }
            messages.clear();
            VolumeTexture t = VolumeTexture.upload(gl, v, ctx.max3DTextureSize());
            messages.addAll(t.messages());
            BrickGrid b = BrickGrid.of(v, BRICK * t.factor(0), BRICK * t.factor(1), BRICK * t.factor(2),
                    t.factor(0) - 1, t.factor(1) - 1, t.factor(2) - 1);
            texture = t;
            bricks = b;
            volume = v;
            return null;
        });
    }

    /** Renders w x h (half resolution scaled up when {@code p.quality() < 0.5}). */
    public synchronized RenderImage render(Volume v, RenderParams p, int w, int h) {
        prepare(v);
        double s = p.resolutionScale();
        int rw = Math.max(1, (int) Math.ceil(w * s));
        int rh = Math.max(1, (int) Math.ceil(h * s));
        ViewFrame frame = ViewFrame.of(v, p.camera(), rw, rh);
        RaySetup setup = new RaySetup(v.voxelToPatient(), texture.voxelToPatient(), texture.nx(), texture.ny(),
                texture.nz(), frame, p, bricks);
        RenderImage img = ctx.call(gl -> draw(gl, setup, p.values()));
        return img.scaledTo(w, h);
    }

    private RenderImage draw(GL3 gl, RaySetup s, boolean wantValues) {
        int w = s.width;
        int h = s.height;
        ensureFbo(gl, w, h);
        uploadBricks(gl, s.brickKeys);
        uploadTable(gl, s.table);

        gl.glBindFramebuffer(GL.GL_FRAMEBUFFER, fbo);
        gl.glViewport(0, 0, w, h);
        gl.glDisable(GL.GL_DEPTH_TEST);
        gl.glDisable(GL.GL_BLEND);
        GlProgram pr = program;
        pr.use(gl);
        texture.bind(gl, 0);
        gl.glActiveTexture(GL.GL_TEXTURE1);
        gl.glBindTexture(GL2ES2.GL_TEXTURE_3D, brickTex);
        gl.glActiveTexture(GL.GL_TEXTURE2);
        gl.glBindTexture(GL2GL3.GL_TEXTURE_1D, tfTex);
        pr.set(gl, "u_volume", 0);
        pr.set(gl, "u_bricks", 1);
        pr.set(gl, "u_tf", 2);
        TfTable t = s.table;
        pr.set(gl, "u_tfSize", t.size());
        pr.set(gl, "u_tfLo", t.lo());
        pr.set(gl, "u_tfScale", t.scale());
        pr.set(gl, "u_dims", s.nx, s.ny, s.nz);
        gl.glUniform3i(pr.location(gl, "u_brickDims"), s.bricks.gx(), s.bricks.gy(), s.bricks.gz());
        pr.set(gl, "u_brickSize", BRICK, BRICK, BRICK);
        pr.set(gl, "u_huScale", (float) texture.huScale());
        pr.set(gl, "u_huOffset", (float) texture.huOffset());
        pr.set(gl, "u_origin", s.origin[0], s.origin[1], s.origin[2]);
        pr.set(gl, "u_dx", s.dx[0], s.dx[1], s.dx[2]);
        pr.set(gl, "u_dy", s.dy[0], s.dy[1], s.dy[2]);
        pr.set(gl, "u_forward", s.forward[0], s.forward[1], s.forward[2]);
        float[] m = s.p2v;
        float[] m4 = {m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8], m[9], m[10], m[11], 0, 0, 0, 1};
        gl.glUniformMatrix4fv(pr.location(gl, "u_p2v"), 1, true, m4, 0);
        gl.glUniformMatrix3fv(pr.location(gl, "u_grad"), 1, true, s.gradMatrix, 0);
        pr.set(gl, "u_step", s.stepMm);
        pr.set(gl, "u_mode", s.mode.ordinal());
        pr.set(gl, "u_shade", s.shade ? 1 : 0);
        pr.set(gl, "u_ambient", s.ambient);
        pr.set(gl, "u_diffuse", s.diffuse);
        pr.set(gl, "u_specular", s.specular);
        pr.set(gl, "u_shininess", s.shininess);
        pr.set(gl, "u_iso", s.isoValue);
        pr.set(gl, "u_isoColor", s.isoColor[0], s.isoColor[1], s.isoColor[2]);
        pr.set(gl, "u_background", s.background[0], s.background[1], s.background[2]);
        pr.set(gl, "u_jitter", s.jitter ? 1 : 0);
        pr.set(gl, "u_clipVoxelOn", s.clipVoxel != null ? 1 : 0);
        if (s.clipVoxel != null) {
            float[] c = s.clipVoxel;
            pr.set(gl, "u_clipVoxelMin", c[0], c[1], c[2]);
            pr.set(gl, "u_clipVoxelMax", c[3], c[4], c[5]);
        }
        pr.set(gl, "u_clipPatientOn", s.clipPatient != null ? 1 : 0);
        if (s.clipPatient != null) {
            float[] c = s.clipPatient;
            pr.set(gl, "u_clipPatientMin", c[0], c[1], c[2]);
            pr.set(gl, "u_clipPatientMax", c[3], c[4], c[5]);
        }
        pr.set(gl, "u_planeCount", s.planeCount);
        pr.setVec4Array(gl, "u_planes", s.planes);
        GlContext.checkError(gl, "ray caster uniforms");

        gl.glBindVertexArray(vao);
        gl.glBeginQuery(GL2GL3.GL_TIME_ELAPSED, timerQuery);
        gl.glDrawArrays(GL.GL_TRIANGLES, 0, 3);
        gl.glEndQuery(GL2GL3.GL_TIME_ELAPSED);
        gl.glBindVertexArray(0);
        GlContext.checkError(gl, "ray caster draw");

        int[] argb = new int[w * h];
        if (pixels == null || pixels.capacity() < w * h) {
            pixels = Buffers.newDirectIntBuffer(w * h);
        }
        pixels.clear();
        gl.glReadBuffer(GL.GL_COLOR_ATTACHMENT0);
        gl.glPixelStorei(GL.GL_PACK_ALIGNMENT, 4);
        gl.glReadPixels(0, 0, w, h, GL.GL_BGRA, GL2GL3.GL_UNSIGNED_INT_8_8_8_8_REV, pixels);
        pixels.get(argb);
        float[] values = null;
        if (wantValues) {
            if (valueBuffer == null || valueBuffer.capacity() < w * h) {
                valueBuffer = Buffers.newDirectFloatBuffer(w * h);
            }
            FloatBuffer vb = valueBuffer;
            vb.clear();
            gl.glReadBuffer(GL2ES2.GL_COLOR_ATTACHMENT0 + 1);
            gl.glReadPixels(0, 0, w, h, GL2ES2.GL_RED, GL.GL_FLOAT, vb);
            values = new float[w * h];
            vb.get(values);
        }
        long[] ns = new long[1];
        gl.getGL2GL3().glGetQueryObjecti64v(timerQuery, GL2ES2.GL_QUERY_RESULT, ns, 0);
        lastGpuNanos = ns[0];
        gl.glBindFramebuffer(GL.GL_FRAMEBUFFER, 0);
        GlContext.checkError(gl, "ray caster readback");
        return new RenderImage(w, h, argb, values);
    }

    private void ensureFbo(GL3 gl, int w, int h) {
        if (fbo != 0 && fboW == w && fboH == h) {
            return;
        }
        int[] ids = new int[2];
        if (fbo != 0) {
            gl.glDeleteFramebuffers(1, new int[] {fbo}, 0);
            gl.glDeleteTextures(2, new int[] {colorTex, valueTex}, 0);
        }
        gl.glGenTextures(2, ids, 0);
        colorTex = ids[0];
        valueTex = ids[1];
        gl.glBindTexture(GL.GL_TEXTURE_2D, colorTex);
        gl.glTexImage2D(GL.GL_TEXTURE_2D, 0, GL.GL_RGBA8, w, h, 0, GL.GL_RGBA, GL.GL_UNSIGNED_BYTE, null);
        gl.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_MIN_FILTER, GL.GL_NEAREST);
        gl.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_MAG_FILTER, GL.GL_NEAREST);
        gl.glBindTexture(GL.GL_TEXTURE_2D, valueTex);
        gl.glTexImage2D(GL.GL_TEXTURE_2D, 0, GL.GL_R32F, w, h, 0, GL2ES2.GL_RED, GL.GL_FLOAT, null);
        gl.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_MIN_FILTER, GL.GL_NEAREST);
        gl.glTexParameteri(GL.GL_TEXTURE_2D, GL.GL_TEXTURE_MAG_FILTER, GL.GL_NEAREST);
        gl.glBindTexture(GL.GL_TEXTURE_2D, 0);
        gl.glGenFramebuffers(1, ids, 0);
        fbo = ids[0];
        gl.glBindFramebuffer(GL.GL_FRAMEBUFFER, fbo);
        gl.glFramebufferTexture2D(GL.GL_FRAMEBUFFER, GL.GL_COLOR_ATTACHMENT0, GL.GL_TEXTURE_2D, colorTex, 0);
        gl.glFramebufferTexture2D(GL.GL_FRAMEBUFFER, GL2ES2.GL_COLOR_ATTACHMENT0 + 1, GL.GL_TEXTURE_2D, valueTex, 0);
        gl.glDrawBuffers(2, new int[] {GL.GL_COLOR_ATTACHMENT0, GL2ES2.GL_COLOR_ATTACHMENT0 + 1}, 0);
        int status = gl.glCheckFramebufferStatus(GL.GL_FRAMEBUFFER);
        gl.glBindFramebuffer(GL.GL_FRAMEBUFFER, 0);
        if (status != GL.GL_FRAMEBUFFER_COMPLETE) {
            throw new IllegalStateException(String.format("FBO %dx%d incomplete: 0x%04X", w, h, status));
        }
        fboW = w;
        fboH = h;
        GlContext.checkError(gl, "FBO");
    }

    private void uploadBricks(GL3 gl, float[] keys) {
        int gx = bricks.gx();
        int gy = bricks.gy();
        int gz = bricks.gz();
        FloatBuffer fb = Buffers.newDirectFloatBuffer(keys);
        if (brickTex == 0 || brickW != gx || brickH != gy || brickD != gz) {
            int[] ids = new int[1];
            if (brickTex != 0) {
                gl.glDeleteTextures(1, new int[] {brickTex}, 0);
            }
            gl.glGenTextures(1, ids, 0);
            brickTex = ids[0];
            gl.glBindTexture(GL2ES2.GL_TEXTURE_3D, brickTex);
            gl.glTexParameteri(GL2ES2.GL_TEXTURE_3D, GL.GL_TEXTURE_MIN_FILTER, GL.GL_NEAREST);
            gl.glTexParameteri(GL2ES2.GL_TEXTURE_3D, GL.GL_TEXTURE_MAG_FILTER, GL.GL_NEAREST);
            gl.glTexParameteri(GL2ES2.GL_TEXTURE_3D, GL2ES3.GL_TEXTURE_MAX_LEVEL, 0);
            gl.glPixelStorei(GL.GL_UNPACK_ALIGNMENT, 4);
            gl.glTexImage3D(GL2ES2.GL_TEXTURE_3D, 0, GL.GL_R32F, gx, gy, gz, 0, GL2ES2.GL_RED, GL.GL_FLOAT, fb);
            brickW = gx;
            brickH = gy;
            brickD = gz;
        } else {
            gl.glBindTexture(GL2ES2.GL_TEXTURE_3D, brickTex);
            gl.glPixelStorei(GL.GL_UNPACK_ALIGNMENT, 4);
            gl.glTexSubImage3D(GL2ES2.GL_TEXTURE_3D, 0, 0, 0, 0, gx, gy, gz, GL2ES2.GL_RED, GL.GL_FLOAT, fb);
        }
        gl.glBindTexture(GL2ES2.GL_TEXTURE_3D, 0);
    }

    private void uploadTable(GL3 gl, TfTable t) {
        gl.glBindTexture(GL2GL3.GL_TEXTURE_1D, tfTex);
        gl.glTexParameteri(GL2GL3.GL_TEXTURE_1D, GL.GL_TEXTURE_MIN_FILTER, GL.GL_NEAREST);
        gl.glTexParameteri(GL2GL3.GL_TEXTURE_1D, GL.GL_TEXTURE_MAG_FILTER, GL.GL_NEAREST);
        gl.glTexParameteri(GL2GL3.GL_TEXTURE_1D, GL2ES3.GL_TEXTURE_MAX_LEVEL, 0);
        gl.glPixelStorei(GL.GL_UNPACK_ALIGNMENT, 4);
        gl.getGL2GL3().glTexImage1D(GL2GL3.GL_TEXTURE_1D, 0, GL.GL_RGBA32F, t.size(), 0, GL.GL_RGBA, GL.GL_FLOAT,
                Buffers.newDirectFloatBuffer(t.data()));
        gl.glBindTexture(GL2GL3.GL_TEXTURE_1D, 0);
    }

    @Override
    public synchronized void close() {
        try {
            ctx.run(gl -> {
                if (texture != null) {
                    texture.dispose(gl);
                }
                if (fbo != 0) {
                    gl.glDeleteFramebuffers(1, new int[] {fbo}, 0);
                    gl.glDeleteTextures(2, new int[] {colorTex, valueTex}, 0);
                }
                if (brickTex != 0) {
                    gl.glDeleteTextures(1, new int[] {brickTex}, 0);
                }
                gl.glDeleteTextures(1, new int[] {tfTex}, 0);
                gl.glDeleteVertexArrays(1, new int[] {vao}, 0);
                gl.glDeleteQueries(1, new int[] {timerQuery}, 0);
                program.dispose(gl);
                return null;
            });
        } catch (IllegalStateException ignored) {
            // context already closed
        }
        texture = null;
        volume = null;
    }
}
