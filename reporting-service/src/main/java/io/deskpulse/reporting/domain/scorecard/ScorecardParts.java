package io.deskpulse.reporting.domain.scorecard;

import io.deskpulse.reporting.domain.kpi.GroupTotals;
import io.deskpulse.reporting.domain.kpi.Totals;
import java.util.List;
import java.util.Map;

/**
 * What one member's scorecard of one period is computed from: the totals of all its contributions, per
 * channel ({@link #ALL_CHANNELS} for every channel together), and for each exemption that covers some of them,
 * the part of those totals that falls on the exemption's days and teams (exemptions never overlap, so the
 * parts are disjoint and the rest is the unexempted part).
 */
public record ScorecardParts(Map<String, GroupTotals> totals, Map<Exemption, Map<String, GroupTotals>> exempt) {

    public static final String ALL_CHANNELS = "";

    /** All contributions on {@code channel} (null: every channel). */
    public GroupTotals total(String channel) {
        return totals.getOrDefault(channel == null ? ALL_CHANNELS : channel, Totals.empty());
    }

    /** The part of {@link #total} that falls on the exemption's days and teams. */
    public GroupTotals exempt(Exemption exemption, String channel) {
        Map<String, GroupTotals> byChannel = exempt.get(exemption);
        return byChannel == null ? Totals.empty() : byChannel.getOrDefault(channel == null ? ALL_CHANNELS : channel,
                Totals.empty());
    }

    /** The exemptions with a part, in id order. */
    public List<Exemption> exemptions() {
        return exempt.keySet().stream().sorted(java.util.Comparator.comparingLong(Exemption::id)).toList();
    }
}
