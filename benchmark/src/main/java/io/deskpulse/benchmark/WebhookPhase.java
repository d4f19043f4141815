package io.deskpulse.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.HdrHistogram.Recorder;

/**
 * How fast ingestion takes helpdesk webhooks (docs/connectors.md) against single events: a Chatwoot connector of the
 * main tenant is created through scoring's admin API, then signed {@code message_created} deliveries (an agent's
 * public reply each, one canonical event) are posted to its hook URL with the clients and seconds of the single-event
 * phase. A delivery costs more than a single event: the signature, a second acknowledged record (the raw topic) and
 * the mapping.
 */
final class WebhookPhase {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookPhase() {
    }

    static Results.Webhooks run(Context ctx, Results.Singles singles) throws Exception {
        String[] connector = createConnector(ctx);
        int clients = ctx.profile.singleClients();
        double seconds = ctx.profile.singleSeconds();
        String run = Long.toString(ctx.options.seed, 36) + Long.toString(System.nanoTime() % 1_000_000, 36);
        Log.info("ingestion, webhooks: %d clients for %.0f s, Chatwoot message_created to /v1/hooks/%s", clients,
                seconds, connector[0]);
        Delivered delivered;
        try (Context.CpuWindow ignored = ctx.cpu("ingestion-webhooks")) {
            delivered = deliver(ctx.options.ingestUrl, connector[0], connector[1], run, ctx.now.minus(Duration.ofDays(1)),
                    clients, seconds, (int) Math.max(2_000, seconds * 4_000));
        }
        if (delivered.ranOut()) {
            ctx.warn("the webhook run used up its prepared deliveries before " + seconds + " s");
        }
        Results.Webhooks result = new Results.Webhooks();
        result.clients = clients;
        result.deliveries = delivered.deliveries();
        result.eventsAccepted = delivered.accepted();
        result.seconds = ProcessProbe.round(delivered.seconds(), 2);
        result.deliveriesPerS = (double) Math.round(delivered.perSecond());
        result.latencyP50Ms = IngestionPhase.millis(delivered.latencyMicros(), 50);
        result.latencyP99Ms = IngestionPhase.millis(delivered.latencyMicros(), 99);
        if (singles != null && singles.eventsPerS != null && singles.eventsPerS > 0) {
            result.ratioToSingles = ProcessProbe.round(result.deliveriesPerS / singles.eventsPerS, 2);
        }
        Log.info("  %,.0f deliveries/s (%,d, %,d events accepted); request p50 %.1f ms, p99 %.1f ms%s",
                result.deliveriesPerS, result.deliveries, result.eventsAccepted, result.latencyP50Ms, result.latencyP99Ms,
                result.ratioToSingles == null ? "" : "; " + result.ratioToSingles + " x single events");
        return result;
    }

    /** What a run of deliveries came to. */
    record Delivered(long deliveries, long accepted, long resent, double seconds, boolean ranOut,
                     org.HdrHistogram.Histogram latencyMicros) {

        double perSecond() {
            return seconds > 0 ? deliveries / seconds : 0;
        }
    }

