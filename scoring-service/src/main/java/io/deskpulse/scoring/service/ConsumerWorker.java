package io.deskpulse.scoring.service;

import io.deskpulse.scoring.config.ScoringConfig;
import io.deskpulse.scoring.domain.IncomingEvent;
import io.deskpulse.scoring.messaging.CloudEventDecoder;
import io.deskpulse.scoring.messaging.ConsumerStatus;
import io.deskpulse.scoring.messaging.DeadLetter;
import io.deskpulse.scoring.messaging.DeadLetterPublisher;
import io.deskpulse.scoring.messaging.KafkaClients;
import io.deskpulse.scoring.messaging.UndecodableEventException;
import io.deskpulse.scoring.repository.OffsetRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * One poll loop: a Kafka consumer of the scoring group on its own thread, handing each poll to the
 * {@link BatchProcessor} as one transaction. Its position always follows the offsets stored in PostgreSQL: it seeks
 * to them when partitions are assigned, after a failure and after being fenced. Several workers in one service
 * share the partitions like several replicas would (docs/architecture.md).
 */
final class ConsumerWorker {

    private static final Logger LOG = Logger.getLogger(ConsumerWorker.class);

    private final int index;
    private final KafkaClients clients;
    private final CloudEventDecoder decoder;
    private final BatchProcessor processor;
    private final DeadLetterPublisher deadLetters;
    private final ScoringMetrics metrics;
    private final ConsumerStatus status;
    private final ScoringConfig config;
    private final String topic;
    private final KnownTenants tenants;

    /** Per assigned partition: the next offset this consumer believes PostgreSQL holds. */
    private final Map<Integer, Long> expected = new HashMap<>();
    private volatile boolean running = true;
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    ConsumerWorker(int index, KafkaClients clients, CloudEventDecoder decoder, BatchProcessor processor,
            DeadLetterPublisher deadLetters, ScoringMetrics metrics, ConsumerStatus status, ScoringConfig config,
            String topic, KnownTenants tenants) {
        this.index = index;
        this.tenants = tenants;
        this.clients = clients;
        this.decoder = decoder;
        this.processor = processor;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.status = status;
        this.config = config;
        this.topic = topic;
    }

    void run() {
        status.started();
        while (running) {
            try (KafkaConsumer<byte[], byte[]> kafka = clients.consumer(index)) {
                consumer = kafka;
                expected.clear();
                kafka.subscribe(List.of(topic), new Rebalance());
                while (running) {
                    ConsumerRecords<byte[], byte[]> records = kafka.poll(config.pollTimeout());
                    if (!records.isEmpty()) {
                        handle(records);
                    }
                    updateLag();
                }
            } catch (WakeupException e) {
                if (running) {
                    LOG.warn("Consumer woken up unexpectedly; restarting it");
                }
            } catch (RuntimeException e) {
                // E.g. the broker refused us: start a fresh consumer after a pause instead of dying.
                status.failed(e);
                LOG.errorf(e, "Consumer failed; restarting it in %s", config.retryBackoff());
                pauseBeforeRestart();
            } finally {
                consumer = null;
            }
        }
        status.stopped();
    }

    private void handle(ConsumerRecords<byte[], byte[]> records) {
        Set<Integer> partitions = records.partitions().stream().map(TopicPartition::partition)
                .collect(Collectors.toCollection(TreeSet::new));
        if (!expected.keySet().containsAll(partitions)) {
            // Assignment could not read the stored offsets (database down then): read them now, and
            // start these partitions over from there.
            if (loadStoredOffsets(partitions)) {
                rewind(partitions);
            } else {
                backOff(partitions);
            }
            return;
        }
        List<ConsumerRecord<byte[], byte[]>> ordered = new ArrayList<>(records.count());
        records.forEach(ordered::add);
        try {
            applyAll(partitions, ordered);
        } catch (Exception e) {
            if (Failures.isTransient(e)) {
                metrics.batchFailed(true);
                status.failed(e);
                LOG.warnf("Batch of %d records failed, will retry: %s", ordered.size(), e.getMessage());
                backOff(partitions);
            } else {
                metrics.batchFailed(false);
                LOG.errorf(e, "Batch of %d records failed; applying them one by one to isolate the cause",
                        ordered.size());
                applyOneByOne(ordered);
            }
        }
    }

