package io.deskpulse.ingestion.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The topic and the delivery guarantees. Connection settings (bootstrap servers, TLS, SASL) are the
 * standard {@code kafka.*} properties, which Quarkus hands over as the {@code default-kafka-broker} map; the
 * topic's creation and the readiness check are the platform's ({@code KafkaSetupConfig}).
 */
@ConfigMapping(prefix = "deskpulse.kafka")
public interface KafkaConfig {

    @WithDefault("deskpulse.events.v1")
    String topic();

    /**
     * How long a request may wait for Kafka: blocking for metadata or buffer space, and the acknowledgement
     * of its records. Past it the request is answered 503, so a dead broker never leaves clients hanging.
     */
    @WithDefault("10s")
    Duration ackTimeout();

    /** The Retry-After of a 503 answer. */
    @WithDefault("5s")
    Duration retryAfter();
}
