package io.deskpulse.scoring.domain;

/** The additive counters and sums kept per aggregate row; each is one column of {@code kpi_hourly}. */
public enum Measure {
    TICKETS_CREATED("tickets_created"),
    TICKETS_RESOLVED("tickets_resolved"),
    RESOLUTION_COUNT("resolution_count"),
    RESOLUTION_SUM_MS("resolution_sum_ms"),
    RESOLUTION_BH_SUM_MS("resolution_bh_sum_ms"),
    REOPENED_RESOLUTIONS("reopened_resolutions"),
    FIRST_RESOLUTIONS("first_resolutions"),
    FCR_COUNT("fcr_count"),
    FIRST_RESPONSE_COUNT("first_response_count"),
    FIRST_RESPONSE_SUM_MS("first_response_sum_ms"),
    FIRST_RESPONSE_BH_SUM_MS("first_response_bh_sum_ms"),
    FIRST_RESPONSE_SLA_MET("first_response_sla_met"),
    TRANSFERS("transfers"),
    AGENT_REPLIES("agent_replies"),
    CUSTOMER_MESSAGES("customer_messages"),
    CSAT_COUNT("csat_count"),
    CSAT_SUM("csat_sum"),
    CSAT_SATISFIED("csat_satisfied"),
    NPS_COUNT("nps_count"),
    NPS_PROMOTERS("nps_promoters"),
    NPS_DETRACTORS("nps_detractors"),
    COMPLAINTS("complaints"),
    HANDLE_COUNT("handle_count"),
    HANDLE_SUM_MS("handle_sum_ms"),
    ONLINE_MS("online_ms"),
    QA_COUNT("qa_count"),
    QA_SUM_MILLI("qa_sum_milli"),
    QA_PASSED("qa_passed"),
    CONVERSIONS("conversions"),
    SALES_AMOUNT_MILLI("sales_amount_milli"),
    PEER_REVIEW_COUNT("peer_review_count"),
    PEER_REVIEW_SUM("peer_review_sum"),
    REPLY_COUNT("reply_count"),
    REPLY_SUM_MS("reply_sum_ms"),
    REPLY_BH_SUM_MS("reply_bh_sum_ms"),
    OFFERED("offered"),
    ANSWERED("answered"),
    ABANDONED("abandoned"),
    SHORT_ABANDONED("short_abandoned"),
    ASA_SUM_MS("asa_sum_ms"),
    SERVICE_LEVEL_MET("service_level_met"),
    CES_COUNT("ces_count"),
    CES_SUM_MILLI("ces_sum_milli"),
    CES_EASY("ces_easy"),
    SENTIMENT_COUNT("sentiment_count"),
    SENTIMENT_SUM_MILLI("sentiment_sum_milli"),
    SENTIMENT_NEGATIVE("sentiment_negative"),
    COST_MILLI("cost_milli");

    private final String column;

    Measure(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }
}
