package io.deskpulse.reporting.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.reporting.config.ReportingConfig;
import io.deskpulse.reporting.domain.ReportingDatabaseException;
import io.deskpulse.reporting.domain.contribution.ContributionQuery;
import io.deskpulse.reporting.domain.contribution.ContributionRow;
import io.deskpulse.reporting.domain.kpi.Dimension;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code kpi_contributions} (V25, written by scoring with the aggregates) for one cell of {@code /v1/kpis}: the
 * tenant's generation of the snapshot, the cell's instants, member and channel, and the items that add to one of
 * the metric's columns. A row counted {@code n} times is served as {@code n} rows (copies 1..n), so that every
 * count, sum and percentile of the cell is the one of its rows.
 */
@ApplicationScoped
public class ContributionReadRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Long>> PARTS = new TypeReference<>() {
    };

    private final int timeoutSeconds;

    public ContributionReadRepository(ReportingConfig config) {
        this.timeoutSeconds = ReportSnapshots.timeoutSeconds(config);
    }

    /** Up to {@code limit} rows of the cell after the query's page key, in (at, id, copy) order. */
    public List<ContributionRow> page(ReportSnapshot snapshot, ContributionQuery q, int limit) {
        SqlStatement s = new SqlStatement().sql("SELECT c.id, c.item_type, c.item_id, c.kind, c.at, c.team_id, c.agent_id,"
                + " c.channel, c.parts::text AS parts, k.copy FROM kpi_contributions c"
                + " CROSS JOIN LATERAL generate_series(1, c.n) AS k(copy)")
                .sql(" WHERE c.tenant_id = ?", q.tenant()).sql(" AND c.generation = ?", q.generation())
                .sql(" AND c.at >= ?", q.start()).sql(" AND c.at < ?", q.end());
        if (q.dimension() == Dimension.TEAM) {
            s.sql(" AND c.team_id = ?", q.id());
        } else if (q.dimension() == Dimension.AGENT) {
            s.sql(" AND c.agent_id = ?", q.id());
        }
        if (q.team() != null) {
            s.sql(" AND c.team_id = ?", q.team());
        }
        if (q.channel() != null) {
            s.sql(" AND c.channel = ?", q.channel());
        }
        s.sql(" AND jsonb_exists_any(c.parts, ?)", q.metric().contributionColumns().toArray(String[]::new));
        ContributionQuery.PageKey after = q.after();
        if (after != null) {
            s.sql(" AND (c.at, c.id, k.copy) > (?", after.at()).sql(", ?", after.rowId()).sql(", ?)", after.copy());
        }
        s.sql(" ORDER BY c.at, c.id, k.copy LIMIT ?", limit);
        List<ContributionRow> rows = new ArrayList<>();
        try (PreparedStatement statement = s.prepare(snapshot.connection(), timeoutSeconds);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                var at = rs.getObject("at", OffsetDateTime.class).toInstant();
                Map<String, Long> parts = JSON.readValue(rs.getString("parts"), PARTS);
                rows.add(new ContributionRow(rs.getString("item_type"), rs.getString("item_id"), rs.getString("kind"), at,
                        blankToNull(rs.getString("team_id")), blankToNull(rs.getString("agent_id")),
                        blankToNull(rs.getString("channel")), q.metric().share(parts),
                        new ContributionQuery.PageKey(at, rs.getLong("id"), rs.getInt("copy"))));
            }
        } catch (SQLException e) {
            throw new ReportingDatabaseException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("kpi_contributions.parts is not a JSON object of numbers", e);
        }
        return rows;
    }

    private static String blankToNull(String id) {
        return id == null || id.isEmpty() ? null : id;
    }
}
