package io.deskpulse.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Evaluation of alert rules (docs/alerts.md). */
@ConfigMapping(prefix = "deskpulse.alerts")
public interface AlertConfig {

    /**
     * How often an instance evaluates the rules of the tenants its batches touched since (at most once per
     * tenant per interval, outside the batch transactions). Read by the scheduler as ${deskpulse.alerts.interval}.
     */
    @WithDefault("10s")
    Duration interval();

    /** Rules not evaluated for this long are evaluated even without new data, so that windows move on. */
    @WithDefault("60s")
    Duration refresh();
}
