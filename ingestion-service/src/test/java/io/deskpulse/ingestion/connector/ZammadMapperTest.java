package io.deskpulse.ingestion.connector;

import static io.deskpulse.ingestion.connector.Hooks.fromResource;
import static io.deskpulse.ingestion.connector.Hooks.map;
import static io.deskpulse.ingestion.connector.Hooks.mapValid;
import static io.deskpulse.ingestion.connector.Hooks.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZammadMapperTest {

    private final PayloadMapper mapper = PayloadMapper.forPlatform(Platform.ZAMMAD);

    private static final String TICKET = "\"ticket_id\":\"zammad:81\"";
    private static final String CREATED = "ticket.created 2020-11-13T14:34:35.282Z {" + TICKET
            + ",\"channel\":\"phone\",\"customer_id\":\"zammad:8\",\"team_id\":\"zammad:3\",\"agent_id\":\"zammad:5\"}";

    /** Ticket 81 as Zammad sends it when the job runs: its current state, and the article of the trigger (or {}). */
    private static String payload(String ticketExtra, String article) {
        return """
                {"ticket": {"id": 81, "number": "10081", "group_id": 3, "group": {"id": 3, "name": "Service Desk"},
                            "owner_id": %s, "customer_id": 8, "create_article_type": "phone",
                            "created_at": "2020-11-13T14:34:35.282Z"%s},
                 "article": %s}""".formatted(ticketExtra.contains("\"owner_id\"") ? "" : "5",
                ticketExtra, article).replace("\"owner_id\": ,", "");
    }

    private static String article(int id, String sender, int by, boolean internal, String at) {
        return "{\"id\": %d, \"ticket_id\": 81, \"sender\": \"%s\", \"created_by_id\": %d, \"type\": \"%s\", \"internal\": %s, \"created_at\": \"%s\"}"
                .formatted(id, sender, by, internal ? "note" : "email", internal, at);
    }

    @Test
    void aTicketsWholeLifeMapsToItsCanonicalEvents() {
        assertThat(map(mapper, fromResource("zammad/docs-default-payload.json"))).containsExactly(CREATED,
                "ticket.message 2020-11-13T14:34:35.318Z {" + TICKET + ",\"author\":\"customer\",\"public\":true}");
        String reassigned = ", \"state\": \"open\", \"owner_id\": 6, \"last_owner_update_at\": \"2020-11-13T15:00:00Z\"";
        assertThat(map(mapper, request(payload(reassigned, "{}")))).containsExactly(
                "ticket.created 2020-11-13T14:34:35.282Z {" + TICKET + ",\"channel\":\"phone\",\"customer_id\":\"zammad:8\"}",
                "ticket.assigned 2020-11-13T15:00:00Z {" + TICKET + ",\"agent_id\":\"zammad:6\",\"team_id\":\"zammad:3\"}");
        assertThat(map(mapper, request(payload(reassigned, article(105, "Agent", 6, false, "2020-11-13T15:10:00Z")))))
                .contains("ticket.message 2020-11-13T15:10:00Z {" + TICKET
                        + ",\"author\":\"agent\",\"agent_id\":\"zammad:6\",\"public\":true}");
        assertThat(map(mapper, request(payload(reassigned, article(106, "Agent", 6, true, "2020-11-13T15:20:00Z")))))
                .contains("ticket.message 2020-11-13T15:20:00Z {" + TICKET
                        + ",\"author\":\"agent\",\"agent_id\":\"zammad:6\",\"public\":false}");
        String closed = reassigned.replace("\"open\"", "\"closed\"") + ", \"close_at\": \"2020-11-13T16:00:00Z\"";
        assertThat(map(mapper, request(payload(closed, "{}"))))
                .contains("ticket.status_changed 2020-11-13T16:00:00Z {" + TICKET + ",\"status\":\"closed\"}");
        String reopened = reassigned + ", \"close_at\": \"2020-11-13T16:00:00Z\", \"updated_at\": \"2020-11-14T09:00:01Z\"";
        assertThat(map(mapper, request(payload(reopened, article(107, "Customer", 8, false, "2020-11-14T09:00:00Z")))))
                .contains("ticket.message 2020-11-14T09:00:00Z {" + TICKET + ",\"author\":\"customer\",\"public\":true}",
                        "ticket.status_changed 2020-11-13T16:00:00Z {" + TICKET + ",\"status\":\"closed\"}",
                        "ticket.status_changed 2020-11-14T09:00:00Z {" + TICKET + ",\"status\":\"open\"}");
    }

    @Test
    void aLateDeliveryCarryingTheCurrentStateGivesOnlyIdsAlreadySeen() {
        String reassigned = ", \"state\": \"open\", \"owner_id\": 6, \"last_owner_update_at\": \"2020-11-13T15:00:00Z\"";
        String reopened = reassigned + ", \"close_at\": \"2020-11-13T16:00:00Z\", \"updated_at\": \"2020-11-14T09:00:01Z\"";
        Mapped onTime = mapValid(mapper, request(payload(reopened, article(107, "Customer", 8, false, "2020-11-14T09:00:00Z"))));
        // the close trigger's delivery, retried after the reopen: it shows the reopened ticket, not the closed one
        Mapped late = mapValid(mapper, request(payload(reopened + ", \"last_close_at\": \"2020-11-13T16:00:00Z\"", "{}")));
        assertThat(Hooks.ids(onTime)).containsAll(Hooks.ids(late));
        assertThat(Hooks.lines(late)).contains(
                "ticket.status_changed 2020-11-13T16:00:00Z {" + TICKET + ",\"status\":\"closed\"}");
    }

    @Test
    void aRetryOrASecondTriggerForTheSameChangeGivesTheSameIds() {
        byte[] body = Hooks.resource("zammad/docs-default-payload.json");
        HookRequest first = Hooks.request(body, Map.of("X-Zammad-Delivery", "job-1", "X-Zammad-Trigger", "to DeskPulse"));
        HookRequest other = Hooks.request(body, Map.of("X-Zammad-Delivery", "job-2", "X-Zammad-Trigger", "another"));
        assertThat(Hooks.ids(mapper.map(other, Hooks.CONNECTOR))).hasSize(2)
                .isEqualTo(Hooks.ids(mapper.map(first, Hooks.CONNECTOR)));
    }

    @Test
    void theTrimmedFieldMapSampleMapsLikeTheDocsSample() {
        assertThat(map(mapper, fromResource("zammad/fieldmap-default-payload-trimmed.json"))).containsExactly(CREATED,
                "ticket.message 2020-11-13T14:34:35.318Z {" + TICKET + ",\"author\":\"customer\",\"public\":true}");
    }

    @Test
    void theSystemUserAsOwnerIsUnassignedAndPendingIsNotGuessed() {
        Mapped mapped = mapValid(mapper, request(payload(", \"owner_id\": 1, \"state\": \"pending reminder\"", "{}")));
        assertThat(Hooks.lines(mapped)).containsExactly("ticket.created 2020-11-13T14:34:35.282Z {" + TICKET
                + ",\"channel\":\"phone\",\"customer_id\":\"zammad:8\",\"team_id\":\"zammad:3\"}");
        assertThat(mapped.ignored()).containsExactly(
                "Zammad state 'pending reminder' is not counted: the payload does not say when it was set");
    }

    @Test
    void malformedPayloadsNameTheField() {
        assertThatThrownBy(() -> mapper.map(request("{\"ticket\": \"#{ticket.title}\", \"message\": \"x\"}"),
                Hooks.CONNECTOR)).isInstanceOf(MappingException.class).hasMessage("ticket must be an object");
        assertThatThrownBy(() -> mapper.map(request("{\"message\": \"x\"}"), Hooks.CONNECTOR))
                .hasMessage("ticket is required: use Zammad's default webhook payload (no custom payload)");
        assertThatThrownBy(() -> mapper.map(request(payload("", article(1, "Robot", 3, false, "2020-11-13T15:00:00Z"))),
                Hooks.CONNECTOR)).hasMessage("article.sender must be one of: Customer, Agent, System");
        assertThatThrownBy(() -> mapper.map(request("{\"ticket\": {\"id\": 81}, \"article\": {}}"), Hooks.CONNECTOR))
                .hasMessage("ticket.created_at is required");
        assertThatThrownBy(() -> mapper.map(Hooks.request("ticket=81".getBytes(StandardCharsets.UTF_8), Map.of()),
                Hooks.CONNECTOR)).hasMessageStartingWith("body is not valid JSON");
    }
}
