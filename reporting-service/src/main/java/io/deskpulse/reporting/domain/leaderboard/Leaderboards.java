package io.deskpulse.reporting.domain.leaderboard;

import io.deskpulse.reporting.domain.kpi.Metric;
import io.deskpulse.reporting.domain.kpi.MetricCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metrics of {@code GET /v1/leaderboards/{metric}}: each with its natural volume, direction and
 * default minimum volume (docs/reporting-api.md lists them). Durations, the reopen rate, the abandon rate and
 * costs are better lower; counts are their own volume. The queue rates rank teams (agents are offered nothing).
 */
public final class Leaderboards {

    private static final long TICKETS = 10;
    private static final long SURVEYS = 5;
    private static final long REVIEWS = 3;
    private static final long CONTACTS = 10;

    public static final List<RankedMetric> METRICS = List.of(
            lower("first_response_avg_s", "first_response_count", TICKETS),
            lower("first_response_p50_s", "first_response_count", TICKETS),
            lower("first_response_p90_s", "first_response_count", TICKETS),
            lower("first_response_bh_avg_s", "first_response_count", TICKETS),
            lower("first_response_bh_p50_s", "first_response_count", TICKETS),
            lower("first_response_bh_p90_s", "first_response_count", TICKETS),
            lower("resolution_avg_s", "tickets_resolved", TICKETS),
            lower("resolution_p50_s", "tickets_resolved", TICKETS),
            lower("resolution_p90_s", "tickets_resolved", TICKETS),
            lower("resolution_bh_avg_s", "tickets_resolved", TICKETS),
            lower("resolution_bh_p50_s", "tickets_resolved", TICKETS),
            lower("resolution_bh_p90_s", "tickets_resolved", TICKETS),
            lower("reopen_rate", "tickets_resolved", TICKETS),
            lower("handle_avg_s", "handle_count", TICKETS),
            lower("handle_p50_s", "handle_count", TICKETS),
            lower("handle_p90_s", "handle_count", TICKETS),
            higher("csat_avg", "csat_count", SURVEYS),
            higher("csat_satisfied_rate", "csat_count", SURVEYS),
            higher("nps", "nps_count", SURVEYS),
            higher("fcr_rate", "first_resolutions", TICKETS),
            higher("first_response_sla_rate", "first_response_count", TICKETS),
            higher("conversion_rate", "first_response_count", TICKETS),
            higher("qa_avg", "qa_count", REVIEWS),
            higher("qa_pass_rate", "qa_count", REVIEWS),
            higher("peer_review_avg", "peer_review_count", REVIEWS),
            higher("occupancy", "online_s", 3600),
            higher("sales_amount", "conversions", 1),
            higher("tickets_resolved", "tickets_resolved", 1),
            higher("first_resolutions", "first_resolutions", 1),
            higher("fcr_count", "fcr_count", 1),
            higher("agent_replies", "agent_replies", 1),
            higher("handle_count", "handle_count", 1),
            higher("conversions", "conversions", 1),
            higher("csat_count", "csat_count", 1),
            higher("qa_count", "qa_count", 1),
            higher("online_s", "online_s", 1),
            lower("reply_avg_s", "reply_count", TICKETS),
            lower("reply_p50_s", "reply_count", TICKETS),
            lower("reply_p90_s", "reply_count", TICKETS),
            lower("reply_bh_avg_s", "reply_count", TICKETS),
            lower("reply_bh_p50_s", "reply_count", TICKETS),
            lower("reply_bh_p90_s", "reply_count", TICKETS),
            higher("reply_count", "reply_count", 1),
            lower("asa_s", "answered", CONTACTS),
            lower("asa_p50_s", "answered", CONTACTS),
            lower("asa_p90_s", "answered", CONTACTS),
            higher("service_level_rate", "answered", CONTACTS),
            higher("answer_rate", "offered", CONTACTS),
            lower("abandon_rate", "offered", CONTACTS),
            higher("answered", "answered", 1),
            higher("ces_avg", "ces_count", SURVEYS),
            higher("ces_easy_rate", "ces_count", SURVEYS),
            higher("sentiment_avg", "sentiment_count", SURVEYS),
            lower("negative_share", "sentiment_count", SURVEYS),
            lower("cost_per_contact", "handle_count", CONTACTS),
            lower("cost_per_resolution", "tickets_resolved", TICKETS));

    private static final Map<String, RankedMetric> BY_NAME = byName();

    private Leaderboards() {
    }

    public static Optional<RankedMetric> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    private static RankedMetric lower(String metric, String volume, long minVolume) {
        return new RankedMetric(metric(metric), metric(volume), true, minVolume);
    }

    private static RankedMetric higher(String metric, String volume, long minVolume) {
        return new RankedMetric(metric(metric), metric(volume), false, minVolume);
    }

    private static Metric metric(String name) {
        return MetricCatalog.find(name).orElseThrow(() -> new IllegalStateException("no metric " + name));
    }

    private static Map<String, RankedMetric> byName() {
        Map<String, RankedMetric> map = new LinkedHashMap<>();
        METRICS.forEach(m -> map.put(m.metric().name(), m));
        return map;
    }
}
