package io.deskpulse.scoring.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.scoring.domain.AgentEvent;
import io.deskpulse.scoring.domain.AgentFact;
import io.deskpulse.scoring.domain.CustomerEvent;
import io.deskpulse.scoring.domain.IncomingEvent;
import io.deskpulse.scoring.domain.TicketFact;
import io.deskpulse.scoring.domain.TimelineEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Turns a record of the event topic (a structured-mode CloudEvent written by ingestion-service, see
 * docs/architecture.md) into an {@link IncomingEvent}. Ingestion has already validated it against the
 * contract; whatever still does not fit (another writer on the topic, a newer event type) is refused
 * with a reason, and goes to the dead-letter topic.
 */
@ApplicationScoped
public class CloudEventDecoder {

    public static final String TENANT_ATTRIBUTE = "deskpulsetenant";

    private final ObjectMapper mapper;

    public CloudEventDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public IncomingEvent decode(byte[] value) throws UndecodableEventException {
        if (value == null) {
            throw new UndecodableEventException("record has no value");
        }
        JsonNode event;
        try {
            event = mapper.readTree(value);
        } catch (JsonProcessingException e) {
            throw new UndecodableEventException("value is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UndecodableEventException("value is not readable JSON: " + e.getMessage());
        }
        if (event == null || !event.isObject()) {
            throw new UndecodableEventException("value is not a JSON object");
        }
        String tenant = text(event, TENANT_ATTRIBUTE, true);
        String source = text(event, "source", true);
        String id = text(event, "id", true);
        String type = text(event, "type", true).toLowerCase(Locale.ROOT);
        long epochMillis = time(text(event, "time", true));
        JsonNode data = event.get("data");
        if (data == null || !data.isObject()) {
            throw new UndecodableEventException("data is missing or not an object");
        }
        UUID eventKey = eventKey(tenant, source, id);
        long identity = eventKey.getMostSignificantBits() ^ eventKey.getLeastSignificantBits();
        String ticketId = text(data, "ticket_id", false);
        String agentId = text(data, "agent_id", false);
        if (type.equals("survey.nps") && ticketId == null) {
            // No ticket to hang it on: the agent's day, or (naming no agent either) the tenant's "no agent" day.
            return IncomingEvent.ofAgent(tenant, type, eventKey, agentId == null ? "" : agentId,
                    new AgentEvent(identity, epochMillis, new AgentFact.Nps(integer(data, "score", 0, 10))))
                    .withCustomer(text(data, "customer_id", false));
        }
        if (type.equals("survey.nps")) {
            return IncomingEvent.ofTicket(tenant, type, eventKey, ticketId,
                    new TimelineEvent(identity, epochMillis, ticketFact(type, data)))
                    .withCustomer(text(data, "customer_id", false));
        }
        if (type.equals("customer.churned") || type.equals("customer.renewed")) {
            return IncomingEvent.ofCustomer(tenant, type, eventKey, new CustomerEvent(tenant,
                    text(data, "customer_id", true), identity, epochMillis, type.equals("customer.churned"),
                    data.hasNonNull("revenue") ? Long.valueOf(Math.round(number(data, "revenue", true) * 1000)) : null,
                    upper(text(data, "currency", false))));
        }
        if (type.startsWith("interaction.") && !type.equals("interaction.completed")) {
            // An interaction's queue timeline is kept like a ticket's, under the interaction id.
            return IncomingEvent.ofTicket(tenant, type, eventKey, text(data, "interaction_id", true),
                    new TimelineEvent(identity, epochMillis, interactionFact(type, data)));
        }
        AgentFact agentFact = agentFact(type, data);
        if (agentFact != null) {
            return IncomingEvent.ofAgent(tenant, type, eventKey, text(data, "agent_id", true),
                    new AgentEvent(identity, epochMillis, agentFact));
        }
        return IncomingEvent.ofTicket(tenant, type, eventKey, text(data, "ticket_id", true),
                new TimelineEvent(identity, epochMillis, ticketFact(type, data)));
    }

    /** The identity (tenant, source, id) as a name-based UUID: fixed-size keys for the dedup table. */
    public static UUID eventKey(String tenant, String source, String id) {
        return UUID.nameUUIDFromBytes((tenant + '\u001f' + source + '\u001f' + id).getBytes(StandardCharsets.UTF_8));
    }

    private TicketFact ticketFact(String type, JsonNode data) throws UndecodableEventException {
        switch (type) {
            case "ticket.created":
                return new TicketFact.Created(lower(text(data, "channel", true)),
                        orDefault(lower(text(data, "priority", false)), "normal"),
                        text(data, "customer_id", false), text(data, "team_id", false), text(data, "agent_id", false));
            case "ticket.assigned":
                return new TicketFact.Assigned(data.has("agent_id"), text(data, "agent_id", false),
                        data.has("team_id"), text(data, "team_id", false));
            case "ticket.message": {
                TicketFact.Author author = enumValue(TicketFact.Author.class, data, "author");
                String agent = text(data, "agent_id", author == TicketFact.Author.AGENT);
                JsonNode isPublic = data.get("public");
                // A sentiment counts only on a customer's message (docs/events.md): on others it is dropped.
                Integer sentiment = author == TicketFact.Author.CUSTOMER ? sentimentMilli(data, false) : null;
                return new TicketFact.Message(author, agent, isPublic == null || isPublic.isNull() || isPublic.asBoolean(),
                        sentiment);
            }
            case "ticket.status_changed":
                return new TicketFact.StatusChanged(enumValue(TicketFact.Status.class, data, "status"),
                        text(data, "agent_id", false));
            case "ticket.tagged": {
                JsonNode tags = data.get("tags");
                if (tags == null || !tags.isArray()) {
                    throw new UndecodableEventException("data.tags must be an array");
                }
                List<String> values = new ArrayList<>();
                tags.forEach(tag -> values.add(tag.asText()));
                return new TicketFact.Tagged(values);
            }
            case "survey.csat":
                return new TicketFact.Csat(integer(data, "score", 1, 5), text(data, "agent_id", false));
            case "survey.nps":
                return new TicketFact.Nps(integer(data, "score", 0, 10), text(data, "agent_id", false));
            case "survey.ces": {
                boolean fivePoints = "1-5".equals(lower(text(data, "scale", false)));
                int score = integer(data, "score", 1, fivePoints ? 5 : 7);
                return new TicketFact.Ces(cesMilli(score, fivePoints), text(data, "agent_id", false));
            }
            case "ticket.sentiment":
                return new TicketFact.Sentiment(sentimentMilli(data, true), text(data, "agent_id", false));
            default:
                throw new UndecodableEventException("unknown event type '" + type + "'");
        }
    }

    private static TicketFact interactionFact(String type, JsonNode data) throws UndecodableEventException {
        switch (type) {
            case "interaction.offered": {
                // The contract wants queue_id or team_id present; both given as null count under no queue and no team.
                return new TicketFact.Offered(lower(text(data, "channel", true)), text(data, "queue_id", false),
                        text(data, "team_id", false), lower(text(data, "priority", false)));
            }
            case "interaction.answered":
                return new TicketFact.Answered(text(data, "agent_id", true), Math.round(number(data, "wait_s", true) * 1000));
            case "interaction.abandoned":
                return new TicketFact.Abandoned(Math.round(number(data, "wait_s", true) * 1000));
            default:
                throw new UndecodableEventException("unknown event type '" + type + "'");
        }
    }

    /** The fact of an event about an agent, or null for a ticket event. */
    private static AgentFact agentFact(String type, JsonNode data) throws UndecodableEventException {
        switch (type) {
            case "agent.status_changed":
                return new AgentFact.StatusChanged(enumValue(AgentFact.Status.class, data, "status"),
                        text(data, "team_id", false));
            case "interaction.completed": {
                double seconds = number(data, "talk_s", true) + number(data, "hold_s", false) + number(data, "wrap_s", false);
                return new AgentFact.Interaction(lower(text(data, "channel", true)), Math.round(seconds * 1000));
            }
            case "qa.review": {
                JsonNode passed = data.get("passed");
                return new AgentFact.QaReview(Math.round(number(data, "score", true) * 1000),
                        passed == null || passed.isNull() ? null : passed.asBoolean());
            }
            case "sale.converted":
                return new AgentFact.Sale(Math.round(number(data, "amount", false) * 1000));
            case "peer.review":
                return new AgentFact.PeerReview(integer(data, "score", 1, 5));
            default:
                return null;
        }
    }

    /**
     * A 1..5 effort answer mapped linearly onto the 1..7 scale (1, 2.5, 4, 5.5, 7: the ends meet the ends, and 4 and 5
     * remain "easy", 5..7), in thousandths; a 1..7 answer as it is (docs/events.md).
     */
    static int cesMilli(int score, boolean fivePoints) {
        return fivePoints ? 1000 + (score - 1) * 1500 : score * 1000;
    }

    /** A sentiment from -1 to 1 in thousandths (rounded half up), null when absent and not required. */
    private static Integer sentimentMilli(JsonNode data, boolean required) throws UndecodableEventException {
        JsonNode value = data.get("sentiment");
        if (value == null || value.isNull()) {
            if (required) {
                throw new UndecodableEventException("data.sentiment is required");
            }
            return null;
        }
        if (!value.isNumber() || !(value.asDouble() >= -1 && value.asDouble() <= 1)) {
            throw new UndecodableEventException("data.sentiment must be a number from -1 to 1");
        }
        return (int) Math.round(value.asDouble() * 1000);
    }

    private static double number(JsonNode data, String field, boolean required) throws UndecodableEventException {
        JsonNode value = data.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new UndecodableEventException("data." + field + " is required");
            }
            return 0;
        }
        if (!value.isNumber() || value.asDouble() < 0 || !Double.isFinite(value.asDouble())) {
            throw new UndecodableEventException("data." + field + " must be a number >= 0");
        }
        return value.asDouble();
    }

    private static int integer(JsonNode data, String field, int min, int max) throws UndecodableEventException {
        JsonNode value = data.get(field);
        if (value == null || !value.canConvertToInt() || value.asInt() < min || value.asInt() > max
                || value.asDouble() != value.asInt()) {
            throw new UndecodableEventException("data." + field + " must be an integer from " + min + " to " + max);
        }
        return value.asInt();
    }

    private static String text(JsonNode node, String field, boolean required) throws UndecodableEventException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new UndecodableEventException(field + " is required");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw new UndecodableEventException(field + " must be a non-empty string");
        }
        return value.asText();
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode data, String field)
            throws UndecodableEventException {
        String value = text(data, field, true);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UndecodableEventException("data." + field + " has unknown value '" + value + "'");
        }
    }

    /**
     * The times scoring derives. Ingestion refuses times outside a narrower window (by default 2000-01-01 to a day
     * ahead); this bound holds for records already on the topic, from before that rule or from other producers: a
     * year beyond about +-292 million overflows epoch milliseconds, and business hours cost one step per day of a
     * ticket's span, so 300 years (about 110,000 days) is the most one record can make a derivation walk.
     */
    static final Instant EARLIEST_TIME = Instant.parse("1900-01-01T00:00:00Z");
    static final Instant LATEST_TIME = Instant.parse("2200-01-01T00:00:00Z");

    static long time(String value) throws UndecodableEventException {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new UndecodableEventException("time '" + value + "' is not an RFC 3339 timestamp");
        }
        if (instant.isBefore(EARLIEST_TIME) || !instant.isBefore(LATEST_TIME)) {
            throw new UndecodableEventException("time '" + value + "' lies outside " + EARLIEST_TIME + " to "
                    + LATEST_TIME + ", the times scoring derives");
        }
        return instant.toEpochMilli();
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    private static String orDefault(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
