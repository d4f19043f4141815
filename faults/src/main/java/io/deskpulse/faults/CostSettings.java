package io.deskpulse.faults;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The cost rates every tenant of the run saves before its load (docs/settings.md, "Cost rates"), and what they charge by
 * the documented rules, for the oracle: a handled contact costs its channel's per-contact rate, else the agent's cost
 * role's, else the default's; an hour online the role's, else the team's, else the default's. The team level sets only
 * an hourly rate on purpose: a contact's team is the agent's at that moment, which for an agent's first interaction can
 * tie with the status change that names the team, and the oracle leaves such ties alone.
 */
record CostSettings(Rate defaults, Map<String, Rate> teams, Map<String, Rate> roles, Map<String, String> agentRoles,
        Map<String, BigDecimal> channelPerContact) {

    /** Amounts in the currency; null where the level does not set the rate. */
    record Rate(BigDecimal perOnlineHour, BigDecimal perContact) {
    }

    /** The run's rates (EUR); senior's hourly rate has three decimals, so that rounding per hour's piece shows. */
    static final CostSettings RUN = new CostSettings(
            new Rate(new BigDecimal("24"), new BigDecimal("0.5")),
            Map.of("tech-support", new Rate(new BigDecimal("30.5"), null)),
            Map.of("senior", new Rate(new BigDecimal("41.333"), new BigDecimal("0.75"))),
            Map.of("billing-01", "senior", "tech-03", "senior"),
            Map.of("phone", new BigDecimal("1.2")));

    /** A tenant without rates: every cost 0. */
    static final CostSettings NONE = new CostSettings(new Rate(null, null), Map.of(), Map.of(), Map.of(), Map.of());

    private static final BigDecimal MILLIS_PER_HOUR = BigDecimal.valueOf(3_600_000);

    /** The body of {@code PUT /v1/settings}: these rates, every other setting left at its default. */
    String settingsJson() {
        StringBuilder json = new StringBuilder("{\"cost_rates\":{\"currency\":\"EUR\",\"default\":").append(rate(defaults));
        json.append(",\"teams\":{");
        teams.forEach((team, rate) -> json.append('"').append(team).append("\":").append(rate(rate)).append(','));
        trimComma(json).append("},\"roles\":{");
        roles.forEach((role, rate) -> json.append('"').append(role).append("\":").append(rate(rate)).append(','));
        trimComma(json).append("},\"agent_roles\":{");
        agentRoles.forEach((agent, role) -> json.append('"').append(agent).append("\":\"").append(role).append("\","));
        trimComma(json).append("},\"channels\":{");
        channelPerContact.forEach((channel, amount) -> json.append('"').append(channel).append("\":{\"per_contact\":")
                .append(amount.toPlainString()).append("},"));
        return trimComma(json).append("}}}").toString();
    }

    /** What {@code millis} online cost the agent, in thousandths: rate × time, rounded half up to the thousandth. */
    long onlineCostMilli(String agent, String team, long millis) {
        BigDecimal rate = perOnlineHour(agent, team);
        if (rate == null) {
            return 0;
        }
        return rate.multiply(BigDecimal.valueOf(millis)).divide(MILLIS_PER_HOUR, 3, RoundingMode.HALF_UP)
                .movePointRight(3).longValueExact();
    }

    /** What a handled contact on {@code channel} cost, in thousandths. */
    long contactCostMilli(String agent, String channel) {
        BigDecimal rate = channelPerContact.get(channel);
        Rate role = role(agent);
        if (rate == null && role != null) {
            rate = role.perContact();
        }
        if (rate == null) {
            rate = defaults.perContact();
        }
        return rate == null ? 0 : rate.movePointRight(3).longValueExact();
    }

    private BigDecimal perOnlineHour(String agent, String team) {
        Rate role = role(agent);
        if (role != null && role.perOnlineHour() != null) {
            return role.perOnlineHour();
        }
        Rate byTeam = team == null ? null : teams.get(team);
        if (byTeam != null && byTeam.perOnlineHour() != null) {
            return byTeam.perOnlineHour();
        }
        return defaults.perOnlineHour();
    }

    /** The agent's cost role's rates, or null. */
    private Rate role(String agent) {
        String role = agent == null ? null : agentRoles.get(agent);
        return role == null ? null : roles.get(role);
    }

    private static String rate(Rate rate) {
        return "{\"per_online_hour\":" + plain(rate.perOnlineHour()) + ",\"per_contact\":" + plain(rate.perContact()) + "}";
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "null" : amount.toPlainString();
    }

    private static StringBuilder trimComma(StringBuilder json) {
        if (json.charAt(json.length() - 1) == ',') {
            json.setLength(json.length() - 1);
        }
        return json;
    }
}
