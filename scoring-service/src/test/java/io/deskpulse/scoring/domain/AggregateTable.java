package io.deskpulse.scoring.domain;

import io.deskpulse.storage.DurationHistogram;
import java.util.Arrays;
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
            boolean empty = Arrays.stream(row).allMatch(v -> v == 0) && hist.values().stream().allMatch(Map::isEmpty);
            if (!empty) {
                rows.put(key.toString(), Arrays.toString(row) + " " + hist);
            }
        });
        return rows;
    }

    /** The KPIs of the rows the filter selects, by reporting column name (docs/storage.md's formulas). */
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
            histograms.getOrDefault(key, Map.of()).forEach((h, bins) -> bins.forEach((bin, count) ->
                    merged.computeIfAbsent(h, x -> new TreeMap<>()).merge(bin, (long) count, Long::sum)));
        });
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("tickets_created", get(sum, Measure.TICKETS_CREATED));
        k.put("tickets_resolved", get(sum, Measure.TICKETS_RESOLVED));
        k.put("first_response_count", get(sum, Measure.FIRST_RESPONSE_COUNT));
        k.put("first_response_avg_s", per(sum, Measure.FIRST_RESPONSE_SUM_MS, Measure.FIRST_RESPONSE_COUNT, 1000));
        k.put("first_response_p50_s", percentileSeconds(merged.get(HistogramMeasure.FIRST_RESPONSE), 0.5));
        k.put("first_response_p90_s", percentileSeconds(merged.get(HistogramMeasure.FIRST_RESPONSE), 0.9));
        k.put("resolution_avg_s", per(sum, Measure.RESOLUTION_SUM_MS, Measure.RESOLUTION_COUNT, 1000));
        k.put("resolution_p50_s", percentileSeconds(merged.get(HistogramMeasure.RESOLUTION), 0.5));
        k.put("resolution_p90_s", percentileSeconds(merged.get(HistogramMeasure.RESOLUTION), 0.9));
        k.put("reopened_resolutions", get(sum, Measure.REOPENED_RESOLUTIONS));
        k.put("reopen_rate", per(sum, Measure.REOPENED_RESOLUTIONS, Measure.TICKETS_RESOLVED, 1));
        k.put("agent_replies", get(sum, Measure.AGENT_REPLIES));
        k.put("customer_messages", get(sum, Measure.CUSTOMER_MESSAGES));
        k.put("csat_count", get(sum, Measure.CSAT_COUNT));
        k.put("csat_avg", per(sum, Measure.CSAT_SUM, Measure.CSAT_COUNT, 1));
        k.put("csat_satisfied_rate", per(sum, Measure.CSAT_SATISFIED, Measure.CSAT_COUNT, 1));
        k.put("first_resolutions", get(sum, Measure.FIRST_RESOLUTIONS));
        k.put("fcr_count", get(sum, Measure.FCR_COUNT));
        k.put("fcr_rate", per(sum, Measure.FCR_COUNT, Measure.FIRST_RESOLUTIONS, 1));
        k.put("transfers", get(sum, Measure.TRANSFERS));
        k.put("handle_count", get(sum, Measure.HANDLE_COUNT));
        k.put("handle_avg_s", per(sum, Measure.HANDLE_SUM_MS, Measure.HANDLE_COUNT, 1000));
        k.put("handle_p50_s", percentileSeconds(merged.get(HistogramMeasure.HANDLE), 0.5));
        k.put("handle_p90_s", percentileSeconds(merged.get(HistogramMeasure.HANDLE), 0.9));
        k.put("handle_total_s", get(sum, Measure.HANDLE_SUM_MS) / 1000.0);
        k.put("nps_count", get(sum, Measure.NPS_COUNT));
        k.put("nps", get(sum, Measure.NPS_COUNT) == 0 ? null
                : (get(sum, Measure.NPS_PROMOTERS) - get(sum, Measure.NPS_DETRACTORS)) * 100.0 / get(sum, Measure.NPS_COUNT));
        k.put("qa_count", get(sum, Measure.QA_COUNT));
        k.put("qa_avg", per(sum, Measure.QA_SUM_MILLI, Measure.QA_COUNT, 1000));
        k.put("qa_pass_rate", per(sum, Measure.QA_PASSED, Measure.QA_COUNT, 1));
        k.put("first_response_sla_met", get(sum, Measure.FIRST_RESPONSE_SLA_MET));
        k.put("first_response_sla_rate", per(sum, Measure.FIRST_RESPONSE_SLA_MET, Measure.FIRST_RESPONSE_COUNT, 1));
        k.put("online_s", get(sum, Measure.ONLINE_MS) / 1000.0);
        k.put("occupancy", per(sum, Measure.HANDLE_SUM_MS, Measure.ONLINE_MS, 1));
        k.put("conversions", get(sum, Measure.CONVERSIONS));
        k.put("conversion_rate", per(sum, Measure.CONVERSIONS, Measure.FIRST_RESPONSE_COUNT, 1));
        k.put("sales_amount", get(sum, Measure.SALES_AMOUNT_MILLI) / 1000.0);
        k.put("peer_review_count", get(sum, Measure.PEER_REVIEW_COUNT));
        k.put("peer_review_avg", per(sum, Measure.PEER_REVIEW_SUM, Measure.PEER_REVIEW_COUNT, 1));
        k.put("complaints", get(sum, Measure.COMPLAINTS));
        k.put("first_response_bh_avg_s", per(sum, Measure.FIRST_RESPONSE_BH_SUM_MS, Measure.FIRST_RESPONSE_COUNT, 1000));
        k.put("first_response_bh_p50_s", percentileSeconds(merged.get(HistogramMeasure.FIRST_RESPONSE_BH), 0.5));
        k.put("first_response_bh_p90_s", percentileSeconds(merged.get(HistogramMeasure.FIRST_RESPONSE_BH), 0.9));
        k.put("resolution_bh_avg_s", per(sum, Measure.RESOLUTION_BH_SUM_MS, Measure.RESOLUTION_COUNT, 1000));
        k.put("resolution_bh_p50_s", percentileSeconds(merged.get(HistogramMeasure.RESOLUTION_BH), 0.5));
        k.put("resolution_bh_p90_s", percentileSeconds(merged.get(HistogramMeasure.RESOLUTION_BH), 0.9));
        k.put("reply_count", get(sum, Measure.REPLY_COUNT));
        k.put("reply_avg_s", per(sum, Measure.REPLY_SUM_MS, Measure.REPLY_COUNT, 1000));
        k.put("reply_p50_s", percentileSeconds(merged.get(HistogramMeasure.REPLY), 0.5));
        k.put("reply_p90_s", percentileSeconds(merged.get(HistogramMeasure.REPLY), 0.9));
        k.put("reply_bh_avg_s", per(sum, Measure.REPLY_BH_SUM_MS, Measure.REPLY_COUNT, 1000));
        k.put("reply_bh_p50_s", percentileSeconds(merged.get(HistogramMeasure.REPLY_BH), 0.5));
        k.put("reply_bh_p90_s", percentileSeconds(merged.get(HistogramMeasure.REPLY_BH), 0.9));
        long offered = get(sum, Measure.OFFERED);
        long answered = get(sum, Measure.ANSWERED);
        long abandoned = get(sum, Measure.ABANDONED);
        long shortAbandoned = get(sum, Measure.SHORT_ABANDONED);
        k.put("offered", offered);
        k.put("answered", answered);
        k.put("abandoned", abandoned);
        k.put("short_abandoned", shortAbandoned);
        k.put("answer_rate", offered - shortAbandoned <= 0 ? null : (double) answered / (offered - shortAbandoned));
        k.put("abandon_rate", offered - shortAbandoned <= 0 ? null : (double) abandoned / (offered - shortAbandoned));
        k.put("asa_s", per(sum, Measure.ASA_SUM_MS, Measure.ANSWERED, 1000));
        k.put("asa_p50_s", percentileSeconds(merged.get(HistogramMeasure.ASA), 0.5));
        k.put("asa_p90_s", percentileSeconds(merged.get(HistogramMeasure.ASA), 0.9));
        k.put("service_level_met", get(sum, Measure.SERVICE_LEVEL_MET));
        k.put("service_level_rate", answered + abandoned == 0 ? null
                : (double) get(sum, Measure.SERVICE_LEVEL_MET) / (answered + abandoned));
        k.put("ces_count", get(sum, Measure.CES_COUNT));
        k.put("ces_avg", per(sum, Measure.CES_SUM_MILLI, Measure.CES_COUNT, 1000));
        k.put("ces_easy_rate", per(sum, Measure.CES_EASY, Measure.CES_COUNT, 1));
        k.put("sentiment_count", get(sum, Measure.SENTIMENT_COUNT));
        k.put("sentiment_avg", per(sum, Measure.SENTIMENT_SUM_MILLI, Measure.SENTIMENT_COUNT, 1000));
        k.put("negative_share", per(sum, Measure.SENTIMENT_NEGATIVE, Measure.SENTIMENT_COUNT, 1));
        long cost = get(sum, Measure.COST_MILLI);
        k.put("cost_total", cost / 1000.0);
        k.put("cost_per_contact", cost == 0 ? null : per(sum, Measure.COST_MILLI, Measure.HANDLE_COUNT, 1000));
        k.put("cost_per_resolution", cost == 0 ? null : per(sum, Measure.COST_MILLI, Measure.TICKETS_RESOLVED, 1000));
        return k;
    }

    private static long get(long[] sum, Measure m) {
        return sum[m.ordinal()];
    }

    /** numerator / denominator / scale, or null for an empty group. */
    private static Double per(long[] sum, Measure numerator, Measure denominator, double scale) {
        long n = get(sum, denominator);
        return n == 0 ? null : get(sum, numerator) / scale / n;
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
