package io.deskpulse.scoring.it;

import static io.deskpulse.scoring.support.ContractEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskpulse.scoring.messaging.DeadLetterPublisher;
import io.deskpulse.scoring.support.Aggregates;
import io.deskpulse.scoring.support.EventTopic;
import io.deskpulse.scoring.support.ScoringTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Records scoring cannot process go to the dead-letter topic with their reason; consumption goes on. */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class DeadLetterTest {

    @Inject
    DataSource dataSource;

    @Test
    void unprocessableRecordsAreDeadLetteredAndTheNextEventIsStillApplied() {
        EventTopic.send(List.of(
                new String[] {"tenant-dlq:T-1", "this is not json"},
                new String[] {"tenant-dlq:T-1", "{\"specversion\":\"1.0\",\"id\":\"bogus-1\",\"source\":\"s\","
                        + "\"type\":\"ticket.teleported\",\"time\":\"2026-11-02T09:00:00Z\",\"data\":{\"ticket_id\":\"T-1\"},"
                        + "\"deskpulsetenant\":\"tenant-dlq\"}"},
                // Times beyond epoch milliseconds failed whole batches (ArithmeticException); centuries away made
                // business hours walk one step per day: both are refused before they reach a timeline.
                new String[] {"tenant-dlq:T-2", event("tenant-dlq", "far-1", "ticket.created",
                        "+200000000-01-01T00:00:00Z", "{\"ticket_id\":\"T-2\",\"channel\":\"chat\"}")},
                new String[] {"tenant-dlq:T-2", event("tenant-dlq", "far-2", "ticket.created",
                        "1899-12-31T23:59:59Z", "{\"ticket_id\":\"T-2\",\"channel\":\"chat\"}")},
                new String[] {"tenant-dlq:T-1", event("tenant-dlq", "ok-1", "ticket.created", "2026-11-02T09:00:00Z",
                        "{\"ticket_id\":\"T-1\",\"channel\":\"chat\"}")}));

        Aggregates aggregates = new Aggregates(dataSource);
        await().atMost(Duration.ofSeconds(60)).until(() -> aggregates.totals("tenant-dlq", null)
                .get("tickets_created") == 1L);

        List<ConsumerRecord<byte[], byte[]>> deadLetters = EventTopic.readAll(EventTopic.deadLetterName());
        assertThat(deadLetters).extracting(r -> EventTopic.text(r.headers().lastHeader(DeadLetterPublisher.REASON_HEADER)
                .value())).contains("value is not JSON: Unrecognized token 'this': was expecting (JSON String, Number, "
                + "Array, Object or token 'null', 'true' or 'false')", "unknown event type 'ticket.teleported'",
                "time '+200000000-01-01T00:00:00Z' lies outside 1900-01-01T00:00:00Z to 2200-01-01T00:00:00Z, the "
                        + "times scoring derives",
                "time '1899-12-31T23:59:59Z' lies outside 1900-01-01T00:00:00Z to 2200-01-01T00:00:00Z, the times "
                        + "scoring derives");
        ConsumerRecord<byte[], byte[]> bogus = deadLetters.stream()
                .filter(r -> EventTopic.text(r.value()).contains("bogus-1")).findFirst().orElseThrow();
        assertThat(EventTopic.text(bogus.headers().lastHeader(DeadLetterPublisher.TOPIC_HEADER).value()))
                .isEqualTo(EventTopic.name());
        assertThat(EventTopic.text(bogus.key())).isEqualTo("tenant-dlq:T-1");
        assertThat(bogus.headers().lastHeader(DeadLetterPublisher.OFFSET_HEADER)).isNotNull();
    }
}
