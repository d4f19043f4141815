package io.deskpulse.scoring.it;

import static io.deskpulse.scoring.support.AdminApi.HOOLI_ADMIN;
import static io.deskpulse.scoring.support.AdminApi.as;
import static io.deskpulse.scoring.support.AdminApi.json;
import static io.deskpulse.scoring.support.AdminApi.post;
import static io.deskpulse.scoring.support.AdminApi.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.scoring.service.AlertEvaluator;
import io.deskpulse.scoring.service.WebhookDispatcher;
import io.deskpulse.scoring.support.AdjustableClock;
import io.deskpulse.scoring.support.ScoringTestResources;
import io.deskpulse.scoring.support.WebhookReceiver;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Alert webhooks delivered to a real HTTP server: signed (the test verifies the signature as a receiver would),
 * retried with exponential backoff after failures, refusals and timeouts, given up after the last attempt,
 * cancelled when the webhook goes, every attempt recorded. The test profile allows 3 attempts of at most 2 s,
 * 30 s apart and doubling; the adjustable clock says when they are due.
 */
@QuarkusTest
@WithTestResource(ScoringTestResources.class)
class WebhookDeliveryTest {

    static final String SECRET = "whsec-delivery-test-0123456789";
    static final Instant RAISED = Instant.parse("2026-11-09T10:30:00Z");

    @Inject
    DataSource dataSource;
    @Inject
    AlertEvaluator evaluator;
    @Inject
    WebhookDispatcher dispatcher;
    @Inject
    AdjustableClock clock;

    WebhookReceiver receiver;
    int rule;

