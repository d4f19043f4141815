package io.deskpulse.reporting.domain.scorecard;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One version of a tenant's scoring models: the model of each role, and who has which role. An agent's role
 * is its own ({@code agent_roles}) else the default for agents; a team's likewise. Version 0 is the catalog's.
 */
public record ScoringModels(int version, Map<String, RoleModel> roles, String defaultAgentRole, String defaultTeamRole,
        Map<String, String> agentRoles, Map<String, String> teamRoles) {

    public String roleOfAgent(String agent) {
        return agentRoles.getOrDefault(agent, defaultAgentRole);
    }

    public String roleOfTeam(String team) {
        return teamRoles.getOrDefault(team, defaultTeamRole);
    }

    public RoleModel model(String role) {
        RoleModel model = roles.get(role);
        if (model == null) {
            throw new IllegalStateException("scoring models version " + version + " assigns role '" + role
                    + "', which it does not define");
        }
        return model;
    }

    /** The channels that some role's KPI is restricted to: their contributions are read separately. */
    public Set<String> channels() {
        Set<String> channels = new TreeSet<>();
        roles.values().forEach(r -> r.kpis().forEach(k -> {
            if (k.channel() != null) {
                channels.add(k.channel());
            }
        }));
        return channels;
    }
}
