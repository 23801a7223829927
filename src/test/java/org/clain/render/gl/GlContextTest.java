package org.clain.render.gl;

import com.jogamp.common.nio.Buffers;
import com.jogamp.opengl.GL;
import com.jogamp.opengl.GL2ES2;
import org.clain.geom.Affine;
import org.clain.geom.Vec3;
import org.clain.study.Volume;
import org.junit.jupiter.api.Test;

import java.nio.ShortBuffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GlContextTest {

    @Test
    void createsCoreContextAndReportsLimits() {
        GlContext ctx = GlTestSupport.context();
        assertFalse(ctx.renderer().isBlank());
        assertTrue(ctx.version().matches("^[3-9]\\.\\d.*|^\\d\\d.*"), ctx.version());
        String[] mm = ctx.version().split("[ .]");
        int major = Integer.parseInt(mm[0]);
        int minor = Integer.parseInt(mm[1]);
        assertTrue(major > 3 || (major == 3 && minor >= 3), "GL >= 3.3: " + ctx.version());
        assertTrue(ctx.max3DTextureSize() >= 256, "max 3D texture " + ctx.max3DTextureSize());
        System.out.println("GlContextTest: " + ctx.describe());
    }

    @Test
    void uploadsSignedVolumeShiftedAndReadsBack() {
        GlContext ctx = GlTestSupport.context();
        int n = 6;
        Volume v = volume(n, n, n, true, (x, y, z) -> (short) (x * 1000 - y * 700 + z * 13 - 2000), 1.0, -1024);
        ctx.run(gl -> {
            VolumeTexture t = VolumeTexture.upload(gl, v, 0);
            try {
                assertFalse(t.downsampled());
                assertEquals(32768f, t.storedOffset());
                ShortBuffer back = Buffers.newDirectShortBuffer(n * n * n);
                t.bind(gl, 0);
                gl.glPixelStorei(GL.GL_PACK_ALIGNMENT, 2);
                gl.getGL2GL3().glGetTexImage(GL2ES2.GL_TEXTURE_3D, 0, GL2ES2.GL_RED, GL.GL_UNSIGNED_SHORT, back);
                GlContext.checkError(gl, "glGetTexImage");
                for (int z = 0; z < n; z++) {
                    for (int y = 0; y < n; y++) {
                        for (int x = 0; x < n; x++) {
                            int texel = back.get((z * n + y) * n + x) & 0xFFFF;
                            assertEquals(v.stored(x, y, z), texel - 32768, "stored at " + x + "," + y + "," + z);
                            double hu = texel / 65535.0 * t.huScale() + t.huOffset();
                            assertEquals(v.value(x, y, z), hu, 1e-6);
                        }
                    }
                }
            } finally {
                t.dispose(gl);
            }
            return null;
        });
    }

    @Test
    void downsamplesAxesOverTheLimitWithMessage() {
        GlContext ctx = GlTestSupport.context();
        Volume v = volume(16, 4, 10, false, (x, y, z) -> (short) (x * 10 + z), 2.0, -100);
        ctx.run(gl -> {
            VolumeTexture t = VolumeTexture.upload(gl, v, 8); // pretend the limit is 8
            try {
                assertEquals(8, t.nx());
                assertEquals(4, t.ny());
                assertEquals(5, t.nz());
                assertEquals(2, t.factor(0));
                assertEquals(1, t.factor(1));
                assertEquals(2, t.factor(2));
                assertFalse(t.messages().isEmpty());
                assertTrue(t.messages().get(0).contains("downsampled"), t.messages().toString());
                // texture voxel (1,0,1) is the mean of source x 2..3, z 2..3 -> centre at source (2.5, 0, 2.5)
                Vec3 p = t.voxelToPatient().apply(new Vec3(1, 0, 1));
                Vec3 q = v.toPatient(2.5, 0, 2.5);
                assertEquals(0, p.distance(q), 1e-9);
                ShortBuffer back = Buffers.newDirectShortBuffer(8 * 4 * 5);
                t.bind(gl, 0);
                gl.glPixelStorei(GL.GL_PACK_ALIGNMENT, 2);
                gl.getGL2GL3().glGetTexImage(GL2ES2.GL_TEXTURE_3D, 0, GL2ES2.GL_RED, GL.GL_UNSIGNED_SHORT, back);
                int texel = back.get((1 * 4 + 0) * 8 + 1) & 0xFFFF;
                assertEquals(Math.round((22 + 32 + 23 + 33) / 4.0), texel); // x*10+z over x 2..3, z 2..3
            } finally {
                t.dispose(gl);
            }
            return null;
        });
    }

    @Test
    void programErrorsCarryTheLog() {
        GlContext ctx = GlTestSupport.context();
        String vs = "#version 330 core\nvoid main(){ gl_Position = vec4(0.0); }\n";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ctx.run(gl -> {
            GlProgram.link(gl, vs, "#version 330 core\nout vec4 c;\nvoid main(){ c = vec4(undefinedThing); }\n");
            return null;
        }));
        assertTrue(e.getMessage().contains("fragment shader compile failed"), e.getMessage());
        assertTrue(e.getMessage().contains("undefinedThing"), e.getMessage());
        ctx.run(gl -> {
            GlProgram p = GlProgram.link(gl, vs, "#version 330 core\nout vec4 c;\nvoid main(){ c = vec4(1.0); }\n");
            assertTrue(p.id() > 0);
            p.dispose(gl);
            return null;
        });
    }

    interface Fill {
        short at(int x, int y, int z);
    }

    static Volume volume(int nx, int ny, int nz, boolean signed, Fill f, double slope, double intercept) {
        short[][] s = new short[nz][nx * ny];
        double[] sl = new double[nz];
        double[] ic = new double[nz];
        for (int z = 0; z < nz; z++) {
            for (int y = 0; y < ny; y++) {
                for (int x = 0; x < nx; x++) {
                    s[z][y * nx + x] = f.at(x, y, z);
                }
            }
            sl[z] = slope;
            ic[z] = intercept;
        }
        Affine a = Affine.fromColumns(new Vec3(0.7, 0, 0), new Vec3(0, 0.7, 0), new Vec3(0, 0, 2.5), new Vec3(-10, 5, 30));
        return new Volume(nx, ny, nz, s, signed, sl, ic, a, "1.2.3", "CT", new double[0], new double[0], null);
    }
}
