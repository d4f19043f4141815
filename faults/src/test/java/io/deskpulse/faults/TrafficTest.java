package io.deskpulse.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrafficTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyDeliveryIsInOneBatchAndTheSameSeedGivesTheSameBodies() throws Exception {
        Traffic traffic = Traffic.generate(11, 2, 2_000, 25);

        long delivered = 0;
        Map<String, Integer> seen = new HashMap<>();
        for (Traffic.Batch batch : traffic.batches) {
            JsonNode body = JSON.readTree(batch.body());
            assertThat(body.size()).isEqualTo(batch.events().length).isLessThanOrEqualTo(25);
            for (int i = 0; i < body.size(); i++) {
                Traffic.Event event = traffic.events.get(batch.events()[i]);
                assertThat(body.get(i).get("id").asText()).isEqualTo(event.id());
                seen.merge(event.id(), 1, Integer::sum);
                delivered++;
            }
        }
        assertThat(delivered).isEqualTo(traffic.deliveries);
        assertThat(seen).hasSize(traffic.events.size());
        assertThat(seen.values()).as("some events are resent").contains(2);
        assertThat(traffic.events.size()).isBetween(1_800, 2_200);

        Traffic again = Traffic.generate(11, 2, 2_000, 25);
        assertThat(again.batches.get(7).body()).isEqualTo(traffic.batches.get(7).body());
    }

    @Test
    void eventsLieInWholePastDaysWithoutTiesOfOneTypeInATimeline() {
        Traffic traffic = Traffic.generate(12, 3, 3_000, 50);

        Set<String> slots = new HashSet<>();
        for (Traffic.Event event : traffic.events) {
            assertThat(event.time()).isBetween(traffic.from, traffic.until);
            String timeline = event.ticket() != null && !event.type().startsWith("agent.")
                    && !Set.of("interaction.completed", "qa.review", "sale.converted").contains(event.type())
                    ? event.ticket() : "agent:" + event.text("agent_id");
            assertThat(slots.add(timeline + event.type() + event.time())).as(event.id()).isTrue();
        }
        assertThat(traffic.until).isBefore(Instant.now());
        assertThat(traffic.lastDay()).isEqualTo(traffic.firstDay().plusDays(3));
    }

    @Test
    void theKeyIsScoringsIdentityOfTheEventForOneTenant() {
        Traffic.Event event = Traffic.generate(13, 1, 100, 10).events.get(0);

        assertThat(event.key("acme")).isEqualTo(java.util.UUID.nameUUIDFromBytes(("acme\u001f" + event.source() + "\u001f"
                + event.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(event.key("acme")).isNotEqualTo(event.key("globex"));
    }
}
