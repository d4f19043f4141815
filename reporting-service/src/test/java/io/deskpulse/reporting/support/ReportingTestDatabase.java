package io.deskpulse.reporting.support;

import io.deskpulse.testsupport.PostgresTestDatabase;
import io.deskpulse.testsupport.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * A fresh database for this module's tests, migrated with scoring-service's own migrations (the
 * schema reporting reads is always the real one), handed to Quarkus as its datasource.
 */
public class ReportingTestDatabase implements QuarkusTestResourceLifecycleManager {

    public static final String NAME = "deskpulse_test_reporting";
    private static final Path MIGRATIONS = Path.of("..", "scoring-service", "src", "main", "resources", "db", "migration");

    public static String jdbcUrl() {
        return PostgresTestDatabase.url(NAME);
    }

    @Override
    public Map<String, String> start() {
        if (!Files.isDirectory(MIGRATIONS)) {
            throw new IllegalStateException("scoring-service migrations not found at " + MIGRATIONS.toAbsolutePath()
                    + "; run the tests from the reporting-service module directory");
        }
        String url = PostgresTestDatabase.recreate(NAME);
        Flyway.configure()
                .dataSource(url, TestInfrastructure.postgresUser(), TestInfrastructure.postgresPassword())
                .locations("filesystem:" + MIGRATIONS.toAbsolutePath().normalize())
                .load()
                .migrate();
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", TestInfrastructure.postgresUser(),
                "quarkus.datasource.password", TestInfrastructure.postgresPassword());
    }

    @Override
    public void stop() {
        // The database stays for inspection after a failed run; the next run recreates it.
    }
}
