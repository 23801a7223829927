package org.clain.measure;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;

/**
 * Where Clain keeps the user's own data (annotations, plans), never inside DICOM folders:
 * <ul>
 *   <li>Linux and other Unix: {@code $XDG_DATA_HOME/clain}, by default {@code ~/.local/share/clain};</li>
 *   <li>Windows: {@code %APPDATA%\Clain};</li>
 *   <li>macOS: {@code ~/Library/Application Support/Clain}.</li>
 * </ul>
 * The system property {@code clain.data.dir} overrides all of them (tests, portable installs).
 */
public final class DataFolders {
    public static final String PROPERTY = "clain.data.dir";

    private DataFolders() {
    }

    /** The user data folder of this machine and user. */
    public static Path userData() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) {
            return Paths.get(override);
        }
        return userData(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home"));
    }

    /** The folder for a given platform (pure: for tests and for documentation). */
    public static Path userData(String osName, Map<String, String> env, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Paths.get(appData)
                    : Paths.get(userHome, "AppData", "Roaming");
            return base.resolve("Clain");
        }
        if (os.startsWith("mac") || os.contains("os x") || os.startsWith("darwin")) {
            return Paths.get(userHome, "Library", "Application Support", "Clain");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // the XDG spec ignores relative values
        Path base = xdg != null && !xdg.isBlank() && Paths.get(xdg).isAbsolute() ? Paths.get(xdg)
                : Paths.get(userHome, ".local", "share");
        return base.resolve("clain");
    }

    /** The folder of per-study annotation documents. */
    public static Path annotations() {
        return userData().resolve("annotations");
    }
}
