package io.deskpulse.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Latency of the standard BI queries on the main tenant under concurrent clients (p50/p99 over all iterations,
 * every page of each answer), the same answers from a plain SQL {@code GROUP BY} over {@code ticket_facts} timed
 * the same way, their ratio, and whether the two answers agree.
 */
final class ReportingPhase {

    static final String AGENT_TEAM = "tech-support";

    private ReportingPhase() {
    }

    /** The three standard queries, dated by today in the tenant's report zone (learned from an answer). */
    static List<BiQueries.Query> queries(Context ctx) throws Exception {
        String tz;
        try (KpiClient kpis = new KpiClient(ctx.options.reportingUrl, ctx.options.readKey)) {
            tz = kpis.get("dimension=tenant&granularity=total&metrics=tickets_created").tz();
        }
        ZoneId zone = ZoneId.of(tz == null ? "UTC" : tz);
        LocalDate today = LocalDate.now(zone);
        String tenant = ctx.options.tenant;
        String pct = ctx.options.baselinePercentile;
        return List.of(
                new BiQueries.Query("team_by_day_90d", "(a) 90 days of team-by-day KPIs, all metrics, all pages",
                        BiQueries.Kind.TEAM_BY_DAY, tenant, null, today.minusDays(89), today, zone, pct),
                new BiQueries.Query("agents_of_team_30d", "(b) a month of agents for one team (" + AGENT_TEAM + "), by day",
                        BiQueries.Kind.AGENTS_OF_TEAM, tenant, AGENT_TEAM, today.minusDays(29), today, zone, pct),
                new BiQueries.Query("tenant_total_90d", "(c) a total for the tenant over 90 days",
                        BiQueries.Kind.TENANT_TOTAL, tenant, null, today.minusDays(89), today, zone, pct));
    }

    static Results.Reporting run(Context ctx) throws Exception {
        Results.Reporting reporting = new Results.Reporting();
        Profile profile = ctx.profile;
        reporting.clients = profile.queryClients();
        reporting.iterations = profile.queryIterations();
        reporting.baselineIterations = profile.baselineIterations();
        reporting.baselinePercentile = "percentile_" + ctx.options.baselinePercentile;
        reporting.method = "GET /v1/kpis with the tenant's read key, every page followed (Link header); " + profile.queryClients()
                + " concurrent clients (own keep-alive connection each), latency until the whole answer's bytes are in "
                + "(the client's parsing is not the service's time), HdrHistogram; "
                + "baseline: the SQL over ticket_facts on read-only JDBC connections, same clients, whole result read";
        ctx.drain("everything before the reporting queries");
        reporting.storedEvents = storedEvents(ctx);
        reporting.ticketFactsRows = ticketFacts(ctx);
        if (reporting.ticketFactsRows != null && reporting.ticketFactsRows == 0) {
            ctx.warn("ticket_facts holds no row for " + ctx.options.tenant
                    + ": the GROUP BY baseline has nothing to group, its times and answers are meaningless");
        }
        Log.info("reporting: %s holds %,d stored events, %,d ticket_facts rows; %d clients, %d iterations per query",
                ctx.options.tenant, reporting.storedEvents, reporting.ticketFactsRows == null ? -1 : reporting.ticketFactsRows,
                profile.queryClients(), profile.queryIterations());
        DuckDbBaseline duck = loadDuckDb(ctx);
        if (duck != null) {
            reporting.duckdbRows = duck.rows();
            reporting.duckdbLoadSeconds = ProcessProbe.round(duck.loadSeconds(), 2);
        }
        try (Context.CpuWindow ignored = ctx.cpu("reporting"); DuckDbBaseline closed = duck) {
            for (BiQueries.Query query : queries(ctx)) {
                try {
                    reporting.queries.add(measure(ctx, query, profile.queryIterations(), profile.baselineIterations(),
                            profile.queryBudgetSeconds(), true, duck));
                } catch (Exception e) {
                    ctx.warn("reporting query " + query.name() + " failed: " + e.getMessage());
                    Results.Query failed = new Results.Query();
                    failed.name = query.name();
                    failed.description = query.description();
                    failed.request = "GET /v1/kpis?" + query.api();
                    failed.failure = e.getMessage();
                    reporting.queries.add(failed);
                }
            }
        }
        return reporting;
    }

