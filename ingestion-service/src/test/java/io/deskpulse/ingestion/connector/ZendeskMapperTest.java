package io.deskpulse.ingestion.connector;

import static io.deskpulse.ingestion.connector.Hooks.fromResource;
import static io.deskpulse.ingestion.connector.Hooks.map;
import static io.deskpulse.ingestion.connector.Hooks.mapValid;
import static io.deskpulse.ingestion.connector.Hooks.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZendeskMapperTest {

    private final PayloadMapper mapper = PayloadMapper.forPlatform(Platform.ZENDESK);

    private static final String TICKET = "\"ticket_id\":\"zendesk:5158\"";

    /** An event-subscription delivery for ticket 5158 (ids as strings, as event subscriptions send them). */
    private static String envelope(String id, String type, String time, String event, String tags) {
        return """
                {"type": "zen:event-type:%s", "account_id": 22129848, "id": "%s", "time": "%s",
                 "zendesk_event_version": "2022-11-06", "subject": "zen:ticket:5158",
                 "detail": {"id": "5158", "actor_id": "900", "assignee_id": "8447388090494", "group_id": "77",
                            "requester_id": "500", "status": "OPEN", "priority": "HIGH", "tags": %s,
                            "created_at": "2025-01-08T10:12:07Z", "via": {"channel": "mail"}},
                 "event": %s}""".formatted(type, id, time, tags, event);
    }

    private static String envelope(String id, String type, String time, String event) {
        return envelope(id, type, time, event, "[\"mobile\"]");
    }

    @Test
    void aTicketsWholeLifeMapsToItsCanonicalEvents() {
        assertThat(map(mapper, fromResource("zendesk/docs-ticket.created.json"))).containsExactly(
                "ticket.created 2025-01-08T10:12:07Z {" + TICKET + ",\"channel\":\"other\",\"priority\":\"low\","
                        + "\"customer_id\":\"zendesk:8447388090494\",\"team_id\":\"zendesk:8447320466430\","
                        + "\"agent_id\":\"zendesk:8447388090494\"}",
                "ticket.tagged 2025-01-08T10:12:07Z {" + TICKET + ",\"tags\":[\"ticket-info-test-tag\"]}");
        assertThat(map(mapper, request(envelope("e-2", "ticket.agent_assignment_changed", "2025-01-08T10:20:00Z",
                "{\"current\": \"901\", \"previous\": \"8447388090494\"}")))).containsExactly(
                "ticket.assigned 2025-01-08T10:20:00Z {" + TICKET + ",\"agent_id\":\"zendesk:901\"}");
        assertThat(map(mapper, request(envelope("e-3", "ticket.group_assignment_changed", "2025-01-08T10:21:00Z",
                "{\"current\": 78, \"previous\": 77}")))).containsExactly(
                "ticket.assigned 2025-01-08T10:21:00Z {" + TICKET + ",\"team_id\":\"zendesk:78\"}");
        assertThat(map(mapper, fromResource("zendesk/dust-ticket.comment_added.json"))).containsExactly(
                "ticket.message 2025-01-08T14:25:30.123Z {" + TICKET
                        + ",\"author\":\"agent\",\"agent_id\":\"zendesk:8447388090495\",\"public\":true}");
        assertThat(map(mapper, request(envelope("e-5", "ticket.comment_added", "2025-01-08T14:30:00Z",
                "{\"comment\": {\"id\": 98, \"body\": \"internal\", \"is_public\": false,"
                        + " \"author\": {\"id\": 901, \"is_staff\": true}}}")))).containsExactly(
                "ticket.message 2025-01-08T14:30:00Z {" + TICKET
                        + ",\"author\":\"agent\",\"agent_id\":\"zendesk:901\",\"public\":false}");
        assertThat(map(mapper, request(envelope("e-6", "ticket.comment_added", "2025-01-08T14:40:00Z",
                "{\"comment\": {\"id\": \"99\", \"is_public\": true, \"author\": {\"id\": \"500\", \"is_staff\": false}}}"))))
                .containsExactly("ticket.message 2025-01-08T14:40:00Z {" + TICKET + ",\"author\":\"customer\",\"public\":true}");
        assertThat(map(mapper, request(envelope("e-7", "ticket.status_changed", "2025-01-08T15:00:00.5Z",
                "{\"current\": \"SOLVED\", \"previous\": \"OPEN\"}")))).containsExactly(
                "ticket.status_changed 2025-01-08T15:00:00.500Z {" + TICKET + ",\"status\":\"solved\"}");
        assertThat(map(mapper, request(envelope("e-8", "ticket.status_changed", "2025-01-09T09:00:00Z",
                "{\"current\": \"open\", \"previous\": \"solved\"}")))).containsExactly(
                "ticket.status_changed 2025-01-09T09:00:00Z {" + TICKET + ",\"status\":\"open\"}");
        assertThat(map(mapper, request(envelope("e-9", "ticket.tags_changed", "2025-01-09T09:05:00Z",
                "{\"added\": [\"complaint\"]}", "[\"mobile\", \"complaint\"]")))).containsExactly(
                "ticket.tagged 2025-01-09T09:05:00Z {" + TICKET + ",\"tags\":[\"mobile\",\"complaint\"]}");
        assertThat(map(mapper, request("""
                {"deskpulse_event": "satisfaction", "ticket_id": "5158", "rating": "Good",
                 "comment": "Thanks!", "assignee_id": "901", "updated_at": "2025-01-09T10:00Z"}""")))
                .containsExactly("survey.csat 2025-01-09T10:00:00Z {" + TICKET
                        + ",\"score\":5,\"agent_id\":\"zendesk:901\",\"comment\":\"Thanks!\"}");
    }

    @Test
    void eventsOfOneActionMapTheSameInAnyOrderOfArrival() {
        List<String> deliveries = List.of(
                envelope("s-1", "ticket.comment_added", "2025-01-08T15:00:00Z",
                        "{\"meta\": {\"sequence\": {\"id\": \"A\", \"position\": 1}}, \"comment\": {\"id\": \"1\","
                                + " \"is_public\": true, \"author\": {\"id\": \"901\", \"is_staff\": true}}}"),
                envelope("s-2", "ticket.agent_assignment_changed", "2025-01-08T15:00:00Z",
                        "{\"meta\": {\"sequence\": {\"id\": \"A\", \"position\": 2}}, \"current\": \"901\"}"),
                envelope("s-3", "ticket.status_changed", "2025-01-08T15:00:00Z",
                        "{\"meta\": {\"sequence\": {\"id\": \"A\", \"position\": 3}}, \"current\": \"SOLVED\"}"));
        List<String> inOrder = new ArrayList<>();
        deliveries.forEach(d -> inOrder.addAll(map(mapper, request(d))));
        List<String> reversed = new ArrayList<>();
        List<String> backwards = new ArrayList<>(deliveries);
        Collections.reverse(backwards);
        backwards.forEach(d -> reversed.addAll(map(mapper, request(d))));
        Collections.reverse(reversed);
        assertThat(reversed).isEqualTo(inOrder).hasSize(3);
    }

    @Test
    void idsAsStringsOrNumbersGiveTheSameCanonicalIds() {
        String strings = envelope("e-2", "ticket.agent_assignment_changed", "2025-01-08T10:20:00Z",
                "{\"current\": \"901\"}");
        String numbers = strings.replace("\"id\": \"5158\"", "\"id\": 5158").replace("\"current\": \"901\"", "\"current\": 901");
        assertThat(map(mapper, request(numbers))).isEqualTo(map(mapper, request(strings)));
        assertThat(Hooks.ids(mapper.map(request(numbers), Hooks.CONNECTOR)))
                .isEqualTo(Hooks.ids(mapper.map(request(strings), Hooks.CONNECTOR)));
    }

    @Test
    void aRetriedDeliveryGivesTheSameIds() {
        for (String resource : List.of("docs-ticket.created.json", "dust-ticket.comment_added.json")) {
            HookRequest first = fromResource("zendesk/" + resource);
            HookRequest retry = new HookRequest(first.headers(), first.body(), first.receivedAt().plusSeconds(600));
            assertThat(Hooks.ids(mapper.map(retry, Hooks.CONNECTOR))).as(resource).isNotEmpty()
                    .isEqualTo(Hooks.ids(mapper.map(first, Hooks.CONNECTOR)));
        }
    }

    @Test
    void eventsThatCarryNoKpiFactAreIgnoredWithAReason() {
        assertThat(mapValid(mapper, fromResource("zendesk/docs-ticket.attachment_linked_to_comment.json"))).isEqualTo(
                Mapped.ignored("Zendesk event type 'zen:event-type:ticket.attachment_linked_to_comment' carries no fact DeskPulse counts"));
        assertThat(mapValid(mapper, fromResource("zendesk/docs-user.active_changed.json")).ignored()).containsExactly(
                "Zendesk event type 'zen:event-type:user.active_changed' carries no fact DeskPulse counts");
        assertThat(mapValid(mapper, request("{\"ticket\": \"5158\"}")).ignored()).containsExactly(
                "not a Zendesk event subscription (no type) nor DeskPulse's satisfaction trigger body");
        assertThat(mapValid(mapper, request("{\"deskpulse_event\": \"satisfaction\", \"ticket_id\": 5158, \"rating\": \"Offered\"}"))
                .ignored()).containsExactly("Zendesk satisfaction 'offered' is not a rating yet");
        assertThat(mapValid(mapper, request(envelope("e-1", "ticket.status_changed", "2025-01-08T15:00:00Z",
                "{\"current\": \"DELETED\"}"))).ignored()).containsExactly(
                "Zendesk status DELETED is no ticket status DeskPulse counts");
    }

    @Test
    void csatGoodIsFiveBadIsOneAndANumericScaleIsKept() {
        for (String[] rating : new String[][] {{"bad", "1"}, {"Bad, I'm unsatisfied", "1"}, {"Good", "5"}, {"3", "3"}}) {
            assertThat(map(mapper, request("{\"deskpulse_event\": \"satisfaction\", \"ticket_id\": \"1\", \"rating\": \""
                    + rating[0] + "\"}")).get(0)).contains("\"score\":" + rating[1]);
        }
    }

    @Test
    void malformedPayloadsNameTheField() {
        String valid = envelope("e-1", "ticket.status_changed", "2025-01-08T15:00:00Z", "{\"current\": \"SOLVED\"}");
        assertThatThrownBy(() -> mapper.map(request(valid.replace("\"id\": \"e-1\",", "")), Hooks.CONNECTOR))
                .isInstanceOf(MappingException.class).hasMessage("id is required");
        assertThatThrownBy(() -> mapper.map(request(valid.replace("\"time\": \"2025-01-08T15:00:00Z\",", "")),
                Hooks.CONNECTOR)).hasMessage("time is required");
        assertThatThrownBy(() -> mapper.map(request(valid.replace("SOLVED", "FROZEN")), Hooks.CONNECTOR))
                .hasMessage("event.current must be one of: new, open, pending, hold, solved, closed");
        assertThatThrownBy(() -> mapper.map(request(
                "{\"type\": \"zen:event-type:ticket.created\", \"id\": \"x\", \"time\": \"2025-01-08T15:00:00Z\"}"),
                Hooks.CONNECTOR)).hasMessage("detail is required");
        assertThatThrownBy(() -> mapper.map(request(
                "{\"deskpulse_event\": \"satisfaction\", \"ticket_id\": \"1\", \"rating\": \"meh\"}"), Hooks.CONNECTOR))
                .hasMessage("rating must be good, bad or an integer from 1 to 5");
        assertThatThrownBy(() -> mapper.map(request(valid.replace("\"id\": \"5158\"", "\"id\": {}")
                .replace("zen:ticket:5158", "zen:ticket:")), Hooks.CONNECTOR))
                .hasMessage("detail.id must be a string or an integer id");
    }
}
