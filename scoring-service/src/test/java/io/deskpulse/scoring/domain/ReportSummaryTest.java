package io.deskpulse.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The summary and the one line a chat tool shows: averages only of what was measured, durations as people read them. */
class ReportSummaryTest {

    static final ReportPeriod WEEK = new ReportPeriod(ReportPeriod.Length.WEEK, LocalDate.parse("2026-11-02"),
            LocalDate.parse("2026-11-08"));

    @Test
    void theLineNamesThePeriodTheTotalsAndTheLink() {
        ReportSummary summary = new ReportSummary(3, 143, 120, 100, 100 * 754_000L, 40, 170);
        assertThat(summary.firstResponseAvgS()).isEqualTo(754.0);
        assertThat(summary.csatAvg()).isEqualTo(4.25);
        assertThat(summary.text("acme", WEEK, "https://r.example.com/v1/reports/12")).isEqualTo("DeskPulse week report "
                + "2026-11-02..2026-11-08 (acme): 143 tickets created, 120 resolved, first response 13 min on average, "
                + "CSAT 4.25 (40 ratings). https://r.example.com/v1/reports/12");
    }

    @Test
    void whatWasNotMeasuredHasNoAverage() {
        ReportSummary empty = new ReportSummary(0, 0, 0, 0, 0, 0, 0);
        assertThat(empty.firstResponseAvgS()).isNull();
        assertThat(empty.csatAvg()).isNull();
        assertThat(empty.text("acme", WEEK, "L")).isEqualTo("DeskPulse week report 2026-11-02..2026-11-08 (acme): "
                + "0 tickets created, 0 resolved. L");
        assertThat(new ReportSummary(1, 1, 1, 0, 0, 1, 5).text("acme", WEEK, "L")).endsWith("CSAT 5.00 (1 rating). L");
    }

    @Test
    void durationsReadAsSecondsMinutesOrHours() {
        assertThat(ReportSummary.duration(95.4)).isEqualTo("95 s");
        assertThat(ReportSummary.duration(720)).isEqualTo("12 min");
        assertThat(ReportSummary.duration(12_240)).isEqualTo("3.4 h");
    }
}
