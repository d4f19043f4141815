package io.deskpulse.scoring.service;

import io.deskpulse.scoring.domain.Target;
import io.deskpulse.scoring.repository.TenantState;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For the tenants of one transaction: which generations a timeline's contributions go to, and with
 * which settings. Always the active generation; also the generation being built, once the
 * recomputation has passed the timeline (before that, the recomputation will read it itself).
 */
final class Targets {

    private final Map<String, TenantState> states;
    private final Map<String, Target> active = new HashMap<>();
    private final Map<String, Target> building = new HashMap<>();

    Targets(Connection c, Map<String, TenantState> states, SettingsCache settings) throws SQLException {
        this.states = states;
        for (TenantState state : states.values()) {
            String tenant = state.tenantId();
            active.put(tenant, new Target(tenant, state.activeGeneration(),
                    settings.settings(c, tenant, state.activeSettingsVersion())));
            if (state.isBuilding()) {
                building.put(tenant, new Target(tenant, state.buildingGeneration(),
                        settings.settings(c, tenant, state.buildingSettingsVersion())));
            }
        }
    }

    List<Target> forTimeline(String tenant, TenantState.Cursor timeline) {
        Target current = active.get(tenant);
        return states.get(tenant).buildingHolds(timeline) ? List.of(current, building.get(tenant)) : List.of(current);
    }
}
