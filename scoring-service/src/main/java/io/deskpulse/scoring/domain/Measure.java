package io.deskpulse.scoring.domain;

/** The additive counters and sums kept per aggregate row; each is one column of {@code kpi_hourly}. */
public enum Measure {
    TICKETS_CREATED("tickets_created"),
    TICKETS_RESOLVED("tickets_resolved"),
    RESOLUTION_COUNT("resolution_count"),
    RESOLUTION_SUM_MS("resolution_sum_ms"),
    REOPENED_RESOLUTIONS("reopened_resolutions"),
    FIRST_RESPONSE_COUNT("first_response_count"),
    FIRST_RESPONSE_SUM_MS("first_response_sum_ms"),
    AGENT_REPLIES("agent_replies"),
    CUSTOMER_MESSAGES("customer_messages"),
    CSAT_COUNT("csat_count"),
    CSAT_SUM("csat_sum"),
    CSAT_SATISFIED("csat_satisfied");

    private final String column;

    Measure(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }
}
