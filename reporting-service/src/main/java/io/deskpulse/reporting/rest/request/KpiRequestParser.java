package io.deskpulse.reporting.rest.request;

import io.deskpulse.reporting.config.ReportingConfig;
import io.deskpulse.reporting.domain.Channels;
import io.deskpulse.reporting.domain.ParameterError;
import io.deskpulse.reporting.domain.ReportZones;
import io.deskpulse.reporting.domain.TenantReporting;
import io.deskpulse.reporting.domain.kpi.Dimension;
import io.deskpulse.reporting.domain.kpi.Granularity;
import io.deskpulse.reporting.domain.kpi.KpiQuery;
import io.deskpulse.reporting.domain.kpi.Metric;
import io.deskpulse.reporting.domain.kpi.MetricCatalog;
import io.deskpulse.reporting.domain.kpi.PageKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the query parameters of {@code GET /v1/kpis} into a {@link KpiQuery}, or one 400 listing
 * every bad parameter at once. Unknown parameters are errors too: a misspelt filter that were
 * ignored would return a wider report than asked for, silently. Without {@code tz}, the zone is the
 * tenant's (its settings' {@code time_zone}, from {@link TenantReporting}), under the same rules as
 * an explicit one.
 */
@ApplicationScoped
public class KpiRequestParser {

    static final String ID = "id";
    /** Every parameter, in the documented order, which is also the order of the errors. */
    static final List<String> PARAMETERS = List.of("dimension", ID, "team", "channel", "from", "to",
            "granularity", "tz", "metrics", "limit", "cursor", "format");

    private static final ZoneId UTC = ZoneId.of("UTC");

    private final ReportingConfig config;
    private final Clock clock;

    public KpiRequestParser(ReportingConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** {@code state}: the tenant's active generation and default time zone (from the report's snapshot). */
    public ParsedRequest<KpiQuery> parse(String tenant, TenantReporting state, MultivaluedMap<String, String> params) {
        QueryParameters p = new QueryParameters(params, PARAMETERS, Set.of(ID));
        Dimension dimension = p.choice("dimension", Dimension::parse, "tenant, team, agent, queue")
                .orElse(p.get("dimension") != null ? null : Dimension.TENANT);
        List<Metric> metrics = metrics(p.get("metrics"), p.errors());
        return parse(tenant, state, p, dimension, metrics);
    }

    /**
     * What every report of KPI rows shares (/v1/kpis, /v1/scorecards): the members ({@code id}, {@code team}), the
     * channel, dates, zone and granularity, paging and format, read from {@code p} (whose documented parameters
     * decide which may be given); {@code dimension} null when it was bad (then with an error). Throws the 400 of
     * every error {@code p} holds.
     */
    ParsedRequest<KpiQuery> parse(String tenant, TenantReporting state, QueryParameters p, Dimension dimension, List<Metric> metrics) {
        List<ParameterError> errors = p.errors();
        List<String> ids = MemberParameters.ids(p.all(ID), dimension, config.maxIds(), errors);
        String team = MemberParameters.team(p.get("team"), dimension, errors);
        String channel = p.choice("channel", Channels::parse, String.join(", ", Channels.ALL)).orElse(null);
        String tz = p.get("tz");
        ZoneId zone = p.zone(state);
        ZoneId zoneForDefaults = zone != null ? zone : ReportZones.find(state.timeZone()).orElse(UTC);
        Optional<DateRange> range = DateRange.parse(p.get("from"), p.get("to"), zone, tz == null,
                LocalDate.now(clock.withZone(zoneForDefaults)), config.defaultRangeDays(), config.maxRangeDays(), errors);
        Granularity granularity = p.choice("granularity", Granularity::parse, "day, week, month, total")
                .orElse(Granularity.DAY);
        Integer limit = p.integer("limit", config.defaultLimit(), 1, config.maxLimit());
        Representation format = p.format().orElse(null);
        if (!p.valid()) {
            p.cursor(null, 2); // the form only: the query it must match is bad anyway
            p.requireValid();
        }
        KpiQuery query = new KpiQuery(tenant, state.generation(), dimension, ids, team, channel, range.orElseThrow().from(),
                range.orElseThrow().to(), granularity, zone, state.hasDailyRowsIn(zone), metrics, limit, null);
        String cursor = p.get("cursor");
        if (cursor != null && !cursor.isEmpty()) {
            try {
                query = query.after(PageKey.ofCursor(cursor, query.fingerprint()));
            } catch (IllegalArgumentException e) {
                p.error("cursor", e.getMessage());
                p.requireValid();
            }
        }
        return new ParsedRequest<>(query, format);
    }

    private static List<Metric> metrics(String text, List<ParameterError> errors) {
        if (text == null) {
            return MetricCatalog.METRICS;
        }
        Set<Metric> metrics = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String name : text.split(",")) {
            if (!name.isBlank()) {
                MetricCatalog.find(name.trim()).ifPresentOrElse(metrics::add, () -> unknown.add(ParameterError.quote(name.trim())));
            }
        }
        if (!unknown.isEmpty()) {
            errors.add(new ParameterError("metrics", "unknown metric " + String.join(", ", unknown)
                    + "; known: " + String.join(", ", MetricCatalog.names())));
        } else if (metrics.isEmpty()) {
            errors.add(new ParameterError("metrics", "must name at least one metric; known: "
                    + String.join(", ", MetricCatalog.names())));
        }
        return List.copyOf(metrics);
    }

}
