package io.deskpulse.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskpulse.ingestion.service.ContractCheck.Verdict;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The fast check and the full JSON Schema validator agree: whatever the fast check calls valid, the full
 * validator finds nothing wrong with, and whatever it calls invalid, the full validator refuses. Checked over
 * the contract's fixtures (a valid event of every type, the invalid events of EventValidatorTest) and over
 * tens of thousands of events generated from the contract itself: every type, every data property absent,
 * null, well-formed or given one of many awkward values (boundary lengths, astral characters, numbers of every
 * JSON form, wrong types, upper case).
 */
class EventValidatorAgreementTest {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final EventValidator VALIDATOR = EventValidator.fromClasspath(MAPPER);

    /** The valid event of every type, as in scoring-service's ContractFixturesTest. */
    static final String[][] VALID_FIXTURES = {
            {"ticket.created", "{\"ticket_id\":\"T\",\"channel\":\"email\",\"priority\":\"high\",\"customer_id\":\"c\"}"},
            {"ticket.assigned", "{\"ticket_id\":\"T\",\"agent_id\":null,\"team_id\":\"t-1\"}"},
            {"ticket.message", "{\"ticket_id\":\"T\",\"author\":\"agent\",\"agent_id\":\"a\",\"public\":false}"},
            {"ticket.status_changed", "{\"ticket_id\":\"T\",\"status\":\"on_hold\"}"},
            {"ticket.tagged", "{\"ticket_id\":\"T\",\"tags\":[\"complaint\"]}"},
            {"survey.csat", "{\"ticket_id\":\"T\",\"score\":3,\"comment\":\"ok\"}"},
            {"agent.status_changed", "{\"agent_id\":\"a\",\"status\":\"busy\",\"team_id\":\"t\"}"},
            {"interaction.completed", "{\"agent_id\":\"a\",\"channel\":\"chat\",\"ticket_id\":\"T\",\"talk_s\":1.5}"},
            {"qa.review", "{\"agent_id\":\"a\",\"score\":87.5,\"reviewer_id\":\"r\"}"},
            {"sale.converted", "{\"agent_id\":\"a\",\"amount\":19.99,\"currency\":\"EUR\"}"},
            {"peer.review", "{\"agent_id\":\"a\",\"reviewer_id\":\"b\",\"score\":4}"},
            {"survey.nps", "{\"agent_id\":\"a\",\"score\":9}"},
            {"interaction.offered", "{\"interaction_id\":\"I\",\"channel\":\"phone\",\"queue_id\":\"q\",\"priority\":\"high\"}"},
            {"interaction.answered", "{\"interaction_id\":\"I\",\"agent_id\":\"a\",\"wait_s\":12.5}"},
            {"interaction.abandoned", "{\"interaction_id\":\"I\",\"wait_s\":3}"},
            {"survey.ces", "{\"ticket_id\":\"T\",\"score\":6,\"agent_id\":\"a\"}"},
            {"survey.ces", "{\"ticket_id\":\"T\",\"score\":4,\"scale\":\"1-5\"}"},
            {"ticket.message", "{\"ticket_id\":\"T\",\"author\":\"customer\",\"sentiment\":-0.6}"},
            {"ticket.sentiment", "{\"ticket_id\":\"T\",\"sentiment\":0.25}"},
            {"customer.churned", "{\"customer_id\":\"c\",\"revenue\":1200,\"currency\":\"EUR\",\"reason\":\"price\"}"},
            {"customer.renewed", "{\"customer_id\":\"c\"}"}};

