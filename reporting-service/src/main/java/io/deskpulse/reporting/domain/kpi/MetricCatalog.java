package io.deskpulse.reporting.domain.kpi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The KPI columns of the reporting API (kpis.md) and the kpi_hourly columns they are computed from
 * (storage.md). A new metric is one entry in {@link #METRICS}; a new stored count or sum is one entry
 * in {@link #SUMMED_COLUMNS}, and then also decides whether a group has data (any summed column
 * non-zero). Histogram columns are not summed: they are merged, only for the percentiles asked for.
 */
public final class MetricCatalog {

    /** The kpi_hourly counts and sums, summed per report row; a row has data when any of them is non-zero. */
    public static final List<String> SUMMED_COLUMNS = List.of(
            "tickets_created",
            "tickets_resolved",
            "resolution_count",
            "resolution_sum_ms",
            "reopened_resolutions",
            "first_response_count",
            "first_response_sum_ms",
            "agent_replies",
            "customer_messages",
            "csat_count",
            "csat_sum",
            "csat_satisfied",
            "first_resolutions",
            "fcr_count",
            "transfers",
            "handle_count",
            "handle_sum_ms",
            "nps_count",
            "nps_promoters",
            "nps_detractors",
            "qa_count",
            "qa_sum_milli",
            "qa_passed",
            "first_response_sla_met",
            "online_ms",
            "conversions",
            "sales_amount_milli",
            "peer_review_count",
            "peer_review_sum",
            "complaints",
            "first_response_bh_sum_ms",
            "resolution_bh_sum_ms",
            "reply_count",
            "reply_sum_ms",
            "reply_bh_sum_ms",
            "offered",
            "answered",
            "abandoned",
            "short_abandoned",
            "asa_sum_ms",
            "service_level_met",
            "ces_count",
            "ces_sum_milli",
            "ces_easy",
            "sentiment_count",
            "sentiment_sum_milli",
            "sentiment_negative",
            "cost_milli");

    /** In the API's default column order: the catalog's order, the first sixteen as they were first served. */
    /** Every stored histogram column (docs/storage.md). */
    public static final List<String> HISTOGRAM_COLUMNS = List.of("first_response_hist", "first_response_bh_hist",
            "resolution_hist", "resolution_bh_hist", "handle_hist", "reply_hist", "reply_bh_hist", "asa_hist");

    public static final List<Metric> METRICS = List.of(
            new Metric.Count("tickets_created", "tickets_created"),
            new Metric.Count("tickets_resolved", "tickets_resolved"),
            new Metric.Count("first_response_count", "first_response_count"),
            new Metric.AverageSeconds("first_response_avg_s", "first_response_sum_ms", "first_response_count"),
            new Metric.PercentileSeconds("first_response_p50_s", "first_response_hist", 50),
            new Metric.PercentileSeconds("first_response_p90_s", "first_response_hist", 90),
            new Metric.AverageSeconds("resolution_avg_s", "resolution_sum_ms", "resolution_count"),
            new Metric.PercentileSeconds("resolution_p50_s", "resolution_hist", 50),
            new Metric.PercentileSeconds("resolution_p90_s", "resolution_hist", 90),
            new Metric.Count("reopened_resolutions", "reopened_resolutions"),
            new Metric.Ratio("reopen_rate", "reopened_resolutions", "tickets_resolved"),
            new Metric.Count("agent_replies", "agent_replies"),
            new Metric.Count("customer_messages", "customer_messages"),
            new Metric.Count("csat_count", "csat_count"),
            new Metric.Ratio("csat_avg", "csat_sum", "csat_count"),
            new Metric.Ratio("csat_satisfied_rate", "csat_satisfied", "csat_count"),
            new Metric.Count("first_resolutions", "first_resolutions"),
            new Metric.Count("fcr_count", "fcr_count"),
            new Metric.Ratio("fcr_rate", "fcr_count", "first_resolutions"),
            new Metric.Count("transfers", "transfers"),
            new Metric.Count("handle_count", "handle_count"),
            new Metric.AverageSeconds("handle_avg_s", "handle_sum_ms", "handle_count"),
            new Metric.PercentileSeconds("handle_p50_s", "handle_hist", 50),
            new Metric.PercentileSeconds("handle_p90_s", "handle_hist", 90),
            new Metric.Thousandths("handle_total_s", "handle_sum_ms"),
            new Metric.Count("nps_count", "nps_count"),
            new Metric.NetScore("nps", "nps_promoters", "nps_detractors", "nps_count"),
            new Metric.Count("qa_count", "qa_count"),
            new Metric.AverageOfThousandths("qa_avg", "qa_sum_milli", "qa_count"),
            new Metric.Ratio("qa_pass_rate", "qa_passed", "qa_count"),
            new Metric.Count("first_response_sla_met", "first_response_sla_met"),
            new Metric.Ratio("first_response_sla_rate", "first_response_sla_met", "first_response_count"),
            new Metric.Thousandths("online_s", "online_ms"),
            new Metric.Ratio("occupancy", "handle_sum_ms", "online_ms"),
            new Metric.Count("conversions", "conversions"),
            new Metric.Ratio("conversion_rate", "conversions", "first_response_count"),
            new Metric.Thousandths("sales_amount", "sales_amount_milli"),
            new Metric.Count("peer_review_count", "peer_review_count"),
            new Metric.Ratio("peer_review_avg", "peer_review_sum", "peer_review_count"),
            new Metric.Count("complaints", "complaints"),
            new Metric.AverageSeconds("first_response_bh_avg_s", "first_response_bh_sum_ms", "first_response_count"),
            new Metric.PercentileSeconds("first_response_bh_p50_s", "first_response_bh_hist", 50),
            new Metric.PercentileSeconds("first_response_bh_p90_s", "first_response_bh_hist", 90),
            new Metric.AverageSeconds("resolution_bh_avg_s", "resolution_bh_sum_ms", "resolution_count"),
            new Metric.PercentileSeconds("resolution_bh_p50_s", "resolution_bh_hist", 50),
            new Metric.PercentileSeconds("resolution_bh_p90_s", "resolution_bh_hist", 90),
            new Metric.Count("reply_count", "reply_count"),
            new Metric.AverageSeconds("reply_avg_s", "reply_sum_ms", "reply_count"),
            new Metric.PercentileSeconds("reply_p50_s", "reply_hist", 50),
            new Metric.PercentileSeconds("reply_p90_s", "reply_hist", 90),
            new Metric.AverageSeconds("reply_bh_avg_s", "reply_bh_sum_ms", "reply_count"),
            new Metric.PercentileSeconds("reply_bh_p50_s", "reply_bh_hist", 50),
            new Metric.PercentileSeconds("reply_bh_p90_s", "reply_bh_hist", 90),
            new Metric.Count("offered", "offered"),
            new Metric.Count("answered", "answered"),
            new Metric.Count("abandoned", "abandoned"),
            new Metric.Count("short_abandoned", "short_abandoned"),
            new Metric.Rate("answer_rate", "answered", List.of("offered"), List.of("short_abandoned")),
            new Metric.Rate("abandon_rate", "abandoned", List.of("offered"), List.of("short_abandoned")),
            new Metric.AverageSeconds("asa_s", "asa_sum_ms", "answered"),
            new Metric.PercentileSeconds("asa_p50_s", "asa_hist", 50),
            new Metric.PercentileSeconds("asa_p90_s", "asa_hist", 90),
            new Metric.Count("service_level_met", "service_level_met"),
            new Metric.Rate("service_level_rate", "service_level_met", List.of("answered", "abandoned"), List.of()),
            new Metric.Count("ces_count", "ces_count"),
            new Metric.AverageOfThousandths("ces_avg", "ces_sum_milli", "ces_count"),
            new Metric.Ratio("ces_easy_rate", "ces_easy", "ces_count"),
            new Metric.Count("sentiment_count", "sentiment_count"),
            new Metric.AverageOfThousandths("sentiment_avg", "sentiment_sum_milli", "sentiment_count"),
            new Metric.Ratio("negative_share", "sentiment_negative", "sentiment_count"),
            new Metric.Thousandths("cost_total", "cost_milli"),
            new Metric.CostPer("cost_per_contact", "cost_milli", "handle_count"),
            new Metric.CostPer("cost_per_resolution", "cost_milli", "tickets_resolved"));

    private static final Map<String, Metric> BY_NAME = byName();

    private MetricCatalog() {
    }

    public static Optional<Metric> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    private static Map<String, Metric> byName() {
        Map<String, Metric> map = new LinkedHashMap<>();
        METRICS.forEach(m -> map.put(m.name(), m));
        return map;
    }
}
