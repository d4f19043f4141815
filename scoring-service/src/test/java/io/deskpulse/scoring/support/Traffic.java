package io.deskpulse.scoring.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskpulse.benchmark.TrafficGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Realistic helpdesk traffic for one tenant as ingestion writes it to Kafka: the benchmark's generator (full ticket
 * lifecycles, agents' shifts, interactions, QA, sales, surveys; roughly in time order with jitter, 2 % late, 2 %
 * sent twice), each event with the tenant attribute and keyed as ingestion keys it (docs/architecture.md).
 */
public final class Traffic {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> AGENT_TYPES = Set.of("agent.status_changed", "interaction.completed", "qa.review",
            "sale.converted", "peer.review");

    private Traffic() {
    }

    /** About {@code events} events with event times in [from, to), none after {@code now}, as (key, value) records. */
    public static List<String[]> records(String tenant, long seed, Instant from, Instant to, Instant now, long events) {
        List<String[]> records = new ArrayList<>();
        new TrafficGenerator(seed, tenant + "-" + seed, false, 0, now).generate("traffic", from, to, events,
                (t, json) -> records.add(record(tenant, json)));
        return records;
    }

    /** One event of the contract for this tenant, keyed. */
    public static String[] record(String tenant, String json) {
        try {
            ObjectNode event = (ObjectNode) MAPPER.readTree(json);
            event.put("deskpulsetenant", tenant);
            JsonNode data = event.get("data");
            String key;
            if (AGENT_TYPES.contains(event.get("type").asText()) || !data.hasNonNull("ticket_id")) {
                key = data.hasNonNull("agent_id") ? tenant + ":agent:" + data.get("agent_id").asText()
                        : tenant + ":customer:" + data.path("customer_id").asText();
            } else {
                key = tenant + ":" + data.get("ticket_id").asText();
            }
            return new String[] {key, MAPPER.writeValueAsString(event)};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
