package io.deskpulse.scoring.it;

import static io.deskpulse.scoring.support.ContractEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskpulse.scoring.config.ScoringConfig;
import io.deskpulse.scoring.messaging.DeadLetterPublisher;
import io.deskpulse.scoring.support.Aggregates;
import io.deskpulse.scoring.support.EventTopic;
import io.deskpulse.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Real failures of the real database: one that passes is retried, one a record causes is isolated. */
@QuarkusTest
class FailureHandlingTest {

    @Inject
    DataSource dataSource;

    @Inject
    ScoringConfig config;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    private double failures(String kind) {
        var counter = registry.find("deskpulse.scoring.batch.failures").tag("kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aBatchBlockedByALockIsRetriedUntilItGoesThrough() throws Exception {
        Aggregates aggregates = new Aggregates(dataSource);
        aggregates.awaitDrained(config.consumerGroup());
        double transientBefore = failures("transient");

        try (Connection blocker = DriverManager.getConnection(jdbcUrl, TestInfrastructure.postgresUser(),
                TestInfrastructure.postgresPassword())) {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                // an operator's long transaction holding the offset rows: every batch hits lock_timeout
                lock.execute("SELECT * FROM scoring_offsets FOR UPDATE");
            }
            EventTopic.sendTicketEvents("tenant-locked", "T-1", List.of(event("tenant-locked", "l-1",
                    "ticket.created", "2026-11-02T09:00:00Z", "{\"ticket_id\":\"T-1\",\"channel\":\"web\"}")));

            await().atMost(Duration.ofSeconds(30)).until(() -> failures("transient") > transientBefore);
            assertThat(aggregates.totals("tenant-locked", null)).containsEntry("tickets_created", 0L);
            blocker.rollback();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> aggregates.totals("tenant-locked", null)
                .get("tickets_created") == 1L);
    }

    @Test
    void aRecordTheDatabaseRefusesIsDeadLetteredAndItsBatchIsStillApplied() {
        Aggregates aggregates = new Aggregates(dataSource);
        double poisonBefore = failures("poison");
        // PostgreSQL text cannot hold NUL: valid JSON, valid by the contract, and refused by the database
        String poisoned = event("tenant-poison", "p-1", "ticket.created", "2026-11-02T09:00:00Z",
                "{\"ticket_id\":\"T-\\u0000-1\",\"channel\":\"web\"}");
        String fine = event("tenant-poison", "p-2", "ticket.created", "2026-11-02T09:00:00Z",
                "{\"ticket_id\":\"T-2\",\"channel\":\"web\"}");

        EventTopic.send(List.<String[]>of(new String[] {"tenant-poison:T-2", poisoned},
                new String[] {"tenant-poison:T-2", fine}));

        await().atMost(Duration.ofSeconds(60)).until(() -> aggregates.totals("tenant-poison", null)
                .get("tickets_created") == 1L);
        assertThat(failures("poison")).isGreaterThan(poisonBefore);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                EventTopic.readAll(EventTopic.deadLetterName()).stream()
                        .filter(r -> EventTopic.text(r.value()).contains("p-1"))
                        .map(r -> EventTopic.text(r.headers().lastHeader(DeadLetterPublisher.REASON_HEADER).value())))
                .singleElement().asString().startsWith("processing failed: PSQLException"));
    }
}
