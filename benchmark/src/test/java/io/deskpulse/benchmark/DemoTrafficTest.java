package io.deskpulse.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The demo profile of the generator (deploy/local/demo.sh): what it generates, and how it posts it. */
class DemoTrafficTest {

    // A Wednesday: the week back from it has five weekdays (today cut at 10:30) and a weekend.
    private static final Instant NOW = TrafficGeneratorTest.NOW;

    @Test
    void aWeekOfTheDemoHelpdeskIsValidAgainstTheContract() throws Exception {
        DemoTraffic.Options options = DemoTraffic.Options.parse(new String[] {"--seed", "42"}, "k", NOW);
        DemoTraffic.Traffic traffic = DemoTraffic.generate(options, NOW);
        JsonSchema contract = TrafficGeneratorTest.contract();
        Set<String> teams = new HashSet<>();
        Set<String> agents = new HashSet<>();
        Set<String> channels = new HashSet<>();
        Set<String> ids = new HashSet<>();
        Instant from = Instant.parse("2026-11-19T00:00:00Z");
        for (String json : traffic.deliveries()) {
            JsonNode event = TrafficGeneratorTest.JSON.readTree(json);
            assertThat(contract.validate(event)).as(json).isEmpty();
            assertThat(event.get("source").asText()).isEqualTo("demo/helpdesk");
            assertThat(event.get("id").asText()).startsWith("demo-42-");
            Instant time = Instant.parse(event.get("time").asText());
            assertThat(time).isBetween(from, NOW);
            JsonNode data = event.get("data");
            if (data.hasNonNull("team_id")) {
                teams.add(data.get("team_id").asText());
            }
            if (data.hasNonNull("agent_id")) {
                agents.add(data.get("agent_id").asText());
            }
            if (data.hasNonNull("channel")) {
                channels.add(data.get("channel").asText());
            }
            ids.add(event.get("id").asText());
        }
        assertThat(teams).containsExactlyInAnyOrder("billing", "tech-support", "onboarding", "social-care");
        assertThat(agents).hasSize(33);
        assertThat(channels).containsExactlyInAnyOrder("email", "chat", "phone", "web", "social", "messaging");
        TrafficGenerator.Counts counts = traffic.counts();
        assertThat(ids).hasSize((int) counts.events());
        assertThat(counts.deliveries()).isEqualTo(traffic.deliveries().size()).isEqualTo(counts.events() + counts.resent());
        assertThat(counts.resent()).isPositive();
        assertThat(counts.late()).isPositive();
        // Six whole days (two at weekends, under half) and today until 10:30, 280 tickets a weekday, +-15 %.
        assertThat(counts.tickets()).isBetween(1_200L, 1_700L);
    }

    @Test
    void theSameSeedGivesTheSameEvents() {
        DemoTraffic.Options options = DemoTraffic.Options.parse(new String[] {"--seed", "7", "--days", "2"}, "k", NOW);
        assertThat(DemoTraffic.generate(options, NOW).deliveries())
                .isEqualTo(DemoTraffic.generate(options, NOW).deliveries());
    }

    @Test
    void optionsHaveTheDemoDefaultsAndRefuseWhatTheyDoNotKnow() {
        DemoTraffic.Options defaults = DemoTraffic.Options.parse(new String[0], "demo-ingest-key", NOW);
        assertThat(defaults).isEqualTo(new DemoTraffic.Options("http://127.0.0.1:8081", "demo-ingest-key", 7, 280,
                NOW.getEpochSecond() % 1_000_000));
        assertThat(DemoTraffic.Options.parse(new String[] {"--url", "http://h:1", "--key", "x", "--days", "3",
            "--tickets-per-day", "50", "--seed", "9"}, "k", NOW))
                .isEqualTo(new DemoTraffic.Options("http://h:1", "x", 3, 50, 9));
        assertThatThrownBy(() -> DemoTraffic.Options.parse(new String[] {"--colour", "red"}, "k", NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown option --colour");
        assertThatThrownBy(() -> DemoTraffic.Options.parse(new String[] {"--days"}, "k", NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("--days needs a value");
        assertThatThrownBy(() -> DemoTraffic.Options.parse(new String[] {"--days", "0"}, "k", NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }

    @Test
    void itPostsBatchesWithTheKeyAndCountsWhatIngestionAnswers() throws Exception {
        List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/events", exchange -> {
            JsonNode batch = TrafficGeneratorTest.JSON.readTree(exchange.getRequestBody());
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization") + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type"));
            batchSizes.add(batch.size());
            // The first event of each batch counts as a duplicate.
            respond(exchange, 202, "{\"accepted\":" + (batch.size() - 1) + ",\"duplicates\":1}");
        });
        server.start();
        try {
            DemoTraffic.Options options = new DemoTraffic.Options("http://127.0.0.1:" + server.getAddress().getPort(),
                    "secret", 1, 1, 1);
            List<String> deliveries = new ArrayList<>();
            for (int i = 0; i < 1_201; i++) {
                deliveries.add("{\"n\":" + i + "}");
            }
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            DemoTraffic.post(options, deliveries, new PrintStream(text, true, StandardCharsets.UTF_8));

            assertThat(batchSizes).containsExactlyInAnyOrder(500, 500, 201);
            assertThat(authorizations).containsOnly("Bearer secret application/cloudevents-batch+json");
            assertThat(text.toString(StandardCharsets.UTF_8)).startsWith("Posted 1201 events in 3 batches in ")
                    .endsWith(": 1198 accepted, 3 recognised as duplicates" + System.lineSeparator());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aRefusedBatchFailsThePost() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/events", exchange -> {
            exchange.getRequestBody().readAllBytes();
            respond(exchange, 401, "{\"title\":\"Unauthorized\"}");
        });
        server.start();
        try {
            DemoTraffic.Options options = new DemoTraffic.Options("http://127.0.0.1:" + server.getAddress().getPort(),
                    "wrong", 1, 1, 1);
            assertThatThrownBy(() -> DemoTraffic.post(options, List.of("{}"), new PrintStream(new ByteArrayOutputStream(),
                    true, StandardCharsets.UTF_8)))
                    .isInstanceOf(IOException.class).hasMessage("ingestion answered 401: {\"title\":\"Unauthorized\"}");
        } finally {
            server.stop(0);
        }
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
