package org.clain.ui;

import static org.clain.ui.UiTestSupport.fx;
import static org.clain.ui.UiTestSupport.fxRun;
import static org.clain.ui.UiTestSupport.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TreeItem;
import javafx.stage.Stage;
import org.clain.study.Series;
import org.clain.testdata.SrWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A structured report opened from the browser shows its content tree, an item a line. */
@ExtendWith(ApplicationExtension.class)
class ViewerReportTest {
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
    void reportOpensAsATree(@TempDir Path tmp) throws Exception {
        SrWriter.write(tmp.resolve("report.dcm"));
        fxRun(() -> mw.open(List.of(tmp)));
        waitUntil("the index", 60, () -> !mw.busy() && mw.index() != null);
        Series sr = fx(() -> mw.index().objectSeries()).get(0);
        fxRun(() -> mw.openObjects(sr));
        ReportView view = fx(() -> mw.reportView());
        TreeItem<String> root = fx(() -> view.tree().getRoot());
        assertEquals("CONTAINER Diagnostic imaging report", root.getValue());
        assertEquals(List.of("CONTAINS TEXT Finding = Hypodense lesion, segment VIII", "CONTAINS NUM Length = 23.5 mm"),
                root.getChildren().stream().map(TreeItem::getValue).toList());
        assertTrue(fx(() -> view.tree().getScene().getWindow().isShowing()));
    }
}
