package io.deskpulse.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.deskpulse.ingestion.testing.HookTestResources;
import io.deskpulse.testsupport.ChatwootWebhooks;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A helpdesk delivery while Kafka is down, for real: the service points at a port where no broker listens. The
 * platform must get a 503 it retries (never a 2xx, which would make it drop the delivery), and the delivery must not
 * be remembered, so that the retry is not taken for a duplicate.
 */
@QuarkusTest
@WithTestResource(HookKafkaUnavailableTest.UnreachableKafka.class)
class HookKafkaUnavailableTest {

    private static final String SECRET = "chatwoot-webhook-secret-down-01";
    private static final String DELIVERY = """
            {"event": "message_created", "id": 7001, "message_type": "outgoing", "private": false,
             "created_at": 1764583200, "account": {"id": 1},
             "conversation": {"id": 55, "display_id": 55, "channel": "Channel::WebWidget", "status": "open"},
             "sender": {"id": 9, "type": "user"}}""";

    @Test
    void aDeliveryIsAnswered503WithRetryAfterAndItsRetryIsNoDuplicate() throws Exception {
        String connector = "cn_" + UUID.randomUUID().toString().replace("-", "");
        HookTestResources.createConnector("acme", connector, "chatwoot", "{\"allow_unsigned\": false}", SECRET);
        // The connector is found once the store has read it: from then on the answer is no longer 404.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> post(connector, DELIVERY).statusCode(not(is(404))));

        for (int attempt = 0; attempt < 2; attempt++) {
            post(connector, DELIVERY).statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", "7")
                    .body("type", equalTo("https://deskpulse.io/problems/kafka-unavailable"))
                    .body("status", equalTo(503))
                    .body("detail", not(containsString("Exception")));
        }
    }

    private static ValidatableResponse post(String connector, String body) throws Exception {
        long now = Instant.now().getEpochSecond();
        return given().contentType("application/json").header("X-Chatwoot-Timestamp", String.valueOf(now))
                .header("X-Chatwoot-Signature", ChatwootWebhooks.signature(SECRET, now, body)).body(body)
                .post("/v1/hooks/" + connector).then();
    }

    /** The hook tests' topics and database, with the broker address replaced by a port nothing listens on. */
    public static class UnreachableKafka extends HookTestResources {

        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            config.put("kafka.bootstrap.servers", "127.0.0.1:" + closedPort());
            config.put("deskpulse.kafka.ack-timeout", "2s");
            config.put("deskpulse.kafka.retry-after", "7");
            config.put("deskpulse.kafka.health-timeout", "1s");
            return config;
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
