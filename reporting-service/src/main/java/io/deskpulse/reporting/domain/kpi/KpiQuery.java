package io.deskpulse.reporting.domain.kpi;

import io.deskpulse.reporting.domain.Cursors;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.TreeSet;

/**
 * A validated {@code GET /v1/kpis} request. {@code generation} is the tenant's active generation of
 * kpi_hourly, the only one read. {@code team} and {@code channel} are null when not filtered;
 * {@code ids} is empty when not filtered; {@code after} is the last row of the previous page, or null
 * on the first page.
 */
public record KpiQuery(String tenant, int generation, Dimension dimension, List<String> ids, String team, String channel,
                       LocalDate from, LocalDate to, Granularity granularity, ZoneId zone, boolean daily,
                       List<Metric> metrics, int limit, PageKey after) {

    /** The first instant of the report: midnight of {@code from} in the zone (or the first hour after a gap). */
    public Instant start() {
        return startOfDay(from);
    }

    /** The end (exclusive) of the report: midnight after {@code to} in the zone. */
    public Instant end() {
        return startOfDay(to.plusDays(1));
    }

    public Instant startOfDay(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }

    public KpiQuery after(PageKey key) {
        return new KpiQuery(tenant, generation, dimension, ids, team, channel, from, to, granularity, zone, daily, metrics,
                limit, key);
    }

    /**
     * What decides the rows and their order, hashed: a cursor carries it, so a cursor is only
     * accepted by the query it came from (metrics and limit may change between pages). The
     * generation is not part of it: a recomputation completing between two pages is new data, like
     * any other, and the keyset still neither skips nor repeats a row.
     */
    public String fingerprint() {
        return Cursors.fingerprint(tenant, dimension.label(), String.join(",", new TreeSet<>(ids)),
                String.valueOf(team), String.valueOf(channel), from.toString(), to.toString(),
                granularity.label(), zone.getId());
    }
}
