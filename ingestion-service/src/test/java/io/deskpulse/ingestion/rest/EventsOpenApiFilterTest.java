package io.deskpulse.ingestion.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskpulse.ingestion.service.EventValidator;
import org.junit.jupiter.api.Test;

/** The OpenAPI document's request examples are events the service accepts. */
class EventsOpenApiFilterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyExampleEventIsValidAgainstTheContract() throws Exception {
        EventValidator validator = EventValidator.fromClasspath(JSON);
        assertThat(EventsOpenApiFilter.EVENTS).hasSize(4);
        for (String event : EventsOpenApiFilter.EVENTS) {
            assertThat(validator.normaliseAndValidate((ObjectNode) JSON.readTree(event))).as(event).isEmpty();
        }
    }
}
