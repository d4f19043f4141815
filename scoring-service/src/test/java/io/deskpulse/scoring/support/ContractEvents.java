package io.deskpulse.scoring.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Events as ingestion-service writes them to Kafka, for scoring's tests. Every event built here is
 * checked against the contract's JSON Schema, so these tests break when the contract and scoring's
 * idea of it part ways.
 */
public final class ContractEvents {

    /** The contract's schema in the io.deskpulse:contract jar (a test dependency). */
    public static final String SCHEMA = "schema/deskpulse-events-v1.schema.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchema CONTRACT = load();

    private ContractEvents() {
    }

    /** A valid event of the contract, with the tenant attribute ingestion adds. */
    public static String event(String tenant, String id, String type, String time, String dataJson) {
        try {
            ObjectNode event = MAPPER.createObjectNode();
            event.put("specversion", "1.0");
            event.put("id", id);
            event.put("source", "test/" + tenant);
            event.put("type", type);
            event.put("time", time);
            event.set("data", MAPPER.readTree(dataJson));
            Set<ValidationMessage> problems = CONTRACT.validate(event);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("fixture breaks the event contract: " + problems + " in " + event);
            }
            event.put("deskpulsetenant", tenant);
            return MAPPER.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Set<ValidationMessage> validate(JsonNode event) {
        return CONTRACT.validate(event);
    }

    private static JsonSchema load() {
        try (InputStream in = ContractEvents.class.getClassLoader().getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException(SCHEMA + " is not on the classpath (io.deskpulse:contract)");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the event contract " + SCHEMA, e);
        }
    }
}
