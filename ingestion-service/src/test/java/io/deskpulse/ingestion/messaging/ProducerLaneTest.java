package io.deskpulse.ingestion.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProducerLaneTest {

    @Test
    void largeRequestsGoThroughTheBatchingProducer() {
        assertThat(ProducerLane.of(9, 0, 8, 8)).isEqualTo(ProducerLane.BATCHING);
        assertThat(ProducerLane.of(500, 100, 8, 8)).isEqualTo(ProducerLane.BATCHING);
    }

    @Test
    void smallRequestsAreSentAtOnceUntilEnoughOthersWait() {
        assertThat(ProducerLane.of(1, 0, 8, 8)).isEqualTo(ProducerLane.IMMEDIATE);
        assertThat(ProducerLane.of(8, 7, 8, 8)).isEqualTo(ProducerLane.IMMEDIATE);
        assertThat(ProducerLane.of(8, 8, 8, 8)).isEqualTo(ProducerLane.GATHERING);
        assertThat(ProducerLane.of(2, 200, 8, 8)).isEqualTo(ProducerLane.GATHERING);
    }

    @Test
    void zeroTurnsEitherProducerOff() {
        assertThat(ProducerLane.of(1, 200, 8, 0)).isEqualTo(ProducerLane.IMMEDIATE);
        assertThat(ProducerLane.of(1, 0, 0, 8)).isEqualTo(ProducerLane.BATCHING);
    }
}
