package io.deskpulse.reporting.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The KPI columns of the reporting API (kpis.md) and the kpi_hourly columns they are computed from
 * (storage.md). A new metric is one entry in {@link #METRICS}; a new stored column one entry in
 * {@link #SUMMED_COLUMNS} (and, if it is a count, it also decides whether a group has data).
 */
public final class MetricCatalog {

    /** A kpi_hourly column that is summed per report row; {@code count} columns tell empty groups apart. */
    public record SummedColumn(String name, boolean count) {
    }

    public static final List<SummedColumn> SUMMED_COLUMNS = List.of(
            count("tickets_created"),
            count("tickets_resolved"),
            count("resolution_count"),
            sum("resolution_sum_ms"),
            count("reopened_resolutions"),
            count("first_response_count"),
            sum("first_response_sum_ms"),
            count("agent_replies"),
            count("customer_messages"),
            count("csat_count"),
            sum("csat_sum"),
            count("csat_satisfied"));

    /** In the API's default column order. */
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
            new Metric.Ratio("csat_satisfied_rate", "csat_satisfied", "csat_count"));

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

    private static SummedColumn count(String name) {
        return new SummedColumn(name, true);
    }

    private static SummedColumn sum(String name) {
        return new SummedColumn(name, false);
    }
}