    /** The invalid events of EventValidatorTest. */
    static final String[] INVALID_FIXTURES = {
            "{\"specversion\":\"1.0\",\"id\":\"e\",\"type\":\"survey.csat\",\"time\":\"2026-11-02T09:14:05Z\","
                    + "\"data\":{\"score\":3}}",
            event("ticket.created", "{\"ticket_id\":\"T-1\",\"channel\":\"fax\",\"priority\":\"asap\"}"),
            event("survey.csat", "{\"ticket_id\":5,\"score\":0,\"agent_id\":\"\"}"),
            event("qa.review", "{\"agent_id\":\"" + "a".repeat(129) + "\",\"score\":100.5}"),
            event("sale.converted", "{\"agent_id\":\"a\",\"currency\":\"EURO\",\"amount\":\"3\"}"),
            event("ticket.tagged", "{\"ticket_id\":\"T\",\"tags\":[\"ok\",7,\"" + "x".repeat(129) + "\"]}"),
            event("ticket.assigned", "{\"ticket_id\":\"T\"}"),
            event("Ticket.Message", "{\"ticket_id\":\"T\",\"author\":\"AGENT\"}"),
            event("interaction.offered", "{\"interaction_id\":\"I\",\"channel\":\"fax\"}"),
            event("interaction.answered", "{\"interaction_id\":\"I\",\"wait_s\":-1}"),
            event("interaction.abandoned", "{\"wait_s\":\"3\"}"),
            event("survey.ces", "{\"ticket_id\":\"T\",\"score\":6,\"scale\":\"1-5\"}"),
            event("ticket.sentiment", "{\"ticket_id\":\"T\",\"sentiment\":-1.5}"),
            event("customer.churned", "{\"revenue\":-1}"),
            "{\"specversion\":\"0.3\",\"id\":\"\",\"source\":\"s\",\"type\":\"ticket.closed\","
                    + "\"time\":\"2026-11-02T09:14:05\",\"data\":[]}"};

    /** Values a sender might put anywhere, as JSON text, so that the parser picks the node types. */
    private static final String[] AWKWARD = {
            "null", "true", "false", "{}", "{\"a\":1}", "[]", "[\"a\"]", "[\"a\",7]", "[null]",
            quoted(""), quoted("a"), quoted("T-1"), quoted("x".repeat(127)), quoted("x".repeat(128)),
            quoted("x".repeat(129)), quoted("\uD83D\uDE00".repeat(64)), quoted("\uD83D\uDE00".repeat(128)),
            quoted("\uD83D\uDE00".repeat(129)), quoted("é".repeat(128)), quoted("é".repeat(129)), quoted("EUR"),
            quoted("eur"), quoted("EU"), quoted("EURO"), quoted("USD\\n"), quoted("€€€"), quoted("x".repeat(10_001)),
            quoted("AGENT"), quoted("Email"), quoted("ticket.created"),
            "0", "1", "-1", "4", "5", "6", "9", "10", "11", "100", "101", "0.0", "-0.0", "0.5", "-0.5", "1.0", "3.0",
            "3.5", "4.0000000000000001", "99.99", "100.0", "100.5", "100.00000000000001", "1e2", "1E1", "-1e-9",
            "1.7976931348623157e308", "1e400", "-1e400", "12345678901234567890", "9223372036854775807",
            "-9223372036854775808", "2147483648", "-2147483649", "0.1e1", "5e-324"};

    private static final String[] TIMES = {"2026-11-02T09:14:05Z", "2026-11-02T09:14:05.123+05:30", "2026-11-02T09:14:05",
            "2026-02-30T09:14:05Z", "2026-11-02 09:14:05Z", "2026-11-02t09:14:05z", "yesterday", ""};

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static String event(String type, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"zendesk/acme\",\"type\":\"" + type
                + "\",\"time\":\"2026-11-02T09:14:05Z\",\"data\":" + data + "}";
    }

