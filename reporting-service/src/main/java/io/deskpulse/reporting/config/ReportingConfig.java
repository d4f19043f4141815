package io.deskpulse.reporting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Limits of the reporting API; every one can be set from the environment (DESKPULSE_REPORTING_...). */
@ConfigMapping(prefix = "deskpulse.reporting")
public interface ReportingConfig {

    /** Longest {@code from..to} range in days: bounds the rows one request may scan. */
    @WithDefault("3660")
    int maxRangeDays();

    /** Days reported when a request gives neither {@code from} nor {@code to}: the ones ending today. */
    @WithDefault("7")
    int defaultRangeDays();

    @WithDefault("1000")
    int defaultLimit();

    @WithDefault("10000")
    int maxLimit();

    /** Most {@code id} values one request may name (each one is a bind parameter). */
    @WithDefault("1000")
    int maxIds();

    /** A query that runs longer is cancelled by the server and answered with 503, so that one
     *  request cannot hold a connection for ever. */
    @WithDefault("30s")
    Duration queryTimeout();

    /** The cache of daily aggregate rows that keeps long daily reports cheap (docs/performance.md). */
    RowCache rowCache();

    interface RowCache {
        /** Memory the cached rows may take; 0 switches the cache off (reports then add up rows in SQL). */
        @WithDefault("32")
        int maxSizeMb();

        /** An entry older than this is read again, whether or not its row changed. */
        @WithDefault("1h")
        Duration maxAge();
    }
}
