package io.deskpulse.scoring.messaging;

import io.deskpulse.scoring.config.ScoringConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Builds the plain Kafka clients from the {@code kafka.*} configuration Quarkus collects. */
@ApplicationScoped
public class KafkaClients {

    /** The consumers' session timeout unless {@code kafka.session.timeout.ms} says otherwise. */
    static final int SESSION_TIMEOUT_MS = 10_000;

    private final Map<String, Object> common;
    private final ScoringConfig config;

    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> common, ScoringConfig config) {
        this.common = common;
        this.config = config;
    }

    /** The group's consumer of poll loop {@code worker}; each loop's client id differs so that its metrics do too. */
    public KafkaConsumer<byte[], byte[]> consumer(int worker) {
        return new KafkaConsumer<>(consumerProperties(common, config.consumerGroup(), config.maxPollRecords(), worker));
    }

    static Map<String, Object> consumerProperties(Map<String, Object> common, String group, int maxPollRecords,
            int worker) {
        Map<String, Object> props = new HashMap<>(common);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        // Offsets live in PostgreSQL with the aggregates; Kafka's copy is written only for lag tooling.
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        // An instance that crashed keeps its partitions until its session expires: the group gives them to the
        // instance started in its place only then, and until then nothing of them is scored. Kafka's 45 s default
        // was that stall after every crash (docs/faults.md); a spurious rebalance costs scoring nothing but a pause,
        // since positions live in PostgreSQL. Heartbeats every 3 s (Kafka's default) fit three into the session.
        props.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS);
        String clientId = (String) props.getOrDefault(ConsumerConfig.CLIENT_ID_CONFIG, "deskpulse-scoring");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, worker == 0 ? clientId : clientId + "-" + worker);
        return props;
    }

    /**
     * A consumer outside any group, positioned by hand: replays read ranges of the topic with it, their
     * progress kept in PostgreSQL like the main consumer's.
     */
    public KafkaConsumer<byte[], byte[]> unmanagedConsumer(String clientId) {
        Map<String, Object> props = new HashMap<>(common);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.maxPollRecords());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return new KafkaConsumer<>(props);
    }

    public KafkaProducer<byte[], byte[]> deadLetterProducer() {
        Map<String, Object> props = new HashMap<>(common);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "deskpulse-scoring-dlq");
        return new KafkaProducer<>(props);
    }
}
