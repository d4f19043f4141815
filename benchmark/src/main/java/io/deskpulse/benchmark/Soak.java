package io.deskpulse.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The soak run (deploy/local/soak.sh, docs/soak.md): live traffic at a steady offered rate for a long time, with alert
 * rules and period reports active, while every process is sampled: RSS, threads, heap after GC, consumer lag, database
 * size, and the p99 of ingestion and of a reporting query per sample window. At the end, every series is checked for
 * growth that does not level off (see {@link Trend}). Exits 1 when one does.
 */
public final class Soak {

    static final String USAGE = """
            usage: java -cp deskpulse-benchmark.jar io.deskpulse.benchmark.Soak [options]
              --minutes N          how long the load runs (default 30)
              --rate N             events/s offered, open loop (default 150)
              --sample-seconds N   sampling interval (default 30)
              --history-events N   posted first, over the 8 days before now, so that period reports have closed days
                                   to keep and the reporting query has a week to read (default 60000)
              --pid-dir DIR        deploy/local/.run: <service>.pid and kafka/kafka.pid
              --json FILE          the samples and the verdicts as JSON
              --seed N             traffic seed
            The URLs, tenants, keys, database and broker are those of the benchmark (defaults: the local stack).
            """;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> SERVICES = ProcessProbe.SERVICES;
    private static final String REPORT_QUERY = "dimension=team&granularity=day&tz=UTC"
            + "&metrics=tickets_created,tickets_resolved,first_response_avg_s,first_response_p90_s,csat_avg";

    /** One sample of everything, at {@code minute} minutes into the run. */
    public record Sample(double minute, Map<String, Double> values) {
    }

