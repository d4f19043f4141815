package io.deskpulse.storage;

import java.util.List;

/**
 * The KPIs a scorecard can use (docs/scorecards.md): the catalog's averages, percentiles and rates, whose
 * value for an agent or team and period can be compared with a target. Counts and totals are left out: a
 * target for them would depend on the period's length. scoring-service accepts these names in scoring
 * models and exemptions; reporting-service computes them (a test of its metric catalog checks each name).
 */
public final class ScorecardMetrics {

    public static final List<String> NAMES = List.of(
            "first_response_avg_s", "first_response_p50_s", "first_response_p90_s",
            "first_response_bh_avg_s", "first_response_bh_p50_s", "first_response_bh_p90_s",
            "first_response_sla_rate",
            "resolution_avg_s", "resolution_p50_s", "resolution_p90_s",
            "resolution_bh_avg_s", "resolution_bh_p50_s", "resolution_bh_p90_s",
            "reopen_rate", "fcr_rate",
            "csat_avg", "csat_satisfied_rate", "nps",
            "qa_avg", "qa_pass_rate", "peer_review_avg",
            "handle_avg_s", "handle_p50_s", "handle_p90_s", "occupancy",
            "conversion_rate",
            "reply_avg_s", "reply_p50_s", "reply_p90_s", "reply_bh_avg_s", "reply_bh_p50_s", "reply_bh_p90_s",
            "answer_rate", "abandon_rate", "asa_s", "asa_p50_s", "asa_p90_s", "service_level_rate",
            "ces_avg", "ces_easy_rate", "negative_share", "cost_per_contact", "cost_per_resolution");

    private ScorecardMetrics() {
    }

    public static boolean known(String metric) {
        return NAMES.contains(metric);
    }

    /**
     * Durations, the reopen rate, the abandon rate, the share of negative sentiment and costs are better when lower;
     * every other scorecard metric when higher. (sentiment_avg is no scorecard metric: it runs from -1 to 1, and a
     * target ratio of a negative value means nothing; negative_share stands for it.)
     */
    public static String defaultDirection(String metric) {
        return metric.endsWith("_s") || metric.equals("reopen_rate") || metric.equals("abandon_rate")
                || metric.equals("negative_share") || metric.startsWith("cost_") ? "lower" : "higher";
    }
}
