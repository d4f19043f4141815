package io.deskpulse.reporting.support;

import io.deskpulse.reporting.config.ReportingConfig;
import java.time.Duration;

/** The limits of application.properties' defaults, for tests without Quarkus; the row cache off. */
public final class DefaultLimits implements ReportingConfig {

    @Override
    public int maxRangeDays() {
        return 3660;
    }

    @Override
    public int defaultRangeDays() {
        return 7;
    }

    @Override
    public int defaultLimit() {
        return 1000;
    }

    @Override
    public int maxLimit() {
        return 10000;
    }

    @Override
    public int maxIds() {
        return 1000;
    }

    @Override
    public Duration queryTimeout() {
        return Duration.ofSeconds(30);
    }

    @Override
    public RowCache rowCache() {
        return new RowCache() {
            @Override
            public int maxSizeMb() {
                return 0;
            }

            @Override
            public Duration maxAge() {
                return Duration.ofHours(1);
            }
        };
    }
}
