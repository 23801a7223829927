package org.clain.render.gl;

import com.jogamp.common.jvm.JNILibLoaderBase;
import com.jogamp.opengl.GLProfile;

/**
 * Works around a JOGL 2.6.0 bug on desktop GL over EGL: {@code libjogl_desktop} (the desktop GL
 * dispatch glue) is only loaded by the GLX/WGL/CGL factories, so the first desktop GL call over EGL
 * fails with {@code UnsatisfiedLinkError ... dispatch_glGetError1}. Subclassing gives access to
 * gluegen's protected loader, which also finds the library in the natives jar (TempJarCache).
 */
final class JoglNatives extends JNILibLoaderBase {
    private JoglNatives() {
    }

    /** Loads libjogl_desktop once; returns false (and never throws) when it cannot be loaded. */
    static synchronized boolean preloadDesktop() {
        if (isLoaded("jogl_desktop")) {
            return true;
        }
        try {
            addNativeJarLibsJoglCfg(new Class<?>[] {jogamp.nativewindow.NWJNILibLoader.class, GLProfile.class});
        } catch (Throwable t) {
            // natives may already be on java.library.path (device bundle): loadLibrary below still works
        }
        return loadLibrary("jogl_desktop", true, GLProfile.class.getClassLoader());
    }
}
