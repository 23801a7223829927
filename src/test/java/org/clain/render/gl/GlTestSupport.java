package org.clain.render.gl;

import org.junit.jupiter.api.Assumptions;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.fail;

/** One GL context per test JVM; tests skip only when no GL can be had and CLAIN_REQUIRE_GL is unset. */
public final class GlTestSupport {
    private static Optional<GlContext> shared;
    private static String why = "";

    private GlTestSupport() {
    }

    public static synchronized GlContext context() {
        if (shared == null) {
            StringBuilder sb = new StringBuilder();
            shared = GlContext.tryCreate(sb);
            why = sb.toString();
            shared.ifPresent(c -> System.out.println("GL for tests: " + c.describe()));
        }
        if (shared.isEmpty()) {
            String req = System.getenv("CLAIN_REQUIRE_GL");
            if (req != null && !req.isBlank() && !req.equals("0")) {
                fail("CLAIN_REQUIRE_GL is set but no GL context could be created: " + why);
            }
            Assumptions.abort("no OpenGL 3.3 context (" + why + ")");
        }
        return shared.get();
    }
}
