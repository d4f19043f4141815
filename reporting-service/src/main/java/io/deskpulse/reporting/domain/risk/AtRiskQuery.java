package io.deskpulse.reporting.domain.risk;

import io.deskpulse.reporting.domain.Cursors;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A validated {@code GET /v1/customers/at-risk} request: the window is the {@code days} local days ending
 * {@code asOf} (inclusive) in {@code zone}; customers scoring at least {@code minScore}; {@code after} is
 * the last row of the previous page (null: the first).
 */
public record AtRiskQuery(String tenant, LocalDate asOf, ZoneId zone, int days, int minScore, int limit,
        List<String> after) {

    public LocalDate windowFrom() {
        return asOf.minusDays(days - 1L);
    }

    public Instant start() {
        return windowFrom().atStartOfDay(zone).toInstant();
    }

    public Instant end() {
        return asOf.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public AtRiskQuery after(List<String> key) {
        return new AtRiskQuery(tenant, asOf, zone, days, minScore, limit, key);
    }

    public String fingerprint() {
        return Cursors.fingerprint("at-risk", tenant, asOf.toString(), zone.getId(), Integer.toString(minScore));
    }
}
