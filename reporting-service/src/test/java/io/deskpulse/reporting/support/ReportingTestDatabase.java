package io.deskpulse.reporting.support;

import io.deskpulse.testsupport.PostgresTestDatabase;
import io.deskpulse.testsupport.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * A fresh database for this module's tests, migrated with scoring-service's own migrations (the schema reporting reads
 * is always the real one), handed to Quarkus as its datasource, with the API keys of the {@link TestTenant}s. A class
 * that needs a database of its own declares a subclass with another {@link #name}.
 */
public class ReportingTestDatabase implements QuarkusTestResourceLifecycleManager {

    // The storage contract module is to replace this path with an artifact dependency (issue 12).
    private static final Path MIGRATIONS = Path.of("..", "scoring-service", "src", "main", "resources", "db", "migration");
    private static volatile String current;

    /** The JDBC URL of the database of the service under test (the last one started). */
    public static String jdbcUrl() {
        if (current == null) {
            throw new IllegalStateException("no test database started: declare @WithTestResource(ReportingTestDatabase.class)");
        }
        return current;
    }

    /** The database's name, before the suffix of DESKPULSE_TEST_DB_SUFFIX. */
    protected String name() {
        return "deskpulse_test_reporting";
    }

    @Override
    public Map<String, String> start() {
        if (!Files.isDirectory(MIGRATIONS)) {
            throw new IllegalStateException("scoring-service migrations not found at " + MIGRATIONS.toAbsolutePath()
                    + "; run the tests from the reporting-service module directory");
        }
        String url = PostgresTestDatabase.recreate(name());
        Flyway.configure()
                .dataSource(url, TestInfrastructure.postgresUser(), TestInfrastructure.postgresPassword())
                .locations("filesystem:" + MIGRATIONS.toAbsolutePath().normalize())
                .load()
                .migrate();
        current = url;
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", TestInfrastructure.postgresUser(),
                "quarkus.datasource.password", TestInfrastructure.postgresPassword(),
                "deskpulse.auth.api-keys", TestTenant.apiKeys());
    }

    @Override
    public void stop() {
        // The database stays for inspection after a failed run; the next run recreates it.
    }
}
