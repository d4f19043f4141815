package io.deskpulse.reporting.rest.request;

import io.deskpulse.reporting.config.ReportingConfig;
import io.deskpulse.reporting.domain.TenantReporting;
import io.deskpulse.reporting.domain.risk.AtRiskQuery;
import io.deskpulse.reporting.domain.risk.CustomerRisk;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The parameters of {@code GET /v1/customers/at-risk} into an {@link AtRiskQuery}, or one 400 listing every bad one. */
@ApplicationScoped
public class AtRiskRequestParser {

    static final List<String> PARAMETERS = List.of("as_of", "tz", "min_score", "limit", "cursor", "format");
    /** The catalog's window: the last 30 days. */
    static final int WINDOW_DAYS = 30;

    private final ReportingConfig config;
    private final Clock clock;

    public AtRiskRequestParser(ReportingConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }


    public ParsedRequest<AtRiskQuery> parse(String tenant, TenantReporting state, MultivaluedMap<String, String> params) {
        QueryParameters p = new QueryParameters(params, PARAMETERS, Set.of());
        Optional<LocalDate> asOf = p.date("as_of");
        ZoneId zone = p.zone(state);
        Integer minScore = p.integer("min_score", 1, 0, CustomerRisk.MAX_SCORE);
        Integer limit = p.integer("limit", config.defaultLimit(), 1, config.maxLimit());
        Representation format = p.format().orElse(null);
        if (!p.valid()) {
            p.cursor(null, 2);
            p.requireValid();
        }
        AtRiskQuery query = new AtRiskQuery(tenant, asOf.orElseGet(() -> LocalDate.now(clock.withZone(zone))), zone,
                WINDOW_DAYS, minScore, limit, null);
        Optional<List<String>> key = p.cursor(query.fingerprint(), 2);
        if (key.isPresent() && !key.get().get(0).matches("\\d{1,3}")) {
            p.error("cursor", "is not a cursor returned by this API");
        }
        p.requireValid();
        return new ParsedRequest<>(key.map(query::after).orElse(query), format);
    }
}
