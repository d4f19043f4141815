package io.deskpulse.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Reconciliations and their schedule (docs/reconciliation.md). */
@ConfigMapping(prefix = "deskpulse.reconciliation")
public interface ReconciliationConfig {

    /**
     * How often every tenant with recent aggregates is reconciled (a Quarkus duration such as {@code 6h}), or
     * {@code off}. Read by the scheduler as ${deskpulse.reconciliation.interval}.
     */
    @WithDefault("6h")
    String interval();

    /** How far back a scheduled run checks. */
    @WithDefault("2d")
    Duration window();

    /** A scheduled run checks only hours that closed at least this long ago (the last ones are still being written). */
    @WithDefault("5m")
    Duration settle();

    /** Whether scheduled runs repair what they find (runs asked for through the API say so themselves). */
    @WithDefault("false")
    boolean repair();

    /** How often an instance looks for a queued reconciliation to run. Read by the scheduler. */
    @WithDefault("5s")
    Duration pollInterval();
}
