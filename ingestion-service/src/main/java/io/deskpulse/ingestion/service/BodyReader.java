package io.deskpulse.ingestion.service;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Reads the events of a body into an {@link IngestRequest}: one JSON object, a JSON array, or NDJSON.
 * Malformed JSON becomes an error naming where (event index or line, and column) and why. Each event goes
 * with the bytes it was parsed from, so that an unchanged event can be written to Kafka without writing its
 * tree again: single and batch bodies (bounded by max-body-size, and held as records in memory anyway) are
 * read whole first; NDJSON lines are at hand one by one.
 */
final class BodyReader {

    private final ObjectMapper mapper;
    private final ObjectMapper strict;

    /**
     * @param mapper refuses duplicate keys as it builds each object (DeserializationFeature
     *     FAIL_ON_READING_DUP_TREE_KEY): the map does that check anyway
     * @param strict refuses them in the parser (StreamReadFeature.STRICT_DUPLICATE_DETECTION), which keeps a set of
     *     the names of every object: too dear for every event, but its errors name the duplicate where it
     *     stands, so a body that fails is read again with it to describe the failure
     */
    BodyReader(ObjectMapper mapper, ObjectMapper strict) {
        this.mapper = mapper;
        this.strict = strict;
    }

    void readSingle(InputStream body, IngestRequest request) throws IOException {
        byte[] bytes = body.readAllBytes();
        try (JsonParser parser = mapper.createParser(bytes)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InvalidEventsException("The request holds no event.", List.of(), 0, 0);
            }
            if (first == JsonToken.START_ARRAY) {
                request.unparseable(null, "must be one JSON object; send an array of events as "
                        + "application/cloudevents-batch+json");
                return;
            }
            int from = start(parser);
            JsonNode event = mapper.readTree(parser);
            int to = end(parser);
            if (parser.nextToken() != null) {
                request.unparseable(null, "is followed by more JSON; send several events as "
                        + "application/cloudevents-batch+json or application/x-ndjson");
                return;
            }
            request.event(null, event, utf8(parser, bytes), from, to);
        } catch (JsonProcessingException e) {
            request.unparseable(null, notJson(strictly(e, bytes, 0, bytes.length), true));
        }
    }

    void readBatch(InputStream body, IngestRequest request, int maxEvents) throws IOException {
        int index = 0;
        byte[] bytes = body.readAllBytes();
        try (JsonParser parser = mapper.createParser(bytes)) {
            byte[] original = utf8(parser, bytes);
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw new InvalidEventsException("A batch must be a JSON array of events.", List.of(), 0, 0);
            }
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (index == maxEvents) {
                    throw new PayloadTooLargeException("A batch holds at most " + maxEvents + " events "
                            + "(deskpulse.ingest.max-batch-events); split it, or send application/x-ndjson.");
                }
                int from = start(parser);
                JsonNode event = mapper.readTree(parser);
                request.event(index, event, original, from, end(parser));
                index++;
            }
            if (parser.nextToken() != null) {
                request.unparseable(null, "the array is followed by more JSON");
            }
        } catch (JsonProcessingException e) {
            request.unparseable(index, notJson(strictly(e, bytes, 0, bytes.length), true));
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
            int from;
            int to;
            byte[] original;
            // Like ObjectMapper.readTree(bytes): the first JSON value of the line; what follows it is ignored.
            try (JsonParser parser = mapper.createParser(lines.line(), 0, length)) {
                original = utf8(parser, lines.line());
                parser.nextToken();
                from = start(parser);
                event = mapper.readTree(parser);
                to = end(parser);
            } catch (JsonProcessingException e) {
                request.unparseable(lineNumber, notJson(strictly(e, lines.line(), 0, length), false));
                continue;
            }
            request.event(lineNumber, event, original, from, to);
        }
    }

    /**
     * The first error the strict parser meets in the same bytes. Both parsers stop at the same malformed JSON;
     * a duplicate key the strict one meets at the key, the other only after reading its value (or at malformed
     * JSON within that value), in the same event. So this is the error of the same event, described as before.
     */
    private JsonProcessingException strictly(JsonProcessingException error, byte[] bytes, int offset, int length) {
        try (JsonParser parser = strict.createParser(bytes, offset, length)) {
            while (parser.nextToken() != null) {
                // every token, up to the first error
            }
        } catch (JsonProcessingException first) {
            return first;
        } catch (IOException ignored) {
            // not from a byte array
        }
        return error;
    }

    /** The body's bytes if the parser reads them as UTF-8 (Jackson also detects UTF-16 and UTF-32), else null. */
    private static byte[] utf8(JsonParser parser, byte[] bytes) {
        return parser instanceof UTF8StreamJsonParser ? bytes : null;
    }

    /** Where the current token (an event's opening brace) starts. */
    private static int start(JsonParser parser) {
        return (int) parser.currentTokenLocation().getByteOffset();
    }

    /** Just after the last token read (an event's closing brace). */
    private static int end(JsonParser parser) {
        return (int) parser.currentLocation().getByteOffset();
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
