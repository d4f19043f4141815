package io.deskpulse.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fuzz suite (issue 13, docs/security.md "Fuzzing"): starts the three packaged services, sends generated hostile
 * requests to every endpoint their OpenAPI documents publish, then checks that no answer was a 5xx, that every 4xx is
 * problem+json, that the services are still ready, and that nothing was partially accepted: the fuzz tenant's records
 * on the topic equal the sum of {@code accepted} of the 202 answers, and each of its tables changed only where some
 * request was answered with a 2xx. Then the tenant-isolation matrix runs on the same stack.
 */
public final class FuzzSuite {

    static final String TENANT = "fuzz";
    private static final int TIMEOUT_MILLIS = 60_000;

    private FuzzSuite() {
    }

    public static void main(String[] args) throws Exception {
        FuzzResults results = run(args);
        System.exit(results.passed() ? 0 : 1);
    }

    public static FuzzResults run(String... args) throws Exception {
        Options options = Options.parse(args);
        if (options.recreateDatabase) {
            recreate(options);
        }
        long started = System.nanoTime();
        try (FuzzStack stack = new FuzzStack(options, List.of(TENANT, IsolationMatrix.A, IsolationMatrix.B))) {
            log("services on %s; topic %s; logs in %s", stack.ports, stack.topic, options.workDir);
            FuzzResults results = fuzz(options, stack);
            if (options.isolation) {
                results.isolation = new IsolationMatrix(stack).run();
            }
            results.seconds = (System.nanoTime() - started) / 1_000_000_000L;
            report(options, results);
            return results;
        }
    }

