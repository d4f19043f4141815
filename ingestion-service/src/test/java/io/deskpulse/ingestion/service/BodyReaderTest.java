package io.deskpulse.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.deskpulse.ingestion.messaging.OutgoingRecord;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The records a body turns into: each event's own bytes are found in the body, whatever surrounds them. */
class BodyReaderTest {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY).build();
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final IngestRequest.Services SERVICES = new IngestRequest.Services(
            EventValidator.fromClasspath(MAPPER), MAPPER, new RecentIdentities(0), 100, 512 * 1024);
    private final BodyReader reader = new BodyReader(MAPPER, STRICT);

    private static String event(String id, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"zendesk/acme\",\"type\":\"qa.review\","
                + "\"time\":\"2026-11-02T09:14:05Z\",\"data\":" + data + "}";
    }

    private static String stamped(String event) {
        return event.substring(0, event.length() - 1) + ",\"deskpulsetenant\":\"acme\"}";
    }

    private static IngestRequest request() {
        return new IngestRequest("acme", SERVICES, new IdentityWindow(1000), new MemorySink());
    }

    private static List<String> values(IngestRequest request) {
        assertThat(request.errors()).isEmpty();
        List<String> values = new ArrayList<>();
        request.sink().records().forEachRemaining((OutgoingRecord r) -> values.add(new String(r.value(), StandardCharsets.UTF_8)));
        return values;
    }

    @Test
    void batchElementsAreTakenAsSentWhateverTheSpacingBetweenThem() throws Exception {
        String a = event("a", "{\"agent_id\":\"x\",\"score\":87.50}");
        String b = event("b", "{\"agent_id\":\"x\",\"score\":1e1}");
        IngestRequest request = request();
        reader.readBatch(new ByteArrayInputStream(("\uFEFF [ " + a + " ,\n\t" + b + "\r\n]\n")
                .getBytes(StandardCharsets.UTF_8)), request, 1000);
        assertThat(values(request)).containsExactly(stamped(a), stamped(b));
    }

    @Test
    void aSingleEventIsTakenAsSent() throws Exception {
        String a = event("a", "{\"agent_id\":\"x\",\"score\":100.0}");
        IngestRequest request = request();
        reader.readSingle(new ByteArrayInputStream((" " + a + "\n").getBytes(StandardCharsets.UTF_8)), request);
        assertThat(values(request)).containsExactly(stamped(a));
    }

    @Test
    void ndjsonLinesAreTakenAsSentWithLfOrCrLf() throws Exception {
        String a = event("a", "{\"agent_id\":\"x\",\"score\":0.50}");
        String b = event("b", "{\"agent_id\":\"x\",\"score\":2}");
        String c = event("c", "{\"agent_id\":\"x\",\"score\":3.0}");
        IngestRequest request = request();
        reader.readNdjson(new ByteArrayInputStream((a + "\r\n\n" + b + "\n  " + c + "  \n")
                .getBytes(StandardCharsets.UTF_8)), request, 4096);
        // The indented line's event is found between its spaces.
        assertThat(values(request)).containsExactly(stamped(a), stamped(b), stamped(c));
    }

    @Test
    void aUtf16BodyIsWrittenFromItsTreeAsUtf8() throws Exception {
        String a = event("a", "{\"agent_id\":\"é\",\"score\":5.50}");
        IngestRequest request = request();
        reader.readBatch(new ByteArrayInputStream(("[" + a + "]").getBytes(StandardCharsets.UTF_16BE)), request, 1000);
        assertThat(values(request)).containsExactly(stamped(a.replace("5.50", "5.5")));
    }

    @Test
    void lowerCasedEventsAreWrittenFromTheirTree() throws Exception {
        String a = event("a", "{\"agent_id\":\"x\",\"score\":5.50}").replace("qa.review", "QA.Review");
        IngestRequest request = request();
        reader.readBatch(new ByteArrayInputStream(("[" + a + "]").getBytes(StandardCharsets.UTF_8)), request, 1000);
        assertThat(values(request)).containsExactly(stamped(a.replace("QA.Review", "qa.review").replace("5.50", "5.5")));
    }

    private static List<EventError> errors(IngestRequest request) {
        return request.errors();
    }

    @Test
    void aDuplicateKeyIsDescribedWhereItStandsInEveryKindOfBody() throws Exception {
        String ok = event("a", "{\"agent_id\":\"x\",\"score\":1}");
        // The second "type" takes columns 30 to 35 of its line: the parser stops just after it, at 36, before its
        // malformed value.
        String duplicate = "{\"id\":\"d\",\"type\":\"qa.review\",\"type\":[1,}";
        IngestRequest batch = request();
        reader.readBatch(new ByteArrayInputStream(("[" + ok + ",\n" + duplicate + "]").getBytes(StandardCharsets.UTF_8)),
                batch, 1000);
        assertThat(errors(batch)).containsExactly(new EventError(1, null, null,
                "is not valid JSON: Duplicate field 'type' (line 2, column 36)"));
        IngestRequest ndjson = request();
        reader.readNdjson(new ByteArrayInputStream((ok + "\n" + duplicate + "\n").getBytes(StandardCharsets.UTF_8)), ndjson,
                4096);
        assertThat(errors(ndjson)).containsExactly(new EventError(1, null, null,
                "is not valid JSON: Duplicate field 'type' (column 36)"));
        IngestRequest single = request();
        reader.readSingle(new ByteArrayInputStream(duplicate.getBytes(StandardCharsets.UTF_8)), single);
        assertThat(errors(single)).containsExactly(new EventError(null, null, null,
                "is not valid JSON: Duplicate field 'type' (line 1, column 36)"));
    }

    @Test
    void malformedJsonIsDescribedAsTheParserSeesIt() throws Exception {
        IngestRequest batch = request();
        reader.readBatch(new ByteArrayInputStream("[{\"id\":\"a\",}]".getBytes(StandardCharsets.UTF_8)), batch, 1000);
        assertThat(errors(batch)).hasSize(1);
        assertThat(errors(batch).get(0).reason()).startsWith("is not valid JSON: Unexpected character ('}' (code 125))")
                .endsWith("(line 1, column 12)");
    }
}
