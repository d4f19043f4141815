package io.deskpulse.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class CaseInsensitiveFieldsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode contract() throws Exception {
        try (InputStream in = CaseInsensitiveFieldsTest.class.getClassLoader()
                .getResourceAsStream(EventValidator.SCHEMA_RESOURCE)) {
            return MAPPER.readTree(in);
        }
    }

    @Test
    void derivesTheEnumeratedFieldsOfEveryTypeFromTheContract() throws Exception {
        CaseInsensitiveFields fields = CaseInsensitiveFields.fromSchema(contract());
        assertThat(fields.eventFields()).containsExactly("type");
        assertThat(fields.dataFields("ticket.created")).containsExactlyInAnyOrder("channel", "priority");
        assertThat(fields.dataFields("ticket.message")).containsExactly("author");
        assertThat(fields.dataFields("ticket.status_changed")).containsExactly("status");
        assertThat(fields.dataFields("interaction.completed")).containsExactly("channel");
        assertThat(fields.dataFields("agent.status_changed")).containsExactly("status");
        assertThat(fields.dataFields("ticket.tagged")).isEmpty();
        assertThat(fields.dataFields("survey.csat")).isEmpty();
    }

    @Test
    void followsANewEnumerationAddedToTheSchema() throws Exception {
        JsonNode schema = MAPPER.readTree("""
                {"properties": {"type": {"enum": ["a.b"]}, "mood": {"enum": ["calm"]}},
                 "allOf": [{"if": {"properties": {"type": {"const": "a.b"}}},
                            "then": {"properties": {"data": {"$ref": "#/$defs/ab"}}}}],
                 "$defs": {"ab": {"properties": {"kinds": {"type": "array", "items": {"enum": ["x", "y"]}},
                                                 "name": {"type": "string"}},
                                  "then": {"properties": {"level": {"enum": ["lo", "hi"]}}}}}}""");
        CaseInsensitiveFields fields = CaseInsensitiveFields.fromSchema(schema);
        ObjectNode event = (ObjectNode) MAPPER.readTree("""
                {"type": "A.B", "mood": "CALM", "data": {"kinds": ["X", "Y", 3], "name": "Keep Me", "level": "HI"}}""");
        fields.apply(event);
        assertThat(event.toString()).isEqualTo(
                "{\"type\":\"a.b\",\"mood\":\"calm\",\"data\":{\"kinds\":[\"x\",\"y\",3],\"name\":\"Keep Me\",\"level\":\"hi\"}}");
    }

    @Test
    void leavesNonStringsAndUnknownTypesAlone() throws Exception {
        CaseInsensitiveFields fields = CaseInsensitiveFields.fromSchema(contract());
        ObjectNode event = (ObjectNode) MAPPER.readTree("""
                {"type": "Unknown.Type", "data": {"channel": "EMAIL"}}""");
        fields.apply(event);
        assertThat(event.toString()).isEqualTo("{\"type\":\"unknown.type\",\"data\":{\"channel\":\"EMAIL\"}}");
        ObjectNode numeric = (ObjectNode) MAPPER.readTree("""
                {"type": "ticket.created", "data": {"channel": 5, "priority": null}}""");
        assertThat(fields.apply(numeric)).as("changed").isFalse();
        assertThat(numeric.toString()).isEqualTo("{\"type\":\"ticket.created\",\"data\":{\"channel\":5,\"priority\":null}}");
    }

    @Test
    void tellsWhetherAnythingChanged() throws Exception {
        CaseInsensitiveFields fields = CaseInsensitiveFields.fromSchema(contract());
        assertThat(fields.apply((ObjectNode) MAPPER.readTree("""
                {"type": "ticket.tagged", "data": {"tags": ["Urgent"], "ticket_id": "T-Mixed"}}"""))).isFalse();
        assertThat(fields.apply((ObjectNode) MAPPER.readTree("""
                {"type": "ticket.created", "data": {"channel": "email", "priority": "high", "ticket_id": "T-1"}}"""))).isFalse();
        assertThat(fields.apply((ObjectNode) MAPPER.readTree("""
                {"type": "ticket.created", "data": {"channel": "email", "priority": "High"}}"""))).isTrue();
        assertThat(fields.apply((ObjectNode) MAPPER.readTree("""
                {"type": "Ticket.Created", "data": {"channel": "email"}}"""))).isTrue();
    }
}