    /**
     * Applies the records as one transaction; undecodable ones, and those of tenants scoring does not know, go to the
     * dead-letter topic first.
     */
    private void applyAll(Collection<Integer> partitions, List<ConsumerRecord<byte[], byte[]>> records)
            throws Exception {
        List<IncomingEvent> events = new ArrayList<>(records.size());
        List<DeadLetter> undecodable = new ArrayList<>();
        List<DeadLetter> strangers = new ArrayList<>();
        Map<Integer, Long> next = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            next.merge(record.partition(), record.offset() + 1, Math::max);
            try {
                IncomingEvent event = decoder.decode(record.value());
                if (tenants.isKnown(event.tenantId())) {
                    events.add(event);
                } else {
                    strangers.add(new DeadLetter(record, KnownTenants.reason(event.tenantId())));
                }
            } catch (UndecodableEventException e) {
                undecodable.add(new DeadLetter(record, e.getMessage()));
            }
        }
        deadLetter(undecodable, "undecodable");
        deadLetter(strangers, "unknown_tenant");
        Map<Integer, Long> expectedNow = new HashMap<>();
        partitions.forEach(p -> expectedNow.put(p, expected.get(p)));
        BatchOutcome outcome = metrics.batchApply()
                .recordCallable(() -> processor.apply(new ScoringBatch(config.consumerGroup(), topic, expectedNow, next, events)));
        if (outcome instanceof BatchOutcome.Applied applied) {
            expected.putAll(next);
            commitToKafka(next);
            metrics.applied(applied);
            status.succeeded();
        } else if (outcome instanceof BatchOutcome.Fenced fenced) {
            metrics.fenced();
            LOG.infof("Offsets of partitions %s were moved by another consumer; resuming from %s", partitions,
                    fenced.storedOffsets());
            expected.putAll(fenced.storedOffsets());
            rewind(partitions);
        }
    }

    private void deadLetter(List<DeadLetter> refused, String reason) throws Exception {
        deadLetters.publish(refused);
        if (!refused.isEmpty()) {
            metrics.deadLettered(reason, refused.size());
            LOG.warnf("Sent %d records to the dead-letter topic (%s), e.g.: %s", refused.size(), reason,
                    refused.get(0).reason());
        }
    }

    /**
     * Isolates a record that fails every time (a bug, or data the database refuses): each record is
     * applied alone, and one that still fails non-transiently is dead-lettered and stepped over.
     */
    private void applyOneByOne(List<ConsumerRecord<byte[], byte[]>> records) {
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (!expected.containsKey(record.partition()) || record.offset() < expected.get(record.partition())) {
                continue;
            }
            Set<Integer> partition = Set.of(record.partition());
            try {
                applyAll(partition, List.of(record));
            } catch (Exception e) {
                if (Failures.isTransient(e)) {
                    status.failed(e);
                    backOff(new TreeSet<>(expected.keySet()));
                    return;
                }
                try {
                    String reason = "processing failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
                    deadLetters.publish(List.of(new DeadLetter(record, reason)));
                    metrics.deadLettered("processing_failed", 1);
                    LOG.errorf("Dead-lettered record %s-%d@%d: %s", record.topic(), record.partition(),
                            record.offset(), reason);
                    stepOver(record);
                } catch (Exception stepFailure) {
                    status.failed(stepFailure);
                    backOff(new TreeSet<>(expected.keySet()));
                    return;
                }
            }
        }
    }

    /** Moves the stored offset past a dead-lettered record, in its own transaction. */
    private void stepOver(ConsumerRecord<byte[], byte[]> record) throws Exception {
        int partition = record.partition();
        Map<Integer, Long> next = Map.of(partition, record.offset() + 1);
        BatchOutcome outcome = processor.apply(new ScoringBatch(config.consumerGroup(), topic,
                Map.of(partition, expected.get(partition)), next, List.of()));
        if (outcome instanceof BatchOutcome.Applied) {
            expected.putAll(next);
            commitToKafka(next);
        } else {
            throw new IllegalStateException("fenced while stepping over a dead-lettered record");
        }
    }

    private boolean loadStoredOffsets(Set<Integer> partitions) {
        try {
            expected.putAll(processor.storedOffsets(config.consumerGroup(), topic, partitions));
            return true;
        } catch (Exception e) {
            status.failed(e);
            LOG.warnf("Cannot read stored offsets of partitions %s: %s", partitions, e.getMessage());
            return false;
        }
    }

    /** Puts the consumer back where PostgreSQL says these partitions stand. */
    private void rewind(Collection<Integer> partitions) {
        for (Integer partition : partitions) {
            TopicPartition tp = new TopicPartition(topic, partition);
            if (!consumer.assignment().contains(tp)) {
                continue;
            }
            Long stored = expected.get(partition);
            if (stored == null || stored == OffsetRepository.NONE) {
                consumer.seekToBeginning(List.of(tp));
            } else {
                consumer.seek(tp, stored);
            }
        }
    }

    /** Rewinds, then waits the retry backoff while polling paused, which keeps group membership alive. */
    private void backOff(Set<Integer> partitions) {
        rewind(partitions);
        Set<TopicPartition> assigned = consumer.assignment();
        consumer.pause(assigned);
        try {
            consumer.poll(config.retryBackoff());
        } finally {
            consumer.resume(consumer.assignment());
        }
    }

    private void pauseBeforeRestart() {
        try {
            stopping.await(config.retryBackoff().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Asks the loop to end: it finishes the batch in hand, or leaves a poll or a pause at once. */
    void stop() {
        running = false;
        stopping.countDown();
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private void commitToKafka(Map<Integer, Long> next) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        next.forEach((partition, offset) -> offsets.put(new TopicPartition(topic, partition),
                new OffsetAndMetadata(offset)));
        consumer.commitAsync(offsets, (committed, failure) -> {
            if (failure != null) {
                LOG.debugf("Kafka offset commit (for lag tooling only) failed: %s", failure.getMessage());
            }
        });
    }

    private void updateLag() {
        long total = 0;
        for (TopicPartition tp : consumer.assignment()) {
            total += consumer.currentLag(tp).orElse(0);
        }
        status.lag(index, total);
        metrics.lag(status.lag());
    }

    /** Follows partition ownership: forget what was revoked, read the stored offsets of what was assigned. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(tp -> expected.remove(tp.partition()));
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            Set<Integer> numbers = partitions.stream().map(TopicPartition::partition)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (loadStoredOffsets(numbers)) {
                rewind(numbers);
                LOG.infof("Assigned partitions %s of %s; resuming from stored offsets", numbers, topic);
            }
        }
    }
}
