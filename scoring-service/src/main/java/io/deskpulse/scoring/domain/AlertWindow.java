package io.deskpulse.scoring.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The aggregates an alert rule reads for "the last N minutes" at {@code end}. They are kept per UTC hour, so
 * the window starts at the beginning of the hour that holds {@code end - N minutes}: it always covers the last
 * N minutes whole, and up to 59 minutes more (evaluated at 10:25, "the last 60 minutes" reads 09:00 to 10:25).
 */
public record AlertWindow(Instant start, Instant end) {

    public static AlertWindow ending(Instant end, int minutes) {
        return new AlertWindow(end.minus(Duration.ofMinutes(minutes)).truncatedTo(ChronoUnit.HOURS), end);
    }
}
