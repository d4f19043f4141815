package io.deskpulse.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Watches scoring-service from the outside: its Prometheus counters ({@code deskpulse_scoring_events_applied_total},
 * {@code ..._duplicates_total}, the consumer lag gauge) and, through Kafka's admin API, whether its consumer group
 * has committed up to the topic's end offsets — i.e. whether everything written so far has been applied.
 */
public final class ScoringMonitor implements AutoCloseable {

    public record Sample(long nanos, double applied, double duplicates, double lag, double applyCount, double applySum) {
    }

    private final String metricsUrl;
    private final String topic;
    private final String group;
    private final HttpConnection http;
    private final Admin admin;

    public ScoringMonitor(String scoringUrl, String bootstrap, String topic, String group) {
        this.metricsUrl = scoringUrl;
        this.topic = topic;
        this.group = group;
        this.http = new HttpConnection(scoringUrl, 30_000);
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000,
                AdminClientConfig.CLIENT_ID_CONFIG, "deskpulse-benchmark"));
    }

    public Admin admin() {
        return admin;
    }

    /** One scrape of scoring's metrics. */
    public synchronized Sample sample() {
        try {
            HttpConnection.Response response = http.get("/q/metrics", null);
            if (response.status() != 200) {
                throw new IllegalStateException(metricsUrl + "/q/metrics answered " + response.status());
            }
            Map<String, Double> sums = parse(new String(response.body(), StandardCharsets.UTF_8));
            return new Sample(System.nanoTime(),
                    sums.getOrDefault("deskpulse_scoring_events_applied_total", 0.0),
                    sums.getOrDefault("deskpulse_scoring_events_duplicates_total", 0.0),
                    sums.getOrDefault("deskpulse_scoring_consumer_lag", 0.0),
                    sums.getOrDefault("deskpulse_scoring_batch_apply_seconds_count", 0.0),
                    sums.getOrDefault("deskpulse_scoring_batch_apply_seconds_sum", 0.0));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + metricsUrl + "/q/metrics: " + e.getMessage(), e);
        }
    }

    /** Sums every series of each metric name (labels ignored). */
    static Map<String, Double> parse(String text) {
        Map<String, Double> sums = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            int space = line.lastIndexOf(' ');
            int brace = line.indexOf('{');
            String name = brace > 0 && brace < space ? line.substring(0, brace) : line.substring(0, Math.max(0, space));
            if (!name.startsWith("deskpulse_scoring_")) {
                continue;
            }
            try {
                sums.merge(name.trim(), Double.parseDouble(line.substring(space + 1).trim()), Double::sum);
            } catch (NumberFormatException ignored) {
                // NaN and the like
            }
        }
        return sums;
    }

    public int partitions(String name) {
        try {
            TopicDescription description = admin.describeTopics(List.of(name)).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get(name);
            return description.partitions().size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot describe topic " + name + ": " + e.getMessage(), e);
        }
    }

    public void createTopic(String name, int partitions) {
        try {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topic " + name + ": " + e.getMessage(), e);
        }
    }

    public void deleteTopic(String name) {
        try {
            admin.deleteTopics(List.of(name)).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            System.err.println("[benchmark] could not delete topic " + name + ": " + e.getMessage());
        }
    }

    /** The event topic's end offsets now. */
    public Map<TopicPartition, Long> endOffsets() {
        try {
            int n = partitions(topic);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (int p = 0; p < n; p++) {
                request.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = admin.listOffsets(request).all()
                    .get(30, TimeUnit.SECONDS);
            Map<TopicPartition, Long> end = new HashMap<>();
            result.forEach((tp, info) -> end.put(tp, info.offset()));
            return end;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic + ": " + e.getMessage(), e);
        }
    }

    /** Records between scoring's committed offsets and {@code end}; -1 when the group has committed nothing. */
    public long behind(Map<TopicPartition, Long> end) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            if (committed == null || committed.isEmpty()) {
                return -1;
            }
            long behind = 0;
            for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
                OffsetAndMetadata at = committed.get(e.getKey());
                long position = at == null ? 0 : at.offset();
                behind += Math.max(0, e.getValue() - position);
            }
            return behind;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            return -1;
        }
    }

    /**
     * Waits until scoring has applied everything written to the topic so far: its group's committed offsets
     * reach the current end offsets (when the group commits), and its lag gauge says 0. Returns false on timeout.
     */
    public boolean awaitDrained(Duration timeout, String what) throws InterruptedException {
        Map<TopicPartition, Long> end = endOffsets();
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastReport = System.nanoTime();
        int quietSamples = 0;
        double lastCount = -1;
        while (System.nanoTime() < deadline) {
            long behind = behind(end);
            Sample sample = sample();
            double count = sample.applied() + sample.duplicates();
            if (behind == 0 && sample.lag() == 0) {
                return true;
            }
            // a group that does not commit to Kafka: the gauge at 0 and the counters still for 2 s
            if (behind < 0 && sample.lag() == 0 && count == lastCount) {
                if (++quietSamples >= 4) {
                    return true;
                }
            } else {
                quietSamples = 0;
            }
            lastCount = count;
            if (System.nanoTime() - lastReport > 15_000_000_000L) {
                Log.info("  waiting for scoring to apply %s: %s records behind, lag gauge %.0f", what,
                        behind < 0 ? "?" : Long.toString(behind), sample.lag());
                lastReport = System.nanoTime();
            }
            Thread.sleep(500);
        }
        return false;
    }

    /** Samples the metrics every {@code intervalMillis} in the background until closed. */
    public Recorder record(long intervalMillis) {
        return new Recorder(intervalMillis);
    }

    public final class Recorder implements AutoCloseable {
        private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        private final Thread thread;
        private volatile boolean running = true;

        Recorder(long intervalMillis) {
            thread = new Thread(() -> {
                while (running) {
                    try {
                        samples.add(sample());
                        Thread.sleep(intervalMillis);
                    } catch (InterruptedException e) {
                        return;
                    } catch (RuntimeException e) {
                        Log.info("  (metrics scrape failed: %s)", e.getMessage());
                        try {
                            Thread.sleep(intervalMillis);
                        } catch (InterruptedException interrupted) {
                            return;
                        }
                    }
                }
            }, "scoring-metrics");
            thread.setDaemon(true);
            thread.start();
        }

        public List<Sample> samples() {
            synchronized (samples) {
                return new ArrayList<>(samples);
            }
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join(5_000);
        }
    }

    @Override
    public void close() {
        http.close();
        admin.close(Duration.ofSeconds(5));
    }
}
