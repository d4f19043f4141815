package io.deskpulse.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contact-center events the suite adds: valid, of every kind the oracles check, and with their edge cases. */
class ContactCenterTrafficTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyDeliveredEventIsValidAgainstTheContract() throws Exception {
        Traffic traffic = Traffic.generate(21, 3, 3_000, 50);
        JsonSchema schema = contract();
        for (Traffic.Batch batch : traffic.batches) {
            for (JsonNode event : JSON.readTree(batch.body())) {
                assertThat(schema.validate(event)).as(event.toString()).isEmpty();
            }
        }
    }

    @Test
    void theLoadHasEveryKindOfContactCenterEventAndItsEdgeCases() {
        Traffic traffic = Traffic.generate(22, 7, 30_000, 50);
        Map<String, Integer> kinds = new HashMap<>();
        for (Traffic.Event event : traffic.events) {
            JsonNode data = event.data();
            String kind = switch (event.type()) {
                case "interaction.abandoned" -> data.get("wait_s").asInt() < 5 ? "short abandon"
                        : data.get("wait_s").asInt() == 5 ? "abandon of exactly 5 s" : "abandon";
                case "interaction.answered" -> data.get("wait_s").asInt() == 20 ? "answered at 20 s" : "answered";
                case "survey.ces" -> "1-5".equals(event.text("scale")) ? "ces 1-5" : "ces 1-7";
                case "ticket.message" -> !data.has("sentiment") ? "message"
                        : "customer".equals(event.text("author")) ? "customer sentiment" : "agent sentiment (ignored)";
                case "ticket.sentiment" -> data.get("sentiment").asDouble() == -0.25 ? "conversation at -0.25"
                        : "conversation";
                case "customer.churned" -> data.has("revenue") ? "churn with revenue" : "churn without revenue";
                default -> event.type();
            };
            kinds.merge(kind, 1, Integer::sum);
        }
        assertThat(kinds).containsKeys("interaction.offered", "answered", "answered at 20 s", "abandon", "short abandon",
                "abandon of exactly 5 s", "ces 1-5", "ces 1-7", "customer sentiment", "agent sentiment (ignored)",
                "conversation", "conversation at -0.25", "churn with revenue", "churn without revenue",
                "customer.renewed");

        // the oracles see what they must: queues, effort, sentiment and cost on the tenant's days, churn too
        Map<String, Map<LocalDate, Long>> expected = CountOracle.expected(traffic.events, CostSettings.RUN);
        for (String metric : List.of("offered", "answered", "abandoned", "short_abandoned", "service_level_met",
                "ces_count", "ces_easy", "sentiment_count", "sentiment_negative", "online_s", "cost_total", "asa_s",
                "ces_sum", "sentiment_sum")) {
            assertThat(expected.get(metric).values().stream().mapToLong(Long::longValue).sum()).as(metric).isNotZero();
        }
        Map<String, Map<LocalDate, Long>> churn = ChurnOracle.expected(traffic.events);
        assertThat(churn.get("churned_customers")).isNotEmpty();
        assertThat(churn.get("renewed_customers")).isNotEmpty();
    }

    @Test
    void aMessagesSentimentIsDecidedByItsIdSoThatAResendCarriesTheSame() {
        Double first = ContactCenterTraffic.messageSentiment(5, "f5-faults-17", "customer");
        assertThat(ContactCenterTraffic.messageSentiment(5, "f5-faults-17", "customer")).isEqualTo(first);
        assertThat(ContactCenterTraffic.messageSentiment(5, "f5-faults-17", "bot")).isNull();
        long scored = 0;
        for (int i = 0; i < 1_000; i++) {
            if (ContactCenterTraffic.messageSentiment(5, "id-" + i, "customer") != null) {
                scored++;
            }
        }
        assertThat(scored).isBetween(330L, 470L);
    }

    private static JsonSchema contract() throws Exception {
        try (InputStream in = ContactCenterTrafficTest.class.getClassLoader()
                .getResourceAsStream("schema/deskpulse-events-v1.schema.json")) {
            assertThat(in).as("the event contract on the classpath (io.deskpulse:contract)").isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(in));
        }
    }
}
