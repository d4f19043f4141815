package io.deskpulse.scoring.it;

import static io.deskpulse.scoring.support.ContractEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskpulse.scoring.config.ScoringConfig;
import io.deskpulse.scoring.support.Aggregates;
import io.deskpulse.scoring.support.EventTopic;
import io.deskpulse.scoring.support.ScoringTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Customer effort, sentiment and churn events through the real topic into the real database (issue 16): shuffled
 * and resent events count once, a late conversation score restates the ticket's sentiment and its churn-risk
 * history, the hourly, daily and team-day rows agree, and churns are stored once per event.
 */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class EffortSentimentChurnPathTest {

    @Inject
    DataSource dataSource;

    @Inject
    ScoringConfig config;

    Aggregates aggregates;

    @BeforeEach
    void setUp() {
        aggregates = new Aggregates(dataSource);
    }

    private long sum(String table, String tenant, String column) {
        return aggregates.scalar("SELECT coalesce(sum(" + column + "), 0) FROM " + table + " WHERE tenant_id = '" + tenant
                + "'");
    }

    private String text(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static long ms(String iso) {
        return Instant.parse(iso).toEpochMilli();
    }

    @Test
    void effortAndSentimentShuffledAndResentCountOnceAndALateConversationScoreRestates() throws Exception {
        String tenant = "tenant-effort";
        List<String> events = new ArrayList<>(List.of(
                event(tenant, "e-1", "ticket.created", "2026-11-02T09:00:00Z",
                        "{\"ticket_id\":\"T-1\",\"channel\":\"chat\",\"team_id\":\"t-1\",\"agent_id\":\"a-1\",\"customer_id\":\"c-1\"}"),
                event(tenant, "e-2", "ticket.message", "2026-11-02T09:01:00Z",
                        "{\"ticket_id\":\"T-1\",\"author\":\"customer\",\"sentiment\":-0.6}"),
                event(tenant, "e-3", "ticket.message", "2026-11-02T09:02:00Z",
                        "{\"ticket_id\":\"T-1\",\"author\":\"customer\",\"sentiment\":0.2}"),
                // an agent's message with a sentiment: ignored
                event(tenant, "e-4", "ticket.message", "2026-11-02T09:03:00Z",
                        "{\"ticket_id\":\"T-1\",\"author\":\"agent\",\"agent_id\":\"a-1\",\"sentiment\":-1}"),
                event(tenant, "e-5", "survey.ces", "2026-11-02T10:00:00Z", "{\"ticket_id\":\"T-1\",\"score\":3}"),
                // the latest answer, on five points: 4 is 5.5, easy
                event(tenant, "e-6", "survey.ces", "2026-11-02T12:00:00Z",
                        "{\"ticket_id\":\"T-1\",\"score\":4,\"scale\":\"1-5\",\"agent_id\":\"a-9\"}")));
        events.add(events.get(1));
        events.add(events.get(5));
        Collections.shuffle(events, new Random(27));
        EventTopic.sendTicketEvents(tenant, "T-1", events);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(sum("kpi_hourly", tenant, "sentiment_count")).isEqualTo(2);
            assertThat(sum("kpi_hourly", tenant, "ces_count")).isEqualTo(1);
        });
        aggregates.awaitDrained(config.consumerGroup());
        assertThat(sum("kpi_hourly", tenant, "sentiment_sum_milli")).isEqualTo(-400);
        assertThat(sum("kpi_hourly", tenant, "sentiment_negative")).isEqualTo(1);
        assertThat(sum("kpi_hourly", tenant, "ces_sum_milli")).isEqualTo(5_500);
        assertThat(sum("kpi_hourly", tenant, "ces_easy")).isEqualTo(1);
        assertThat(aggregates.scalar("SELECT ces_count FROM kpi_hourly WHERE tenant_id = '" + tenant
                + "' AND agent_id = 'a-9' AND team_id = 't-1' AND bucket = '2026-11-02T12:00:00Z'")).isOne();
        assertThat(aggregates.scalar("SELECT sum(sentiment_count) FROM kpi_hourly WHERE tenant_id = '" + tenant
                + "' AND agent_id = 'a-1'")).isEqualTo(2);
        for (String column : new String[] {"ces_count", "ces_sum_milli", "ces_easy", "sentiment_count",
                "sentiment_sum_milli", "sentiment_negative"}) {
            assertThat(sum("kpi_daily", tenant, column)).as(column).isEqualTo(sum("kpi_hourly", tenant, column));
            assertThat(sum("kpi_team_daily", tenant, column)).as(column).isEqualTo(sum("kpi_hourly", tenant, column));
        }
        assertThat(text("SELECT negative_sentiment::text FROM ticket_facts WHERE tenant_id = '" + tenant + "'"))
                .isEqualTo("true");
        assertThat(text("SELECT risk_history::text FROM ticket_facts WHERE tenant_id = '" + tenant + "'"))
                .isEqualTo("[[" + ms("2026-11-02T09:01:00Z") + ", 0, 0, 0, 1]]");

        // the platform scores the whole conversation a day later: it replaces the message scores
        EventTopic.sendTicketEvents(tenant, "T-1", List.of(event(tenant, "e-7", "ticket.sentiment",
                "2026-11-03T09:00:00Z", "{\"ticket_id\":\"T-1\",\"sentiment\":0.5}")));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(sum("kpi_hourly", tenant, "sentiment_sum_milli")).isEqualTo(500));
        assertThat(sum("kpi_hourly", tenant, "sentiment_count")).isEqualTo(1);
        assertThat(sum("kpi_hourly", tenant, "sentiment_negative")).isZero();
        assertThat(sum("kpi_daily", tenant, "sentiment_sum_milli")).isEqualTo(500);
        assertThat(aggregates.scalar("SELECT sum(sentiment_count) FROM kpi_daily WHERE tenant_id = '" + tenant
                + "' AND day = '2026-11-03'")).isOne();
        assertThat(text("SELECT negative_sentiment::text FROM ticket_facts WHERE tenant_id = '" + tenant + "'"))
                .isEqualTo("false");
        assertThat(text("SELECT risk_history::text FROM ticket_facts WHERE tenant_id = '" + tenant + "'"))
                .isEqualTo("[[" + ms("2026-11-02T09:01:00Z") + ", 0, 0, 0, 1], [" + ms("2026-11-03T09:00:00Z")
                        + ", 0, 0, 0, 0]]");
    }

    @Test
    void churnsAndRenewalsAreStoredOncePerEvent() throws Exception {
        String tenant = "tenant-churn";
        String churn = event(tenant, "b-1", "customer.churned", "2026-11-10T00:00:00Z",
                "{\"customer_id\":\"c-881\",\"revenue\":1200.5,\"currency\":\"eur\",\"reason\":\"price\"}");
        String renewal = event(tenant, "b-2", "customer.renewed", "2026-11-03T00:00:00Z", "{\"customer_id\":\"c-9\"}");
        EventTopic.send(List.of(new String[] {tenant + ":customer:c-881", churn},
                new String[] {tenant + ":customer:c-9", renewal}, new String[] {tenant + ":customer:c-881", churn}));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(aggregates.scalar(
                "SELECT count(*) FROM customer_lifecycle_events WHERE tenant_id = '" + tenant + "'")).isEqualTo(2));
        aggregates.awaitDrained(config.consumerGroup());
        assertThat(text("SELECT concat_ws('|', kind, at AT TIME ZONE 'UTC', revenue_milli, currency)"
                + " FROM customer_lifecycle_events WHERE tenant_id = '" + tenant + "' AND customer_id = 'c-881'"))
                .isEqualTo("churned|2026-11-10 00:00:00|1200500|EUR");
        assertThat(text("SELECT concat_ws('|', kind, (revenue_milli IS NULL)::text)"
                + " FROM customer_lifecycle_events WHERE tenant_id = '" + tenant + "' AND customer_id = 'c-9'"))
                .isEqualTo("renewed|true");
        // no KPI row and no timeline: a customer event belongs to no ticket and no agent
        assertThat(aggregates.scalar("SELECT count(*) FROM kpi_hourly WHERE tenant_id = '" + tenant + "'")).isZero();
        assertThat(aggregates.scalar("SELECT count(*) FROM agent_timelines WHERE tenant_id = '" + tenant + "'")).isZero();
    }
}
