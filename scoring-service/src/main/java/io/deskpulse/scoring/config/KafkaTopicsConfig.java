package io.deskpulse.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "deskpulse.kafka")
public interface KafkaTopicsConfig {

    @WithDefault("deskpulse.events.v1")
    String topic();

    @WithDefault("deskpulse.events.v1.dlq")
    String deadLetterTopic();

    /** Create the topics at startup when missing (off where an operator, e.g. Strimzi, owns them). */
    @WithDefault("true")
    boolean createTopic();

    @WithDefault("6")
    int topicPartitions();

    @WithDefault("1")
    short topicReplicationFactor();
}
