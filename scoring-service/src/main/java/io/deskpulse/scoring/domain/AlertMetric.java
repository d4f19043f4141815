package io.deskpulse.scoring.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The metrics an alert rule can watch (docs/alerts.md), computed from summed aggregate columns exactly as the
 * reporting API computes them, with the volume a reading rests on: its denominator (first responses,
 * ratings, solves...) or, for a count, the count itself. Percentiles are not among them: a rule reads sums.
 */
public enum AlertMetric {
    TICKETS_CREATED(Kind.COUNT, "tickets_created"),
    TICKETS_RESOLVED(Kind.COUNT, "tickets_resolved"),
    REOPENED_RESOLUTIONS(Kind.COUNT, "reopened_resolutions"),
    TRANSFERS(Kind.COUNT, "transfers"),
    CUSTOMER_MESSAGES(Kind.COUNT, "customer_messages"),
    COMPLAINTS(Kind.COUNT, "complaints"),
    FIRST_RESPONSE_AVG_S(Kind.AVERAGE_SECONDS, "first_response_sum_ms", "first_response_count"),
    FIRST_RESPONSE_SLA_RATE(Kind.RATIO, "first_response_sla_met", "first_response_count"),
    RESOLUTION_AVG_S(Kind.AVERAGE_SECONDS, "resolution_sum_ms", "resolution_count"),
    REOPEN_RATE(Kind.RATIO, "reopened_resolutions", "tickets_resolved"),
    FCR_RATE(Kind.RATIO, "fcr_count", "first_resolutions"),
    CSAT_AVG(Kind.RATIO, "csat_sum", "csat_count"),
    CSAT_SATISFIED_RATE(Kind.RATIO, "csat_satisfied", "csat_count"),
    NPS(Kind.NET_SCORE, "nps_promoters", "nps_detractors", "nps_count"),
    HANDLE_AVG_S(Kind.AVERAGE_SECONDS, "handle_sum_ms", "handle_count"),
    QA_AVG(Kind.AVERAGE_THOUSANDTHS, "qa_sum_milli", "qa_count"),
    QA_PASS_RATE(Kind.RATIO, "qa_passed", "qa_count"),
    PEER_REVIEW_AVG(Kind.RATIO, "peer_review_sum", "peer_review_count"),
    CONVERSION_RATE(Kind.RATIO, "conversions", "first_response_count"),
    REPLY_AVG_S(Kind.AVERAGE_SECONDS, "reply_sum_ms", "reply_count"),
    OFFERED(Kind.COUNT, "offered"),
    ABANDONED(Kind.COUNT, "abandoned"),
    ASA_S(Kind.AVERAGE_SECONDS, "asa_sum_ms", "answered"),
    // the queue rates' bases (docs/kpis.md): offered less short abandons; answered plus (long) abandons
    ANSWER_RATE(Kind.RATE_EXCLUDING, "answered", "offered", "short_abandoned"),
    ABANDON_RATE(Kind.RATE_EXCLUDING, "abandoned", "offered", "short_abandoned"),
    SERVICE_LEVEL_RATE(Kind.RATE_OF_SUM, "service_level_met", "answered", "abandoned"),
    CES_AVG(Kind.AVERAGE_THOUSANDTHS, "ces_sum_milli", "ces_count"),
    CES_EASY_RATE(Kind.RATIO, "ces_easy", "ces_count"),
    SENTIMENT_AVG(Kind.AVERAGE_THOUSANDTHS, "sentiment_sum_milli", "sentiment_count"),
    NEGATIVE_SHARE(Kind.RATIO, "sentiment_negative", "sentiment_count"),
    // cost per handled contact and per solve, in the currency of the cost rates; no cost recorded is no reading
    COST_PER_CONTACT(Kind.COST_PER, "cost_milli", "handle_count"),
    COST_PER_RESOLUTION(Kind.COST_PER, "cost_milli", "tickets_resolved");

    private enum Kind { COUNT, AVERAGE_SECONDS, RATIO, AVERAGE_THOUSANDTHS, NET_SCORE, RATE_EXCLUDING, RATE_OF_SUM, COST_PER }

    /** A metric's value over a window and the volume it rests on; the value is null when the volume is 0. */
    public record Reading(Double value, long volume) {
        public static final Reading NONE = new Reading(null, 0);
    }

    private final Kind kind;
    private final List<String> columns;

    AlertMetric(Kind kind, String... columns) {
        this.kind = kind;
        this.columns = List.of(columns);
    }

    /** The name in the API, as in the KPI catalog. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The aggregate columns to sum, in the order {@link #read} takes them. */
    public List<String> columns() {
        return columns;
    }

    public static Optional<AlertMetric> parse(String label) {
        for (AlertMetric metric : values()) {
            if (metric.label().equals(label)) {
                return Optional.of(metric);
            }
        }
        return Optional.empty();
    }

    public static List<String> labels() {
        return java.util.Arrays.stream(values()).map(AlertMetric::label).toList();
    }

    /** The reading from the sums of {@link #columns()}, in their order. */
    public Reading read(long[] sums) {
        if (kind == Kind.COUNT) {
            return new Reading((double) sums[0], sums[0]);
        }
        long volume = switch (kind) {
            case RATE_EXCLUDING -> sums[1] - sums[2];
            case RATE_OF_SUM -> sums[1] + sums[2];
            case COST_PER -> sums[0] == 0 ? 0 : sums[1];
            default -> sums[sums.length - 1];
        };
        if (volume <= 0) {
            return new Reading(null, 0);
        }
        double value = switch (kind) {
            // as the reporting API: seconds rounded half-up to the millisecond
            case AVERAGE_SECONDS -> BigDecimal.valueOf(sums[0])
                    .divide(BigDecimal.valueOf(volume).multiply(BigDecimal.valueOf(1000)), 3, RoundingMode.HALF_UP)
                    .doubleValue();
            case RATIO, RATE_EXCLUDING, RATE_OF_SUM -> (double) sums[0] / volume;
            case AVERAGE_THOUSANDTHS, COST_PER -> sums[0] / (volume * 1000.0);
            case NET_SCORE -> (double) ((sums[0] - sums[1]) * 100) / volume;
            case COUNT -> throw new IllegalStateException("handled above");
        };
        return new Reading(value, volume);
    }
}
