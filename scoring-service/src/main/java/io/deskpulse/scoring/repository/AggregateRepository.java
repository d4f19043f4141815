package io.deskpulse.scoring.repository;

import io.deskpulse.scoring.domain.AggregateKey;
import io.deskpulse.scoring.domain.DailyKey;
import io.deskpulse.scoring.domain.DeltaAccumulator;
import io.deskpulse.scoring.domain.HistogramMeasure;
import io.deskpulse.scoring.domain.KpiDelta;
import io.deskpulse.scoring.domain.Measure;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Adds deltas to {@code kpi_hourly} and {@code kpi_daily}, one statement per table and batch: every
 * row's delta is passed as column arrays and upserted; sums add up and histograms merge with
 * {@code hist_merge}. Rows arrive sorted by key, so concurrent writers lock shared rows in the same order.
 */
@ApplicationScoped
public class AggregateRepository {

    private static final Measure[] MEASURES = Measure.values();
    private static final HistogramMeasure[] HISTOGRAMS = HistogramMeasure.values();
    private static final String HOURLY = upsert("kpi_hourly", "bucket", "timestamptz");
    private static final String DAILY = upsert("kpi_daily", "day", "date");

    /** Writes everything the accumulator collected. */
    public int apply(Connection c, DeltaAccumulator deltas) throws SQLException {
        SortedMap<AggregateKey, KpiDelta> hourly = deltas.changes();
        SortedMap<DailyKey, KpiDelta> daily = deltas.dailyChanges();
        // ISO-8601 with Z: the instant cannot be shifted by the JVM's or the session's time zone.
        write(c, HOURLY, hourly.entrySet().stream().map(e -> new Row(e.getKey().tenantId(), e.getKey().generation(),
                Instant.ofEpochMilli(e.getKey().hourEpochMillis()).toString(), e.getKey().teamId(), e.getKey().agentId(),
                e.getKey().channel(), e.getValue())).toList());
        write(c, DAILY, daily.entrySet().stream().map(e -> new Row(e.getKey().tenantId(), e.getKey().generation(),
                e.getKey().day().toString(), e.getKey().teamId(), e.getKey().agentId(), e.getKey().channel(),
                e.getValue())).toList());
        return hourly.size();
    }

    private record Row(String tenant, int generation, String bucket, String team, String agent, String channel,
            KpiDelta delta) {
    }

    private static void write(Connection c, String sql, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        String[] tenants = new String[n];
        Integer[] generations = new Integer[n];
        String[] buckets = new String[n];
        String[] teams = new String[n];
        String[] agents = new String[n];
        String[] channels = new String[n];
        Long[][] measures = new Long[MEASURES.length][n];
        String[][] histograms = new String[HISTOGRAMS.length][n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            tenants[i] = row.tenant();
            generations[i] = row.generation();
            buckets[i] = row.bucket();
            teams[i] = row.team();
            agents[i] = row.agent();
            channels[i] = row.channel();
            for (Measure m : MEASURES) {
                measures[m.ordinal()][i] = row.delta().get(m);
            }
            for (HistogramMeasure h : HISTOGRAMS) {
                histograms[h.ordinal()][i] = arrayLiteral(row.delta().histogramPairs(h));
            }
        }
        try (PreparedStatement upsert = c.prepareStatement(sql)) {
            int p = 1;
            upsert.setArray(p++, c.createArrayOf("text", tenants));
            upsert.setArray(p++, c.createArrayOf("int4", generations));
            upsert.setArray(p++, c.createArrayOf("text", buckets));
            upsert.setArray(p++, c.createArrayOf("text", teams));
            upsert.setArray(p++, c.createArrayOf("text", agents));
            upsert.setArray(p++, c.createArrayOf("text", channels));
            for (Long[] column : measures) {
                upsert.setArray(p++, c.createArrayOf("int8", column));
            }
            for (String[] column : histograms) {
                upsert.setArray(p++, c.createArrayOf("text", column));
            }
            upsert.executeUpdate();
        }
    }

    private static String arrayLiteral(int[] pairs) {
        return Arrays.stream(pairs).mapToObj(Integer::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private static String upsert(String table, String bucketColumn, String bucketType) {
        String measureColumns = Stream.of(MEASURES).map(Measure::column).collect(Collectors.joining(", "));
        String histogramColumns = Stream.of(HISTOGRAMS).map(HistogramMeasure::column).collect(Collectors.joining(", "));
        String measureArrays = Stream.of(MEASURES).map(m -> "?::bigint[]").collect(Collectors.joining(", "));
        String histogramArrays = Stream.of(HISTOGRAMS).map(h -> "?::text[]").collect(Collectors.joining(", "));
        String histogramCasts = Stream.of(HISTOGRAMS).map(h -> "v." + h.column() + "::int[]")
                .collect(Collectors.joining(", "));
        String addMeasures = Stream.of(MEASURES)
                .map(m -> m.column() + " = " + table + "." + m.column() + " + EXCLUDED." + m.column())
                .collect(Collectors.joining(",\n    "));
        String mergeHistograms = Stream.of(HISTOGRAMS)
                .map(h -> h.column() + " = CASE WHEN cardinality(EXCLUDED." + h.column() + ") = 0 THEN " + table + "."
                        + h.column() + " ELSE hist_merge(" + table + "." + h.column() + ", EXCLUDED." + h.column() + ") END")
                .collect(Collectors.joining(",\n    "));
        String key = "tenant_id, generation, " + bucketColumn + ", team_id, agent_id, channel";
        return "INSERT INTO " + table + " (" + key + ", " + measureColumns + ", " + histogramColumns + ")\n"
                + "SELECT v.tenant_id, v.generation, v." + bucketColumn + "::" + bucketType + ", v.team_id, v.agent_id, v.channel, "
                + Stream.of(MEASURES).map(m -> "v." + m.column()).collect(Collectors.joining(", ")) + ", "
                + histogramCasts + "\n"
                + "FROM unnest(?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], " + measureArrays
                + ", " + histogramArrays + ")\n"
                + "  AS v(tenant_id, generation, " + bucketColumn + ", team_id, agent_id, channel, " + measureColumns + ", "
                + histogramColumns + ")\n"
                + "ON CONFLICT (" + key + ") DO UPDATE SET\n    "
                + addMeasures + ",\n    " + mergeHistograms + ",\n    updated_at = now()";
    }
}
