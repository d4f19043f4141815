package io.deskpulse.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The second baseline of the BI queries: what a team without DeskPulse does with an embedded OLAP engine. The main
 * tenant's ticket facts are copied once from PostgreSQL's {@code ticket_facts} into an in-memory DuckDB table of the
 * same name and columns (only those the queries read), and the very SQL of {@link BiQueries.Query#sql()} runs there:
 * DuckDB takes PostgreSQL's {@code AT TIME ZONE}, {@code percentile_cont ... WITHIN GROUP} and {@code FULL JOIN} as
 * written. The load is not part of any query's time; it is reported on its own.
 */
final class DuckDbBaseline implements AutoCloseable {

    /** The columns the three queries read, in PostgreSQL's types. */
    private static final String COLUMNS = "tenant_id, created_at, created_team_id, created_agent_id, first_response_at,"
            + " first_response_ms, first_response_team_id, first_responder_id";

    private final DuckDBConnection duck;
    private final long rows;
    private final double loadSeconds;

    private DuckDbBaseline(DuckDBConnection duck, long rows, double loadSeconds) {
        this.duck = duck;
        this.rows = rows;
        this.loadSeconds = loadSeconds;
    }

    /** Copies {@code tenant}'s ticket facts from PostgreSQL (read in a cursor) into a new in-memory DuckDB. */
    static DuckDbBaseline load(Connection postgres, String tenant) throws SQLException {
        long start = System.nanoTime();
        DuckDBConnection duck = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
        try {
            try (Statement s = duck.createStatement()) {
                s.execute("CREATE TABLE ticket_facts (tenant_id VARCHAR NOT NULL, created_at TIMESTAMPTZ,"
                        + " created_team_id VARCHAR, created_agent_id VARCHAR, first_response_at TIMESTAMPTZ,"
                        + " first_response_ms BIGINT, first_response_team_id VARCHAR, first_responder_id VARCHAR)");
            }
            long rows = 0;
            boolean autoCommit = postgres.getAutoCommit();
            // A cursor: the facts of 10M events do not fit the harness's heap at once.
            postgres.setAutoCommit(false);
            try (PreparedStatement select = postgres.prepareStatement("SELECT " + COLUMNS
                    + " FROM ticket_facts WHERE tenant_id = ?");
                 DuckDBAppender appender = duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "ticket_facts")) {
                select.setString(1, tenant);
                select.setFetchSize(10_000);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        appender.beginRow();
                        appender.append(rs.getString(1));
                        micros(appender, rs.getTimestamp(2));
                        text(appender, rs.getString(3));
                        text(appender, rs.getString(4));
                        micros(appender, rs.getTimestamp(5));
                        long ms = rs.getLong(6);
                        if (rs.wasNull()) {
                            appender.appendNull();
                        } else {
                            appender.append(ms);
                        }
                        text(appender, rs.getString(7));
                        text(appender, rs.getString(8));
                        appender.endRow();
                        rows++;
                    }
                }
            } finally {
                postgres.rollback();
                postgres.setAutoCommit(autoCommit);
            }
            return new DuckDbBaseline(duck, rows, (System.nanoTime() - start) / 1e9);
        } catch (SQLException | RuntimeException e) {
            duck.close();
            throw e;
        }
    }

    private static void micros(DuckDBAppender appender, Timestamp at) throws SQLException {
        if (at == null) {
            appender.appendNull();
        } else {
            appender.appendEpochMicros(at.getTime() * 1000 + (at.getNanos() / 1000) % 1000);
        }
    }

    private static void text(DuckDBAppender appender, String value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }

    /** A connection of its own to the loaded database, for one client. */
    Connection connection() throws SQLException {
        return duck.duplicate();
    }

    long rows() {
        return rows;
    }

    double loadSeconds() {
        return loadSeconds;
    }

    @Override
    public void close() throws SQLException {
        duck.close();
    }
}
