package io.deskpulse.scoring.it;

import static io.deskpulse.scoring.support.ContractEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskpulse.scoring.domain.IncomingEvent;
import io.deskpulse.scoring.domain.NpsResponse;
import io.deskpulse.scoring.messaging.CloudEventDecoder;
import io.deskpulse.scoring.repository.CustomerNpsRepository;
import io.deskpulse.scoring.repository.OffsetRepository;
import io.deskpulse.scoring.service.BatchProcessor;
import io.deskpulse.scoring.service.ScoringBatch;
import io.deskpulse.scoring.support.Aggregates;
import io.deskpulse.scoring.support.EventTopic;
import io.deskpulse.scoring.support.ScoringTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * What scoring stores for the BI surface: NPS responses per customer (exactly once, late ones kept by
 * event time, the survey's customer winning over a copy from a timeline), and the export position of
 * ticket_facts (a write records its transaction; an unchanged row is not rewritten).
 */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class CustomerNpsAndFactsExportTest {

    private static final String GROUP = "unit-tests";

    @Inject
    BatchProcessor processor;

    @Inject
    CloudEventDecoder decoder;

    @Inject
    CustomerNpsRepository customerNps;

    @Inject
    DataSource dataSource;

    private IncomingEvent decode(String json) throws Exception {
        return decoder.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    private long offset;
    private final String topic = "unit-" + UUID.randomUUID();

    private void apply(IncomingEvent... events) throws Exception {
        if (offset == 0) {
            processor.storedOffsets(GROUP, topic, Set.of(0));
            offset = OffsetRepository.NONE;
        }
        long next = Math.max(offset, 0) + events.length;
        processor.apply(new ScoringBatch(GROUP, topic, Map.of(0, offset), Map.of(0, next), List.of(events)));
        offset = next;
    }

    private String responses(String tenant) {
        StringBuilder out = new StringBuilder();
        try (Connection c = dataSource.getConnection(); var s = c.prepareStatement("""
                SELECT ticket_id, customer_id, responded_at, score FROM customer_nps_responses WHERE tenant_id = ?
                ORDER BY responded_at""")) {
            s.setString(1, tenant);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append('|').append(rs.getString(2)).append('|')
                            .append(rs.getObject(3, java.time.OffsetDateTime.class).toInstant()).append('|')
                            .append(rs.getInt(4)).append('\n');
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    @Test
    void responsesAreStoredOnceWithTheCustomerTheyName() throws Exception {
        IncomingEvent ticketless = decode(event("tenant-nps1", "n-1", "survey.nps", "2026-11-02T09:00:00Z",
                "{\"score\":3,\"customer_id\":\"c-1\"}"));
        IncomingEvent onTicket = decode(event("tenant-nps1", "n-2", "survey.nps", "2026-11-03T09:00:00Z",
                "{\"score\":9,\"ticket_id\":\"T-1\"}"));
        IncomingEvent anonymous = decode(event("tenant-nps1", "n-3", "survey.nps", "2026-11-04T09:00:00Z",
                "{\"score\":0,\"agent_id\":\"a-1\"}"));

        apply(ticketless, onTicket, anonymous, ticketless);
        apply(onTicket, ticketless);

        // the anonymous ticketless response has no customer to belong to; the ticket's names none: '' = the ticket's
        assertThat(responses("tenant-nps1")).isEqualTo("""
                |c-1|2026-11-02T09:00:00Z|3
                T-1||2026-11-03T09:00:00Z|9
                """);
    }

    @Test
    void aCopyFromATimelineNeverHidesTheSurveysCustomer() throws Exception {
        IncomingEvent named = decode(event("tenant-nps2", "n-1", "survey.nps", "2026-11-02T09:00:00Z",
                "{\"score\":5,\"ticket_id\":\"T-1\",\"customer_id\":\"c-7\"}"));
        apply(named);
        long identity = named.ticketEvent().identity();
        try (Connection c = dataSource.getConnection()) {
            // what a recomputation writes from the ticket's timeline: the same response, customer unknown
            customerNps.save(c, List.of(new NpsResponse("tenant-nps2", "T-1", identity, "",
                    Instant.parse("2026-11-02T09:00:00Z").toEpochMilli(), 5)));
            assertThat(responses("tenant-nps2")).isEqualTo("T-1|c-7|2026-11-02T09:00:00Z|5\n");
            // and the other way round: the timeline's copy first, the survey's customer fills it in
            customerNps.save(c, List.of(new NpsResponse("tenant-nps2", "T-2", 42, "",
                    Instant.parse("2026-11-05T09:00:00Z").toEpochMilli(), 8)));
            customerNps.save(c, List.of(new NpsResponse("tenant-nps2", "T-2", 42, "c-8",
                    Instant.parse("2026-11-05T09:00:00Z").toEpochMilli(), 8)));
        }
        assertThat(responses("tenant-nps2")).isEqualTo("T-1|c-7|2026-11-02T09:00:00Z|5\nT-2|c-8|2026-11-05T09:00:00Z|8\n");
    }

    @Test
    void lateResponsesOnTheRealTopicAreKeptByEventTime() {
        String tenant = "tenant-nps3";
        // the customer's later answer (9) arrives first, the earlier detractor (2) late, then a change to 4
        EventTopic.send(List.of(
                new String[] {tenant + ":customer:c-1", event(tenant, "n-2", "survey.nps", "2026-11-10T09:00:00Z",
                        "{\"score\":9,\"customer_id\":\"c-1\"}")},
                new String[] {tenant + ":customer:c-1", event(tenant, "n-1", "survey.nps", "2026-11-01T09:00:00Z",
                        "{\"score\":2,\"customer_id\":\"c-1\"}")},
                new String[] {tenant + ":customer:c-1", event(tenant, "n-1", "survey.nps", "2026-11-01T09:00:00Z",
                        "{\"score\":2,\"customer_id\":\"c-1\"}")},
                new String[] {tenant + ":customer:c-1", event(tenant, "n-3", "survey.nps", "2026-11-12T09:00:00Z",
                        "{\"score\":4,\"customer_id\":\"c-1\"}")}));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(responses(tenant)).isEqualTo("""
                |c-1|2026-11-01T09:00:00Z|2
                |c-1|2026-11-10T09:00:00Z|9
                |c-1|2026-11-12T09:00:00Z|4
                """));
    }

    @Test
    void aFactsWriteRecordsItsTransactionAndUnchangedFactsAreNotRewritten() throws Exception {
        String tenant = "tenant-export1";
        apply(decode(event(tenant, "e-1", "ticket.created", "2026-11-02T09:00:00Z",
                "{\"ticket_id\":\"T-1\",\"channel\":\"email\",\"customer_id\":\"c-1\"}")));
        Aggregates db = new Aggregates(dataSource);
        String position = "SELECT txid::text::bigint FROM ticket_facts WHERE tenant_id = '" + tenant + "' AND ticket_id = 'T-1'";
        long first = db.scalar(position);
        assertThat(first).isPositive();

        // a customer message changes no fact: the row (and its export position) stays
        apply(decode(event(tenant, "e-2", "ticket.message", "2026-11-02T09:00:10Z",
                "{\"ticket_id\":\"T-1\",\"author\":\"customer\"}")));
        assertThat(db.scalar(position)).isEqualTo(first);

        // a reply does: a later transaction
        apply(decode(event(tenant, "e-3", "ticket.message", "2026-11-02T09:01:00Z",
                "{\"ticket_id\":\"T-1\",\"author\":\"agent\",\"agent_id\":\"a-1\"}")));
        assertThat(db.scalar(position)).isGreaterThan(first);
        assertThat(db.scalar("SELECT agent_replies FROM ticket_facts WHERE tenant_id = '" + tenant + "'")).isOne();
    }
}
