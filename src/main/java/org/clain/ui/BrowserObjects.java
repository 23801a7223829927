package org.clain.ui;

import java.util.Optional;
import javafx.stage.Window;
import org.clain.dicom.DicomException;
import org.clain.study.Instance;
import org.clain.study.PresentationState;
import org.clain.study.Series;
import org.clain.study.SrDocument;
import org.clain.study.StructureSet;

/**
 * Opening a series without images from the browser: a structure set shows the images it was drawn
 * on (its contours come with them), a presentation state the image it references as it says, a
 * structured report its content tree (its first document); other objects are listed only.
 */
final class BrowserObjects {
    /** The window's side: its image series, viewports and status line. */
    interface Host extends PresentationStateView.Host {
        Window owner();

        Viewport activeViewport();
    }

    private final Host host;
    private final PresentationStateView presentationStates;
    private ReportView reportView;

    BrowserObjects(Host host) {
        this.host = host;
        this.presentationStates = new PresentationStateView(host);
    }

    /** Lets presentation states follow a viewport's loading and scrolling. */
    void watch(Viewport vp) {
        presentationStates.watch(vp);
    }

    void open(Series s) {
        Instance first = s.instances().get(0);
        if (PresentationState.isPresentationState(first)) {
            presentationStates.open(first, host.activeViewport());
        } else if (SrDocument.isStructuredReport(first)) {
            try {
                reportView = new ReportView(host.owner(), SrDocument.read(first), first.path().getFileName().toString());
                reportView.show();
            } catch (DicomException e) {
                host.status("Cannot read the report: " + e.getMessage());
            }
        } else if (StructureSet.isStructureSet(first)) {
            openStructureSet(first);
        } else {
            host.status(s.modality() + " \"" + StudyBrowser.objectLabel(s) + "\" has no Pixel Data: listed, not shown");
        }
    }

    private void openStructureSet(Instance in) {
        try {
            StructureSet set = StructureSet.read(in);
            Optional<Series> images = set.drawnOn(host.imageSeries());
            if (images.isEmpty()) {
                host.status("No images of the structure set's Frame of Reference in this study");
                return;
            }
            Series shown = images.get();
            host.display(shown, shown.stacks().get(0), host.activeViewport());
            host.status(set.structures().size() + " structures on " + shown.description());
        } catch (DicomException e) {
            host.status("Cannot read the structure set: " + e.getMessage());
        }
    }

    /** The structured report last opened, or null. */
    ReportView reportView() {
        return reportView;
    }
}
