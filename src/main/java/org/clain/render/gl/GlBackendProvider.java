package org.clain.render.gl;

import org.clain.render.GpuBackend;
import org.clain.render.RenderImage;
import org.clain.render.RenderParams;
import org.clain.study.Volume;

import java.util.List;
import java.util.Optional;

/** The JOGL ray caster as a {@link GpuBackend} (registered in META-INF/services). */
public final class GlBackendProvider implements GpuBackend.Provider {
    @Override
    public Optional<GpuBackend> create(StringBuilder why) {
        Optional<GlContext> ctx = GlContext.tryCreate(why);
        if (ctx.isEmpty()) {
            return Optional.empty();
        }
        try {
            GlRaycaster rc = new GlRaycaster(ctx.get());
            return Optional.of(new Backend(ctx.get(), rc));
        } catch (RuntimeException e) {
            why.append(why.length() > 0 ? "; " : "").append("GL ray caster setup failed: ").append(e.getMessage());
            ctx.get().close();
            return Optional.empty();
        }
    }

    private record Backend(GlContext ctx, GlRaycaster rc) implements GpuBackend {
        @Override
        public RenderImage render(Volume v, RenderParams p, int w, int h) {
            return rc.render(v, p, w, h);
        }

        @Override
        public String description() {
            return ctx.describe();
        }

        @Override
        public List<String> messages() {
            return rc.messages();
        }

        @Override
        public void close() {
            rc.close();
            ctx.close();
        }
    }
}
