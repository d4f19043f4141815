package io.deskpulse.scoring.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;

/** The consumer settings scoring's exactly-once and its recovery after a crash rest on. */
class KafkaClientsTest {

    @Test
    void aCrashedInstancesPartitionsMoveAfterTenSecondsNotKafkasFortyFive() {
        Map<String, Object> props = KafkaClients.consumerProperties(Map.of("bootstrap.servers", "127.0.0.1:9092"),
                "deskpulse-scoring", 2000, 0);

        assertThat(props).containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000)
                .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "deskpulse-scoring")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000)
                .containsEntry(ConsumerConfig.CLIENT_ID_CONFIG, "deskpulse-scoring")
                .doesNotContainKey(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG);
    }

    @Test
    void anOperatorsSessionTimeoutAndClientIdWin() {
        Map<String, Object> props = KafkaClients.consumerProperties(Map.of("bootstrap.servers", "127.0.0.1:9092",
                "session.timeout.ms", "45000", "client.id", "scoring-a"), "deskpulse-scoring", 500, 1);

        assertThat(props).containsEntry(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "45000")
                .containsEntry(ConsumerConfig.CLIENT_ID_CONFIG, "scoring-a-1")
                .containsEntry(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    }
}
