package io.deskpulse.reporting.rest.request;

import io.deskpulse.reporting.config.ReportingConfig;
import io.deskpulse.reporting.domain.ParameterError;
import io.deskpulse.reporting.domain.ReportZones;
import io.deskpulse.reporting.domain.TenantReporting;
import io.deskpulse.reporting.domain.kpi.Granularity;
import io.deskpulse.reporting.domain.risk.BacktestQuery;
import io.deskpulse.reporting.domain.risk.ChurnQuery;
import io.deskpulse.reporting.domain.risk.CustomerRisk;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parameters of {@code GET /v1/customers/churn} and {@code GET /v1/customers/at-risk/backtest} into their
 * queries, or one 400 listing every bad one. Both read days {@code from}..{@code to} in {@code tz}; the ranges are
 * bounded because the back-test replays the list day by day.
 */
@ApplicationScoped
public class ChurnRequestParser {

    static final List<String> CHURN_PARAMETERS = List.of("from", "to", "granularity", "tz", "limit", "cursor", "format");
    static final List<String> BACKTEST_PARAMETERS = List.of("from", "to", "horizon_days", "thresholds", "tz", "limit",
            "cursor", "format");
    /** Churn is counted by the month: the default range is the last 90 days, by month. */
    static final int DEFAULT_DAYS = 90;
    static final int MAX_DAYS = 366;
    static final int DEFAULT_HORIZON_DAYS = 30;
    static final List<Integer> DEFAULT_THRESHOLDS = List.of(25, 50, 75);
    static final int MAX_THRESHOLDS = 20;

    private final ReportingConfig config;
    private final Clock clock;

    public ChurnRequestParser(ReportingConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public ParsedRequest<ChurnQuery> churn(String tenant, TenantReporting state, MultivaluedMap<String, String> params) {
        QueryParameters p = new QueryParameters(params, CHURN_PARAMETERS, Set.of());
        Optional<DateRange> range = range(p, state);
        Granularity granularity = p.choice("granularity", Granularity::parse, "day, week, month, total")
                .orElse(Granularity.MONTH);
        Integer limit = p.integer("limit", config.defaultLimit(), 1, config.maxLimit());
        Representation format = p.format().orElse(null);
        if (!p.valid()) {
            p.cursor(null, 1);
            p.requireValid();
        }
        ChurnQuery query = new ChurnQuery(tenant, range.orElseThrow().from(), range.orElseThrow().to(), p.zone(state),
                granularity, limit, null);
        Optional<List<String>> key = p.cursor(query.fingerprint(), 1);
        Optional<LocalDate> after = Optional.empty();
        if (key.isPresent()) {
            try {
                after = Optional.of(LocalDate.parse(key.get().get(0)));
            } catch (java.time.format.DateTimeParseException e) {
                p.error("cursor", io.deskpulse.reporting.domain.Cursors.NOT_OURS);
            }
        }
        p.requireValid();
        return new ParsedRequest<>(after.map(query::after).orElse(query), format);
    }

    public ParsedRequest<BacktestQuery> backtest(String tenant, TenantReporting state,
            MultivaluedMap<String, String> params) {
        QueryParameters p = new QueryParameters(params, BACKTEST_PARAMETERS, Set.of());
        Optional<DateRange> range = range(p, state);
        Integer horizon = p.integer("horizon_days", DEFAULT_HORIZON_DAYS, 1, MAX_DAYS);
        List<Integer> thresholds = thresholds(p);
        Integer limit = p.integer("limit", config.defaultLimit(), 1, config.maxLimit());
        Representation format = p.format().orElse(null);
        if (!p.valid()) {
            p.cursor(null, 1);
            p.requireValid();
        }
        BacktestQuery query = new BacktestQuery(tenant, range.orElseThrow().from(), range.orElseThrow().to(),
                p.zone(state), horizon, AtRiskRequestParser.WINDOW_DAYS, thresholds, limit, null);
        Optional<List<String>> key = p.cursor(query.fingerprint(), 1);
        if (key.isPresent() && !key.get().get(0).matches("\\d{1,3}")) {
            p.error("cursor", io.deskpulse.reporting.domain.Cursors.NOT_OURS);
        }
        p.requireValid();
        return new ParsedRequest<>(key.map(k -> query.after(Integer.parseInt(k.get(0)))).orElse(query), format);
    }

    private Optional<DateRange> range(QueryParameters p, TenantReporting state) {
        ZoneId zone = p.zone(state);
        ZoneId zoneForDefaults = zone != null ? zone : ReportZones.find(state.timeZone()).orElse(ZoneOffset.UTC);
        return DateRange.parse(p.get("from"), p.get("to"), zone, p.get("tz") == null,
                LocalDate.now(clock.withZone(zoneForDefaults)), DEFAULT_DAYS, MAX_DAYS, p.errors());
    }

    /** A comma list of distinct scores 1..100, ascending; at most 20. */
    private static List<Integer> thresholds(QueryParameters p) {
        String text = p.get("thresholds");
        if (text == null) {
            return DEFAULT_THRESHOLDS;
        }
        TreeSet<Integer> values = new TreeSet<>();
        for (String part : text.split(",", -1)) {
            try {
                int value = Integer.parseInt(part.trim());
                if (value >= 1 && value <= CustomerRisk.MAX_SCORE) {
                    values.add(value);
                    continue;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            p.error("thresholds", "must be a comma list of integers from 1 to " + CustomerRisk.MAX_SCORE + "; got "
                    + ParameterError.quote(text));
            return DEFAULT_THRESHOLDS;
        }
        if (values.size() > MAX_THRESHOLDS) {
            p.error("thresholds", "must list at most " + MAX_THRESHOLDS + " scores; got " + values.size());
        }
        return List.copyOf(values);
    }
}
