package io.deskpulse.reporting.domain.scorecard;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An exemption period as scoring-service stores it: the local days {@code from..to} in which the contributions
 * credited to {@code teams} (null: every team) are scored against {@code relaxedTargets}, and those of the KPIs
 * in {@code leftOut} are left out. A tenant's exemptions never share a day and a team.
 */
public record Exemption(long id, List<String> teams, LocalDate from, LocalDate to, String reason,
        Map<String, Double> relaxedTargets, Set<String> leftOut) {

    public boolean coversTeam(String team) {
        return teams == null || teams.contains(team);
    }

    /** Whether it changes how {@code metric} is scored. */
    public boolean concerns(String metric) {
        return leftOut.contains(metric) || relaxedTargets.containsKey(metric);
    }
}
