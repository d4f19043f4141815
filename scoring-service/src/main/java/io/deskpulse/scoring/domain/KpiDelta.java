package io.deskpulse.scoring.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** The change to one aggregate row: a delta per measure and per histogram bin. */
public final class KpiDelta {

    private final long[] measures = new long[Measure.values().length];
    private final Map<HistogramMeasure, TreeMap<Integer, Integer>> histograms = new EnumMap<>(HistogramMeasure.class);

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
