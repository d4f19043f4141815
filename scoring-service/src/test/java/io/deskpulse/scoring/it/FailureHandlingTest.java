package io.deskpulse.scoring.it;

import static io.deskpulse.scoring.support.ContractEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.deskpulse.scoring.config.ScoringConfig;
import io.deskpulse.scoring.messaging.DeadLetterPublisher;
import io.deskpulse.scoring.service.Failures;
import io.deskpulse.scoring.support.Aggregates;
import io.deskpulse.scoring.support.EventTopic;
import io.deskpulse.scoring.support.ScoringTestResources;
import io.deskpulse.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Real failures of the real database: one that passes is retried, one a record causes is isolated. */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
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

    /**
     * An operator's transaction holds this consumer group's offset rows: every batch runs into lock_timeout (a
     * transient failure), is retried, and goes through once the rows are free. The test locks the rows the way a
     * batch does — this group's and topic's, in partition order — so that it waits for a batch still in flight
     * instead of deadlocking with it: locking every row of the table in physical order could take one partition's
     * row while a batch held another's, and with lock_timeout and deadlock_timeout both 1 s PostgreSQL could then
     * cancel the test's own transaction. It waits for two failures after the event was sent, so that the event's
     * batch has been tried and retried while blocked, whatever failed before.
     */
    @Test
    void aBatchBlockedByALockIsRetriedUntilItGoesThrough() throws Exception {
        Aggregates aggregates = new Aggregates(dataSource);
        aggregates.awaitDrained(config.consumerGroup());
        // the rows exist once the partitions were assigned: a row made after the lock would not be locked
        await().atMost(Duration.ofSeconds(60)).until(() -> aggregates.scalar("SELECT count(*) FROM scoring_offsets"
                + " WHERE consumer_group = ? AND topic = ?", config.consumerGroup(), EventTopic.name()) == 3);

        try (Connection blocker = DriverManager.getConnection(jdbcUrl, TestInfrastructure.postgresUser(),
                TestInfrastructure.postgresPassword())) {
            blocker.setAutoCommit(false);
            try (PreparedStatement lock = blocker.prepareStatement("SELECT kafka_partition FROM scoring_offsets"
                    + " WHERE consumer_group = ? AND topic = ? ORDER BY kafka_partition FOR UPDATE")) {
                lock.setString(1, config.consumerGroup());
                lock.setString(2, EventTopic.name());
                try (ResultSet locked = lock.executeQuery()) {
                    int rows = 0;
                    while (locked.next()) {
                        rows++;
                    }
                    assertThat(rows).isEqualTo(3);
                }
            }
            double transientBefore = failures("transient");
            EventTopic.sendTicketEvents("tenant-locked", "T-1", List.of(event("tenant-locked", "l-1",
                    "ticket.created", "2026-11-02T09:00:00Z", "{\"ticket_id\":\"T-1\",\"channel\":\"web\"}")));

            await().atMost(Duration.ofSeconds(30)).until(() -> failures("transient") >= transientBefore + 2);
            assertThat(aggregates.totals("tenant-locked", null)).containsEntry("tickets_created", 0L);
            blocker.rollback();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> aggregates.totals("tenant-locked", null)
                .get("tickets_created") == 1L);
    }

    /**
     * A scoring session whose client vanished without the server noticing (its node lost, a network partition longer
     * than TCP waits; docs/faults.md, fault partition-cut) sits idle inside its transaction with the offset rows
     * locked: every batch of those partitions runs into lock_timeout. The service's sessions carry
     * idle_in_transaction_session_timeout, so the server ends such a session and the batches go through. Here the
     * orphan is a session of the test, its timeout shortened to 2 s; it holds the rows the way a batch does and then
     * says nothing more, and is never closed by the test before the batch has gone through.
     */
    @Test
    void aSessionLeftIdleInATransactionIsEndedByTheServerAndTheBatchesItBlockedGoThrough() throws Exception {
        Aggregates aggregates = new Aggregates(dataSource);
        aggregates.awaitDrained(config.consumerGroup());
        await().atMost(Duration.ofSeconds(60)).until(() -> aggregates.scalar("SELECT count(*) FROM scoring_offsets"
                + " WHERE consumer_group = ? AND topic = ?", config.consumerGroup(), EventTopic.name()) == 3);
        try (Connection service = dataSource.getConnection(); var show = service.createStatement();
             ResultSet setting = show.executeQuery("SELECT setting FROM pg_settings"
                     + " WHERE name = 'idle_in_transaction_session_timeout'")) {
            setting.next();
            assertThat(setting.getString(1)).as("the service's sessions (ms)").isEqualTo("60000");
        }

        Connection orphan = DriverManager.getConnection(jdbcUrl, TestInfrastructure.postgresUser(),
                TestInfrastructure.postgresPassword());
        try {
            try (var shorter = orphan.createStatement()) {
                shorter.execute("SET idle_in_transaction_session_timeout = '2s'");
            }
            orphan.setAutoCommit(false);
            try (PreparedStatement lock = orphan.prepareStatement("SELECT kafka_partition FROM scoring_offsets"
                    + " WHERE consumer_group = ? AND topic = ? ORDER BY kafka_partition FOR UPDATE")) {
                lock.setString(1, config.consumerGroup());
                lock.setString(2, EventTopic.name());
                lock.executeQuery().close();
            }
            EventTopic.sendTicketEvents("tenant-orphaned", "T-1", List.of(event("tenant-orphaned", "o-1",
                    "ticket.created", "2026-11-02T09:00:00Z", "{\"ticket_id\":\"T-1\",\"channel\":\"web\"}")));

            await().atMost(Duration.ofSeconds(60)).until(() -> aggregates.totals("tenant-orphaned", null)
                    .get("tickets_created") == 1L);

            // the server ended the orphan: the failure it reports is one scoring retries
            assertThatThrownBy(() -> orphan.createStatement().execute("SELECT 1")).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(Failures.isTransient(e)).as(e.toString()).isTrue());
        } finally {
            orphan.close();
        }
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
