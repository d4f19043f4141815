package io.deskpulse.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Recorder;

/**
 * Drives ingestion-service over HTTP: closed-loop clients, each on its own keep-alive connection, posting
 * prepared bodies as fast as the service answers. Counts what the 202s say (accepted, duplicates) and records
 * each request's latency. A 503 (Kafka busy) is resent after a pause, as a client should, and a 429 (the tenant's
 * rate limit) after a few milliseconds; both count as retries. Any other answer stops the run.
 */
public final class IngestDriver {

    public static final String BATCH = "application/cloudevents-batch+json";
    public static final String SINGLE = "application/cloudevents+json";
    public static final String NDJSON = "application/x-ndjson";

    /** A prepared request body of one tenant. */
    public record Body(int tenant, byte[] bytes, int events) {
    }

    public record Outcome(long events, long accepted, long duplicates, long requests, long retries, double seconds,
                          org.HdrHistogram.Histogram latencyMicros) {

        public double acceptedPerSecond() {
            return seconds > 0 ? accepted / seconds : 0;
        }

        public double eventsPerSecond() {
            return seconds > 0 ? events / seconds : 0;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final String[] keys;

    /** {@code keys[tenant]}: the ingest key of each tenant. */
    public IngestDriver(String url, String... keys) {
        this.url = url;
        this.keys = keys;
    }

    String key(int tenant) {
        return keys[tenant];
    }

    /** Posts every body once with {@code clients} concurrent clients; the clock runs from first send to last answer. */
    public Outcome postAll(List<Body> bodies, String contentType, int clients) throws Exception {
        return post(bodies, contentType, clients, Double.MAX_VALUE);
    }

    /** Posts bodies with {@code clients} clients for {@code seconds} (or until they run out). */
    public Outcome post(List<Body> bodies, String contentType, int clients, double seconds) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong events = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        Recorder latency = new Recorder(3);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long deadline = seconds == Double.MAX_VALUE ? Long.MAX_VALUE : start + (long) (seconds * 1e9);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                try (HttpConnection connection = new HttpConnection(url, 600_000)) {
                    while (System.nanoTime() < deadline) {
                        int i = next.getAndIncrement();
                        if (i >= bodies.size()) {
                            return null;
                        }
                        Body body = bodies.get(i);
                        long sent = System.nanoTime();
                        long[] counts = send(connection, body, contentType, retries);
                        latency.recordValue(Math.max(1, (System.nanoTime() - sent) / 1_000));
                        accepted.addAndGet(counts[0]);
                        duplicates.addAndGet(counts[1]);
                        events.addAndGet(body.events());
                        requests.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Outcome(events.get(), accepted.get(), duplicates.get(), requests.get(), retries.get(), elapsed,
                latency.getIntervalHistogram());
    }

    /** One NDJSON backfill request from a file. */
    public Outcome postFile(Path file, int tenant, long events) throws Exception {
        long start = System.nanoTime();
        try (HttpConnection connection = new HttpConnection(url, 1_800_000)) {
            for (int attempt = 0; ; attempt++) {
                HttpConnection.Response response = connection.post("/v1/events", keys[tenant], NDJSON, file);
                if (response.status() == 202) {
                    JsonNode body = JSON.readTree(response.body());
                    double elapsed = (System.nanoTime() - start) / 1e9;
                    return new Outcome(events, body.path("accepted").asLong(), body.path("duplicates").asLong(), 1,
                            attempt, elapsed, new org.HdrHistogram.Histogram(3));
                }
                if (response.status() != 503 || attempt >= 5) {
                    throw new IllegalStateException("ingestion answered " + response.status() + " to an NDJSON body: "
                            + abbreviate(response.text()));
                }
                Thread.sleep(2_000);
            }
        }
    }

    /** Sends one body; returns {accepted, duplicates}. */
    long[] send(HttpConnection connection, Body body, String contentType, AtomicLong retries)
            throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            HttpConnection.Response response = resendingRateLimited(
                    () -> connection.post("/v1/events", keys[body.tenant()], contentType, body.bytes()), retries);
            if (response.status() == 202) {
                return counts(response.body());
            }
            if (response.status() != 503 || attempt >= 10) {
                throw new IllegalStateException("ingestion answered " + response.status() + ": " + abbreviate(response.text()));
            }
            retries.incrementAndGet();
            Thread.sleep(200L * (attempt + 1));
        }
    }

    /** One request of a client, sent again as it is. */
    @FunctionalInterface
    interface Request {
        HttpConnection.Response send() throws IOException;
    }

    /**
     * Sends the request until its answer is not a 429, the tenant's rate limit (5,000 requests/s by default, met by
     * one-event requests and webhook deliveries): resent after a few milliseconds, at most 1,000 times, each resend
     * counted so that a figure capped by the limit says so.
     */
    static HttpConnection.Response resendingRateLimited(Request request, AtomicLong resent)
            throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            HttpConnection.Response response = request.send();
            if (response.status() != 429 || attempt >= 1_000) {
                return response;
            }
            resent.incrementAndGet();
            Thread.sleep(5); // a client's back-off before resending, not a wait for the service
        }
    }

    /** {"accepted":N,"duplicates":D}, read without a JSON parser (this runs thousands of times a second). */
    static long[] counts(byte[] body) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        return new long[] {number(text, "\"accepted\""), number(text, "\"duplicates\"")};
    }

    private static long number(String text, String field) {
        int at = text.indexOf(field);
        if (at < 0) {
            return 0;
        }
        int i = text.indexOf(':', at) + 1;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        long value = 0;
        while (i < text.length() && Character.isDigit(text.charAt(i))) {
            value = value * 10 + (text.charAt(i++) - '0');
        }
        return value;
    }

    static String abbreviate(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "..." : text;
    }
}
