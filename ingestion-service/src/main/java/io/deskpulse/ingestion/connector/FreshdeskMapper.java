package io.deskpulse.ingestion.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Freshdesk automation-rule webhooks (docs/connectors/freshdesk.md). The body is whatever the admin's template
 * says; DeskPulse reads the template documented there ({@code freshdesk_webhook} with {@code ticket_*} keys,
 * the wrapper optional) and tells what happened from {@code triggered_event}, which is not JSON. Status, priority
 * and source come as names from placeholders or as numeric codes from the API; both are read.
 *
 * <p>Freshdesk sends no delivery id and retries 5, 35 and 95 minutes later with the same body, so keys are built
 * from the body: the ticket, the triggered event and {@code ticket_updated_at}. Without that placeholder, a
 * transition repeated later on the same ticket (resolved twice) would count once.
 */
final class FreshdeskMapper implements PayloadMapper {

    @Override
    public Mapped map(HookRequest request, String connectorId) {
        ObjectNode body = Json.parseObject(request.body());
        CanonicalEvents out = new CanonicalEvents(Platform.FRESHDESK, connectorId);
        ObjectNode hook = Json.object(body, "freshdesk_webhook", "freshdesk_webhook");
        String prefix = hook == null ? "" : "freshdesk_webhook.";
        JsonNode fields = hook == null ? body : hook;
        String ticket = out.ref(Json.requiredId(fields, "ticket_id", prefix + "ticket_id"));
        String triggered = Json.requiredText(fields, "triggered_event", prefix + "triggered_event");
        Map<String, Object> what = TriggeredEvent.parse(triggered, prefix + "triggered_event");
        String updatedText = Json.text(fields.get("ticket_updated_at"));
        Instant updated = Times.first(request.receivedAt(), lenientTime(fields.get("ticket_updated_at")));
        String key = ticket + ":" + triggered.replaceAll("\\s", "") + ":" + (updatedText == null ? "" : updatedText);
        String agent = out.ref(agent(fields));
        Ticket t = new Ticket(fields, prefix, ticket, agent, key, updated, out);
        for (Map.Entry<String, Object> entry : what.entrySet()) {
            t.apply(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue());
        }
        if (what.isEmpty()) {
            out.ignore("Freshdesk triggered_event '" + triggered + "' names no event");
        }
        return out.result();
    }

    private record Ticket(JsonNode fields, String prefix, String ticket, String agent, String key, Instant updated,
            CanonicalEvents out) {

        void apply(String event, Object value) {
            switch (event) {
                case "ticket_action" -> {
                    if ("created".equalsIgnoreCase(String.valueOf(value))) {
                        created();
                    } else {
                        out.ignore("Freshdesk ticket_action '" + value + "' carries no fact DeskPulse counts");
                    }
                }
                case "status" -> status(value);
                case "note_type" -> message("agent", !"private".equalsIgnoreCase(String.valueOf(value)), event);
                case "reply_sent", "agent_reply" -> message("agent", true, event);
                case "customer_reply", "requester_reply", "reply_received" -> message("customer", true, event);
                case "responder_id", "agent", "agent_id", "ticket_agent" -> assigned(true, false, event);
                case "group", "group_id", "ticket_group" -> assigned(false, true, event);
                case "customer_feedback", "feedback", "satisfaction", "satisfaction_rating" -> rated();
                default -> out.ignore("Freshdesk triggered_event '" + event + "' carries no fact DeskPulse counts");
            }
        }

        private void created() {
            Instant created = Times.first(updated, lenientTime(fields.get("ticket_created_at")));
            ObjectNode data = out.add("ticket.created", "created:" + ticket, created);
            data.put("ticket_id", ticket);
            data.put("channel", source(fields.get("ticket_source"), prefix + "ticket_source"));
            String priority = priority(fields.get("ticket_priority"), prefix + "ticket_priority");
            CanonicalEvents.putIfPresent(data, "priority", priority);
            CanonicalEvents.putIfPresent(data, "customer_id", out.ref(customer(fields)));
            CanonicalEvents.putIfPresent(data, "team_id", out.ref(team(fields)));
            CanonicalEvents.putIfPresent(data, "agent_id", agent);
            List<String> tags = Json.strings(fields.get("ticket_tags"), prefix + "ticket_tags");
            if (!tags.isEmpty()) {
                out.tagged(ticket, tags, "created-tags:" + ticket, created);
            }
        }

        private void status(Object value) {
            if (!(value instanceof Map<?, ?> change) || change.get("to") == null) {
                throw new MappingException(prefix + "triggered_event", "status must be {from:..,to:..}");
            }
            String status = FreshdeskMapper.status(String.valueOf(change.get("to")), prefix + "triggered_event");
            ObjectNode data = out.add("ticket.status_changed", "status:" + key, updated);
            data.put("ticket_id", ticket).put("status", status);
            CanonicalEvents.putIfPresent(data, "agent_id", agent);
        }

        /** A note or reply; Freshdesk's placeholders name the assignee, not the writer, who is credited instead. */
        private void message(String author, boolean isPublic, String event) {
            ObjectNode data = out.add("ticket.message", event + ":" + key, updated);
            data.put("ticket_id", ticket);
            if (author.equals("agent") && agent == null) {
                data.put("author", "system");
            } else {
                data.put("author", author);
                if (author.equals("agent")) {
                    data.put("agent_id", agent);
                }
            }
            data.put("public", isPublic);
        }

        private void assigned(boolean withAgent, boolean withTeam, String event) {
            ObjectNode data = out.add("ticket.assigned", event + ":" + key, updated);
            data.put("ticket_id", ticket);
            if (withAgent) {
                data.put("agent_id", agent);
            }
            if (withTeam) {
                data.put("team_id", out.ref(team(fields)));
            }
        }

        private void rated() {
            String path = prefix + "satisfaction_rating";
            String rating = Json.text(fields.get("satisfaction_rating"));
            if (rating == null || rating.isBlank()) {
                throw new MappingException(path, "is required for a customer feedback event");
            }
            int score = csat(rating.trim(), path);
            String comment = CanonicalEvents.comment(Json.text(fields.get("satisfaction_feedback")));
            ObjectNode data = out.add("survey.csat", "csat:" + key + ":" + score, updated);
            data.put("ticket_id", ticket).put("score", score);
            CanonicalEvents.putIfPresent(data, "agent_id", agent);
            CanonicalEvents.putIfPresent(data, "comment", comment);
        }
    }

