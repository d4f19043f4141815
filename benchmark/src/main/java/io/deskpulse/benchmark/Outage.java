package io.deskpulse.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * How ingestion answers while its Kafka broker is down (deploy/local/outage.sh, docs/faults.md): clients post small
 * batches without pause; the broker is killed (SIGKILL), left down, and started again on its data. Reports how long
 * requests waited before their 503 (those in flight at the kill, and those refused afterwards), how many were refused,
 * the threads and memory of ingestion meanwhile, and the time from the broker's return to the first 202.
 */
public final class Outage {

    static final String USAGE = """
            usage: java -cp deskpulse-benchmark.jar io.deskpulse.benchmark.Outage --lib deploy/local/lib.sh --broker-dir DIR
                   --ingestion-pid N [--ingest-url URL] [--ingest-key K] [--clients 8] [--before 20] [--down 30] [--after 30]
                   [--json FILE]
            """;

    /** One answered request: when it was sent and answered (ns since the start), and its status. */
    record Answer(long sent, long answered, int status) {
        double waitMs() {
            return (answered - sent) / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>(Map.of("--ingest-url", "http://127.0.0.1:8081",
                "--ingest-key", "bench-a-ingest-key", "--clients", "8", "--before", "20", "--down", "30", "--after", "30"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i], args[i + 1]);
        }
        if (!o.containsKey("--lib") || !o.containsKey("--broker-dir") || !o.containsKey("--ingestion-pid")) {
            System.err.print(USAGE);
            System.exit(2);
        }
        new Outage(o).run();
    }

    private final Map<String, String> o;
    private final long t0 = System.nanoTime();
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private volatile boolean stop;

    private Outage(Map<String, String> o) {
        this.o = o;
    }

    private long now() {
        return System.nanoTime() - t0;
    }

    void run() throws Exception {
        int clients = Integer.parseInt(o.get("--clients"));
        long pid = Long.parseLong(o.get("--ingestion-pid"));
        Path brokerDir = Path.of(o.get("--broker-dir"));
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            pool.submit(this::client);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("clients", clients);
        result.put("ingestion_before", ingestion(pid));
        pause(Long.parseLong(o.get("--before")));

        long killed = now();
        ProcessHandle broker = ProcessHandle.of(Long.parseLong(Files.readString(brokerDir.resolve("kafka.pid")).trim()))
                .orElseThrow(() -> new IllegalStateException("the broker is not running"));
        broker.destroyForcibly();
        broker.onExit().join();
        Log.info("broker killed (SIGKILL); down for %s s", o.get("--down"));
        pause(Long.parseLong(o.get("--down")) / 2);
        Map<String, Object> during = ingestion(pid);
        result.put("ingestion_during", during);
        pause(Long.parseLong(o.get("--down")) - Long.parseLong(o.get("--down")) / 2);

        long starting = now();
        shell(o.get("--lib"), "dp_kafka_start", brokerDir.toString(), "9092", "9093", brokerDir.resolve("kafka.log").toString());
        long listening = now();
        Log.info("broker listening again after %.1f s", (listening - starting) / 1e9);
        pause(Long.parseLong(o.get("--after")));
        stop = true;
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.MINUTES);
        result.put("ingestion_after", ingestion(pid));

        List<Answer> all = new ArrayList<>(answers);
        List<Answer> before = all.stream().filter(a -> a.answered() < killed && a.status() == 202).toList();
        List<Answer> inFlight = all.stream().filter(a -> a.sent() < killed && a.answered() >= killed).toList();
        List<Answer> refused = all.stream().filter(a -> a.sent() >= killed && a.status() == 503).toList();
        Answer firstRefusal = all.stream().filter(a -> a.answered() >= killed && a.status() == 503)
                .min((a, b) -> Long.compare(a.answered(), b.answered())).orElse(null);
        // Refused at once: sent after the first refusal told the service that Kafka was down.
        List<Answer> known = refused.stream().filter(a -> firstRefusal != null && a.sent() > firstRefusal.answered()).toList();
        Answer firstAccepted = all.stream().filter(a -> a.sent() >= listening && a.status() == 202)
                .min((a, b) -> Long.compare(a.answered(), b.answered())).orElse(null);
        Map<Integer, Long> statuses = new TreeMap<>();
        all.stream().filter(a -> a.sent() >= killed).forEach(a -> statuses.merge(a.status(), 1L, Long::sum));