    public static void main(String[] args) throws Exception {
        double minutes = 30;
        int rate = 150;
        int sampleSeconds = 30;
        long history = 60_000;
        Path json = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--minutes" -> minutes = Double.parseDouble(args[++i]);
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--sample-seconds" -> sampleSeconds = Integer.parseInt(args[++i]);
                case "--json" -> json = Path.of(args[++i]);
                case "--history-events" -> history = Long.parseLong(args[++i]);
                case "-h", "--help" -> {
                    System.out.print(USAGE);
                    return;
                }
                default -> rest.add(args[i]);
            }
        }
        Options options = Options.parse(rest.toArray(String[]::new));
        int exit = new Soak(options, minutes, rate, sampleSeconds, history).run(json);
        System.exit(exit);
    }

    private final Options options;
    private final double minutes;
    private final int rate;
    private final int sampleSeconds;
    private final long history;
    private final IngestDriver ingest;
    private final ProcessProbe processes;
    private final Recorder ingestLatency = new Recorder(3);
    private final Recorder queryLatency = new Recorder(3);
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong offered = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong queryFailures = new AtomicLong();
    private final List<Sample> samples = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Soak(Options options, double minutes, int rate, int sampleSeconds, long history) {
        this.options = options;
        this.history = history;
        this.minutes = minutes;
        this.rate = rate;
        this.sampleSeconds = sampleSeconds;
        this.ingest = new IngestDriver(options.ingestUrl, options.ingestKey, options.ingestKeyB);
        this.processes = new ProcessProbe(options.pidDir, options.pids);
    }

    int run(Path jsonFile) throws Exception {
        String runId = "soak" + Long.toString(options.seed, 36);
        Log.info("soak %s: %,d events/s offered for %.0f min, a sample every %d s; processes %s", runId, rate, minutes,
                sampleSeconds, processes.pids());
        createAlertRules(runId);
        postHistory(runId);
        long start = System.nanoTime();
        long end = start + (long) (minutes * 60e9);
        ScoringMonitor scoring = new ScoringMonitor(options.scoringUrl, options.bootstrap, options.topic, options.scoringGroup);
        ExecutorService senders = Executors.newFixedThreadPool(8);
        ThreadLocal<HttpConnection> connections = ThreadLocal.withInitial(() -> new HttpConnection(options.ingestUrl, 120_000));
        Thread load = new Thread(() -> load(runId, start, end, senders, connections), "soak-load");
        Thread queries = new Thread(() -> query(end), "soak-queries");
        load.start();
        queries.start();
        try (Connection db = DriverManager.getConnection(options.jdbcUrl, options.dbUser, options.dbPassword)) {
            long next = start;
            while (next <= end) {
                parkUntil(next);
                Sample sample = sample((System.nanoTime() - start) / 60e9, scoring, db);
                samples.add(sample);
                Log.info("  %5.1f min: %s", sample.minute(), brief(sample.values()));
                next += sampleSeconds * 1_000_000_000L;
            }
            load.join();
            queries.join();
            senders.shutdown();
            senders.awaitTermination(2, TimeUnit.MINUTES);
        } finally {
            senders.shutdownNow();
            scoring.close();
        }

        Map<String, Trend.Verdict> verdicts = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(samples.get(samples.size() - 1).values().keySet());
        for (String name : names) {
            if (name.startsWith("p99") || name.startsWith("events.")) {
                continue;
            }
            double[] series = samples.stream().mapToDouble(s -> s.values().getOrDefault(name, Double.NaN)).toArray();
            double[] events = samples.stream().mapToDouble(s -> s.values().getOrDefault("events.accepted", 0.0)).toArray();
            verdicts.put(name, name.startsWith("db.") ? Trend.perEvent(series, events) : Trend.of(series));
        }
        notes.add(count(options.reportingUrl, "/v1/reports?limit=1000", options.readKey) + " period reports of "
                + options.tenant + " kept, " + count(options.reportingUrl, "/v1/alerts?limit=1000", options.readKey)
                + " alerts raised or resolved");
        boolean growing = verdicts.values().stream().anyMatch(v -> v.growing());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("run", runId);
        result.put("started", Instant.now().minusNanos(System.nanoTime() - start).toString());
        result.put("minutes", minutes);
        result.put("offered_rate", rate);
        result.put("offered_events", offered.get());
        result.put("accepted_events", accepted.get());
        result.put("failed_requests", failures.get());
        result.put("failed_queries", queryFailures.get());
        result.put("verdicts", verdicts);
        result.put("notes", notes);
        result.put("samples", samples);
        if (jsonFile != null) {
            Files.writeString(jsonFile, JSON.writeValueAsString(result));
        }
        System.out.println();
        System.out.println(table(verdicts));
        System.out.printf(Locale.ROOT, "offered %,d events, accepted %,d; %d failed requests, %d failed queries%n",
                offered.get(), accepted.get(), failures.get(), queryFailures.get());
        notes.forEach(n -> System.out.println("note: " + n));
        System.out.println(growing ? "GROWING: see the table" : "nothing grows without bound");
        return growing || failures.get() > 0 ? 1 : 0;
    }

    /** The week before: closed days for the period reports, a week for the reporting query. Not sampled. */
    private void postHistory(String runId) throws Exception {
        if (history <= 0) {
            return;
        }
        Instant now = Instant.now();
        TrafficGenerator traffic = new TrafficGenerator(options.seed, runId, true, 0.1, now);
        Bodies.Batches sink = new Bodies.Batches(500);
        traffic.generate("history", now.minus(Duration.ofDays(8)), now.minus(Duration.ofMinutes(20)), history, sink);
        IngestDriver.Outcome outcome = ingest.postAll(sink.finish(), IngestDriver.BATCH, 4);
        Log.info("  history: %,d events over the 8 days before now, %.0f events/s", outcome.events(),
                outcome.eventsPerSecond());
        try (ScoringMonitor scoring = new ScoringMonitor(options.scoringUrl, options.bootstrap, options.topic,
                options.scoringGroup)) {
            scoring.awaitDrained(Duration.ofMinutes(10), "the history");
        }
    }

    /** Rows of a reporting list (JSON {"rows": [...]}); -1 when it does not answer. */
    private static int count(String url, String path, String key) {
        try (HttpConnection http = new HttpConnection(url, 60_000)) {
            HttpConnection.Response response = http.get(path, key);
            return response.status() == 200 ? JSON.readTree(response.body()).path("rows").size() : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    /** Rules of both kinds of readings, on both tenants, evaluated every alert interval as the data arrives. */
    private void createAlertRules(String runId) throws Exception {
        String[] rules = {
            "{\"name\":\"%s slow first response\",\"metric\":\"first_response_avg_s\",\"dimension\":\"team\","
                    + "\"window_minutes\":60,\"comparison\":\">\",\"threshold\":600,\"min_volume\":5}",
            "{\"name\":\"%s low csat\",\"metric\":\"csat_avg\",\"dimension\":\"agent\",\"window_minutes\":120,"
                    + "\"comparison\":\"<\",\"threshold\":3.5,\"min_volume\":3}",
            "{\"name\":\"%s many tickets\",\"metric\":\"tickets_created\",\"dimension\":\"tenant\",\"window_minutes\":60,"
                    + "\"comparison\":\">\",\"threshold\":500,\"min_volume\":1}",
        };
        String[] adminKeys = {options.tenant + "-admin-key", options.tenantB + "-admin-key"};
        try (HttpConnection scoring = new HttpConnection(options.scoringUrl, 30_000)) {
            for (String key : adminKeys) {
                for (String rule : rules) {
                    HttpConnection.Response response = scoring.post("/v1/alert-rules", key, "application/json",
                            String.format(rule, runId).getBytes(StandardCharsets.UTF_8));
                    if (response.status() != 201) {
                        throw new IllegalStateException("POST /v1/alert-rules answered " + response.status() + ": "
                                + IngestDriver.abbreviate(response.text()));
                    }
                }
            }
        }
        Log.info("  %d alert rules on each tenant", rules.length);
    }

    /**
     * Live traffic: every minute, the next minute's events with event times over the last 15 minutes (as helpdesk
     * webhooks deliver them), sent in batches on a fixed schedule whatever the answers (open loop).
     */
    private void load(String runId, long start, long end, ExecutorService senders,
            ThreadLocal<HttpConnection> connections) {
        int batchSize = Math.max(10, Math.min(200, rate / 10));
        long sentEvents = 0;
        try {
            for (int minute = 0; start + minute * 60_000_000_000L < end; minute++) {
                Instant now = Instant.now();
                TrafficGenerator traffic = new TrafficGenerator(options.seed + minute, runId, true, 0.1, now);
                Bodies.Batches sink = new Bodies.Batches(batchSize);
                traffic.generate("m" + minute, now.minus(Duration.ofMinutes(15)), now, rate * 60L, sink);
                for (IngestDriver.Body body : sink.finish()) {
                    long due = start + (long) (sentEvents * 1e9 / rate);
                    if (due >= end) {
                        return;
                    }
                    parkUntil(due);
                    sentEvents += body.events();
                    offered.addAndGet(body.events());
                    senders.submit(() -> {
                        long sent = System.nanoTime();
                        try {
                            long[] counts = ingest.send(connections.get(), body, IngestDriver.BATCH, new AtomicLong());
                            accepted.addAndGet(counts[0] + counts[1]);
                            ingestLatency.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                        } catch (Exception e) {
                            if (failures.incrementAndGet() <= 5) {
                                Log.info("  WARNING: a batch failed: %s", e.getMessage());
                            }
                        }
                    });
                }
            }
        } catch (RuntimeException e) {
            notes.add("the load thread failed: " + e);
        }
    }

    /** A manager's dashboard: the last 7 days by team and day, every 5 s, every page. */
    private void query(long end) {
        try (KpiClient kpis = new KpiClient(options.reportingUrl, options.readKey)) {
            while (System.nanoTime() < end) {
                LocalDate today = LocalDate.now(ZoneOffset.UTC);
                long sent = System.nanoTime();
                try {
                    kpis.fetch(REPORT_QUERY + "&from=" + today.minusDays(6) + "&to=" + today.plusDays(1));
                    queryLatency.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
                } catch (Exception e) {
                    if (queryFailures.incrementAndGet() <= 5) {
                        Log.info("  WARNING: the reporting query failed: %s", e.getMessage());
                    }
                }
                parkUntil(sent + 5_000_000_000L);
            }
        }
    }

    private Sample sample(double minute, ScoringMonitor scoring, Connection db) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (Map.Entry<String, Long> process : processes.pids().entrySet()) {
            Map<String, Long> status = status(process.getValue());
            values.put("rss_mb." + process.getKey(), status.containsKey("VmRSS") ? status.get("VmRSS") / 1024.0 : Double.NaN);
            values.put("threads." + process.getKey(), status.containsKey("Threads") ? (double) status.get("Threads") : Double.NaN);
        }
        String[] urls = {options.ingestUrl, options.scoringUrl, options.reportingUrl};
        for (int i = 0; i < SERVICES.size(); i++) {
            Map<String, Double> metrics = metrics(urls[i]);
            // The old generation's size after the last collection of it: what stays live.
            values.put("heap_after_gc_mb." + SERVICES.get(i),
                    metrics.getOrDefault("jvm_gc_live_data_size_bytes", Double.NaN) / (1024 * 1024));
            values.put("old_gen_used_mb." + SERVICES.get(i), metrics.entrySet().stream()
                    .filter(e -> e.getKey().startsWith("jvm_memory_used_bytes{") && e.getKey().contains("area=\"heap\"")
                            && (e.getKey().contains("Tenured") || e.getKey().contains("Old")))
                    .mapToDouble(Map.Entry::getValue).sum() / (1024 * 1024));
            if (i == 0) {
                values.put("ingest_waiting_requests", metrics.getOrDefault("deskpulse_ingest_kafka_waiting_requests", Double.NaN));
                values.put("ingest_buffer_used_kb", metrics.getOrDefault("deskpulse_ingest_kafka_buffer_used_bytes", Double.NaN) / 1024);
            }
        }
        values.put("lag.committed", (double) scoring.behind(scoring.endOffsets()));
        values.put("lag.gauge", scoring.sample().lag());
        try (Statement statement = db.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_database_size(current_database())")) {
            rs.next();
            values.put("db.size_mb", rs.getLong(1) / (1024.0 * 1024));
        } catch (Exception e) {
            values.put("db.size_mb", Double.NaN);
        }
        values.put("events.accepted", (double) accepted.get());
        values.put("p99_ingest_ms", p99(ingestLatency.getIntervalHistogram()));
        values.put("p99_query_ms", p99(queryLatency.getIntervalHistogram()));
        return new Sample(ProcessProbe.round(minute, 2), values);
    }

    private static double p99(Histogram histogram) {
        return histogram.getTotalCount() == 0 ? Double.NaN
                : ProcessProbe.round(histogram.getValueAtPercentile(99) / 1000.0, 1);
    }

    /** Every deskpulse_ and jvm_ series of a service, by name and labels as written. */
    private static Map<String, Double> metrics(String url) {
        Map<String, Double> values = new LinkedHashMap<>();
        try (HttpConnection http = new HttpConnection(url, 30_000)) {
            HttpConnection.Response response = http.get("/q/metrics", null);
            if (response.status() != 200) {
                return values;
            }
            for (String line : response.text().split("\n")) {
                if (line.startsWith("jvm_") || line.startsWith("deskpulse_")) {
                    int space = line.lastIndexOf(' ');
                    try {
                        values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
                    } catch (NumberFormatException ignored) {
                        // NaN and the like
                    }
                }
            }
        } catch (Exception e) {
            // not answering: NaN in the sample
        }
        return values;
    }

    private static Map<String, Long> status(long pid) {
        Map<String, Long> values = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:") || line.startsWith("Threads:")) {
                    values.put(line.substring(0, line.indexOf(':')), Long.parseLong(line.split("\\s+")[1]));
                }
            }
        } catch (Exception e) {
            // gone: NaN in the sample
        }
        return values;
    }

    private String table(Map<String, Trend.Verdict> verdicts) {
        Sample first = samples.get(0);
        Sample last = samples.get(samples.size() - 1);
        StringBuilder out = new StringBuilder("| series | start | end | min | max | verdict |\n|---|---:|---:|---:|---:|---|\n");
        for (Map.Entry<String, Trend.Verdict> e : verdicts.entrySet()) {
            Trend.Verdict v = e.getValue();
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", e.getKey(),
                    fmt(first.values().get(e.getKey())), fmt(last.values().get(e.getKey())), fmt(v.min()), fmt(v.max()),
                    v.summary()));
        }
        // p99s: the first and last two windows with answers, as the samples hold one window each
        out.append(String.format(Locale.ROOT, "| p99 ingest (batch of %d), ms | %s | %s | | | per %d s window |%n",
                Math.max(10, Math.min(200, rate / 10)), fmt(edge("p99_ingest_ms", true)), fmt(edge("p99_ingest_ms", false)),
                sampleSeconds));
        out.append(String.format(Locale.ROOT, "| p99 reporting query, ms | %s | %s | | | per %d s window |%n",
                fmt(edge("p99_query_ms", true)), fmt(edge("p99_query_ms", false)), sampleSeconds));
        return out.toString();
    }

    /** The mean of the first (or last) three windows that have a p99. */
    private double edge(String name, boolean start) {
        List<Double> found = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            Double value = samples.get(start ? i : samples.size() - 1 - i).values().get(name);
            if (value != null && !value.isNaN()) {
                found.add(value);
                if (found.size() == 3) {
                    break;
                }
            }
        }
        return found.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static String fmt(Double value) {
        return value == null || value.isNaN() ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String brief(Map<String, Double> values) {
        StringBuilder out = new StringBuilder();
        values.forEach((k, v) -> {
            if (k.startsWith("rss_mb.") || k.startsWith("lag.gauge") || k.startsWith("db.") || k.startsWith("p99")
                    || k.startsWith("heap_after_gc_mb.") || k.startsWith("old_gen_used_mb.")) {
                out.append(k).append('=').append(fmt(v)).append(' ');
            }
        });
        return out.toString();
    }

    private static void parkUntil(long due) {
        long wait;
        while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
