package io.deskpulse.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrafficGeneratorTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:30:00Z");
    static final ObjectMapper JSON = new ObjectMapper();

    record Delivery(int tenant, String json) {
    }

    static List<Delivery> generate(long seed, String segment, long events, Duration window) {
        TrafficGenerator traffic = new TrafficGenerator(seed, "r" + seed, true, 0.1, NOW);
        List<Delivery> out = new ArrayList<>();
        traffic.generate(segment, NOW.minus(window), NOW, events, (tenant, json) -> out.add(new Delivery(tenant, json)));
        return out;
    }

    @Test
    void sameSeedSameEventsOtherSeedOtherIds() {
        List<Delivery> a = generate(42, "s", 5_000, Duration.ofDays(90));
        List<Delivery> b = generate(42, "s", 5_000, Duration.ofDays(90));
        List<Delivery> c = generate(43, "s", 5_000, Duration.ofDays(90));
        assertThat(a).isEqualTo(b);
        Set<String> ids = new HashSet<>();
        for (Delivery d : a) {
            ids.add(id(d.json()));
        }
        for (Delivery d : c) {
            assertThat(ids).doesNotContain(id(d.json()));
        }
    }

    @Test
    void aboutTheTargetWithinTheWindowOnBothTenantsEveryTypeAndChannel() throws Exception {
        TrafficGenerator traffic = new TrafficGenerator(7, "r7", true, 0.1, NOW);
        List<Delivery> out = new ArrayList<>();
        TrafficGenerator.Counts counts = traffic.generate("w", NOW.minus(Duration.ofDays(90)), NOW, 50_000,
                (tenant, json) -> out.add(new Delivery(tenant, json)));
        assertThat(counts.events()).isBetween(50_000L, 50_100L);
        assertThat(counts.deliveries()).isEqualTo(out.size()).isEqualTo(counts.events() + counts.resent());
        assertThat((double) counts.resent() / counts.events()).isBetween(0.01, 0.03);
        assertThat((double) counts.late() / counts.events()).isBetween(0.01, 0.03);
        assertThat((double) counts.perTenant()[1] / counts.events()).isBetween(0.05, 0.15);

        Set<String> types = new HashSet<>();
        Set<String> channels = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        int outOfOrder = 0;
        Map<String, Instant> lastOfTicket = new HashMap<>();
        for (Delivery d : out) {
            JsonNode event = JSON.readTree(d.json());
            Instant time = Instant.parse(event.get("time").asText());
            assertThat(time).isBetween(NOW.minus(Duration.ofDays(90)), NOW);
            types.add(event.get("type").asText());
            JsonNode channel = event.get("data").get("channel");
            if (channel != null) {
                channels.add(channel.asText());
            }
            seen.merge(event.get("id").asText(), 1, Integer::sum);
            JsonNode ticket = event.get("data").get("ticket_id");
            if (ticket != null) {
                Instant last = lastOfTicket.get(ticket.asText());
                if (last != null && time.isBefore(last)) {
                    outOfOrder++;
                }
                if (last == null || time.isAfter(last)) {
                    lastOfTicket.put(ticket.asText(), time);
                }
            }
        }
        assertThat(types).containsExactlyInAnyOrder("ticket.created", "ticket.assigned", "ticket.message",
                "ticket.status_changed", "ticket.tagged", "interaction.completed", "survey.csat", "survey.nps", "qa.review",
                "agent.status_changed", "sale.converted", "peer.review");
        assertThat(channels).containsExactlyInAnyOrder(TrafficGenerator.CHANNELS);
        assertThat(seen.values().stream().filter(n -> n > 1).count()).isEqualTo(counts.resent());
        assertThat(outOfOrder).as("events of a ticket delivered before earlier ones").isGreaterThan(500);
    }

    @Test
    void everyEventIsValidAgainstTheContract() throws Exception {
        JsonSchema schema = contract();
        TrafficGenerator traffic = new TrafficGenerator(11, "r11", true, 0.1, NOW);
        List<String> events = new ArrayList<>();
        traffic.generate("v", NOW.minus(Duration.ofDays(7)), NOW, 5_000, (tenant, json) -> events.add(json));
        events.add(traffic.probeEvent(3, NOW));
        for (String json : events) {
            assertThat(schema.validate(JSON.readTree(json))).as(json).isEmpty();
        }
        assertThat(RawProducerPhase.normalised(events.get(0), "bench-a")).endsWith(",\"deskpulsetenant\":\"bench-a\"}");
        assertThat(JSON.readTree(RawProducerPhase.normalised(events.get(0), "bench-a")).get("deskpulsetenant").asText())
                .isEqualTo("bench-a");
    }

    @Test
    void aShortWindowOfLiveTraffic() {
        List<Delivery> live = generate(5, "live", 2_000, Duration.ofHours(6));
        assertThat(live.size()).isBetween(2_000, 2_100);
    }

    private static String id(String json) {
        int at = json.indexOf("\"id\":\"") + 6;
        return json.substring(at, json.indexOf('"', at));
    }

    /** The event contract's schema, from the io.deskpulse:contract jar. */
    static JsonSchema contract() throws IOException {
        try (InputStream in = TrafficGeneratorTest.class.getClassLoader()
                .getResourceAsStream("schema/deskpulse-events-v1.schema.json")) {
            if (in == null) {
                throw new IllegalStateException("the event contract is not on the classpath (io.deskpulse:contract)");
            }
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(in));
        }
    }
}
