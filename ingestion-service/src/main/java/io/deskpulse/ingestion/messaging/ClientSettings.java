package io.deskpulse.ingestion.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The producer's settings: our throughput defaults, then whatever the operator set
 * as {@code kafka.*} (connection, TLS, SASL, tuning), then the settings our answers rely on, which nobody
 * may override: acks=all with idempotence (a 202 means durably written, once), and timeouts derived from
 * the ack timeout (a dead broker must turn into a 503 in time, not a hanging request).
 */
public final class ClientSettings {

    static final int DEFAULT_MAX_REQUEST_SIZE = 1024 * 1024;
    static final long DEFAULT_BUFFER_MEMORY = 16L * 1024 * 1024;

    private ClientSettings() {
    }

    public static Map<String, Object> producer(Map<String, Object> broker, Duration ackTimeout, long maxEventSize) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        // The producer keeps every 256 KiB buffer it ever used (in the heap) up to buffer.memory, 32 MiB by default.
        // Batches and NDJSON backfills used at most 4.5 MiB at once in the quick benchmark (the buffer gauge); 16 MiB
        // leaves room and caps what the pool can hold (docs/performance-changelog.md, Memory).
        settings.put(ProducerConfig.BUFFER_MEMORY_CONFIG, DEFAULT_BUFFER_MEMORY);
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "deskpulse-ingestion");
        settings.putAll(only(broker, ProducerConfig.configNames()));

        long ackMillis = Math.max(1, ackTimeout.toMillis());
        long lingerMillis = Long.parseLong(String.valueOf(settings.get(ProducerConfig.LINGER_MS_CONFIG)));
        long requestMillis = Math.max(1, ackMillis / 2);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Half the budget at most for metadata or buffer space, so a send that blocks still leaves time for the ack.
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.max(1, ackMillis / 2));
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, requestMillis));
        // A record is given up when its request is answered 503 (not kept in the buffer for a broker that is gone);
        // the producer insists on delivery.timeout >= linger + request timeout.
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                (int) Math.min(Integer.MAX_VALUE, Math.max(ackMillis, lingerMillis + requestMillis)));
        // Room for the largest event we accept plus the record's overhead.
        long configured = Long.parseLong(String.valueOf(
                settings.getOrDefault(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, DEFAULT_MAX_REQUEST_SIZE)));
        settings.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
                (int) Math.min(Integer.MAX_VALUE, Math.max(configured, maxEventSize + 64 * 1024)));
        return settings;
    }

    /**
     * The producer of requests of a few records (single events, webhook deliveries): the same guarantees, but it sends
     * at once (linger.ms 0). Lingering only pays when other records can join the batch meanwhile; a lone record would
     * wait out the whole linger, which bounded single-event requests (docs/performance-changelog.md). Under many
     * concurrent requests records still share batches: they gather while the previous produce requests are in flight.
     * Its batches are small, so its buffer is too. The operator's own {@code kafka.linger.ms} applies to the other
     * producer only.
     */
    public static Map<String, Object> immediate(Map<String, Object> broker, Duration ackTimeout, long maxEventSize) {
        return small(broker, ackTimeout, maxEventSize, 0, "-immediate");
    }

    /**
     * The producer of requests of a few records while many requests are waiting for Kafka: as {@link #immediate}, but
     * it lingers 1 ms, so that the records of concurrent requests share one batch and one produce request instead of
     * each sending its own. Measured with 64 concurrent single-event clients: about a third more events/s and fewer
     * of the broker's CPU seconds, for 1 ms more per request (docs/performance-changelog.md, Single events).
     */
    public static Map<String, Object> gathering(Map<String, Object> broker, Duration ackTimeout, long maxEventSize) {
        return small(broker, ackTimeout, maxEventSize, 1, "-gathering");
    }

    private static Map<String, Object> small(Map<String, Object> broker, Duration ackTimeout, long maxEventSize,
            int lingerMillis, String clientSuffix) {
        Map<String, Object> settings = producer(broker, ackTimeout, maxEventSize);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, lingerMillis);
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 32 * 1024);
        settings.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 8L * 1024 * 1024);
        // A batch of a few events gains little from lz4 (its frame and the events' own variety) and costs a compression
        // and a buffer per batch: without it, single-event requests went about a fifth faster at 1 and 16 clients.
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, settings.get(ProducerConfig.CLIENT_ID_CONFIG) + clientSuffix);
        return settings;
    }

    /** A reader without a group (re-maps assign partitions themselves and commit nothing). */
    public static Map<String, Object> reader(Map<String, Object> broker) {
        Map<String, Object> settings = new HashMap<>(only(broker, org.apache.kafka.clients.consumer.ConsumerConfig.configNames()));
        settings.remove(org.apache.kafka.clients.consumer.ConsumerConfig.GROUP_ID_CONFIG);
        settings.put(org.apache.kafka.clients.consumer.ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(org.apache.kafka.clients.consumer.ConsumerConfig.CLIENT_ID_CONFIG, "deskpulse-ingestion-remap");
        settings.put(org.apache.kafka.clients.consumer.ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return settings;
    }

    // Quarkus hands over every kafka.* property (and adds group.id); unknown ones would only add warnings to
    // the log. Its TLS registry name is kept: Quarkus' SSL engine factory reads it.
    private static Map<String, Object> only(Map<String, Object> broker, Set<String> known) {
        Map<String, Object> kept = new HashMap<>();
        broker.forEach((name, value) -> {
            if (known.contains(name) || name.equals("tls-configuration-name")) {
                kept.put(name, value);
            }
        });
        return kept;
    }
}
