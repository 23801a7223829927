package org.clain.render.gl;

import com.jogamp.opengl.DefaultGLCapabilitiesChooser;
import com.jogamp.opengl.GL;
import com.jogamp.opengl.GL2ES2;
import com.jogamp.opengl.GL2ES3;
import com.jogamp.opengl.GL3;
import com.jogamp.opengl.GLAutoDrawable;
import com.jogamp.opengl.GLCapabilities;
import com.jogamp.opengl.GLDrawableFactory;
import com.jogamp.opengl.GLProfile;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * An offscreen OpenGL 3.3+ core context with no window, owned by one GL thread.
 *
 * <p>Strategy, decided once per JVM (JOGL reads its windowing type once): EGL first (no X server
 * needed; on Mesa set env {@code EGL_PLATFORM=surfaceless} when there is no DISPLAY), else GLX when
 * {@code DISPLAY} is set. Force one with {@code -Dclain.gl.backend=egl|glx}. The JOGL flags for
 * desktop GL over EGL ({@code nativewindow.ws.name=.egl}, {@code jogl.quirks.force=NoSurfacelessCtx},
 * {@code jogl.quirks.ignore=GLES3ViaEGLES2Config}) are set here before JOGL initialises unless the
 * user set them, and {@code libjogl_desktop} is preloaded (JOGL 2.6.0 bug).
 *
 * <p>All GL work runs on the context's own thread through {@link #call(GlTask)}, so callers on any
 * thread (JavaFX, CLI, tests) never juggle context currency.
 */
public final class GlContext implements AutoCloseable {
    /** Work done with the context current, on the GL thread. */
    @FunctionalInterface
    public interface GlTask<T> {
        T run(GL3 gl) throws Exception;
    }

    private static final Object INIT_LOCK = new Object();
    private static String jvmBackend; // "egl" or "glx" once JOGL has been initialised
    private static String jvmInitFailure;

    private final ExecutorService thread;
    private final GLAutoDrawable drawable;
    private final String backend;
    private final String renderer;
    private final String vendor;
    private final String version;
    private final String glslVersion;
    private final int max3DTextureSize;
    private final int maxTextureSize;
    private final int maxRenderbufferSize;
    private volatile boolean closed;

    private GlContext(ExecutorService thread, GLAutoDrawable drawable, String backend, String[] info, int[] limits) {
        this.thread = thread;
        this.drawable = drawable;
        this.backend = backend;
        this.renderer = info[0];
        this.vendor = info[1];
        this.version = info[2];
        this.glslVersion = info[3];
        this.max3DTextureSize = limits[0];
        this.maxTextureSize = limits[1];
        this.maxRenderbufferSize = limits[2];
    }

    /**
     * Creates a context, or explains in {@code why} (appended) why none could be had, so that callers
     * fall back to the CPU with a message. Never throws for a missing GL.
     */
    public static Optional<GlContext> tryCreate(StringBuilder why) {
        try {
            return Optional.of(create());
        } catch (Throwable t) {
            if (why.length() > 0) {
                why.append("; ");
            }
            why.append(describe(t));
            return Optional.empty();
        }
    }

