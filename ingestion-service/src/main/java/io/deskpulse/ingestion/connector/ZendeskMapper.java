package io.deskpulse.ingestion.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Zendesk webhooks (docs/connectors/zendesk.md): event subscriptions ({@code zen:event-type:ticket.*}, a fixed
 * envelope with a unique event {@code id}) and, for CSAT, which no event subscription carries, a trigger webhook
 * with DeskPulse's documented JSON body ({@code "deskpulse_event": "satisfaction"}).
 *
 * <p>Zendesk does not guarantee the order of the events of one action: each event is stamped with its own
 * {@code time} and carries only what it changed (an agent change names only the agent), so the order of arrival
 * never matters. Ids are strings in event subscriptions and numbers elsewhere: both are read.
 */
final class ZendeskMapper implements PayloadMapper {

    private static final String PREFIX = "zen:event-type:";

    @Override
    public Mapped map(HookRequest request, String connectorId) {
        ObjectNode body = Json.parseObject(request.body());
        CanonicalEvents out = new CanonicalEvents(Platform.ZENDESK, connectorId);
        if ("satisfaction".equals(Json.text(body.get("deskpulse_event")))) {
            satisfaction(body, out, request.receivedAt());
            return out.result();
        }
        String type = Json.text(body.get("type"));
        if (type == null || !type.startsWith(PREFIX)) {
            out.ignore(type == null
                    ? "not a Zendesk event subscription (no type) nor DeskPulse's satisfaction trigger body"
                    : "Zendesk event type '" + type + "' carries no fact DeskPulse counts");
            return out.result();
        }
        String kind = type.substring(PREFIX.length());
        if (!List.of("ticket.created", "ticket.agent_assignment_changed", "ticket.group_assignment_changed",
                "ticket.status_changed", "ticket.comment_added", "ticket.tags_changed").contains(kind)) {
            out.ignore("Zendesk event type '" + type + "' carries no fact DeskPulse counts");
            return out.result();
        }
        String eventId = Json.requiredId(body, "id", "id");
        Instant time = Times.required(body.get("time"), "time");
        ObjectNode detail = Json.requiredObject(body, "detail", "detail");
        ObjectNode event = Json.object(body, "event", "event");
        String ticket = out.ref(ticketId(body, detail));
        switch (kind) {
            case "ticket.created" -> created(detail, ticket, time, out);
            case "ticket.agent_assignment_changed" -> out.add("ticket.assigned", "event:" + eventId, time)
                    .put("ticket_id", ticket)
                    .put("agent_id", out.ref(Json.id(requiredEvent(event).get("current"), "event.current")));
            case "ticket.group_assignment_changed" -> out.add("ticket.assigned", "event:" + eventId, time)
                    .put("ticket_id", ticket)
                    .put("team_id", out.ref(Json.id(requiredEvent(event).get("current"), "event.current")));
            case "ticket.status_changed" -> statusChanged(event, detail, ticket, eventId, time, out);
            case "ticket.comment_added" -> comment(event, ticket, eventId, time, out);
            default -> out.tagged(ticket, Json.strings(detail.get("tags"), "detail.tags"), "event:" + eventId, time);
        }
        return out.result();
    }

    private static ObjectNode requiredEvent(ObjectNode event) {
        if (event == null) {
            throw new MappingException("event", "is required");
        }
        return event;
    }

    private static String ticketId(ObjectNode body, ObjectNode detail) {
        String id = Json.id(detail.get("id"), "detail.id");
        if (id != null) {
            return id;
        }
        String subject = Json.text(body.get("subject"));
        if (subject != null && subject.startsWith("zen:ticket:") && subject.length() > "zen:ticket:".length()) {
            return subject.substring("zen:ticket:".length());
        }
        throw new MappingException("detail.id", "is required");
    }

    private static void created(ObjectNode detail, String ticket, Instant time, CanonicalEvents out) {
        Instant created = Times.first(time, Times.optional(detail.get("created_at"), "detail.created_at"));
        // one ticket is created once: its id is the key, whichever event id a duplicate subscription gives it
        ObjectNode data = out.add("ticket.created", "created:" + ticket, created);
        data.put("ticket_id", ticket);
        data.put("channel", channel(Json.text(detail.path("via").get("channel"))));
        String priority = Json.text(detail.get("priority"));
        String lower = priority == null ? null : priority.toLowerCase(Locale.ROOT);
        if (List.of("low", "normal", "high", "urgent").contains(String.valueOf(lower))) {
            data.put("priority", lower);
        }
        CanonicalEvents.putIfPresent(data, "customer_id",
                out.ref(Json.id(detail.get("requester_id"), "detail.requester_id")));
        CanonicalEvents.putIfPresent(data, "team_id", out.ref(Json.id(detail.get("group_id"), "detail.group_id")));
        CanonicalEvents.putIfPresent(data, "agent_id",
                out.ref(Json.id(detail.get("assignee_id"), "detail.assignee_id")));
        List<String> tags = Json.strings(detail.get("tags"), "detail.tags");
        if (!tags.isEmpty()) {
            out.tagged(ticket, tags, "created-tags:" + ticket, created);
        }
    }