    /** Asserts agreement on one event and returns the fast check's verdict. */
    private static Verdict agree(String json) throws Exception {
        JsonNode node = MAPPER.readTree(json);
        if (!(node instanceof ObjectNode event)) {
            return Verdict.UNSURE;
        }
        VALIDATOR.normalise(event);
        Verdict fast = VALIDATOR.fastVerdict(event);
        List<Violation> schemaViolations = VALIDATOR.schemaViolations(event);
        if (fast == Verdict.VALID) {
            assertThat(schemaViolations).as("fast check said valid: %s", json).isEmpty();
        } else if (fast == Verdict.INVALID) {
            assertThat(schemaViolations).as("fast check said invalid: %s", json).isNotEmpty();
        }
        // The answer a sender gets does not depend on which path decided.
        assertThat(VALIDATOR.validate(event)).as(json).isEqualTo(VALIDATOR.validateInFull(event));
        return fast;
    }

    @Test
    void theContractIsCheckedByTheFastPath() {
        assertThat(VALIDATOR.fastCheckInForce()).isTrue();
    }

    @Test
    void everyValidFixtureIsPlainlyValid() throws Exception {
        for (String[] fixture : VALID_FIXTURES) {
            assertThat(agree(event(fixture[0], fixture[1]))).as(fixture[0]).isEqualTo(Verdict.VALID);
        }
    }

    @Test
    void everyInvalidFixtureIsLeftToTheFullValidator() throws Exception {
        for (String json : INVALID_FIXTURES) {
            assertThat(agree(json)).as(json).isNotEqualTo(Verdict.VALID);
            assertThat(VALIDATOR.validate((ObjectNode) MAPPER.readTree(json))).as(json).isNotEmpty();
        }
    }

