package io.deskpulse.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.fuzz.FuzzResults;
import io.deskpulse.fuzz.FuzzSuite;
import io.deskpulse.testsupport.PostgresTestDatabase;
import io.deskpulse.testsupport.TestInfrastructure;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Safe to expose and to share (issue 13): the fuzz suite's short variant (docs/security.md "Fuzzing") and the
 * tenant-isolation matrix ("Tenant isolation"), on the three packaged services with the test broker and a database of
 * their own. 2,000 generated hostile requests (the same generators as deploy/local/fuzz.sh's 10,000) and two slow
 * bodies reach every endpoint of the services' OpenAPI documents: none may get a 5xx, every 4xx the application
 * answers is problem+json, the services stay ready, and the fuzz tenant's records on the topic are exactly the events
 * the 202 answers accepted. Then tenant A's keys are used against every id of tenant B on every endpoint.
 */
class FuzzTest {

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void hostileRequestsGetNoServerErrorAndNoTenantSeesAnother(@TempDir Path dir) throws Exception {
        String jdbcUrl = PostgresTestDatabase.recreate("deskpulse_fuzz");

        FuzzResults results = FuzzSuite.run("--requests", "2000", "--slow", "2", "--slow-seconds", "2",
                "--ports", "free", "--kafka", TestInfrastructure.kafkaBootstrapServers(), "--jdbc-url", jdbcUrl,
                "--pg-user", TestInfrastructure.postgresUser(), "--pg-password", TestInfrastructure.postgresPassword(),
                "--root", "..", "--work-dir", dir.toString());

        assertThat(results.requests).isEqualTo(2_002);
        assertThat(results.serverErrors).isZero();
        assertThat(results.findings).as("5xx, 4xx without problem+json, no answer").isEmpty();
        assertThat(results.failures).as("readiness, records and rows no 2xx explains").isEmpty();
        assertThat(results.byEndpoint.keySet()).as("every endpoint of the three services").hasSizeGreaterThan(35);
        // some generated events were valid and accepted, so the topic count compares something
        assertThat(results.acceptedEvents).isPositive();
        assertThat(results.topicRecords).isEqualTo(results.acceptedEvents);
        assertThat(results.isolation.violations).isEmpty();
        assertThat(results.isolation.victimIds).contains("isob-secret-ticket", "isob-secret-agent");
        assertThat(results.isolation.checks).isGreaterThan(results.isolation.endpoints);
    }
}
