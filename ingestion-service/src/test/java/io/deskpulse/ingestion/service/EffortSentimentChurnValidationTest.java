package io.deskpulse.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The effort, sentiment and churn events of issue 16 (survey.ces, sentiment on ticket.message, ticket.sentiment,
 * customer.churned, customer.renewed) against the real contract schema: what is accepted, and each refusal as
 * (field, reason).
 */
class EffortSentimentChurnValidationTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final EventValidator VALIDATOR = EventValidator.fromClasspath(MAPPER);

    private static List<Violation> validate(String type, String data) throws Exception {
        return VALIDATOR.normaliseAndValidate((ObjectNode) MAPPER.readTree(
                "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"zendesk/acme\",\"type\":\"" + type
                        + "\",\"time\":\"2026-11-02T09:14:05Z\",\"data\":" + data + "}"));
    }

    @Test
    void validEventsPass() throws Exception {
        assertThat(validate("survey.ces", "{\"ticket_id\":\"T-1\",\"score\":7,\"agent_id\":\"a-1\",\"comment\":\"easy\"}"))
                .isEmpty();
        assertThat(validate("survey.ces", "{\"ticket_id\":\"T-1\",\"score\":5,\"scale\":\"1-5\"}")).isEmpty();
        assertThat(validate("survey.ces", "{\"ticket_id\":\"T-1\",\"score\":1,\"scale\":null}")).isEmpty();
        assertThat(validate("ticket.message", "{\"ticket_id\":\"T-1\",\"author\":\"customer\",\"sentiment\":-1}"))
                .isEmpty();
        assertThat(validate("ticket.message", "{\"ticket_id\":\"T-1\",\"author\":\"customer\",\"sentiment\":null}"))
                .isEmpty();
        assertThat(validate("ticket.sentiment", "{\"ticket_id\":\"T-1\",\"sentiment\":0.8,\"agent_id\":\"a-1\"}")).isEmpty();
        assertThat(validate("customer.churned", "{\"customer_id\":\"c-1\",\"revenue\":1200.5,\"currency\":\"EUR\"}"))
                .isEmpty();
        assertThat(validate("customer.renewed", "{\"customer_id\":\"c-1\",\"revenue\":null}")).isEmpty();
    }

    @Test
    void effortScoresAreIntegersOnTheirScale() throws Exception {
        assertThat(validate("survey.ces", "{\"ticket_id\":\"T-1\",\"score\":8}"))
                .containsExactly(new Violation("data.score", "must be <= 7"));
        assertThat(validate("survey.ces", "{\"ticket_id\":\"T-1\",\"score\":6,\"scale\":\"1-5\"}"))
                .containsExactly(new Violation("data.score", "must be <= 5"));
        assertThat(validate("survey.ces", "{\"score\":0,\"scale\":\"1-10\"}")).containsExactlyInAnyOrder(
                new Violation("data.ticket_id", "is required"), new Violation("data.score", "must be >= 1"),
                new Violation("data.scale", "must be one of: 1-7, 1-5"));
        assertThat(validate("survey.ces", "{\"ticket_id\":\"T-1\",\"score\":4.5}"))
                .containsExactly(new Violation("data.score", "must be an integer"));
    }

    @Test
    void sentimentLiesBetweenMinusOneAndOne() throws Exception {
        assertThat(validate("ticket.message", "{\"ticket_id\":\"T-1\",\"author\":\"customer\",\"sentiment\":1.01}"))
                .containsExactly(new Violation("data.sentiment", "must be <= 1"));
        assertThat(validate("ticket.sentiment", "{\"ticket_id\":\"T-1\",\"sentiment\":\"negative\"}"))
                .containsExactly(new Violation("data.sentiment", "must be a number"));
        assertThat(validate("ticket.sentiment", "{\"ticket_id\":\"T-1\"}"))
                .containsExactly(new Violation("data.sentiment", "is required"));
        assertThat(validate("ticket.sentiment", "{\"ticket_id\":\"T-1\",\"sentiment\":-2}"))
                .containsExactly(new Violation("data.sentiment", "must be >= -1"));
    }

    @Test
    void churnAndRenewalNameTheCustomer() throws Exception {
        assertThat(validate("customer.churned", "{\"revenue\":-1,\"currency\":\"EURO\"}")).containsExactlyInAnyOrder(
                new Violation("data.customer_id", "is required"), new Violation("data.revenue", "must be >= 0"),
                new Violation("data.currency", "must match the pattern ^[A-Za-z]{3}$"));
        assertThat(validate("customer.renewed", "{\"customer_id\":\"\"}"))
                .containsExactly(new Violation("data.customer_id", "must not be empty"));
    }
}
