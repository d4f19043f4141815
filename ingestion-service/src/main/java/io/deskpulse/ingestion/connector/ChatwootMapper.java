package io.deskpulse.ingestion.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chatwoot account, API-inbox and agent-bot webhooks (docs/connectors/chatwoot.md). The body is the object itself
 * with {@code event} merged in.
 *
 * <p>Conversation ids are per-account display ids, and a conversation payload carries no account: the ticket id is
 * scoped by the inbox instead ({@code chatwoot:<inbox_id>:<display_id>}), which every payload carries and which
 * belongs to exactly one account. Event keys are built from Chatwoot's own ids and times, not from
 * {@code X-Chatwoot-Delivery}, so that the same fact reaching us twice (a status change is sent as
 * {@code conversation_status_changed} and as {@code conversation_updated}; a first message inside
 * {@code conversation_created} and as {@code message_created}) gets one id.
 */
final class ChatwootMapper implements PayloadMapper {

    @Override
    public Mapped map(HookRequest request, String connectorId) {
        ObjectNode body = Json.parseObject(request.body());
        CanonicalEvents out = new CanonicalEvents(Platform.CHATWOOT, connectorId);
        String event = Json.requiredText(body, "event", "event");
        switch (event) {
            case "conversation_created" -> conversationCreated(body, out, request.receivedAt());
            case "conversation_status_changed" -> status(body, Json.text(body.get("status")), "status", out,
                    request.receivedAt());
            // agent-bot webhooks still send these deprecated names; their status field was wrong in old builds
            case "conversation_resolved" -> status(body, "resolved", "event", out, request.receivedAt());
            case "conversation_opened" -> status(body, "open", "event", out, request.receivedAt());
            case "conversation_updated" -> conversationUpdated(body, out, request.receivedAt());
            case "message_created" -> messageCreated(body, out);
            case "message_updated" -> messageUpdated(body, out, request.receivedAt());
            default -> out.ignore("Chatwoot event '" + event + "' carries no fact DeskPulse counts");
        }
        return out.result();
    }

    private static String ticketId(CanonicalEvents out, JsonNode conversation, String inboxId, String path) {
        String inbox = inboxId != null ? inboxId : Json.id(conversation.get("inbox_id"), path + "inbox_id");
        if (inbox == null) {
            throw new MappingException(path + "inbox_id", "is required");
        }
        return out.ref(inbox + ":" + Json.requiredId(conversation, "id", path + "id"));
    }

    private static void conversationCreated(ObjectNode conversation, CanonicalEvents out, Instant receivedAt) {
        String ticket = ticketId(out, conversation, null, "");
        JsonNode messages = conversation.path("messages");
        Instant firstMessage = null;
        for (int i = 0; i < messages.size(); i++) {
            Instant at = Times.optional(messages.get(i).get("created_at"), "messages[" + i + "].created_at");
            firstMessage = firstMessage == null || (at != null && at.isBefore(firstMessage)) ? at : firstMessage;
        }
        // 2021-era payloads have no conversation created_at; the first message is the next best thing
        Instant created = Times.first(receivedAt, Times.optional(conversation.get("created_at"), "created_at"),
                firstMessage, Times.optional(conversation.get("timestamp"), "timestamp"));
        ObjectNode meta = Json.object(conversation, "meta", "meta");
        ObjectNode data = out.add("ticket.created", "created:" + ticket, created);
        data.put("ticket_id", ticket);
        data.put("channel", channel(Json.text(conversation.get("channel"))));
        String priority = priority(Json.text(conversation.get("priority")));
        if (priority != null) {
            data.put("priority", priority);
        }
        if (meta != null) {
            CanonicalEvents.putIfPresent(data, "customer_id",
                    out.ref(Json.id(meta.path("sender").get("id"), "meta.sender.id")));
            CanonicalEvents.putIfPresent(data, "team_id",
                    out.ref(Json.id(meta.path("team").get("id"), "meta.team.id")));
            CanonicalEvents.putIfPresent(data, "agent_id", out.ref(userAssignee(meta, "meta.")));
        }
        List<String> labels = Json.strings(conversation.get("labels"), "labels");
        if (!labels.isEmpty()) {
            out.tagged(ticket, labels, "labels:" + ticket + ":" + String.join("\n", labels), created);
        }
        for (int i = 0; i < messages.size(); i++) {
            pushMessage(messages.get(i), ticket, "messages[" + i + "].", out);
        }
    }

