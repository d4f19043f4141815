package io.deskpulse.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local demo's traffic (deploy/local/demo.sh): the generator's {@link TrafficGenerator.Helpdesk#DEMO} helpdesk,
 * a week by default, posted to ingestion-service in batches like a real integration delivers it (some events out of
 * order, some hours late, some twice).
 *
 * <p>{@code java -cp deskpulse-benchmark.jar io.deskpulse.benchmark.DemoTraffic [--url U] [--key K] [--days N]
 * [--tickets-per-day N] [--seed N]}
 */
public final class DemoTraffic {

    static final int BATCH_SIZE = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The options, with the demo's defaults. */
    record Options(String url, String key, int days, int ticketsPerDay, long seed) {

        static Options parse(String[] args, String defaultKey, Instant now) {
            String url = "http://127.0.0.1:8081";
            String key = defaultKey;
            int days = 7;
            int perDay = 280;
            // A new seed per run gives new tickets; the same --seed again resends the same events (all duplicates).
            long seed = now.getEpochSecond() % 1_000_000;
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--url" -> url = value;
                    case "--key" -> key = value;
                    case "--days" -> days = Integer.parseInt(value);
                    case "--tickets-per-day" -> perDay = Integer.parseInt(value);
                    case "--seed" -> seed = Long.parseLong(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (--url, --key, --days, --tickets-per-day, --seed)");
                }
            }
            if (days < 1 || perDay < 1) {
                throw new IllegalArgumentException("--days and --tickets-per-day must be at least 1");
            }
            return new Options(url, key, days, perDay, seed);
        }
    }

    /** The generated traffic: every delivery in delivery order, and what the generator counted. */
    record Traffic(List<String> deliveries, TrafficGenerator.Counts counts) {
    }

    private DemoTraffic() {
    }

    public static void main(String[] args) throws Exception {
        Instant now = Instant.now();
        Options options;
        try {
            options = Options.parse(args, System.getenv().getOrDefault("DESKPULSE_DEMO_INGEST_KEY", "demo-ingest-key"),
                    now);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Traffic traffic = generate(options, now);
        System.out.printf("Generated %d tickets, %d events (%d deliveries with resends) over %d days, seed %d%n",
                traffic.counts().tickets(), traffic.counts().events(), traffic.counts().deliveries(), options.days(),
                options.seed());
        post(options, traffic.deliveries(), System.out);
    }

    /**
     * Generates and posts the demo traffic as {@link #main} does, for a test that needs the demo week in a stack of its
     * own (e2e-tests' DashboardBrowserTest); returns what was generated, to wait for.
     */
    public static TrafficGenerator.Counts post(String url, String key, int days, int ticketsPerDay, long seed,
            Instant now, PrintStream out) throws InterruptedException, IOException {
        Options options = new Options(url, key, days, ticketsPerDay, seed);
        Traffic traffic = generate(options, now);
        post(options, traffic.deliveries(), out);
        return traffic.counts();
    }

    /** The days up to {@code now} (today included, UTC) of the demo helpdesk, by the options' seed. */
    static Traffic generate(Options options, Instant now) {
        TrafficGenerator generator = new TrafficGenerator(options.seed(), "demo-" + options.seed(), false, 0, now,
                TrafficGenerator.Helpdesk.DEMO);
        Instant from = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(options.days() - 1L)
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        List<String> deliveries = new ArrayList<>();
        TrafficGenerator.Counts counts = generator.generateTickets("week", from, now, options.ticketsPerDay(),
                (tenant, json) -> deliveries.add(json));
        return new Traffic(deliveries, counts);
    }

    /** Posts the deliveries in batches of {@link #BATCH_SIZE}, four at a time; every batch must be accepted. */
    static void post(Options options, List<String> deliveries, PrintStream out)
            throws InterruptedException, IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicLong accepted = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> posts = new ArrayList<>();
        try {
            for (int from = 0; from < deliveries.size(); from += BATCH_SIZE) {
                String body = "[" + String.join(",", deliveries.subList(from, Math.min(deliveries.size(),
                        from + BATCH_SIZE))) + "]";
                posts.add(pool.submit(() -> {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(options.url() + "/v1/events"))
                            .header("Authorization", "Bearer " + options.key())
                            .header("Content-Type", "application/cloudevents-batch+json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 202) {
                        throw new IllegalStateException("ingestion answered " + response.statusCode() + ": "
                                + response.body());
                    }
                    JsonNode result = JSON.readTree(response.body());
                    accepted.addAndGet(result.path("accepted").asLong());
                    duplicates.addAndGet(result.path("duplicates").asLong());
                    return null;
                }));
            }
            for (Future<?> post : posts) {
                post.get();
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new IOException(cause.getMessage() != null ? cause.getMessage() : "posting to " + options.url()
                    + " failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        out.printf("Posted %d events in %d batches in %.1f s: %d accepted, %d recognised as duplicates%n",
                deliveries.size(), posts.size(), seconds, accepted.get(), duplicates.get());
    }
}
