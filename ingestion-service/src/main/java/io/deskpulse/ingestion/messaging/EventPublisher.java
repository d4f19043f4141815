package io.deskpulse.ingestion.messaging;

import io.deskpulse.ingestion.config.IngestConfig;
import io.deskpulse.ingestion.config.KafkaConfig;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jboss.logging.Logger;

/**
 * Writes the records of one request to the events topic and returns only once Kafka acknowledged all of
 * them (acks=all), so that a 202 is never given for an event that could still be lost.
 */
@Startup
@ApplicationScoped
public class EventPublisher {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class);

    /** CloudEvents Kafka binding, structured mode: the value is the whole event as JSON. */
    static final List<Header> HEADERS = List.of(new RecordHeader("content-type",
            "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8)));

    private final Producer<byte[], byte[]> producer;
    private final Producer<byte[], byte[]> immediate;
    private final Producer<byte[], byte[]> gathering;
    /** Every producer in use (the small ones may be off), for the gauges and for closing. */
    private final List<Producer<?, ?>> producers;
    private final int immediateMaxRecords;
    private final int gatherFromWaiting;
    private final String topic;
    private final Duration ackTimeout;
    private final PublishMetrics metrics;
    private final KafkaAvailability availability;
    private final AtomicInteger waiting = new AtomicInteger();

    @Inject
    public EventPublisher(@Identifier("default-kafka-broker") Map<String, Object> broker, KafkaConfig kafka,
            IngestConfig ingest, PublishMetrics metrics, KafkaAvailability availability) {
        this(newProducer(ClientSettings.producer(broker, kafka.ackTimeout(), ingest.maxEventSize().asLongValue())),
                kafka.immediateMaxRecords() > 0
                        ? newProducer(ClientSettings.immediate(broker, kafka.ackTimeout(), ingest.maxEventSize().asLongValue()))
                        : null,
                kafka.immediateMaxRecords() > 0 && kafka.gatherFromWaiting() > 0
                        ? newProducer(ClientSettings.gathering(broker, kafka.ackTimeout(), ingest.maxEventSize().asLongValue()))
                        : null,
                kafka.immediateMaxRecords(), kafka.gatherFromWaiting(), kafka.topic(), kafka.ackTimeout(), metrics,
                availability);
    }

    private static Producer<byte[], byte[]> newProducer(Map<String, Object> settings) {
        NativeLz4.load();
        return new KafkaProducer<>(settings, new ByteArraySerializer(), new ByteArraySerializer());
    }

    EventPublisher(Producer<byte[], byte[]> producer, Producer<byte[], byte[]> immediate,
            Producer<byte[], byte[]> gathering, int immediateMaxRecords, int gatherFromWaiting, String topic,
            Duration ackTimeout, PublishMetrics metrics, KafkaAvailability availability) {
        this.producer = producer;
        this.immediate = immediate;
        this.gathering = gathering;
        this.immediateMaxRecords = immediate == null ? 0 : immediateMaxRecords;
        this.gatherFromWaiting = gathering == null ? 0 : gatherFromWaiting;
        this.topic = topic;
        this.ackTimeout = ackTimeout;
        this.metrics = metrics;
        this.availability = availability;
        this.producers = Stream.<Producer<?, ?>>of(producer, immediate, gathering).filter(Objects::nonNull).toList();
        metrics.gauges(availability, waiting, producers);
    }

    /**
     * Refuses at once while Kafka is known to be down, before the body is even read: a backfill must not be
     * spooled to disk only to be refused.
     *
     * @throws KafkaUnavailableException while the broker is taken to be down
     */
    public void ensureAvailable() {
        if (!availability.available()) {
            throw KafkaUnavailableException.known(0);
        }
    }

    /**
     * Sends every record and waits for all acknowledgements. Stops sending at the first failure.
     *
     * @throws KafkaUnavailableException when a record fails or the acknowledgements do not all arrive within
     *     the ack timeout; some records may then have been written, which is why resending is safe only
     *     because duplicates are recognised downstream
     */
    public void publish(Iterator<OutgoingRecord> records, long count) {
        start(new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public ProducerRecord<byte[], byte[]> next() {
                OutgoingRecord record = records.next();
                return new ProducerRecord<>(topic, null, null, record.key(), record.value(), HEADERS);
            }
        }, count).await();
    }

    /**
     * Starts writing an accepted webhook delivery to the raw topic and returns without waiting, so that the
     * delivery's events are mapped and sent while the raw record travels: a delivery then waits for one round trip
     * to Kafka instead of two. The caller must {@link Sending#await} it before answering.
     */
    public Sending startRaw(RawHook hook, String rawTopic) {
        return start(List.of(hook.toRecord(rawTopic)).iterator(), 1);
    }

    /** Records handed to the producer, whose acknowledgements are still to be awaited. */
    public final class Sending {

        private final AckTracker tracker;
        private final long count;
        private final long started;

        private Sending(AckTracker tracker, long count, long started) {
            this.tracker = tracker;
            this.count = count;
            this.started = started;
        }

        /**
         * Waits for every acknowledgement.
         *
         * @throws KafkaUnavailableException when a record failed or the acknowledgements did not arrive in time
         */
        public void await() {
            finish(tracker, count, started);
        }

        /**
         * Waits as {@link #await} after the caller's own work failed with {@code failure}, then throws: Kafka's
         * failure if these records were not acknowledged (the request must be resent whole), the caller's otherwise.
         */
        public RuntimeException awaitAfter(RuntimeException failure) {
            try {
                await();
            } catch (KafkaUnavailableException e) {
                e.addSuppressed(failure);
                throw e;
            }
            throw failure;
        }
    }

    private Sending start(Iterator<ProducerRecord<byte[], byte[]>> records, long count) {
        if (!availability.available()) {
            throw KafkaUnavailableException.known(count);
        }
        // A request of a few records (a single event, a webhook delivery, its raw record) must not wait out the
        // batching producer's linger (ProducerLane).
        ProducerLane lane = ProducerLane.of(count, waiting.getAndIncrement(), immediateMaxRecords, gatherFromWaiting);
        metrics.sent(lane);
        Producer<byte[], byte[]> chosen = switch (lane) {
            case BATCHING -> producer;
            case IMMEDIATE -> immediate;
            case GATHERING -> gathering;
        };
        AckTracker tracker = new AckTracker();
        long started = System.nanoTime();
        try {
            while (records.hasNext() && !tracker.failed()) {
                ProducerRecord<byte[], byte[]> record = records.next();
                tracker.sending();
                try {
                    chosen.send(record, tracker);
                } catch (RuntimeException e) {
                    // send() reports most errors through the callback, but throws some (closed producer,
                    // interrupted wait for buffer space): the callback will not come for this record.
                    tracker.sendFailed(e);
                }
            }
        } catch (RuntimeException | Error e) {
            waiting.decrementAndGet();
            throw e;
        }
        return new Sending(tracker, count, started);
    }

    private void finish(AckTracker tracker, long count, long started) {
        AckTracker.Outcome outcome;
        try {
            outcome = tracker.await(ackTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while waiting for Kafka", e, count);
        } finally {
            waiting.decrementAndGet();
            metrics.ackWait(System.nanoTime() - started);
        }
        switch (outcome) {
            case ACKNOWLEDGED -> {
            }
            case FAILED -> {
                Exception failure = tracker.failure();
                LOG.warnf("Kafka refused a record of a request of %d events: %s", count, failure.toString());
                if (brokerTrouble(failure)) {
                    availability.down(failure.getClass().getSimpleName());
                }
                throw new KafkaUnavailableException("Kafka refused a record: " + failure.getMessage(), failure, count);
            }
            case TIMED_OUT -> {
                LOG.warnf("Kafka did not acknowledge %d records within %s", tracker.pending(), ackTimeout);
                availability.down("no acknowledgement within " + ackTimeout);
                throw new KafkaUnavailableException("Kafka did not acknowledge the records within " + ackTimeout.toSeconds()
                        + " s", null, count);
            }
        }
    }

    /**
     * Failures that say the cluster cannot take records now (timeouts, lost leaders, too few replicas), as opposed
     * to ones about this record (too large) or a closed producer, which more requests would not make worse.
     */
    private static boolean brokerTrouble(Exception failure) {
        return failure instanceof RetriableException;
    }

    @PreDestroy
    void close() {
        producers.forEach(each -> each.close(ackTimeout));
    }
}
