package io.deskpulse.scoring.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.scoring.domain.IncomingEvent;
import io.deskpulse.scoring.domain.TicketFact;
import io.deskpulse.scoring.messaging.CloudEventDecoder;
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
            assertThat(event.ticketEvent().epochMillis()).isEqualTo(java.time.Instant.parse("2026-11-02T08:00:00Z")
                    .toEpochMilli());
        }
    }

    @Test
    void queueEventsGoToTheInteractionsTimelineUnderItsId() throws Exception {
        var offered = decode(ContractEvents.event("acme", "o", "interaction.offered", "2026-11-02T09:00:00Z",
                "{\"interaction_id\":\"C-1\",\"channel\":\"phone\",\"queue_id\":\"q-1\",\"priority\":\"high\"}"));
        assertThat(offered.ticketId()).isEqualTo("C-1");
        assertThat(offered.ticketEvent().fact()).isEqualTo(new TicketFact.Offered("phone", "q-1", null, "high"));
        var answered = decode(ContractEvents.event("acme", "a", "interaction.answered", "2026-11-02T09:00:12Z",
                "{\"interaction_id\":\"C-1\",\"agent_id\":\"a-1\",\"wait_s\":12.3456}"));
        assertThat(answered.ticketId()).isEqualTo("C-1");
        assertThat(answered.ticketEvent().fact()).isEqualTo(new TicketFact.Answered("a-1", 12_346));
        var abandoned = decode(ContractEvents.event("acme", "b", "interaction.abandoned", "2026-11-02T09:00:04Z",
                "{\"interaction_id\":\"C-2\",\"wait_s\":4}"));
        assertThat(abandoned.ticketEvent().fact()).isEqualTo(new TicketFact.Abandoned(4_000));
    }

    @Test
    void effortSentimentAndChurnEventsDecode() throws Exception {
        var ces = decode(ContractEvents.event("acme", "c", "survey.ces", "2026-11-02T09:00:00Z",
                "{\"ticket_id\":\"T\",\"score\":4,\"scale\":\"1-5\",\"agent_id\":\"a-1\"}"));
        assertThat(ces.ticketEvent().fact()).isEqualTo(new TicketFact.Ces(5_500, "a-1"));
        var ces7 = decode(ContractEvents.event("acme", "c7", "survey.ces", "2026-11-02T09:00:00Z",
                "{\"ticket_id\":\"T\",\"score\":7}"));
        assertThat(ces7.ticketEvent().fact()).isEqualTo(new TicketFact.Ces(7_000, null));
        var message = decode(ContractEvents.event("acme", "m", "ticket.message", "2026-11-02T09:00:00Z",
                "{\"ticket_id\":\"T\",\"author\":\"customer\",\"sentiment\":-0.6666}"));
        assertThat(message.ticketEvent().fact()).isEqualTo(
                new TicketFact.Message(TicketFact.Author.CUSTOMER, null, true, -667));
        var agentMessage = decode(ContractEvents.event("acme", "m2", "ticket.message", "2026-11-02T09:00:00Z",
                "{\"ticket_id\":\"T\",\"author\":\"agent\",\"agent_id\":\"a\",\"sentiment\":-1}"));
        assertThat(((TicketFact.Message) agentMessage.ticketEvent().fact()).sentimentMilli()).isNull();
        var conversation = decode(ContractEvents.event("acme", "s", "ticket.sentiment", "2026-11-02T09:00:00Z",
                "{\"ticket_id\":\"T\",\"sentiment\":1}"));
        assertThat(conversation.ticketEvent().fact()).isEqualTo(new TicketFact.Sentiment(1_000, null));
        var churn = decode(ContractEvents.event("acme", "x", "customer.churned", "2026-11-02T09:00:00Z",
                "{\"customer_id\":\"c-1\",\"revenue\":99.9995,\"currency\":\"usd\"}"));
        assertThat(churn.isTicketEvent()).isFalse();
        assertThat(churn.isAgentEvent()).isFalse();
        assertThat(churn.customerEvent().churned()).isTrue();
        assertThat(churn.customerEvent().revenueMilli()).isEqualTo(100_000L);
        assertThat(churn.customerEvent().currency()).isEqualTo("USD");
        var renewal = decode(ContractEvents.event("acme", "r", "customer.renewed", "2026-11-02T09:00:00Z",
                "{\"customer_id\":\"c-1\"}"));
        assertThat(renewal.customerEvent().churned()).isFalse();
        assertThat(renewal.customerEvent().revenueMilli()).isNull();
    }

    @Test
    void aSentimentOutOfRangeOrAnEffortOffItsScaleIsRefused() {
        assertThatThrownBy(() -> decode("{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"s\",\"type\":"
                + "\"ticket.sentiment\",\"time\":\"2026-11-02T09:00:00Z\",\"deskpulsetenant\":\"acme\","
                + "\"data\":{\"ticket_id\":\"T\",\"sentiment\":1.5}}"))
                .isInstanceOf(UndecodableEventException.class).hasMessageContaining("data.sentiment");
        assertThatThrownBy(() -> decode("{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"s\",\"type\":"
                + "\"survey.ces\",\"time\":\"2026-11-02T09:00:00Z\",\"deskpulsetenant\":\"acme\","
                + "\"data\":{\"ticket_id\":\"T\",\"score\":6,\"scale\":\"1-5\"}}"))
                .isInstanceOf(UndecodableEventException.class).hasMessageContaining("data.score");
        assertThatThrownBy(() -> decode("{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"s\",\"type\":"
                + "\"customer.churned\",\"time\":\"2026-11-02T09:00:00Z\",\"deskpulsetenant\":\"acme\","
                + "\"data\":{}}")).isInstanceOf(UndecodableEventException.class).hasMessageContaining("customer_id");
    }

    @Test
    void aQueueEventWithoutWhatItNeedsIsRefused() {
        assertThatThrownBy(() -> decode("{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"s\",\"type\":"
                + "\"interaction.answered\",\"time\":\"2026-11-02T09:00:00Z\",\"deskpulsetenant\":\"acme\","
                + "\"data\":{\"interaction_id\":\"C-1\",\"agent_id\":\"a\"}}"))
                .isInstanceOf(UndecodableEventException.class).hasMessage("data.wait_s is required");
        assertThatThrownBy(() -> decode("{\"specversion\":\"1.0\",\"id\":\"x\",\"source\":\"s\",\"type\":"
                + "\"interaction.abandoned\",\"time\":\"2026-11-02T09:00:00Z\",\"deskpulsetenant\":\"acme\","
                + "\"data\":{\"wait_s\":3}}"))
                .isInstanceOf(UndecodableEventException.class).hasMessage("interaction_id is required");
    }

    @Test
    void everyAgentEventTypeOfTheContractGoesToTheAgentsTimeline() throws Exception {
        String[][] samples = {
                {"agent.status_changed", "{\"agent_id\":\"a\",\"status\":\"busy\",\"team_id\":\"t\"}"},
                {"interaction.completed", "{\"agent_id\":\"a\",\"channel\":\"chat\",\"ticket_id\":\"T\",\"talk_s\":1.5}"},
                {"qa.review", "{\"agent_id\":\"a\",\"score\":87.5,\"reviewer_id\":\"r\"}"},
                {"sale.converted", "{\"agent_id\":\"a\",\"amount\":19.99,\"currency\":\"EUR\"}"},
                {"peer.review", "{\"agent_id\":\"a\",\"reviewer_id\":\"b\",\"score\":4}"},
                {"survey.nps", "{\"agent_id\":\"a\",\"score\":9}"}};
        for (String[] sample : samples) {
            IncomingEvent event = decode(ContractEvents.event("acme", "id-" + sample[0], sample[0],
                    "2026-11-02T09:00:00Z", sample[1]));
            assertThat(event.isTicketEvent()).as(sample[0]).isFalse();
            assertThat(event.agentId()).as(sample[0]).isEqualTo("a");
        }
        var qa = (io.deskpulse.scoring.domain.AgentFact.QaReview) decode(ContractEvents.event("acme", "q", "qa.review",
                "2026-11-02T09:00:00Z", "{\"agent_id\":\"a\",\"score\":87.5}")).agentEvent().fact();
        assertThat(qa.scoreMilli()).isEqualTo(87_500);
        assertThat(qa.passed()).isNull();
    }

    @Test
    void npsGoesToItsTicketElseItsAgentElseTheNoAgentTimeline() throws Exception {
        IncomingEvent onTicket = decode(ContractEvents.event("acme", "n-1", "survey.nps", "2026-11-02T09:00:00Z",
                "{\"score\":9,\"ticket_id\":\"T\",\"agent_id\":\"a\"}"));
        IncomingEvent onAgent = decode(ContractEvents.event("acme", "n-2", "survey.nps", "2026-11-02T09:00:00Z",
                "{\"score\":9,\"agent_id\":\"a\"}"));
        IncomingEvent onNobody = decode(ContractEvents.event("acme", "n-3", "survey.nps", "2026-11-02T09:00:00Z",
                "{\"score\":9,\"customer_id\":\"c\"}"));
        assertThat(onTicket.ticketId()).isEqualTo("T");
        assertThat(onAgent.agentId()).isEqualTo("a");
        assertThat(onNobody.agentId()).isEmpty();
        assertThat(onNobody.eventKey()).isEqualTo(CloudEventDecoder.eventKey("acme", "test/acme", "n-3"));
    }

    @Test
    void anExplicitNullAgentIsAnUnassignmentAndAnAbsentOneIsNot() throws Exception {
        var unassign = (io.deskpulse.scoring.domain.TicketFact.Assigned) decode(ContractEvents.event("acme", "a-1",
                "ticket.assigned", "2026-11-02T09:00:00Z", "{\"ticket_id\":\"T\",\"agent_id\":null}"))
                .ticketEvent().fact();
        var teamOnly = (io.deskpulse.scoring.domain.TicketFact.Assigned) decode(ContractEvents.event("acme", "a-2",
                "ticket.assigned", "2026-11-02T09:00:00Z", "{\"ticket_id\":\"T\",\"team_id\":\"t-2\"}"))
                .ticketEvent().fact();
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
