package io.deskpulse.ingestion.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Zammad trigger webhooks with the default payload, {@code {"ticket": {...}, "article": {...}}}
 * (docs/connectors/zammad.md). The body names no event: it is the ticket as it is <em>when Zammad sends it</em>,
 * so a late or retried delivery shows the ticket's current state, not the state at the trigger. Only facts that
 * stay true whenever they are read are derived, each keyed by what it states, never by the delivery:
 * <ul>
 *   <li>the ticket's creation (its created time, first article type and customer never change);</li>
 *   <li>the article: its id, time, sender and visibility never change;</li>
 *   <li>the owner and group since {@code last_owner_update_at} (the time of the last owner change);</li>
 *   <li>each close, at {@code last_close_at} / {@code close_at}, whatever the state is now;</li>
 *   <li>a reopen after the last close, once per close.</li>
 * </ul>
 * Pending states, priority changes and group changes without an owner change are not derived: their time is
 * not in the payload.
 */
final class ZammadMapper implements PayloadMapper {

    /** Zammad's system user: the owner of an unassigned ticket. */
    private static final String SYSTEM_USER = "1";

    @Override
    public Mapped map(HookRequest request, String connectorId) {
        ObjectNode body = Json.parseObject(request.body());
        CanonicalEvents out = new CanonicalEvents(Platform.ZAMMAD, connectorId);
        ObjectNode ticketNode = Json.object(body, "ticket", "ticket");
        if (ticketNode == null) {
            throw new MappingException("ticket",
                    "is required: use Zammad's default webhook payload (no custom payload)");
        }
        String ticket = out.ref(Json.requiredId(ticketNode, "id", "ticket.id"));
        Instant created = Times.required(ticketNode.get("created_at"), "ticket.created_at");
        Instant ownerSince = Times.optional(ticketNode.get("last_owner_update_at"), "ticket.last_owner_update_at");
        String owner = owner(ticketNode);
        String group = Json.id(ticketNode.get("group_id"), "ticket.group_id");

        ObjectNode data = out.add("ticket.created", "created:" + ticket, created);
        data.put("ticket_id", ticket);
        data.put("channel", channel(Json.text(ticketNode.get("create_article_type"))));
        CanonicalEvents.putIfPresent(data, "customer_id",
                out.ref(Json.id(ticketNode.get("customer_id"), "ticket.customer_id")));
        if (ownerSince == null) {
            // no owner change since creation: the owner and group now are those at creation
            CanonicalEvents.putIfPresent(data, "team_id", out.ref(group));
            CanonicalEvents.putIfPresent(data, "agent_id", out.ref(owner));
        } else {
            ObjectNode assigned = out.add("ticket.assigned",
                    "owner:" + ticket + ":" + owner + ":" + group + ":" + ownerSince.toEpochMilli(), ownerSince);
            assigned.put("ticket_id", ticket).put("agent_id", out.ref(owner));
            CanonicalEvents.putIfPresent(assigned, "team_id", out.ref(group));
        }

        ObjectNode article = Json.object(body, "article", "article");
        Instant articleAt = null;
        if (article != null && article.has("id")) {
            articleAt = article(article, ticket, out);
        }

        Instant lastClose = Times.first(null, Times.optional(ticketNode.get("last_close_at"), "ticket.last_close_at"),
                Times.optional(ticketNode.get("close_at"), "ticket.close_at"));
        String state = Json.text(ticketNode.get("state"));
        Instant firstClose = Times.optional(ticketNode.get("close_at"), "ticket.close_at");
        if (firstClose != null && !firstClose.equals(lastClose)) {
            out.add("ticket.status_changed", "closed:" + ticket + ":" + firstClose.toEpochMilli(), firstClose)
                    .put("ticket_id", ticket).put("status", "closed");
        }
        if (lastClose != null) {
            out.add("ticket.status_changed", "closed:" + ticket + ":" + lastClose.toEpochMilli(), lastClose)
                    .put("ticket_id", ticket).put("status", "closed");
            if (state != null && List.of("open", "new").contains(state.toLowerCase(Locale.ROOT))) {
                // reopened since the last close; a customer article after the close is when, else the last update
                Instant updated = Times.first(lastClose.plusMillis(1),
                        Times.optional(ticketNode.get("updated_at"), "ticket.updated_at"));
                Instant reopened = articleAt != null && articleAt.isAfter(lastClose) ? articleAt : updated;
                out.add("ticket.status_changed", "reopened:" + ticket + ":" + lastClose.toEpochMilli(), reopened)
                        .put("ticket_id", ticket).put("status", "open");
            }
        }
        List<String> tags = Json.strings(ticketNode.get("tags"), "ticket.tags");
        if (ticketNode.has("tags")) {
            out.tagged(ticket, tags, "tags:" + ticket + ":" + String.join("\n", tags),
                    Times.first(created, Times.optional(ticketNode.get("updated_at"), "ticket.updated_at")));
        }
        if (state != null && state.toLowerCase(Locale.ROOT).startsWith("pending")) {
            out.ignore("Zammad state '" + state + "' is not counted: the payload does not say when it was set");
        }
        return out.result();
    }

    private static String owner(ObjectNode ticket) {
        String owner = Json.id(ticket.get("owner_id"), "ticket.owner_id");
        return owner == null || owner.equals(SYSTEM_USER) ? null : owner;
    }

    /** Agent articles are credited to who wrote them; a System article is the system; internal is a note. */
    private static Instant article(ObjectNode article, String ticket, CanonicalEvents out) {
        String id = Json.requiredId(article, "id", "article.id");
        Instant at = Times.required(article.get("created_at"), "article.created_at");
        String sender = Json.requiredText(article, "sender", "article.sender");
        ObjectNode data = out.add("ticket.message", "article:" + id, at);
        data.put("ticket_id", ticket);
        String by = Json.id(article.get("created_by_id"), "article.created_by_id");
        switch (sender.toLowerCase(Locale.ROOT)) {
            case "customer" -> data.put("author", "customer");
            case "agent" -> {
                if (by == null) {
                    throw new MappingException("article.created_by_id", "is required for an Agent article");
                }
                data.put("author", "agent").put("agent_id", out.ref(by));
            }
            case "system" -> data.put("author", "system");
            default -> throw new MappingException("article.sender", "must be one of: Customer, Agent, System");
        }
        data.put("public", !Json.isTrue(article.get("internal")));
        return at;
    }

    static String channel(String articleType) {
        if (articleType == null) {
            return "other";
        }
        String type = articleType.toLowerCase(Locale.ROOT);
        if (type.equals("email") || type.equals("fax")) {
            return type.equals("email") ? "email" : "other";
        }
        if (type.equals("phone")) {
            return "phone";
        }
        if (type.equals("web")) {
            return "web";
        }
        if (type.equals("chat")) {
            return "chat";
        }
        if (type.startsWith("sms") || type.startsWith("telegram") || type.startsWith("whatsapp")) {
            return "messaging";
        }
        if (type.startsWith("twitter") || type.startsWith("facebook")) {
            return "social";
        }
        return "other";
    }
}
