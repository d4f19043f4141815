package io.deskpulse.ingestion.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Builds the canonical events of one delivery. Every event's {@code id} is derived from the connector id and a key
 * made of the platform's own ids (a delivery, event, message or ticket id and what changed), never from the time of
 * receipt: a retried delivery or a re-mapped raw payload gives the same ids, so it counts once. The connector id is
 * hashed into the id and the {@code source}, never shown: for an unsigned Chatwoot connector it is the credential.
 */
final class CanonicalEvents {

    /** The longest comment survey.csat takes. */
    static final int MAX_COMMENT = 10_000;
    static final int MAX_TAGS = 100;
    static final int MAX_TAG_LENGTH = 128;

    private final Platform platform;
    private final String connectorId;
    private final String source;
    private final List<ObjectNode> events = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();

    CanonicalEvents(Platform platform, String connectorId) {
        if (connectorId == null || connectorId.isBlank()) {
            throw new IllegalArgumentException("connectorId is required");
        }
        this.platform = platform;
        this.connectorId = connectorId;
        this.source = "deskpulse-connector/" + platform.jsonName() + "/" + hash("source", 16);
    }

    /** The longest id the contract takes. */
    static final int MAX_ID = 128;

    /**
     * An id of the platform's namespace: {@code zendesk:5158}, so that two helpdesks of one tenant never collide.
     * One that would exceed the contract's 128 characters (a long e-mail address as a Freshdesk agent) becomes
     * {@code <platform>:#<32 hex digits of its SHA-256>}: still the same id for the same person every time.
     */
    String ref(String nativeId) {
        if (nativeId == null) {
            return null;
        }
        String id = platform.jsonName() + ":" + nativeId;
        if (id.length() <= MAX_ID) {
            return id;
        }
        return platform.jsonName() + ":#" + HexFormat.of().formatHex(Hmac.sha256(Hmac.utf8(nativeId))).substring(0, 32);
    }

    /** Adds an event of the type at the time and returns its {@code data}, to be filled. */
    ObjectNode add(String type, String key, Instant time) {
        ObjectNode event = Json.MAPPER.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", platform.jsonName() + "-" + hash(key, 40));
        event.put("source", source);
        event.put("type", type);
        event.put("time", time.truncatedTo(ChronoUnit.MILLIS).toString());
        ObjectNode data = event.putObject("data");
        events.add(event);
        return data;
    }

    /**
     * ticket.tagged with the ticket's whole tag set (the catalog's tags replace the ticket's), cut to the
     * contract's limits.
     */
    void tagged(String ticketId, List<String> tags, String key, Instant time) {
        var array = add("ticket.tagged", key, time).put("ticket_id", ticketId).putArray("tags");
        tags.stream().distinct().limit(MAX_TAGS)
                .map(tag -> tag.length() > MAX_TAG_LENGTH ? tag.substring(0, MAX_TAG_LENGTH) : tag)
                .forEach(array::add);
    }

    /** Puts the value when there is one: an absent optional field, rather than an explicit null. */
    static void putIfPresent(ObjectNode data, String field, String value) {
        if (value != null) {
            data.put(field, value);
        }
    }

    /** A rating the platform already gives on 1..5 (an integer, or its digits as a string). */
    static int score(JsonNode rating, String path) {
        if (!(rating.isIntegralNumber() || rating.isTextual() && rating.textValue().matches("\\d{1,2}"))
                || rating.asInt() < 1 || rating.asInt() > 5) {
            throw new MappingException(path, "must be an integer from 1 to 5");
        }
        return rating.asInt();
    }

    static String comment(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.length() > MAX_COMMENT ? text.substring(0, MAX_COMMENT) : text;
    }

    void ignore(String reason) {
        ignored.add(reason);
    }

    Mapped result() {
        return new Mapped(events, ignored);
    }

    private String hash(String key, int hexDigits) {
        byte[] digest = Hmac.sha256(Hmac.utf8(connectorId + "\n" + platform.jsonName() + "\n" + key));
        return HexFormat.of().formatHex(digest).substring(0, hexDigits);
    }
}
