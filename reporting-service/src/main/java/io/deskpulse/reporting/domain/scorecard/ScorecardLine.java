package io.deskpulse.reporting.domain.scorecard;

import java.util.List;

/**
 * One KPI of a scorecard. {@code status}: {@link #USED} (it counts: actual, attainment, points),
 * {@link #NO_DATA} (no contribution in the period: left out, the others' weights rescaled) or
 * {@link #EXEMPTED} (its only contributions fell in exemptions that leave it out). {@code weight} is its
 * share of the score when every KPI has data (after the peer-review share); {@code effectiveWeight} its share
 * after rescaling over the KPIs used. {@code effectiveTarget} is the volume-weighted mix of the model's
 * target and the exemptions' relaxed targets. {@code exemptions}: those that changed this KPI's numbers.
 */
public record ScorecardLine(ModelKpi kpi, double weight, String status, Double actual, long volume,
        double effectiveTarget, Double effectiveWeight, Double attainment, Double points, List<Exemption> exemptions) {

    public static final String USED = "used";
    public static final String NO_DATA = "no_data";
    public static final String EXEMPTED = "exempted";

    public boolean used() {
        return USED.equals(status);
    }

    /** Why a KPI that is not used was left out, in words; null for a KPI that is used. */
    public String reason() {
        return switch (status) {
            case NO_DATA -> "no data in the period";
            case EXEMPTED -> "left out by exemption " + String.join(", ", exemptions.stream()
                    .map(e -> e.id() + " (" + e.reason() + ")").toList());
            default -> null;
        };
    }
}
