package org.clain.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.clain.dicom.DicomException;
import org.clain.study.Instance;
import org.clain.study.PresentationState;
import org.clain.study.Series;
import org.clain.study.SliceHeader;
import org.clain.study.SliceStack;

/**
 * A presentation state opened from the series browser: the image it references shown in a
 * viewport, turned and flipped as it says, its displayed area filling the viewport (or at its
 * magnification), with its window and annotations; scrolling to another
 * image it references takes that image's window. It is set aside when the viewport shows another
 * series.
 */
final class PresentationStateView {
    /** What the window shows a series with: the viewport, the series and stack, and the status line. */
    interface Host {
        List<Series> imageSeries();

        void display(Series s, SliceStack stack, Viewport vp);

        void status(String text);
    }

    private final Host host;
    /** What to do once a viewport's images are decoded (a slice can be chosen only then). */
    private final Map<Viewport, Runnable> whenLoaded = new HashMap<>();

    PresentationStateView(Host host) {
        this.host = host;
    }

    void watch(Viewport vp) {
        vp.onStateChanged(v -> {
            if (v.isLoaded()) {
                Runnable r = whenLoaded.remove(v);
                if (r != null) {
                    r.run();
                }
            }
        });
        vp.onSliceChanged(this::sliceChanged);
    }

    /** Opens the presentation state {@code in} in {@code vp}; the reason in the status line when it cannot. */
    void open(Instance in, Viewport vp) {
        PresentationState ps;
        try {
            ps = PresentationState.read(in);
        } catch (DicomException e) {
            host.status("Cannot read the presentation state: " + e.getMessage());
            return;
        }
        String sop = ps.referencedImages().get(0);
        for (Series s : host.imageSeries()) {
            for (SliceStack stack : s.stacks()) {
                List<SliceHeader> slices = stack.slices();
                for (int z = 0; z < slices.size(); z++) {
                    if (sop.equals(slices.get(z).sopInstanceUid())) {
                        show(ps, s, stack, z, vp);
                        return;
                    }
                }
            }
        }
        host.status("The images of presentation state " + ps.label() + " are not in this study");
    }

    private void show(PresentationState ps, Series s, SliceStack stack, int z, Viewport vp) {
        host.display(s, stack, vp);
        Consumer<Viewport> apply = v -> {
            if (v.stack() != stack) {
                return;
            }
            v.updateLayers(stack, l -> l.setPresentationState(ps));
            v.setSlice(z);
            sliceChanged(v);
            if (ps.inverse() != v.inverted()) {
                v.toggleInvert();
            }
            if (ps.flipHorizontal()) {
                v.flipHorizontal();
            }
            v.rotate(ps.rotation() / 90);
            SliceHeader h = v.shownHeader();
            PresentationState.DisplayedArea a = ps.displayedArea(h.sopInstanceUid(), h.frame() + 1, h.columns(),
                    h.rows());
            v.showRegion(a.left(), a.top(), a.width(), a.height(), a.magnification());
        };
        if (vp.isLoaded()) {
            apply.accept(vp);
        } else {
            whenLoaded.put(vp, () -> apply.accept(vp));
        }
        host.status(ps.summary());
    }

    /** The window the presentation state gives the image now shown, if it gives one. */
    private void sliceChanged(Viewport vp) {
        PresentationState ps = vp.layers().presentationState();
        SliceHeader h = vp.shownHeader();
        if (ps != null && h != null) {
            ps.window(h.sopInstanceUid(), h.frame() + 1).ifPresent(w -> {
                if (w[0] != vp.windowCenter() || w[1] != vp.windowWidth()) {
                    vp.setWindow(w[0], w[1]);
                }
            });
        }
    }
}