        result.put("accepted_before_kill", stats(before));
        result.put("in_flight_at_kill", stats(inFlight));
        result.put("refused_after_kill", stats(refused));
        result.put("refused_once_known_down", stats(known));
        result.put("statuses_after_kill", statuses);
        result.put("first_refusal_after_kill_s", firstRefusal == null ? null : round((firstRefusal.answered() - killed) / 1e9));
        result.put("broker_restart_to_listening_s", round((listening - starting) / 1e9));
        result.put("listening_to_first_202_s", firstAccepted == null ? null : round((firstAccepted.answered() - listening) / 1e9));
        result.put("kill_to_first_202_s", firstAccepted == null ? null : round((firstAccepted.answered() - killed) / 1e9));
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result);
        System.out.println(json);
        if (o.containsKey("--json")) {
            Files.writeString(Path.of(o.get("--json")), json);
        }
    }

    /** Posts a batch of 10 fresh events, again and again; after a 503 waits 100 ms (not Retry-After: more samples). */
    private void client() {
        String run = Long.toString(System.currentTimeMillis(), 36);
        try (HttpConnection connection = new HttpConnection(o.get("--ingest-url"), 120_000)) {
            while (!stop) {
                StringBuilder body = new StringBuilder("[");
                for (int i = 0; i < 10; i++) {
                    int n = sequence.incrementAndGet();
                    body.append(i == 0 ? "" : ",").append("{\"specversion\":\"1.0\",\"id\":\"outage-").append(run).append('-')
                            .append(n).append("\",\"source\":\"bench/outage\",\"type\":\"ticket.created\",\"time\":\"")
                            .append(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                            .append("\",\"data\":{\"ticket_id\":\"outage-").append(run).append('-').append(n)
                            .append("\",\"channel\":\"chat\"}}");
                }
                byte[] bytes = body.append(']').toString().getBytes(StandardCharsets.UTF_8);
                long sent = now();
                int status;
                try {
                    status = connection.post("/v1/events", o.get("--ingest-key"), IngestDriver.BATCH, bytes).status();
                } catch (Exception e) {
                    status = -1;
                }
                answers.add(new Answer(sent, now(), status));
                if (status != 202) {
                    LockSupport.parkNanos(100_000_000L);
                }
            }
        }
    }

    private static Map<String, Object> stats(List<Answer> list) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("count", list.size());
        if (!list.isEmpty()) {
            Histogram h = new Histogram(3_600_000_000L, 3);
            list.forEach(a -> h.recordValue(Math.max(1, (a.answered() - a.sent()) / 1000)));
            s.put("p50_ms", round(h.getValueAtPercentile(50) / 1000.0));
            s.put("p99_ms", round(h.getValueAtPercentile(99) / 1000.0));
            s.put("max_ms", round(h.getMaxValue() / 1000.0));
        }
        return s;
    }

    /** Threads and RSS of the ingestion process, and its Kafka gauges. */
    private Map<String, Object> ingestion(long pid) {
        Map<String, Object> s = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    s.put("rss_mb", round(Long.parseLong(line.split("\\s+")[1]) / 1024.0));
                } else if (line.startsWith("Threads:")) {
                    s.put("threads", Long.parseLong(line.split("\\s+")[1]));
                }
            }
        } catch (Exception e) {
            s.put("note", "process " + pid + " not readable");
        }
        try (HttpConnection http = new HttpConnection(o.get("--ingest-url"), 10_000)) {
            for (String line : http.get("/q/metrics", null).text().split("\n")) {
                if (line.startsWith("deskpulse_ingest_kafka_available") || line.startsWith("deskpulse_ingest_kafka_waiting")
                        || line.startsWith("deskpulse_ingest_kafka_buffer")) {
                    int space = line.lastIndexOf(' ');
                    s.put(line.substring("deskpulse_ingest_kafka_".length(), space), Double.parseDouble(line.substring(space + 1)));
                }
            }
        } catch (Exception e) {
            s.put("metrics", "unreadable: " + e.getMessage());
        }
        return s;
    }

    private static void shell(String lib, String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of("bash", "-c", "set -euo pipefail; source \"$0\"; \"$@\"", lib));
        args.addAll(List.of(command));
        // The broker outlives this shell: it must not hold a pipe of ours open.
        Process process = new ProcessBuilder(args).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    private static void pause(long seconds) {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        long left;
        while ((left = end - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
