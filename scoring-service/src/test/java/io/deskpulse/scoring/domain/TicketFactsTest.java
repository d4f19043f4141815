package io.deskpulse.scoring.domain;

import static io.deskpulse.scoring.domain.Events.assigned;
import static io.deskpulse.scoring.domain.Events.at;
import static io.deskpulse.scoring.domain.Events.created;
import static io.deskpulse.scoring.domain.Events.csat;
import static io.deskpulse.scoring.domain.Events.customer;
import static io.deskpulse.scoring.domain.Events.reply;
import static io.deskpulse.scoring.domain.Events.solved;
import static io.deskpulse.scoring.domain.Events.status;
import static io.deskpulse.scoring.domain.Events.tagged;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.scoring.domain.TicketFact.Status;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A ticket's facts (ticket_facts) as the walk over its timeline records them. */
class TicketFactsTest {

    private static long t(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void aFullHistory() {
        InMemoryScoring scoring = new InMemoryScoring();
        scoring.applyEach("T-1", List.of(
                at("2026-11-02T09:00:00Z", created("email", "t-1", "a-1")),
                at("2026-11-02T09:00:10Z", customer()),
                at("2026-11-02T09:01:35Z", reply("a-1")),
                at("2026-11-02T10:00:00Z", assigned("a-2", "t-2")),
                at("2026-11-02T11:00:00Z", solved(null)),
                at("2026-11-03T09:00:00Z", status(Status.OPEN, null)),
                at("2026-11-03T10:00:00Z", tagged("Complaint")),
                at("2026-11-03T11:00:00Z", solved("a-2")),
                at("2026-11-03T12:00:00Z", csat(2, null)),
                at("2026-11-04T12:00:00Z", csat(5, null))));

        TicketFacts facts = scoring.facts("T-1");

        assertThat(facts).isEqualTo(new TicketFacts("email", "normal", "solved", "c-1", t("2026-11-02T09:00:00Z"),
                "t-1", "a-1", "t-2", "a-2", t("2026-11-02T09:01:35Z"), 95_000L, "t-1", "a-1", t("2026-11-02T11:00:00Z"),
                t("2026-11-03T11:00:00Z"), 2, 1, 1, 1, 5, false, List.of("Complaint"), false, List.of(
                        // the churn-risk signals after each change: the reopen, the complaint tag, CSAT 2, then CSAT 5
                        new RiskPoint(t("2026-11-03T09:00:00Z"), false, false, 1, false),
                        new RiskPoint(t("2026-11-03T10:00:00Z"), true, false, 1, false),
                        new RiskPoint(t("2026-11-03T12:00:00Z"), true, true, 1, false),
                        new RiskPoint(t("2026-11-04T12:00:00Z"), true, false, 1, false))));
    }

    @Test
    void aTicketWhoseCreationNeverArrived() {
        InMemoryScoring scoring = new InMemoryScoring();
        scoring.applyEach("T-2", List.of(at("2026-11-02T09:05:00Z", reply("a-1"))));

        TicketFacts facts = scoring.facts("T-2");

        assertThat(facts.channel()).isNull();
        assertThat(facts.createdAt()).isNull();
        assertThat(facts.status()).isEqualTo("new");
        assertThat(facts.firstResponseAt()).isEqualTo(t("2026-11-02T09:05:00Z"));
        assertThat(facts.firstResponseMillis()).isNull();
        assertThat(facts.firstResponderId()).isEqualTo("a-1");
        assertThat(facts.firstContactResolution()).isNull();
        assertThat(facts.resolutions()).isZero();
    }
}
