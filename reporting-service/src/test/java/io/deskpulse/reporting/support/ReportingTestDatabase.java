package io.deskpulse.reporting.support;

import io.deskpulse.testsupport.PostgresTestDatabase;
import io.deskpulse.testsupport.TestInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.flywaydb.core.Flyway;

/**
 * A fresh database for this module's tests, migrated with the storage contract's migrations, those scoring-service
 * applies (the schema reporting reads is always the real one), handed to Quarkus as its datasource, with the API keys of the {@link TestTenant}s. A class
 * that needs a database of its own declares a subclass with another {@link #name}.
 */
public class ReportingTestDatabase implements QuarkusTestResourceLifecycleManager {

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
        String url = PostgresTestDatabase.recreate(name());
        Flyway.configure()
                .dataSource(url, TestInfrastructure.postgresUser(), TestInfrastructure.postgresPassword())
                .locations("classpath:db/migration")
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
