package io.deskpulse.ingestion.testing;

import io.deskpulse.testsupport.PostgresTestDatabase;
import io.deskpulse.testsupport.TestInfrastructure;
import java.util.Map;
import org.flywaydb.core.Flyway;

/** The database ingestion reads its issued API keys from, with the real schema, fresh for each started service. */
public final class IngestionTestDatabase {

    private IngestionTestDatabase() {
    }

    public static Map<String, String> start() {
        String url = PostgresTestDatabase.recreate("deskpulse_test_ingestion");
        Flyway.configure().dataSource(url, TestInfrastructure.postgresUser(), TestInfrastructure.postgresPassword())
                .locations("classpath:db/migration").load().migrate();
        return Map.of("quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", TestInfrastructure.postgresUser(),
                "quarkus.datasource.password", TestInfrastructure.postgresPassword());
    }

    /** The URL of the last database started. */
    public static String url() {
        return PostgresTestDatabase.url("deskpulse_test_ingestion");
    }
}
