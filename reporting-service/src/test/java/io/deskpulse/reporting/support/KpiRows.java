package io.deskpulse.reporting.support;

import io.deskpulse.storage.DurationHistogram;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes kpi_hourly rows the way scoring-service would (counts, sums and histograms built with the
 * same bin math), and the tenant state and settings rows behind the {@code tenant_reporting} view,
 * through a read-write connection of its own: the service's pool is read-only.
 */
public final class KpiRows {

    /** The QA pass mark of default settings: a review scoring at least this passes. */
    private static final double QA_PASS_MARK = 80;

    private KpiRows() {
    }

    /** A row of tenant at the UTC hour starting at {@code bucket} (e.g. "2026-11-02T09:00:00Z"); team, agent, channel ''. */
    public static Row row(String tenant, String bucket) {
        return new Row(tenant, Instant.parse(bucket));
    }

    /** Sets (inserts or updates) the tenant's active generation in tenant_state, as a completed recomputation does. */
    public static void activeGeneration(String tenant, int generation) {
        execute("INSERT INTO tenant_state (tenant_id, active_generation) VALUES ('" + tenant + "', " + generation + ")"
                + " ON CONFLICT (tenant_id) DO UPDATE SET active_generation = EXCLUDED.active_generation");
    }

    /** Stores a version of the tenant's settings document (JSON), as scoring's settings endpoint does. */
    public static void settings(String tenant, int version, String json) {
        String sql = "INSERT INTO tenant_settings_versions (tenant_id, version, settings, changed_by, changed_fields)"
                + " VALUES (?, ?, CAST(? AS jsonb), 'test', '{time_zone}')";
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, tenant);
            statement.setInt(2, version);
            statement.setString(3, json);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        return TestData.connect();
    }

    /** The sparse {bin, count, ...} array of the given durations in ms. */
    public static Integer[] histogram(long... millis) {
        TreeMap<Integer, Integer> bins = new TreeMap<>();
        for (long ms : millis) {
            bins.merge(DurationHistogram.binOf(ms), 1, Integer::sum);
        }
        List<Integer> flat = new ArrayList<>();
        bins.forEach((bin, count) -> {
            flat.add(bin);
            flat.add(count);
        });
        return flat.toArray(Integer[]::new);
    }

    /** One kpi_hourly row; every measure left unset is 0 (or an empty histogram). */
    public static final class Row {
        private final String tenant;
        private final Instant bucket;
        private int generation;
        private String team = "";
        private String agent = "";
        private String channel = "";
        private String queue = "";
        private final Map<String, Long> measures = new LinkedHashMap<>();
        private final Map<String, long[]> histograms = new LinkedHashMap<>();

        private Row(String tenant, Instant bucket) {
            this.tenant = tenant;
            this.bucket = bucket;
        }

        /** The generation the row belongs to (default 0, the active one of a tenant without state). */
        public Row generation(int generation) {
            this.generation = generation;
            return this;
        }

        public Row team(String team) {
            this.team = team;
            return this;
        }

        public Row agent(String agent) {
            this.agent = agent;
            return this;
        }

        public Row channel(String channel) {
            this.channel = channel;
            return this;
        }

        public Row queue(String queue) {
            this.queue = queue;
            return this;
        }

        /** Sets one count or sum column directly. */
        public Row set(String column, long value) {
            measures.put(column, value);
            return this;
        }

        /** Sets one histogram column to the histogram of these durations (ms). */
        public Row histogramOf(String column, long... millis) {
            histograms.put(column, millis);
            return this;
        }

        private Row add(String column, long value) {
            measures.merge(column, value, Long::sum);
            return this;
        }

        /** Count, sum and histogram of durations: {prefix}_count (if any), {prefix}_sum_ms, {prefix}_hist. */
        private Row durations(String countColumn, String sumColumn, String histColumn, long... millis) {
            if (countColumn != null) {
                set(countColumn, millis.length);
            }
            set(sumColumn, Arrays.stream(millis).sum());
            histograms.put(histColumn, millis);
            return this;
        }

        public Row created(long n) {
            return set("tickets_created", n);
        }

        /** Solves whose ticket creation is known, with their durations (also counted in tickets_resolved). */
        public Row resolutions(long... millis) {
            add("tickets_resolved", millis.length);
            return durations("resolution_count", "resolution_sum_ms", "resolution_hist", millis);
        }

        /** Business-hours durations of the same solves as {@link #resolutions} (same count). */
        public Row resolutionsBh(long... millis) {
            return durations(null, "resolution_bh_sum_ms", "resolution_bh_hist", millis);
        }

        /** Solves without a known creation: tickets_resolved only. */
        public Row resolvedWithoutDuration(long n) {
            return add("tickets_resolved", n);
        }

        public Row reopened(long n) {
            return set("reopened_resolutions", n);
        }

        public Row firstResponses(long... millis) {
            return durations("first_response_count", "first_response_sum_ms", "first_response_hist", millis);
        }

        /** Business-hours durations of the same first responses as {@link #firstResponses} (same count). */
        public Row firstResponsesBh(long... millis) {
            return durations(null, "first_response_bh_sum_ms", "first_response_bh_hist", millis);
        }

        public Row agentReplies(long n) {
            return set("agent_replies", n);
        }

        public Row customerMessages(long n) {
            return set("customer_messages", n);
        }

        public Row csat(int... scores) {
            set("csat_count", scores.length);
            set("csat_sum", Arrays.stream(scores).sum());
            return set("csat_satisfied", Arrays.stream(scores).filter(s -> s >= 4).count());
        }

        /** First solves, and how many of them were resolved on first contact. */
        public Row firstResolutions(long n, long fcr) {
            set("first_resolutions", n);
            return set("fcr_count", fcr);
        }

        public Row transfers(long n) {
            return set("transfers", n);
        }

        /** Handle times (talk + hold + wrap) of completed interactions, in ms. */
        public Row handles(long... millis) {
            return durations("handle_count", "handle_sum_ms", "handle_hist", millis);
        }

        /** NPS responses 0..10: promoters 9-10, detractors 0-6. */
        public Row nps(int... scores) {
            set("nps_count", scores.length);
            set("nps_promoters", Arrays.stream(scores).filter(s -> s >= 9).count());
            return set("nps_detractors", Arrays.stream(scores).filter(s -> s <= 6).count());
        }

        /** QA review scores 0..100 (kept in thousandths); passed when at least the default pass mark. */
        public Row qa(double... scores) {
            set("qa_count", scores.length);
            set("qa_sum_milli", Arrays.stream(scores).mapToLong(s -> Math.round(s * 1000)).sum());
            return set("qa_passed", Arrays.stream(scores).filter(s -> s >= QA_PASS_MARK).count());
        }

        public Row slaMet(long n) {
            return set("first_response_sla_met", n);
        }

        public Row onlineMs(long ms) {
            return set("online_ms", ms);
        }

        /** Sales, amounts in thousandths of the currency unit. */
        public Row sales(long... amountsMilli) {
            set("conversions", amountsMilli.length);
            return set("sales_amount_milli", Arrays.stream(amountsMilli).sum());
        }

        public Row peerReviews(int... scores) {
            set("peer_review_count", scores.length);
            return set("peer_review_sum", Arrays.stream(scores).sum());
        }

        public Row complaints(long n) {
            return set("complaints", n);
        }

        /** Reply times of every reply that answered a waiting customer. */
        public Row replies(long... millis) {
            return durations("reply_count", "reply_sum_ms", "reply_hist", millis);
        }

        /** Business-hours durations of the same replies as {@link #replies} (same count). */
        public Row repliesBh(long... millis) {
            return durations(null, "reply_bh_sum_ms", "reply_bh_hist", millis);
        }

        /** Interactions offered to a queue, and how they ended: abandons, short abandons, met service levels. */
        public Row queueOutcomes(long offered, long abandoned, long shortAbandoned, long serviceLevelMet) {
            set("offered", offered);
            set("abandoned", abandoned);
            set("short_abandoned", shortAbandoned);
            return set("service_level_met", serviceLevelMet);
        }

        /** The waits of answered interactions: answered, asa_sum_ms, asa_hist. */
        public Row answeredAfter(long... waitMillis) {
            return durations("answered", "asa_sum_ms", "asa_hist", waitMillis);
        }

        public void insert() {
            List<String> columns = new ArrayList<>(List.of("tenant_id", "generation", "bucket", "team_id", "agent_id",
                    "channel", "queue_id"));
            columns.addAll(measures.keySet());
            columns.addAll(histograms.keySet());
            String sql = "INSERT INTO kpi_hourly (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
            try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
                int i = 1;
                statement.setString(i++, tenant);
                statement.setInt(i++, generation);
                statement.setObject(i++, OffsetDateTime.ofInstant(bucket, ZoneOffset.UTC));
                statement.setString(i++, team);
                statement.setString(i++, agent);
                statement.setString(i++, channel);
                statement.setString(i++, queue);
                for (long value : measures.values()) {
                    statement.setLong(i++, value);
                }
                for (long[] millis : histograms.values()) {
                    statement.setArray(i++, connection.createArrayOf("int4", histogram(millis)));
                }
                statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            insertDaily(columns);
        }

        /**
         * Adds the same measures to the daily row of the local day in the zone of the tenant's active
         * settings (UTC without), and to its team-day and agent-day rows, as scoring-service does for every contribution.
         */
        private void insertDaily(List<String> columns) {
            insertRollup("kpi_daily", columns, List.of("tenant_id", "generation", "day", "team_id", "agent_id", "channel",
                    "queue_id"));
            insertRollup("kpi_team_daily", columns, List.of("tenant_id", "generation", "day", "team_id"));
            insertRollup("kpi_agent_daily", columns, List.of("tenant_id", "generation", "day", "team_id", "agent_id"));
        }

        private void insertRollup(String table, List<String> hourlyColumns, List<String> key) {
            List<String> columns = new ArrayList<>(key);
            hourlyColumns.stream().skip(7).forEach(columns::add);
            List<String> values = new ArrayList<>();
            for (String column : columns) {
                values.add(column.equals("day") ? "(CAST(? AS timestamptz) AT TIME ZONE coalesce((SELECT daily_time_zone"
                        + " FROM tenant_reporting WHERE tenant_id = ?), 'UTC'))::date" : "?");
            }
            String updates = String.join(", ", columns.stream().skip(key.size()).map(c -> c.endsWith("_hist")
                    ? c + " = hist_merge(" + table + "." + c + ", EXCLUDED." + c + ")"
                    : c + " = " + table + "." + c + " + EXCLUDED." + c).toList());
            String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + String.join(", ", values)
                    + ") ON CONFLICT (" + String.join(", ", key) + ") DO "
                    + (updates.isEmpty() ? "NOTHING" : "UPDATE SET " + updates);
            try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
                int i = 1;
                statement.setString(i++, tenant);
                statement.setInt(i++, generation);
                statement.setObject(i++, OffsetDateTime.ofInstant(bucket, ZoneOffset.UTC));
                statement.setString(i++, tenant);
                statement.setString(i++, team);
                if (key.contains("agent_id")) {
                    statement.setString(i++, agent);
                }
                if (key.contains("channel")) {
                    statement.setString(i++, channel);
                    statement.setString(i++, queue);
                }
                for (long value : measures.values()) {
                    statement.setLong(i++, value);
                }
                for (long[] millis : histograms.values()) {
                    statement.setArray(i++, connection.createArrayOf("int4", histogram(millis)));
                }
                statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
