package io.deskpulse.platform.concurrent;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a task again and again on a daemon thread of its own, a period after each run ends: for the caches that read
 * what changed in PostgreSQL (issued API keys, connectors), which must not pile up runs when the database is slow,
 * nor keep a stopping service alive. The task handles its own failures: one that throws is not run again.
 */
public final class Poller implements AutoCloseable {

    private final ScheduledExecutorService executor;

    private Poller(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /** Starts running {@code task} every {@code period} after each run, the first a period from now. */
    public static Poller every(String threadName, Duration period, Runnable task) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, threadName);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(task, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return new Poller(executor);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
