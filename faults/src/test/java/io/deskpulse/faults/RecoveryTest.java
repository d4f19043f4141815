package io.deskpulse.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Staleness from what was accepted and what the reports show, and the time to recover from it. */
class RecoveryTest {

    private static final long S = 1_000_000_000L;

    private static FreshnessMonitor.Sample sample(double at, double staleness) {
        return new FreshnessMonitor.Sample((long) (at * S), staleness);
    }

    @Test
    void stalenessIsTheAgeOfTheOldestAcceptedEventTheReportsDoNotShow() throws Exception {
        Traffic traffic = Traffic.generate(5, 1, 300, 10);
        Ledger ledger = new Ledger(traffic);
        Ledger.Mark nothing = ledger.mark();
        assertThat(ledger.stalenessSeconds(System.nanoTime(), nothing, 0)).isZero();

        ledger.accepted(traffic.batches.get(0), System.nanoTime());
        long firstAccepted = System.nanoTime();
        ledger.accepted(traffic.batches.get(1), System.nanoTime());
        Ledger.Mark mark = ledger.mark();
        long later = firstAccepted + 3 * S;

        assertThat(mark.weight()).isPositive();
        assertThat(ledger.stalenessSeconds(later, mark, mark.weight())).isZero();
        // nothing visible: the first batch's events are about 3 s old
        assertThat(ledger.stalenessSeconds(later, mark, 0)).isCloseTo(3.0, within(0.1));
        assertThat(ledger.acceptedCount()).isEqualTo(mark.accepted());
    }

    @Test
    void recoveredWhenTheReportsAreFreshAgainAfterTheLastRefusalAndTheLastLateBatch() {
        List<FreshnessMonitor.Sample> samples = List.of(sample(9, 0.3), sample(10.5, 0.4), sample(11, Double.NaN),
                sample(12, 6.0), sample(13, 0.5), sample(14, 0.2), sample(15, 0.1));
        List<Ledger.Refusal> refusals = List.of(new Ledger.Refusal(11 * S, "503"), new Ledger.Refusal((long) (12.5 * S),
                "connection refused"));

        Recovery recovery = Recovery.of(10 * S, samples, refusals, List.of(), 1.0);

        assertThat(recovery.recoverSeconds()).isEqualTo(3.0);
        assertThat(recovery.maxStalenessSeconds()).isEqualTo(6.0);
        assertThat(recovery.unavailableSamples()).isEqualTo(1);
        assertThat(recovery.refusedFromSeconds()).isEqualTo(1.0);
        assertThat(recovery.refusedUntilSeconds()).isEqualTo(2.5);
    }

    @Test
    void aBatchThatWaitedLongForItsAnswerKeepsTheStreamUnrecovered() {
        List<FreshnessMonitor.Sample> samples = List.of(sample(11, 0), sample(20, 0), sample(21, 0));
        // no refusal: the request hung until the broker was back, 9 s after the batch was due
        List<Ledger.Acceptance> acceptances = List.of(new Ledger.Acceptance((long) (19.5 * S), 9 * S),
                new Ledger.Acceptance(20 * S, S / 10));

        assertThat(Recovery.of(10 * S, samples, List.of(), acceptances, 1.0).recoverSeconds()).isEqualTo(10.0);
    }

    @Test
    void nothingBehindIsRecoveredAtOnceAndStillBehindIsNotRecovered() {
        assertThat(Recovery.of(10 * S, List.of(sample(11, 0.5)), List.of(), List.of(), 1.0).recoverSeconds()).isZero();
        assertThat(Recovery.of(10 * S, List.of(sample(11, 5), sample(12, Double.NaN)), List.of(), List.of(), 1.0)
                .recoverSeconds()).isNull();
    }

    @Test
    void theBoundIsTheQuietPhasesWorstAtLeastTheFloor() {
        assertThat(Recovery.bound(List.of(sample(1, 0.2), sample(2, Double.NaN), sample(3, 0.61)), 1.0)).isEqualTo(1.0);
        assertThat(Recovery.bound(List.of(sample(1, 1.72)), 1.0)).isEqualTo(1.8);
    }
}
