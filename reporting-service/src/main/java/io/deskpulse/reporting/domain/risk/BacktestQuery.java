package io.deskpulse.reporting.domain.risk;

import io.deskpulse.reporting.domain.Cursors;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A validated {@code GET /v1/customers/at-risk/backtest}: customers who churned on the days {@code from}..{@code to}
 * (in {@code zone}); the at-risk list replayed as of the end of each day from {@code from - horizonDays} to
 * {@code to - 1}, each over its {@code windowDays}-day window; {@code thresholds} ascending; pages of {@code limit}
 * thresholds after {@code after} (null: the first).
 */
public record BacktestQuery(String tenant, LocalDate from, LocalDate to, ZoneId zone, int horizonDays, int windowDays,
        List<Integer> thresholds, int limit, Integer after) {

    public BacktestQuery {
        thresholds = List.copyOf(thresholds);
    }

    public BacktestQuery after(int threshold) {
        return new BacktestQuery(tenant, from, to, zone, horizonDays, windowDays, thresholds, limit, threshold);
    }

    /** The thresholds of this page. */
    public List<Integer> pageThresholds() {
        return thresholds.stream().filter(t -> after == null || t > after).limit(limit).toList();
    }

    /** Whether thresholds follow this page. */
    public boolean morePages() {
        return thresholds.stream().filter(t -> after == null || t > after).count() > limit;
    }

    public String fingerprint() {
        return Cursors.fingerprint("backtest", tenant, from.toString(), to.toString(), zone.getId(),
                Integer.toString(horizonDays), thresholds.toString());
    }

    /** The first day the list is replayed as of. */
    public LocalDate firstListDay() {
        return from.minusDays(horizonDays);
    }

    /** The last day the list is replayed as of: the day before the last churn day. */
    public LocalDate lastListDay() {
        return to.minusDays(1);
    }

    /** Where the data the replay reads begins: the window of the first list day. */
    public Instant dataStart() {
        return firstListDay().minusDays(windowDays - 1L).atStartOfDay(zone).toInstant();
    }

    /** Where the data the replay reads ends (exclusive): the end of the last list day. */
    public Instant dataEnd() {
        return to.atStartOfDay(zone).toInstant();
    }

    public Instant churnStart() {
        return from.atStartOfDay(zone).toInstant();
    }

    public Instant churnEnd() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
