package io.deskpulse.reporting.domain.risk;

import io.deskpulse.reporting.domain.Cursors;
import io.deskpulse.reporting.domain.kpi.Granularity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A validated {@code GET /v1/customers/churn}: the days {@code from}..{@code to} in {@code zone}, by {@code granularity};
 * pages of {@code limit} periods after {@code after} (null: the first).
 */
public record ChurnQuery(String tenant, LocalDate from, LocalDate to, ZoneId zone, Granularity granularity, int limit,
        LocalDate after) {

    public ChurnQuery after(LocalDate period) {
        return new ChurnQuery(tenant, from, to, zone, granularity, limit, period);
    }

    public String fingerprint() {
        return Cursors.fingerprint("churn", tenant, from.toString(), to.toString(), zone.getId(), granularity.label());
    }

    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
