package io.deskpulse.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/** Creates an empty database per test suite on the real PostgreSQL server, so suites never share state. */
public final class PostgresTestDatabase {

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private PostgresTestDatabase() {
    }

    /**
     * Drops the database if it exists and creates it again, returning its JDBC URL. The name gets the suffix in
     * {@code DESKPULSE_TEST_DB_SUFFIX}, so two checkouts can run their tests against one server at once.
     */
    public static String recreate(String baseName) {
        String name = name(baseName);
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a safe database name: " + name);
        }
        try (Connection admin = DriverManager.getConnection(TestInfrastructure.jdbcUrl("postgres"),
                TestInfrastructure.postgresUser(), TestInfrastructure.postgresPassword());
             Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name + " on "
                    + TestInfrastructure.postgresHost() + ":" + TestInfrastructure.postgresPort() + " as "
                    + TestInfrastructure.postgresUser()
                    + ". Run deploy/local/test.sh, which starts PostgreSQL and creates that role.", e);
        }
        return TestInfrastructure.jdbcUrl(name);
    }

    /** The JDBC URL of a database made by {@link #recreate}. */
    public static String url(String baseName) {
        return TestInfrastructure.jdbcUrl(name(baseName));
    }

    static String name(String baseName) {
        return baseName + TestInfrastructure.databaseSuffix();
    }
}
