package io.deskpulse.scoring.domain;

import java.util.Map;

/**
 * A tenant's cost rates (settings {@code cost_rates}, docs/settings.md), in thousandths of {@code currency}: what an
 * hour online and a handled contact cost. A rate is looked up from the most specific level that sets it: the
 * contact's channel (per-contact rates only: online time has no channel), then the agent's cost role, then the team
 * credited, then the tenant's default; a level that leaves a rate out (null) passes on to the next. No rate at all is
 * a cost of 0.
 *
 * @param agentRoles agent id → role name, for the {@code roles} level
 */
public record CostRates(String currency, Rate defaults, Map<String, Rate> teams, Map<String, Rate> roles,
        Map<String, String> agentRoles, Map<String, Rate> channels) {

    /** Rates in thousandths of the currency; null where this level sets none. */
    public record Rate(Long perOnlineHourMilli, Long perContactMilli) {
        public static final Rate NONE = new Rate(null, null);
    }

    public static final CostRates NONE = new CostRates(null, Rate.NONE, Map.of(), Map.of(), Map.of(), Map.of());

    private static final long HOUR_MILLIS = 3_600_000L;

    public CostRates {
        defaults = defaults == null ? Rate.NONE : defaults;
        teams = Map.copyOf(teams);
        roles = Map.copyOf(roles);
        agentRoles = Map.copyOf(agentRoles);
        channels = Map.copyOf(channels);
    }

    /**
     * The cost of {@code millis} online, rounded half up to the thousandth: each hour's piece is rounded on its own
     * (docs/kpis.md), so that a piece's cost never depends on the rest of the day.
     */
    public long onlineCostMilli(String agentId, String teamId, long millis) {
        Long rate = first(null, agentId, teamId, false);
        return rate == null ? 0 : Math.floorDiv(rate * millis + HOUR_MILLIS / 2, HOUR_MILLIS);
    }

    /** The cost of one handled contact on {@code channel}. */
    public long contactCostMilli(String agentId, String teamId, String channel) {
        Long rate = first(channel, agentId, teamId, true);
        return rate == null ? 0 : rate;
    }

    private Long first(String channel, String agentId, String teamId, boolean perContact) {
        Long rate = channel == null ? null : pick(channels.get(channel), perContact);
        String role = agentId == null ? null : agentRoles.get(agentId);
        if (rate == null && role != null) {
            rate = pick(roles.get(role), perContact);
        }
        if (rate == null && teamId != null) {
            rate = pick(teams.get(teamId), perContact);
        }
        return rate == null ? pick(defaults, perContact) : rate;
    }

    private static Long pick(Rate rate, boolean perContact) {
        return rate == null ? null : perContact ? rate.perContactMilli() : rate.perOnlineHourMilli();
    }
}
