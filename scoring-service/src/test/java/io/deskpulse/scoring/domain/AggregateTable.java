package io.deskpulse.scoring.domain;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What kpi_hourly would hold: deltas added row by row, as the upsert does. Rolls rows up into the
 * reported KPIs the way docs/storage.md defines them, so tests can compare with hand-computed values.
 */
final class AggregateTable {

    private final Map<AggregateKey, long[]> measures = new HashMap<>();
    private final Map<AggregateKey, Map<HistogramMeasure, TreeMap<Integer, Integer>>> histograms = new HashMap<>();

    void apply(Map<AggregateKey, KpiDelta> changes) {
        changes.forEach((key, delta) -> {
            long[] row = measures.computeIfAbsent(key, k -> new long[Measure.values().length]);
            for (Measure m : Measure.values()) {
                row[m.ordinal()] += delta.get(m);
            }
            for (HistogramMeasure h : HistogramMeasure.values()) {
                int[] pairs = delta.histogramPairs(h);
                TreeMap<Integer, Integer> bins = histograms.computeIfAbsent(key, k -> new HashMap<>())
                        .computeIfAbsent(h, x -> new TreeMap<>());
                for (int i = 0; i < pairs.length; i += 2) {
                    int total = bins.getOrDefault(pairs[i], 0) + pairs[i + 1];
                    if (total == 0) {
                        bins.remove(pairs[i]);
                    } else {
                        bins.put(pairs[i], total);
                    }
                }
            }
        });
    }

    /** Every non-empty row with its measures and histograms, comparable across runs. */
    Map<String, String> snapshot() {
        Map<String, String> rows = new TreeMap<>();
        measures.forEach((key, row) -> {
            Map<HistogramMeasure, TreeMap<Integer, Integer>> hist = histograms.getOrDefault(key, Map.of());
            boolean empty = java.util.Arrays.stream(row).allMatch(v -> v == 0)
                    && hist.values().stream().allMatch(Map::isEmpty);
            if (!empty) {
                rows.put(key.toString(), java.util.Arrays.toString(row) + " " + hist);
            }
        });
        return rows;
    }

    /** The KPIs of the rows the filter selects, by reporting column name. */
    Map<String, Object> kpis(Predicate<AggregateKey> rows) {
        long[] sum = new long[Measure.values().length];
        Map<HistogramMeasure, TreeMap<Integer, Long>> merged = new HashMap<>();
        measures.forEach((key, row) -> {
            if (!rows.test(key)) {
                return;
            }
            for (int i = 0; i < row.length; i++) {
                sum[i] += row[i];
            }
            histograms.getOrDefault(key, Map.of()).forEach((h, bins) ->
                    bins.forEach((bin, count) -> merged.computeIfAbsent(h, x -> new TreeMap<>()).merge(bin, (long) count, Long::sum)));
        });
        Map<String, Object> kpis = new LinkedHashMap<>();
        kpis.put("tickets_created", get(sum, Measure.TICKETS_CREATED));
        kpis.put("tickets_resolved", get(sum, Measure.TICKETS_RESOLVED));
        kpis.put("first_response_count", get(sum, Measure.FIRST_RESPONSE_COUNT));
        kpis.put("first_response_avg_s", avgSeconds(sum, Measure.FIRST_RESPONSE_SUM_MS, Measure.FIRST_RESPONSE_COUNT));
        kpis.put("first_response_p50_s", percentileSeconds(merged.get(HistogramMeasure.FIRST_RESPONSE), 0.5));
        kpis.put("first_response_p90_s", percentileSeconds(merged.get(HistogramMeasure.FIRST_RESPONSE), 0.9));
        kpis.put("resolution_avg_s", avgSeconds(sum, Measure.RESOLUTION_SUM_MS, Measure.RESOLUTION_COUNT));
        kpis.put("resolution_p50_s", percentileSeconds(merged.get(HistogramMeasure.RESOLUTION), 0.5));
        kpis.put("resolution_p90_s", percentileSeconds(merged.get(HistogramMeasure.RESOLUTION), 0.9));
        kpis.put("reopened_resolutions", get(sum, Measure.REOPENED_RESOLUTIONS));
        kpis.put("reopen_rate", ratio(get(sum, Measure.REOPENED_RESOLUTIONS), get(sum, Measure.TICKETS_RESOLVED)));
        kpis.put("agent_replies", get(sum, Measure.AGENT_REPLIES));
        kpis.put("customer_messages", get(sum, Measure.CUSTOMER_MESSAGES));
        kpis.put("csat_count", get(sum, Measure.CSAT_COUNT));
        kpis.put("csat_avg", ratio(get(sum, Measure.CSAT_SUM), get(sum, Measure.CSAT_COUNT)));
        kpis.put("csat_satisfied_rate", ratio(get(sum, Measure.CSAT_SATISFIED), get(sum, Measure.CSAT_COUNT)));
        return kpis;
    }

    private static long get(long[] sum, Measure m) {
        return sum[m.ordinal()];
    }

    private static Double ratio(long numerator, long denominator) {
        return denominator == 0 ? null : (double) numerator / denominator;
    }

    private static Double avgSeconds(long[] sum, Measure total, Measure count) {
        long n = get(sum, count);
        return n == 0 ? null : get(sum, total) / 1000.0 / n;
    }

    private static Double percentileSeconds(TreeMap<Integer, Long> bins, double q) {
        if (bins == null || bins.isEmpty()) {
            return null;
        }
        long n = bins.values().stream().mapToLong(Long::longValue).sum();
        long rank = (long) Math.ceil(q * n);
        long seen = 0;
        for (Map.Entry<Integer, Long> bin : bins.entrySet()) {
            seen += bin.getValue();
            if (seen >= rank) {
                return DurationHistogram.representativeMillis(bin.getKey()) / 1000.0;
            }
        }
        throw new IllegalStateException("rank beyond the histogram");
    }
}
