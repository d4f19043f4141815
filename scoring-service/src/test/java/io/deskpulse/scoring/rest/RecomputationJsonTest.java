package io.deskpulse.scoring.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.scoring.domain.Recomputation;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A recomputation as the API shows it, mapped without a server: progress is the share of timelines done. */
class RecomputationJsonTest {

    private static Recomputation recomputation(String status, long total, long done) {
        return new Recomputation(UUID.randomUUID(), "acme", "settings changed", 3, 2, status, total, done, "jane",
                Instant.parse("2026-11-25T09:00:00Z"), null, null);
    }

    @Test
    void progressIsTheShareOfTimelinesDone() {
        assertThat(RecomputationJson.of(recomputation(Recomputation.RUNNING, 400, 100)).progress()).isEqualTo(0.25);
        assertThat(RecomputationJson.of(recomputation(Recomputation.RUNNING, 0, 0)).progress()).isEqualTo(0.0);
    }

    @Test
    void progressNeverPassesOneAndACompletedOneIsDone() {
        // Timelines that arrive while it runs can take done past the total counted when it started.
        assertThat(RecomputationJson.of(recomputation(Recomputation.RUNNING, 100, 130)).progress()).isEqualTo(1.0);
        assertThat(RecomputationJson.of(recomputation(Recomputation.COMPLETED, 0, 0)).progress()).isEqualTo(1.0);
    }

    @Test
    void everyFieldIsCarriedOver() {
        Recomputation r = recomputation(Recomputation.RUNNING, 10, 5);
        RecomputationJson json = RecomputationJson.of(r);
        assertThat(json).extracting(RecomputationJson::id, RecomputationJson::status, RecomputationJson::reason,
                RecomputationJson::settingsVersion, RecomputationJson::generation, RecomputationJson::timelinesTotal,
                RecomputationJson::timelinesDone, RecomputationJson::requestedBy, RecomputationJson::requestedAt,
                RecomputationJson::finishedAt, RecomputationJson::error)
                .containsExactly(r.id(), "running", "settings changed", 3, 2, 10L, 5L, "jane", r.requestedAt(), null, null);
    }
}
