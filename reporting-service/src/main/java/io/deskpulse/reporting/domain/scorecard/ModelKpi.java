package io.deskpulse.reporting.domain.scorecard;

/**
 * One KPI of a role's scoring model: a catalog metric (on one channel, or all when {@code channel} is null),
 * its target, which way is better, and its weight in per cent of the score before the peer-review share.
 */
public record ModelKpi(String metric, String channel, String group, boolean higherIsBetter, double target,
        double weight) {

    public String direction() {
        return higherIsBetter ? "higher" : "lower";
    }
}
