package io.deskpulse.reporting.domain.kpi;

import java.util.Locale;
import java.util.Optional;

/** Whom a report row is about; {@code column} is the kpi_hourly column that names the member. */
public enum Dimension {
    TENANT("tenant_id"), TEAM("team_id"), AGENT("agent_id");

    private final String column;

    Dimension(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Dimension> parse(String text) {
        for (Dimension d : values()) {
            if (d.label().equalsIgnoreCase(text.trim())) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
