package io.deskpulse.scoring.repository;

import io.deskpulse.scoring.domain.Contribution;
import io.deskpulse.scoring.domain.DeltaAccumulator.ItemChange;
import io.deskpulse.scoring.domain.KpiDelta;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code kpi_contributions} (V25, docs/storage.md): the items behind the aggregates, moved by the same changes and in
 * the same transaction as {@link AggregateRepository} moves the sums, so that a cell's items always add up to it.
 */
@ApplicationScoped
public class ContributionRepository {

    private static final String UPSERT = """
            INSERT INTO kpi_contributions (tenant_id, generation, item_type, item_id, at, team_id, agent_id, channel, kind,
                parts, n)
            VALUES (?, ?, ?, ?, ?::timestamptz, ?, ?, ?, ?, ?::jsonb, ?)
            ON CONFLICT (tenant_id, generation, item_type, item_id, at, team_id, agent_id, channel, kind, parts)
            DO UPDATE SET n = kpi_contributions.n + EXCLUDED.n""";
    private static final String DELETE_EMPTY = """
            DELETE FROM kpi_contributions WHERE tenant_id = ? AND generation = ? AND item_type = ? AND item_id = ?
                AND at = ?::timestamptz AND n = 0""";

    /** Adds (or retracts) these items' contributions; rows whose count reaches 0 go. */
    public void apply(Connection c, List<Map.Entry<ItemChange, Integer>> changes) throws SQLException {
        if (changes.isEmpty()) {
            return;
        }
        boolean retracted = false;
        try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
            for (Map.Entry<ItemChange, Integer> change : changes) {
                ItemChange key = change.getKey();
                Contribution contribution = key.contribution();
                upsert.setString(1, key.tenantId());
                upsert.setInt(2, key.generation());
                upsert.setString(3, key.item().type());
                upsert.setString(4, key.item().id());
                upsert.setString(5, Instant.ofEpochMilli(contribution.epochMillis()).toString());
                upsert.setString(6, contribution.teamId());
                upsert.setString(7, contribution.agentId());
                upsert.setString(8, contribution.channel());
                upsert.setString(9, kind(contribution));
                upsert.setString(10, json(KpiDelta.ofItem(contribution.observation()).parts()));
                upsert.setInt(11, change.getValue());
                upsert.addBatch();
                retracted |= change.getValue() < 0;
            }
            upsert.executeBatch();
        }
        if (retracted) {
            try (PreparedStatement delete = c.prepareStatement(DELETE_EMPTY)) {
                for (Map.Entry<ItemChange, Integer> change : changes) {
                    if (change.getValue() < 0) {
                        ItemChange key = change.getKey();
                        delete.setString(1, key.tenantId());
                        delete.setInt(2, key.generation());
                        delete.setString(3, key.item().type());
                        delete.setString(4, key.item().id());
                        delete.setString(5, Instant.ofEpochMilli(key.contribution().epochMillis()).toString());
                        delete.addBatch();
                    }
                }
                delete.executeBatch();
            }
        }
    }

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
