package org.clain.render.gl;

import com.jogamp.opengl.GL2ES2;
import com.jogamp.opengl.GL3;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** A linked GLSL program with its uniform locations; compile and link errors carry the driver's log. */
public final class GlProgram {
    private final int id;
    private final Map<String, Integer> locations = new HashMap<>();

    private GlProgram(int id) {
        this.id = id;
    }

    /** Compiles and links; throws {@link IllegalStateException} with the info log and numbered source. */
    public static GlProgram link(GL3 gl, String vertexSource, String fragmentSource) {
        int vs = compile(gl, GL2ES2.GL_VERTEX_SHADER, vertexSource, "vertex");
        int fs;
        try {
            fs = compile(gl, GL2ES2.GL_FRAGMENT_SHADER, fragmentSource, "fragment");
        } catch (RuntimeException e) {
            gl.glDeleteShader(vs);
            throw e;
        }
        int prog = gl.glCreateProgram();
        gl.glAttachShader(prog, vs);
        gl.glAttachShader(prog, fs);
        gl.glLinkProgram(prog);
        gl.glDetachShader(prog, vs);
        gl.glDetachShader(prog, fs);
        gl.glDeleteShader(vs);
        gl.glDeleteShader(fs);
        int[] ok = new int[1];
        gl.glGetProgramiv(prog, GL2ES2.GL_LINK_STATUS, ok, 0);
        if (ok[0] == 0) {
            String log = programLog(gl, prog);
            gl.glDeleteProgram(prog);
            throw new IllegalStateException("GLSL link failed:\n" + log);
        }
        return new GlProgram(prog);
    }

    private static int compile(GL3 gl, int type, String source, String what) {
        int sh = gl.glCreateShader(type);
        gl.glShaderSource(sh, 1, new String[] {source}, new int[] {source.length()}, 0);
        gl.glCompileShader(sh);
        int[] ok = new int[1];
        gl.glGetShaderiv(sh, GL2ES2.GL_COMPILE_STATUS, ok, 0);
        if (ok[0] == 0) {
            int[] len = new int[1];
            gl.glGetShaderiv(sh, GL2ES2.GL_INFO_LOG_LENGTH, len, 0);
            byte[] buf = new byte[Math.max(1, len[0])];
            gl.glGetShaderInfoLog(sh, buf.length, len, 0, buf, 0);
            gl.glDeleteShader(sh);
            throw new IllegalStateException("GLSL " + what + " shader compile failed:\n"
                    + new String(buf, 0, Math.max(0, len[0]), StandardCharsets.UTF_8).trim() + "\n" + numbered(source));
        }
        return sh;
    }

    private static String programLog(GL3 gl, int prog) {
        int[] len = new int[1];
        gl.glGetProgramiv(prog, GL2ES2.GL_INFO_LOG_LENGTH, len, 0);
        byte[] buf = new byte[Math.max(1, len[0])];
        gl.glGetProgramInfoLog(prog, buf.length, len, 0, buf, 0);
        return new String(buf, 0, Math.max(0, len[0]), StandardCharsets.UTF_8).trim();
    }

    private static String numbered(String source) {
        StringBuilder sb = new StringBuilder();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            sb.append(String.format("%4d  %s%n", i + 1, lines[i]));
        }
        return sb.toString();
    }

    /** Loads a shader source from the classpath next to this class (e.g. "raycast.frag"). */
    public static String resource(String name) {
        try (var in = GlProgram.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing shader resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read shader " + name, e);
        }
    }

    public int id() {
        return id;
    }

    public void use(GL3 gl) {
        gl.glUseProgram(id);
    }

    /** Uniform location (cached), -1 when the uniform is absent or optimised away. */
    public int location(GL3 gl, String name) {
        return locations.computeIfAbsent(name, n -> gl.glGetUniformLocation(id, n));
    }

    public void set(GL3 gl, String name, int v) {
        gl.glUniform1i(location(gl, name), v);
    }

    public void set(GL3 gl, String name, float v) {
        gl.glUniform1f(location(gl, name), v);
    }

    public void set(GL3 gl, String name, float x, float y) {
        gl.glUniform2f(location(gl, name), x, y);
    }

    public void set(GL3 gl, String name, float x, float y, float z) {
        gl.glUniform3f(location(gl, name), x, y, z);
    }

    public void set(GL3 gl, String name, float x, float y, float z, float w) {
        gl.glUniform4f(location(gl, name), x, y, z, w);
    }

    /** Array of vec4 (count = v.length / 4). */
    public void setVec4Array(GL3 gl, String name, float[] v) {
        if (v.length >= 4) {
            gl.glUniform4fv(location(gl, name), v.length / 4, v, 0);
        }
    }

    /** A 4x4 matrix given row-major (as {@link org.clain.geom.Affine#toArray()}). */
    public void setMat4RowMajor(GL3 gl, String name, double[] rowMajor) {
        float[] f = new float[16];
        for (int i = 0; i < 16; i++) {
            f[i] = (float) rowMajor[i];
        }
        gl.glUniformMatrix4fv(location(gl, name), 1, true, f, 0);
    }

    public void dispose(GL3 gl) {
        gl.glDeleteProgram(id);
    }
}
