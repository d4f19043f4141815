package io.deskpulse.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Kafka values: the original bytes with the tenant appended when they can serve, else the tree written again. */
class RecordValuesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final RecordValues values = new RecordValues(MAPPER, "acme");

    private String value(String json, boolean changed) throws Exception {
        byte[] original = ("[" + json + "]").getBytes(StandardCharsets.UTF_8);
        ObjectNode event = (ObjectNode) MAPPER.readTree(json);
        return new String(values.of(event, changed, original, 1, original.length - 1), StandardCharsets.UTF_8);
    }

    @Test
    void anUnchangedCompactEventKeepsItsBytesWithTheTenantAppended() throws Exception {
        // 87.50 and \u0041 are kept as sent: writing the tree would give 87.5 and A.
        String json = "{\"id\":\"e-1\",\"data\":{\"score\":87.50,\"note\":\"\\u0041 b\\\"c\\\\\"}}";
        assertThat(value(json, false)).isEqualTo(
                "{\"id\":\"e-1\",\"data\":{\"score\":87.50,\"note\":\"\\u0041 b\\\"c\\\\\"},\"deskpulsetenant\":\"acme\"}");
    }

    @Test
    void aChangedEventIsWrittenFromItsTree() throws Exception {
        assertThat(value("{\"id\":\"e-1\",\"data\":{\"score\":87.50}}", true))
                .isEqualTo("{\"id\":\"e-1\",\"data\":{\"score\":87.5},\"deskpulsetenant\":\"acme\"}");
    }

    @Test
    void aPrettyPrintedEventIsWrittenCompact() throws Exception {
        assertThat(value("{ \"id\":\"e-1\",\n\t\"data\":{\"k\":[1, 2]}\r\n}", false))
                .isEqualTo("{\"id\":\"e-1\",\"data\":{\"k\":[1,2]},\"deskpulsetenant\":\"acme\"}");
    }

    @Test
    void aTenantAttributeInTheBodyIsOverwrittenInPlace() throws Exception {
        assertThat(value("{\"deskpulsetenant\":\"evil-corp\",\"id\":\"e-1\"}", false))
                .isEqualTo("{\"deskpulsetenant\":\"acme\",\"id\":\"e-1\"}");
    }

    @Test
    void withoutTheOriginalBytesTheTreeIsWritten() throws Exception {
        ObjectNode event = (ObjectNode) MAPPER.readTree("{\"id\":\"e-1\"}");
        assertThat(new String(values.of(event, false, null, 0, 0), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":\"e-1\",\"deskpulsetenant\":\"acme\"}");
    }

    @Test
    void theTenantIsEscapedAsJson() throws Exception {
        ObjectNode event = (ObjectNode) MAPPER.readTree("{\"id\":\"e-1\"}");
        byte[] original = "{\"id\":\"e-1\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(new String(new RecordValues(MAPPER, "a\"b").of(event, false, original, 0, original.length),
                StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"e-1\",\"deskpulsetenant\":\"a\\\"b\"}");
    }

    @Test
    void compactnessLooksOutsideStringsOnly() {
        assertThat(compact("{\"a\":\"x y\\\" z\"}")).isTrue();
        assertThat(compact("{\"a\":\"\\\\\",\"b\":1}")).isTrue();
        assertThat(compact("{\"a\": 1}")).isFalse();
        assertThat(compact("{\"a\":\"\\\\\" ,\"b\":1}")).isFalse();
        assertThat(compact("{\"a\":[1,\n2]}")).isFalse();
        assertThat(compact("{}")).isFalse();
        assertThat(compact("[1]")).isFalse();
    }

    private static boolean compact(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return RecordValues.isCompactObject(bytes, 0, bytes.length);
    }
}
