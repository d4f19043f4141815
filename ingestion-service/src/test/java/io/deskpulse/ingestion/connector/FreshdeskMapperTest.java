package io.deskpulse.ingestion.connector;

import static io.deskpulse.ingestion.connector.Hooks.fromResource;
import static io.deskpulse.ingestion.connector.Hooks.map;
import static io.deskpulse.ingestion.connector.Hooks.mapValid;
import static io.deskpulse.ingestion.connector.Hooks.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FreshdeskMapperTest {

    private final PayloadMapper mapper = PayloadMapper.forPlatform(Platform.FRESHDESK);

    private static final String TICKET = "\"ticket_id\":\"freshdesk:11\"";

    /** The body of DeskPulse's documented template, as Freshdesk renders it: everything a string. */
    private static String hook(String triggered, String updatedAt, String extra) {
        return """
                {"freshdesk_webhook": {
                  "triggered_event": "%s", "ticket_id": "11", "ticket_status": "Open", "ticket_priority": "High",
                  "ticket_source": "Portal", "ticket_group_name": "Billing", "ticket_agent_email": "Ana@Acme.example",
                  "requester_email": "jane@example.com", "ticket_tags": "vip, complaint",
                  "ticket_created_at": "2026-02-10T09:00:00Z", "ticket_updated_at": "%s"%s}}"""
                .formatted(triggered, updatedAt, extra);
    }

    @Test
    void aTicketsWholeLifeMapsToItsCanonicalEvents() {
        assertThat(map(mapper, request(hook("{ticket_action:created}", "2026-02-10T09:00:00Z", "")))).containsExactly(
                "ticket.created 2026-02-10T09:00:00Z {" + TICKET + ",\"channel\":\"web\",\"priority\":\"high\","
                        + "\"customer_id\":\"freshdesk:jane@example.com\",\"team_id\":\"freshdesk:Billing\","
                        + "\"agent_id\":\"freshdesk:ana@acme.example\"}",
                "ticket.tagged 2026-02-10T09:00:00Z {" + TICKET + ",\"tags\":[\"vip\",\"complaint\"]}");
        assertThat(map(mapper, request(hook("{responder_id:{from:,to:5}}", "2026-02-10T09:01:00Z", ""))))
                .containsExactly("ticket.assigned 2026-02-10T09:01:00Z {" + TICKET + ",\"agent_id\":\"freshdesk:ana@acme.example\"}");
        assertThat(map(mapper, request(hook("{group_id:{from:1,to:2}}", "2026-02-10T09:02:00Z", ""))))
                .containsExactly("ticket.assigned 2026-02-10T09:02:00Z {" + TICKET + ",\"team_id\":\"freshdesk:Billing\"}");
        assertThat(map(mapper, request(hook("{reply_sent:sent}", "2026-02-10T09:05:00Z", "")))).containsExactly(
                "ticket.message 2026-02-10T09:05:00Z {" + TICKET
                        + ",\"author\":\"agent\",\"agent_id\":\"freshdesk:ana@acme.example\",\"public\":true}");
        assertThat(map(mapper, request(hook("{note_type:private}", "2026-02-10T09:06:00Z", "")))).containsExactly(
                "ticket.message 2026-02-10T09:06:00Z {" + TICKET
                        + ",\"author\":\"agent\",\"agent_id\":\"freshdesk:ana@acme.example\",\"public\":false}");
        assertThat(map(mapper, request(hook("{customer_reply:received}", "2026-02-10T09:10:00Z", "")))).containsExactly(
                "ticket.message 2026-02-10T09:10:00Z {" + TICKET + ",\"author\":\"customer\",\"public\":true}");
        assertThat(map(mapper, request(hook("{status:{from:2,to:4}}", "2026-02-10T10:00:00Z", "")))).containsExactly(
                "ticket.status_changed 2026-02-10T10:00:00Z {" + TICKET
                        + ",\"status\":\"solved\",\"agent_id\":\"freshdesk:ana@acme.example\"}");
        assertThat(map(mapper, request(hook("{status:{from:4,to:2}}", "2026-02-11T08:00:00Z", "")))).containsExactly(
                "ticket.status_changed 2026-02-11T08:00:00Z {" + TICKET
                        + ",\"status\":\"open\",\"agent_id\":\"freshdesk:ana@acme.example\"}");
        assertThat(map(mapper, request(hook("{customer_feedback:received}", "2026-02-11T09:00:00Z",
                ", \"satisfaction_rating\": \"102\", \"satisfaction_feedback\": \"ok\"")))).containsExactly(
                "survey.csat 2026-02-11T09:00:00Z {" + TICKET
                        + ",\"score\":4,\"agent_id\":\"freshdesk:ana@acme.example\",\"comment\":\"ok\"}");
    }

    @Test
    void theZulipFixtureMapsACustomStatusToPendingAtItsReceipt() {
        assertThat(map(mapper, fromResource("freshdesk/zulip-status_changed.json"))).containsExactly(
                "ticket.status_changed 2026-02-10T12:00:00Z {" + TICKET + ",\"status\":\"pending\"}");
    }

    @Test
    void aTemplateWithoutTheWrapperAndWithApiNumbersMapsTheSame() {
        String bare = "{\"triggered_event\": \"{status:{from:2,to:4}}\", \"ticket_id\": 11,"
                + " \"responder_id\": 320, \"ticket_updated_at\": \"2026-02-10T10:00:00Z\"}";
        assertThat(map(mapper, request(bare))).containsExactly("ticket.status_changed 2026-02-10T10:00:00Z {"
                + TICKET + ",\"status\":\"solved\",\"agent_id\":\"freshdesk:320\"}");
        assertThatThrownBy(() -> mapper.map(request("{\"ticket_id\": 11}"), Hooks.CONNECTOR))
                .hasMessage("triggered_event is required");
    }

    @Test
    void aSimpleContentBodyWithTheTickedFieldsMaps() {
        // Simple content (the admin ticks fields): the key set of a rendered Simple body published with OpsGenie's
        // Freshdesk integration (docs/connectors/freshdesk.md, "Verified"): a numeric ticket_id, ticket_requester_email
        // beside requester_name, names for source and priority, tags as "a, b", human-readable dates, and
        // ticket_satisfaction_survey, which is the survey's text for e-mails, not a rating.
        String simple = """
                {"freshdesk_webhook": {
                  "ticket_id": 2, "ticket_subject": "Card declined", "ticket_url": "https://acme.freshdesk.com/helpdesk/tickets/2",
                  "ticket_due_by_time": "February 12 2026 at 10:06 AM", "ticket_tags": "billing, complaint",
                  "ticket_latest_public_comment": "", "ticket_latest_private_comment": null,
                  "ticket_group_name": "Billing", "ticket_agent_name": "Ana", "ticket_agent_email": "ana@acme.example",
                  "ticket_satisfaction_survey": "How would you rate our answer?", "ticket_status": "Open",
                  "ticket_priority": "Medium", "ticket_source": "Phone", "ticket_type": "Incident",
                  "requester_name": "Jane Roe", "ticket_requester_email": "Jane@Example.com",
                  "triggered_event": "{ticket_action:created}"}}""";
        assertThat(map(mapper, request(simple))).containsExactly(
                "ticket.created 2026-02-10T12:00:00Z {\"ticket_id\":\"freshdesk:2\",\"channel\":\"phone\","
                        + "\"priority\":\"normal\",\"customer_id\":\"freshdesk:jane@example.com\","
                        + "\"team_id\":\"freshdesk:Billing\",\"agent_id\":\"freshdesk:ana@acme.example\"}",
                "ticket.tagged 2026-02-10T12:00:00Z {\"ticket_id\":\"freshdesk:2\",\"tags\":[\"billing\",\"complaint\"]}");
    }

    @Test
    void statusPriorityAndSourceComeAsNamesOrNumericCodes() {
        String codes = hook("{ticket_action:created}", "", "").replace("\"High\"", "3").replace("\"Portal\"", "7");
        assertThat(map(mapper, request(codes)).get(0)).contains("\"channel\":\"chat\",\"priority\":\"high\"");
        assertThat(map(mapper, request(hook("{status:{from:2,to:5}}", "", ""))).get(0)).contains("\"status\":\"closed\"");
        assertThat(map(mapper, request(hook("{status:{from:5,to:Resolved}}", "", ""))).get(0)).contains("\"status\":\"solved\"");
        assertThat(FreshdeskMapper.csat("-103", "r")).isEqualTo(1);
        assertThat(FreshdeskMapper.csat("Extremely Happy", "r")).isEqualTo(5);
        assertThat(FreshdeskMapper.csat("100", "r")).isEqualTo(3);
        assertThat(FreshdeskMapper.csat("-101", "r")).isEqualTo(2);
    }

    @Test
    void aRetriedDeliveryGivesTheSameIdsAndALaterSameTransitionOthers() {
        String solved = hook("{status:{from:2,to:4}}", "2026-02-10T10:00:00Z", "");
        HookRequest first = request(solved);
        HookRequest retry = new HookRequest(first.headers(), first.body(), first.receivedAt().plusSeconds(300));
        assertThat(Hooks.ids(mapper.map(retry, Hooks.CONNECTOR))).hasSize(1)
                .isEqualTo(Hooks.ids(mapper.map(first, Hooks.CONNECTOR)));
        assertThat(Hooks.ids(mapper.map(request(hook("{status:{from:2,to:4}}", "2026-02-12T10:00:00Z", "")),
                Hooks.CONNECTOR))).doesNotContainAnyElementsOf(Hooks.ids(mapper.map(first, Hooks.CONNECTOR)));
    }

    @Test
    void eventsThatCarryNoKpiFactAreIgnoredWithAReason() {
        assertThat(mapValid(mapper, request(hook("{priority:{from:1,to:3}}", "", "")))).isEqualTo(
                Mapped.ignored("Freshdesk triggered_event 'priority' carries no fact DeskPulse counts"));
        assertThat(mapValid(mapper, request(hook("{}", "", ""))).ignored())
                .containsExactly("Freshdesk triggered_event '{}' names no event");
    }

    @Test
    void malformedPayloadsNameTheField() {
        // an app-platform product event is not an automation webhook
        assertThatThrownBy(() -> mapper.map(fromResource("freshdesk/freshworks-onTicketUpdate.json"), Hooks.CONNECTOR))
                .isInstanceOf(MappingException.class).hasMessage("ticket_id is required");
        assertThatThrownBy(() -> mapper.map(request(hook("status changed", "", "")), Hooks.CONNECTOR))
                .hasMessage("freshdesk_webhook.triggered_event is not in Freshdesk's {name:value} form: status changed");
        assertThatThrownBy(() -> mapper.map(request(hook("{status:{from:2,to:4}", "", "")), Hooks.CONNECTOR))
                .hasMessageStartingWith("freshdesk_webhook.triggered_event is not in Freshdesk's {name:value} form");
        assertThatThrownBy(() -> mapper.map(request(hook("{status:closed}", "", "")), Hooks.CONNECTOR))
                .hasMessage("freshdesk_webhook.triggered_event status must be {from:..,to:..}");
        assertThatThrownBy(() -> mapper.map(request(hook("{ticket_action:created}", "", "").replace("\"High\"", "\"Asap\"")),
                Hooks.CONNECTOR)).hasMessage("freshdesk_webhook.ticket_priority must be Low, Medium, High, Urgent or a code 1 to 4");
        assertThatThrownBy(() -> mapper.map(request(hook("{customer_feedback:received}", "", "")), Hooks.CONNECTOR))
                .hasMessage("freshdesk_webhook.satisfaction_rating is required for a customer feedback event");
        assertThatThrownBy(() -> mapper.map(request("ticket_id=11&triggered_event=x"), Hooks.CONNECTOR))
                .hasMessageStartingWith("body is not valid JSON");
    }

    @Test
    void anAgentEmailTooLongForTheContractBecomesAStableHashedId() {
        String longEmail = "a".repeat(130) + "@acme.example";
        String body = hook("{reply_sent:sent}", "2026-02-10T09:05:00Z", "").replace("Ana@Acme.example", longEmail);
        String line = map(mapper, request(body)).get(0);
        assertThat(line).matches(".*\"agent_id\":\"freshdesk:#[0-9a-f]{32}\".*");
        assertThat(map(mapper, request(body.replace("09:05:00", "09:06:00"))).get(0))
                .contains(line.substring(line.indexOf("\"agent_id\"")));
    }
}
