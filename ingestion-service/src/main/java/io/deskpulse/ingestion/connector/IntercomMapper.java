package io.deskpulse.ingestion.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Intercom webhooks (docs/connectors/intercom.md): a {@code notification_event} envelope with a topic and the
 * conversation in {@code data.item}. The conversation comes in API 1.x shape ({@code assignee}, {@code user},
 * {@code conversation_message}) or 2.x shape ({@code admin_assignee_id}, {@code team_assignee_id}, {@code source},
 * {@code contacts}); both are read. Times are epoch integers, digit strings, or (in {@code statistics.*_at}) ISO
 * strings.
 *
 * <p>Keys: messages by their conversation part id; the conversation's creation by its id; status changes,
 * assignments and ratings by what they state and when, so that the two topics Intercom sends for one assignment
 * ({@code admin.assigned} and {@code admin.open.assigned}) give one event.
 */
final class IntercomMapper implements PayloadMapper {

    @Override
    public Mapped map(HookRequest request, String connectorId) {
        ObjectNode body = Json.parseObject(request.body());
        CanonicalEvents out = new CanonicalEvents(Platform.INTERCOM, connectorId);
        String topic = Json.requiredText(body, "topic", "topic");
        if (!topic.startsWith("conversation.") && !topic.equals("conversation_part.tag.created")) {
            out.ignore("Intercom topic '" + topic + "' carries no fact DeskPulse counts");
            return out.result();
        }
        Json.requiredText(body, "id", "id");
        ObjectNode item = Json.requiredObject(Json.requiredObject(body, "data", "data"), "item", "data.item");
        Instant sent = Times.first(request.receivedAt(), Times.optional(body.get("created_at"), "created_at"));
        Conversation c = new Conversation(item, out);
        switch (topic) {
            case "conversation.user.created", "conversation.admin.single.created" -> c.created(sent);
            case "conversation.user.replied", "conversation.admin.replied", "conversation.operator.replied",
                    "conversation.admin.noted" -> c.parts(topic);
            case "conversation.admin.assigned", "conversation.admin.open.assigned" -> c.assigned(sent);
            case "conversation.admin.closed" -> c.status("solved", "close", sent);
            case "conversation.admin.opened", "conversation.admin.unsnoozed" -> c.status("open", "open", sent);
            case "conversation.admin.snoozed" -> c.status("on_hold", "snoozed", sent);
            case "conversation.rating.added" -> c.rated(sent);
            case "conversation_part.tag.created" -> c.tagged(sent);
            default -> out.ignore("Intercom topic '" + topic + "' carries no fact DeskPulse counts");
        }
        return out.result();
    }

    private static final class Conversation {
        private final ObjectNode item;
        private final CanonicalEvents out;
        private final String ticket;

        Conversation(ObjectNode item, CanonicalEvents out) {
            this.item = item;
            this.out = out;
            this.ticket = out.ref(Json.requiredId(item, "id", "data.item.id"));
        }

        private Instant time(String field) {
            return Times.optional(item.get(field), "data.item." + field);
        }

        void created(Instant sent) {
            Instant created = Times.first(sent, time("created_at"));
            ObjectNode data = out.add("ticket.created", "created:" + ticket, created);
            data.put("ticket_id", ticket);
            JsonNode source = item.get("source");
            data.put("channel", channel(Json.present(source) ? Json.text(source.get("type")) : null));
            String priority = Json.text(item.get("priority"));
            if ("priority".equals(priority)) {
                data.put("priority", "high");
            }
            CanonicalEvents.putIfPresent(data, "customer_id", out.ref(customer()));
            CanonicalEvents.putIfPresent(data, "team_id", out.ref(team()));
            String agent = agent();
            if (agent != null) {
                data.put("agent_id", out.ref(agent));
            }
            // the opening message: source (2.x) or conversation_message (1.x)
            String path = Json.present(source) ? "data.item.source." : "data.item.conversation_message.";
            JsonNode opening = Json.present(source) ? source : item.get("conversation_message");
            if (Json.present(opening)) {
                String partId = Json.id(opening.get("id"), path + "id");
                message(opening.path("author"), false, partId == null ? "opening:" + ticket : "part:" + partId,
                        created, path + "author.");
            }
            List<String> tags = tagNames();
            if (!tags.isEmpty()) {
                out.tagged(ticket, tags, "tags:" + ticket + ":" + String.join("\n", tags), created);
            }
        }

