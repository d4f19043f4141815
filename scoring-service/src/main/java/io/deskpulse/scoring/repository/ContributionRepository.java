package io.deskpulse.scoring.repository;

import io.deskpulse.scoring.domain.Contribution;
import io.deskpulse.scoring.domain.DeltaAccumulator.ItemChange;
import io.deskpulse.scoring.domain.KpiDelta;
import io.deskpulse.scoring.domain.Observation;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code kpi_contributions} (V25, docs/storage.md): the items behind the aggregates, moved by the same changes and in
 * the same transaction as {@link AggregateRepository} moves the sums, so that a cell's items always add up to it.
 */
@ApplicationScoped
public class ContributionRepository {

    // One statement per batch, whatever its number of items: a row per item was one statement each (1.4 statements per
    // event, 90 % of a batch's statements; docs/performance-changelog.md, "Scoring's cost per event").
    // Returns where the rows whose count reached 0 are: they are deleted by ctid (a row this transaction changed keeps
    // it), a TID scan whatever the table's size or statistics. A join of the batch's keys to the table, tried first, was
    // planned as a sequential scan of the whole table on a small one.
    private static final String UPSERT = """
            WITH changed AS (
                INSERT INTO kpi_contributions (tenant_id, generation, item_type, item_id, at, team_id, agent_id, channel,
                    kind, parts, n)
                SELECT v.tenant_id, v.generation, v.item_type, v.item_id,
                    timestamptz 'epoch' + v.at_ms * interval '1 millisecond', v.team_id, v.agent_id, v.channel, v.kind,
                    v.parts::jsonb, v.n
                FROM unnest(?::text[], ?::int[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[],
                    ?::text[], ?::text[], ?::int[])
                    AS v(tenant_id, generation, item_type, item_id, at_ms, team_id, agent_id, channel, kind, parts, n)
                ON CONFLICT (tenant_id, generation, item_type, item_id, at, key)
                DO UPDATE SET n = kpi_contributions.n + EXCLUDED.n
                RETURNING ctid, n)
            SELECT ctid::text FROM changed WHERE n = 0""";
    private static final String DELETE_EMPTY = "DELETE FROM kpi_contributions WHERE ctid = ANY(?::tid[])";

    /** Adds (or retracts) these items' contributions; rows whose count reaches 0 go. */
    public void apply(Connection c, List<Map.Entry<ItemChange, Integer>> changes) throws SQLException {
        // One statement may not change a row twice (ON CONFLICT): changes that name the same row are added up first.
        // Distinct changes can: two observations of one item that differ only where the row does not look.
        // A retraction and its re-addition carry equal observations: their parts are written out once.
        Map<Observation, String> parts = new HashMap<>();
        Map<Row, Integer> merged = new HashMap<>();
        for (Map.Entry<ItemChange, Integer> change : changes) {
            ItemChange key = change.getKey();
            Contribution contribution = key.contribution();
            merged.merge(new Row(key.tenantId(), key.generation(), key.item().type(), key.item().id(),
                    contribution.epochMillis(), contribution.teamId(), contribution.agentId(), contribution.channel(),
                    kind(contribution), parts.computeIfAbsent(contribution.observation(),
                            o -> json(KpiDelta.ofItem(o).parts()))), change.getValue(), Integer::sum);
        }
        // One global order of rows, so that concurrent writers touching shared rows lock them in the same order.
        List<Row> keys = merged.entrySet().stream().filter(e -> e.getValue() != 0).map(Map.Entry::getKey)
                .sorted(ROW_ORDER).toList();
        if (keys.isEmpty()) {
            return;
        }
        List<String> emptied = new ArrayList<>();
        try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
            upsert.setArray(1, c.createArrayOf("text", keys.stream().map(Row::tenantId).toArray()));
            upsert.setArray(2, c.createArrayOf("int4", keys.stream().map(Row::generation).toArray()));
            upsert.setArray(3, c.createArrayOf("text", keys.stream().map(Row::itemType).toArray()));
            upsert.setArray(4, c.createArrayOf("text", keys.stream().map(Row::itemId).toArray()));
            // Milliseconds since the epoch: the instant cannot be shifted by the JVM's or the session's time zone.
            upsert.setArray(5, c.createArrayOf("int8", keys.stream().map(Row::atMillis).toArray()));
            upsert.setArray(6, c.createArrayOf("text", keys.stream().map(Row::teamId).toArray()));
            upsert.setArray(7, c.createArrayOf("text", keys.stream().map(Row::agentId).toArray()));
            upsert.setArray(8, c.createArrayOf("text", keys.stream().map(Row::channel).toArray()));
            upsert.setArray(9, c.createArrayOf("text", keys.stream().map(Row::kind).toArray()));
            upsert.setArray(10, c.createArrayOf("text", keys.stream().map(Row::parts).toArray()));
            upsert.setArray(11, c.createArrayOf("int4", keys.stream().map(merged::get).toArray()));
            try (ResultSet rs = upsert.executeQuery()) {
                while (rs.next()) {
                    emptied.add(rs.getString(1));
                }
            }
        }
        if (!emptied.isEmpty()) {
            try (PreparedStatement delete = c.prepareStatement(DELETE_EMPTY)) {
                delete.setArray(1, c.createArrayOf("text", emptied.toArray()));
                delete.executeUpdate();
            }
        }
    }

    /** What identifies a row (V31 keys it by the item, the instant and a digest of the rest, computed in SQL). */
    private record Row(String tenantId, int generation, String itemType, String itemId, long atMillis, String teamId,
                       String agentId, String channel, String kind, String parts) {
    }

    private static final Comparator<Row> ROW_ORDER = Comparator.comparing(Row::tenantId)
            .thenComparingInt(Row::generation).thenComparing(Row::itemType).thenComparing(Row::itemId)
            .thenComparingLong(Row::atMillis).thenComparing(Row::teamId).thenComparing(Row::agentId)
            .thenComparing(Row::channel).thenComparing(Row::kind).thenComparing(Row::parts);

    // Computed once per observation class: every batch names thousands of items.
    private static final ClassValue<String> KINDS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
        }
    };

    /** The observation's name in snake case (first_response, solve, ...): what the item did. */
    static String kind(Contribution contribution) {
        return KINDS.get(contribution.observation().getClass());
    }

    private static String json(Map<String, Long> parts) {
        // Column names are plain identifiers: no escaping needed.
        return parts.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }
}