    /** A message as nested in a conversation (push_event_data): integer message_type, epoch created_at, sender_type. */
    private static void pushMessage(JsonNode message, String ticket, String path, CanonicalEvents out) {
        String raw = Json.text(message.get("message_type"));
        String type = switch (raw == null ? "" : raw) {
            case "0", "incoming" -> "incoming";
            case "1", "outgoing" -> "outgoing";
            case "3", "template" -> "template";
            default -> "activity";
        };
        if (type.equals("activity")) {
            return;
        }
        String senderType = Json.text(message.get("sender_type"));
        String senderId = Json.id(message.get("sender_id"), path + "sender_id");
        message(out, ticket, Json.requiredId(message, "id", path + "id"), type,
                senderType == null ? null : senderType.toLowerCase(Locale.ROOT), senderId, message,
                Times.required(message.get("created_at"), path + "created_at"));
    }

    private static void messageCreated(ObjectNode message, CanonicalEvents out) {
        ObjectNode conversation = Json.requiredObject(message, "conversation", "conversation");
        String ticket = ticketId(out, conversation, Json.id(message.path("inbox").get("id"), "inbox.id"),
                "conversation.");
        String type = Json.requiredText(message, "message_type", "message_type");
        if (!List.of("incoming", "outgoing", "template").contains(type)) {
            out.ignore("Chatwoot " + type + " messages carry no fact DeskPulse counts");
            return;
        }
        JsonNode sender = message.get("sender");
        String senderType = Json.text(Json.present(sender) ? sender.get("type") : null);
        String senderId = Json.present(sender) ? Json.id(sender.get("id"), "sender.id") : null;
        message(out, ticket, Json.requiredId(message, "id", "id"), type, senderType, senderId, message,
                Times.required(message.get("created_at"), "created_at"));
    }

    /**
     * One message: incoming is the customer; outgoing from a user is an agent (private: an internal note), from an
     * agent bot or Captain a bot, from an automation rule or a campaign, or without a sender, the system; template
     * messages (CSAT survey, e-mail collection) are the system.
     */
    private static void message(CanonicalEvents out, String ticket, String messageId, String type, String senderType,
            String senderId, JsonNode message, Instant at) {
        boolean automated = Json.present(message.path("content_attributes").get("automation_rule_id"))
                || Json.present(message.path("additional_attributes").get("campaign_id"));
        String author;
        if (type.equals("incoming")) {
            author = "customer";
        } else if (type.equals("template") || automated) {
            author = "system";
        } else if (senderType != null && senderType.equals("user") && senderId != null) {
            author = "agent";
        } else if (senderType != null && (senderType.contains("bot") || senderType.contains("captain"))) {
            author = "bot";
        } else {
            author = "system";
        }
        ObjectNode data = out.add("ticket.message", "message:" + messageId, at);
        data.put("ticket_id", ticket);
        data.put("author", author);
        if (author.equals("agent")) {
            data.put("agent_id", out.ref(senderId));
        }
        data.put("public", !Json.isTrue(message.get("private")));
        Double sentiment = author.equals("customer") ? sentiment(message.get("sentiment")) : null;
        if (sentiment != null) {
            data.put("sentiment", sentiment);
        }
    }

