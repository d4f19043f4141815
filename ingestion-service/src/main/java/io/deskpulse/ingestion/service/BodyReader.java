package io.deskpulse.ingestion.service;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads the events of a body into an {@link IngestRequest}: one JSON object, a JSON array, or NDJSON.
 * Malformed JSON becomes an error naming where (event index or line, and column) and why.
 */
final class BodyReader {

    private final ObjectMapper mapper;

    BodyReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void readSingle(InputStream body, IngestRequest request) throws IOException {
        try (JsonParser parser = mapper.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InvalidEventsException("The request holds no event.", List.of(), 0, 0);
            }
            if (first == JsonToken.START_ARRAY) {
                request.unparseable(null, "must be one JSON object; send an array of events as "
                        + "application/cloudevents-batch+json");
                return;
            }
            JsonNode event = mapper.readTree(parser);
            if (parser.nextToken() != null) {
                request.unparseable(null, "is followed by more JSON; send several events as "
                        + "application/cloudevents-batch+json or application/x-ndjson");
                return;
            }
            request.event(null, event);
        } catch (JsonProcessingException e) {
            request.unparseable(null, notJson(e, true));
        }
    }

    void readBatch(InputStream body, IngestRequest request, int maxEvents) throws IOException {
        int index = 0;
        try (JsonParser parser = mapper.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw new InvalidEventsException("A batch must be a JSON array of events.", List.of(), 0, 0);
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (index == maxEvents) {
                    throw new PayloadTooLargeException("A batch holds at most " + maxEvents + " events "
                            + "(deskpulse.ingest.max-batch-events); split it, or send application/x-ndjson.");
                }
                request.event(index, mapper.readTree(parser));
                index++;
            }
            if (parser.nextToken() != null) {
                request.unparseable(null, "the array is followed by more JSON");
            }
        } catch (JsonProcessingException e) {
            request.unparseable(index, notJson(e, true));
        }
    }

    void readNdjson(InputStream body, IngestRequest request, int maxLineBytes) throws IOException {
        LineReader lines = new LineReader(body, maxLineBytes);
        for (int lineNumber = 0; ; lineNumber++) {
            int length = lines.next();
            if (length == LineReader.END) {
                return;
            }
            if (length == LineReader.TOO_LONG) {
                request.unparseable(lineNumber, request.tooLarge().reason());
                continue;
            }
            if (LineReader.isBlank(lines.line(), length)) {
                continue;
            }
            JsonNode event;
            try {
                event = mapper.readTree(lines.line(), 0, length);
            } catch (JsonProcessingException e) {
                request.unparseable(lineNumber, notJson(e, false));
                continue;
            }
            request.event(lineNumber, event);
        }
    }

    static String notJson(JsonProcessingException e, boolean withLine) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : withLine
                ? " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"
                : " (column " + at.getColumnNr() + ")";
        String why = e.getOriginalMessage();
        int newline = why.indexOf('\n');
        return "is not valid JSON: " + (newline < 0 ? why : why.substring(0, newline)) + where;
    }
}
