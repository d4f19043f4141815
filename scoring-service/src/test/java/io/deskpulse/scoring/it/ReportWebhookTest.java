package io.deskpulse.scoring.it;

import static io.deskpulse.scoring.support.AdminApi.WONKA_ADMIN;
import static io.deskpulse.scoring.support.AdminApi.as;
import static io.deskpulse.scoring.support.AdminApi.json;
import static io.deskpulse.scoring.support.AdminApi.post;
import static io.deskpulse.scoring.support.ContractEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.scoring.service.PeriodReportProducer;
import io.deskpulse.scoring.service.WebhookDispatcher;
import io.deskpulse.scoring.support.AdjustableClock;
import io.deskpulse.scoring.support.Aggregates;
import io.deskpulse.scoring.support.EventTopic;
import io.deskpulse.scoring.support.ScoringTestResources;
import io.deskpulse.scoring.support.WebhookReceiver;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Period reports posted to report webhooks, end to end: events through Kafka, the report made by the producer with its
 * deliveries in the same transaction, posted by the dispatcher to a real HTTP server, the signature verified as a
 * receiver would, retried with backoff after a 503 and a timeout, posted once however often reports are made, never to
 * a disabled webhook nor one of another length; and the admin API's validation. The test profile allows 3 attempts
 * of at most 2 s, 30 s apart and doubling; the adjustable clock says when they are due.
 */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class ReportWebhookTest {

    static final String TENANT = "wonka";
    static final String SECRET = "report-hook-secret-0123456789";
    static final String ROTATED = "report-hook-rotated-0123456789";

    @Inject
    DataSource dataSource;
    @Inject
    PeriodReportProducer producer;
    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    AdjustableClock clock;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    static int create(String body) {
        return post(WONKA_ADMIN, "/v1/report-webhooks", json(body)).then().statusCode(201).extract().path("webhook.id");
    }

    int dispatchAt(String instant) throws Exception {
        clock.set(Instant.parse(instant));
        return dispatcher.dispatchDue();
    }

    @Test
    void aPeriodReportReachesItsWebhooksSignedRetriedAndOnce() throws Exception {
        try (WebhookReceiver daily = new WebhookReceiver(); WebhookReceiver disabled = new WebhookReceiver();
             WebhookReceiver monthly = new WebhookReceiver()) {
            int dayHook = create("{'name': 'Leads', 'url': '" + daily.url() + "', 'granularities': ['day'], 'secret': '"
                    + SECRET + "'}");
            int offHook = create("{'name': 'Old channel', 'url': '" + disabled.url() + "'}");
            as(WONKA_ADMIN).post("/v1/report-webhooks/" + offHook + "/disable").then().statusCode(200)
                    .body("status", is("disabled"));
            int monthHook = create("{'name': 'Board', 'url': '" + monthly.url() + "', 'granularities': ['month']}");

            // two tickets on Tuesday 2026-10-06, through Kafka: 60 s and 180 s to the first reply
            Aggregates aggregates = new Aggregates(dataSource);
            ticket("RW-1", "billing", "2026-10-06T09:00:00Z", 60);
            ticket("RW-2", "sales", "2026-10-06T11:00:00Z", 180);
            await().atMost(Duration.ofSeconds(60)).until(() -> aggregates.scalar("SELECT coalesce(sum(first_response_count),"
                    + " 0) FROM kpi_daily WHERE tenant_id = 'wonka'") == 2);

            // Oct 7, 00:45 UTC: Oct 6 has closed (30 min grace); its week and month have not
            clock.set(Instant.parse("2026-10-07T00:45:00Z"));
            producer.produce();
            long report = scalar("SELECT id FROM period_reports WHERE tenant_id = 'wonka' AND granularity = 'day'"
                    + " AND period_start = '2026-10-06'");
            assertThat(scalar("SELECT count(*) FROM webhook_deliveries WHERE tenant_id = 'wonka'")).isEqualTo(1);
            // made again (another instance, a restart): the report exists, nothing more is posted
            producer.produce();
            assertThat(scalar("SELECT count(*) FROM webhook_deliveries WHERE tenant_id = 'wonka'")).isEqualTo(1);

            daily.answer(503);
            assertThat(dispatchAt("2026-10-07T00:45:00Z")).isEqualTo(1);   // 503: next in 30 s
            assertThat(dispatchAt("2026-10-07T00:45:29Z")).isEqualTo(0);   // not due yet
            daily.holdRequests();
            assertThat(dispatchAt("2026-10-07T00:45:30Z")).isEqualTo(1);   // no answer within 2 s: next in 60 s
            daily.release();
            // the secret is read at each attempt: the next one is signed with the rotated secret
            post(WONKA_ADMIN, "/v1/report-webhooks/" + dayHook + "/rotate", json("{'secret': '" + ROTATED + "'}"))
                    .then().statusCode(200).body("secret", is(ROTATED)).body("webhook.id", is(dayHook));
            assertThat(dispatchAt("2026-10-07T00:46:29Z")).isEqualTo(0);
            assertThat(dispatchAt("2026-10-07T00:46:30Z")).isEqualTo(1);   // 204: delivered
            assertThat(dispatchAt("2026-10-08T12:00:00Z")).isEqualTo(0);

            List<WebhookReceiver.Received> received = daily.received();
            assertThat(received).hasSize(3);
            WebhookReceiver.Received first = received.get(0);
            WebhookReceiver.Received last = received.get(2);
            assertThat(verifies(SECRET, first)).isTrue();
            assertThat(verifies(ROTATED, last)).isTrue();
            assertThat(verifies(SECRET, last)).isFalse();
            assertThat(last.headers().get("x-deskpulse-timestamp"))
                    .isEqualTo(String.valueOf(Instant.parse("2026-10-07T00:46:30Z").getEpochSecond()));
            assertThat(last.headers().get("x-deskpulse-event")).isEqualTo("period_report.created");
            assertThat(last.headers().get("content-type")).isEqualTo("application/json");
            assertThat(received).extracting(r -> r.headers().get("x-deskpulse-delivery")).containsOnly(
                    first.headers().get("x-deskpulse-delivery"));
            assertThat(received).extracting(WebhookReceiver.Received::body).containsOnly(last.body());

            JsonNode body = new ObjectMapper().readTree(last.body());
            assertThat(body.get("event").textValue()).isEqualTo("period_report.created");
            assertThat(body.get("tenant").textValue()).isEqualTo(TENANT);
            JsonNode r = body.get("report");
            assertThat(r.get("id").longValue()).isEqualTo(report);
            assertThat(r.get("granularity").textValue()).isEqualTo("day");
            assertThat(r.get("period_start").textValue()).isEqualTo("2026-10-06");
            assertThat(r.get("period_end").textValue()).isEqualTo("2026-10-06");
            assertThat(r.get("time_zone").textValue()).isEqualTo("UTC");
            assertThat(r.get("url").textValue()).isEqualTo("https://reports.example.test/v1/reports/" + report);
            assertThat(r.get("scorecards_url").textValue())
                    .isEqualTo("https://reports.example.test/v1/reports/" + report + "/scorecards");
            JsonNode summary = body.get("summary");
            assertThat(summary.get("teams").intValue()).isEqualTo(2);
            assertThat(summary.get("tickets_created").longValue()).isEqualTo(2);
            assertThat(summary.get("first_responses").longValue()).isEqualTo(2);
            assertThat(summary.get("first_response_avg_s").doubleValue()).isEqualTo(120.0);
            assertThat(summary.get("csat_avg").isNull()).isTrue();
            assertThat(body.get("text").textValue()).isEqualTo("DeskPulse day report 2026-10-06 (wonka): 2 tickets "
                    + "created, 0 resolved, first response 2 min on average. https://reports.example.test/v1/reports/"
                    + report);

            as(WONKA_ADMIN).get("/v1/report-webhooks/" + dayHook + "/deliveries").then().statusCode(200)
                    .body("status", contains("delivered")).body("[0].report_id", is((int) report))
                    .body("[0].attempts", is(3)).body("[0].event", is("period_report.created"))
                    .body("[0].attempt_history.status_code", contains(503, null, 204))
                    .body("[0].attempt_history.at", contains("2026-10-07T00:45:00Z", "2026-10-07T00:45:30Z",
                            "2026-10-07T00:46:30Z"));
            assertThat(disabled.received()).isEmpty();
            assertThat(monthly.received()).isEmpty();
            as(WONKA_ADMIN).get("/v1/report-webhooks/" + offHook + "/deliveries").then().statusCode(200)
                    .body("$", empty());
            as(WONKA_ADMIN).get("/v1/report-webhooks/" + monthHook + "/deliveries").then().statusCode(200)
                    .body("$", empty());

            // the next day's report, to a webhook disabled while its delivery is pending: cancelled, not posted
            ticket("RW-3", "billing", "2026-10-07T09:00:00Z", 30);
            await().atMost(Duration.ofSeconds(60)).until(() -> aggregates.scalar("SELECT coalesce(sum(first_response_count),"
                    + " 0) FROM kpi_daily WHERE tenant_id = 'wonka'") == 3);
            daily.answer(500);
            clock.set(Instant.parse("2026-10-08T00:45:00Z"));
            producer.produce();
            assertThat(dispatchAt("2026-10-08T00:45:00Z")).isEqualTo(1);
            as(WONKA_ADMIN).post("/v1/report-webhooks/" + dayHook + "/disable").then().statusCode(200);
            assertThat(dispatchAt("2026-10-08T01:00:00Z")).isEqualTo(0);
            as(WONKA_ADMIN).get("/v1/report-webhooks/" + dayHook + "/deliveries").then().statusCode(200)
                    .body("status", contains("cancelled", "delivered"))
                    .body("[0].last_error", is("the report webhook is disabled"));
            assertThat(daily.received()).hasSize(4);
        }
    }

    @Test
    void theAdminApiNamesEveryBadFieldAndNeverShowsTheSecret() throws Exception {
        as(WONKA_ADMIN).contentType(ContentType.JSON).body("{}").post("/v1/report-webhooks").then().statusCode(422)
                .contentType("application/problem+json").body("type", is("https://deskpulse.io/problems/invalid-request"))
                .body("errors.field", contains("name", "url"));
        post(WONKA_ADMIN, "/v1/report-webhooks", json("{'name': 'x', 'url': 'ftp://hooks.example.com/x',"
                + " 'granularities': ['year', 'day', 'day'], 'secret': 'short', 'colour': 'red'}")).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("colour", "granularities[0]", "granularities[2]", "secret", "url"));
        post(WONKA_ADMIN, "/v1/report-webhooks", json("{'name': 'x', 'url': 'https://hooks.example.com/x',"
                + " 'granularities': []}")).then().statusCode(422).body("errors.field", contains("granularities"));
        post(WONKA_ADMIN, "/v1/report-webhooks", json("{'name': 'x', 'url': 'https://user:pw@hooks.example.com/x'}"))
                .then().statusCode(422).body("errors.field", contains("url"));
        as(WONKA_ADMIN).contentType(ContentType.JSON).body("{not json").post("/v1/report-webhooks").then()
                .statusCode(400).contentType("application/problem+json");

        String created = post(WONKA_ADMIN, "/v1/report-webhooks", json("{'name': ' Weekly mail ',"
                + " 'url': 'https://mail-gateway.example.com/in', 'granularities': ['month', 'week']}"))
                .then().statusCode(201).body("webhook.name", is("Weekly mail"))
                .body("webhook.granularities", contains("week", "month")).body("webhook.status", is("active"))
                .body("secret.length()", is(43)).extract().header("Location");
        as(WONKA_ADMIN).get(created).then().statusCode(200).body("url", is("https://mail-gateway.example.com/in"))
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("secret")));
        as(WONKA_ADMIN).get("/v1/report-webhooks").then().statusCode(200).body("name", hasItems("Weekly mail"));
        post(WONKA_ADMIN, created + "/rotate", json("{'secret': 'short', 'grace': 1}")).then().statusCode(422)
                .body("errors.field", contains("grace", "secret"));
        as(WONKA_ADMIN).contentType(ContentType.JSON).body("{}").post(created + "/rotate").then().statusCode(200)
                .body("secret.length()", is(43));
        as(WONKA_ADMIN).get("/v1/report-webhooks/999999").then().statusCode(404).contentType("application/problem+json");
        as(WONKA_ADMIN).get("/v1/report-webhooks/abc").then().statusCode(404);
        as(WONKA_ADMIN).post("/v1/report-webhooks/999999/disable").then().statusCode(404);
        // the secret is stored encrypted, never in clear text
        assertThat(text("SELECT secret FROM report_webhooks WHERE url = 'https://mail-gateway.example.com/in'"))
                .startsWith("v1.");
        // every accepted change is audited, the refused ones are not
        String path = java.net.URI.create(created).getPath();
        assertThat(scalar("SELECT count(*) FROM admin_audit WHERE tenant = 'wonka' AND method = 'POST'"
                + " AND path = '" + path + "/rotate' AND status = 200")).isEqualTo(1);
        assertThat(scalar("SELECT count(*) FROM admin_audit WHERE tenant = 'wonka' AND method = 'POST'"
                + " AND path = '/v1/report-webhooks' AND status = 201")).isGreaterThanOrEqualTo(1);
        assertThat(scalar("SELECT count(*) FROM admin_audit WHERE tenant = 'wonka' AND status >= 400")).isZero();
    }

    static void ticket(String id, String team, String created, int replySeconds) {
        Instant at = Instant.parse(created);
        EventTopic.sendTicketEvents(TENANT, id, List.of(
                event(TENANT, id + "-c", "ticket.created", created,
                        "{\"ticket_id\":\"" + id + "\",\"channel\":\"chat\",\"team_id\":\"" + team + "\",\"agent_id\":\"i-" + team + "\"}"),
                event(TENANT, id + "-r", "ticket.message", at.plusSeconds(replySeconds).toString(),
                        "{\"ticket_id\":\"" + id + "\",\"author\":\"agent\",\"agent_id\":\"i-" + team + "\",\"public\":true}")));
    }

    /** What a receiver does (docs/alerts.md#verifying-a-delivery): HMAC-SHA256 over "timestamp.body", constant time. */
    static boolean verifies(String secret, WebhookReceiver.Received received) throws Exception {
        String expected = "v1=" + WebhookDeliveryTest.hmac(secret, received.headers().get("x-deskpulse-timestamp") + "."
                + received.body());
        return java.security.MessageDigest.isEqual(expected.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                received.headers().get("x-deskpulse-signature").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    long scalar(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    String text(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
