package io.deskpulse.scoring.it;

import static io.deskpulse.scoring.support.ContractEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskpulse.scoring.config.ScoringConfig;
import io.deskpulse.scoring.support.Aggregates;
import io.deskpulse.scoring.support.EventTopic;
import io.deskpulse.scoring.support.ScoringTestResources;
import io.deskpulse.storage.DurationHistogram;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reply time and the queue KPIs through the real topic into the real database (issue 16): shuffled and resent
 * events count once, a late event restates, and the hourly, daily and team-day rows agree.
 */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class QueueAndReplyPathTest {

    @Inject
    DataSource dataSource;

    @Inject
    ScoringConfig config;

    Aggregates aggregates;

    @BeforeEach
    void setUp() {
        aggregates = new Aggregates(dataSource);
    }

    private static String offered(String tenant, String id, String interaction, String time, String channel, String queue) {
        return event(tenant, id, "interaction.offered", time, "{\"interaction_id\":\"" + interaction + "\",\"channel\":\""
                + channel + "\",\"queue_id\":\"" + queue + "\",\"team_id\":\"t-1\"}");
    }

    private static String answered(String tenant, String id, String interaction, String time, String agent, double wait) {
        return event(tenant, id, "interaction.answered", time, "{\"interaction_id\":\"" + interaction
                + "\",\"agent_id\":\"" + agent + "\",\"wait_s\":" + wait + "}");
    }

    private static String abandoned(String tenant, String id, String interaction, String time, double wait) {
        return event(tenant, id, "interaction.abandoned", time, "{\"interaction_id\":\"" + interaction
                + "\",\"wait_s\":" + wait + "}");
    }

    private long sum(String tenant, String column, String where) {
        return aggregates.scalar("SELECT coalesce(sum(" + column + "), 0) FROM kpi_hourly WHERE tenant_id = '" + tenant
                + "'" + (where == null ? "" : " AND " + where));
    }

    @Test
    void queueEventsShuffledAndResentCountOnceAndRestateWhenTheOfferComesLate() {
        String tenant = "tenant-queue";
        List<String[]> records = new ArrayList<>();
        // C-1 answered within 20 s on the phone, C-2 answered after 25 s, C-3 abandoned short, C-4 abandoned long
        List<String> c1 = List.of(offered(tenant, "q1-o", "C-1", "2026-11-02T09:00:00Z", "phone", "billing"),
                answered(tenant, "q1-a", "C-1", "2026-11-02T09:00:12Z", "a-1", 12));
        List<String> c2 = List.of(offered(tenant, "q2-o", "C-2", "2026-11-02T09:10:00Z", "phone", "billing"),
                answered(tenant, "q2-a", "C-2", "2026-11-02T09:10:25Z", "a-2", 25));
        List<String> c3 = List.of(offered(tenant, "q3-o", "C-3", "2026-11-02T09:20:00Z", "phone", "billing"),
                abandoned(tenant, "q3-b", "C-3", "2026-11-02T09:20:03Z", 3));
        List<String> c4 = List.of(offered(tenant, "q4-o", "C-4", "2026-11-02T09:30:00Z", "chat", "sales"),
                abandoned(tenant, "q4-b", "C-4", "2026-11-02T09:31:00Z", 60));
        for (List<String> interaction : List.of(c1, c2, c3, c4)) {
            String id = interaction == c1 ? "C-1" : interaction == c2 ? "C-2" : interaction == c3 ? "C-3" : "C-4";
            for (String e : interaction) {
                records.add(new String[] {tenant + ":" + id, e});
            }
            // every event is sent twice
            records.add(new String[] {tenant + ":" + id, interaction.get(1)});
        }
        Collections.shuffle(records, new Random(16));
        EventTopic.send(records);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(sum(tenant, "offered", null)).isEqualTo(4);
            assertThat(sum(tenant, "answered", null)).isEqualTo(2);
            assertThat(sum(tenant, "short_abandoned", null)).isEqualTo(1);
            assertThat(sum(tenant, "abandoned", null)).isEqualTo(1);
        });
        aggregates.awaitDrained(config.consumerGroup());
        assertThat(sum(tenant, "asa_sum_ms", null)).isEqualTo(37_000);
        assertThat(sum(tenant, "service_level_met", null)).isEqualTo(1);
        assertThat(sum(tenant, "offered", "queue_id = 'billing'")).isEqualTo(3);
        assertThat(sum(tenant, "answered", "agent_id = 'a-2' AND queue_id = 'billing' AND team_id = 't-1'")).isEqualTo(1);
        assertThat(aggregates.scalar("SELECT asa_hist[1] FROM kpi_hourly WHERE tenant_id = '" + tenant
                + "' AND agent_id = 'a-1'")).isEqualTo(DurationHistogram.binOf(12_000));
        // the interactions are no tickets
        assertThat(aggregates.scalar("SELECT count(*) FROM ticket_facts WHERE tenant_id = '" + tenant + "'")).isZero();
        // the daily rows, by queue, and the team-day rows hold what the hours hold
        for (String column : new String[] {"offered", "answered", "abandoned", "short_abandoned", "asa_sum_ms",
                "service_level_met"}) {
            assertThat(aggregates.scalar("SELECT sum(" + column + ") FROM kpi_daily WHERE tenant_id = '" + tenant + "'"))
                    .as(column).isEqualTo(sum(tenant, column, null));
            assertThat(aggregates.scalar("SELECT sum(" + column + ") FROM kpi_team_daily WHERE tenant_id = '" + tenant
                    + "'")).as(column).isEqualTo(sum(tenant, column, null));
        }
        assertThat(aggregates.scalar("SELECT sum(offered) FROM kpi_daily WHERE tenant_id = '" + tenant
                + "' AND queue_id = 'sales'")).isOne();

        // a late answer for C-4, which was reported abandoned: answered wins, and only that changes
        EventTopic.sendTicketEvents(tenant, "C-4", List.of(answered(tenant, "q4-a", "C-4", "2026-11-02T09:31:30Z", "a-3", 90)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(sum(tenant, "answered", null)).isEqualTo(3));
        assertThat(sum(tenant, "abandoned", null)).isZero();
        assertThat(sum(tenant, "offered", null)).isEqualTo(4);
        assertThat(sum(tenant, "asa_sum_ms", null)).isEqualTo(127_000);
    }

    @Test
    void everyReplyToAWaitingCustomerIsCountedWithItsBusinessHoursVariant() {
        String tenant = "tenant-replies";
        List<String> events = new ArrayList<>(List.of(
                event(tenant, "r-1", "ticket.created", "2026-11-02T09:00:00Z",
                        "{\"ticket_id\":\"T-1\",\"channel\":\"chat\",\"team_id\":\"t-1\",\"agent_id\":\"a-1\"}"),
                event(tenant, "r-2", "ticket.message", "2026-11-02T09:01:00Z",
                        "{\"ticket_id\":\"T-1\",\"author\":\"agent\",\"agent_id\":\"a-1\",\"public\":true}"),
                event(tenant, "r-3", "ticket.message", "2026-11-02T09:05:00Z", "{\"ticket_id\":\"T-1\",\"author\":\"customer\"}"),
                event(tenant, "r-4", "ticket.message", "2026-11-02T09:06:00Z", "{\"ticket_id\":\"T-1\",\"author\":\"customer\"}"),
                event(tenant, "r-5", "ticket.message", "2026-11-02T09:06:30Z", "{\"ticket_id\":\"T-1\",\"author\":\"bot\"}"),
                event(tenant, "r-6", "ticket.message", "2026-11-02T09:07:00Z",
                        "{\"ticket_id\":\"T-1\",\"author\":\"agent\",\"agent_id\":\"a-2\",\"public\":false}"),
                event(tenant, "r-7", "ticket.message", "2026-11-02T09:08:00Z",
                        "{\"ticket_id\":\"T-1\",\"author\":\"agent\",\"agent_id\":\"a-1\",\"public\":true}"),
                event(tenant, "r-8", "ticket.message", "2026-11-02T09:09:00Z",
                        "{\"ticket_id\":\"T-1\",\"author\":\"agent\",\"agent_id\":\"a-1\",\"public\":true}")));
        events.add(events.get(6));
        Collections.shuffle(events, new Random(3));
        EventTopic.sendTicketEvents(tenant, "T-1", events);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(sum(tenant, "agent_replies", null)).isEqualTo(3));
        aggregates.awaitDrained(config.consumerGroup());
        // 60 s from the creation, then 180 s from the first of two customer messages; the third reply answers nobody
        assertThat(sum(tenant, "reply_count", null)).isEqualTo(2);
        assertThat(sum(tenant, "reply_sum_ms", null)).isEqualTo(240_000);
        assertThat(sum(tenant, "reply_bh_sum_ms", null)).isEqualTo(240_000);
        assertThat(sum(tenant, "reply_count", "agent_id = 'a-1' AND team_id = 't-1'")).isEqualTo(2);
        assertThat(aggregates.scalar("SELECT sum(reply_sum_ms) FROM kpi_daily WHERE tenant_id = '" + tenant + "'"))
                .isEqualTo(240_000);
        assertThat(aggregates.scalar("SELECT sum(reply_count) FROM kpi_team_daily WHERE tenant_id = '" + tenant + "'"))
                .isEqualTo(2);
    }
}
