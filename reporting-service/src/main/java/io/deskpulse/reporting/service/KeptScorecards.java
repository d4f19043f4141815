package io.deskpulse.reporting.service;

import io.deskpulse.reporting.domain.kpi.Dimension;
import io.deskpulse.reporting.domain.kpi.Totals;
import io.deskpulse.reporting.domain.kpi.GroupTotals;
import io.deskpulse.reporting.domain.scorecard.Exemption;
import io.deskpulse.reporting.domain.scorecard.Scorecard;
import io.deskpulse.reporting.domain.scorecard.ScorecardCalculator;
import io.deskpulse.reporting.domain.scorecard.ScorecardParts;
import io.deskpulse.reporting.domain.scorecard.ScoringModels;
import io.deskpulse.reporting.repository.PeriodReportReadRepository.Part;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A member's scorecard from a kept report's rows: the same for a report's page ({@link PeriodReportService}) and for
 * the scores its streaks are counted from ({@link ReportStreaks}), so that both always agree.
 */
final class KeptScorecards {

    private KeptScorecards() {
    }

    /** The member's scorecard with its role in {@code models}; null for the no-team row ('' team), which has none. */
    static Scorecard score(ScoringModels models, Dimension dimension, String member, ScorecardParts parts) {
        if (member.isEmpty()) {
            return null;
        }
        String role = dimension == Dimension.AGENT ? models.roleOfAgent(member) : models.roleOfTeam(member);
        return ScorecardCalculator.score(role, models.version(), models.model(role), parts);
    }

    /** The kept exemptions by id, as the rows name them. */
    static Map<Long, Exemption> byId(List<Exemption> exemptions) {
        Map<Long, Exemption> byId = new HashMap<>();
        exemptions.forEach(e -> byId.put(e.id(), e));
        return byId;
    }

    /**
     * A member's kept rows as the scorecard reads them: totals per channel and all together, and each exemption's part.
     * An agent's rows of several teams add up (an exemption's part is the work credited to its teams only).
     */
    static ScorecardParts parts(List<Part> parts, Map<Long, Exemption> exemptions) {
        Map<String, GroupTotals> totals = new HashMap<>();
        Map<Exemption, Map<String, GroupTotals>> exempt = new LinkedHashMap<>();
        for (Part part : parts) {
            add(totals, part);
            Exemption exemption = exemptions.get(part.exemptionId());
            if (exemption != null) {
                add(exempt.computeIfAbsent(exemption, e -> new HashMap<>()), part);
            }
        }
        return new ScorecardParts(totals, exempt);
    }

    /** Adds a kept row to the totals of all channels and of its own (the unknown channel '' only to the former). */
    private static void add(Map<String, GroupTotals> byChannel, Part part) {
        byChannel.merge(ScorecardParts.ALL_CHANNELS, part.totals(), Totals::plus);
        if (!part.channel().isEmpty()) {
            byChannel.merge(part.channel(), part.totals(), Totals::plus);
        }
    }
}
