package io.deskpulse.scoring.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** The change to one aggregate row: a delta per measure and per histogram bin. */
public final class KpiDelta {

    private final long[] measures = new long[Measure.values().length];
    private final Map<HistogramMeasure, TreeMap<Integer, Integer>> histograms = new EnumMap<>(HistogramMeasure.class);
    // Only an item's delta keeps the raw durations (a percentile's drill-down lists them); a row's has bins only.
    private final Map<HistogramMeasure, Long> durations;

    public KpiDelta() {
        this.durations = null;
    }

    private KpiDelta(boolean keepDurations) {
        this.durations = keepDurations ? new EnumMap<>(HistogramMeasure.class) : null;
    }

    /**
     * The measures of one contribution, with the raw duration of each histogram it adds to: the content of its
     * {@code kpi_contributions} row.
     */
    public static KpiDelta ofItem(Observation observation) {
        KpiDelta delta = new KpiDelta(true);
        observation.addTo(delta, 1);
        return delta;
    }

    void recordDuration(HistogramMeasure histogram, long millis) {
        if (durations != null) {
            durations.put(histogram, millis);
        }
    }

    /**
     * An item's parts by column name: every measure it changes and the raw duration of every histogram it adds to
     * (an item delta only, see {@link #ofItem}).
     */
    public Map<String, Long> parts() {
        Map<String, Long> parts = new TreeMap<>();
        for (Measure measure : Measure.values()) {
            if (measures[measure.ordinal()] != 0) {
                parts.put(measure.column(), measures[measure.ordinal()]);
            }
        }
        if (durations != null) {
            durations.forEach((histogram, millis) -> parts.put(histogram.column(), millis));
        }
        return parts;
    }

    public void add(Measure measure, long amount) {
        measures[measure.ordinal()] += amount;
    }

    public void addToHistogram(HistogramMeasure histogram, int bin, int count) {
        TreeMap<Integer, Integer> bins = histograms.computeIfAbsent(histogram, h -> new TreeMap<>());
        int total = bins.getOrDefault(bin, 0) + count;
        if (total == 0) {
            bins.remove(bin);
        } else {
            bins.put(bin, total);
        }
    }

    /** Adds another row's delta to this one. */
    public void addAll(KpiDelta other) {
        for (int i = 0; i < measures.length; i++) {
            measures[i] += other.measures[i];
        }
        other.histograms.forEach((histogram, bins) -> bins.forEach((bin, count) -> addToHistogram(histogram, bin, count)));
    }

    /** {@code a - b}, measure by measure and bin by bin: what turns {@code b} into {@code a}. */
    public static KpiDelta difference(KpiDelta a, KpiDelta b) {
        KpiDelta d = new KpiDelta();
        d.addAll(a);
        for (int i = 0; i < d.measures.length; i++) {
            d.measures[i] -= b.measures[i];
        }
        b.histograms.forEach((histogram, bins) -> bins.forEach((bin, count) -> d.addToHistogram(histogram, bin, -count)));
        return d;
    }

    /** The count of one bin of a histogram (0 when the bin is absent). */
    public int histogramCount(HistogramMeasure histogram, int bin) {
        TreeMap<Integer, Integer> bins = histograms.get(histogram);
        return bins == null ? 0 : bins.getOrDefault(bin, 0);
    }

    /** True when any histogram of this delta has a bin to change. */
    public boolean hasHistograms() {
        return histograms.values().stream().anyMatch(bins -> !bins.isEmpty());
    }

    public long get(Measure measure) {
        return measures[measure.ordinal()];
    }

    /** The histogram's delta as the stored encoding: (bin, count) pairs sorted by bin. */
    public int[] histogramPairs(HistogramMeasure histogram) {
        TreeMap<Integer, Integer> bins = histograms.get(histogram);
        if (bins == null || bins.isEmpty()) {
            return new int[0];
        }
        int[] pairs = new int[bins.size() * 2];
        int i = 0;
        for (Map.Entry<Integer, Integer> bin : bins.entrySet()) {
            pairs[i++] = bin.getKey();
            pairs[i++] = bin.getValue();
        }
        return pairs;
    }

    public boolean isZero() {
        for (long value : measures) {
            if (value != 0) {
                return false;
            }
        }
        return histograms.values().stream().allMatch(Map::isEmpty);
    }
}
