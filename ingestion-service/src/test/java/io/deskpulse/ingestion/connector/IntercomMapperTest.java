package io.deskpulse.ingestion.connector;

import static io.deskpulse.ingestion.connector.Hooks.fromResource;
import static io.deskpulse.ingestion.connector.Hooks.map;
import static io.deskpulse.ingestion.connector.Hooks.mapValid;
import static io.deskpulse.ingestion.connector.Hooks.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IntercomMapperTest {

    private final PayloadMapper mapper = PayloadMapper.forPlatform(Platform.INTERCOM);

    private static final String TICKET = "\"ticket_id\":\"intercom:1911149811\"";

    /** A 2.x notification for conversation 1911149811 with the given parts and extra conversation fields. */
    private static String notification(String id, String topic, String parts, String extra) {
        return """
                {"type": "notification_event", "app_id": "w1", "id": "%s", "topic": "%s", "created_at": 1760090000,
                 "delivery_attempts": 1,
                 "data": {"type": "notification_event_data", "item": {
                   "type": "conversation", "id": "1911149811", "created_at": 1760000000, "updated_at": 1760000100,
                   "state": "open", "open": true, "admin_assignee_id": 814860, "team_assignee_id": 5017,
                   "priority": "priority", "tags": {"type": "tag.list", "tags": []},
                   "source": {"type": "conversation", "id": "403918255", "delivered_as": "customer_initiated",
                              "author": {"type": "user", "id": "5bc8f7ae2d96695c18a"}},
                   "contacts": {"type": "contact.list", "contacts": [{"type": "contact", "id": "5bc8f7ae2d96695c18a"}]},
                   "conversation_parts": {"type": "conversation_part.list", "conversation_parts": [%s]}%s}}}"""
                .formatted(id, topic, parts, extra);
    }

    private static String part(String id, String type, int at, String author) {
        return "{\"type\": \"conversation_part\", \"id\": \"%s\", \"part_type\": \"%s\", \"created_at\": %d, \"author\": %s}"
                .formatted(id, type, at, author);
    }

    private static final String ADMIN = "{\"type\": \"admin\", \"id\": \"814860\", \"name\": \"Mark Strong\"}";

    @Test
    void aConversationsWholeLifeMapsToItsCanonicalEvents() {
        assertThat(map(mapper, request(notification("notif_1", "conversation.user.created", "", "")))).containsExactly(
                "ticket.created 2025-10-09T08:53:20Z {" + TICKET + ",\"channel\":\"chat\",\"priority\":\"high\","
                        + "\"customer_id\":\"intercom:5bc8f7ae2d96695c18a\",\"team_id\":\"intercom:5017\","
                        + "\"agent_id\":\"intercom:814860\"}",
                "ticket.message 2025-10-09T08:53:20Z {" + TICKET + ",\"author\":\"customer\",\"public\":true}");
        assertThat(map(mapper, request(notification("notif_2", "conversation.admin.assigned",
                part("p1", "assignment", 1760000100, ADMIN), "")))).containsExactly(
                "ticket.assigned 2025-10-09T08:55:00Z {" + TICKET
                        + ",\"agent_id\":\"intercom:814860\",\"team_id\":\"intercom:5017\"}");
        assertThat(map(mapper, fromResource("intercom/fieldmap-conversation.admin.replied.json"))).containsExactly(
                "ticket.message 2025-10-09T08:58:20Z {" + TICKET
                        + ",\"author\":\"agent\",\"agent_id\":\"intercom:814860\",\"public\":true}");
        assertThat(map(mapper, request(notification("notif_4", "conversation.admin.noted",
                part("p3", "note", 1760001000, ADMIN), "")))).containsExactly(
                "ticket.message 2025-10-09T09:10:00Z {" + TICKET
                        + ",\"author\":\"agent\",\"agent_id\":\"intercom:814860\",\"public\":false}");
        assertThat(map(mapper, request(notification("notif_5", "conversation.operator.replied",
                part("p4", "comment", 1760002000, "{\"type\": \"bot\", \"id\": \"9\"}"), "")))).containsExactly(
                "ticket.message 2025-10-09T09:26:40Z {" + TICKET + ",\"author\":\"bot\",\"public\":true}");
        assertThat(map(mapper, request(notification("notif_6", "conversation.user.replied",
                part("p5", "comment", 1760003000, "{\"type\": \"lead\", \"id\": \"5bc8\"}"), "")))).containsExactly(
                "ticket.message 2025-10-09T09:43:20Z {" + TICKET + ",\"author\":\"customer\",\"public\":true}");
        assertThat(map(mapper, request(notification("notif_7", "conversation.admin.closed",
                part("p6", "close", 1760004000, ADMIN), "")))).containsExactly(
                "ticket.status_changed 2025-10-09T10:00:00Z {" + TICKET
                        + ",\"status\":\"solved\",\"agent_id\":\"intercom:814860\"}");
        assertThat(map(mapper, request(notification("notif_8", "conversation.admin.opened",
                part("p7", "open", 1760090000, ADMIN), "")))).containsExactly(
                "ticket.status_changed 2025-10-10T09:53:20Z {" + TICKET
                        + ",\"status\":\"open\",\"agent_id\":\"intercom:814860\"}");
        assertThat(map(mapper, request(notification("notif_9", "conversation.rating.added", "",
                ", \"conversation_rating\": {\"rating\": 4, \"remark\": \"fast\", \"created_at\": 1760091000,"
                        + " \"contact\": {\"type\": \"user\", \"id\": \"5bc8\"}, \"teammate\": {\"type\": \"admin\", \"id\": \"814860\"}}"))))
                .containsExactly("survey.csat 2025-10-10T10:10:00Z {" + TICKET
                        + ",\"score\":4,\"agent_id\":\"intercom:814860\",\"comment\":\"fast\"}");
    }

    @Test
    void statisticsCloseTimesAsIsoOrEpochGiveTheSameEvent() {
        String iso = notification("notif_a", "conversation.admin.closed", "",
                ", \"statistics\": {\"last_close_at\": \"2025-10-09T10:00:00.000Z\", \"last_closed_by_id\": 814860}");
        String epoch = notification("notif_b", "conversation.admin.closed", "",
                ", \"statistics\": {\"last_close_at\": 1760004000, \"last_closed_by_id\": \"814860\"}");
        assertThat(map(mapper, request(iso))).containsExactly("ticket.status_changed 2025-10-09T10:00:00Z {" + TICKET
                + ",\"status\":\"solved\",\"agent_id\":\"intercom:814860\"}");
        assertThat(Hooks.ids(mapper.map(request(epoch), Hooks.CONNECTOR)))
                .isEqualTo(Hooks.ids(mapper.map(request(iso), Hooks.CONNECTOR)));
    }

    @Test
    void theApi1ShapeOfTheSdkFixtureMaps() {
        // assignee {type: nobody_admin}, user, conversation_message, created_at as a digit string
        assertThat(map(mapper, fromResource("intercom/sdk-conversation.user.created.json"))).containsExactly(
                "ticket.created 2014-09-10T07:48:13Z {\"ticket_id\":\"intercom:123456789\",\"channel\":\"other\","
                        + "\"customer_id\":\"intercom:540f1de7112d3d1d51001637\"}",
                "ticket.message 2014-09-10T07:48:13Z {\"ticket_id\":\"intercom:123456789\",\"author\":\"customer\",\"public\":true}");
        String assigned = new String(Hooks.resource("intercom/sdk-conversation.user.created.json"))
                .replace("conversation.user.created", "conversation.admin.assigned")
                .replace("{ \"type\": \"nobody_admin\", \"id\": null }", "{ \"type\": \"admin\", \"id\": \"42\" }");
        assertThat(map(mapper, request(assigned))).containsExactly(
                "ticket.assigned 2014-09-10T07:48:13Z {\"ticket_id\":\"intercom:123456789\",\"agent_id\":\"intercom:42\"}");
    }

    @Test
    void theTwoTopicsOfOneAssignmentGiveOneId() {
        String parts = part("p1", "assignment", 1760000100, ADMIN);
        assertThat(Hooks.ids(mapper.map(request(notification("notif_x", "conversation.admin.open.assigned", parts, "")),
                Hooks.CONNECTOR))).isEqualTo(Hooks.ids(mapper.map(
                request(notification("notif_y", "conversation.admin.assigned", parts, "")), Hooks.CONNECTOR)));
    }

    @Test
    void aRetriedDeliveryGivesTheSameIds() {
        HookRequest first = fromResource("intercom/fieldmap-conversation.admin.replied.json");
        String retried = new String(first.body()).replace("\"delivery_attempts\": 1", "\"delivery_attempts\": 2");
        assertThat(Hooks.ids(mapper.map(request(retried), Hooks.CONNECTOR))).hasSize(1)
                .isEqualTo(Hooks.ids(mapper.map(first, Hooks.CONNECTOR)));
    }

    @Test
    void topicsThatCarryNoKpiFactAreIgnoredWithAReason() {
        assertThat(mapValid(mapper, fromResource("intercom/docs-user.created.json"))).isEqualTo(
                Mapped.ignored("Intercom topic 'user.created' carries no fact DeskPulse counts"));
        assertThat(mapValid(mapper, request("{\"type\": \"notification_event\", \"id\": \"n\", \"topic\": \"ping\"}"))
                .ignored()).containsExactly("Intercom topic 'ping' carries no fact DeskPulse counts");
        assertThat(mapValid(mapper, request(notification("n", "conversation.priority.updated", "", ""))).ignored())
                .containsExactly("Intercom topic 'conversation.priority.updated' carries no fact DeskPulse counts");
        assertThat(mapValid(mapper, request(notification("n", "conversation.admin.replied",
                part("p", "attribute_collected", 1760000100, ADMIN), ""))).ignored()).containsExactly(
                "Intercom conversation.admin.replied without a comment or note part carries no message");
    }

    @Test
    void malformedPayloadsNameTheField() {
        assertThatThrownBy(() -> mapper.map(request("{\"id\": \"n\"}"), Hooks.CONNECTOR))
                .isInstanceOf(MappingException.class).hasMessage("topic is required");
        assertThatThrownBy(() -> mapper.map(request(
                "{\"id\": \"n\", \"topic\": \"conversation.admin.closed\", \"data\": {}}"), Hooks.CONNECTOR))
                .hasMessage("data.item is required");
        assertThatThrownBy(() -> mapper.map(request(notification("n", "conversation.rating.added", "",
                ", \"conversation_rating\": {\"rating\": 7}")), Hooks.CONNECTOR))
                .hasMessage("data.item.conversation_rating.rating must be an integer from 1 to 5");
        assertThatThrownBy(() -> mapper.map(request(notification("n", "conversation.user.replied",
                "{\"id\": \"p\", \"part_type\": \"comment\", \"author\": {\"type\": \"user\"}}", "")), Hooks.CONNECTOR))
                .hasMessage("data.item.conversation_parts.conversation_parts[0].created_at is required");
    }

    @Test
    void aTagAddedGivesTheWholeTagSet() {
        String tagged = notification("n", "conversation_part.tag.created", "",
                "").replace("\"tags\": []", "\"tags\": [{\"type\": \"tag\", \"id\": \"1\", \"name\": \"complaint\"}]");
        assertThat(map(mapper, request(tagged))).isEqualTo(List.of(
                "ticket.tagged 2025-10-09T08:55:00Z {" + TICKET + ",\"tags\":[\"complaint\"]}"));
    }
}