        void parts(String topic) {
            JsonNode parts = parts();
            int mapped = 0;
            for (int i = 0; i < parts.size(); i++) {
                JsonNode part = parts.get(i);
                String path = "data.item.conversation_parts.conversation_parts[" + i + "].";
                String kind = Json.text(part.get("part_type"));
                if (kind != null && !List.of("comment", "note", "quick_reply").contains(kind)) {
                    continue;
                }
                boolean note = "note".equals(kind) || topic.equals("conversation.admin.noted");
                message(part.path("author"), note, "part:" + Json.requiredId(part, "id", path + "id"),
                        Times.required(part.get("created_at"), path + "created_at"), path + "author.");
                mapped++;
            }
            if (mapped == 0) {
                out.ignore("Intercom " + topic + " without a comment or note part carries no message");
            }
        }

        private void message(JsonNode author, boolean note, String key, Instant at, String path) {
            String type = Json.text(author.get("type"));
            String id = Json.id(author.get("id"), path + "id");
            boolean ai = Json.isTrue(author.get("from_ai_agent"));
            ObjectNode data = out.add("ticket.message", key, at);
            data.put("ticket_id", ticket);
            if ("admin".equals(type) && id != null && !ai) {
                data.put("author", "agent").put("agent_id", out.ref(id));
            } else if (type == null || List.of("bot", "operator").contains(type) || ai) {
                data.put("author", type == null ? "system" : "bot");
            } else if (List.of("user", "lead", "contact").contains(type)) {
                data.put("author", "customer");
            } else {
                data.put("author", "system");
            }
            data.put("public", !note);
        }

        void assigned(Instant sent) {
            JsonNode part = lastPart("assignment", "away_mode_assignment", "default_assignment");
            Instant at = Times.first(sent, part == null ? null : Times.optional(part.get("created_at"),
                    "data.item.conversation_parts.conversation_parts[].created_at"), time("updated_at"));
            String agent = agent();
            String team = team();
            ObjectNode data = out.add("ticket.assigned",
                    "assigned:" + ticket + ":" + agent + ":" + team + ":" + at.toEpochMilli(), at);
            data.put("ticket_id", ticket);
            data.put("agent_id", out.ref(agent));
            if (team != null || item.has("team_assignee_id")) {
                data.put("team_id", out.ref(team));
            }
        }

        void status(String status, String partType, Instant sent) {
            JsonNode part = lastPart(partType);
            JsonNode statistics = item.path("statistics");
            Instant at = Times.first(sent,
                    part == null ? null : Times.optional(part.get("created_at"),
                            "data.item.conversation_parts.conversation_parts[].created_at"),
                    status.equals("solved") ? Times.optional(statistics.get("last_close_at"),
                            "data.item.statistics.last_close_at") : null,
                    time("updated_at"));
            ObjectNode data = out.add("ticket.status_changed",
                    "status:" + ticket + ":" + status + ":" + at.toEpochMilli(), at);
            data.put("ticket_id", ticket).put("status", status);
            JsonNode author = part == null ? null : part.path("author");
            String by = author != null && "admin".equals(Json.text(author.get("type")))
                    ? Json.id(author.get("id"), "data.item.conversation_parts.conversation_parts[].author.id") : null;
            if (by == null && status.equals("solved")) {
                by = Json.id(statistics.get("last_closed_by_id"), "data.item.statistics.last_closed_by_id");
            }
            CanonicalEvents.putIfPresent(data, "agent_id", out.ref(by));
        }

