package io.deskpulse.reporting.domain.scorecard;

import java.util.ArrayList;
import java.util.List;

/**
 * A role's scoring model: KPIs whose weights add up to 100, and an optional peer-review share ({@code
 * peerShare} per cent of the score from {@code peer_review_avg} against {@code peerTarget}; the KPIs share the
 * rest). Null shares mean none.
 */
public record RoleModel(List<ModelKpi> kpis, Double peerShare, Double peerTarget) {

    public static final String PEER_REVIEW_GROUP = "peer_review";

    /**
     * The KPIs a scorecard scores, with their weights in the whole score: the model's KPIs scaled down by the
     * peer-review share, and the peer review itself weighing its share.
     */
    public List<ScoredKpi> scoredKpis() {
        List<ScoredKpi> lines = new ArrayList<>();
        double scale = peerShare == null ? 1 : (100 - peerShare) / 100;
        for (ModelKpi kpi : kpis) {
            lines.add(new ScoredKpi(kpi, kpi.weight() * scale));
        }
        if (peerShare != null) {
            lines.add(new ScoredKpi(new ModelKpi("peer_review_avg", null, PEER_REVIEW_GROUP, true, peerTarget, peerShare),
                    peerShare));
        }
        return lines;
    }

    /** A KPI and its weight in per cent of the whole score when every KPI has data. */
    public record ScoredKpi(ModelKpi kpi, double weight) {
    }
}