    @Test
    void generatedEventsOfEveryTypeGetTheSameVerdict() throws Exception {
        JsonNode schema;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(EventValidator.SCHEMA_RESOURCE)) {
            schema = MAPPER.readTree(in);
        }
        Random random = new Random(20261130);
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        Set<String> typesSeenValid = new HashSet<>();
        List<String> types = new ArrayList<>();
        for (JsonNode branch : schema.path("allOf")) {
            types.add(branch.at("/if/properties/type/const").asText());
        }
        for (int i = 0; i < 40_000; i++) {
            String type = types.get(random.nextInt(types.size()));
            JsonNode data = schema.at(branchData(schema, type));
            String json = generate(random, type, data, i);
            Verdict verdict = agree(json);
            verdicts.merge(verdict, 1, Integer::sum);
            if (verdict == Verdict.VALID) {
                typesSeenValid.add(type);
            }
        }
        // The generator reaches both sides of the line often, for every type.
        assertThat(typesSeenValid).containsExactlyInAnyOrderElementsOf(types);
        assertThat(verdicts.getOrDefault(Verdict.VALID, 0)).isGreaterThan(4_000);
        assertThat(verdicts.getOrDefault(Verdict.INVALID, 0)).isGreaterThan(4_000);
    }

    private static String branchData(JsonNode schema, String type) {
        for (JsonNode branch : schema.path("allOf")) {
            if (branch.at("/if/properties/type/const").asText().equals(type)) {
                return branch.at("/then/properties/data/$ref").asText().substring(1);
            }
        }
        throw new IllegalArgumentException(type);
    }

    /** One event of the type: mostly well-formed, with a few members missing, null or awkward. */
    private static String generate(Random random, String type, JsonNode dataSchema, int n) {
        StringBuilder data = new StringBuilder("{");
        Set<String> required = new HashSet<>();
        dataSchema.path("required").forEach(r -> required.add(r.asText()));
        for (Map.Entry<String, JsonNode> property : dataSchema.path("properties").properties()) {
            String name = property.getKey();
            double present = required.contains(name) ? 0.95 : 0.6;
            if (random.nextDouble() >= present) {
                continue;
            }
            String value = random.nextDouble() < 0.85 ? wellFormed(random, property.getValue(), n)
                    : AWKWARD[random.nextInt(AWKWARD.length)];
            data.append(data.length() > 1 ? "," : "").append(quoted(name)).append(':').append(value);
        }
        if (random.nextDouble() < 0.1) {
            data.append(data.length() > 1 ? "," : "").append("\"unknown_field\":").append(AWKWARD[random.nextInt(AWKWARD.length)]);
        }
        data.append('}');
        List<String> members = new ArrayList<>();
        members.add(member(random, "specversion", quoted("1.0"), quoted("0.3"), "1.0"));
        members.add(member(random, "id", quoted("e-" + n), quoted(""), quoted("x".repeat(129)), "7"));
        members.add(member(random, "source", quoted("zendesk/acme"), quoted(""), "null"));
        members.add(member(random, "type", quoted(type), quoted(type.toUpperCase(Locale.ROOT)), quoted("ticket.closed"), "3"));
        members.add(member(random, "time", quoted(TIMES[random.nextInt(2)]), quoted(TIMES[random.nextInt(TIMES.length)]), "0"));
        members.add(member(random, "data", data.toString(), "[]", "null", "\"data\""));
        if (random.nextDouble() < 0.05) {
            members.add("\"deskpulsetenant\":\"globex\"");
        }
        if (random.nextDouble() < 0.05) {
            members.add("\"subject\":" + AWKWARD[random.nextInt(AWKWARD.length)]);
        }
        java.util.Collections.shuffle(members, random);
        return "{" + String.join(",", members) + "}";
    }

    /** The first choice most of the time, else one of the others, or the member left out. */
    private static String member(Random random, String name, String usual, String... others) {
        double roll = random.nextDouble();
        if (roll < 0.92) {
            return quoted(name) + ":" + usual;
        }
        if (roll < 0.98) {
            return quoted(name) + ":" + others[random.nextInt(others.length)];
        }
        return "\"x-" + name + "\":1";
    }

    /** A value the property's schema accepts, read off the schema (enum, type, bounds). */
    private static String wellFormed(Random random, JsonNode property, int n) {
        if (property.has("enum")) {
            JsonNode options = property.get("enum");
            JsonNode option = options.get(random.nextInt(options.size()));
            String text = option.isNull() ? "null" : quoted(option.asText());
            // Enumerations match case-insensitively: send some in upper case.
            return random.nextDouble() < 0.1 ? text.toUpperCase(Locale.ROOT).replace("NULL", "null") : text;
        }
        Set<String> typeNames = new HashSet<>();
        JsonNode type = property.path("type");
        if (type.isArray()) {
            type.forEach(t -> typeNames.add(t.asText()));
        } else {
            typeNames.add(type.asText());
        }
        if (typeNames.contains("null") && random.nextDouble() < 0.15) {
            return "null";
        }
        if (typeNames.contains("string")) {
            if (property.has("pattern")) {
                return quoted(random.nextBoolean() ? "EUR" : "usd");
            }
            int max = property.path("maxLength").asInt(40);
            int length = Math.max(property.path("minLength").asInt(0), Math.min(max, 1 + random.nextInt(12)));
            return quoted(random.nextDouble() < 0.1 ? "x".repeat(max) : ("v" + n + "-").repeat(12).substring(0, length));
        }
        if (typeNames.contains("integer") || typeNames.contains("number")) {
            long min = property.path("minimum").asLong(0);
            long max = property.path("maximum").asLong(1000);
            long value = min + random.nextInt((int) (max - min + 1));
            if (typeNames.contains("number") && random.nextBoolean()) {
                return value == max ? value + ".0" : value + "." + random.nextInt(100);
            }
            return Long.toString(value);
        }
        if (typeNames.contains("boolean")) {
            return random.nextBoolean() ? "true" : "false";
        }
        if (typeNames.contains("array")) {
            StringBuilder items = new StringBuilder("[");
            for (int i = 0, count = random.nextInt(4); i < count; i++) {
                items.append(i > 0 ? "," : "").append(quoted("tag-" + i));
            }
            return items.append(random.nextDouble() < 0.02 ? ",\"a\"".repeat(101) : "").append(']').toString()
                    .replace("[,", "[");
        }
        return "{}";
    }
}
