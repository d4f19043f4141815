package io.deskpulse.scoring.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An exemption period (docs/scorecards.md): the local days {@code from..to} in which the scorecards of some
 * teams ({@code teams} null: every team) score KPIs against {@code relaxedTargets} or leave the KPIs of
 * {@code leftOut} out, for a {@code reason} that scorecards show.
 */
public record Exemption(long id, int version, List<String> teams, LocalDate from, LocalDate to, String reason,
        Map<String, BigDecimal> relaxedTargets, List<String> leftOut, Instant createdAt, String createdBy,
        Instant updatedAt, String updatedBy) {

    /** What a request asks for: an exemption without its identity and history. */
    public record Draft(List<String> teams, LocalDate from, LocalDate to, String reason,
            Map<String, BigDecimal> relaxedTargets, List<String> leftOut) {

        /** Two exemptions overlap when they share a day and a team (an exemption of every team shares them all). */
        public boolean overlaps(Exemption other) {
            if (from.isAfter(other.to()) || to.isBefore(other.from())) {
                return false;
            }
            if (teams == null || other.teams() == null) {
                return true;
            }
            Set<String> mine = Set.copyOf(teams);
            return other.teams().stream().anyMatch(mine::contains);
        }
    }

    public String scope() {
        return teams == null ? "all teams" : "teams " + String.join(", ", teams);
    }
}
