package io.deskpulse.reporting.domain.kpi;

import java.util.Locale;
import java.util.Optional;

/**
 * Whom a report row is about; {@code column} is the kpi_hourly column that names the member. A queue row holds the
 * queue KPIs of the interactions offered to that queue; the member "" holds everything outside queues (tickets,
 * agents' days), as agent "" holds what no agent is credited with.
 */
public enum Dimension {
    TENANT("tenant_id"), TEAM("team_id"), AGENT("agent_id"), QUEUE("queue_id");

    private final String column;

    Dimension(String column) {
        this.column = column;
    }

    public String column() {
        return column;
    }

    /** Scorecards and leaderboards rank people: agents and teams. */
    public boolean isPeople() {
        return this == TEAM || this == AGENT;
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