    private static void statusChanged(ObjectNode event, ObjectNode detail, String ticket, String eventId, Instant time,
            CanonicalEvents out) {
        String current = Json.text(event == null ? null : event.get("current"));
        String path = "event.current";
        if (current == null) {
            current = Json.text(detail.get("status"));
            path = "detail.status";
        }
        if (current == null) {
            throw new MappingException("event.current", "is required");
        }
        String status = switch (current.toLowerCase(Locale.ROOT)) {
            case "new" -> "new";
            case "open" -> "open";
            case "pending" -> "pending";
            case "hold", "on_hold", "on-hold" -> "on_hold";
            case "solved" -> "solved";
            case "closed" -> "closed";
            default -> null;
        };
        if (status == null) {
            if (List.of("deleted", "archived", "scrubbed").contains(current.toLowerCase(Locale.ROOT))) {
                out.ignore("Zendesk status " + current + " is no ticket status DeskPulse counts");
                return;
            }
            throw new MappingException(path, "must be one of: new, open, pending, hold, solved, closed");
        }
        out.add("ticket.status_changed", "event:" + eventId, time).put("ticket_id", ticket).put("status", status);
    }

    private static void comment(ObjectNode event, String ticket, String eventId, Instant time, CanonicalEvents out) {
        ObjectNode comment = Json.requiredObject(requiredEvent(event), "comment", "event.comment");
        JsonNode author = comment.path("author");
        String commentId = Json.id(comment.get("id"), "event.comment.id");
        String authorId = Json.id(author.get("id"), "event.comment.author.id");
        boolean staff = Json.isTrue(author.get("is_staff"));
        ObjectNode data = out.add("ticket.message", commentId != null ? "comment:" + commentId : "event:" + eventId,
                time);
        data.put("ticket_id", ticket);
        if (staff && authorId != null) {
            data.put("author", "agent").put("agent_id", out.ref(authorId));
        } else {
            data.put("author", staff ? "system" : "customer");
        }
        data.put("public", !comment.has("is_public") || Json.isTrue(comment.get("is_public")));
    }

    /**
     * The trigger body of docs/connectors/zendesk.md. Legacy CSAT is good or bad: good is 5, bad is 1; a numeric
     * rating (the newer survey on its default 1..5 scale) is taken as it is.
     */
    private static void satisfaction(ObjectNode body, CanonicalEvents out, Instant receivedAt) {
        String ticketId = Json.requiredId(body, "ticket_id", "ticket_id");
        String rating = Json.requiredText(body, "rating", "rating").trim().toLowerCase(Locale.ROOT);
        int score;
        if (rating.startsWith("good")) {
            score = 5;
        } else if (rating.startsWith("bad")) {
            score = 1;
        } else if (rating.matches("[1-5]")) {
            score = Integer.parseInt(rating);
        } else if (rating.startsWith("offered") || rating.startsWith("unoffered")) {
            out.ignore("Zendesk satisfaction '" + rating + "' is not a rating yet");
            return;
        } else {
            throw new MappingException("rating", "must be good, bad or an integer from 1 to 5");
        }
        String updated = Json.text(body.get("updated_at"));
        Instant at = Times.first(receivedAt, Times.optional(body.get("updated_at"), "updated_at"));
        String ticket = out.ref(ticketId);
        String comment = CanonicalEvents.comment(Json.text(body.get("comment")));
        ObjectNode data = out.add("survey.csat", "csat:" + ticket + ":" + score + ":" + updated + ":"
                + (comment == null ? "" : comment), at);
        data.put("ticket_id", ticket).put("score", score);
        CanonicalEvents.putIfPresent(data, "agent_id", out.ref(Json.id(body.get("assignee_id"), "assignee_id")));
        CanonicalEvents.putIfPresent(data, "comment", comment);
    }

    static String channel(String via) {
        if (via == null) {
            return "other";
        }
        return switch (via.toLowerCase(Locale.ROOT)) {
            case "web", "web_form", "web_widget", "help_center", "portal" -> "web";
            case "email", "mail" -> "email";
            case "chat", "chat_transcript" -> "chat";
            case "native_messaging", "messaging", "sunshine_conversations", "whatsapp", "sms", "line", "wechat",
                    "telegram" -> "messaging";
            case "voice", "phone", "phone_call_inbound", "phone_call_outbound" -> "phone";
            case "twitter", "facebook", "instagram", "instagram_dm", "facebook_messenger", "twitter_dm" -> "social";
            default -> "other";
        };
    }
}
