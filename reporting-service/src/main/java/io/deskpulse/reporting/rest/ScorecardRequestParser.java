package io.deskpulse.reporting.rest;

import io.deskpulse.reporting.service.Dimension;
import io.deskpulse.reporting.service.InvalidParametersException;
import io.deskpulse.reporting.service.ParameterError;
import io.deskpulse.reporting.service.TenantReporting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    public ScorecardRequest parse(String tenant, TenantReporting state, MultivaluedMap<String, String> params) {
        List<ParameterError> errors = new ArrayList<>();
        MultivaluedMap<String, String> shared = new MultivaluedHashMap<>();
        Dimension dimension = Dimension.AGENT;
        Integer modelVersion = null;
        // In name order: the errors of unknown parameters then come in one order whatever the URL's.
        for (Map.Entry<String, List<String>> entry : new TreeMap<>(params).entrySet()) {
            String name = entry.getKey();
            List<String> values = entry.getValue();
            if (!PARAMETERS.contains(name)) {
                errors.add(new ParameterError(name, "is not a parameter of this endpoint (known: "
                        + String.join(", ", PARAMETERS) + ")"));
            } else if (values.size() > 1 && !name.equals(KpiRequestParser.ID)) {
                errors.add(new ParameterError(name, "must be given at most once"));
            } else if (name.equals("dimension")) {
                dimension = Dimension.parse(values.get(0)).filter(d -> d != Dimension.TENANT).orElse(null);
                if (dimension == null) {
                    errors.add(new ParameterError(name, "must be one of: agent, team; got "
                            + ParameterError.quote(values.get(0))));
                }
            } else if (name.equals("model_version")) {
                modelVersion = modelVersion(values.get(0), errors);
            } else {
                shared.put(name, values);
            }
        }
        // A bad dimension is reported above; the shared checks then run as for agents, so they add no error of their own.
        shared.putSingle("dimension", (dimension == null ? Dimension.AGENT : dimension).label());
        KpiRequest request = null;
        try {
            request = kpis.parse(tenant, state, shared);
        } catch (InvalidParametersException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            List<ParameterError> sorted = new ArrayList<>(errors);
            sorted.sort(Comparator.comparingInt(e -> PARAMETERS.contains(e.field())
                    ? PARAMETERS.indexOf(e.field()) : PARAMETERS.size()));
            throw new InvalidParametersException(sorted);
        }
        return new ScorecardRequest(request.query(), modelVersion, request.format());
    }

    private static Integer modelVersion(String text, List<ParameterError> errors) {
        if (text.matches("\\d{1,9}")) {
            return Integer.parseInt(text);
        }
        errors.add(new ParameterError("model_version", "must be a scoring models version number (0: the catalog's "
                + "models), got " + ParameterError.quote(text)));
        return null;
    }
}
