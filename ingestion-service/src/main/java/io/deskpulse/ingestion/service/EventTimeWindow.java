package io.deskpulse.ingestion.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The event times ingestion accepts: from {@code earliest} to {@code maxAhead} after the server's clock. Helpdesks
 * send the time something happened; a time decades away is a bug or an attack, and scoring's business-hours
 * arithmetic costs one step per day between a ticket's creation and its reply, so unbounded years would let one key
 * stall a partition.
 */
public record EventTimeWindow(Instant earliest, Duration maxAhead, Clock clock) {

    public static final Instant DEFAULT_EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    public static final Duration DEFAULT_MAX_AHEAD = Duration.ofDays(1);

    public static EventTimeWindow defaults() {
        return new EventTimeWindow(DEFAULT_EARLIEST, DEFAULT_MAX_AHEAD, Clock.systemUTC());
    }

    /** Why the (well-formed) time is refused, or null when it lies in the window. */
    String refusal(String text) {
        long second;
        try {
            second = OffsetTimestamp.epochSecond(text);
        } catch (DateTimeParseException e) {
            return null; // malformed: the format rule names it
        }
        Instant latest = clock.instant().plus(maxAhead);
        if (second < earliest.getEpochSecond() || second > latest.getEpochSecond()) {
            return "must lie between " + earliest + " and " + describe(maxAhead) + " after the server's clock ("
                    + latest.truncatedTo(ChronoUnit.SECONDS) + ")";
        }
        return null;
    }

    private static String describe(Duration duration) {
        if (duration.toHours() % 24 == 0 && duration.toHours() > 0) {
            long days = duration.toDays();
            return days + (days == 1 ? " day" : " days");
        }
        if (duration.toMinutes() % 60 == 0) {
            long hours = duration.toHours();
            return hours + (hours == 1 ? " hour" : " hours");
        }
        return duration.getSeconds() + " s";
    }
}
