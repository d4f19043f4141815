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
            assertThat(slots.add(Traffic.timeline(event) + event.type() + event.time())).as(event.id()).isTrue();
        }
        assertThat(traffic.until).isBefore(Instant.now());
        assertThat(traffic.lastDay()).isEqualTo(traffic.firstDay().plusDays(3));
    }

    /** docs/architecture.md, "The record on Kafka": the timeline each kind of event is kept in. */
    @Test
    void eachEventIsInTheTimelineScoringKeepsItIn() throws Exception {
        assertThat(Traffic.timeline(event("interaction.completed", "{\"agent_id\":\"a\",\"ticket_id\":\"T-1\"}")))
                .isEqualTo("agent:a");
        assertThat(Traffic.timeline(event("interaction.answered", "{\"interaction_id\":\"C-1\",\"agent_id\":\"a\"}")))
                .isEqualTo("interaction:C-1");
        assertThat(Traffic.timeline(event("survey.ces", "{\"ticket_id\":\"T-1\",\"score\":3}"))).isEqualTo("ticket:T-1");
        assertThat(Traffic.timeline(event("survey.nps", "{\"agent_id\":\"a\",\"score\":3}"))).isEqualTo("agent:a");
        assertThat(Traffic.timeline(event("customer.churned", "{\"customer_id\":\"c-1\"}"))).isEqualTo("customer:c-1");
    }

    private static Traffic.Event event(String type, String data) throws Exception {
        JsonNode node = JSON.readTree(data);
        return new Traffic.Event(0, "test", "e-1", type, Instant.parse("2026-11-02T09:00:00Z"),
                node.path("ticket_id").asText(null), node);
    }

    @Test
    void theKeyIsScoringsIdentityOfTheEventForOneTenant() {
        Traffic.Event event = Traffic.generate(13, 1, 100, 10).events.get(0);

        assertThat(event.key("acme")).isEqualTo(java.util.UUID.nameUUIDFromBytes(("acme\u001f" + event.source() + "\u001f"
                + event.id()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(event.key("acme")).isNotEqualTo(event.key("globex"));
    }
}