    /** ISO or epoch if it is one; Freshdesk's human-readable placeholder dates are not parsed (null: receipt time). */
    static Instant lenientTime(JsonNode node) {
        try {
            return Times.optional(node, "");
        } catch (MappingException e) {
            return null;
        }
    }

    private static String agent(JsonNode fields) {
        String email = Json.text(fields.get("ticket_agent_email"));
        if (email != null && !email.isBlank()) {
            return email.trim().toLowerCase(Locale.ROOT);
        }
        return Json.id(fields.get("responder_id"), "responder_id");
    }

    /**
     * The requester: {@code requester_email} in the Advanced template, {@code ticket_requester_email} where the admin
     * ticked the fields (Simple content, which prefixes the requester's fields with {@code ticket_} but not its name).
     */
    private static String customer(JsonNode fields) {
        for (String field : List.of("requester_email", "ticket_requester_email")) {
            String email = Json.text(fields.get(field));
            if (email != null && !email.isBlank()) {
                return email.trim().toLowerCase(Locale.ROOT);
            }
        }
        return Json.id(fields.get("requester_id"), "requester_id");
    }

    private static String team(JsonNode fields) {
        String name = Json.text(fields.get("ticket_group_name"));
        if (name != null && !name.isBlank()) {
            return name.trim();
        }
        return Json.id(fields.get("group_id"), "group_id");
    }

    /** 2 Open, 3 Pending, 4 Resolved, 5 Closed; custom statuses (6 and up, any other name) wait on someone: pending. */
    static String status(String value, String path) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "2", "open" -> "open";
            case "3", "pending" -> "pending";
            case "4", "resolved" -> "solved";
            case "5", "closed" -> "closed";
            case "" -> throw new MappingException(path, "status must name the new status");
            default -> "pending";
        };
    }

    static String priority(JsonNode node, String path) {
        String value = Json.text(node);
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "1", "low" -> "low";
            case "2", "medium" -> "normal";
            case "3", "high" -> "high";
            case "4", "urgent" -> "urgent";
            default -> throw new MappingException(path, "must be Low, Medium, High, Urgent or a code 1 to 4");
        };
    }

    /** Freshdesk's source, a name or an API code. */
    static String source(JsonNode node, String path) {
        String value = Json.text(node);
        if (value == null || value.isBlank()) {
            return "other";
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "1", "email", "10", "outbound email" -> "email";
            case "2", "portal", "9", "feedback widget", "feedback_widget" -> "web";
            case "3", "phone" -> "phone";
            case "7", "chat" -> "chat";
            case "5", "twitter", "6", "facebook", "instagram" -> "social";
            case "whatsapp", "sms", "messaging" -> "messaging";
            default -> "other";
        };
    }

    /**
     * Freshdesk's default survey answers on a 7-point scale, as API codes (103 Extremely happy … -103 Extremely
     * unhappy) or their labels; spread evenly over 1..5: 103 → 5, 102 and 101 → 4, 100 → 3, -101 and -102 → 2,
     * -103 → 1. A plain 1..5 is taken as it is.
     */
    static int csat(String rating, String path) {
        String value = rating.toLowerCase(Locale.ROOT).replace('_', ' ');
        return switch (value) {
            case "103", "extremely happy" -> 5;
            case "102", "101", "very happy", "happy" -> 4;
            case "100", "neutral" -> 3;
            case "-101", "-102", "unhappy", "very unhappy" -> 2;
            case "-103", "extremely unhappy" -> 1;
            case "1", "2", "3", "4", "5" -> Integer.parseInt(value);
            default -> throw new MappingException(path,
                    "must be a Freshdesk rating: 103 to -103, its label, or an integer from 1 to 5");
        };
    }
}
