package io.deskpulse.reporting.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** The timer {@code deskpulse_reporting_query_seconds{endpoint}} around a report's database queries. */
final class QueryTimer {

    private QueryTimer() {
    }

    static Timer of(MeterRegistry registry, String endpoint) {
        return Timer.builder("deskpulse.reporting.query").publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30))
                .description("Time spent in the database queries of a report")
                .tag("endpoint", endpoint)
                .register(registry);
    }
}
