package org.clain.ui.measure;

import java.util.List;
import org.clain.geom.Vec3;
import org.clain.measure.EllipsoidRoi;
import org.clain.measure.Measurement;
import org.clain.measure.PlanarRoi;
import org.clain.study.Volume;

/**
 * Where a measurement belongs among the views on screen: its coordinates apply to the volumes of
 * its Frame of Reference (or, where there is none, of its series), so it is shown in a view of that
 * frame, at the plane through its anchor, and measured in its own series' volume or one of its frame.
 */
final class MeasurementLocator {
    private final MeasureHost host;

    MeasurementLocator(MeasureHost host) {
        this.host = host;
    }

    /** The view a measurement is best shown in: the active view when it shares its frame, else the first that does. */
    PlaneView viewFor(Measurement m) {
        PlaneView a = host.activeView();
        if (a != null && a.volume() != null && sameFrame(m, a)) {
            return a;
        }
        for (PlaneView v : host.visibleViews()) {
            if (v.volume() != null && sameFrame(m, v)) {
                return v;
            }
        }
        return null;
    }

    /** The volume a measurement's values are read from: its own series', else one of its frame on screen. */
    Volume volumeFor(Measurement m) {
        Volume own = m.seriesInstanceUid() == null ? null : host.volumeOf(m.seriesInstanceUid());
        if (own != null) {
            return own;
        }
        PlaneView v = viewFor(m);
        return v == null ? null : v.volume();
    }

    /** Where the user finds a measurement ("Im 67"), in the view it is best shown in; "" when none shows it. */
    String planeLabel(Measurement m) {
        PlaneView v = viewFor(m);
        return v == null ? "" : v.planeLabel(anchor(m));
    }

    /** The point a measurement is found at: its centre or the mean of its points. */
    static Vec3 anchor(Measurement m) {
        if (m instanceof PlanarRoi r) {
            return r.center();
        }
        if (m instanceof EllipsoidRoi e) {
            return e.center();
        }
        Vec3 sum = Vec3.ZERO;
        List<Vec3> pts = m.points();
        for (Vec3 p : pts) {
            sum = sum.plus(p);
        }
        return sum.times(1.0 / pts.size());
    }

    /**
     * True when the measurement's coordinates apply to the view's volume: same Frame of Reference,
     * or, where either has none, the same series.
     */
    static boolean sameFrame(Measurement m, PlaneView v) {
        Volume vol = v.volume();
        if (vol == null) {
            return false;
        }
        String a = m.frameOfReferenceUid();
        String b = vol.frameOfReferenceUid();
        if (a != null && !a.isEmpty() && b != null && !b.isEmpty()) {
            return a.equals(b);
        }
        return m.seriesInstanceUid() != null && m.seriesInstanceUid().equals(v.seriesInstanceUid());
    }
}
