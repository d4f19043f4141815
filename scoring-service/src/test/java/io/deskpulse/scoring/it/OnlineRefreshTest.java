package io.deskpulse.scoring.it;

import static io.deskpulse.scoring.support.ContractEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.scoring.config.ScoringConfig;
import io.deskpulse.scoring.service.OnlineRefresher;
import io.deskpulse.scoring.support.AdjustableClock;
import io.deskpulse.scoring.support.Aggregates;
import io.deskpulse.scoring.support.EventTopic;
import io.deskpulse.scoring.support.ScoringTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An agent online right now: the open session is counted up to the clock, and again as the clock moves. */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class OnlineRefreshTest {

    // Its own tenant: PeriodReportTest sums the aggregates of "stark".
    static final String TENANT = "pym";

    @Inject
    DataSource dataSource;

    @Inject
    ScoringConfig config;

    @Inject
    OnlineRefresher refresher;

    @Inject
    AdjustableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private long online(Aggregates db, String agent, String day) {
        return db.scalar("SELECT coalesce(sum(online_ms), 0) FROM kpi_hourly WHERE tenant_id = ? AND agent_id = ?"
                + " AND bucket >= ?::date AND bucket < ?::date + 1", TENANT, agent, day, day);
    }

    private void online(String agent, String id, String time) {
        EventTopic.send(List.<String[]>of(new String[] {TENANT + ":agent:" + agent, event(TENANT, id,
                "agent.status_changed", time, "{\"agent_id\":\"" + agent + "\",\"status\":\"online\",\"team_id\":\"t-1\"}")}));
    }

    @Test
    void anOpenSessionGrowsWithTheClock() throws Exception {
        Aggregates db = new Aggregates(dataSource);
        clock.set(Instant.parse("2026-11-20T12:00:00Z"));
        online("a-now", "s-1", "2026-11-20T10:00:00Z");
        db.awaitDrained(config.consumerGroup());
        assertThat(online(db, "a-now", "2026-11-20")).isEqualTo(7_200_000L);

        clock.set(Instant.parse("2026-11-20T13:30:00Z"));
        assertThat(refresher.refresh()).isPositive();

        assertThat(online(db, "a-now", "2026-11-20")).isEqualTo(12_600_000L);
    }

    @Test
    void aSessionRunningPastMidnightContinuesOnTheNextDay() throws Exception {
        Aggregates db = new Aggregates(dataSource);
        clock.set(Instant.parse("2026-11-19T23:00:00Z"));
        online("a-night", "s-2", "2026-11-19T22:00:00Z");
        db.awaitDrained(config.consumerGroup());
        assertThat(online(db, "a-night", "2026-11-19")).isEqualTo(3_600_000L);

        clock.set(Instant.parse("2026-11-20T02:00:00Z"));
        refresher.refresh();

        assertThat(online(db, "a-night", "2026-11-19")).isEqualTo(7_200_000L);
        assertThat(online(db, "a-night", "2026-11-20")).isEqualTo(7_200_000L);
        assertThat(db.scalar("SELECT count(*) FROM agent_timelines WHERE tenant_id = ? AND agent_id = 'a-night'", TENANT))
                .isEqualTo(2);
    }
}
