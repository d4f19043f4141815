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

    /**
     * The reporting API's address as the receivers of report webhooks reach it: their links to the report and its
     * scorecards start with it (docs/report-webhooks.md).
     */
    @WithDefault("http://127.0.0.1:8083")
    String publicReportingUrl();

    /** Report webhooks a tenant may have, disabled ones included. */
    @WithDefault("20")
    int maxWebhooksPerTenant();
}