        /** Intercom's rating is 1..5 already. */
        void rated(Instant sent) {
            ObjectNode rating = Json.object(item, "conversation_rating", "data.item.conversation_rating");
            if (rating == null || !Json.present(rating.get("rating"))) {
                out.ignore("Intercom conversation.rating.added without a conversation_rating.rating");
                return;
            }
            String path = "data.item.conversation_rating.";
            int score = CanonicalEvents.score(rating.get("rating"), path + "rating");
            Instant at = Times.first(sent, Times.optional(rating.get("updated_at"), path + "updated_at"),
                    Times.optional(rating.get("created_at"), path + "created_at"));
            String remark = CanonicalEvents.comment(Json.text(rating.get("remark")));
            ObjectNode data = out.add("survey.csat", "rating:" + ticket + ":" + score + ":"
                    + (remark == null ? "" : remark), at);
            data.put("ticket_id", ticket).put("score", score);
            JsonNode teammate = rating.path("teammate");
            String agent = Json.id(teammate.get("id"), path + "teammate.id");
            CanonicalEvents.putIfPresent(data, "agent_id", out.ref(agent != null ? agent : agent()));
            CanonicalEvents.putIfPresent(data, "comment", remark);
        }

        void tagged(Instant sent) {
            if (!"conversation".equals(Json.text(item.get("type"))) || !item.has("tags")) {
                out.ignore("Intercom conversation_part.tag.created without the conversation's tag list");
                return;
            }
            List<String> tags = tagNames();
            Instant at = Times.first(sent, time("updated_at"));
            out.tagged(ticket, tags, "tags:" + ticket + ":" + at.toEpochMilli(), at);
        }

        private List<String> tagNames() {
            List<String> names = new ArrayList<>();
            JsonNode tags = item.path("tags").path("tags");
            for (JsonNode tag : tags) {
                String name = Json.text(tag.isObject() ? tag.get("name") : tag);
                if (name != null && !name.isBlank()) {
                    names.add(name);
                }
            }
            return names;
        }

        private JsonNode parts() {
            return item.path("conversation_parts").path("conversation_parts");
        }

        private JsonNode lastPart(String... types) {
            JsonNode found = null;
            for (JsonNode part : parts()) {
                if (List.of(types).contains(Json.text(part.get("part_type")))) {
                    found = part;
                }
            }
            return found;
        }

        /** 2.x admin_assignee_id; 1.x assignee {type: admin|nobody_admin|team, id}. */
        private String agent() {
            if (item.has("admin_assignee_id")) {
                return Json.id(item.get("admin_assignee_id"), "data.item.admin_assignee_id");
            }
            JsonNode assignee = item.path("assignee");
            return "admin".equals(Json.text(assignee.get("type")))
                    ? Json.id(assignee.get("id"), "data.item.assignee.id") : null;
        }

        private String team() {
            if (item.has("team_assignee_id")) {
                return Json.id(item.get("team_assignee_id"), "data.item.team_assignee_id");
            }
            JsonNode assignee = item.path("assignee");
            return "team".equals(Json.text(assignee.get("type")))
                    ? Json.id(assignee.get("id"), "data.item.assignee.id") : null;
        }

        /** 2.x source.author (a user or lead) or contacts; 1.x user. */
        private String customer() {
            JsonNode author = item.path("source").path("author");
            if (List.of("user", "lead", "contact").contains(String.valueOf(Json.text(author.get("type"))))) {
                return Json.id(author.get("id"), "data.item.source.author.id");
            }
            JsonNode contacts = item.path("contacts").path("contacts");
            if (contacts.size() > 0) {
                return Json.id(contacts.get(0).get("id"), "data.item.contacts.contacts[0].id");
            }
            return Json.id(item.path("user").get("id"), "data.item.user.id");
        }
    }

    static String channel(String sourceType) {
        if (sourceType == null) {
            return "other";
        }
        return switch (sourceType.toLowerCase(Locale.ROOT)) {
            case "conversation", "chat" -> "chat";
            case "email" -> "email";
            case "facebook", "twitter", "instagram" -> "social";
            case "whatsapp", "sms", "push", "telegram", "line" -> "messaging";
            case "phone_call", "phone_switch", "phone" -> "phone";
            default -> "other";
        };
    }
}
