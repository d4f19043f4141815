package io.deskpulse.reporting.rest.request;

import io.deskpulse.reporting.domain.ParameterError;
import io.deskpulse.reporting.domain.TenantReporting;
import io.deskpulse.reporting.domain.kpi.Dimension;
import io.deskpulse.reporting.domain.kpi.KpiQuery;
import io.deskpulse.reporting.domain.scorecard.ScorecardQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Set;

/**
 * The parameters of {@code GET /v1/scorecards}: its own ({@code dimension} agent or team, {@code model_version})
 * are checked here, the rest — members, dates, zone, granularity, paging, format — by {@link KpiRequestParser},
 * exactly as for {@code /v1/kpis}. One 400 lists every bad parameter, in the documented order.
 */
@ApplicationScoped
public class ScorecardRequestParser {

    static final List<String> PARAMETERS = List.of("dimension", KpiRequestParser.ID, "team", "from", "to", "granularity",
            "tz", "model_version", "limit", "cursor", "format");

    private final KpiRequestParser kpis;

    public ScorecardRequestParser(KpiRequestParser kpis) {
        this.kpis = kpis;
    }

    public ParsedRequest<ScorecardQuery> parse(String tenant, TenantReporting state, MultivaluedMap<String, String> params) {
        QueryParameters p = new QueryParameters(params, PARAMETERS, Set.of(KpiRequestParser.ID));
        Dimension dimension = p.choice("dimension", text -> Dimension.parse(text).filter(Dimension::isPeople),
                "agent, team").orElse(p.get("dimension") != null ? null : Dimension.AGENT);
        Integer modelVersion = null;
        String version = p.get("model_version");
        if (version != null && version.matches("\\d{1,9}")) {
            modelVersion = Integer.parseInt(version);
        } else if (version != null) {
            p.error("model_version", "must be a scoring models version number (0: the catalog's models), got "
                    + ParameterError.quote(version));
        }
        // The metrics are the models' (ScorecardService): none are asked for here.
        ParsedRequest<KpiQuery> request = kpis.parse(tenant, state, p, dimension, List.of());
        return new ParsedRequest<>(new ScorecardQuery(request.query(), modelVersion), request.format());
    }
}
