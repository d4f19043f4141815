package io.deskpulse.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaAdminSettingsTest {

    @Test
    void keepsConnectionSettingsOnlyAndBoundsEveryCall() {
        Map<String, Object> admin = KafkaAdmin.settings(Map.of("bootstrap.servers", "kafka:9092",
                "linger.ms", "5", "tls-configuration-name", "kafka-tls"), Duration.ofSeconds(3), "deskpulse-x-admin");
        assertThat(admin).containsEntry("bootstrap.servers", "kafka:9092")
                .containsEntry("tls-configuration-name", "kafka-tls")
                .containsEntry("request.timeout.ms", 3000)
                .containsEntry("default.api.timeout.ms", 3000)
                .containsEntry("client.id", "deskpulse-x-admin")
                .doesNotContainKey("linger.ms");
    }

    @Test
    void anOperatorsClientIdWins() {
        assertThat(KafkaAdmin.settings(Map.of("client.id", "theirs"), Duration.ofMillis(10), "deskpulse-x-admin"))
                .containsEntry("client.id", "theirs")
                .containsEntry("request.timeout.ms", 1000);
    }
}
