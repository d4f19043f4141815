package io.deskpulse.scoring.it;

import static io.deskpulse.scoring.support.ContractEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskpulse.scoring.config.ScoringConfig;
import io.deskpulse.storage.DurationHistogram;
import io.deskpulse.scoring.support.Aggregates;
import io.deskpulse.scoring.support.EventTopic;
import io.deskpulse.scoring.support.ScoringTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Events on the real topic, KPIs in the real database: out of order, resent, and across tenants. */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class EventPathTest {

    @Inject
    DataSource dataSource;

    @Inject
    ScoringConfig config;

    Aggregates aggregates;

    @BeforeEach
    void setUp() {
        aggregates = new Aggregates(dataSource);
    }

    static List<String> ticketHistory(String tenant, String ticket, String prefix) {
        return List.of(
                event(tenant, prefix + "-1", "ticket.created", "2026-11-02T09:00:00Z",
                        "{\"ticket_id\":\"" + ticket + "\",\"channel\":\"email\",\"team_id\":\"t-1\",\"agent_id\":\"a-1\"}"),
                event(tenant, prefix + "-2", "ticket.message", "2026-11-02T09:00:10Z",
                        "{\"ticket_id\":\"" + ticket + "\",\"author\":\"customer\"}"),
                event(tenant, prefix + "-3", "ticket.message", "2026-11-02T09:01:35Z",
                        "{\"ticket_id\":\"" + ticket + "\",\"author\":\"agent\",\"agent_id\":\"a-1\",\"public\":true}"),
                event(tenant, prefix + "-4", "ticket.status_changed", "2026-11-02T10:00:00Z",
                        "{\"ticket_id\":\"" + ticket + "\",\"status\":\"solved\",\"agent_id\":\"a-1\"}"),
                event(tenant, prefix + "-5", "survey.csat", "2026-11-02T10:05:00Z",
                        "{\"ticket_id\":\"" + ticket + "\",\"score\":4}"),
                event(tenant, prefix + "-6", "ticket.status_changed", "2026-11-03T08:00:00Z",
                        "{\"ticket_id\":\"" + ticket + "\",\"status\":\"open\"}"));
    }

    @Test
    void outOfOrderAndResentEventsAreCountedOnce() {
        List<String> events = new ArrayList<>(ticketHistory("tenant-order", "T-1", "o"));
        events.add(events.get(2));
        events.add(events.get(0));
        Collections.shuffle(events, new Random(7));

        EventTopic.sendTicketEvents("tenant-order", "T-1", events);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(aggregates.totals("tenant-order", null))
                .containsEntry("tickets_created", 1L)
                .containsEntry("customer_messages", 1L)
                .containsEntry("agent_replies", 1L)
                .containsEntry("first_response_count", 1L)
                .containsEntry("first_response_sum_ms", 95_000L)
                .containsEntry("tickets_resolved", 1L)
                .containsEntry("resolution_count", 1L)
                .containsEntry("resolution_sum_ms", 3_600_000L)
                .containsEntry("reopened_resolutions", 1L)
                .containsEntry("csat_count", 1L)
                .containsEntry("csat_sum", 4L)
                .containsEntry("csat_satisfied", 1L));
        assertThat(aggregates.scalar("SELECT count(*) FROM seen_events")).isGreaterThanOrEqualTo(6);
        // the ticket's facts, as the export shows them
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(aggregates.scalar(
                "SELECT count(*) FROM ticket_facts WHERE tenant_id = 'tenant-order' AND ticket_id = 'T-1'"
                        + " AND status = 'open' AND first_response_ms = 95000 AND resolutions = 1 AND reopens = 1"
                        + " AND csat_score = 4 AND fcr = false AND created_team_id = 't-1'")).isOne());
    }

    @Test
    void dailyRollupsHoldWhatTheHoursHold() {
        EventTopic.sendTicketEvents("tenant-daily", "T-1", ticketHistory("tenant-daily", "T-1", "d"));
        await().atMost(Duration.ofSeconds(60)).until(() -> aggregates.totals("tenant-daily", null)
                .get("reopened_resolutions") == 1L);
        for (String column : new String[] {"tickets_created", "first_response_sum_ms", "resolution_sum_ms",
                "reopened_resolutions", "csat_sum", "customer_messages"}) {
            assertThat(aggregates.scalar("SELECT sum(" + column + ") FROM kpi_daily WHERE tenant_id = 'tenant-daily'"))
                    .as(column).isEqualTo(aggregates.scalar(
                            "SELECT sum(" + column + ") FROM kpi_hourly WHERE tenant_id = 'tenant-daily'"));
        }
        // the tenant has no settings: days are UTC days
        assertThat(aggregates.scalar("SELECT sum(reopened_resolutions) FROM kpi_daily WHERE tenant_id = 'tenant-daily'"
                + " AND day = '2026-11-02'")).isOne();
    }

    @Test
    void theHistogramHoldsTheFirstResponseInItsBin() {
        EventTopic.sendTicketEvents("tenant-hist", "T-1", ticketHistory("tenant-hist", "T-1", "h"));
        await().atMost(Duration.ofSeconds(60)).until(() -> aggregates.totals("tenant-hist", null)
                .get("first_response_count") == 1L);

        long bin = aggregates.scalar("SELECT first_response_hist[1] FROM kpi_hourly "
                + "WHERE tenant_id = 'tenant-hist' AND cardinality(first_response_hist) > 0");
        long count = aggregates.scalar("SELECT first_response_hist[2] FROM kpi_hourly "
                + "WHERE tenant_id = 'tenant-hist' AND cardinality(first_response_hist) > 0");
        assertThat(bin).isEqualTo(DurationHistogram.binOf(95_000));
        assertThat(count).isEqualTo(1);
    }

    @Test
    void eventsSentAgainLaterChangeNothing() {
        List<String> events = ticketHistory("tenant-resend", "T-9", "r");
        EventTopic.sendTicketEvents("tenant-resend", "T-9", events);
        aggregates.awaitDrained(config.consumerGroup());
        Map<String, Long> before = aggregates.totals("tenant-resend", null);
        assertThat(before).containsEntry("tickets_created", 1L);

        EventTopic.sendTicketEvents("tenant-resend", "T-9", events);
        aggregates.awaitDrained(config.consumerGroup());

        assertThat(aggregates.totals("tenant-resend", null)).isEqualTo(before);
    }

    @Test
    void tenantsNeverMix() {
        EventTopic.sendTicketEvents("tenant-a", "T-1", ticketHistory("tenant-a", "T-1", "same-id"));
        EventTopic.sendTicketEvents("tenant-b", "T-1", ticketHistory("tenant-b", "T-1", "same-id"));

        // the same ticket id and the same event ids under two tenants are two tickets
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(aggregates.totals("tenant-a", null)).containsEntry("tickets_created", 1L);
            assertThat(aggregates.totals("tenant-b", null)).containsEntry("tickets_created", 1L);
        });
        assertThat(aggregates.scalar("SELECT count(*) FROM ticket_timelines WHERE ticket_id = 'T-1' "
                + "AND tenant_id IN ('tenant-a', 'tenant-b')")).isEqualTo(2);
    }

    @Test
    void agentEventsGoToTheAgentsDayTimelines() {
        String online = event("tenant-agents", "x-1", "agent.status_changed", "2026-11-02T09:00:00Z",
                "{\"agent_id\":\"a-1\",\"status\":\"online\",\"team_id\":\"t-1\"}");
        String call = event("tenant-agents", "x-2", "interaction.completed", "2026-11-02T09:30:00Z",
                "{\"agent_id\":\"a-1\",\"channel\":\"phone\",\"ticket_id\":\"T-5\",\"talk_s\":100,\"hold_s\":10,\"wrap_s\":20}");
        String offline = event("tenant-agents", "x-3", "agent.status_changed", "2026-11-02T10:00:00Z",
                "{\"agent_id\":\"a-1\",\"status\":\"offline\"}");
        EventTopic.send(List.<String[]>of(new String[] {"tenant-agents:agent:a-1", call},
                new String[] {"tenant-agents:agent:a-1", offline}, new String[] {"tenant-agents:agent:a-1", online}));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(aggregates.scalar("SELECT coalesce(sum(online_ms), 0) FROM kpi_hourly WHERE tenant_id = 'tenant-agents'"
                    + " AND team_id = 't-1'")).isEqualTo(3_600_000L);
            assertThat(aggregates.scalar("SELECT coalesce(sum(handle_sum_ms), 0) FROM kpi_hourly WHERE tenant_id = "
                    + "'tenant-agents' AND team_id = 't-1' AND channel = 'phone'")).isEqualTo(130_000L);
        });
        assertThat(aggregates.scalar("SELECT count(*) FROM agent_timelines WHERE tenant_id = 'tenant-agents'"
                + " AND agent_id = 'a-1' AND day = '2026-11-02'")).isOne();
    }
}
