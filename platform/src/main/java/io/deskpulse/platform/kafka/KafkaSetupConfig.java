package io.deskpulse.platform.kafka;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * What the Kafka-using services share: the topic's creation and the readiness check. Connection settings (bootstrap
 * servers, TLS, SASL) are the standard {@code kafka.*} properties, which Quarkus hands over as the
 * {@code default-kafka-broker} map.
 */
@ConfigMapping(prefix = "deskpulse.kafka")
public interface KafkaSetupConfig {

    /** The event topic; readiness names it. */
    @WithDefault("deskpulse.events.v1")
    String topic();

    /** Create the service's topics at startup when missing (a failure, e.g. no ACL, is logged and ignored). */
    @WithDefault("true")
    boolean createTopic();

    @WithDefault("6")
    int topicPartitions();

    @WithDefault("1")
    short topicReplicationFactor();

    /** How long readiness waits for the cluster to answer, and how long an answer is reused. */
    @WithDefault("3s")
    Duration healthTimeout();

    @WithDefault("5s")
    Duration healthCacheTtl();
}
