package io.deskpulse.scoring.it;

import static io.deskpulse.scoring.support.AdminApi.HOOLI_ADMIN;
import static io.deskpulse.scoring.support.AdminApi.as;
import static io.deskpulse.scoring.support.AdminApi.json;
import static io.deskpulse.scoring.support.AdminApi.post;
import static io.deskpulse.scoring.support.AdminApi.put;
import static io.deskpulse.scoring.support.ContractEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.scoring.domain.AlertDecisions;
import io.deskpulse.scoring.service.AlertEvaluator;
import io.deskpulse.scoring.support.AdjustableClock;
import io.deskpulse.scoring.support.Aggregates;
import io.deskpulse.scoring.support.EventTopic;
import io.deskpulse.scoring.support.ScoringTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alert rules evaluated on real aggregates: events through the real topic, raised and resolved alerts with the
 * value and volume that decided them, evaluation of the tenants batches touched, the periodic refresh, and a
 * rule change resolving what it raised.
 */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class AlertEvaluationTest {

    static final String TENANT = "hooli";

    @Inject
    DataSource dataSource;
    @Inject
    AlertEvaluator evaluator;
    @Inject
    AdjustableClock clock;

    Aggregates aggregates;
    int rule;

    @BeforeEach
    void setUp() {
        aggregates = new Aggregates(dataSource);
        rule = post(HOOLI_ADMIN, "/v1/alert-rules", json("""
                {'name': 'Chat first response too slow', 'metric': 'first_response_avg_s', 'dimension': 'team',
                 'channel': 'chat', 'window_minutes': 60, 'comparison': '>', 'threshold': 120, 'min_volume': 3,
                 'webhook': {'url': 'https://hooks.example.com/hooli', 'secret': 'whsec-hooli-0123456789'}}"""))
                .then().statusCode(201).extract().path("id");
    }

    @AfterEach
    void tearDown() {
        as(HOOLI_ADMIN).delete("/v1/alert-rules/" + rule).then().statusCode(204);
        clock.reset();
    }

    /** Chat tickets of a team created at {@code hour}:mm and first answered {@code seconds} later. */
    static void chatTickets(String prefix, String team, String day, int hour, int... seconds) {
        for (int i = 0; i < seconds.length; i++) {
            String ticket = prefix + "-" + i;
            Instant created = Instant.parse(day + "T" + String.format("%02d", hour) + ":" + String.format("%02d", 40 + i) + ":00Z");
            EventTopic.sendTicketEvents(TENANT, ticket, List.of(
                    event(TENANT, ticket + "-c", "ticket.created", created.toString(),
                            "{\"ticket_id\":\"" + ticket + "\",\"channel\":\"chat\",\"team_id\":\"" + team + "\",\"agent_id\":\"a-" + team + "\"}"),
                    event(TENANT, ticket + "-r", "ticket.message", created.plusSeconds(seconds[i]).toString(),
                            "{\"ticket_id\":\"" + ticket + "\",\"author\":\"agent\",\"agent_id\":\"a-" + team + "\",\"public\":true}")));
        }
    }

    long firstResponses(String team) {
        return aggregates.scalar("SELECT coalesce(sum(first_response_count), 0) FROM kpi_hourly WHERE tenant_id = ?"
                + " AND team_id = ? AND channel = 'chat'", TENANT, team);
    }

    @Test
    void anAlertIsRaisedWithItsValueAndVolumeAndResolvedWhenTheWindowMovesOn() throws Exception {
        // billing: 150 + 200 + 100 + 90 s = 135 s on 4 (breaches); sales: 300 s on 1 (too little volume)
        chatTickets("al-billing", "billing", "2026-11-02", 9, 150, 200, 100, 90);
        chatTickets("al-sales", "sales", "2026-11-02", 9, 300);
        await().atMost(Duration.ofSeconds(60)).until(() -> firstResponses("billing") == 4 && firstResponses("sales") == 1);

        clock.set(Instant.parse("2026-11-02T10:25:00Z"));
        evaluator.evaluate();
        List<Map<String, Object>> alerts = alerts();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0)).containsEntry("member", "billing").containsEntry("state", "raised")
                .containsEntry("raised_value", 135.0).containsEntry("raised_volume", 4L)
                .containsEntry("window_start", "2026-11-02T09:00:00Z").containsEntry("window_end", "2026-11-02T10:25:00Z")
                .containsEntry("raised_at", "2026-11-02T10:25:00Z").containsEntry("rule_name", "Chat first response too slow")
                .containsEntry("channel", "chat").containsEntry("threshold", "120");

        // still breaching a minute later: the open alert stays the only one
        clock.set(Instant.parse("2026-11-02T10:26:00Z"));
        evaluator.evaluate(TENANT, clock.instant());
        assertThat(alerts()).hasSize(1);

        // at 11:30 the window is 10:00-11:30: billing's replies are out of it
        clock.set(Instant.parse("2026-11-02T11:30:00Z"));
        evaluator.evaluate();
        Map<String, Object> resolved = alerts().get(0);
        assertThat(resolved).containsEntry("state", "resolved").containsEntry("resolved_at", "2026-11-02T11:30:00Z")
                .containsEntry("resolved_value", null).containsEntry("resolved_volume", 0L)
                .containsEntry("resolved_reason", AlertDecisions.VOLUME_TOO_LOW);

        // both changes are in the outbox, in the shape of GET /v1/alerts
        List<String> payloads = payloads();
        assertThat(payloads).hasSize(2);
        JsonNode raised = new ObjectMapper().readTree(payloads.get(0));
        assertThat(raised.get("event").textValue()).isEqualTo("alert.raised");
        assertThat(raised.get("tenant").textValue()).isEqualTo(TENANT);
        assertThat(raised.get("alert").get("raised_value").doubleValue()).isEqualTo(135.0);
        assertThat(raised.get("alert").get("member").textValue()).isEqualTo("billing");
        assertThat(new ObjectMapper().readTree(payloads.get(1)).get("event").textValue()).isEqualTo("alert.resolved");
    }

    @Test
    void rulesAreEvaluatedWhenBatchesTouchTheTenantAndAtLeastEveryRefresh() throws Exception {
        clock.set(Instant.parse("2026-11-03T10:25:00Z"));
        evaluator.evaluate();
        // written without a batch: nothing tells the evaluator, and the rule was looked at just now
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO kpi_hourly"
                + " (tenant_id, generation, bucket, team_id, agent_id, channel, first_response_count, first_response_sum_ms)"
                + " VALUES ('hooli', 0, '2026-11-03T09:00:00Z', 'ops', 'a-ops', 'chat', 3, 600000)")) {
            s.executeUpdate();
        }
        clock.set(Instant.parse("2026-11-03T10:25:10Z"));
        evaluator.evaluate();
        assertThat(alerts()).isEmpty();

        // a batch for the tenant: the next evaluation looks at it, and sees ops too
        chatTickets("al-support", "support", "2026-11-03", 9, 200, 200, 200);
        await().atMost(Duration.ofSeconds(60)).until(() -> firstResponses("support") == 3);
        clock.set(Instant.parse("2026-11-03T10:25:20Z"));
        evaluator.evaluate();
        assertThat(alerts()).extracting(a -> a.get("member") + ":" + a.get("raised_value") + "/" + a.get("raised_volume"))
                .containsExactly("ops:200.0/3", "support:200.0/3");

        // no batch, but the refresh interval (60 s) has passed: the moved window resolves both
        clock.set(Instant.parse("2026-11-03T11:30:00Z"));
        evaluator.evaluate();
        assertThat(alerts()).extracting(a -> a.get("state")).containsExactly("resolved", "resolved");
    }

    @Test
    void changingWhatARuleWatchesOrDisablingItResolvesItsOpenAlertsRenamingDoesNot() throws Exception {
        chatTickets("al-change", "legal", "2026-11-04", 9, 500, 500, 500);
        await().atMost(Duration.ofSeconds(60)).until(() -> firstResponses("legal") == 3);
        clock.set(Instant.parse("2026-11-04T10:00:00Z"));
        evaluator.evaluate();
        assertThat(alerts()).extracting(a -> a.get("state")).containsExactly("raised");

        // a new name and no webhook: the same alert stays open
        put(HOOLI_ADMIN, "/v1/alert-rules/" + rule, rule("Slow chat", 120, true, false)).then().statusCode(200);
        assertThat(alerts()).extracting(a -> a.get("state")).containsExactly("raised");

        // a new threshold: the alert of the old definition is resolved, and 500 s is not above 600
        put(HOOLI_ADMIN, "/v1/alert-rules/" + rule, rule("Slow chat", 600, true, true)).then().statusCode(200);
        assertThat(alerts().get(0)).containsEntry("state", "resolved").containsEntry("resolved_reason", "the rule changed");
        evaluator.evaluate(TENANT, clock.instant());
        assertThat(alerts()).hasSize(1);

        // back to 120: raised again; disabled: resolved
        put(HOOLI_ADMIN, "/v1/alert-rules/" + rule, rule("Slow chat", 120, true, true)).then().statusCode(200);
        evaluator.evaluate(TENANT, clock.instant());
        put(HOOLI_ADMIN, "/v1/alert-rules/" + rule, rule("Slow chat", 120, false, true)).then().statusCode(200);
        assertThat(alerts()).extracting(a -> a.get("state") + ":" + a.get("resolved_reason"))
                .containsExactly("resolved:the rule changed", "resolved:the rule was disabled");
    }

    static String rule(String name, int threshold, boolean enabled, boolean webhook) {
        return json("{'name': '" + name + "', 'metric': 'first_response_avg_s', 'dimension': 'team', 'channel': 'chat',"
                + " 'comparison': '>', 'threshold': " + threshold + ", 'min_volume': 3, 'enabled': " + enabled
                + (webhook ? ", 'webhook': {'url': 'https://hooks.example.com/hooli', 'secret': 'whsec-hooli-0123456789'}" : "")
                + "}");
    }

    private List<Map<String, Object>> alerts() throws Exception {
        List<Map<String, Object>> alerts = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT member, state,"
                + " raised_value, raised_volume, window_start, window_end, raised_at, rule_name, channel, threshold::text,"
                + " resolved_at, resolved_value, resolved_volume, resolved_reason FROM alerts WHERE rule_id = ? ORDER BY member, id")) {
            s.setLong(1, rule);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("member", rs.getString(1));
                    row.put("state", rs.getString(2));
                    row.put("raised_value", rs.getDouble(3));
                    row.put("raised_volume", rs.getLong(4));
                    row.put("window_start", rs.getTimestamp(5).toInstant().toString());
                    row.put("window_end", rs.getTimestamp(6).toInstant().toString());
                    row.put("raised_at", rs.getTimestamp(7).toInstant().toString());
                    row.put("rule_name", rs.getString(8));
                    row.put("channel", rs.getString(9));
                    row.put("threshold", rs.getString(10));
                    row.put("resolved_at", rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant().toString());
                    row.put("resolved_value", rs.getObject(12));
                    row.put("resolved_volume", rs.getObject(13));
                    row.put("resolved_reason", rs.getString(14));
                    alerts.add(row);
                }
            }
        }
        return alerts;
    }

    private List<String> payloads() throws Exception {
        List<String> payloads = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT payload FROM webhook_deliveries WHERE rule_id = ? ORDER BY id")) {
            s.setLong(1, rule);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    payloads.add(rs.getString(1));
                }
            }
        }
        return payloads;
    }
}