    static FuzzResults fuzz(Options options, FuzzStack stack) throws Exception {
        List<OpenApi.Endpoint> endpoints = new ArrayList<>();
        for (String service : FuzzStack.SERVICES) {
            endpoints.addAll(OpenApi.endpoints(service, stack.ports.get(service)));
        }
        // ingestion first: the generator gives its one endpoint the first turns
        endpoints.sort((a, b) -> Boolean.compare(!a.service().equals("ingestion"), !b.service().equals("ingestion")));
        log("%d endpoints: %s", endpoints.size(), endpoints.stream().map(e -> e.service() + " " + e.label()).toList());
        Generator generator = new Generator(options.seed, endpoints, Map.of(
                "ingestion", stack.key(TENANT, "ingest"), "scoring", stack.key(TENANT, "admin"),
                "reporting", stack.key(TENANT, "read")), stack.ports);

        FuzzResults results = new FuzzResults();
        results.seed = options.seed;
        results.rowsBefore = TenantCounts.rows(options.jdbcUrl, options.pgUser, options.pgPassword, TENANT);
        Tally tally = new Tally();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads + options.slow);
        List<Future<?>> work = new ArrayList<>();
        for (int s = 0; s < options.slow; s++) {
            int index = s;
            // the slow bodies run alongside the rest: a trickling client must not hold up the others
            work.add(pool.submit(() -> send(generator, generator.slow(index, options.slowSeconds * 1_000L), -1 - index,
                    tally)));
        }
        for (int t = 0; t < options.threads; t++) {
            work.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < options.requests; ) {
                    send(generator, generator.request(i), i, tally);
                    if (i > 0 && i % 1000 == 0) {
                        log("%d requests sent", i);
                    }
                }
            }));
        }
        for (Future<?> future : work) {
            future.get();
        }
        pool.shutdown();

        results.requests = tally.requests.get();
        results.slowRequests = options.slow;
        results.byEndpoint = tally.byEndpoint;
        results.byGenerator = tally.byGenerator;
        results.successfulWrites = tally.successfulWrites;
        results.beforeTheApplication = tally.beforeTheApplication;
        results.serverErrors = tally.serverErrors();
        results.noAnswer = tally.noAnswer.get();
        results.findings.addAll(tally.findings);
        results.acceptedEvents = tally.acceptedEvents.get();

        for (String service : FuzzStack.SERVICES) {
            if (!stack.alive(service) || !stack.ready(service)) {
                results.failures.add(service + " is not ready after the run (see " + stack.log(service) + ")");
            }
        }
        results.topicRecords = TenantCounts.records(options.kafka, stack.topic, TENANT);
        if (results.topicRecords != results.acceptedEvents) {
            results.failures.add("the topic holds " + results.topicRecords + " records of the fuzz tenant, but the 202 "
                    + "answers accepted " + results.acceptedEvents + " events");
        }
        results.rowsAfter = TenantCounts.rows(options.jdbcUrl, options.pgUser, options.pgPassword, TENANT);
        results.failures.addAll(unexplainedRows(results));
        log("%d requests, %d server errors, %d findings, %d failures", results.requests, results.serverErrors,
                results.findings.size(), results.failures.size());
        results.findings.forEach(finding -> log("finding %s", finding));
        results.failures.forEach(failure -> log("FAILED %s", failure));
        return results;
    }

    /**
     * Each table of the tenant may change only by as many rows as requests to its endpoints were answered with a 2xx;
     * the tables fed by events only if events were accepted or a recomputation or replay was.
     */
    static List<String> unexplainedRows(FuzzResults results) {
        Map<String, List<String>> writers = Map.of(
                "alert_rules", List.of("/v1/alert-rules"),
                "exemptions", List.of("/v1/settings/exemptions"),
                "scoring_model_versions", List.of("/v1/settings/scoring-models"),
                "tenant_settings_versions", List.of("PUT /v1/settings"),
                "recomputations", List.of("/v1/recomputations", "PUT /v1/settings"),
                "reconciliations", List.of("/v1/reconciliations"),
                "replays", List.of("/v1/replays"));
        List<String> failures = new ArrayList<>();
        long eventWrites = results.acceptedEvents + writes(results, List.of("/v1/recomputations", "/v1/replays",
                "/v1/settings", "/v1/alert-rules", "/v1/reconciliations"));
        for (Map.Entry<String, Long> after : results.rowsAfter.entrySet()) {
            long change = Math.abs(after.getValue() - results.rowsBefore.getOrDefault(after.getKey(), 0L));
            List<String> endpoints = writers.get(after.getKey());
            long allowed = endpoints == null ? (eventWrites > 0 ? Long.MAX_VALUE : 0) : writes(results, endpoints);
            if (change > allowed) {
                failures.add(after.getKey() + " changed by " + change + " rows for the fuzz tenant, but only " + allowed
                        + " requests that write it were answered with a 2xx");
            }
        }
        return failures;
    }

    private static long writes(FuzzResults results, List<String> endpoints) {
        return results.successfulWrites.entrySet().stream()
                .filter(e -> endpoints.stream().anyMatch(p -> p.startsWith("/") ? e.getKey().contains(" " + p)
                        : e.getKey().startsWith(p)))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static void send(Generator generator, Request request, int index, Tally tally) {
        RawHttp.Answer answer;
        try {
            answer = RawHttp.send(generator.port(request), request, TIMEOUT_MILLIS);
        } catch (IOException e) {
            answer = new RawHttp.Answer(-1, "", e.toString(), new byte[0]);
        }
        tally.record(index, request, answer);
    }

    private static void recreate(Options options) throws SQLException {
        String url = options.jdbcUrl;
        String name = url.substring(url.lastIndexOf('/') + 1);
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + "postgres",
                options.pgUser, options.pgPassword)) {
            connection.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            connection.createStatement().execute("CREATE DATABASE " + name);
        }
    }

    private static void report(Options options, FuzzResults results) throws IOException {
        if (options.json != null) {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(options.json.toFile(), results);
        }
        if (options.markdown != null) {
            Files.writeString(options.markdown, FuzzReport.rewrite(Files.readString(options.markdown), results, options));
        }
        Files.writeString(options.workDir.resolve("report.md"), FuzzReport.table(results, options));
    }

    static void log(String format, Object... args) {
        System.out.printf("[fuzz] " + format + "%n", args);
        System.out.flush();
    }
}
