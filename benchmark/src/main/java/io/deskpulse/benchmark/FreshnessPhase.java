package io.deskpulse.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * End-to-end freshness under a steady load: an open-loop load of live traffic (event times over the last 7 days,
 * batches sent on a fixed schedule whatever the answers, so the rate is the offered one), and probes: every
 * ~100 ms a {@code ticket.created} of a probe team of its own. For each probe, the time from its 202 to the first
 * answer of {@code GET /v1/kpis?dimension=team&id=<probe team>&granularity=total&metrics=tickets_created&tz=UTC}
 * that counts it, polled every ~20 ms by a separate thread (all outstanding probes in one request, up to 100 ids).
 * Probes go to the second tenant by default, so that probe teams never show in the main tenant's reports.
 */
final class FreshnessPhase {

    private static final long POLL_NANOS = 20_000_000L;
    private static final Duration GRACE = Duration.ofSeconds(30);

    private FreshnessPhase() {
    }

    static Results.Freshness run(Context ctx) throws Exception {
        Profile profile = ctx.profile;
        int rate = profile.freshnessRate();
        double seconds = profile.freshnessSeconds();
        int batchSize = Math.max(10, Math.min(500, rate / 50));
        long events = (long) (rate * seconds * 1.05) + batchSize;
        Bodies.Batches sink = new Bodies.Batches(batchSize);
        ctx.traffic.generate("live", ctx.now.minus(Duration.ofDays(7)), ctx.now, events, sink);
        List<IngestDriver.Body> bodies = sink.finish();
        int probeTenant = ctx.options.probesOnB ? 1 : 0;
        String probeReadKey = probeTenant == 1 ? ctx.options.readKeyB : ctx.options.readKey;
        ctx.drain("everything before the steady load");

        Log.info("freshness: %,d events/s offered for %.0f s in batches of %d, a probe every %d ms (tenant %s)", rate,
                seconds, batchSize, profile.probeIntervalMs(), probeTenant == 1 ? ctx.options.tenantB : ctx.options.tenant);
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong lastAck = new AtomicLong();
        ConcurrentSkipListMap<Integer, Long> outstanding = new ConcurrentSkipListMap<>();
        Histogram freshness = new Histogram(3_600_000_000L, 3);
        long[] maxLag = {0};
        int[] probesSent = {0};
        long start = System.nanoTime() + 50_000_000L;
        long loadEnd = start + (long) (seconds * 1e9);
        ExecutorService senders = Executors.newFixedThreadPool(16);
        ThreadLocal<HttpConnection> connections = ThreadLocal.withInitial(() -> new HttpConnection(ctx.options.ingestUrl, 60_000));
        List<Future<?>> sent = new ArrayList<>();
        Thread prober = new Thread(() -> probe(ctx, probeTenant, start, loadEnd, outstanding, probesSent), "probes");
        StopFlag stop = new StopFlag();
        Thread poller = new Thread(() -> poll(ctx, probeReadKey, outstanding, freshness, stop), "poller");

        try (Context.CpuWindow ignored = ctx.cpu("freshness");
             ScoringMonitor.Recorder lag = ctx.scoring.record(500)) {
            prober.start();
            poller.start();
            long offered = 0;
            for (IngestDriver.Body body : bodies) {
                long due = start + (long) (offered * 1e9 / rate);
                if (due >= loadEnd) {
                    break;
                }
                parkUntil(due);
                offered += body.events();
                sent.add(senders.submit(() -> {
                    long[] counts = ctx.ingest.send(connections.get(), body, IngestDriver.BATCH, new AtomicLong());
                    acknowledged.addAndGet(counts[0] + counts[1]);
                    lastAck.accumulateAndGet(System.nanoTime(), Math::max);
                    return null;
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
            prober.join();
            // let the poller find the last probes
            long deadline = System.nanoTime() + GRACE.toNanos();
            while (!outstanding.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            stop.set();
            poller.join(10_000);
            for (ScoringMonitor.Sample sample : lag.samples()) {
                maxLag[0] = Math.max(maxLag[0], (long) sample.lag());
            }
        } finally {
            senders.shutdownNow();
            senders.awaitTermination(10, TimeUnit.SECONDS);
        }

        Results.Freshness result = new Results.Freshness();
        result.method = "open-loop batches of " + batchSize + " on a fixed schedule; probe = ticket.created of its own team, "
                + "every " + profile.probeIntervalMs() + " ms; freshness = from the probe's 202 to the first GET /v1/kpis "
                + "(dimension=team, granularity=total, tz=UTC) that counts it, polled every 20 ms from another thread";
        result.targetRate = rate;
        double loadSeconds = (Math.max(lastAck.get(), loadEnd) - start) / 1e9;
        result.achievedRate = (double) Math.round(acknowledged.get() / loadSeconds);
        result.seconds = ProcessProbe.round(loadSeconds, 1);
        result.probes = probesSent[0];
        result.probesUnseen = outstanding.size();
        result.maxLag = maxLag[0];
        if (freshness.getTotalCount() > 0) {
            result.p50Ms = ms(freshness.getValueAtPercentile(50));
            result.p95Ms = ms(freshness.getValueAtPercentile(95));
            result.p99Ms = ms(freshness.getValueAtPercentile(99));
            result.maxMs = ms(freshness.getMaxValue());
        }
        if (!outstanding.isEmpty()) {
            ctx.warn("freshness: " + outstanding.size() + " of " + probesSent[0] + " probes were not counted within "
                    + GRACE.toSeconds() + " s after the load ended (left out of the percentiles)");
        }
        Log.info("  achieved %,.0f events/s; %d probes: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms; max lag %,d",
                result.achievedRate, result.probes, nz(result.p50Ms), nz(result.p95Ms), nz(result.p99Ms), nz(result.maxMs),
                result.maxLag);
        return result;
    }

    private static double nz(Double value) {
        return value == null ? Double.NaN : value;
    }

    private static double ms(long micros) {
        return ProcessProbe.round(micros / 1000.0, 1);
    }

    static final class StopFlag {
        private volatile boolean set;

        void set() {
            set = true;
        }

        boolean isSet() {
            return set;
        }
    }

    private static void parkUntil(long due) {
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    private static void probe(Context ctx, int tenant, long start, long end, Map<Integer, Long> outstanding, int[] sent) {
        try (HttpConnection connection = new HttpConnection(ctx.options.ingestUrl, 60_000)) {
            for (int n = 0; ; n++) {
                long due = start + n * ctx.profile.probeIntervalMs() * 1_000_000L;
                if (due >= end) {
                    return;
                }
                parkUntil(due);
                byte[] body = ctx.traffic.probeEvent(n, Instant.now()).getBytes(StandardCharsets.UTF_8);
                HttpConnection.Response response = connection.post("/v1/events", ctx.ingest.key(tenant), IngestDriver.SINGLE, body);
                long acked = System.nanoTime();
                if (response.status() != 202) {
                    ctx.warn("a probe was answered " + response.status() + ": " + IngestDriver.abbreviate(response.text()));
                    continue;
                }
                outstanding.put(n, acked);
                sent[0]++;
            }
        } catch (Exception e) {
            ctx.warn("the probe thread failed: " + e);
        }
    }

    private static void poll(Context ctx, String readKey, ConcurrentSkipListMap<Integer, Long> outstanding, Histogram freshness,
                             StopFlag stop) {
        try (KpiClient kpis = new KpiClient(ctx.options.reportingUrl, readKey)) {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            String dates = "&from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
            while (!stop.isSet()) {
                long pollStart = System.nanoTime();
                Map<String, Integer> teams = new HashMap<>();
                StringBuilder query = new StringBuilder("dimension=team&granularity=total&metrics=tickets_created&tz=UTC");
                for (Integer n : outstanding.keySet()) {
                    if (teams.size() >= 100) {
                        break;
                    }
                    String team = ctx.traffic.probeTeam(n);
                    teams.put(team, n);
                    query.append("&id=").append(team);
                }
                if (!teams.isEmpty()) {
                    KpiClient.Answer answer = kpis.get(query + dates);
                    long seen = System.nanoTime();
                    for (JsonNode row : answer.rows()) {
                        Integer n = teams.get(row.path("id").asText());
                        if (n != null && row.path("tickets_created").asLong() >= 1) {
                            Long acked = outstanding.remove(n);
                            if (acked != null) {
                                freshness.recordValue(Math.max(1, (seen - acked) / 1_000));
                            }
                        }
                    }
                }
                parkUntil(pollStart + POLL_NANOS);
            }
        } catch (Exception e) {
            ctx.warn("the freshness poller failed: " + e);
        }
    }
}
