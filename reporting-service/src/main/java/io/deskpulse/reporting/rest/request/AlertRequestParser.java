package io.deskpulse.reporting.rest.request;

import io.deskpulse.reporting.config.ReportingConfig;
import io.deskpulse.reporting.domain.ParameterError;
import io.deskpulse.reporting.domain.alert.AlertQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The parameters of {@code GET /v1/alerts} into an {@link AlertQuery}, or one 400 listing every bad one. */
@ApplicationScoped
public class AlertRequestParser {

    static final List<String> PARAMETERS = List.of("state", "rule", "since", "limit", "cursor", "format");
    public static final int MAX_RULES = 100;
    private static final String ID = "\\d{1,18}";

    private final ReportingConfig config;

    public AlertRequestParser(ReportingConfig config) {
        this.config = config;
    }

    public ParsedRequest<AlertQuery> parse(String tenant, MultivaluedMap<String, String> params) {
        QueryParameters p = new QueryParameters(params, PARAMETERS, Set.of("rule"));
        String state = p.choice("state", text -> Optional.of(text).filter(s -> s.equals("raised") || s.equals("resolved")),
                "raised, resolved").orElse(null);
        List<Long> rules = new ArrayList<>();
        for (String rule : p.all("rule")) {
            if (rule.matches(ID)) {
                rules.add(Long.parseLong(rule));
            } else {
                p.error("rule", "must be an alert rule id (a number), got " + ParameterError.quote(rule));
            }
        }
        if (rules.size() > MAX_RULES) {
            p.error("rule", "may be given at most " + MAX_RULES + " times");
        }
        Instant since = p.instant("since");
        Integer limit = p.integer("limit", config.defaultLimit(), 1, config.maxLimit());
        Representation format = p.format().orElse(null);
        if (!p.valid()) {
            p.cursor(null, 1);
            p.requireValid();
        }
        AlertQuery query = new AlertQuery(tenant, state, List.copyOf(rules), since, limit, null);
        Optional<List<String>> key = p.cursor(query.fingerprint(), 1);
        if (key.isPresent() && !key.get().get(0).matches(ID)) {
            p.error("cursor", "is not a cursor returned by this API");
        }
        p.requireValid();
        return new ParsedRequest<>(key.map(k -> query.after(Long.parseLong(k.get(0)))).orElse(query), format);
    }
}
