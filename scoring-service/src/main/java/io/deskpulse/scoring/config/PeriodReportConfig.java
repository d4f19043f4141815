package io.deskpulse.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Scheduled period reports (docs/scorecards.md#period-reports). */
@ConfigMapping(prefix = "deskpulse.reports")
public interface PeriodReportConfig {

    /** How often an instance looks for closed periods without a report. Read by the scheduler as ${deskpulse.reports.interval}. */
    @WithDefault("5m")
    Duration interval();

    /** How long after a period closes (in the tenant's zone) its report is made, so that stragglers are in it. */
    @WithDefault("30m")
    Duration grace();

    /** How many closed periods of each length are looked back at, so that reports missed while down are made. */
    @WithDefault("7")
    int backfill();
}
