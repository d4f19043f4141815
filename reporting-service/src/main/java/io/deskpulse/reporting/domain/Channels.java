package io.deskpulse.reporting.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The channels of the event contract (contract/deskpulse-events-v1.schema.json), stored lower case. */
public final class Channels {

    public static final List<String> ALL = List.of("email", "chat", "phone", "web", "social", "messaging", "other");

    private Channels() {
    }

    public static Optional<String> parse(String text) {
        String lower = text.trim().toLowerCase(Locale.ROOT);
        return ALL.contains(lower) ? Optional.of(lower) : Optional.empty();
    }
}
