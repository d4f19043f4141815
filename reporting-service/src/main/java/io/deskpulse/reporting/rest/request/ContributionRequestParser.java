package io.deskpulse.reporting.rest.request;

import io.deskpulse.reporting.config.ReportingConfig;
import io.deskpulse.reporting.domain.Channels;
import io.deskpulse.reporting.domain.ParameterError;
import io.deskpulse.reporting.domain.TenantReporting;
import io.deskpulse.reporting.domain.contribution.ContributionCursors;
import io.deskpulse.reporting.domain.contribution.ContributionQuery;
import io.deskpulse.reporting.domain.contribution.ContributionsNotKeptException;
import io.deskpulse.reporting.domain.kpi.Dimension;
import io.deskpulse.reporting.domain.kpi.Granularity;
import io.deskpulse.reporting.domain.kpi.Metric;
import io.deskpulse.reporting.domain.kpi.MetricCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The parameters of {@code GET /v1/kpis/contributions} into a {@link ContributionQuery}, or one 400 listing every bad
 * one. The cell is named as {@code /v1/kpis} names it: dimension and id, team, channel, granularity, the row's
 * {@code period}, tz, and the {@code from}/{@code to} of the report when they cut the period.
 */
@ApplicationScoped
public class ContributionRequestParser {

    /** Every parameter, in the documented order, which is also the order of the errors. */
    static final List<String> PARAMETERS = List.of("metric", "dimension", KpiRequestParser.ID, "team", "channel",
            "granularity", "period", "from", "to", "tz", "limit", "cursor", "format");

    private final ReportingConfig config;

    public ContributionRequestParser(ReportingConfig config) {
        this.config = config;
    }

    public ParsedRequest<ContributionQuery> parse(String tenant, TenantReporting state, MultivaluedMap<String, String> params) {
        QueryParameters p = new QueryParameters(params, PARAMETERS, Set.of());
        List<ParameterError> errors = p.errors();
        Metric metric = metric(p);
        Dimension dimension = p.choice("dimension", Dimension::parse, "tenant, team, agent")
                .orElse(p.get("dimension") != null ? null : Dimension.TENANT);
        String id = p.get(KpiRequestParser.ID);
        if (id != null && dimension == Dimension.TENANT) {
            p.error(KpiRequestParser.ID, "is only allowed with dimension=team or dimension=agent");
        } else if (id == null && dimension != null && dimension != Dimension.TENANT) {
            p.error(KpiRequestParser.ID, "is required with dimension=" + dimension.label()
                    + ": the team or agent of the cell");
        } else {
            MemberParameters.id(KpiRequestParser.ID, id, errors);
        }
        String team = MemberParameters.team(p.get("team"), dimension, errors);
        String channel = p.choice("channel", Channels::parse, String.join(", ", Channels.ALL)).orElse(null);
        Granularity granularity = p.choice("granularity", Granularity::parse, "day, week, month, total")
                .orElse(p.get("granularity") != null ? null : Granularity.DAY);
        Optional<LocalDate> period = p.date("period");
        if (p.get("period") == null) {
            p.error("period", "is required: the period of the /v1/kpis row (its first day)");
        }
        Optional<LocalDate> from = p.date("from");
        Optional<LocalDate> to = p.date("to");
        ZoneId zone = p.zone(state);
        LocalDate[] cell = granularity == null || period.isEmpty() ? null : cell(p, granularity, period.get(), from, to);
        if (cell != null && !p.badDate("from", from) && !p.badDate("to", to)) {
            // The zone's whole-hour rule and the longest range, as /v1/kpis checks them for its report.
            DateRange.parse(cell[0].toString(), cell[1].toString(), zone, p.get("tz") == null, cell[1], 1,
                    config.maxRangeDays(), errors);
        }
        Integer limit = p.integer("limit", config.defaultLimit(), 1, config.maxLimit());
        p.format();
        if (!p.valid() || cell == null) {
            p.cursor(null, ContributionCursors.FIELDS);
            p.requireValid();
        }
        if (!state.keepsContributions()) {
            throw new ContributionsNotKeptException();
        }
        ContributionQuery query = new ContributionQuery(tenant, state.generation(), metric, dimension,
                dimension == Dimension.TENANT ? null : id, team, channel, granularity, period.orElseThrow(), cell[0],
                cell[1], zone, limit, null);
        Optional<List<String>> key = p.cursor(query.fingerprint(), ContributionCursors.FIELDS);
        p.requireValid();
        if (key.isPresent()) {
            try {
                query = query.after(ContributionCursors.key(key.get()));
            } catch (IllegalArgumentException e) {
                p.error("cursor", e.getMessage());
                p.requireValid();
            }
        }
        return new ParsedRequest<>(query, p.format().orElse(null));
    }

    private static Metric metric(QueryParameters p) {
        String name = p.get("metric");
        if (name == null) {
            p.error("metric", "is required: one metric of the catalog; known: " + String.join(", ", MetricCatalog.names()));
            return null;
        }
        Optional<Metric> metric = MetricCatalog.find(name.trim());
        if (metric.isEmpty()) {
            p.error("metric", "unknown metric " + ParameterError.quote(name) + "; known: "
                    + String.join(", ", MetricCatalog.names()));
        }
        return metric.orElse(null);
    }

    /**
     * The cell's first and last local day: the period that starts on {@code period}, cut by from and to as /v1/kpis
     * cuts its edge periods; null (with an error) when there is none.
     */
    private static LocalDate[] cell(QueryParameters p, Granularity granularity, LocalDate period, Optional<LocalDate> from,
            Optional<LocalDate> to) {
        if (granularity == Granularity.WEEK && period.getDayOfWeek() != DayOfWeek.MONDAY) {
            p.error("period", "must be a Monday with granularity=week (the ISO week's first day); got " + period);
            return null;
        }
        if (granularity == Granularity.MONTH && period.getDayOfMonth() != 1) {
            p.error("period", "must be the first of a month with granularity=month; got " + period);
            return null;
        }
        if (granularity == Granularity.TOTAL && to.isEmpty()) {
            p.error("to", "is required with granularity=total: the last day of the report");
            return null;
        }
        LocalDate first = from.filter(f -> f.isAfter(period)).orElse(period);
        LocalDate periodLast = granularity.nextPeriodStart(period, to.orElse(null)).minusDays(1);
        LocalDate last = to.filter(t -> t.isBefore(periodLast)).orElse(periodLast);
        if (first.isAfter(last)) {
            p.error("period", "the period " + period + ".." + periodLast + " has no day between from and to");
            return null;
        }
        return new LocalDate[] {first, last};
    }
}
