package io.deskpulse.scoring.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Where a batch's time goes, stage by stage ({@code deskpulse_scoring_batch_stage_seconds{stage}}): the
 * figures behind docs/performance.md's profile of scoring, and what an operator looks at when batches slow down.
 */
public final class BatchStages {

    /** The stages of {@link BatchProcessor#apply}, in order. */
    public enum Stage {
        OFFSETS, DEDUP, TIMELINES_LOAD, DERIVE, TIMELINES_SAVE, FACTS, AGENTS, AGGREGATES, COMMIT;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Map<Stage, Timer> timers = new EnumMap<>(Stage.class);

    public BatchStages(MeterRegistry registry) {
        for (Stage stage : Stage.values()) {
            timers.put(stage, Timer.builder("deskpulse.scoring.batch.stage")
                    .description("Time spent in one stage of applying a batch").tag("stage", stage.tag())
                    .register(registry));
        }
    }

    /** Starts timing a batch; each {@link Clock#lap} closes the stage running since the previous lap. */
    public Clock start() {
        return new Clock();
    }

    public final class Clock {
        private long last = System.nanoTime();

        private Clock() {
        }

        public void lap(Stage finished) {
            long now = System.nanoTime();
            timers.get(finished).record(now - last, TimeUnit.NANOSECONDS);
            last = now;
        }
    }
}
