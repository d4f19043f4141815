package io.deskpulse.reporting.rest;

import io.deskpulse.reporting.config.ReportingConfig;
import io.deskpulse.reporting.service.Channels;
import io.deskpulse.reporting.service.Cursors;
import io.deskpulse.reporting.service.Dimension;
import io.deskpulse.reporting.service.Granularity;
import io.deskpulse.reporting.service.InvalidParametersException;
import io.deskpulse.reporting.service.KpiQuery;
import io.deskpulse.reporting.service.Metric;
import io.deskpulse.reporting.service.MetricCatalog;
import io.deskpulse.reporting.service.PageKey;
import io.deskpulse.reporting.service.ParameterError;
import io.deskpulse.reporting.service.ReportZones;
import io.deskpulse.reporting.service.TenantReporting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

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
    public KpiRequest parse(String tenant, TenantReporting state, MultivaluedMap<String, String> params) {
        List<ParameterError> errors = new ArrayList<>();
        Map<String, String> single = singleValues(params, errors);
        Dimension dimension = choice(single, "dimension", Dimension::parse, "tenant, team, agent", errors)
                .orElse(single.containsKey("dimension") ? null : Dimension.TENANT);
        List<String> ids = MemberParameters.ids(params.getOrDefault(ID, List.of()), dimension, config.maxIds(), errors);
        String team = MemberParameters.team(single.get("team"), dimension, errors);
        String channel = choice(single, "channel", Channels::parse, String.join(", ", Channels.ALL), errors)
                .orElse(null);
        String tz = single.get("tz");
        ZoneId zone = tz != null ? zone(tz, errors) : defaultZone(state, errors);
        ZoneId zoneForDefaults = zone != null ? zone : ReportZones.find(state.timeZone()).orElse(UTC);
        Optional<DateRange> range = DateRange.parse(single.get("from"), single.get("to"), zone, tz == null,
                LocalDate.now(clock.withZone(zoneForDefaults)), config.defaultRangeDays(), config.maxRangeDays(), errors);
        Granularity granularity = choice(single, "granularity", Granularity::parse, "day, week, month, total", errors)
                .orElse(Granularity.DAY);
        List<Metric> metrics = metrics(single.get("metrics"), errors);
        int limit = limit(single.get("limit"), errors);
        Representation format = choice(single, "format", Representation::fromFormat, "json, csv", errors).orElse(null);
        String cursor = single.get("cursor");
        if (!errors.isEmpty()) {
            if (cursor != null && !cursor.isEmpty()) {
                cursorKey(cursor, null, errors); // the form only: the query it must match is bad anyway
            }
            throw new InvalidParametersException(inParameterOrder(errors));
        }
        KpiQuery query = new KpiQuery(tenant, state.generation(), dimension, ids, team, channel, range.orElseThrow().from(),
                range.orElseThrow().to(), granularity, zone, state.hasDailyRowsIn(zone), metrics, limit, null);
        // An empty cursor is the first page: paging tools often send "cursor=" before they have one.
        if (cursor != null && !cursor.isEmpty()) {
            PageKey after = cursorKey(cursor, query.fingerprint(), errors);
            if (after == null) {
                throw new InvalidParametersException(errors);
            }
            query = query.after(after);
        }
        return new KpiRequest(query, format);
    }

    /** Errors in the documented parameter order (unknown parameters last), whatever order they were found in. */
    private static List<ParameterError> inParameterOrder(List<ParameterError> errors) {
        List<ParameterError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingInt(e -> PARAMETERS.contains(e.field())
                ? PARAMETERS.indexOf(e.field()) : PARAMETERS.size()));
        return sorted;
    }

    private static Map<String, String> singleValues(MultivaluedMap<String, String> params, List<ParameterError> errors) {
        Map<String, String> single = new TreeMap<>();
        for (Map.Entry<String, List<String>> entry : new TreeMap<>(params).entrySet()) {
            String name = entry.getKey();
            if (ID.equals(name)) {
                continue;
            }
            if (!PARAMETERS.contains(name)) {
                errors.add(new ParameterError(name, "is not a parameter of this endpoint (known: "
                        + String.join(", ", PARAMETERS) + ")"));
            } else if (entry.getValue().size() > 1) {
                errors.add(new ParameterError(name, "must be given at most once"));
            } else {
                single.put(name, entry.getValue().get(0));
            }
        }
        return single;
    }

    private static <T> Optional<T> choice(Map<String, String> single, String name, Function<String, Optional<T>> parser,
                                          String allowed, List<ParameterError> errors) {
        String text = single.get(name);
        if (text == null) {
            return Optional.empty();
        }
        Optional<T> value = parser.apply(text);
        if (value.isEmpty()) {
            errors.add(new ParameterError(name, "must be one of: " + allowed + "; got " + ParameterError.quote(text)));
        }
        return value;
    }

    /**
     * The tenant's zone when the request names none. Scoring validates settings, but Java's copy of
     * the IANA database may lack a newer zone: then the request is a 400 on tz (pass one), never a
     * report silently in another zone than the tenant's.
     */
    private static ZoneId defaultZone(TenantReporting state, List<ParameterError> errors) {
        Optional<ZoneId> zone = ReportZones.find(state.timeZone());
        if (zone.isEmpty()) {
            errors.add(new ParameterError("tz", "the tenant's default time zone " + ParameterError.quote(state.timeZone())
                    + " (settings time_zone) is not known to this service; pass tz, e.g. tz=UTC"));
        }
        return zone.orElse(null);
    }

    private static ZoneId zone(String text, List<ParameterError> errors) {
        Optional<ZoneId> zone = ReportZones.find(text);
        if (zone.isEmpty()) {
            errors.add(new ParameterError("tz", "must be an IANA time zone name such as UTC, Europe/Berlin or "
                    + "America/New_York; got " + ParameterError.quote(text)));
        }
        return zone.orElse(null);
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

    private int limit(String text, List<ParameterError> errors) {
        if (text == null) {
            return config.defaultLimit();
        }
        try {
            int limit = Integer.parseInt(text.trim());
            if (limit >= 1 && limit <= config.maxLimit()) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new ParameterError("limit", "must be an integer from 1 to " + config.maxLimit() + "; got "
                + ParameterError.quote(text)));
        return 0;
    }

    private static PageKey cursorKey(String cursor, String fingerprint, List<ParameterError> errors) {
        try {
            return Cursors.decode(cursor, fingerprint);
        } catch (IllegalArgumentException e) {
            errors.add(new ParameterError("cursor", e.getMessage()));
            return null;
        }
    }
}
