package io.deskpulse.scoring.domain;

/** The duration histograms kept per aggregate row; each is one {@code int[]} column of {@code kpi_hourly}. */
public enum HistogramMeasure {
    FIRST_RESPONSE("first_response_hist"),
    FIRST_RESPONSE_BH("first_response_bh_hist"),
    RESOLUTION("resolution_hist"),
    RESOLUTION_BH("resolution_bh_hist"),
    HANDLE("handle_hist"),
    REPLY("reply_hist"),
    REPLY_BH("reply_bh_hist"),
    ASA("asa_hist");

    private final String column;

    HistogramMeasure(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }
}