    /**
     * A message's {@code sentiment} (docs/connectors/chatwoot.md, "Sentiment"): Chatwoot's enterprise edition runs a
     * binary classifier on incoming messages and stores {@code {"label": "positive"|"negative", "score": <the model's
     * confidence in the label, 0..1>, "value": 1|-1}}; {@code {}} when not analysed. Mapped onto −1..1 as
     * {@code 2 × P(positive) − 1}, P(positive) being the score of a positive label and 1 − the score of a negative one,
     * to the thousandth: a confident negative is near −1, an undecided one near 0. Anything else — no label or score,
     * another label, a score that is not a number (or numeric text) from 0 to 1 — is no sentiment: the message still
     * counts, and an enrichment DeskPulse cannot read never refuses the delivery.
     */
    static Double sentiment(JsonNode sentiment) {
        if (sentiment == null || !sentiment.isObject()) {
            return null;
        }
        String label = Json.text(sentiment.get("label"));
        JsonNode rawScore = sentiment.get("score");
        BigDecimal score;
        try {
            score = rawScore == null ? null : rawScore.isNumber() ? rawScore.decimalValue()
                    : rawScore.isTextual() ? new BigDecimal(rawScore.asText().trim()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
        if (label == null || score == null || score.signum() < 0 || score.compareTo(BigDecimal.ONE) > 0) {
            return null;
        }
        BigDecimal positive = switch (label.toLowerCase(Locale.ROOT)) {
            case "positive" -> score;
            case "negative" -> BigDecimal.ONE.subtract(score);
            default -> null;
        };
        return positive == null ? null
                : positive.multiply(BigDecimal.valueOf(2)).subtract(BigDecimal.ONE).setScale(3, RoundingMode.HALF_UP)
                        .doubleValue();
    }

    private static void status(ObjectNode conversation, String chatwootStatus, String path, CanonicalEvents out,
            Instant receivedAt) {
        String ticket = ticketId(out, conversation, null, "");
        String status = status(chatwootStatus, path);
        // updated_at is the time of the save that changed the status; old payloads only have the last activity
        Instant at = Times.first(receivedAt, Times.optional(conversation.get("updated_at"), "updated_at"),
                Times.optional(conversation.get("timestamp"), "timestamp"));
        statusEvent(out, ticket, status, at);
    }

    /** The key is the ticket, the status and the millisecond of the change, as both events of one change carry it. */
    private static void statusEvent(CanonicalEvents out, String ticket, String status, Instant at) {
        out.add("ticket.status_changed", "status:" + ticket + ":" + status + ":" + at.toEpochMilli(), at)
                .put("ticket_id", ticket).put("status", status);
    }

    private static void conversationUpdated(ObjectNode conversation, CanonicalEvents out, Instant receivedAt) {
        String ticket = ticketId(out, conversation, null, "");
        JsonNode list = conversation.get("changed_attributes");
        if (!Json.present(list)) {
            out.ignore("Chatwoot conversation_updated without changed_attributes says nothing DeskPulse counts");
            return;
        }
        if (!list.isArray()) {
            throw new MappingException("changed_attributes", "must be an array");
        }
        Map<String, JsonNode> changed = new TreeMap<>();
        for (int i = 0; i < list.size(); i++) {
            list.get(i).properties().forEach(entry -> changed.put(entry.getKey(), entry.getValue()));
        }
        Instant at = Times.first(receivedAt, Times.optional(conversation.get("updated_at"), "updated_at"),
                changed.containsKey("updated_at")
                        ? Times.optional(changed.get("updated_at").get("current_value"),
                                "changed_attributes.updated_at.current_value") : null);
        List<String> unused = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : changed.entrySet()) {
            if (!List.of("assignee_id", "team_id", "status", "label_list", "updated_at").contains(entry.getKey())) {
                unused.add(entry.getKey());
            }
        }
        if (changed.containsKey("assignee_id") || changed.containsKey("team_id")) {
            ObjectNode data = out.add("ticket.assigned", "assigned:" + ticket + ":" + at.toEpochMilli()
                    + ":" + current(changed, "assignee_id") + ":" + current(changed, "team_id"), at);
            data.put("ticket_id", ticket);
            if (changed.containsKey("assignee_id")) {
                data.put("agent_id", out.ref(current(changed, "assignee_id")));
            }
            if (changed.containsKey("team_id")) {
                data.put("team_id", out.ref(current(changed, "team_id")));
            }
        }
        if (changed.containsKey("status")) {
            String value = current(changed, "status");
            statusEvent(out, ticket, status(value, "changed_attributes.status.current_value"), at);
        }
        if (changed.containsKey("label_list")) {
            List<String> labels = Json.strings(changed.get("label_list").get("current_value"),
                    "changed_attributes.label_list.current_value");
            out.tagged(ticket, labels, "labels:" + ticket + ":" + at.toEpochMilli(), at);
        }
        if (!unused.isEmpty()) {
            out.ignore("Chatwoot conversation_updated changes that DeskPulse does not count: "
                    + String.join(", ", unused));
        }
    }

    private static String current(Map<String, JsonNode> changed, String attribute) {
        JsonNode change = changed.get(attribute);
        return change == null ? null
                : Json.id(change.get("current_value"), "changed_attributes." + attribute + ".current_value");
    }

    private static void messageUpdated(ObjectNode message, CanonicalEvents out, Instant receivedAt) {
        JsonNode response = message.path("content_attributes").path("submitted_values").path("csat_survey_response");
        if (!"input_csat".equals(Json.text(message.get("content_type"))) || !Json.present(response.get("rating"))) {
            out.ignore("Chatwoot message_updated other than a CSAT answer carries no fact DeskPulse counts");
            return;
        }
        String path = "content_attributes.submitted_values.csat_survey_response.";
        int score = CanonicalEvents.score(response.get("rating"), path + "rating");
        ObjectNode conversation = Json.requiredObject(message, "conversation", "conversation");
        String ticket = ticketId(out, conversation, Json.id(message.path("inbox").get("id"), "inbox.id"),
                "conversation.");
        String messageId = Json.requiredId(message, "id", "id");
        String comment = CanonicalEvents.comment(Json.text(response.get("feedback_message")));
        // The payload says nothing of when the customer answered: the time of receipt, kept with the raw payload.
        ObjectNode data = out.add("survey.csat", "csat:" + messageId + ":" + score + ":"
                + (comment == null ? "" : comment), receivedAt);
        data.put("ticket_id", ticket);
        data.put("score", score);
        // Chatwoot credits the rating to the conversation's assignee at the time of the answer
        CanonicalEvents.putIfPresent(data, "agent_id",
                out.ref(userAssignee(conversation.path("meta"), "conversation.meta.")));
        CanonicalEvents.putIfPresent(data, "comment", comment);
    }

    private static String userAssignee(JsonNode meta, String path) {
        JsonNode assignee = meta.get("assignee");
        if (!Json.present(assignee)) {
            return null;
        }
        String type = Json.text(assignee.get("type"));
        String assigneeType = Json.text(meta.get("assignee_type"));
        boolean bot = "agent_bot".equals(type) || "AgentBot".equals(assigneeType);
        return bot ? null : Json.id(assignee.get("id"), path + "assignee.id");
    }

    static String status(String chatwootStatus, String path) {
        if (chatwootStatus == null) {
            throw new MappingException(path, "is required");
        }
        return switch (chatwootStatus.toLowerCase(Locale.ROOT)) {
            case "open" -> "open";
            case "resolved" -> "solved";
            case "pending" -> "pending";
            case "snoozed" -> "on_hold";
            default -> throw new MappingException(path, "must be one of: open, resolved, pending, snoozed");
        };
    }

    /** Chatwoot's channel class name → the catalog's channel. */
    static String channel(String channelClass) {
        if (channelClass == null) {
            return "other";
        }
        return switch (channelClass.replace("Channel::", "").toLowerCase(Locale.ROOT)) {
            case "webwidget" -> "chat";
            case "email" -> "email";
            case "whatsapp", "telegram", "line", "sms", "twiliosms" -> "messaging";
            case "facebookpage", "instagram", "twitterprofile", "tiktok" -> "social";
            case "voice" -> "phone";
            default -> "other";
        };
    }

    static String priority(String chatwootPriority) {
        if (chatwootPriority == null) {
            return null;
        }
        return switch (chatwootPriority.toLowerCase(Locale.ROOT)) {
            case "low" -> "low";
            case "medium" -> "normal";
            case "high" -> "high";
            case "urgent" -> "urgent";
            default -> null;
        };
    }
}
