package io.deskpulse.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The queue events of issue 16 against the real contract schema: what is accepted, and each refusal as (field, reason). */
class QueueEventValidationTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final EventValidator VALIDATOR = EventValidator.fromClasspath(MAPPER);

    private static List<Violation> validate(String type, String data) throws Exception {
        return VALIDATOR.normaliseAndValidate((ObjectNode) MAPPER.readTree(
                "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"genesys/acme\",\"type\":\"" + type
                        + "\",\"time\":\"2026-11-02T09:14:05Z\",\"data\":" + data + "}"));
    }

    @Test
    void validQueueEventsPass() throws Exception {
        assertThat(validate("interaction.offered",
                "{\"interaction_id\":\"C-1\",\"channel\":\"PHONE\",\"queue_id\":\"billing-de\",\"priority\":\"high\"}")).isEmpty();
        assertThat(validate("interaction.offered", "{\"interaction_id\":\"C-1\",\"channel\":\"chat\",\"team_id\":\"t\"}"))
                .isEmpty();
        assertThat(validate("interaction.answered", "{\"interaction_id\":\"C-1\",\"agent_id\":\"a-1\",\"wait_s\":14.2}"))
                .isEmpty();
        assertThat(validate("interaction.abandoned", "{\"interaction_id\":\"C-1\",\"wait_s\":0}")).isEmpty();
    }

    @Test
    void anOfferNeedsAnInteractionAChannelAndAQueueOrTeam() throws Exception {
        assertThat(validate("interaction.offered", "{\"channel\":\"fax\"}")).containsExactlyInAnyOrder(
                new Violation("data.interaction_id", "is required"),
                new Violation("data.channel", "must be one of: email, chat, phone, web, social, messaging, other"),
                new Violation("data", "must have at least one of: queue_id, team_id"));
        assertThat(validate("interaction.offered",
                "{\"interaction_id\":\"C-1\",\"channel\":\"chat\",\"queue_id\":\"\",\"priority\":\"asap\"}"))
                .containsExactlyInAnyOrder(new Violation("data.queue_id", "must not be empty"),
                        new Violation("data.priority", "must be one of: low, normal, high, urgent"));
    }

    @Test
    void anAnswerNeedsTheAgentAndANonNegativeWait() throws Exception {
        assertThat(validate("interaction.answered", "{\"interaction_id\":\"C-1\",\"wait_s\":-1}"))
                .containsExactlyInAnyOrder(new Violation("data.agent_id", "is required"),
                        new Violation("data.wait_s", "must be >= 0"));
        assertThat(validate("interaction.answered", "{\"interaction_id\":\"C-1\",\"agent_id\":\"a\"}"))
                .containsExactly(new Violation("data.wait_s", "is required"));
    }

    @Test
    void anAbandonmentNeedsTheInteractionAndANumericWait() throws Exception {
        assertThat(validate("interaction.abandoned", "{\"wait_s\":\"3\"}")).containsExactlyInAnyOrder(
                new Violation("data.interaction_id", "is required"), new Violation("data.wait_s", "must be a number"));
    }
}
