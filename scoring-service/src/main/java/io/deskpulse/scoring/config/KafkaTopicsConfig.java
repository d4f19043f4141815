package io.deskpulse.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The topics scoring reads and writes; their creation is the platform's ({@code KafkaSetupConfig}). */
@ConfigMapping(prefix = "deskpulse.kafka")
public interface KafkaTopicsConfig {

    @WithDefault("deskpulse.events.v1")
    String topic();

    @WithDefault("deskpulse.events.v1.dlq")
    String deadLetterTopic();
}
