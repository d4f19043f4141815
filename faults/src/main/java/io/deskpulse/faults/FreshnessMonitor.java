package io.deskpulse.faults;

import java.util.ArrayList;
import java.util.List;

/**
 * Samples, all through a phase, how far the reports are behind what the client got accepted: the age of the oldest
 * accepted event not yet in {@code GET /v1/kpis} (via {@link Traffic#ADDITIVE_METRICS}; see
 * {@link Ledger#stalenessSeconds}). A sample while reporting does not answer is {@link Double#NaN}: nothing is
 * visible then.
 */
final class FreshnessMonitor implements AutoCloseable {

    /** {@code nanos} when the report was asked for. */
    record Sample(long nanos, double stalenessSeconds) {

        boolean unavailable() {
            return Double.isNaN(stalenessSeconds);
        }
    }

    private final Reports reports;
    private final String key;
    private final Traffic traffic;
    private final Ledger ledger;
    private final long intervalMillis;
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    FreshnessMonitor(Reports reports, String key, Traffic traffic, Ledger ledger, long intervalMillis) {
        this.reports = reports;
        this.key = key;
        this.traffic = traffic;
        this.ledger = ledger;
        this.intervalMillis = intervalMillis;
        this.thread = new Thread(this::loop, "freshness-monitor");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            long started = System.nanoTime();
            Ledger.Mark mark = ledger.mark();
            Long visible = reports.total(key, traffic.firstDay(), traffic.lastDay(), Traffic.ADDITIVE_METRICS);
            Sample sample = new Sample(started, visible == null ? Double.NaN : ledger.stalenessSeconds(started, mark, visible));
            synchronized (samples) {
                samples.add(sample);
            }
            long sleep = intervalMillis - (System.nanoTime() - started) / 1_000_000;
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    List<Sample> samples() {
        synchronized (samples) {
            return List.copyOf(samples);
        }
    }

    /** The latest sample, or null before the first. */
    Sample latest() {
        synchronized (samples) {
            return samples.isEmpty() ? null : samples.get(samples.size() - 1);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(10_000);
    }
}
