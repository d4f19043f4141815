package io.deskpulse.scoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Which periods have closed, with backfill and the tenant's first day. */
class ReportPeriodTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 11); // a Wednesday

    @Test
    void closedDaysWeeksAndMonths() {
        assertThat(ReportPeriod.closed(ReportPeriod.Length.DAY, TODAY, 3, LocalDate.of(2020, 1, 1))).containsExactly(
                new ReportPeriod(ReportPeriod.Length.DAY, LocalDate.of(2026, 11, 8), LocalDate.of(2026, 11, 8)),
                new ReportPeriod(ReportPeriod.Length.DAY, LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 9)),
                new ReportPeriod(ReportPeriod.Length.DAY, LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 10)));
        assertThat(ReportPeriod.closed(ReportPeriod.Length.WEEK, TODAY, 2, LocalDate.of(2020, 1, 1))).containsExactly(
                new ReportPeriod(ReportPeriod.Length.WEEK, LocalDate.of(2026, 10, 26), LocalDate.of(2026, 11, 1)),
                new ReportPeriod(ReportPeriod.Length.WEEK, LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 8)));
        assertThat(ReportPeriod.closed(ReportPeriod.Length.MONTH, LocalDate.of(2026, 3, 1), 2, LocalDate.of(2020, 1, 1)))
                .containsExactly(
                        new ReportPeriod(ReportPeriod.Length.MONTH, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)),
                        new ReportPeriod(ReportPeriod.Length.MONTH, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
    }

    @Test
    void nothingEndsBeforeTheFirstDayWithData() {
        assertThat(ReportPeriod.closed(ReportPeriod.Length.DAY, TODAY, 7, LocalDate.of(2026, 11, 9)))
                .extracting(ReportPeriod::start).containsExactly(LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 10));
        // a week that ends on the first day is kept: it holds data
        assertThat(ReportPeriod.closed(ReportPeriod.Length.WEEK, TODAY, 7, LocalDate.of(2026, 11, 1)))
                .extracting(ReportPeriod::start).containsExactly(LocalDate.of(2026, 10, 26), LocalDate.of(2026, 11, 2));
        assertThat(ReportPeriod.closed(ReportPeriod.Length.MONTH, TODAY, 7, LocalDate.of(2026, 11, 1))).isEmpty();
    }
}
