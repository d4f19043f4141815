package io.deskpulse.scoring.domain;

import java.time.Duration;

/** Exponential backoff between delivery attempts: {@code initial × 2^(attempt - 1)}, at most {@code max}. */
public record Backoff(Duration initial, Duration max) {

    /** The wait after the {@code attempt}-th failed attempt (1-based). */
    public Duration after(int attempt) {
        Duration wait = initial;
        for (int i = 1; i < attempt && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
