package io.deskpulse.platform.config;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The clock that "now" comes from, a bean so that it has one source (and tests can put their own in its place). */
public class ClockProducer {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
