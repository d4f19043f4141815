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
    void recoveredAtTheEndOfTheDisruptionOnceTheReportsAreFreshAgain() {
        List<FreshnessMonitor.Sample> samples = List.of(sample(9, 0.3), sample(10.5, 0.4), sample(11, Double.NaN),
                sample(12, 1.5), sample(13, 0.5), sample(14, 0.2), sample(15, 0.1));
        List<Ledger.Refusal> refusals = List.of(new Ledger.Refusal(11 * S, "503"), new Ledger.Refusal((long) (12.5 * S),
                "connection refused"));

        Recovery recovery = Recovery.of(10 * S, samples, refusals, List.of(), 1.0);

        assertThat(recovery.recoverSeconds()).isEqualTo(2.5);
        assertThat(recovery.maxStalenessSeconds()).isEqualTo(1.5);
        assertThat(recovery.unavailableSamples()).isEqualTo(1);
        assertThat(recovery.refusedFromSeconds()).isEqualTo(1.0);
        assertThat(recovery.refusedUntilSeconds()).isEqualTo(2.5);
    }

    @Test
    void aStreamStandingStillIsBehindFromWhenItsBatchWasDue() {
        // no refusal and fresh reports (nothing new accepted): the request hung until the broker was back, 9 s after
        // its batch was due at 10.5 s
        List<FreshnessMonitor.Sample> samples = List.of(sample(11, 0), sample(15, 0), sample(19.6, 0), sample(21, 0));
        List<Ledger.Acceptance> acceptances = List.of(new Ledger.Acceptance((long) (19.5 * S), 9 * S),
                new Ledger.Acceptance(20 * S, S / 10));

        assertThat(Recovery.of(10 * S, samples, List.of(), acceptances, 1.0).recoverSeconds()).isEqualTo(9.5);
    }

    @Test
    void aHiccupLongAfterTheDisruptionIsNotTheFaults() {
        List<FreshnessMonitor.Sample> samples = List.of(sample(11, 2.0), sample(12, 0.2), sample(30, 2.5),
                sample(31, 0.1));

        // behind from 10 s (2 s stale at 11 s, bound 1 s) to 11 s; the one at 30 s is a busy machine's
        assertThat(Recovery.of(10 * S, samples, List.of(), List.of(), 1.0).recoverSeconds()).isEqualTo(1.0);
    }

    @Test
    void nothingBehindIsRecoveredAtOnceAndStillBehindIsNotRecovered() {
        assertThat(Recovery.of(10 * S, List.of(sample(11, 0.5)), List.of(), List.of(), 1.0).recoverSeconds()).isZero();
        assertThat(Recovery.of(10 * S, List.of(sample(11, 5), sample(12, Double.NaN)), List.of(), List.of(), 1.0)
                .recoverSeconds()).isNull();
    }

    @Test
    void theBoundIsTheQuietPhasesWorstDelayAtLeastTheFloor() {
        assertThat(Recovery.bound(List.of(sample(1, 0.2), sample(2, Double.NaN), sample(3, 0.61)), List.of(), 1.0))
                .isEqualTo(1.0);
        assertThat(Recovery.bound(List.of(sample(1, 1.72)), List.of(), 1.0)).isEqualTo(1.8);
        assertThat(Recovery.bound(List.of(sample(1, 0.2)), List.of(new Ledger.Acceptance(S, 2_340_000_000L)), 1.0))
                .isEqualTo(2.4);
    }
}