    @BeforeEach
    void setUp() {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void tearDown() {
        as(HOOLI_ADMIN).delete("/v1/alert-rules/" + rule).then().statusCode(204);
        receiver.close();
        clock.reset();
    }

    /** A rule on complaints of team {@code team} posting to {@code url}, and 2 complaints that raise it at 10:30. */
    void raiseAlert(String team, String url) throws Exception {
        rule = post(HOOLI_ADMIN, "/v1/alert-rules", json("{'name': 'Complaints of " + team + "', 'metric': 'complaints',"
                + " 'dimension': 'team', 'ids': ['" + team + "'], 'comparison': '>', 'threshold': 1,"
                + " 'webhook': {'url': '" + url + "', 'secret': '" + SECRET + "'}}")).then().statusCode(201).extract().path("id");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO kpi_hourly"
                + " (tenant_id, generation, bucket, team_id, agent_id, channel, complaints)"
                + " VALUES ('hooli', 0, '2026-11-09T10:00:00Z', ?, '', 'email', 2)")) {
            s.setString(1, team);
            s.executeUpdate();
        }
        clock.set(RAISED);
        assertThat(evaluator.evaluate("hooli", RAISED).raised()).isEqualTo(1);
    }

    int dispatchAt(String instant) throws Exception {
        clock.set(Instant.parse(instant));
        return dispatcher.dispatchDue();
    }

    @Test
    void failuresAreRetriedWithBackoffUntilDeliveredAndEveryAttemptIsRecorded() throws Exception {
        raiseAlert("w-retry", receiver.url());
        receiver.answer(500, 503);

        assertThat(dispatchAt("2026-11-09T10:30:00Z")).isEqualTo(1);  // 500: next in 30 s
        assertThat(dispatchAt("2026-11-09T10:30:29Z")).isEqualTo(0);  // not due yet
        assertThat(dispatchAt("2026-11-09T10:30:30Z")).isEqualTo(1);  // 503: next in 60 s
        assertThat(dispatchAt("2026-11-09T10:31:29Z")).isEqualTo(0);
        assertThat(dispatchAt("2026-11-09T10:31:30Z")).isEqualTo(1);  // 204: delivered
        assertThat(dispatchAt("2026-11-09T12:00:00Z")).isEqualTo(0);

        List<WebhookReceiver.Received> received = receiver.received();
        assertThat(received).hasSize(3);
        WebhookReceiver.Received last = received.get(2);
        // what a receiver checks: the signature over timestamp.body with the shared secret
        String timestamp = last.headers().get("x-deskpulse-timestamp");
        assertThat(timestamp).isEqualTo(String.valueOf(Instant.parse("2026-11-09T10:31:30Z").getEpochSecond()));
        assertThat(last.headers().get("x-deskpulse-signature")).isEqualTo("v1=" + hmac(SECRET, timestamp + "." + last.body()));
        assertThat(last.headers().get("x-deskpulse-event")).isEqualTo("alert.raised");
        assertThat(last.headers().get("content-type")).isEqualTo("application/json");
        // connected to the address resolved and checked, with the URL's own host and port in Host
        assertThat(last.headers().get("host")).isEqualTo("127.0.0.1:" + receiver.port());
        // the same delivery each time: one id, one body; a new timestamp and signature per attempt
        assertThat(received).extracting(r -> r.headers().get("x-deskpulse-delivery")).containsOnly(
                received.get(0).headers().get("x-deskpulse-delivery"));
        assertThat(received).extracting(WebhookReceiver.Received::body).containsOnly(last.body());
        assertThat(received.get(0).headers().get("x-deskpulse-signature")).isNotEqualTo(last.headers().get("x-deskpulse-signature"));
        JsonNode body = new ObjectMapper().readTree(last.body());
        assertThat(body.get("alert").get("member").textValue()).isEqualTo("w-retry");
        assertThat(body.get("alert").get("raised_value").doubleValue()).isEqualTo(2.0);
        assertThat(body.get("alert").get("raised_volume").longValue()).isEqualTo(2);

        as(HOOLI_ADMIN).get("/v1/alert-rules/" + rule + "/deliveries").then().statusCode(200)
                .body("status", contains("delivered")).body("[0].attempts", is(3)).body("[0].event", is("alert.raised"))
                .body("[0].last_error", is((Object) null))
                .body("[0].attempt_history.status_code", contains(500, 503, 204))
                .body("[0].attempt_history.error", contains("HTTP 500", "HTTP 503", null))
                .body("[0].attempt_history.at", contains("2026-11-09T10:30:00Z", "2026-11-09T10:30:30Z",
                        "2026-11-09T10:31:30Z"));
    }

    @Test
    void aDeliveryIsGivenUpAfterTheLastAttempt() throws Exception {
        // nothing listens on this port: every attempt fails to connect
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        raiseAlert("w-down", "http://127.0.0.1:" + closed + "/hook");
        assertThat(dispatchAt("2026-11-09T10:30:00Z")).isEqualTo(1);
        assertThat(dispatchAt("2026-11-09T10:30:30Z")).isEqualTo(1);
        assertThat(dispatchAt("2026-11-09T10:31:30Z")).isEqualTo(1);
        assertThat(dispatchAt("2026-11-09T23:00:00Z")).isEqualTo(0);
        as(HOOLI_ADMIN).get("/v1/alert-rules/" + rule + "/deliveries").then().statusCode(200)
                .body("status", contains("failed")).body("[0].attempts", is(3))
                .body("[0].last_error", org.hamcrest.Matchers.startsWith("gave up after 3 attempts; last: ConnectException"))
                .body("[0].attempt_history.status_code", contains(null, null, null));
    }

    @Test
    void aReceiverThatDoesNotAnswerInTimeIsAFailedAttempt() throws Exception {
        raiseAlert("w-slow", receiver.url());
        receiver.holdRequests();
        assertThat(dispatchAt("2026-11-09T10:30:00Z")).isEqualTo(1);
        receiver.release();
        as(HOOLI_ADMIN).get("/v1/alert-rules/" + rule + "/deliveries").then().statusCode(200)
                .body("status", contains("pending")).body("[0].next_attempt_at", is("2026-11-09T10:30:30Z"))
                .body("[0].attempt_history[0].error", org.hamcrest.Matchers.containsString("Timeout"));
        assertThat(dispatchAt("2026-11-09T10:30:30Z")).isEqualTo(1);
        as(HOOLI_ADMIN).get("/v1/alert-rules/" + rule + "/deliveries").then().body("status", contains("delivered"));
    }

    @Test
    void aDeliveryWhoseRuleLostItsWebhookIsCancelled() throws Exception {
        raiseAlert("w-gone", receiver.url());
        receiver.answer(500);
        assertThat(dispatchAt("2026-11-09T10:30:00Z")).isEqualTo(1);
        put(HOOLI_ADMIN, "/v1/alert-rules/" + rule, json("{'name': 'quiet', 'metric': 'complaints', 'dimension': 'team',"
                + " 'ids': ['w-gone'], 'comparison': '>', 'threshold': 1}")).then().statusCode(200);
        assertThat(dispatchAt("2026-11-09T10:31:00Z")).isEqualTo(0);
        as(HOOLI_ADMIN).get("/v1/alert-rules/" + rule + "/deliveries").then().statusCode(200)
                .body("status", contains("cancelled")).body("[0].last_error", is("the rule no longer has a webhook"));
        assertThat(receiver.received()).hasSize(1);
    }

    static String hmac(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