    /** Creates a context or throws {@link IllegalStateException} with the reason. */
    public static GlContext create() {
        String backend = initJogl();
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "clain-gl");
            t.setDaemon(true);
            return t;
        });
        try {
            return thread.submit(() -> createOnThread(thread, backend)).get();
        } catch (ExecutionException e) {
            thread.shutdownNow();
            Throwable c = e.getCause();
            throw new IllegalStateException(backend.toUpperCase(Locale.ROOT) + ": " + describe(c), c);
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the GL context", e);
        }
    }

    private static GlContext createOnThread(ExecutorService thread, String backend) {
        GLProfile profile;
        if (GLProfile.isAvailable(GLProfile.GL4)) {
            profile = GLProfile.get(GLProfile.GL4);
        } else if (GLProfile.isAvailable(GLProfile.GL3)) {
            profile = GLProfile.get(GLProfile.GL3);
        } else {
            throw new IllegalStateException("no OpenGL 3.x/4.x core profile (" + GLProfile.glAvailabilityToString()
                    .replaceAll("\\s+", " ") + ")");
        }
        GLCapabilities caps = new GLCapabilities(profile);
        caps.setOnscreen(false);
        caps.setFBO(true);
        caps.setPBuffer(false);
        caps.setDoubleBuffered(false);
        caps.setHardwareAccelerated(false); // accept llvmpipe
        caps.setDepthBits(0);
        caps.setStencilBits(0);
        caps.setAlphaBits(8);
        GLDrawableFactory factory = GLDrawableFactory.getFactory(GLProfile.getDefaultDevice());
        if (factory == null) {
            factory = GLDrawableFactory.getFactory(profile);
        }
        GLAutoDrawable d = factory.createOffscreenAutoDrawable(GLProfile.getDefaultDevice(), caps,
                new DefaultGLCapabilitiesChooser(), 16, 16);
        d.display(); // realises the drawable
        int rc = d.getContext().makeCurrent();
        if (rc == com.jogamp.opengl.GLContext.CONTEXT_NOT_CURRENT) {
            d.destroy();
            throw new IllegalStateException("could not make the offscreen context current");
        }
        try {
            GL gl0 = d.getGL();
            if (!gl0.isGL3()) {
                throw new IllegalStateException("context is not GL3-capable: " + d.getContext().getGLVersion());
            }
            GL3 gl = gl0.getGL3();
            com.jogamp.common.util.VersionNumber vn = d.getContext().getGLVersionNumber();
            int major = vn.getMajor();
            int minor = vn.getMinor();
            if (major < 3 || (major == 3 && minor < 3)) {
                throw new IllegalStateException("OpenGL " + major + "." + minor + " < 3.3");
            }
            String[] info = {gl.glGetString(GL.GL_RENDERER), gl.glGetString(GL.GL_VENDOR),
                    gl.glGetString(GL.GL_VERSION), gl.glGetString(GL2ES2.GL_SHADING_LANGUAGE_VERSION)};
            int[] v = new int[1];
            int[] limits = new int[3];
            gl.glGetIntegerv(GL2ES2.GL_MAX_3D_TEXTURE_SIZE, v, 0);
            limits[0] = v[0];
            gl.glGetIntegerv(GL.GL_MAX_TEXTURE_SIZE, v, 0);
            limits[1] = v[0];
            gl.glGetIntegerv(GL.GL_MAX_RENDERBUFFER_SIZE, v, 0);
            limits[2] = v[0];
            gl.glGetError();
            // stays current on this thread for the context's whole life
            return new GlContext(thread, d, backend, info, limits);
        } catch (RuntimeException e) {
            d.getContext().release();
            d.destroy();
            throw e;
        }
    }

    /** Sets JOGL's properties and initialises it once; returns "egl" or "glx". */
    private static String initJogl() {
        synchronized (INIT_LOCK) {
            if (jvmInitFailure != null) {
                throw new IllegalStateException(jvmInitFailure);
            }
            if (jvmBackend != null) {
                return jvmBackend;
            }
            String display = System.getenv("DISPLAY");
            String wanted = System.getProperty("clain.gl.backend", "auto").toLowerCase(Locale.ROOT);
            String ws = System.getProperty("nativewindow.ws.name");
            String backend;
            if (ws != null) {
                backend = ws.contains("egl") ? "egl" : "glx";
            } else if (wanted.equals("glx") || (wanted.equals("auto") && display != null && !display.isBlank()
                    && !eglLibraryPresent())) {
                backend = "glx";
            } else {
                backend = "egl";
            }
            if (backend.equals("egl")) {
                setIfAbsent("nativewindow.ws.name", ".egl");
                setIfAbsent("jogl.quirks.force", "NoSurfacelessCtx");
                setIfAbsent("jogl.quirks.ignore", "GLES3ViaEGLES2Config");
            }
            try {
                if (backend.equals("egl")) {
                    com.jogamp.common.os.Platform.initSingleton();
                    if (!JoglNatives.preloadDesktop()) {
                        throw new IllegalStateException("could not load libjogl_desktop");
                    }
                }
                GLProfile.initSingleton();
            } catch (Throwable t) {
                jvmInitFailure = backend.toUpperCase(Locale.ROOT) + " initialisation failed: " + describe(t);
                throw new IllegalStateException(jvmInitFailure, t);
            }
            jvmBackend = backend;
            return backend;
        }
    }

    private static boolean eglLibraryPresent() {
        for (String dir : new String[] {"/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib",
                "/usr/lib/aarch64-linux-gnu"}) {
            if (new java.io.File(dir, "libEGL.so.1").exists()) {
                return true;
            }
        }
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) {
            for (String dir : ld.split(":")) {
                if (!dir.isEmpty() && new java.io.File(dir, "libEGL.so.1").exists()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder();
        Throwable c = t;
        int depth = 0;
        while (c != null && depth < 4) {
            if (depth > 0) {
                sb.append(" <- ");
            }
            String m = c.getMessage();
            sb.append(c.getClass().getSimpleName());
            if (m != null) {
                sb.append(": ").append(m.lines().findFirst().orElse("").trim());
            }
            c = c.getCause() == c ? null : c.getCause();
            depth++;
        }
        if (System.getenv("DISPLAY") == null && System.getenv("EGL_PLATFORM") == null) {
            sb.append(" (no DISPLAY and no EGL_PLATFORM: on Mesa set EGL_PLATFORM=surfaceless)");
        }
        return sb.toString();
    }

    /** Runs {@code task} on the GL thread with this context current and returns its result. */
    public <T> T call(GlTask<T> task) {
        if (closed) {
            throw new IllegalStateException("GL context closed");
        }
        Future<T> f = thread.submit(() -> task.run(drawable.getGL().getGL3()));
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error er) {
                throw er;
            }
            throw new IllegalStateException(c);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Runs {@code task} on the GL thread; see {@link #call(GlTask)}. */
    public void run(GlTask<?> task) {
        call(task);
    }

    /** Throws with {@code where} when GL reports an error. */
    public static void checkError(GL gl, String where) {
        int e = gl.glGetError();
        if (e != GL.GL_NO_ERROR) {
            StringBuilder sb = new StringBuilder(String.format("GL error 0x%04X", e));
            for (int i = 0; i < 8 && (e = gl.glGetError()) != GL.GL_NO_ERROR; i++) {
                sb.append(String.format(", 0x%04X", e));
            }
            throw new IllegalStateException(sb + " at " + where);
        }
    }

    /** "egl" or "glx". */
    public String backend() {
        return backend;
    }

    public String renderer() {
        return renderer;
    }

    public String vendor() {
        return vendor;
    }

    public String version() {
        return version;
    }

    public String glslVersion() {
        return glslVersion;
    }

    public int max3DTextureSize() {
        return max3DTextureSize;
    }

    public int maxTextureSize() {
        return maxTextureSize;
    }

    public int maxRenderbufferSize() {
        return maxRenderbufferSize;
    }

    /** True for Mesa's llvmpipe/softpipe and other software rasterisers. */
    public boolean software() {
        String r = renderer.toLowerCase(Locale.ROOT);
        return r.contains("llvmpipe") || r.contains("softpipe") || r.contains("swrast") || r.contains("software");
    }

    /** One line for logs and the CLI. */
    public String describe() {
        return String.format("%s %s | %s | GLSL %s | max 3D texture %d (%s)", vendor, renderer, version, glslVersion,
                max3DTextureSize, backend.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return "GlContext[" + describe() + "]";
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            thread.submit(() -> {
                try {
                    drawable.getContext().release();
                } catch (RuntimeException ignored) {
                    // released anyway by destroy
                }
                drawable.destroy();
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException ignored) {
            // best effort
        } finally {
            thread.shutdown();
        }
    }
}
