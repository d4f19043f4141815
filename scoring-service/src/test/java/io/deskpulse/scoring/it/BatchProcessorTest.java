package io.deskpulse.scoring.it;

import static io.deskpulse.scoring.support.ContractEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.scoring.domain.IncomingEvent;
import io.deskpulse.scoring.messaging.CloudEventDecoder;
import io.deskpulse.scoring.repository.OffsetRepository;
import io.deskpulse.scoring.service.BatchOutcome;
import io.deskpulse.scoring.service.BatchProcessor;
import io.deskpulse.scoring.service.ScoringBatch;
import io.deskpulse.scoring.support.Aggregates;
import io.deskpulse.scoring.support.ScoringTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The exactly-once rules of one transaction, driven directly on the real database under a topic name
 * of their own (offsets are kept per topic), so the running consumer is not involved.
 */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class BatchProcessorTest {

    private static final String GROUP = "unit-tests";

    @Inject
    BatchProcessor processor;

    @Inject
    CloudEventDecoder decoder;

    @Inject
    DataSource dataSource;

    private IncomingEvent decode(String json) throws Exception {
        return decoder.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    private IncomingEvent created(String tenant, String id, String ticket) throws Exception {
        return decode(event(tenant, id, "ticket.created", "2026-11-02T09:00:00Z",
                "{\"ticket_id\":\"" + ticket + "\",\"channel\":\"web\",\"team_id\":\"t-1\"}"));
    }

    @Test
    void aBatchMovesItsOffsetsWithItsAggregates() throws Exception {
        String topic = "unit-" + UUID.randomUUID();
        assertThat(processor.storedOffsets(GROUP, topic, Set.of(0))).containsEntry(0, OffsetRepository.NONE);

        BatchOutcome outcome = processor.apply(new ScoringBatch(GROUP, topic, Map.of(0, OffsetRepository.NONE), Map.of(0, 3L),
                List.of(created("tenant-bp1", "e-1", "T-1"), created("tenant-bp1", "e-2", "T-2"))));

        assertThat(outcome).isEqualTo(new BatchOutcome.Applied(2, 0, 1));
        assertThat(processor.storedOffsets(GROUP, topic, Set.of(0))).containsEntry(0, 3L);
        assertThat(new Aggregates(dataSource).totals("tenant-bp1", null)).containsEntry("tickets_created", 2L);
    }

    @Test
    void aConsumerWhoseOffsetsWereMovedByAnotherIsFencedAndWritesNothing() throws Exception {
        String topic = "unit-" + UUID.randomUUID();
        processor.storedOffsets(GROUP, topic, Set.of(0, 1));
        // another consumer (the new owner after a rebalance) applied partition 1 up to offset 10
        processor.apply(new ScoringBatch(GROUP, topic, Map.of(1, OffsetRepository.NONE), Map.of(1, 10L), List.of()));

        // this one still believes partition 1 has nothing applied
        BatchOutcome outcome = processor.apply(new ScoringBatch(GROUP, topic, Map.of(0, OffsetRepository.NONE, 1,
                OffsetRepository.NONE), Map.of(0, 5L, 1, 4L), List.of(created("tenant-bp2", "e-1", "T-1"))));

        assertThat(outcome).isEqualTo(new BatchOutcome.Fenced(Map.of(0, OffsetRepository.NONE, 1, 10L)));
        assertThat(processor.storedOffsets(GROUP, topic, Set.of(0, 1))).containsEntry(0, OffsetRepository.NONE)
                .containsEntry(1, 10L);
        assertThat(new Aggregates(dataSource).totals("tenant-bp2", null)).containsEntry("tickets_created", 0L);
    }

    @Test
    void duplicatesInOneBatchAndAcrossBatchesCountOnce() throws Exception {
        String topic = "unit-" + UUID.randomUUID();
        processor.storedOffsets(GROUP, topic, Set.of(0));
        IncomingEvent event = created("tenant-bp3", "e-1", "T-1");

        BatchOutcome first = processor.apply(new ScoringBatch(GROUP, topic, Map.of(0, OffsetRepository.NONE), Map.of(0, 2L),
                List.of(event, event)));
        BatchOutcome second = processor.apply(new ScoringBatch(GROUP, topic, Map.of(0, 2L), Map.of(0, 3L), List.of(event)));

        assertThat(first).isEqualTo(new BatchOutcome.Applied(1, 1, 1));
        assertThat(second).isEqualTo(new BatchOutcome.Applied(0, 1, 0));
        assertThat(new Aggregates(dataSource).totals("tenant-bp3", null)).containsEntry("tickets_created", 1L);
    }

    @Test
    void aTicketEventResentAfterTheDedupWindowStillChangesNothing() throws Exception {
        String topic = "unit-" + UUID.randomUUID();
        processor.storedOffsets(GROUP, topic, Set.of(0));
        IncomingEvent event = created("tenant-bp4", "e-1", "T-1");
        processor.apply(new ScoringBatch(GROUP, topic, Map.of(0, OffsetRepository.NONE), Map.of(0, 1L), List.of(event)));
        Aggregates aggregates = new Aggregates(dataSource);
        aggregates.execute("DELETE FROM seen_events WHERE event_key = '" + event.eventKey() + "'");

        BatchOutcome again = processor.apply(new ScoringBatch(GROUP, topic, Map.of(0, 1L), Map.of(0, 2L), List.of(event)));

        // the dedup table forgot it; the ticket's timeline did not
        assertThat(again).isEqualTo(new BatchOutcome.Applied(1, 0, 0));
        assertThat(aggregates.totals("tenant-bp4", null)).containsEntry("tickets_created", 1L);
    }
}
