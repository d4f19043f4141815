package io.deskpulse.scoring.domain;

import static io.deskpulse.scoring.domain.Events.at;
import static io.deskpulse.scoring.domain.Events.created;
import static io.deskpulse.scoring.domain.Events.csat;
import static io.deskpulse.scoring.domain.Events.reply;
import static io.deskpulse.scoring.domain.Events.solved;
import static io.deskpulse.scoring.domain.Events.status;
import static io.deskpulse.scoring.domain.KpiScenariosTest.agent;
import static io.deskpulse.scoring.domain.KpiScenariosTest.all;
import static io.deskpulse.scoring.domain.KpiScenariosTest.day;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.scoring.domain.TicketFact.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Late events restate the periods they touch, and only those. */
class RestatementTest {

    @Test
    void aChangedCsatScoreMovesTheOldScoreOutOfItsPeriod() {
        InMemoryScoring scoring = new InMemoryScoring();
        scoring.applyEach("T-1", List.of(
                at("2026-11-02T09:00:00Z", created("chat", "t-1", "a-1")),
                at("2026-11-02T12:00:00Z", csat(1, null))));
        assertThat(scoring.table.kpis(day("2026-11-02"))).containsEntry("csat_count", 1L).containsEntry("csat_avg", 1.0)
                .containsEntry("csat_satisfied_rate", 0.0);

        scoring.applyEach("T-1", List.of(at("2026-11-09T08:00:00Z", csat(4, "a-2"))));

        assertThat(scoring.table.kpis(day("2026-11-02"))).containsEntry("csat_count", 0L).containsEntry("csat_avg", null);
        assertThat(scoring.table.kpis(day("2026-11-09"))).containsEntry("csat_count", 1L).containsEntry("csat_avg", 4.0)
                .containsEntry("csat_satisfied_rate", 1.0);
        // the new rating names its agent: a-2 gets it, a-1 (the assignee) no longer has one
        assertThat(scoring.table.kpis(agent("a-2"))).containsEntry("csat_count", 1L);
        assertThat(scoring.table.kpis(agent("a-1"))).containsEntry("csat_count", 0L);
    }

    @Test
    void anOlderRatingArrivingLateChangesNothing() {
        InMemoryScoring scoring = new InMemoryScoring();
        scoring.applyEach("T-1", List.of(
                at("2026-11-02T09:00:00Z", created("chat", "t-1", "a-1")),
                at("2026-11-09T12:00:00Z", csat(5, null))));
        var before = scoring.table.snapshot();

        scoring.applyEach("T-1", List.of(at("2026-11-02T12:00:00Z", csat(1, null))));

        assertThat(scoring.table.snapshot()).isEqualTo(before);
    }

    @Test
    void aReopenRestatesTheSolveItUndoes() {
        InMemoryScoring scoring = new InMemoryScoring();
        scoring.applyEach("T-1", List.of(
                at("2026-11-02T09:00:00Z", created("email", "t-1", "a-1")),
                at("2026-11-02T09:30:00Z", reply("a-1")),
                at("2026-11-02T10:00:00Z", solved("a-1"))));
        assertThat(scoring.table.kpis(day("2026-11-02"))).containsEntry("tickets_resolved", 1L)
                .containsEntry("reopened_resolutions", 0L).containsEntry("reopen_rate", 0.0);

        scoring.applyEach("T-1", List.of(at("2026-11-09T10:00:00Z", status(Status.OPEN, null))));

        assertThat(scoring.table.kpis(day("2026-11-02"))).containsEntry("tickets_resolved", 1L)
                .containsEntry("reopened_resolutions", 1L).containsEntry("reopen_rate", 1.0);
        assertThat(scoring.table.kpis(day("2026-11-09"))).containsEntry("tickets_resolved", 0L)
                .containsEntry("reopened_resolutions", 0L);
    }

    @Test
    void aLateCreationRestatesFirstResponseAndResolutionTimes() {
        InMemoryScoring scoring = new InMemoryScoring();
        scoring.applyEach("T-1", List.of(
                at("2026-11-02T09:10:00Z", reply("a-1")),
                at("2026-11-02T10:00:00Z", solved("a-1"))));
        assertThat(scoring.table.kpis(all())).containsEntry("first_response_count", 0L)
                .containsEntry("resolution_avg_s", null).containsEntry("tickets_resolved", 1L);

        scoring.applyEach("T-1", List.of(at("2026-11-02T09:00:00Z", created("email", "t-1", "a-1"))));

        assertThat(scoring.table.kpis(all())).containsEntry("first_response_count", 1L)
                .containsEntry("first_response_avg_s", 600.0).containsEntry("resolution_avg_s", 3600.0)
                .containsEntry("tickets_resolved", 1L).containsEntry("tickets_created", 1L);
        // the rows of the unknown channel are emptied: everything moved to the email channel
        assertThat(scoring.table.kpis(KpiScenariosTest.channel(""))).containsEntry("tickets_resolved", 0L)
                .containsEntry("agent_replies", 0L);
    }

    @Test
    void aResentEventChangesNothing() {
        InMemoryScoring scoring = new InMemoryScoring();
        TimelineEvent reply = at("2026-11-02T09:10:00Z", reply("a-1"));
        scoring.applyEach("T-1", List.of(at("2026-11-02T09:00:00Z", created("email", "t-1", "a-1")), reply));
        var before = scoring.table.snapshot();

        scoring.applyEach("T-1", List.of(reply, reply));

        assertThat(scoring.table.snapshot()).isEqualTo(before);
        assertThat(scoring.table.kpis(all())).containsEntry("agent_replies", 1L);
    }
}
