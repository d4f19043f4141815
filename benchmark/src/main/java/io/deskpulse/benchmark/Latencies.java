package io.deskpulse.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Runs an operation from concurrent clients for a number of iterations and keeps each one's latency (HdrHistogram). */
final class Latencies {

    /** One client: opened on its own thread, then called once per iteration. */
    interface Client extends AutoCloseable {
        void call() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    interface ClientFactory {
        Client open() throws Exception;
    }

    private Latencies() {
    }

    /**
     * {@code iterations} calls in all, shared by {@code clients} threads, after {@code warmup} unrecorded calls per
     * client; a client stops early once {@code budgetSeconds} have passed and it has made at least two calls (slow
     * queries over big data would otherwise take hours).
     */
    static Results.Latency measure(int clients, int iterations, int warmup, double budgetSeconds, ClientFactory factory)
            throws Exception {
        Recorder recorder = new Recorder(3);
        java.util.concurrent.atomic.AtomicLong errors = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> firstError = new java.util.concurrent.atomic.AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> futures = new ArrayList<>();
        int perClient = Math.max(1, (iterations + clients - 1) / clients);
        long deadline = System.nanoTime() + (long) (budgetSeconds * 1e9);
        try {
            for (int c = 0; c < clients; c++) {
                futures.add(pool.submit(() -> {
                    try (Client client = factory.open()) {
                        for (int i = 0; i < warmup; i++) {
                            try {
                                client.call();
                            } catch (Exception e) {
                                errors.incrementAndGet();
                                firstError.compareAndSet(null, e.getMessage());
                            }
                        }
                        for (int i = 0; i < perClient && (i < 2 || System.nanoTime() < deadline); i++) {
                            long start = System.nanoTime();
                            try {
                                client.call();
                                recorder.recordValue(Math.max(1, (System.nanoTime() - start) / 1_000));
                            } catch (Exception e) {
                                // a failed call is counted, not timed: the figure says how many failed
                                errors.incrementAndGet();
                                firstError.compareAndSet(null, e.getMessage());
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        Histogram histogram = recorder.getIntervalHistogram();
        if (histogram.getTotalCount() == 0) {
            throw new IllegalStateException("every call failed (" + errors.get() + "), e.g. " + firstError.get());
        }
        Results.Latency latency = latency(histogram);
        if (errors.get() > 0) {
            latency.errors = errors.get();
            latency.firstError = firstError.get();
        }
        return latency;
    }

    static Results.Latency latency(Histogram micros) {
        Results.Latency latency = new Results.Latency();
        latency.samples = micros.getTotalCount();
        latency.p50Ms = ms(micros.getValueAtPercentile(50));
        latency.p95Ms = ms(micros.getValueAtPercentile(95));
        latency.p99Ms = ms(micros.getValueAtPercentile(99));
        latency.maxMs = ms(micros.getMaxValue());
        latency.meanMs = ProcessProbe.round(micros.getMean() / 1000.0, 2);
        return latency;
    }

    private static double ms(long micros) {
        return ProcessProbe.round(micros / 1000.0, 2);
    }
}
