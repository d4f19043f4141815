package io.deskpulse.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The single-event sweep (docs/performance.md): one event per request, as helpdesk webhooks send them, at 1, 16, 64
 * and 256 concurrent clients (the profile's {@link Profile#singleSweepClients}): {@code POST /v1/events} with fresh
 * generated events, then, when a connector can be created, signed Chatwoot {@code message_created} deliveries to
 * {@code POST /v1/hooks/{connector_id}} at the same levels. Each level reports events/s and the request latency's
 * p50 and p99.
 *
 * <p>It also runs on its own against any ingestion, which is how the before/after figures of a change to the
 * single-event path are taken back to back (docs/performance-changelog.md):
 *
 * <pre>
 * java -cp benchmark/target/deskpulse-benchmark.jar io.deskpulse.benchmark.SingleSweep --url http://127.0.0.1:8081 \
 *   --key KEY [--clients 1,16,64,256] [--seconds 10] [--connector cn_... --secret S [--events false]] [--seed N]
 * </pre>
 */
public final class SingleSweep {

    private SingleSweep() {
    }

    /** The events sweep, then the webhook sweep (when scoring creates a connector), into the results. */
    static void run(Context ctx, Results.Ingestion ingestion) throws Exception {
        List<Integer> levels = ctx.profile.singleSweepClients();
        double seconds = ctx.profile.singleSweepSeconds();
        int pool = pool(seconds);
        Log.info("ingestion, single-event sweep: %s clients, %.0f s each", levels, seconds);
        ingestion.singleSweep = new ArrayList<>();
        try (Context.CpuWindow ignored = ctx.cpu("ingestion-single-sweep")) {
            for (int clients : levels) {
                Bodies.Singles sink = new Bodies.Singles();
                ctx.traffic.generate("sweep-" + clients, ctx.ninetyDaysAgo(), ctx.now, pool, sink);
                ingestion.singleSweep.add(events(ctx.ingest, sink.bodies, clients, seconds));
            }
        }
        ctx.drain("the single-event sweep");
        String[] connector = WebhookPhase.createConnector(ctx);
        ingestion.webhookSweep = new ArrayList<>();
        String run = Long.toString(ctx.options.seed, 36) + Long.toString(System.nanoTime() % 1_000_000, 36);
        try (Context.CpuWindow ignored = ctx.cpu("ingestion-webhook-sweep")) {
            for (int clients : levels) {
                ingestion.webhookSweep.add(hooks(ctx.options.ingestUrl, connector, run + "c" + clients,
                        ctx.now.minus(Duration.ofDays(1)), clients, seconds));
            }
        }
        ctx.drain("the webhook sweep");
    }

    private static int pool(double seconds) {
        // More than the fastest level can take (~20,000 requests/s would be far above this machine's figure).
        return (int) Math.max(2_000, seconds * 20_000);
    }

    static Results.SweepLevel events(IngestDriver driver, List<IngestDriver.Body> bodies, int clients, double seconds)
            throws Exception {
        IngestDriver.Outcome outcome = driver.post(bodies, IngestDriver.SINGLE, clients, seconds);
        Results.SweepLevel level = level(clients, outcome.requests(), outcome.accepted(), outcome.seconds(),
                outcome.latencyMicros());
        level.ranOut = outcome.requests() >= bodies.size() ? Boolean.TRUE : null;
        level.resent = outcome.retries() > 0 ? outcome.retries() : null;
        Log.info("  POST /v1/events, %3d clients: %,8.0f events/s; request p50 %.1f ms, p99 %.1f ms", clients,
                level.eventsPerS, level.latencyP50Ms, level.latencyP99Ms);
        return level;
    }

    static Results.SweepLevel hooks(String url, String[] connector, String run, Instant base, int clients, double seconds)
            throws Exception {
        WebhookPhase.Delivered delivered = WebhookPhase.deliver(url, connector[0], connector[1], run, base, clients,
                seconds, pool(seconds));
        Results.SweepLevel level = level(clients, delivered.deliveries(), delivered.accepted(), delivered.seconds(),
                delivered.latencyMicros());
        level.ranOut = delivered.ranOut() ? Boolean.TRUE : null;
        level.resent = delivered.resent() > 0 ? delivered.resent() : null;
        Log.info("  POST /v1/hooks,  %3d clients: %,8.0f deliveries/s; request p50 %.1f ms, p99 %.1f ms", clients,
                level.eventsPerS, level.latencyP50Ms, level.latencyP99Ms);
        return level;
    }

    private static Results.SweepLevel level(int clients, long requests, long accepted, double seconds,
            org.HdrHistogram.Histogram micros) {
        Results.SweepLevel level = new Results.SweepLevel();
        level.clients = clients;
        level.requests = requests;
        level.eventsAccepted = accepted;
        level.seconds = ProcessProbe.round(seconds, 2);
        level.eventsPerS = (double) Math.round(seconds > 0 ? requests / seconds : 0);
        level.latencyP50Ms = IngestionPhase.millis(micros, 50);
        level.latencyP99Ms = IngestionPhase.millis(micros, 99);
        return level;
    }

    /** Standalone: the sweep against an ingestion given by URL and key (see the class comment). */
    public static void main(String[] args) throws Exception {
        String url = null;
        String key = null;
        String connector = null;
        String secret = null;
        List<Integer> levels = List.of(1, 16, 64, 256);
        double seconds = 10;
        long seed = 7;
        boolean events = true;
        for (int i = 0; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--url" -> url = value;
                case "--key" -> key = value;
                case "--connector" -> connector = value;
                case "--secret" -> secret = value;
                case "--seconds" -> seconds = Double.parseDouble(value);
                case "--seed" -> seed = Long.parseLong(value);
                case "--events" -> events = Boolean.parseBoolean(value);
                case "--clients" -> {
                    List<Integer> parsed = new ArrayList<>();
                    for (String n : value.split(",")) {
                        parsed.add(Integer.parseInt(n.trim()));
                    }
                    levels = parsed;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (url == null || key == null) {
            System.err.println("usage: SingleSweep --url URL --key INGEST_KEY [--clients 1,16,64,256] [--seconds 10] "
                    + "[--connector ID --secret SECRET [--events false]] [--seed N]");
            System.exit(2);
        }
        Instant now = Instant.now();
        String run = Long.toString(seed, 36) + Long.toString(System.nanoTime() % 1_000_000, 36);
        TrafficGenerator traffic = new TrafficGenerator(seed, run, false, 0, now);
        IngestDriver driver = new IngestDriver(url, key);
        for (int clients : events ? levels : List.<Integer>of()) {
            Bodies.Singles sink = new Bodies.Singles();
            traffic.generate("sweep-" + clients, now.minus(Duration.ofDays(90)), now, pool(seconds), sink);
            Results.SweepLevel level = events(driver, sink.bodies, clients, seconds);
            System.out.printf("events %d clients: %.0f events/s p50 %.2f ms p99 %.2f ms (%d accepted, %d requests, load %s)%n",
                    clients, level.eventsPerS, level.latencyP50Ms, level.latencyP99Ms, level.eventsAccepted, level.requests,
                    MachineInfo.loadAverage());
        }
        if (connector != null) {
            for (int clients : levels) {
                Results.SweepLevel level = hooks(url, new String[] {connector, secret}, run + "c" + clients,
                        now.minus(Duration.ofDays(1)), clients, seconds);
                System.out.printf("hooks %d clients: %.0f deliveries/s p50 %.2f ms p99 %.2f ms (%d accepted, %d requests, "
                        + "load %s)%n", clients, level.eventsPerS, level.latencyP50Ms, level.latencyP99Ms,
                        level.eventsAccepted, level.requests, MachineInfo.loadAverage());
            }
        }
    }
}
