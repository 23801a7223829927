package org.clain.ui.measure;

import javafx.beans.property.BooleanProperty;
import javafx.scene.input.KeyCombination;

/**
 * A command the measurement tools add to the window's menus, shortcuts and help sheet (the window
 * turns each into one of its own commands).
 *
 * @param toggle for check-box commands, the state shown (null otherwise)
 */
public record MeasureAction(String menu, String text, KeyCombination key, Runnable action, BooleanProperty toggle) {
    public MeasureAction(String menu, String text, KeyCombination key, Runnable action) {
        this(menu, text, key, action, null);
    }
}
