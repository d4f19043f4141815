package io.deskpulse.scoring.it;

import static io.deskpulse.scoring.support.AdminApi.json;
import static io.deskpulse.scoring.support.AdminApi.post;
import static io.deskpulse.scoring.support.ContractEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskpulse.scoring.messaging.CloudEventDecoder;
import io.deskpulse.scoring.messaging.DeadLetterPublisher;
import io.deskpulse.scoring.support.Aggregates;
import io.deskpulse.scoring.support.EventTopic;
import io.deskpulse.scoring.support.ScoringTestResources;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Records of a tenant that is neither created (POST /v1/tenants) nor a configured key's are dead-lettered with the
 * reason unknown-tenant and count nowhere: the event topic is not trusted to name real tenants. Once the operator
 * creates the tenant, its records count.
 */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class UnknownTenantTest {

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Test
    void aRecordOfAnUnknownTenantIsDeadLetteredWithItsReasonAndCountsNowhere() throws SQLException {
        double before = deadLettered();
        EventTopic.sendUnregistered(List.<String[]>of(new String[] {"stranger:T-1", event("stranger", "forged-1",
                "ticket.created", "2026-11-02T09:00:00Z", "{\"ticket_id\":\"T-1\",\"channel\":\"chat\"}")},
                // a name no key can have, NUL included: refused without asking the database (which would refuse it)
                new String[] {"x:T-1", event("Not\u0000A Tenant", "forged-2", "ticket.created", "2026-11-02T09:00:00Z",
                        "{\"ticket_id\":\"T-1\",\"channel\":\"chat\"}")}));
        // A known tenant's record beside them counts as ever.
        EventTopic.send(List.<String[]>of(new String[] {"neighbour:T-1", event("neighbour", "ok-1", "ticket.created",
                "2026-11-02T09:00:00Z", "{\"ticket_id\":\"T-1\",\"channel\":\"chat\"}")}));
        Aggregates aggregates = new Aggregates(dataSource);
        await().atMost(Duration.ofSeconds(60)).until(() -> aggregates.totals("neighbour", null)
                .get("tickets_created") == 1L);
        // Records of other partitions than the neighbour's may come later: wait for both refusals.
        await().atMost(Duration.ofSeconds(60)).until(() -> deadLetters("forged-1").size() == 1
                && deadLetters("forged-2").size() == 1 && deadLettered() - before == 2.0);

        ConsumerRecord<byte[], byte[]> dead = deadLetters("forged-1").get(0);
        assertThat(EventTopic.text(dead.headers().lastHeader(DeadLetterPublisher.REASON_HEADER).value()))
                .isEqualTo("unknown-tenant: tenant 'stranger' is not registered (POST /v1/tenants)");
        assertThat(EventTopic.text(dead.key())).isEqualTo("stranger:T-1");
        assertThat(EventTopic.text(deadLetters("forged-2").get(0).headers()
                .lastHeader(DeadLetterPublisher.REASON_HEADER).value()))
                .isEqualTo("unknown-tenant: tenant 'Not\u0000A Tenant' is not registered (POST /v1/tenants)");
        assertThat(aggregates.totals("stranger", null).get("tickets_created")).isEqualTo(0L);
        assertThat(rows("SELECT count(*) FROM ticket_timelines WHERE tenant_id = 'stranger'")).isZero();
        assertThat(rows("SELECT count(*) FROM seen_events WHERE event_key = '"
                + CloudEventDecoder.eventKey("stranger", "test/stranger", "forged-1") + "'")).isZero();

        // Created by the operator, the tenant counts from its next record on.
        post(KeyManagementApiTest.OPERATOR, "/v1/tenants", json("{'id': 'stranger'}")).then().statusCode(201);
        EventTopic.sendUnregistered(List.<String[]>of(new String[] {"stranger:T-2", event("stranger", "legit-1",
                "ticket.created", "2026-11-02T10:00:00Z", "{\"ticket_id\":\"T-2\",\"channel\":\"chat\"}")}));
        await().atMost(Duration.ofSeconds(60)).until(() -> aggregates.totals("stranger", null)
                .get("tickets_created") == 1L);
    }

    private static List<ConsumerRecord<byte[], byte[]>> deadLetters(String eventId) {
        return EventTopic.readAll(EventTopic.deadLetterName()).stream()
                .filter(r -> EventTopic.text(r.value()).contains("\"" + eventId + "\"")).toList();
    }

    private double deadLettered() {
        var counter = registry.find("deskpulse.scoring.events.deadlettered").tag("reason", "unknown_tenant").counter();
        return counter == null ? 0 : counter.count();
    }

    private long rows(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet row = s.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
