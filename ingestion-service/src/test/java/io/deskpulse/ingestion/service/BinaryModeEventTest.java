package io.deskpulse.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Binary-mode requests into structured events, without Quarkus. */
class BinaryModeEventTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void headersBecomeAttributesTheBodyTheData() throws Exception {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Ce-SpecVersion", List.of("1.0"));
        headers.put("ce-id", List.of("e-1"));
        headers.put("CE-Source", List.of("zendesk/acme"));
        headers.put("ce-type", List.of("ticket.created"));
        headers.put("ce-time", List.of("2026-11-02T09:14:05Z"));
        // the binding's own example of a percent-encoded value
        headers.put("ce-subject", List.of("Euro%20%E2%82%AC%20%F0%9F%98%80"));
        headers.put("Authorization", List.of("Bearer x"));
        byte[] event = BinaryModeEvent.structured(headers, "application/json; charset=utf-8",
                "{\"ticket_id\":\"T-1\",\"channel\":\"chat\"}".getBytes(StandardCharsets.UTF_8), MAPPER);
        assertThat(MAPPER.readTree(event)).isEqualTo(MAPPER.readTree("{\"specversion\":\"1.0\",\"id\":\"e-1\","
                + "\"source\":\"zendesk/acme\",\"type\":\"ticket.created\",\"time\":\"2026-11-02T09:14:05Z\","
                + "\"subject\":\"Euro € \uD83D\uDE00\",\"datacontenttype\":\"application/json; charset=utf-8\","
                + "\"data\":{\"ticket_id\":\"T-1\",\"channel\":\"chat\"}}"));
    }

    @Test
    void onlyASpecVersionHeaderMakesABinaryRequest() {
        assertThat(BinaryModeEvent.applies(Map.of("CE-SPECVERSION", List.of("1.0")))).isTrue();
        assertThat(BinaryModeEvent.applies(Map.of("ce-id", List.of("1"), "Content-Type", List.of("a/b")))).isFalse();
    }

    @Test
    void jsonDataTypes() {
        assertThat(BinaryModeEvent.isJsonData("application/json")).isTrue();
        assertThat(BinaryModeEvent.isJsonData("Application/JSON; charset=utf-8")).isTrue();
        assertThat(BinaryModeEvent.isJsonData("application/vnd.zendesk+json")).isTrue();
        assertThat(BinaryModeEvent.isJsonData("text/plain")).isFalse();
        assertThat(BinaryModeEvent.isJsonData(null)).isFalse();
    }

    @Test
    void percentDecoding() {
        assertThat(BinaryModeEvent.percentDecoded("100%25%20sure")).isEqualTo("100% sure");
        assertThat(BinaryModeEvent.percentDecoded("plain")).isEqualTo("plain");
        // senders that do not encode: what cannot be a percent-encoding stays as sent
        assertThat(BinaryModeEvent.percentDecoded("100%")).isEqualTo("100%");
        assertThat(BinaryModeEvent.percentDecoded("bad%2")).isEqualTo("bad%2");
        assertThat(BinaryModeEvent.percentDecoded("bad%zz ok%21")).isEqualTo("bad%zz ok!");
        assertThat(BinaryModeEvent.percentDecoded("%C3%28")).isEqualTo("%C3%28"); // not UTF-8
    }

    @Test
    void repeatedHeadersAndUnreadableDataAreNamed() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("ce-id", List.of("e-9"));
        headers.put("ce-type", List.of("ticket.created", "ticket.closed"));
        assertThatThrownBy(() -> BinaryModeEvent.structured(headers, "application/json",
                "{oops".getBytes(StandardCharsets.UTF_8), MAPPER))
                .isInstanceOfSatisfying(InvalidEventsException.class, e -> assertThat(e.errors())
                        .extracting(EventError::id, EventError::field).containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("e-9", "type"),
                                org.assertj.core.groups.Tuple.tuple("e-9", "data")));
    }
}
