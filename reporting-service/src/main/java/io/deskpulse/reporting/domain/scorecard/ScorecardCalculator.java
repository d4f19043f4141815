package io.deskpulse.reporting.domain.scorecard;

import io.deskpulse.reporting.domain.kpi.GroupTotals;
import io.deskpulse.reporting.domain.kpi.Metric;
import io.deskpulse.reporting.domain.kpi.MetricCatalog;
import io.deskpulse.reporting.domain.kpi.Totals;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The scorecard arithmetic of the KPI catalog (docs/scorecards.md), on the summed aggregates of one member and
 * period:
 *
 * <ul>
 *   <li>each KPI attains {@code min(1, actual / target)} when higher is better, {@code min(1, target / actual)}
 *       when lower is (0 when higher is better and the actual is 0 or less; 1 when lower is and it is 0);
 *   <li>its points are its attainment times its weight, the weights rescaled over the KPIs that have data;
 *       a KPI without data is left out; the score is the sum of the points, 0 to 100;
 *   <li>contributions that fall in an exemption that leaves the KPI out are taken out of its actual; those in
 *       an exemption that relaxes its target are scored against the relaxed target: the KPI's target is then
 *       the mix of the targets weighted by how many contributions (its volume) each part holds.
 * </ul>
 */
public final class ScorecardCalculator {

    private ScorecardCalculator() {
    }

    public static Scorecard score(String role, int modelVersion, RoleModel model, ScorecardParts parts) {
        List<Line> lines = new ArrayList<>();
        for (RoleModel.ScoredKpi scored : model.scoredKpis()) {
            lines.add(line(scored, parts));
        }
        double usedWeight = lines.stream().filter(l -> l.actual != null).mapToDouble(l -> l.weight).sum();
        List<ScorecardLine> result = new ArrayList<>();
        Set<Exemption> applied = new LinkedHashSet<>();
        Double score = null;
        for (Line line : lines) {
            applied.addAll(line.exemptions);
            if (line.actual == null) {
                result.add(new ScorecardLine(line.kpi, line.weight, line.status, null, line.volume, line.effectiveTarget,
                        null, null, null, line.exemptions));
                continue;
            }
            double effectiveWeight = line.weight / usedWeight * 100;
            double attainment = attainment(line.kpi.higherIsBetter(), line.actual, line.effectiveTarget);
            double points = effectiveWeight * attainment;
            score = score == null ? points : score + points;
            result.add(new ScorecardLine(line.kpi, line.weight, ScorecardLine.USED, line.actual, line.volume,
                    line.effectiveTarget, effectiveWeight, attainment, points, line.exemptions));
        }
        List<Exemption> exemptions = applied.stream()
                .sorted(java.util.Comparator.comparingLong(Exemption::id)).toList();
        return new Scorecard(role, modelVersion, score, List.copyOf(result), exemptions);
    }

    /** How far a KPI reached its target, from 0 to 1. */
    static double attainment(boolean higherIsBetter, double actual, double target) {
        if (higherIsBetter) {
            return actual <= 0 ? 0 : Math.min(1, actual / target);
        }
        return actual <= 0 ? 1 : Math.min(1, target / actual);
    }

    private static Line line(RoleModel.ScoredKpi scored, ScorecardParts parts) {
        ModelKpi kpi = scored.kpi();
        Line line = new Line(kpi, scored.weight());
        Optional<Metric> found = MetricCatalog.find(kpi.metric());
        if (found.isEmpty()) {
            // scoring-service validates models; a metric unknown here is a version skew, not a crash
            line.status = ScorecardLine.NO_DATA;
            line.effectiveTarget = kpi.target();
            return line;
        }
        Metric metric = found.get();
        GroupTotals total = parts.total(kpi.channel());
        GroupTotals normal = total;
        GroupTotals used = Totals.empty();
        double targetTimesVolume = 0;
        long volume = 0;
        long leftOutVolume = 0;
        List<Exemption> leftOutBy = new ArrayList<>();
        for (Exemption exemption : parts.exemptions()) {
            GroupTotals part = parts.exempt(exemption, kpi.channel());
            normal = Totals.minus(normal, part);
            long partVolume = Totals.volume(metric, part);
            if (exemption.leftOut().contains(kpi.metric())) {
                leftOutVolume += partVolume;
                if (partVolume > 0) {
                    leftOutBy.add(exemption);
                    line.exemptions.add(exemption);
                }
                continue;
            }
            double target = exemption.relaxedTargets().getOrDefault(kpi.metric(), kpi.target());
            used = Totals.plus(used, part);
            targetTimesVolume += target * partVolume;
            volume += partVolume;
            if (partVolume > 0 && exemption.concerns(kpi.metric())) {
                line.exemptions.add(exemption);
            }
        }
        long normalVolume = Totals.volume(metric, normal);
        used = Totals.plus(used, normal);
        targetTimesVolume += kpi.target() * normalVolume;
        volume += normalVolume;
        Object value = metric.valueOf(used);
        line.volume = volume;
        line.effectiveTarget = volume == 0 ? kpi.target() : targetTimesVolume / volume;
        if (value instanceof Number number) {
            line.actual = number.doubleValue();
        } else {
            line.status = leftOutVolume > 0 ? ScorecardLine.EXEMPTED : ScorecardLine.NO_DATA;
            if (leftOutVolume == 0) {
                line.exemptions.clear();
            } else {
                line.exemptions.retainAll(leftOutBy);
            }
        }
        return line;
    }

    /** A KPI while it is worked out. */
    private static final class Line {
        final ModelKpi kpi;
        final double weight;
        final List<Exemption> exemptions = new ArrayList<>();
        String status = ScorecardLine.USED;
        Double actual;
        long volume;
        double effectiveTarget;

        Line(ModelKpi kpi, double weight) {
            this.kpi = kpi;
            this.weight = weight;
        }
    }
}
