package io.deskpulse.scoring.repository;

import io.deskpulse.scoring.domain.AggregateKey;
import io.deskpulse.scoring.domain.HistogramMeasure;
import io.deskpulse.scoring.domain.KpiDelta;
import io.deskpulse.scoring.domain.Measure;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Adds deltas to {@code kpi_hourly} in one statement per batch: every row's delta is passed as a
 * column array and upserted; sums add up and histograms merge with {@code hist_merge}. Rows arrive
 * sorted by key, so concurrent writers lock shared rows in the same order.
 */
@ApplicationScoped
public class AggregateRepository {

    private static final Measure[] MEASURES = Measure.values();
    private static final HistogramMeasure[] HISTOGRAMS = HistogramMeasure.values();
    private static final String UPSERT = buildUpsert();

    public void apply(Connection c, SortedMap<AggregateKey, KpiDelta> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        int n = changes.size();
        String[] tenants = new String[n];
        Integer[] generations = new Integer[n];
        String[] buckets = new String[n];
        String[] teams = new String[n];
        String[] agents = new String[n];
        String[] channels = new String[n];
        Long[][] measures = new Long[MEASURES.length][n];
        String[][] histograms = new String[HISTOGRAMS.length][n];
        int i = 0;
        for (Map.Entry<AggregateKey, KpiDelta> change : changes.entrySet()) {
            AggregateKey key = change.getKey();
            KpiDelta delta = change.getValue();
            tenants[i] = key.tenantId();
            generations[i] = key.generation();
            // ISO-8601 with Z: the instant cannot be shifted by the JVM's or the session's time zone.
            buckets[i] = Instant.ofEpochMilli(key.hourEpochMillis()).toString();
            teams[i] = key.teamId();
            agents[i] = key.agentId();
            channels[i] = key.channel();
            for (Measure m : MEASURES) {
                measures[m.ordinal()][i] = delta.get(m);
            }
            for (HistogramMeasure h : HISTOGRAMS) {
                histograms[h.ordinal()][i] = arrayLiteral(delta.histogramPairs(h));
            }
            i++;
        }
        try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
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

    private static String buildUpsert() {
        String measureColumns = Stream.of(MEASURES).map(Measure::column).collect(Collectors.joining(", "));
        String histogramColumns = Stream.of(HISTOGRAMS).map(HistogramMeasure::column).collect(Collectors.joining(", "));
        String measureArrays = Stream.of(MEASURES).map(m -> "?::bigint[]").collect(Collectors.joining(", "));
        String histogramArrays = Stream.of(HISTOGRAMS).map(h -> "?::text[]").collect(Collectors.joining(", "));
        String histogramCasts = Stream.of(HISTOGRAMS).map(h -> "v." + h.column() + "::int[]")
                .collect(Collectors.joining(", "));
        String addMeasures = Stream.of(MEASURES)
                .map(m -> m.column() + " = kpi_hourly." + m.column() + " + EXCLUDED." + m.column())
                .collect(Collectors.joining(",\n    "));
        String mergeHistograms = Stream.of(HISTOGRAMS)
                .map(h -> h.column() + " = CASE WHEN cardinality(EXCLUDED." + h.column() + ") = 0 THEN kpi_hourly."
                        + h.column() + " ELSE hist_merge(kpi_hourly." + h.column() + ", EXCLUDED." + h.column() + ") END")
                .collect(Collectors.joining(",\n    "));
        return "INSERT INTO kpi_hourly (tenant_id, generation, bucket, team_id, agent_id, channel, " + measureColumns
                + ", " + histogramColumns + ")\n"
                + "SELECT v.tenant_id, v.generation, v.bucket, v.team_id, v.agent_id, v.channel, "
                + Stream.of(MEASURES).map(m -> "v." + m.column()).collect(Collectors.joining(", ")) + ", "
                + histogramCasts + "\n"
                + "FROM unnest(?::text[], ?::int[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], " + measureArrays
                + ", " + histogramArrays + ")\n"
                + "  AS v(tenant_id, generation, bucket, team_id, agent_id, channel, " + measureColumns + ", "
                + histogramColumns + ")\n"
                + "ON CONFLICT (tenant_id, generation, bucket, team_id, agent_id, channel) DO UPDATE SET\n    "
                + addMeasures + ",\n    " + mergeHistograms + ",\n    updated_at = now()";
    }
}
