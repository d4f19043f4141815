package io.deskpulse.scoring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.scoring.messaging.CloudEventDecoder;
import io.deskpulse.scoring.messaging.IncomingEvent;
import io.deskpulse.scoring.messaging.UndecodableEventException;
import io.deskpulse.scoring.support.ContractEvents;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Scoring decodes what the contract allows, and refuses what no valid producer writes. */
class ContractFixturesTest {

    private final CloudEventDecoder decoder = new CloudEventDecoder(new ObjectMapper());

    private IncomingEvent decode(String json) throws UndecodableEventException {
        return decoder.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyTicketEventTypeOfTheContractDecodes() throws Exception {
        String[][] samples = {
                {"ticket.created", "{\"ticket_id\":\"T\",\"channel\":\"email\",\"priority\":\"high\",\"customer_id\":\"c\"}"},
                {"ticket.assigned", "{\"ticket_id\":\"T\",\"agent_id\":null,\"team_id\":\"t-1\"}"},
                {"ticket.message", "{\"ticket_id\":\"T\",\"author\":\"agent\",\"agent_id\":\"a\",\"public\":false}"},
                {"ticket.status_changed", "{\"ticket_id\":\"T\",\"status\":\"on_hold\"}"},
                {"ticket.tagged", "{\"ticket_id\":\"T\",\"tags\":[\"complaint\"]}"},
                {"survey.csat", "{\"ticket_id\":\"T\",\"score\":3,\"comment\":\"ok\"}"}};
        for (String[] sample : samples) {
            IncomingEvent event = decode(ContractEvents.event("acme", "id-" + sample[0], sample[0],
                    "2026-11-02T09:00:00+01:00", sample[1]));
            assertThat(event.isTicketEvent()).as(sample[0]).isTrue();
            assertThat(event.ticketId()).isEqualTo("T");
            assertThat(event.timelineEvent().epochMillis()).isEqualTo(java.time.Instant.parse("2026-11-02T08:00:00Z")
                    .toEpochMilli());
        }
    }

    @Test
    void theOtherTypesOfTheContractDecodeAsIgnored() throws Exception {
        IncomingEvent nps = decode(ContractEvents.event("acme", "n-1", "survey.nps", "2026-11-02T09:00:00Z",
                "{\"score\":9}"));
        assertThat(nps.isTicketEvent()).isFalse();
        assertThat(nps.eventKey()).isEqualTo(CloudEventDecoder.eventKey("acme", "test/acme", "n-1"));
    }

    @Test
    void anExplicitNullAgentIsAnUnassignmentAndAnAbsentOneIsNot() throws Exception {
        var unassign = (io.deskpulse.scoring.domain.TicketFact.Assigned) decode(ContractEvents.event("acme", "a-1",
                "ticket.assigned", "2026-11-02T09:00:00Z", "{\"ticket_id\":\"T\",\"agent_id\":null}"))
                .timelineEvent().fact();
        var teamOnly = (io.deskpulse.scoring.domain.TicketFact.Assigned) decode(ContractEvents.event("acme", "a-2",
                "ticket.assigned", "2026-11-02T09:00:00Z", "{\"ticket_id\":\"T\",\"team_id\":\"t-2\"}"))
                .timelineEvent().fact();
        assertThat(unassign.agentGiven()).isTrue();
        assertThat(unassign.agentId()).isNull();
        assertThat(teamOnly.agentGiven()).isFalse();
    }

    @Test
    void theContractRejectsWhatScoringCouldNotUse() {
        assertThatThrownBy(() -> ContractEvents.event("acme", "x", "ticket.message", "2026-11-02T09:00:00Z",
                "{\"ticket_id\":\"T\",\"author\":\"agent\"}")).hasMessageContaining("agent_id");
        assertThatThrownBy(() -> ContractEvents.event("acme", "x", "survey.csat", "2026-11-02T09:00:00Z",
                "{\"ticket_id\":\"T\",\"score\":6}")).hasMessageContaining("score");
    }

    @Test
    void aRecordWithoutTenantIsRefused() {
        assertThatThrownBy(() -> decode("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"s\",\"type\":\"ticket.created\","
                + "\"time\":\"2026-11-02T09:00:00Z\",\"data\":{\"ticket_id\":\"T\",\"channel\":\"web\"}}"))
                .isInstanceOf(UndecodableEventException.class).hasMessage("deskpulsetenant is required");
    }
}
