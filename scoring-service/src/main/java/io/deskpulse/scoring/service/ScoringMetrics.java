package io.deskpulse.scoring.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's own Prometheus metrics (scoring-service/README.md, "Metrics", lists them). Created at startup, not
 * when a poll loop first reports: otherwise a scrape between readiness and the first poll finds no series at all
 * (MigrationsOnceTest met it), and alerts on the lag see "absent" instead of 0.
 */
@Startup
@ApplicationScoped
public class ScoringMetrics {

    private final MeterRegistry registry;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter fenced;
    private final Timer batchApply;
    private final AtomicLong lag = new AtomicLong();
    private final BatchStages stages;

    public ScoringMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.applied = Counter.builder("deskpulse.scoring.events.applied")
                .description("Events applied to the aggregates").register(registry);
        this.duplicates = Counter.builder("deskpulse.scoring.events.duplicates")
                .description("Events recognised as already applied (same tenant, source and id)").register(registry);
        this.fenced = Counter.builder("deskpulse.scoring.batches.fenced")
                .description("Batches refused because another consumer had moved the offsets").register(registry);
        this.batchApply = Timer.builder("deskpulse.scoring.batch.apply")
                .description("Time to apply one batch to PostgreSQL, commit included")
                .publishPercentileHistogram().register(registry);
        registry.gauge("deskpulse.scoring.consumer.lag", lag);
        this.stages = new BatchStages(registry);
    }

    public BatchStages stages() {
        return stages;
    }

    public Timer batchApply() {
        return batchApply;
    }

    public void applied(BatchOutcome.Applied outcome) {
        applied.increment(outcome.applied());
        duplicates.increment(outcome.duplicates());
    }

    public void fenced() {
        fenced.increment();
    }

    public void deadLettered(String reason, int count) {
        registry.counter("deskpulse.scoring.events.deadlettered", "reason", reason).increment(count);
    }

    public void batchFailed(boolean isTransient) {
        registry.counter("deskpulse.scoring.batch.failures", "kind", isTransient ? "transient" : "poison").increment();
    }

    public void lag(long records) {
        lag.set(records);
    }
}
