package io.deskpulse.faults;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** Progress lines on stderr (the summary goes to stdout), each with the wall-clock time. */
final class Log {

    private Log() {
    }

    static void info(String format, Object... args) {
        System.err.println("[faults " + LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + "] "
                + String.format(Locale.ROOT, format, args));
    }
}
