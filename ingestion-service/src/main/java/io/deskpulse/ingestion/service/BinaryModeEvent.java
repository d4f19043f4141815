package io.deskpulse.ingestion.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The CloudEvents HTTP binding's binary content mode (the default of most SDKs, Knative, Dapr): the attributes come
 * in {@code ce-<name>} headers, percent-encoded, the data is the body and {@code datacontenttype} its Content-Type.
 * Turned here into the structured event the single-event path validates, so both modes have one set of rules and
 * answers. Only JSON data can carry the contract's {@code data} object.
 */
public final class BinaryModeEvent {

    public static final String HEADER_PREFIX = "ce-";
    public static final String SPECVERSION_HEADER = HEADER_PREFIX + "specversion";

    private BinaryModeEvent() {
    }

    /** Whether the request is in binary mode: it names a spec version in a header (structured bodies do not). */
    public static boolean applies(Map<String, List<String>> headers) {
        return headers.keySet().stream().anyMatch(SPECVERSION_HEADER::equalsIgnoreCase);
    }

    /** A media type that can carry JSON data: {@code application/json} or any {@code +json} suffix. */
    public static boolean isJsonData(String mediaType) {
        String bare = mediaType == null ? "" : mediaType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return bare.equals("application/json") || (bare.startsWith("application/") && bare.endsWith("+json"));
    }

    /**
     * The structured event of a binary-mode request: every {@code ce-} header an attribute (its name lower case,
     * its value percent-decoded), {@code datacontenttype} the Content-Type, {@code data} the body as JSON.
     *
     * @throws InvalidEventsException naming the attribute or {@code data} that cannot be read
     */
    public static byte[] structured(Map<String, List<String>> headers, String contentType, byte[] body,
            ObjectMapper mapper) {
        ObjectNode event = mapper.createObjectNode();
        List<EventError> errors = new ArrayList<>();
        headers.forEach((name, values) -> {
            if (name.length() <= HEADER_PREFIX.length() || !name.regionMatches(true, 0, HEADER_PREFIX, 0,
                    HEADER_PREFIX.length())) {
                return;
            }
            String attribute = name.substring(HEADER_PREFIX.length()).toLowerCase(Locale.ROOT);
            if (values.size() != 1) {
                errors.add(new EventError(null, null, attribute, "is sent in " + values.size() + " " + name
                        + " headers; send one"));
                return;
            }
            String decoded = percentDecoded(values.get(0));
            event.put(attribute, decoded);
        });
        if (contentType != null) {
            event.put("datacontenttype", contentType);
        }
        if (body.length > 0) {
            try {
                JsonNode data = mapper.readTree(body);
                if (data != null) {
                    event.set("data", data);
                }
            } catch (JsonProcessingException e) {
                errors.add(new EventError(null, null, "data", "is not valid JSON: " + e.getOriginalMessage()));
            } catch (java.io.IOException e) {
                errors.add(new EventError(null, null, "data", "is not readable: " + e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            String id = event.path("id").isTextual() ? event.get("id").textValue() : null;
            List<EventError> named = errors.stream().map(e -> new EventError(null, id, e.field(), e.reason())).toList();
            throw new InvalidEventsException("The event is invalid; it was not accepted.", named, 1, 1);
        }
        try {
            return mapper.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event tree does not write as JSON", e);
        }
    }

    /**
     * RFC 3986 percent-decoding of a header value into UTF-8 (the binding encodes space, '"', '%' and everything
     * outside printable ASCII). Senders that do not encode exist (the Java SDK 4 writes values as they are): a '%'
     * not followed by two hex digits stays a '%', and a value whose decoded bytes are not UTF-8 is kept as sent.
     */
    static String percentDecoded(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            int high = c == '%' && i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
            int low = high < 0 ? -1 : Character.digit(value.charAt(i + 2), 16);
            if (low >= 0) {
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return value;
        }
    }
}