    /**
     * The main tenant's ticket facts copied into DuckDB once, before any query is timed; null (with a warning) when
     * the copy fails, and the queries then run without that baseline.
     */
    static DuckDbBaseline loadDuckDb(Context ctx) {
        try (Connection connection = ctx.database()) {
            DuckDbBaseline duck = DuckDbBaseline.load(connection, ctx.options.tenant);
            Log.info("  DuckDB baseline: %,d ticket_facts rows loaded in %.1f s", duck.rows(), duck.loadSeconds());
            return duck;
        } catch (Exception | LinkageError e) {
            ctx.warn("the DuckDB baseline could not be loaded: " + e);
            return null;
        }
    }

    /**
     * One query: the API's latency, the GROUP BY baseline's, their ratio, DuckDB's over the same facts ({@code duck},
     * null: none) and its ratio, and (when asked) the comparison of each baseline's answer with the API's.
     */
    static Results.Query measure(Context ctx, BiQueries.Query query, int iterations, int baselineIterations, double budget,
                                 boolean compare, DuckDbBaseline duck) throws Exception {
        Results.Query result = new Results.Query();
        result.name = query.name();
        result.description = query.description();
        result.request = "GET /v1/kpis?" + query.api();
        int clients = ctx.profile.queryClients();
        KpiClient.Answer answer;
        try (KpiClient kpis = new KpiClient(ctx.options.reportingUrl, ctx.options.readKey)) {
            answer = kpis.get(query.api());
        }
        result.rows = answer.rows().size();
        result.pages = answer.pages();
        result.api = Latencies.measure(clients, iterations, 1, budget, apiClients(ctx, query.api()));
        Map<String, BiQueries.Row> sqlAnswer = null;
        try {
            if (baselineIterations > 0) {
                result.baseline = Latencies.measure(Math.min(clients, baselineIterations), baselineIterations, 0,
                    budget, sqlClients(query, ctx::database));
            }
            if (compare) {
                sqlAnswer = sqlAnswer(query, ctx::database);
            }
        } catch (Exception e) {
            ctx.warn("the SQL baseline of " + query.name() + " failed: " + e.getMessage());
        }
        if (result.baseline != null && result.api.p50Ms > 0) {
            result.speedupP50 = ProcessProbe.round(result.baseline.p50Ms / result.api.p50Ms, 2);
            result.speedupP99 = ProcessProbe.round(result.baseline.p99Ms / result.api.p99Ms, 2);
        }
        Map<String, BiQueries.Row> duckAnswer = null;
        if (duck != null) {
            // The peer answers five columns: the API is timed again asked for those five, so that the ratio compares
            // the same question (result.api, every metric, stays the figure of the targets).
            result.apiPeer = Latencies.measure(clients, iterations, 1, budget,
                    apiClients(ctx, query.api() + "&metrics=" + BiQueries.API_METRICS));
            try {
                // Timed as the API is: same clients, iterations and warm-up, the whole result read.
                result.duckdb = Latencies.measure(clients, iterations, 1, budget, sqlClients(query, duck::connection));
                if (compare) {
                    duckAnswer = sqlAnswer(query, duck::connection);
                }
            } catch (Exception e) {
                ctx.warn("the DuckDB baseline of " + query.name() + " failed: " + e.getMessage());
            }
        }
        if (result.duckdb != null && result.apiPeer != null && result.apiPeer.p50Ms > 0) {
            result.vsDuckdbP50 = ProcessProbe.round(result.duckdb.p50Ms / result.apiPeer.p50Ms, 2);
            result.vsDuckdbP99 = ProcessProbe.round(result.duckdb.p99Ms / result.apiPeer.p99Ms, 2);
        }
        if (compare && (sqlAnswer != null || duckAnswer != null)) {
            KpiClient.Answer compared;
            try (KpiClient kpis = new KpiClient(ctx.options.reportingUrl, ctx.options.readKey)) {
                compared = kpis.get(query.api() + "&metrics=" + BiQueries.API_METRICS);
            }
            Map<String, BiQueries.Row> apiAnswer = BiQueries.apiRows(compared.rows());
            if (sqlAnswer != null) {
                result.answers = compared(ctx, query, "the GROUP BY over ticket_facts", apiAnswer, sqlAnswer);
            }
            if (duckAnswer != null) {
                result.duckdbAnswers = compared(ctx, query, "DuckDB's", apiAnswer, duckAnswer);
            }
        }
        if (result.api.errors != null) {
            ctx.warn(query.name() + ": " + result.api.errors + " of " + (result.api.errors + result.api.samples)
                    + " API requests failed, e.g. " + result.api.firstError);
        }
        if (result.baseline != null && result.baseline.errors != null) {
            ctx.warn(query.name() + ": " + result.baseline.errors + " baseline queries failed, e.g. " + result.baseline.firstError);
        }
        Log.info("  %-20s API p50 %7.1f ms p99 %7.1f ms (%d rows, %d pages) | GROUP BY p50 %s ms | x%s | answers %s"
                        + " | five columns: API p99 %s ms, DuckDB p50 %s ms p99 %s ms | x%s at p99 | answers %s",
                query.name(), result.api.p50Ms, result.api.p99Ms, result.rows, result.pages,
                result.baseline == null ? "-" : String.format("%.1f", result.baseline.p50Ms),
                result.speedupP50 == null ? "-" : result.speedupP50,
                result.answers == null ? "not compared" : result.answers.match ? "match" : "DIFFER",
                result.apiPeer == null ? "-" : String.format("%.1f", result.apiPeer.p99Ms),
                result.duckdb == null ? "-" : String.format("%.1f", result.duckdb.p50Ms),
                result.duckdb == null ? "-" : String.format("%.1f", result.duckdb.p99Ms),
                result.vsDuckdbP99 == null ? "-" : result.vsDuckdbP99,
                result.duckdbAnswers == null ? "not compared" : result.duckdbAnswers.match ? "match" : "DIFFER");
        return result;
    }

