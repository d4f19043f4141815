package io.deskpulse.reporting.rest.request;

import io.deskpulse.reporting.config.ReportingConfig;
import io.deskpulse.reporting.domain.kpi.Dimension;
import io.deskpulse.reporting.domain.report.PeriodReportQuery;
import io.deskpulse.reporting.domain.report.PeriodReportTeamsQuery;
import io.deskpulse.reporting.domain.report.UnknownReportException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The parameters of {@code GET /v1/reports} and of one report's pages ({@code /v1/reports/{id}} and its
 * scorecards) into their queries, or one 400 listing every bad one.
 */
@ApplicationScoped
public class PeriodReportRequestParser {

    static final List<String> LIST_PARAMETERS = List.of("granularity", "from", "to", "limit", "cursor", "format");
    static final List<String> REPORT_PARAMETERS = List.of("dimension", "limit", "cursor", "format");
    private static final List<String> GRANULARITIES = List.of("day", "week", "month");
    private static final String ID = "\\d{1,18}";

    private final ReportingConfig config;

    public PeriodReportRequestParser(ReportingConfig config) {
        this.config = config;
    }

    public ParsedRequest<PeriodReportQuery> list(String tenant, MultivaluedMap<String, String> params) {
        QueryParameters p = new QueryParameters(params, LIST_PARAMETERS, Set.of());
        String granularity = p.choice("granularity", text -> Optional.of(text).filter(GRANULARITIES::contains),
                String.join(", ", GRANULARITIES)).orElse(null);
        Optional<LocalDate> from = p.date("from");
        Optional<LocalDate> to = p.date("to");
        Integer limit = p.integer("limit", config.defaultLimit(), 1, config.maxLimit());
        Representation format = p.format().orElse(null);
        if (!p.valid()) {
            p.cursor(null, 2);
            p.requireValid();
        }
        PeriodReportQuery query = new PeriodReportQuery(tenant, granularity, from.orElse(null), to.orElse(null), limit,
                null, null);
        Optional<List<String>> key = p.cursor(query.fingerprint(), 2);
        Optional<PeriodReportQuery> after = key.flatMap(k -> after(query, k));
        if (key.isPresent() && after.isEmpty()) {
            p.error("cursor", "is not a cursor returned by this API");
        }
        p.requireValid();
        return new ParsedRequest<>(after.orElse(query), format);
    }

    /** {@code id} is the path segment: one that cannot be a report's id is a report the tenant does not have (404). */
    public ParsedRequest<PeriodReportTeamsQuery> report(String tenant, String id, MultivaluedMap<String, String> params) {
        if (!id.matches(ID)) {
            throw new UnknownReportException(id);
        }
        QueryParameters p = new QueryParameters(params, REPORT_PARAMETERS, Set.of());
        Dimension dimension = p.choice("dimension", text -> Dimension.parse(text).filter(Dimension::isPeople),
                "team, agent").orElse(p.get("dimension") != null ? null : Dimension.TEAM);
        Integer limit = p.integer("limit", config.defaultLimit(), 1, config.maxLimit());
        Representation format = p.format().orElse(null);
        if (!p.valid()) {
            p.cursor(null, 1);
            p.requireValid();
        }
        PeriodReportTeamsQuery query = new PeriodReportTeamsQuery(tenant, Long.parseLong(id), dimension, limit, null);
        Optional<List<String>> key = p.cursor(query.fingerprint(), 1);
        p.requireValid();
        return new ParsedRequest<>(key.map(k -> query.after(k.get(0))).orElse(query), format);
    }

    private static Optional<PeriodReportQuery> after(PeriodReportQuery query, List<String> key) {
        if (!key.get(0).matches("\\d{4}-\\d{2}-\\d{2}") || !key.get(1).matches(ID)) {
            return Optional.empty();
        }
        try {
            return Optional.of(query.after(LocalDate.parse(key.get(0)), Long.parseLong(key.get(1))));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
