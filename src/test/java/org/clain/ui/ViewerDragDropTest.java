package org.clain.ui;

import static org.clain.ui.UiTestSupport.CT;
import static org.clain.ui.UiTestSupport.fx;
import static org.clain.ui.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.javafx.scene.input.DragboardHelper;
import com.sun.javafx.tk.TKClipboard;
import java.io.File;
import java.security.AccessControlContext;
import java.util.List;
import java.util.Set;
import javafx.event.Event;
import javafx.scene.image.Image;
import javafx.scene.input.DataFormat;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import javafx.util.Pair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Dropping a folder on the window opens it. Monocle has no native drag and drop, so the test
 * builds the Dragboard a platform would deliver (JavaFX's own internal factory, reachable because
 * the tests run JavaFX from the class path) and fires the drag events at the window.
 */
@ExtendWith(ApplicationExtension.class)
class ViewerDragDropTest {
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
    void droppingAFolderOpensIt(FxRobot robot) {
        Dragboard db = fx(() -> DragboardHelper.createDragboard(new FilesClipboard(List.of(CT.toFile()))));
        DragEvent over = fx(() -> fire(DragEvent.DRAG_OVER, db));
        assertTrue(fx(over::isAccepted), "files are accepted");
        DragEvent drop = fx(() -> fire(DragEvent.DRAG_DROPPED, db));
        assertTrue(fx(drop::isDropCompleted));
        waitUntil("the dropped CT", 120, () -> mw.activeViewport().volume() != null);
        assertEquals(134, fx(() -> mw.activeViewport().sliceCount()));
    }

    private DragEvent fire(javafx.event.EventType<DragEvent> type, Dragboard db) {
        DragEvent e = new DragEvent(type, db, 400, 300, 400, 300, TransferMode.COPY, null, null, null);
        Event.fireEvent(mw.stage().getScene().getRoot(), e);
        return e;
    }

    /** A platform clipboard holding a list of files. */
    private record FilesClipboard(List<File> files) implements TKClipboard {
        @Override
        public void setSecurityContext(AccessControlContext ctx) {
        }

        @Override
        public Set<DataFormat> getContentTypes() {
            return Set.of(DataFormat.FILES);
        }

        @Override
        @SafeVarargs
        public final boolean putContent(Pair<DataFormat, Object>... content) {
            return false;
        }

        @Override
        public Object getContent(DataFormat f) {
            return f == DataFormat.FILES ? files : null;
        }

        @Override
        public boolean hasContent(DataFormat f) {
            return f == DataFormat.FILES;
        }

        @Override
        public Set<TransferMode> getTransferModes() {
            return Set.of(TransferMode.COPY, TransferMode.LINK);
        }

        @Override
        public void setDragView(Image image) {
        }

        @Override
        public void setDragViewOffsetX(double x) {
        }

        @Override
        public void setDragViewOffsetY(double y) {
        }

        @Override
        public Image getDragView() {
            return null;
        }

        @Override
        public double getDragViewOffsetX() {
            return 0;
        }

        @Override
        public double getDragViewOffsetY() {
            return 0;
        }
    }
}
