package io.deskpulse.ingestion.rest;

import static io.deskpulse.ingestion.testing.TestEvents.INGEST_KEY;
import static io.deskpulse.ingestion.testing.TestEvents.csat;
import static io.deskpulse.ingestion.testing.TestEvents.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.deskpulse.ingestion.service.UploadLimits;
import io.deskpulse.ingestion.testing.IngestionKafkaResource;
import io.deskpulse.ingestion.testing.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The NDJSON upload caps: one upload per tenant and one per instance here, and a spool budget of 256 KiB. */
@QuarkusTest
@TestProfile(UploadLimitsTest.Caps.class)
@WithTestResource(IngestionKafkaResource.class)
class UploadLimitsTest {

    public static class Caps implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("deskpulse.uploads.max-concurrent-per-tenant", "1", "deskpulse.uploads.max-concurrent", "1",
                    "deskpulse.uploads.spool-budget", "256K", "deskpulse.uploads.retry-after", "7s");
        }
    }

    private static final String NDJSON = "application/x-ndjson";
    private static final String OTHER_TENANT_KEY = "throttled-ingest-test-key-0001";

    @Inject
    UploadLimits uploads;

    @AfterEach
    void everythingIsReturned() {
        assertThat(uploads.running()).isZero();
        assertThat(uploads.spooled()).isZero();
    }

    @Test
    void anUploadBeyondTheSpoolBudgetIsRefusedItsSpoolFileDeletedAndNothingSent() throws IOException {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            body.append(csat(unique("spool"), unique("T"), 4)).append('\n');
        }
        assertThat(body.length()).isGreaterThan(300 * 1024);
        try (TopicReader topic = new TopicReader(IngestionKafkaResource.topic())) {
            Map<TopicPartition, Long> before = topic.endOffsets();
            given().header("Authorization", "Bearer " + INGEST_KEY).contentType(NDJSON)
                    .body(body.toString().getBytes(StandardCharsets.UTF_8)).post("/v1/events")
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "7")
                    .body("type", equalTo("https://deskpulse.io/problems/uploads-busy"))
                    .body("detail", org.hamcrest.Matchers.containsString("deskpulse.uploads.spool-budget"));
            assertThat(topic.countSince(before)).isZero();
        }
        assertThat(spoolFiles()).isZero();

        // the budget is back: a small upload goes through
        given().header("Authorization", "Bearer " + INGEST_KEY).contentType(NDJSON)
                .body((csat(unique("spool"), unique("T"), 4) + "\n").getBytes(StandardCharsets.UTF_8)).post("/v1/events").then().statusCode(202)
                .body("accepted", equalTo(1));
    }

    @Test
    void aSecondUploadOfTheTenantIs429AndOneOfAnotherTenant503WhileTheFirstRuns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        // Quarkus REST buffers the first 10 KiB of a body before the resource runs: the first part is larger.
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            lines.append(csat(unique("held"), unique("T"), 5)).append('\n');
        }
        byte[] first = lines.toString().getBytes(StandardCharsets.UTF_8);
        byte[] second = (csat(unique("held"), unique("T"), 3) + "\n").getBytes(StandardCharsets.UTF_8);
        // The first part is sent at once; the last line only when released, so the upload runs meanwhile.
        CompletableFuture<HttpResponse<String>> held = post(INGEST_KEY, new InputStream() {
            private int position;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (position == first.length) {
                    waitFor(release);
                }
                byte[] source = position < first.length ? first : second;
                int from = position < first.length ? position : position - first.length;
                if (from >= source.length) {
                    return -1;
                }
                int count = Math.min(length, source.length - from);
                System.arraycopy(source, from, buffer, offset, count);
                position += count;
                return count;
            }
        });
        await().atMost(Duration.ofSeconds(60)).until(() -> uploads.running() == 1);

        HttpResponse<String> sameTenant = post(INGEST_KEY, InputStream.nullInputStream()).get(60, TimeUnit.SECONDS);
        assertThat(sameTenant.statusCode()).isEqualTo(429);
        assertThat(sameTenant.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(sameTenant.body()).contains("https://deskpulse.io/problems/too-many-uploads")
                .contains("max-concurrent-per-tenant");

        HttpResponse<String> otherTenant = post(OTHER_TENANT_KEY, InputStream.nullInputStream()).get(60, TimeUnit.SECONDS);
        assertThat(otherTenant.statusCode()).isEqualTo(503);
        assertThat(otherTenant.body()).contains("https://deskpulse.io/problems/uploads-busy")
                .contains("deskpulse.uploads.max-concurrent)");

        release.countDown();
        HttpResponse<String> finished = held.get(60, TimeUnit.SECONDS);
        assertThat(finished.statusCode()).as(finished.body()).isEqualTo(202);
        assertThat(finished.body()).contains("\"accepted\":401");
    }

    private static void waitFor(CountDownLatch latch) throws IOException {
        try {
            if (!latch.await(2, TimeUnit.MINUTES)) {
                throw new IOException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static CompletableFuture<HttpResponse<String>> post(String key, InputStream body) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/v1/events"))
                .header("Authorization", "Bearer " + key).header("Content-Type", NDJSON)
                .timeout(Duration.ofMinutes(3))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static long spoolFiles() throws IOException {
        Path directory = Path.of("target/spool-test");
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.toString().endsWith(".spool")).count();
        }
    }
}
