package io.deskpulse.scoring.service;

import io.deskpulse.scoring.domain.IncomingEvent;
import io.deskpulse.scoring.domain.Replay;
import io.deskpulse.scoring.messaging.CloudEventDecoder;
import io.deskpulse.scoring.messaging.KafkaClients;
import io.deskpulse.scoring.messaging.UndecodableEventException;
import io.deskpulse.scoring.repository.ReplayRepository;
import io.deskpulse.scoring.repository.Transactions;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Runs replays: takes one whose lease has run out, reads its range of the topic with a consumer of its
 * own and feeds the tenant's events through the {@link BatchProcessor} under the replay's consumer
 * group — so progress is committed with the aggregates, exactly once, and another instance can take
 * over where this one stopped. Undecodable records are skipped: they went to the dead-letter topic
 * when they were first consumed.
 */
@ApplicationScoped
public class ReplayRunner {

    private static final Logger LOG = Logger.getLogger(ReplayRunner.class);
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(500);

    private final DataSource dataSource;
    private final ReplayRepository replays;
    private final BatchProcessor processor;
    private final CloudEventDecoder decoder;
    private final KafkaClients clients;
    private final String owner = "scoring-" + UUID.randomUUID();

    public ReplayRunner(DataSource dataSource, ReplayRepository replays, BatchProcessor processor,
            CloudEventDecoder decoder, KafkaClients clients) {
        this.dataSource = dataSource;
        this.replays = replays;
        this.processor = processor;
        this.decoder = decoder;
        this.clients = clients;
    }

    @Scheduled(every = "${deskpulse.scoring.replay-interval:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            while (runNext()) {
                // one replay after another while any is waiting
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("A replay stopped, it will be taken up again: %s", e.getMessage());
        }
    }

    /** Takes a waiting replay and runs it to its end (or until its lease is lost); false when none waits. */
    public boolean runNext() throws SQLException {
        Optional<Replay> claimed = Transactions.autoCommit(dataSource, c -> replays.claim(c, owner, LEASE));
        if (claimed.isEmpty()) {
            return false;
        }
        Replay replay = claimed.get();
        try {
            if (run(replay)) {
                finish(replay.id(), Replay.COMPLETED, null);
                LOG.infof("Replay %s of tenant %s from %s completed", replay.id(), replay.tenantId(), replay.from());
            }
        } catch (Exception e) {
            if (Failures.isTransient(e)) {
                throw new IllegalStateException("replay " + replay.id() + " interrupted: " + e.getMessage(), e);
            }
            LOG.errorf(e, "Replay %s failed", replay.id());
            finish(replay.id(), "failed", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return true;
    }

    /** Returns true when every partition reached its end offset, false when the lease was lost. */
    private boolean run(Replay replay) throws Exception {
        String group = replay.consumerGroup();
        Map<Integer, Long> expected = new HashMap<>(
                processor.storedOffsets(group, replay.topic(), replay.endOffsets().keySet()));
        List<TopicPartition> open = new ArrayList<>();
        replay.endOffsets().forEach((partition, end) -> {
            if (expected.get(partition) < end) {
                open.add(new TopicPartition(replay.topic(), partition));
            }
        });
        try (KafkaConsumer<byte[], byte[]> consumer = clients.unmanagedConsumer("deskpulse-" + group)) {
            consumer.assign(open);
            open.forEach(tp -> consumer.seek(tp, expected.get(tp.partition())));
            while (!open.isEmpty()) {
                Map<Integer, Long> next = new HashMap<>();
                List<IncomingEvent> events = new ArrayList<>();
                long read = 0;
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() >= replay.endOffsets().get(record.partition())) {
                        continue; // beyond the range asked for: the live consumer has it
                    }
                    read++;
                    next.merge(record.partition(), record.offset() + 1, Math::max);
                    try {
                        IncomingEvent event = decoder.decode(record.value());
                        if (event.tenantId().equals(replay.tenantId())) {
                            events.add(event);
                        }
                    } catch (UndecodableEventException e) {
                        // dead-lettered when first consumed
                    }
                }
                int applied = 0;
                if (!next.isEmpty()) {
                    Map<Integer, Long> expectedNow = new HashMap<>();
                    next.keySet().forEach(p -> expectedNow.put(p, expected.get(p)));
                    BatchOutcome outcome = processor.apply(new ScoringBatch(group, replay.topic(), expectedNow, next, events));
                    if (outcome instanceof BatchOutcome.Fenced) {
                        return false; // another instance runs it now
                    }
                    applied = ((BatchOutcome.Applied) outcome).applied();
                    expected.putAll(next);
                }
                if (!renew(replay, read, applied)) {
                    return false;
                }
                open.removeIf(tp -> expected.get(tp.partition()) >= replay.endOffsets().get(tp.partition()));
                consumer.assign(open);
            }
        }
        return true;
    }

    private boolean renew(Replay replay, long read, long applied) throws SQLException {
        return Transactions.autoCommit(dataSource, c -> replays.progress(c, replay.id(), owner, LEASE, read, applied));
    }

    private void finish(UUID id, String status, String error) throws SQLException {
        Transactions.autoCommit(dataSource, c -> {
            replays.finish(c, id, status, error);
            return null;
        });
    }
}