    /**
     * Posts up to {@code pool} signed Chatwoot {@code message_created} deliveries (an agent's public reply each, one
     * canonical event) to the connector's hook with {@code clients} closed-loop clients for {@code seconds}. {@code run}
     * makes the deliveries of this run distinct from earlier ones (fresh events, not duplicates).
     */
    static Delivered deliver(String ingestUrl, String connectorId, String secret, String run, Instant base, int clients,
            double seconds, int pool) throws Exception {
        String path = "/v1/hooks/" + connectorId;
        // Signed now: Chatwoot's timestamp must stay within 5 minutes, longer than any run of this phase.
        long timestamp = Instant.now().getEpochSecond();
        List<Map.Entry<byte[], String>> bodies = new ArrayList<>(pool);
        int inbox = run.hashCode() & 0xffff;
        // Message ids are the canonical events' keys: each run (each level of a sweep, which shares one connector)
        // numbers its messages from its own base, or a later run's deliveries would be counted as retries.
        // (A million apart per unit of the run's hash: the levels' runs differ only in their last characters.)
        long firstMessage = (run.hashCode() & 0x7fffffffL) * 1_000_000L;
        for (int i = 0; i < pool; i++) {
            int conversation = 1_000_000 + i / 4;
            String body = """
                    {"event":"message_created","id":%d,"message_type":"outgoing","private":false,"content":"On it",\
                    "created_at":"%s","sender":{"id":%d,"type":"user"},"inbox":{"id":%d},\
                    "conversation":{"id":%d,"inbox_id":%d}}""".formatted(firstMessage + i, base.plusSeconds(i), 1 + i % 40,
                    inbox, conversation, inbox);
            bodies.add(Map.entry(body.getBytes(StandardCharsets.UTF_8), signature(secret, timestamp, body)));
        }
        AtomicInteger next = new AtomicInteger();
        AtomicLong deliveries = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong resent = new AtomicLong();
        Recorder latency = new Recorder(3);
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        List<Future<?>> workers = new ArrayList<>();
        try {
            for (int c = 0; c < clients; c++) {
                workers.add(threads.submit(() -> {
                    try (HttpConnection connection = new HttpConnection(ingestUrl, 60_000)) {
                        while (System.nanoTime() < deadline) {
                            int i = next.getAndIncrement();
                            if (i >= bodies.size()) {
                                return null;
                            }
                            Map.Entry<byte[], String> body = bodies.get(i);
                            long sent = System.nanoTime();
                            HttpConnection.Response response = IngestDriver.resendingRateLimited(
                                    () -> connection.post(path, Map.of(
                                            "X-Chatwoot-Timestamp", Long.toString(timestamp),
                                            "X-Chatwoot-Signature", body.getValue()), "application/json", body.getKey()),
                                    resent);
                            if (response.status() != 202) {
                                throw new IllegalStateException("ingestion answered a webhook " + response.status()
                                        + ": " + IngestDriver.abbreviate(response.text()));
                            }
                            latency.recordValue(Math.max(1, (System.nanoTime() - sent) / 1_000));
                            accepted.addAndGet(IngestDriver.counts(response.body())[0]);
                            deliveries.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            threads.shutdownNow();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Delivered(deliveries.get(), accepted.get(), resent.get(), elapsed, next.get() >= bodies.size(),
                latency.getIntervalHistogram());
    }

    /** POST /v1/connectors on scoring, then waits (at most 10 s) until ingestion knows it: {id, secret}. */
    static String[] createConnector(Context ctx) throws Exception {
        String id;
        String secret;
        try (HttpConnection scoring = new HttpConnection(ctx.options.scoringUrl, 30_000)) {
            HttpConnection.Response created = scoring.post("/v1/connectors", ctx.options.adminKey, "application/json",
                    "{\"platform\": \"chatwoot\", \"name\": \"benchmark\"}".getBytes(StandardCharsets.UTF_8));
            if (created.status() != 201) {
                throw new IllegalStateException("scoring answered the connector's creation " + created.status() + ": "
                        + IngestDriver.abbreviate(created.text()));
            }
            JsonNode answer = JSON.readTree(created.body());
            id = answer.path("connector").path("id").asText();
            secret = answer.path("secret").asText();
        }
        long until = System.nanoTime() + 10_000_000_000L;
        try (HttpConnection ingestion = new HttpConnection(ctx.options.ingestUrl, 30_000)) {
            while (true) {
                long now = Instant.now().getEpochSecond();
                String probe = "{\"event\":\"webhook_probe\"}";
                int status = ingestion.post("/v1/hooks/" + id, Map.of("X-Chatwoot-Timestamp", Long.toString(now),
                        "X-Chatwoot-Signature", signature(secret, now, probe)), "application/json",
                        probe.getBytes(StandardCharsets.UTF_8)).status();
                if (status == 202) {
                    return new String[] {id, secret};
                }
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("ingestion did not know the new connector within 10 s (" + status + ")");
                }
                Thread.sleep(200);
            }
        }
    }

    static String signature(String secret, long timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }
}
