package io.deskpulse.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class EventKeyTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String key(String json) throws Exception {
        return EventKey.of("acme", MAPPER.readTree(json));
    }

    @Test
    void ticketFirstThenAgentThenCustomerThenTheEventItself() throws Exception {
        assertThat(key("{\"source\":\"s\",\"id\":\"1\",\"type\":\"survey.csat\",\"data\":{\"ticket_id\":\"T-1\",\"agent_id\":\"a-1\"}}"))
                .isEqualTo("acme:T-1");
        assertThat(key("{\"source\":\"s\",\"id\":\"1\",\"data\":{\"ticket_id\":null,\"agent_id\":\"a-1\",\"customer_id\":\"c\"}}"))
                .isEqualTo("acme:agent:a-1");
        assertThat(key("{\"source\":\"s\",\"id\":\"1\",\"data\":{\"score\":9,\"customer_id\":\"c-9\"}}"))
                .isEqualTo("acme:customer:c-9");
        assertThat(key("{\"source\":\"zendesk/acme\",\"id\":\"nps-1\",\"data\":{\"score\":9}}"))
                .isEqualTo("acme:event:zendesk/acme:nps-1");
    }

    @Test
    void eventsAboutAnAgentAreKeyedByTheAgentEvenWhenTheyNameATicket() throws Exception {
        for (String type : new String[] {"agent.status_changed", "interaction.completed", "qa.review", "sale.converted",
                "peer.review"}) {
            assertThat(key("{\"source\":\"s\",\"id\":\"1\",\"type\":\"" + type
                    + "\",\"data\":{\"ticket_id\":\"T-1\",\"agent_id\":\"a-1\"}}")).as(type).isEqualTo("acme:agent:a-1");
        }
        assertThat(key("{\"source\":\"s\",\"id\":\"1\",\"type\":\"survey.nps\",\"data\":{\"ticket_id\":\"T-1\",\"agent_id\":\"a-1\"}}"))
                .isEqualTo("acme:T-1");
    }

    @Test
    void queueEventsAreKeyedByTheInteractionWhoseTimelineHoldsThem() throws Exception {
        for (String type : new String[] {"interaction.offered", "interaction.answered", "interaction.abandoned"}) {
            assertThat(key("{\"source\":\"s\",\"id\":\"1\",\"type\":\"" + type
                    + "\",\"data\":{\"interaction_id\":\"I-1\",\"agent_id\":\"a-1\"}}")).as(type).isEqualTo("acme:I-1");
        }
    }
}
