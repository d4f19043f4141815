package io.deskpulse.scoring.domain;

/** The duration histograms kept per aggregate row; each is one {@code int[]} column of {@code kpi_hourly}. */
public enum HistogramMeasure {
    FIRST_RESPONSE("first_response_hist"),
    RESOLUTION("resolution_hist");

    private final String column;

    HistogramMeasure(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }
}
