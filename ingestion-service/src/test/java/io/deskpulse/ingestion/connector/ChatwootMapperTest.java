package io.deskpulse.ingestion.connector;

import static io.deskpulse.ingestion.connector.Hooks.fromResource;
import static io.deskpulse.ingestion.connector.Hooks.map;
import static io.deskpulse.ingestion.connector.Hooks.mapValid;
import static io.deskpulse.ingestion.connector.Hooks.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChatwootMapperTest {

    private final PayloadMapper mapper = PayloadMapper.forPlatform(Platform.CHATWOOT);

    private static final String TICKET = "\"ticket_id\":\"chatwoot:3:1042\"";

    /** A conversation_updated of conversation 1042 in inbox 3 with the given changed_attributes and float updated_at. */
    private static String updated(String changed, String updatedAt) {
        return """
                {"id": 1042, "inbox_id": 3, "channel": "Channel::WebWidget", "status": "open", "labels": [],
                 "meta": {"assignee": {"id": 17, "type": "user"}, "team": {"id": 4, "name": "billing"}},
                 "created_at": 1770714000, "updated_at": %s, "event": "conversation_updated",
                 "changed_attributes": %s}""".formatted(updatedAt, changed);
    }

    private static String message(int id, String type, boolean isPrivate, String sender, String extra) {
        return """
                {"account": {"id": 1, "name": "Acme Inc"}, "content": "hi", "content_type": "text",
                 "content_attributes": {%s}, "conversation": {"id": 1042, "inbox_id": 3, "channel": "Channel::WebWidget"},
                 "created_at": "2026-02-10T09:20:00.000Z", "id": %d, "inbox": {"id": 3, "name": "Website"},
                 "message_type": "%s", "private": %s, "sender": %s, "event": "message_created"}"""
                .formatted(extra, id, type, isPrivate, sender);
    }

    @Test
    void aConversationsWholeLifeMapsToItsCanonicalEvents() {
        assertThat(map(mapper, fromResource("chatwoot/fieldmap-conversation_created.json"))).containsExactly(
                "ticket.created 2026-02-10T09:00:00Z {" + TICKET
                        + ",\"channel\":\"chat\",\"customer_id\":\"chatwoot:502\",\"team_id\":\"chatwoot:4\"}",
                "ticket.message 2026-02-10T09:00:00Z {" + TICKET + ",\"author\":\"customer\",\"public\":true}");
        assertThat(map(mapper, request(updated(
                "[{\"assignee_id\": {\"previous_value\": null, \"current_value\": 17}},"
                        + " {\"updated_at\": {\"previous_value\": \"2026-02-10T09:00:00.431Z\","
                        + " \"current_value\": \"2026-02-10T09:01:40.250Z\"}}]", "1770714100.25"))))
                .containsExactly("ticket.assigned 2026-02-10T09:01:40.250Z {" + TICKET + ",\"agent_id\":\"chatwoot:17\"}");
        assertThat(map(mapper, fromResource("chatwoot/fieldmap-message_created-agent.json"))).containsExactly(
                "ticket.message 2026-02-10T09:05:00Z {" + TICKET
                        + ",\"author\":\"agent\",\"agent_id\":\"chatwoot:17\",\"public\":true}");
        assertThat(map(mapper, request(message(88132, "outgoing", true,
                "{\"id\": 17, \"name\": \"Ana Agent\", \"type\": \"user\"}", "")))).containsExactly(
                "ticket.message 2026-02-10T09:20:00Z {" + TICKET
                        + ",\"author\":\"agent\",\"agent_id\":\"chatwoot:17\",\"public\":false}");
        assertThat(map(mapper, request(message(88133, "outgoing", false,
                "{\"id\": 2, \"name\": \"Helper Bot\", \"type\": \"agent_bot\"}", "")))).containsExactly(
                "ticket.message 2026-02-10T09:20:00Z {" + TICKET + ",\"author\":\"bot\",\"public\":true}");
        assertThat(map(mapper, request(message(88134, "incoming", false,
                "{\"id\": 502, \"name\": \"Jane Roe\", \"blocked\": false}", "")))).containsExactly(
                "ticket.message 2026-02-10T09:20:00Z {" + TICKET + ",\"author\":\"customer\",\"public\":true}");
        assertThat(map(mapper, fromResource("chatwoot/fieldmap-conversation_status_changed-resolved.json")))
                .containsExactly("ticket.status_changed 2026-02-10T10:00:00.527Z {" + TICKET + ",\"status\":\"solved\"}");
        assertThat(map(mapper, fromResource("chatwoot/fieldmap-message_created-csat_survey.json"))).containsExactly(
                "ticket.message 2026-02-10T10:00:01Z {" + TICKET + ",\"author\":\"system\",\"public\":true}");
        assertThat(map(mapper, fromResource("chatwoot/fieldmap-message_updated-csat.json"))).containsExactly(
                "survey.csat 2026-02-10T12:00:00Z {" + TICKET + ",\"score\":4,\"comment\":\"Quick and helpful\"}");
        assertThat(map(mapper, request(updated(
                "[{\"status\": {\"previous_value\": \"resolved\", \"current_value\": \"open\"}}]", "1770721200.5"))))
                .containsExactly("ticket.status_changed 2026-02-10T11:00:00.500Z {" + TICKET + ",\"status\":\"open\"}");
    }

    /** A customer's message of conversation 1042 as nested in a conversation payload, with {@code sentiment}. */
    private static String createdWithSentiment(String messageType, String senderType, String sentiment) {
        return """
                {"id": 1042, "inbox_id": 3, "channel": "Channel::WebWidget", "status": "open", "labels": [],
                 "contact_inbox": {"contact_id": 502}, "meta": {"assignee": null, "team": {"id": 4, "name": "billing"}},
                 "messages": [{"id": 88120, "content": "It still has not arrived!", "conversation_id": 1042,
                               "message_type": %s, "created_at": 1770714000, "private": false, "content_type": "text",
                               "content_attributes": {}, "sender_type": "%s", "sender_id": 502, "sentiment": %s}],
                 "created_at": 1770714000, "updated_at": 1770714000.4312, "event": "conversation_created"}"""
                .formatted(messageType, senderType, sentiment);
    }

    private static String incomingWithSentiment(String sentiment) {
        return """
                {"account": {"id": 1, "name": "Acme Inc"}, "content": "thanks!", "content_type": "text",
                 "content_attributes": {}, "conversation": {"id": 1042, "inbox_id": 3, "channel": "Channel::WebWidget"},
                 "created_at": "2026-02-10T09:20:00.000Z", "id": 88150, "inbox": {"id": 3, "name": "Website"},
                 "message_type": "incoming", "private": false, "sender": {"id": 502, "name": "Jane Roe"},
                 "sentiment": %s, "event": "message_created"}""".formatted(sentiment);
    }

    /**
     * Chatwoot's message sentiment (enterprise: {@code {"label", "score", "value"}}, the score the classifier's
     * confidence in the label) as 2 × P(positive) − 1 on customer messages; nothing else carries one.
     */
    @Test
    void aCustomerMessagesSentimentMapsOntoMinusOneToOne() {
        assertThat(map(mapper, request(createdWithSentiment("0", "Contact",
                "{\"label\": \"negative\", \"score\": 0.9, \"value\": -1}"))))
                .contains("ticket.message 2026-02-10T09:00:00Z {" + TICKET
                        + ",\"author\":\"customer\",\"public\":true,\"sentiment\":-0.8}");
        // the score as numeric text (as Chatwoot's own tests store it); a weak positive is near 0
        assertThat(map(mapper, request(incomingWithSentiment("{\"label\": \"positive\", \"score\": \"0.6\", \"value\": 1}"))))
                .containsExactly("ticket.message 2026-02-10T09:20:00Z {" + TICKET
                        + ",\"author\":\"customer\",\"public\":true,\"sentiment\":0.2}");
        assertThat(map(mapper, request(incomingWithSentiment("{\"label\": \"Positive\", \"score\": 0.99871}"))))
                .containsExactly("ticket.message 2026-02-10T09:20:00Z {" + TICKET
                        + ",\"author\":\"customer\",\"public\":true,\"sentiment\":0.997}");
    }

    @Test
    void noSentimentWhereChatwootHasNoneOrOneDeskPulseCannotRead() throws Exception {
        String plain = "ticket.message 2026-02-10T09:20:00Z {" + TICKET + ",\"author\":\"customer\",\"public\":true}";
        // not analysed (every reference payload), no key at all, null
        for (String none : List.of("{}", "null", "{\"value\": -1}", "{\"label\": \"negative\"}",
                "{\"label\": \"neutral\", \"score\": 0.7}", "{\"label\": \"negative\", \"score\": 1.5}",
                "{\"label\": \"negative\", \"score\": -0.1}", "{\"label\": \"negative\", \"score\": \"high\"}",
                "{\"label\": \"negative\", \"score\": true}", "\"negative\"")) {
            assertThat(map(mapper, request(incomingWithSentiment(none)))).as(none).containsExactly(plain);
        }
        // an agent's or a bot's message never carries one, even where a payload would
        assertThat(map(mapper, request(createdWithSentiment("1", "User",
                "{\"label\": \"negative\", \"score\": 0.9, \"value\": -1}")))).noneMatch(e -> e.contains("sentiment"));
        assertThat(ChatwootMapper.sentiment(null)).isNull();
        assertThat(ChatwootMapper.sentiment(new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"label\": \"negative\", \"score\": 0.5}"))).isEqualTo(0.0);
        assertThat(ChatwootMapper.sentiment(new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"label\": \"negative\", \"score\": 1}"))).isEqualTo(-1.0);
    }

    @Test
    void aStatusChangeSentAsConversationStatusChangedAndAsConversationUpdatedGetsOneId() {
        Mapped statusChanged = mapValid(mapper, fromResource("chatwoot/fieldmap-conversation_status_changed-resolved.json"));
        Mapped updated = mapValid(mapper, request(updated(
                "[{\"status\": {\"previous_value\": \"open\", \"current_value\": \"resolved\"}}]", "1770717600.527")));
        assertThat(Hooks.ids(updated)).isEqualTo(Hooks.ids(statusChanged));
    }

    @Test
    void theFirstMessageInsideConversationCreatedAndItsMessageCreatedGetOneId() {
        Mapped created = mapValid(mapper, fromResource("chatwoot/fieldmap-conversation_created.json"));
        Mapped message = mapValid(mapper, request(message(88120, "incoming", false, "{\"id\": 502}", "")));
        assertThat(message.events().get(0).get("id")).isEqualTo(created.events().get(1).get("id"));
    }

    @Test
    void aRetriedDeliveryGivesTheSameIdsAndAnotherConnectorOthers() {
        for (String resource : List.of("fieldmap-conversation_created.json", "fieldmap-message_created-agent.json",
                "fieldmap-conversation_status_changed-resolved.json", "fieldmap-message_updated-csat.json",
                "code-conversation_created.json", "docs-message_created-incoming.json")) {
            HookRequest first = fromResource("chatwoot/" + resource);
            HookRequest retry = new HookRequest(java.util.Map.of("x-chatwoot-delivery", "d-2"), first.body(),
                    first.receivedAt().plusSeconds(300));
            List<String> ids = Hooks.ids(mapper.map(first, Hooks.CONNECTOR));
            assertThat(ids).as(resource).isNotEmpty()
                    .isEqualTo(Hooks.ids(mapper.map(first, Hooks.CONNECTOR)));
            assertThat(Hooks.ids(mapper.map(retry, Hooks.CONNECTOR))).as(resource).isEqualTo(ids);
            assertThat(Hooks.ids(mapper.map(first, "cn_other"))).as(resource).doesNotContainAnyElementsOf(ids);
        }
    }

    @Test
    void conversationsAreKeyedByInboxSinceDisplayIdsRepeatInEveryAccount() {
        String other = new String(Hooks.resource("chatwoot/fieldmap-conversation_created.json"))
                .replace("\"inbox_id\": 3", "\"inbox_id\": 9");
        assertThat(map(mapper, request(other)).get(0)).contains("\"ticket_id\":\"chatwoot:9:1042\"");
    }

    @Test
    void theDocsAndCodeSamplesMapWithTheirMixedTimeFormats() {
        // 2021 docs sample: incoming message, ISO created_at, no conversation created_at
        assertThat(map(mapper, fromResource("chatwoot/docs-message_created-incoming.json"))).containsExactly(
                "ticket.message 2021-07-23T18:02:48Z {\"ticket_id\":\"chatwoot:1:10\",\"author\":\"customer\",\"public\":true}");
        // epoch created_at on the conversation, epoch created_at on its nested message, float updated_at
        assertThat(map(mapper, fromResource("chatwoot/code-conversation_created.json"))).containsExactly(
                "ticket.created 2021-07-23T18:01:48Z {\"ticket_id\":\"chatwoot:1:10\",\"channel\":\"chat\",\"customer_id\":\"chatwoot:12\"}",
                "ticket.message 2021-07-23T18:02:48Z {\"ticket_id\":\"chatwoot:1:10\",\"author\":\"customer\",\"public\":true}");
        assertThat(map(mapper, fromResource("chatwoot/code-conversation_updated-assigned.json"))).containsExactly(
                "ticket.assigned 2021-07-23T18:05:10.120Z {\"ticket_id\":\"chatwoot:1:10\",\"agent_id\":\"chatwoot:1\",\"team_id\":\"chatwoot:3\"}");
        // the docs' status sample has no updated_at: its last activity (timestamp) is the time
        assertThat(map(mapper, fromResource("chatwoot/docs-conversation_status_changed.json"))).containsExactly(
                "ticket.status_changed 2021-07-23T18:02:49Z {\"ticket_id\":\"chatwoot:1:10\",\"status\":\"open\"}");
        // the code sample abbreviates its conversation; given one, the rating goes to its assignee
        assertThat(map(mapper, request(new String(Hooks.resource("chatwoot/code-message_updated-csat.json"))
                .replace("\"conversation\": { \"...\": \"conversation push data\" }",
                        "\"conversation\": {\"id\": 10, \"meta\": {\"assignee\": {\"id\": 1, \"type\": \"user\"}}}"))))
                .containsExactly(
                "survey.csat 2026-02-10T12:00:00Z {\"ticket_id\":\"chatwoot:1:10\",\"score\":5,\"agent_id\":\"chatwoot:1\",\"comment\":\"Quick and helpful\"}");
    }

    @Test
    void eventsThatCarryNoKpiFactAreIgnoredWithAReason() {
        assertThat(mapValid(mapper, fromResource("chatwoot/docs-webwidget_triggered.json")))
                .isEqualTo(Mapped.ignored("Chatwoot event 'webwidget_triggered' carries no fact DeskPulse counts"));
        assertThat(mapValid(mapper, fromResource("chatwoot/code-conversation_typing_on.json")).events()).isEmpty();
        assertThat(mapValid(mapper, request("{\"event\": \"contact_created\", \"id\": 5}")).ignored()).hasSize(1);
        assertThat(mapValid(mapper, request("""
                {"id": 7, "content_type": "text", "event": "message_updated", "conversation": {"id": 1, "inbox_id": 1}}
                """)).ignored()).containsExactly(
                "Chatwoot message_updated other than a CSAT answer carries no fact DeskPulse counts");
        assertThat(mapValid(mapper, request(updated(
                "[{\"priority\": {\"previous_value\": null, \"current_value\": \"high\"}}]", "1770714100.25")))
                .ignored()).containsExactly(
                "Chatwoot conversation_updated changes that DeskPulse does not count: priority");
    }

    @Test
    void malformedPayloadsNameTheField() {
        assertThatThrownBy(() -> mapper.map(request("{\"id\": 1}"), Hooks.CONNECTOR))
                .isInstanceOf(MappingException.class).hasMessage("event is required");
        assertThatThrownBy(() -> mapper.map(request("[1]"), Hooks.CONNECTOR)).hasMessage("body must be a JSON object");
        assertThatThrownBy(() -> mapper.map(request("{\"event\": \"message_created\""), Hooks.CONNECTOR))
                .hasMessageStartingWith("body is not valid JSON");
        // the abbreviated code sample has a conversation without its id
        assertThatThrownBy(() -> mapper.map(fromResource("chatwoot/code-message_created-agent.json"), Hooks.CONNECTOR))
                .isInstanceOf(MappingException.class).hasMessage("conversation.id is required");
        assertThatThrownBy(() -> mapper.map(request(message(1, "incoming", false, "null", "")
                .replace("\"2026-02-10T09:20:00.000Z\"", "\"yesterday\"")), Hooks.CONNECTOR))
                .hasMessage("created_at must be a time: epoch seconds or ISO 8601 with an offset");
        assertThatThrownBy(() -> mapper.map(request(new String(Hooks.resource("chatwoot/fieldmap-message_updated-csat.json"))
                .replace("\"rating\": 4", "\"rating\": 9")), Hooks.CONNECTOR))
                .hasMessage("content_attributes.submitted_values.csat_survey_response.rating must be an integer from 1 to 5");
        assertThatThrownBy(() -> mapper.map(request(updated(
                "[{\"status\": {\"previous_value\": \"open\", \"current_value\": \"archived\"}}]", "1770714100")),
                Hooks.CONNECTOR)).hasMessage(
                "changed_attributes.status.current_value must be one of: open, resolved, pending, snoozed");
    }

    @Test
    void automationCampaignAndTemplateMessagesAreTheSystem() {
        assertThat(map(mapper, request(message(9, "outgoing", false, "{\"id\": 17, \"type\": \"user\"}",
                "\"automation_rule_id\": 4")))).containsExactly(
                "ticket.message 2026-02-10T09:20:00Z {" + TICKET + ",\"author\":\"system\",\"public\":true}");
        assertThat(map(mapper, request(message(10, "outgoing", false, "null", "")))).containsExactly(
                "ticket.message 2026-02-10T09:20:00Z {" + TICKET + ",\"author\":\"system\",\"public\":true}");
    }
}
