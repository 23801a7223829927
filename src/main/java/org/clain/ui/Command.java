package org.clain.ui;

import javafx.beans.property.BooleanProperty;
import javafx.scene.input.KeyCombination;

/**
 * One user command: its menu, label, shortcut and action. Menus, the toolbar's tooltips and the
 * help sheet are all built from the same list, so every shortcut shown is one that works.
 *
 * @param toggle for check-box commands, the state shown (null otherwise)
 */
public record Command(String menu, String text, KeyCombination key, Runnable action, BooleanProperty toggle) {
    public Command(String menu, String text, KeyCombination key, Runnable action) {
        this(menu, text, key, action, null);
    }

    public String keyText() {
        return key == null ? "" : key.getDisplayText();
    }
}
