package io.deskpulse.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskpulse.testsupport.PostgresTestDatabase;
import io.deskpulse.testsupport.TestInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The DuckDB baseline on the real PostgreSQL of the tests: it copies one tenant's facts (nulls, microseconds and
 * all) and answers the three BI queries' very SQL as PostgreSQL does over the same rows.
 */
class DuckDbBaselineTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static String url;

    @BeforeAll
    static void facts() throws SQLException {
        url = PostgresTestDatabase.recreate("deskpulse_bench_duckdb");
        try (Connection c = connect(); Statement s = c.createStatement()) {
            // The columns the queries read, typed as in storage-contract's V4.
            s.execute("CREATE TABLE ticket_facts (tenant_id text NOT NULL, ticket_id text NOT NULL, created_at timestamptz,"
                    + " created_team_id text, created_agent_id text, first_response_at timestamptz, first_response_ms bigint,"
                    + " first_response_team_id text, first_responder_id text, PRIMARY KEY (tenant_id, ticket_id))");
            // 300 tickets of tenant t over 20 days (some across local midnight, some without a response, some without a
            // team), and tickets of tenant u, which must not be copied.
            s.execute("INSERT INTO ticket_facts SELECT 't', 'T' || i,"
                    + " timestamptz '2026-11-10 22:30:00.123456+00' + (i * interval '97 minutes 13.000007 seconds'),"
                    + " CASE WHEN i % 7 = 0 THEN NULL ELSE 'team-' || (i % 3) END, 'agent-' || (i % 5),"
                    + " CASE WHEN i % 4 = 0 THEN NULL ELSE timestamptz '2026-11-10 22:30:00.123456+00'"
                    + "   + (i * interval '97 minutes 13.000007 seconds') + ((i * 7919 % 5000) * interval '1 second') END,"
                    + " CASE WHEN i % 4 = 0 THEN NULL ELSE (i * 7919 % 5000) * 1000 END,"
                    + " CASE WHEN i % 4 = 0 THEN NULL WHEN i % 7 = 0 THEN NULL ELSE 'team-' || (i % 3) END,"
                    + " CASE WHEN i % 4 = 0 THEN NULL ELSE 'agent-' || (i % 5) END"
                    + " FROM generate_series(1, 300) i");
            s.execute("INSERT INTO ticket_facts (tenant_id, ticket_id, created_at, created_team_id)"
                    + " SELECT 'u', 'U' || i, timestamptz '2026-11-15 10:00+00', 'team-1' FROM generate_series(1, 50) i");
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(url, TestInfrastructure.postgresUser(), TestInfrastructure.postgresPassword());
    }

    @Test
    void copiesOneTenantsFactsAndAnswersTheThreeQueriesAsPostgresDoes() throws Exception {
        try (Connection pg = connect(); DuckDbBaseline duck = DuckDbBaseline.load(pg, "t")) {
            assertThat(duck.rows()).isEqualTo(300);
            assertThat(duck.loadSeconds()).isPositive();
            for (BiQueries.Kind kind : BiQueries.Kind.values()) {
                for (String percentile : new String[] {"disc", "cont"}) {
                    BiQueries.Query query = new BiQueries.Query(kind.name(), kind.name(), kind, "t",
                            kind == BiQueries.Kind.AGENTS_OF_TEAM ? "team-1" : null, LocalDate.of(2026, 11, 11),
                            LocalDate.of(2026, 11, 28), ZONE, percentile);
                    Map<String, BiQueries.Row> expected;
                    try (PreparedStatement statement = query.prepare(pg)) {
                        expected = BiQueries.sqlRows(statement);
                    }
                    Map<String, BiQueries.Row> answer;
                    try (Connection connection = duck.connection(); PreparedStatement statement = query.prepare(connection)) {
                        answer = BiQueries.sqlRows(statement);
                    }
                    assertThat(expected).as(kind + " " + percentile).isNotEmpty();
                    // Same groups, same counts; averages and percentiles within the comparison's tolerance.
                    assertThat(answer.keySet()).as(kind + " " + percentile).isEqualTo(expected.keySet());
                    Results.Comparison comparison = BiQueries.compare(expected, answer);
                    assertThat(comparison.match).as(kind + " " + percentile + ": " + comparison.examples).isTrue();
                    assertThat(comparison.rowsCompared).isEqualTo(expected.size());
                }
            }
        }
    }

    @Test
    void aDatabaseWithoutTicketFactsIsAnErrorNotAnEmptyBaseline() throws Exception {
        String other = PostgresTestDatabase.recreate("deskpulse_bench_duckdb_empty");
        try (Connection pg = DriverManager.getConnection(other, TestInfrastructure.postgresUser(),
                TestInfrastructure.postgresPassword())) {
            assertThatThrownBy(() -> DuckDbBaseline.load(pg, "t")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("ticket_facts");
            // The connection is left as it was found.
            assertThat(pg.getAutoCommit()).isTrue();
        }
    }
}
