package org.clain.ui;

import java.util.OptionalDouble;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import javafx.util.Duration;
import org.clain.study.CineRate;
import org.clain.study.Series;

/**
 * Cine: the active viewport steps through its images at a chosen rate, wrapping at the end. A
 * series that records its acquisition rate ({@link CineRate}) plays at that rate when its cine
 * first starts; the user's own rate is what the spinner keeps otherwise.
 */
final class Cine {
    private static final int MAX_FPS = 60;

    private final ViewportGrid viewports;
    private final UserConfig config;
    private final Spinner<Integer> fpsSpinner = new Spinner<>(1, MAX_FPS, 10);
    private final ToggleButton button = new ToggleButton("▶ Cine");
    private Timeline timeline;
    private Series rateTakenFrom;
    private boolean takingSeriesRate;

    Cine(ViewportGrid viewports, UserConfig config) {
        this.viewports = viewports;
        this.config = config;
        fpsSpinner.getValueFactory().setValue((int) Math.max(1, Math.min(MAX_FPS, Math.round(config.cineFps))));
        button.setId("cine");
        button.setOnAction(e -> set(button.isSelected()));
        fpsSpinner.setId("fps");
        fpsSpinner.setPrefWidth(70);
        fpsSpinner.setEditable(false);
        fpsSpinner.setFocusTraversable(false);
        fpsSpinner.valueProperty().addListener((o, a, b) -> {
            if (!takingSeriesRate) {
                config.cineFps = b;
            }
            if (timeline != null) {
                set(true);
            }
        });
    }

    ToggleButton button() {
        return button;
    }

    Spinner<Integer> fpsSpinner() {
        return fpsSpinner;
    }

    boolean playing() {
        return timeline != null;
    }

    int fps() {
        return fpsSpinner.getValue();
    }

    void toggle() {
        set(timeline == null);
    }

    private void takeSeriesRate(Viewport vp) {
        if (vp.series() == rateTakenFrom) {
            return;
        }
        rateTakenFrom = vp.series();
        OptionalDouble rate = CineRate.framesPerSecond(vp.firstInstance().file().dataset());
        if (rate.isPresent()) {
            takingSeriesRate = true;
            fpsSpinner.getValueFactory().setValue((int) Math.max(1, Math.min(MAX_FPS, Math.round(rate.getAsDouble()))));
            takingSeriesRate = false;
        }
    }

    void changeFps(int delta) {
        fpsSpinner.getValueFactory().setValue(Math.max(1, Math.min(MAX_FPS, fpsSpinner.getValue() + delta)));
    }

    /** Plays in the active viewport (once its series is decoded) or stops. */
    void set(boolean on) {
        if (timeline != null) {
            timeline.stop();
            timeline = null;
        }
        for (Viewport v : viewports.all()) {
            v.setCineText(null);
        }
        Viewport active = viewports.active();
        if (on && active.isLoaded()) {
            takeSeriesRate(active);
            int fps = fpsSpinner.getValue();
            timeline = new Timeline(new KeyFrame(Duration.seconds(1.0 / fps), e -> active.cineStep()));
            timeline.setCycleCount(Animation.INDEFINITE);
            timeline.play();
            active.setCineText("Cine " + fps + " fps");
        }
        button.setSelected(timeline != null);
    }
}