    /** Clients that each fetch every page of {@code /v1/kpis?<query>} (the timed unit). */
    private static Latencies.ClientFactory apiClients(Context ctx, String query) {
        return () -> {
            KpiClient kpis = new KpiClient(ctx.options.reportingUrl, ctx.options.readKey);
            return new Latencies.Client() {
                @Override
                public void call() throws Exception {
                    kpis.fetch(query);
                }

                @Override
                public void close() {
                    kpis.close();
                }
            };
        };
    }

    /** Where a SQL baseline's connections come from: PostgreSQL's read-only ones, or DuckDB's. */
    private interface Connections {
        Connection open() throws SQLException;
    }

    /** Clients that run the query's SQL on a connection of their own and read the whole result (the timed unit). */
    private static Latencies.ClientFactory sqlClients(BiQueries.Query query, Connections connections) {
        return () -> {
            Connection connection = connections.open();
            PreparedStatement statement = query.prepare(connection);
            return new Latencies.Client() {
                @Override
                public void call() throws Exception {
                    BiQueries.sqlRows(statement);
                }

                @Override
                public void close() throws SQLException {
                    statement.close();
                    connection.close();
                }
            };
        };
    }

    private static Map<String, BiQueries.Row> sqlAnswer(BiQueries.Query query, Connections connections)
            throws SQLException {
        try (Connection connection = connections.open(); PreparedStatement statement = query.prepare(connection)) {
            return BiQueries.sqlRows(statement);
        }
    }

    /** A baseline's answer against the API's; a difference is a warning of the run. */
    private static Results.Comparison compared(Context ctx, BiQueries.Query query, String baseline,
            Map<String, BiQueries.Row> api, Map<String, BiQueries.Row> answer) {
        Results.Comparison comparison = BiQueries.compare(api, answer);
        if (!comparison.match) {
            ctx.warn("ANSWERS DIFFER for " + query.name() + ": the API and " + baseline + " answer disagree on "
                    + comparison.mismatches + " of " + comparison.rowsCompared + " rows"
                    + (comparison.examples.isEmpty() ? "" : ", e.g. " + comparison.examples.get(0)));
        }
        return comparison;
    }

    /** Events stored for the main tenant: the events kept in its ticket and agent timelines. */
    static long storedEvents(Context ctx) throws SQLException {
        try (Connection connection = ctx.database();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT (SELECT coalesce(sum(event_count), 0) FROM ticket_timelines WHERE tenant_id = ?)"
                             + " + (SELECT coalesce(sum(event_count), 0) FROM agent_timelines WHERE tenant_id = ?)")) {
            statement.setString(1, ctx.options.tenant);
            statement.setString(2, ctx.options.tenant);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Rows of ticket_facts for the main tenant; null when the table is missing. */
    static Long ticketFacts(Context ctx) {
        try (Connection connection = ctx.database();
             PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM ticket_facts WHERE tenant_id = ?")) {
            statement.setString(1, ctx.options.tenant);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            ctx.warn("cannot count ticket_facts: " + e.getMessage());
            return null;
        }
    }
}
