package io.deskpulse.ingestion.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.junit.jupiter.api.Test;

class AckTrackerTest {

    @Test
    void acknowledgedOnceEveryRecordIs() throws Exception {
        AckTracker tracker = new AckTracker();
        for (int i = 0; i < 3; i++) {
            tracker.sending();
        }
        Thread acks = new Thread(() -> {
            for (int i = 0; i < 3; i++) {
                tracker.onCompletion(null, null);
            }
        });
        acks.start();
        assertThat(tracker.await(Duration.ofSeconds(30))).isEqualTo(AckTracker.Outcome.ACKNOWLEDGED);
        assertThat(tracker.pending()).isZero();
        acks.join();
    }

    @Test
    void oneFailureFailsTheRequestAtOnce() throws Exception {
        AckTracker tracker = new AckTracker();
        tracker.sending();
        tracker.sending();
        tracker.onCompletion(null, new NotEnoughReplicasException("min ISR"));
        assertThat(tracker.failed()).isTrue();
        assertThat(tracker.await(Duration.ofSeconds(30))).isEqualTo(AckTracker.Outcome.FAILED);
        assertThat(tracker.failure()).isInstanceOf(NotEnoughReplicasException.class);
    }

    @Test
    void aSendThatThrewCountsAsAFailureToo() throws Exception {
        AckTracker tracker = new AckTracker();
        tracker.sending();
        tracker.sendFailed(new IllegalStateException("producer closed"));
        assertThat(tracker.await(Duration.ofSeconds(30))).isEqualTo(AckTracker.Outcome.FAILED);
        assertThat(tracker.pending()).isZero();
    }

    @Test
    void timesOutWhileAcknowledgementsAreMissing() throws Exception {
        AckTracker tracker = new AckTracker();
        tracker.sending();
        assertThat(tracker.await(Duration.ofMillis(50))).isEqualTo(AckTracker.Outcome.TIMED_OUT);
        assertThat(tracker.pending()).isEqualTo(1);
    }
}
