package io.deskpulse.platform.security;

import java.util.Locale;

/** What an API key may do. */
public enum Scope {
    INGEST, READ, ADMIN;

    public static Scope parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown scope '" + text + "' (known: ingest, read, admin)");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
