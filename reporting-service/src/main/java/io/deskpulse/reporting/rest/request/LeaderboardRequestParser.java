package io.deskpulse.reporting.rest.request;

import io.deskpulse.reporting.config.ReportingConfig;
import io.deskpulse.reporting.domain.Channels;
import io.deskpulse.reporting.domain.ParameterError;
import io.deskpulse.reporting.domain.ReportZones;
import io.deskpulse.reporting.domain.TenantReporting;
import io.deskpulse.reporting.domain.kpi.Dimension;
import io.deskpulse.reporting.domain.leaderboard.LeaderboardQuery;
import io.deskpulse.reporting.domain.leaderboard.Leaderboards;
import io.deskpulse.reporting.domain.leaderboard.RankedMetric;
import io.deskpulse.reporting.domain.leaderboard.StreakBoardQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The parameters of {@code GET /v1/leaderboards/{metric}} into a {@link LeaderboardQuery}, or one 400 listing every bad one. */
@ApplicationScoped
public class LeaderboardRequestParser {

    static final List<String> PARAMETERS = List.of("metric", "dimension", "team", "channel", "from", "to", "tz",
            "min_volume", "limit", "cursor", "format");
    /** The parameters of the streak leaderboards (docs/reporting-api.md#streak-leaderboards). */
    static final List<String> STREAK_PARAMETERS = List.of("dimension", "granularity", "period", "limit", "cursor",
            "format");
    private static final List<String> GRANULARITIES = List.of("day", "week", "month");
    private static final String DEFAULT_STREAK_GRANULARITY = "week";

    private final ReportingConfig config;
    private final Clock clock;

    public LeaderboardRequestParser(ReportingConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }


    public ParsedRequest<LeaderboardQuery> parse(String tenant, TenantReporting state, String metricName, MultivaluedMap<String, String> params) {
        QueryParameters p = new QueryParameters(params, PARAMETERS, Set.of());
        List<ParameterError> errors = p.errors();
        if (params.containsKey("metric")) {
            p.error("metric", "is the path segment (/v1/leaderboards/{metric}), not a query parameter");
        }
        Optional<RankedMetric> ranked = Leaderboards.find(metricName);
        if (ranked.isEmpty()) {
            p.error("metric", "cannot be ranked: " + ParameterError.quote(metricName) + "; rankable metrics: "
                    + String.join(", ", Leaderboards.names()) + " (the streaks of the kept reports are ranked at "
                    + "/v1/leaderboards/streak_current and /v1/leaderboards/streak_best)");
        }
        Dimension dimension = p.choice("dimension", text -> Dimension.parse(text).filter(Dimension::isPeople),
                "agent, team").orElse(p.get("dimension") != null ? null : Dimension.AGENT);
        String team = MemberParameters.team(p.get("team"), dimension, errors);
        String channel = p.choice("channel", Channels::parse, String.join(", ", Channels.ALL)).orElse(null);
        String tz = p.get("tz");
        ZoneId zone = p.zone(state);
        ZoneId zoneForDefaults = zone != null ? zone : ReportZones.find(state.timeZone()).orElse(ZoneId.of("UTC"));
        Optional<DateRange> range = DateRange.parse(p.get("from"), p.get("to"), zone, tz == null,
                LocalDate.now(clock.withZone(zoneForDefaults)), config.defaultRangeDays(), config.maxRangeDays(), errors);
        Integer minVolume = p.integer("min_volume", -1, 1, Integer.MAX_VALUE);
        Integer limit = p.integer("limit", config.defaultLimit(), 1, config.maxLimit());
        Representation format = p.format().orElse(null);
        if (!p.valid()) {
            p.cursor(null, 3);
            p.requireValid();
        }
        RankedMetric metric = ranked.orElseThrow();
        LeaderboardQuery query = new LeaderboardQuery(tenant, state.generation(), metric, dimension, team, channel,
                range.orElseThrow().from(), range.orElseThrow().to(), zone, state.hasDailyRowsIn(zone),
                minVolume == -1 ? metric.defaultMinVolume() : minVolume, limit, null);
        Optional<List<String>> key = p.cursor(query.fingerprint(), 3);
        if (key.isPresent() && !validKey(key.get())) {
            p.error("cursor", "is not a cursor returned by this API");
        }
        p.requireValid();
        return new ParsedRequest<>(key.map(query::after).orElse(query), format);
    }

    /**
     * A streak leaderboard (docs/reporting-api.md#streak-leaderboards), {@code metric} streak_current or streak_best:
     * {@code dimension}, {@code granularity} (default week) and {@code period} (the first day of a kept report's
     * period; default the latest report). The parameters of the other leaderboards, which choose days and channels of
     * the live aggregates, are not parameters of a kept report's board: unknown ones, as everywhere.
     */
    public ParsedRequest<StreakBoardQuery> parseStreaks(String tenant, String metric, MultivaluedMap<String, String> params) {
        QueryParameters p = new QueryParameters(params, STREAK_PARAMETERS, Set.of());
        Dimension dimension = p.choice("dimension", text -> Dimension.parse(text).filter(Dimension::isPeople),
                "agent, team").orElse(p.get("dimension") != null ? null : Dimension.AGENT);
        String granularity = p.choice("granularity", text -> Optional.of(text).filter(GRANULARITIES::contains),
                String.join(", ", GRANULARITIES)).orElse(p.get("granularity") != null ? null : DEFAULT_STREAK_GRANULARITY);
        Optional<LocalDate> period = p.date("period");
        if (period.isPresent() && granularity != null) {
            LocalDate day = period.get();
            if (granularity.equals("week") && day.getDayOfWeek() != DayOfWeek.MONDAY) {
                p.error("period", "must be the first day of a week report, a Monday; got " + day + ", a "
                        + day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            } else if (granularity.equals("month") && day.getDayOfMonth() != 1) {
                p.error("period", "must be the first day of a month report; got " + day);
            }
        }
        Integer limit = p.integer("limit", config.defaultLimit(), 1, config.maxLimit());
        Representation format = p.format().orElse(null);
        if (!p.valid()) {
            p.cursor(null, 4);
            p.requireValid();
        }
        StreakBoardQuery query = new StreakBoardQuery(tenant, metric, dimension, granularity, period.orElse(null), limit,
                null);
        Optional<List<String>> key = p.cursor(query.fingerprint(), 4);
        if (key.isPresent() && !(validKey(key.get()) && key.get().get(3).matches("\\d{1,18}"))) {
            p.error("cursor", "is not a cursor returned by this API");
        }
        p.requireValid();
        return new ParsedRequest<>(key.map(query::after).orElse(query), format);
    }

    private static boolean validKey(List<String> key) {
        try {
            return (key.get(0).equals("0") || key.get(0).equals("1")) && Double.isFinite(Double.parseDouble(key.get(1)))
                    && !key.get(2).isEmpty();
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
