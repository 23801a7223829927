package org.clain.ui.measure;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.clain.measure.Distance;
import org.clain.measure.EllipsoidRoi;
import org.clain.measure.Evaluation;
import org.clain.measure.LineProfile;
import org.clain.measure.Measurement;
import org.clain.measure.PlanarRoi;
import org.clain.measure.Quantity;
import org.clain.measure.RoiResult;
import org.clain.measure.RoiStatistics;
import org.clain.study.Volume;

/**
 * The values of the measurements as the engine computes them: the numbers of each
 * ({@link Evaluation}), the statistics of a ROI ({@link RoiStatistics}) and the values along a
 * distance line ({@link LineProfile}), cached by measurement and volume, since every repaint and
 * the panel ask again. Measurements are records, so an edit is a new key.
 */
final class MeasurementValues {
    private static final int CACHE_LIMIT = 512;

    private record Key(Measurement m, Volume v) {
    }

    private final Function<Measurement, Volume> volumeFor;
    private final Map<Key, List<Quantity>> evaluations = new HashMap<>();
    private final Map<Key, Optional<RoiResult>> roiResults = new HashMap<>();
    private final Map<Key, Optional<LineProfile>> profiles = new HashMap<>();

    /** @param volumeFor the volume a measurement's values are read from (null when none is loaded) */
    MeasurementValues(Function<Measurement, Volume> volumeFor) {
        this.volumeFor = volumeFor;
    }

    /** The numbers of a measurement ({@link Evaluation}), cached. */
    List<Quantity> evaluate(Measurement m) {
        Volume vol = volumeFor.apply(m);
        Key k = new Key(m, vol);
        List<Quantity> q = evaluations.get(k);
        if (q == null) {
            try {
                q = Evaluation.of(m, vol);
            } catch (IllegalArgumentException e) {
                q = Evaluation.of(m, null);
            }
            trim(evaluations);
            evaluations.put(k, q);
        }
        return q;
    }

    /** Statistics of a ROI, cached; empty for other measurements or without a volume. */
    Optional<RoiResult> roiResult(Measurement m) {
        if (!(m instanceof PlanarRoi) && !(m instanceof EllipsoidRoi)) {
            return Optional.empty();
        }
        Volume vol = volumeFor.apply(m);
        if (vol == null) {
            return Optional.empty();
        }
        Key k = new Key(m, vol);
        Optional<RoiResult> r = roiResults.get(k);
        if (r == null) {
            try {
                r = Optional.of(RoiStatistics.of(vol, m));
            } catch (IllegalArgumentException e) {
                r = Optional.empty();
            }
            trim(roiResults);
            roiResults.put(k, r);
        }
        return r;
    }

    /** Values along a distance line, cached; empty without a volume. */
    Optional<LineProfile> profile(Measurement m) {
        if (!(m instanceof Distance d)) {
            return Optional.empty();
        }
        Volume vol = volumeFor.apply(m);
        if (vol == null) {
            return Optional.empty();
        }
        Key k = new Key(m, vol);
        Optional<LineProfile> p = profiles.get(k);
        if (p == null) {
            try {
                p = Optional.of(LineProfile.sample(vol, d.a(), d.b()));
            } catch (IllegalArgumentException e) {
                p = Optional.empty();
            }
            trim(profiles);
            profiles.put(k, p);
        }
        return p;
    }

    private static void trim(Map<?, ?> cache) {
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
    }
}
