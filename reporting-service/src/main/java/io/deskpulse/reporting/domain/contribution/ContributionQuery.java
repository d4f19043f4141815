package io.deskpulse.reporting.domain.contribution;

import io.deskpulse.reporting.domain.Cursors;
import io.deskpulse.reporting.domain.kpi.Dimension;
import io.deskpulse.reporting.domain.kpi.Granularity;
import io.deskpulse.reporting.domain.kpi.Metric;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A validated {@code GET /v1/kpis/contributions} request: one cell of {@code /v1/kpis} (the member, channel and
 * the local days {@code first..last} of one period in {@code zone}) and one metric. {@code id} is null for the
 * tenant; {@code team} only narrows an agent's cell. {@code after}: the last row of the previous page.
 */
public record ContributionQuery(String tenant, int generation, Metric metric, Dimension dimension, String id,
        String team, String channel, Granularity granularity, LocalDate period, LocalDate first, LocalDate last,
        ZoneId zone, int limit, PageKey after) {

    /** Rows are ordered by (at, row id, copy): copy counts equal contributions of one item from 1. */
    public record PageKey(Instant at, long rowId, int copy) {
    }

    public Instant start() {
        return first.atStartOfDay(zone).toInstant();
    }

    public Instant end() {
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public ContributionQuery after(PageKey key) {
        return new ContributionQuery(tenant, generation, metric, dimension, id, team, channel, granularity, period, first,
                last, zone, limit, key);
    }

    /** What decides the rows and their order: a cursor is only accepted by the query it came from. */
    public String fingerprint() {
        return Cursors.fingerprint("contributions", tenant, metric.name(),
                dimension.label(), String.valueOf(id), String.valueOf(team), String.valueOf(channel), first.toString(),
                last.toString(), zone.getId());
    }
}
