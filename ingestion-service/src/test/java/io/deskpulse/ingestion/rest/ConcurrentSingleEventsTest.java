package io.deskpulse.ingestion.rest;

import static io.deskpulse.ingestion.testing.TestEvents.INGEST_KEY;
import static io.deskpulse.ingestion.testing.TestEvents.csat;
import static io.deskpulse.ingestion.testing.TestEvents.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskpulse.ingestion.testing.IngestionKafkaResource;
import io.deskpulse.ingestion.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Single events sent by many clients at once, as helpdesk webhooks arrive: once enough requests wait for Kafka
 * (deskpulse.kafka.gather-from-waiting, 8), small requests go through the producer that lingers 1 ms so that they
 * share batches. Whichever producer takes a request, each gets its 202 only with its event in the topic, once.
 */
@QuarkusTest
@WithTestResource(IngestionKafkaResource.class)
class ConcurrentSingleEventsTest {

    private static final String GATHERING = "deskpulse_ingest_kafka_requests_total{producer=\"gathering\"}";
    private static final String IMMEDIATE = "deskpulse_ingest_kafka_requests_total{producer=\"immediate\"}";
    private static final String BATCHING = "deskpulse_ingest_kafka_requests_total{producer=\"batching\"}";
    private static final int CLIENTS = 48;

    @TestHTTPResource("/v1/events")
    URI events;

    @Test
    void concurrentSingleEventsShareBatchesAndEachArrivesOnce() throws Exception {
        Map<String, Double> before = Metrics.read();
        List<String> sent = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads).build();
        try (TopicReader topic = new TopicReader(IngestionKafkaResource.topic())) {
            Map<TopicPartition, Long> from = topic.endOffsets();
            // Bursts until one request found enough others waiting: which ones do is up to the scheduler.
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                sent.addAll(burst(client));
                return Metrics.read().getOrDefault(GATHERING, 0.0) > before.getOrDefault(GATHERING, 0.0);
            });

            ObjectMapper json = new ObjectMapper();
            List<String> written = new ArrayList<>();
            for (TopicReader.Record record : topic.readSince(from, sent.size())) {
                written.add(json.readTree(record.value()).get("id").asText());
            }
            assertThat(written).containsExactlyInAnyOrderElementsOf(sent);
        } finally {
            threads.shutdownNow();
        }
        Map<String, Double> after = Metrics.read();
        double small = after.get(GATHERING) - before.getOrDefault(GATHERING, 0.0)
                + after.get(IMMEDIATE) - before.getOrDefault(IMMEDIATE, 0.0);
        assertThat(small).isEqualTo(sent.size());
        assertThat(after.getOrDefault(BATCHING, 0.0)).isEqualTo(before.getOrDefault(BATCHING, 0.0));
    }

    /** {@value CLIENTS} single events posted at once; every answer must be a 202. The events' ids. */
    private List<String> burst(HttpClient client) {
        List<String> ids = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String id = unique("concurrent");
            ids.add(id);
            answers.add(client.sendAsync(HttpRequest.newBuilder(events)
                    .header("Authorization", "Bearer " + INGEST_KEY)
                    .header("Content-Type", "application/cloudevents+json")
                    .POST(HttpRequest.BodyPublishers.ofString(csat(id, unique("T"), 4))).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.join();
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        }
        return ids;
    }
}
