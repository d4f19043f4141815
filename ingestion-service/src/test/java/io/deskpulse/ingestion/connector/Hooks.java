package io.deskpulse.ingestion.connector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskpulse.ingestion.service.EventValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Building deliveries from test resources or text, and checking what they map to against the contract. */
final class Hooks {

    static final Instant RECEIVED = Instant.parse("2026-02-10T12:00:00Z");
    static final String CONNECTOR = "cn_7Qk2mV9xTzL4pR8sW1yB3n";
    private static final EventValidator VALIDATOR = EventValidator.fromClasspath(new ObjectMapper());

    private Hooks() {
    }

    static byte[] resource(String path) {
        try (InputStream in = Hooks.class.getClassLoader().getResourceAsStream("webhooks/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource webhooks/" + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static HookRequest request(byte[] body, Map<String, String> headers) {
        return new HookRequest(headers, body, RECEIVED);
    }

    static HookRequest request(String body) {
        return request(body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static HookRequest fromResource(String path) {
        return request(resource(path), Map.of());
    }

    /**
     * Maps the delivery, checks every event against the contract exactly as /v1/events does (the same validator,
     * after its lower-casing) and that the events' JSON needed no lower-casing, and returns the events as lines
     * "type time data" for assertions.
     */
    static List<String> map(PayloadMapper mapper, HookRequest request) {
        return lines(mapValid(mapper, request));
    }

    static Mapped mapValid(PayloadMapper mapper, HookRequest request) {
        Mapped mapped = mapper.map(request, CONNECTOR);
        for (ObjectNode event : mapped.events()) {
            ObjectNode copy = event.deepCopy();
            assertThat(VALIDATOR.normaliseAndValidate(copy)).as("violations of %s", event).isEmpty();
            assertThat(copy).as("already normalised").isEqualTo(event);
            assertThat(event.get("source").asText()).doesNotContain(CONNECTOR);
        }
        return mapped;
    }

    static List<String> lines(Mapped mapped) {
        return mapped.events().stream()
                .map(e -> e.get("type").asText() + " " + e.get("time").asText() + " " + e.get("data"))
                .toList();
    }

    static List<String> ids(Mapped mapped) {
        return mapped.events().stream().map(e -> e.get("id").asText()).toList();
    }
}
