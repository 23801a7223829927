package org.clain.ui;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the viewer remembers between runs (recent studies, window size, layout), as JSON in the
 * user's configuration folder: {@code $XDG_CONFIG_HOME/clain} or {@code ~/.config/clain} on
 * Linux, {@code %APPDATA%\Clain} on Windows, {@code ~/Library/Application Support/Clain} on
 * macOS; the system property {@code clain.config.dir} overrides (tests use it). Written
 * atomically (temp file + rename); a missing or unreadable file gives the defaults.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class UserConfig {
    public static final int MAX_RECENT = 10;
    public static final String FILE_NAME = "viewer.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Each entry: the paths opened together. Most recent first. */
    public List<List<String>> recent = new ArrayList<>();
    public double windowX = Double.NaN;
    public double windowY = Double.NaN;
    public double windowWidth = 1400;
    public double windowHeight = 900;
    public boolean maximized;
    public String layout = "1x1";
    public double browserDivider = 0.2;
    public double cineFps = 10;
    public boolean referenceLines = true;
    public boolean syncScroll = true;
    public boolean measurementPanel = true;
    /** The fused PET's upper limit (SUVbw) and opacity there, as the reader last set them. */
    public double fusionUpperSuv = FusionLayer.Scale.DEFAULT.upperSuv();
    public double fusionOpacity = FusionLayer.Scale.DEFAULT.opacity();
    public int version = 1;

    public static Path folder() {
        String override = System.getProperty("clain.config.dir");
        if (override != null && !override.isBlank()) {
            return Paths.get(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return appData != null ? Paths.get(appData, "Clain") : Paths.get(home, "AppData", "Roaming", "Clain");
        }
        if (os.contains("mac")) {
            return Paths.get(home, "Library", "Application Support", "Clain");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return xdg != null && !xdg.isBlank() ? Paths.get(xdg, "clain") : Paths.get(home, ".config", "clain");
    }

    public static Path file() {
        return folder().resolve(FILE_NAME);
    }

    public static UserConfig load() {
        Path f = file();
        if (Files.isRegularFile(f)) {
            try {
                return JSON.readValue(f.toFile(), UserConfig.class);
            } catch (IOException | RuntimeException e) {
                System.getLogger("clain.ui").log(System.Logger.Level.WARNING,
                        "ignoring unreadable settings " + f + ": " + e.getMessage());
            }
        }
        return new UserConfig();
    }

    public void save() throws IOException {
        Path dir = folder();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, FILE_NAME, ".tmp");
        try {
            JSON.writeValue(tmp.toFile(), this);
            try {
                Files.move(tmp, dir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, dir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Puts an opened set of paths first in the recent list (no duplicates, at most {@link #MAX_RECENT}). */
    public void addRecent(List<Path> paths) {
        List<String> entry = new ArrayList<>();
        for (Path p : paths) {
            entry.add(p.toAbsolutePath().normalize().toString());
        }
        recent.removeIf(e -> e.equals(entry));
        recent.add(0, entry);
        while (recent.size() > MAX_RECENT) {
            recent.remove(recent.size() - 1);
        }
    }
}
