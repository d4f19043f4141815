package io.deskpulse.platform.security;

import java.util.Locale;

/**
 * What an API key may do. {@code operator} administers the installation (creates and lists tenants); only a
 * configured key can hold it, and keys issued through the API never do.
 */
public enum Scope {
    INGEST, READ, ADMIN, OPERATOR;

    public static Scope parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown scope '" + text + "' (known: ingest, read, admin, operator)");
        }
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
