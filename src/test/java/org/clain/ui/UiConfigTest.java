package org.clain.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings file: where it lives, what it keeps, and that a bad file is survived. */
class UiConfigTest {
    @Test
    void roundTripRecentListAndDefaults(@TempDir Path dir) throws Exception {
        String old = System.getProperty("clain.config.dir");
        System.setProperty("clain.config.dir", dir.toString());
        try {
            assertEquals(dir.resolve("viewer.json"), UserConfig.file());
            UserConfig c = UserConfig.load();
            assertEquals("1x1", c.layout);
            assertTrue(c.recent.isEmpty());
            for (int i = 0; i < 12; i++) {
                c.addRecent(List.of(dir.resolve("study" + i)));
            }
            c.addRecent(List.of(dir.resolve("study5")));
            c.layout = "2x2";
            c.windowWidth = 1111;
            c.fusionUpperSuv = 7;
            c.fusionOpacity = 0.8;
            c.save();
            UserConfig back = UserConfig.load();
            assertEquals(UserConfig.MAX_RECENT, back.recent.size());
            assertTrue(back.recent.get(0).get(0).endsWith("study5"));
            assertEquals(1, back.recent.stream().filter(e -> e.get(0).endsWith("study5")).count());
            assertEquals("2x2", back.layout);
            assertEquals(1111, back.windowWidth);
            assertEquals(new FusionLayer.Scale(7, 0.8), FusionLayer.Scale.of(back.fusionUpperSuv, back.fusionOpacity));
            // a value that is not a step (an edited file) falls back to the default, not an odd scale
            assertEquals(new FusionLayer.Scale(5, 0.8), FusionLayer.Scale.of(6.5, 0.8));
            try (var s = Files.list(dir)) {
                assertEquals(List.of(dir.resolve("viewer.json")), s.toList(), "no temp files left");
            }
            Files.writeString(UserConfig.file(), "{ not json");
            UserConfig broken = UserConfig.load();
            assertEquals("1x1", broken.layout);
            assertFalse(broken.maximized);
        } finally {
            if (old == null) {
                System.clearProperty("clain.config.dir");
            } else {
                System.setProperty("clain.config.dir", old);
            }
        }
    }

    @Test
    void defaultFolderFollowsThePlatform() {
        String old = System.getProperty("clain.config.dir");
        System.clearProperty("clain.config.dir");
        try {
            Path f = UserConfig.folder();
            String os = System.getProperty("os.name").toLowerCase();
            if (os.contains("linux")) {
                String xdg = System.getenv("XDG_CONFIG_HOME");
                Path expected = xdg != null && !xdg.isBlank() ? Path.of(xdg, "clain")
                        : Path.of(System.getProperty("user.home"), ".config", "clain");
                assertEquals(expected, f);
            }
        } finally {
            if (old != null) {
                System.setProperty("clain.config.dir", old);
            }
        }
    }

    @Test
    void overlayTextFormats() {
        assertEquals("DOE, John Q", DicomText.personName("Doe^John^Q"));
        assertEquals("PGBM-001", DicomText.personName("PGBM-001"));
        assertEquals("(no name)", DicomText.personName(""));
        assertEquals("2012-07-06", DicomText.date("20120706"));
        assertEquals(100, ViewportOverlay.niceLength(180));
        assertEquals(50, ViewportOverlay.niceLength(99));
        assertEquals(20, ViewportOverlay.niceLength(20));
        // a legend longer than the viewport's room: what fits, the last line counting the rest
        List<ImageLayers.LegendEntry> five = new java.util.ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            five.add(new ImageLayers.LegendEntry("S" + i, 0x00FF00, i));
        }
        assertEquals(five, ViewportOverlay.legendLines(five, 5));
        List<ImageLayers.LegendEntry> three = ViewportOverlay.legendLines(five, 3);
        assertEquals(List.of("S1", "S2", "+ 3 more"), three.stream().map(ImageLayers.LegendEntry::name).toList());
        assertEquals(-1, three.get(2).rgb(), "no swatch on the count");
        assertTrue(ViewportOverlay.legendLines(five, 0).isEmpty());
    }
}
