package io.deskpulse.benchmark;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine's own limit for writing these records to Kafka: Kafka's {@code ProducerPerformance} (kafka-tools
 * 4.3.1, in a JVM of its own, from the broker's jar directory) writing the records ingestion writes — the same
 * events, normalised with the tenant attribute, about the same size — to a topic of its own with as many
 * partitions as the event topic, with {@code acks=all}. Three runs: the producer's defaults; {@code linger.ms=10
 * batch.size=131072}; and ingestion's producer settings (linger.ms 5, batch.size 256 KiB, lz4, idempotence), the
 * one the HTTP ratio is computed against.
 */
final class RawProducerPhase {

    static final String INGESTION_SETTINGS = "acks=all linger.ms=5 batch.size=262144 compression.type=lz4 enable.idempotence=true";
    static final String LINGER_SETTINGS = "acks=all linger.ms=10 batch.size=131072";
    static final String DEFAULT_SETTINGS = "acks=all";

    // "1000000 records sent, 163452.1 records/sec (48.52 MB/sec), 152.3 ms avg latency, 571.0 ms max latency, 141 ms 50th, ..."
    private static final Pattern SUMMARY = Pattern.compile(
            "(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), ([\\d.]+) ms avg latency, ([\\d.]+) ms max latency"
                    + "(?:, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th)?");

    private RawProducerPhase() {
    }

    static void run(Context ctx, Results.Ingestion ingestion) throws Exception {
        Results.RawProducer raw = new Results.RawProducer();
        ingestion.rawProducer = raw;
        Path libs = ctx.options.kafkaLibs;
        if (libs == null || !Files.isDirectory(libs)) {
            raw.skipped = "no Kafka tools: --kafka-libs (or DESKPULSE_KAFKA_LIBS) names no directory"
                    + (libs == null ? "" : " (" + libs + ")");
            Log.info("raw producer: SKIPPED, %s", raw.skipped);
            return;
        }
        int partitions = ctx.scoring.partitions(ctx.options.topic);
        String topic = "deskpulse.bench.raw." + ctx.results.runId;
        raw.topic = topic;
        raw.partitions = partitions;
        raw.recordsPerRun = ctx.profile.rawRecords();

        // the payloads: the records ingestion would write for the same traffic
        int distinct = (int) Math.min(20_000, Math.max(500, ctx.profile.rawRecords() / 10));
        Path payloads = ctx.workDir.resolve("raw-payloads.txt");
        long[] bytes = new long[1];
        int[] lines = new int[1];
        try (BufferedWriter out = Files.newBufferedWriter(payloads, StandardCharsets.UTF_8)) {
            ctx.traffic.generate("payload", ctx.ninetyDaysAgo(), ctx.now, distinct, (tenant, json) -> {
                String record = normalised(json, tenant == 0 || ctx.options.tenantB == null ? ctx.options.tenant
                        : ctx.options.tenantB);
                try {
                    out.write(record);
                    out.write('\n');
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                bytes[0] += record.getBytes(StandardCharsets.UTF_8).length;
                lines[0]++;
            });
        }
        raw.distinctPayloads = lines[0];
        raw.avgRecordBytes = ProcessProbe.round((double) bytes[0] / lines[0], 1);
        Log.info("raw producer: %d records per run to %s (%d partitions), %d distinct payloads of %.0f bytes on average",
                ctx.profile.rawRecords(), topic, partitions, lines[0], raw.avgRecordBytes);

        ctx.scoring.createTopic(topic, partitions);
        try (Context.CpuWindow ignored = ctx.cpu("raw-producer")) {
            raw.runs.add(produce(ctx, libs, topic, payloads, "producer defaults", DEFAULT_SETTINGS));
            raw.runs.add(produce(ctx, libs, topic, payloads, "linger.ms=10 batch.size=131072", LINGER_SETTINGS));
            raw.runs.add(produce(ctx, libs, topic, payloads, "ingestion's settings", INGESTION_SETTINGS));
        } finally {
            ctx.scoring.deleteTopic(topic);
            Files.deleteIfExists(payloads);
        }
    }

    /** The event as ingestion writes it: the tenant attribute added (already lower case, as generated). */
    static String normalised(String json, String tenant) {
        return json.substring(0, json.length() - 1) + ",\"deskpulsetenant\":\"" + tenant + "\"}";
    }

    private static Results.RawRun produce(Context ctx, Path libs, String topic, Path payloads, String label, String settings)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms256m", "-Xmx1g",
                "-cp", libs.toAbsolutePath() + "/*", "org.apache.kafka.tools.ProducerPerformance",
                "--bootstrap-server", ctx.options.bootstrap, "--topic", topic,
                "--num-records", Long.toString(ctx.profile.rawRecords()), "--throughput", "-1",
                "--payload-file", payloads.toString(), "--command-property"));
        command.addAll(List.of(settings.split(" ")));
        command.add("client.id=deskpulse-benchmark-raw");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String summary = null;
        StringBuilder output = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                output.append(line).append('\n');
                if (SUMMARY.matcher(line).find()) {
                    summary = line; // the last one is the total
                }
            }
        }
        if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0 || summary == null) {
            throw new IllegalStateException("ProducerPerformance failed (" + label + "):\n" + tail(output.toString()));
        }
        Matcher m = SUMMARY.matcher(summary);
        if (!m.find()) {
            throw new IllegalStateException("unexpected ProducerPerformance output: " + summary);
        }
        Results.RawRun run = new Results.RawRun();
        run.label = label;
        run.settings = settings;
        run.recordsPerS = Double.parseDouble(m.group(2));
        run.mbPerS = Double.parseDouble(m.group(3));
        run.avgLatencyMs = Double.parseDouble(m.group(4));
        if (m.group(8) != null) {
            run.p99LatencyMs = Double.parseDouble(m.group(8));
        }
        Log.info("  %-32s %,10.0f records/s  %6.1f MB/s  avg latency %.0f ms", label, run.recordsPerS, run.mbPerS,
                run.avgLatencyMs);
        return run;
    }

    private static String tail(String text) {
        return text.length() > 3000 ? text.substring(text.length() - 3000) : text;
    }

    /** An HTTP rate over the raw producer's with these settings in the same run; null when that run is missing. */
    static Double ratio(Results.Ingestion ingestion, String settings, double eventsPerS) {
        if (ingestion.rawProducer == null) {
            return null;
        }
        for (Results.RawRun run : ingestion.rawProducer.runs) {
            if (settings.equals(run.settings) && run.recordsPerS != null && run.recordsPerS > 0) {
                return ProcessProbe.round(eventsPerS / run.recordsPerS, 3);
            }
        }
        return null;
    }
}
