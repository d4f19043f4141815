package io.deskpulse.ingestion.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientSettingsTest {

    @Test
    void operatorSettingsApplyButDeliveryGuaranteesCannotBeWeakened() {
        Map<String, Object> producer = ClientSettings.producer(Map.of(
                "bootstrap.servers", "kafka:9092", "group.id", "ingestion-service", "acks", "1",
                "linger.ms", "20", "delivery.timeout.ms", "600000", "security.protocol", "SASL_SSL"),
                Duration.ofSeconds(10), 512 * 1024);
        assertThat(producer).containsEntry("bootstrap.servers", "kafka:9092")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("linger.ms", "20")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .containsEntry("compression.type", "lz4")
                .containsEntry("max.block.ms", 5_000L)
                .containsEntry("request.timeout.ms", 5_000)
                .containsEntry("delivery.timeout.ms", 10_000)
                .containsEntry("max.request.size", 1024 * 1024)
                .containsEntry("buffer.memory", 16L * 1024 * 1024)
                .doesNotContainKey("group.id");
    }

    @Test
    void theOperatorSizesTheBatchingProducersBuffer() {
        Map<String, Object> producer = ClientSettings.producer(Map.of("buffer.memory", "67108864"),
                Duration.ofSeconds(10), 512 * 1024);
        assertThat(producer).containsEntry("buffer.memory", "67108864");
    }

    @Test
    void deliveryTimeoutCoversLingerPlusRequestTimeout() {
        Map<String, Object> producer = ClientSettings.producer(Map.of("linger.ms", "900"), Duration.ofSeconds(1), 2 << 20);
        assertThat(producer).containsEntry("request.timeout.ms", 500).containsEntry("delivery.timeout.ms", 1400)
                .containsEntry("max.request.size", (2 << 20) + 64 * 1024);
    }

    @Test
    void theImmediateProducerSendsAtOnceWithTheSameGuarantees() {
        Map<String, Object> immediate = ClientSettings.immediate(Map.of("bootstrap.servers", "kafka:9092", "acks", "1",
                "linger.ms", "20", "client.id", "ops"), Duration.ofSeconds(10), 512 * 1024);
        assertThat(immediate).containsEntry("bootstrap.servers", "kafka:9092")
                .containsEntry("linger.ms", 0)
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .containsEntry("compression.type", "none")
                .containsEntry("client.id", "ops-immediate")
                .containsEntry("batch.size", 32 * 1024)
                .containsEntry("buffer.memory", 8L * 1024 * 1024)
                .containsEntry("delivery.timeout.ms", 10_000)
                .containsEntry("max.request.size", 1024 * 1024);
    }

    @Test
    void theGatheringProducerLingersOneMillisecondWithTheSameGuarantees() {
        Map<String, Object> gathering = ClientSettings.gathering(Map.of("acks", "0", "linger.ms", "20",
                "enable.idempotence", "false", "client.id", "ops"), Duration.ofSeconds(10), 512 * 1024);
        assertThat(gathering).containsEntry("linger.ms", 1)
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .containsEntry("compression.type", "none")
                .containsEntry("client.id", "ops-gathering")
                .containsEntry("batch.size", 32 * 1024)
                .containsEntry("delivery.timeout.ms", 10_000);
    }
}
