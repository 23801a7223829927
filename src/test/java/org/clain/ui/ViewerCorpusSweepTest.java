package org.clain.ui;

import static org.clain.ui.UiTestSupport.fx;
import static org.clain.ui.UiTestSupport.fxRun;
import static org.clain.ui.UiTestSupport.openAndWait;
import static org.clain.ui.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.stage.Stage;
import org.clain.study.Series;
import org.clain.study.SliceStack;
import org.clain.testdata.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every stack of every series of the conformance corpus (`syntaxes/`: all transfer syntaxes,
 * colour, wide, multi-frame, DICOMDIRs) opens in a viewport and renders, except where no reference
 * tool could decode the pixels either (REFERENCE.tsv has no hash): those say why.
 */
@ExtendWith(ApplicationExtension.class)
class ViewerCorpusSweepTest {
    static {
        UiTestSupport.init();
    }

    private MainWindow mw;

    @Start
    void start(Stage stage) {
        mw = new MainWindow(stage, new UserConfig());
        stage.show();
    }

    @Test
    void everyStackOfTheSyntaxCorpusShows() {
        Path root = SharedData.root();
        openAndWait(mw, SharedData.file("syntaxes"));
        List<Series> series = fx(() -> mw.index().series());
        List<String> failed = new ArrayList<>();
        int shown = 0;
        for (Series s : series) {
            for (SliceStack st : s.stacks()) {
                fxRun(() -> mw.display(s, st, mw.activeViewport()));
                Viewport vp = fx(() -> mw.activeViewport());
                waitUntil("a stack of series " + s.seriesNumber(), 60, () -> vp.isLoaded() || vp.error() != null);
                Path first = st.slices().get(0).path();
                String error = fx(vp::error);
                Optional<Map<String, String>> ref = SharedData.referenceRow(root.relativize(first).toString());
                boolean noToolDecodes = ref.isPresent() && ref.get().get("sha256").isEmpty();
                if (error == null) {
                    assertTrue(fx(() -> vp.renderedImage() != null), first.toString());
                    shown++;
                } else if (noToolDecodes) {
                    assertTrue(error.contains(":"), "a reason for " + first + ": " + error);
                } else {
                    failed.add(first + ": " + error);
                }
            }
        }
        assertEquals(List.of(), failed);
        assertTrue(shown >= 80, "stacks shown: " + shown);
    }
}
