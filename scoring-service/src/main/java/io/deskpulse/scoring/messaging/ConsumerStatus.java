package io.deskpulse.scoring.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** What the health checks report about the consumer loops, all of them together. */
@ApplicationScoped
public class ConsumerStatus {

    private final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
    private volatile Instant lastBatchAt;
    private final java.util.concurrent.atomic.AtomicInteger consecutiveFailures = new java.util.concurrent.atomic.AtomicInteger();
    private volatile String lastFailure;
    private final java.util.Map<Integer, Long> lagByWorker = new java.util.concurrent.ConcurrentHashMap<>();

    public void started() {
        running.incrementAndGet();
    }

    public void stopped() {
        running.decrementAndGet();
    }

    public void succeeded() {
        lastBatchAt = Instant.now();
        consecutiveFailures.set(0);
        lastFailure = null;
    }

    public void failed(Throwable failure) {
        consecutiveFailures.incrementAndGet();
        lastFailure = failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    /** The records behind of one poll loop's partitions; {@link #lag()} adds up every loop's. */
    public void lag(int worker, long records) {
        lagByWorker.put(worker, records);
    }

    /** True while at least one poll loop runs. */
    public boolean running() {
        return running.get() > 0;
    }

    public Instant lastBatchAt() {
        return lastBatchAt;
    }

    public int consecutiveFailures() {
        return consecutiveFailures.get();
    }

    public String lastFailure() {
        return lastFailure;
    }

    public long lag() {
        return lagByWorker.values().stream().mapToLong(Long::longValue).sum();
    }
}
