package io.deskpulse.ingestion.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads {@code connectors} (V23), which scoring-service's admin API writes: only the rows changed since a number
 * (each write numbers its row in commit order), so that a poll every second costs one index probe.
 */
@ApplicationScoped
public class ConnectorRows {

    private static final String CHANGES = """
            SELECT id, tenant_id, platform, options::text, secret, previous_secret, previous_valid_until, disabled_at,
                   change
            FROM connectors WHERE change > ? ORDER BY change""";

    private final DataSource dataSource;

    public ConnectorRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A connector's row as stored: the secrets still encrypted. */
    public record Row(String id, String tenant, String platform, String options, String secret, String previousSecret,
            Instant previousValidUntil, Instant disabledAt, long change) {
    }

    public List<Row> changesSince(long change) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(CHANGES)) {
            s.setLong(1, change);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), instant(rs.getTimestamp(7)), instant(rs.getTimestamp(8)), rs.getLong(9)));
                }
            }
            return rows;
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
