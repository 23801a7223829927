package org.clain.ui;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/**
 * How the user picks what to open: a folder, files or a DICOMDIR in the system's dialogs, or an
 * entry of the recent list (kept in the {@link UserConfig}).
 */
final class StudyChooser {
    private final Stage stage;
    private final UserConfig config;
    private final Consumer<List<Path>> open;
    private final Runnable saveConfig;
    private final Menu recentMenu = new Menu("Open _recent");

    StudyChooser(Stage stage, UserConfig config, Consumer<List<Path>> open, Runnable saveConfig) {
        this.stage = stage;
        this.config = config;
        this.open = open;
        this.saveConfig = saveConfig;
        refreshRecent();
    }

    void chooseFolder() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Open a folder of DICOM files");
        File f = dc.showDialog(stage);
        if (f != null) {
            open.accept(List.of(f.toPath()));
        }
    }

    void chooseFiles() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open DICOM files");
        List<File> files = fc.showOpenMultipleDialog(stage);
        if (files != null && !files.isEmpty()) {
            open.accept(files.stream().map(File::toPath).toList());
        }
    }

    void chooseDicomdir() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open a DICOMDIR");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("DICOMDIR", "DICOMDIR", "dicomdir"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File f = fc.showOpenDialog(stage);
        if (f != null) {
            open.accept(List.of(f.toPath()));
        }
    }

    Menu recentMenu() {
        return recentMenu;
    }

    /** Puts what is being opened first in the recent list. */
    void remember(List<Path> paths) {
        config.addRecent(paths);
        saveConfig.run();
        refreshRecent();
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (List<String> entry : config.recent) {
            String label = entry.get(0) + (entry.size() > 1 ? "  (+" + (entry.size() - 1) + ")" : "");
            MenuItem mi = new MenuItem(label);
            mi.setMnemonicParsing(false);
            mi.setOnAction(e -> open.accept(entry.stream().map(Paths::get).toList()));
            recentMenu.getItems().add(mi);
        }
        if (recentMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("(none yet)");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        } else {
            recentMenu.getItems().add(new SeparatorMenuItem());
            MenuItem clear = new MenuItem("Clear the list");
            clear.setOnAction(e -> {
                config.recent.clear();
                saveConfig.run();
                refreshRecent();
            });
            recentMenu.getItems().add(clear);
        }
    }
}
