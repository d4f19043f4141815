package io.deskpulse.reporting.support;

import io.deskpulse.reporting.service.DurationHistogram;
import io.deskpulse.testsupport.TestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Writes kpi_hourly rows the way scoring-service would (counts, sums and histograms built with the
 * same bin math), through a read-write connection of its own: the service's pool is read-only.
 */
public final class KpiRows {

    private KpiRows() {
    }

    public static void clear() {
        execute("TRUNCATE kpi_hourly");
    }

    /** A row of tenant at the UTC hour starting at {@code bucket} (e.g. "2026-11-02T09:00:00Z"); team, agent, channel ''. */
    public static Row row(String tenant, String bucket) {
        return new Row(tenant, Instant.parse(bucket));
    }

    public static void execute(String sql) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(ReportingTestDatabase.jdbcUrl(), TestInfrastructure.postgresUser(),
                TestInfrastructure.postgresPassword());
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

    public static final class Row {
        private final String tenant;
        private final Instant bucket;
        private String team = "";
        private String agent = "";
        private String channel = "";
        private long ticketsCreated;
        private long ticketsResolved;
        private long reopened;
        private long agentReplies;
        private long customerMessages;
        private long[] resolutions = new long[0];
        private long[] firstResponses = new long[0];
        private int[] csat = new int[0];

        private Row(String tenant, Instant bucket) {
            this.tenant = tenant;
            this.bucket = bucket;
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

        public Row created(long n) {
            this.ticketsCreated = n;
            return this;
        }

        /** Solves whose ticket creation is known, with their durations (also counted in tickets_resolved). */
        public Row resolutions(long... millis) {
            this.resolutions = millis;
            this.ticketsResolved += millis.length;
            return this;
        }

        /** Solves without a known creation: tickets_resolved only. */
        public Row resolvedWithoutDuration(long n) {
            this.ticketsResolved += n;
            return this;
        }

        public Row reopened(long n) {
            this.reopened = n;
            return this;
        }

        public Row firstResponses(long... millis) {
            this.firstResponses = millis;
            return this;
        }

        public Row agentReplies(long n) {
            this.agentReplies = n;
            return this;
        }

        public Row customerMessages(long n) {
            this.customerMessages = n;
            return this;
        }

        public Row csat(int... scores) {
            this.csat = scores;
            return this;
        }

        public void insert() {
            String sql = "INSERT INTO kpi_hourly (tenant_id, bucket, team_id, agent_id, channel, tickets_created,"
                    + " tickets_resolved, resolution_count, resolution_sum_ms, resolution_hist, reopened_resolutions,"
                    + " first_response_count, first_response_sum_ms, first_response_hist, agent_replies,"
                    + " customer_messages, csat_count, csat_sum, csat_satisfied)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
            try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
                int i = 1;
                statement.setString(i++, tenant);
                statement.setObject(i++, OffsetDateTime.ofInstant(bucket, ZoneOffset.UTC));
                statement.setString(i++, team);
                statement.setString(i++, agent);
                statement.setString(i++, channel);
                statement.setLong(i++, ticketsCreated);
                statement.setLong(i++, ticketsResolved);
                statement.setLong(i++, resolutions.length);
                statement.setLong(i++, sum(resolutions));
                statement.setArray(i++, connection.createArrayOf("int4", histogram(resolutions)));
                statement.setLong(i++, reopened);
                statement.setLong(i++, firstResponses.length);
                statement.setLong(i++, sum(firstResponses));
                statement.setArray(i++, connection.createArrayOf("int4", histogram(firstResponses)));
                statement.setLong(i++, agentReplies);
                statement.setLong(i++, customerMessages);
                statement.setLong(i++, csat.length);
                statement.setLong(i++, java.util.Arrays.stream(csat).sum());
                statement.setLong(i, java.util.Arrays.stream(csat).filter(s -> s >= 4).count());
                statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private static long sum(long[] values) {
            long total = 0;
            for (long v : values) {
                total += v;
            }
            return total;
        }
    }
}
