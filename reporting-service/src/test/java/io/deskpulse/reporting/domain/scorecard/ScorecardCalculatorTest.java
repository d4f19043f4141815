package io.deskpulse.reporting.domain.scorecard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.deskpulse.storage.DurationHistogram;
import io.deskpulse.reporting.domain.kpi.GroupTotals;
import io.deskpulse.reporting.domain.kpi.Histogram;
import io.deskpulse.reporting.domain.kpi.MetricCatalog;
import io.deskpulse.reporting.domain.kpi.PageKey;
import io.deskpulse.reporting.domain.kpi.Totals;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The scorecard arithmetic against hand-computed tables (docs/scorecards.md has the first one as its worked example). */
class ScorecardCalculatorTest {

    private static final double EPS = 1e-9;

    static GroupTotals totals(Object... columnsAndValues) {
        Map<String, Long> sums = new HashMap<>();
        MetricCatalog.SUMMED_COLUMNS.forEach(c -> sums.put(c, 0L));
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            sums.put((String) columnsAndValues[i], ((Number) columnsAndValues[i + 1]).longValue());
        }
        return new GroupTotals(new PageKey(LocalDate.of(2026, 11, 2), "a-1"), Map.copyOf(sums), Map.of());
    }

    static ModelKpi higher(String metric, double target, double weight) {
        return new ModelKpi(metric, null, null, true, target, weight);
    }

    static ModelKpi lower(String metric, String channel, double target, double weight) {
        return new ModelKpi(metric, channel, null, false, target, weight);
    }

    static ScorecardParts parts(Map<String, GroupTotals> totals) {
        return new ScorecardParts(totals, Map.of());
    }

    @Test
    void theCatalogsFrontlineModelWithQaLeftOutForLackOfData() {
        RoleModel frontline = new RoleModel(List.of(
                higher("csat_avg", 4.5, 22), higher("fcr_rate", 0.8, 22), higher("qa_avg", 85, 16),
                lower("first_response_avg_s", "chat", 30, 7.5), lower("first_response_avg_s", "phone", 20, 7.5),
                higher("first_response_sla_rate", 0.9, 15), lower("handle_avg_s", null, 300, 5),
                higher("occupancy", 0.85, 2), lower("cost_per_contact", null, 3, 3)), null, null);
        // 10 ratings summing 42 (4.2); 7 of 10 first solves on first contact; 6 first responses, 5 within target;
        // 5 interactions of 400 s on average; 2,000 s handled of 2,500 s online; chat 4 replies in 100 s, phone 2 in 80 s;
        // 2,500 s online at 24 an hour (16.667) and 5 calls at 0.5 (2.5): 19.167 over 5 contacts
        GroupTotals all = totals("csat_count", 10, "csat_sum", 42, "first_resolutions", 10, "fcr_count", 7,
                "first_response_count", 6, "first_response_sum_ms", 180_000, "first_response_sla_met", 5,
                "handle_count", 5, "handle_sum_ms", 2_000_000, "online_ms", 2_500_000, "cost_milli", 19_167);
        Scorecard card = ScorecardCalculator.score("frontline_agent", 0, frontline, parts(Map.of("", all,
                "chat", totals("first_response_count", 4, "first_response_sum_ms", 100_000),
                "phone", totals("first_response_count", 2, "first_response_sum_ms", 80_000))));

        // used weights: 100 - 16 (qa) = 84; effective weight = weight / 84 * 100
        double[][] expected = {
            // actual, attainment, effective weight, points
            {4.2, 4.2 / 4.5, 22 / 0.84, 22 / 0.84 * (4.2 / 4.5)},
            {0.7, 0.7 / 0.8, 22 / 0.84, 22 / 0.84 * (0.7 / 0.8)},
            {Double.NaN},
            {25.0, 1.0, 7.5 / 0.84, 7.5 / 0.84},
            {40.0, 0.5, 7.5 / 0.84, 7.5 / 0.84 * 0.5},
            {5.0 / 6, (5.0 / 6) / 0.9, 15 / 0.84, 15 / 0.84 * ((5.0 / 6) / 0.9)},
            {400.0, 0.75, 5 / 0.84, 5 / 0.84 * 0.75},
            {0.8, 0.8 / 0.85, 2 / 0.84, 2 / 0.84 * (0.8 / 0.85)},
            {3.8334, 3 / 3.8334, 3 / 0.84, 3 / 0.84 * (3 / 3.8334)}};
        List<ScorecardLine> lines = card.lines();
        assertThat(lines).hasSize(9);
        for (int i = 0; i < expected.length; i++) {
            ScorecardLine line = lines.get(i);
            if (i == 2) {
                assertThat(line.status()).isEqualTo(ScorecardLine.NO_DATA);
                assertThat(line.reason()).isEqualTo("no data in the period");
                assertThat(line.points()).isNull();
                continue;
            }
            assertThat(line.status()).as(line.kpi().metric()).isEqualTo(ScorecardLine.USED);
            assertThat(line.actual()).as(line.kpi().metric()).isCloseTo(expected[i][0], within(EPS));
            assertThat(line.attainment()).as(line.kpi().metric()).isCloseTo(expected[i][1], within(EPS));
            assertThat(line.effectiveWeight()).as(line.kpi().metric()).isCloseTo(expected[i][2], within(EPS));
            assertThat(line.points()).as(line.kpi().metric()).isCloseTo(expected[i][3], within(EPS));
        }
        // 24.44444 + 22.91667 + 8.92857 + 4.46429 + 16.53439 + 4.46429 + 2.24090 + 2.79498
        assertThat(card.score()).isCloseTo(86.78852, within(1e-5));
        assertThat(lines.get(8).volume()).isEqualTo(5);
        assertThat(lines.get(0).volume()).isEqualTo(10);
        assertThat(lines.get(3).volume()).isEqualTo(4);
        assertThat(card.exemptions()).isEmpty();
    }

    @Test
    void thePeerReviewShareScalesTheModelsWeights() {
        RoleModel model = new RoleModel(List.of(higher("csat_avg", 4.5, 60), lower("handle_avg_s", null, 300, 40)), 15.0, 4.5);
        GroupTotals data = totals("csat_count", 2, "csat_sum", 9, "handle_count", 1, "handle_sum_ms", 400_000,
                "peer_review_count", 5, "peer_review_sum", 18);
        Scorecard card = ScorecardCalculator.score("agent", 3, model, parts(Map.of("", data)));
        // weights 60 * 0.85 = 51, 40 * 0.85 = 34, peer review 15; attainments 1, 300/400, 3.6/4.5
        assertThat(card.lines()).extracting(ScorecardLine::weight).containsExactly(51.0, 34.0, 15.0);
        assertThat(card.lines().get(2).kpi().metric()).isEqualTo("peer_review_avg");
        assertThat(card.lines().get(2).kpi().group()).isEqualTo("peer_review");
        assertThat(card.lines().get(2).actual()).isCloseTo(3.6, within(EPS));
        assertThat(card.score()).isCloseTo(51 + 34 * 0.75 + 15 * 0.8, within(EPS));
        assertThat(card.modelVersion()).isEqualTo(3);

        // Without peer reviews the share goes back to the KPIs: 60 * 1 + 40 * 0.75
        Scorecard without = ScorecardCalculator.score("agent", 3, model,
                parts(Map.of("", totals("csat_count", 2, "csat_sum", 9, "handle_count", 1, "handle_sum_ms", 400_000))));
        assertThat(without.score()).isCloseTo(90.0, within(EPS));
        assertThat(without.lines().get(2).status()).isEqualTo(ScorecardLine.NO_DATA);
    }

    @Test
    void aRelaxedTargetCountsForTheContributionsOfTheExemptDaysByVolume() {
        Exemption recall = new Exemption(4, List.of("billing"), LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 5),
                "Product recall", Map.of("csat_avg", 4.0), Set.of());
        RoleModel model = new RoleModel(List.of(higher("csat_avg", 4.5, 100)), null, null);
        // 20 ratings on ordinary days averaging 4.5, 30 during the recall averaging 3.8
        GroupTotals exempt = totals("csat_count", 30, "csat_sum", 114);
        GroupTotals all = totals("csat_count", 50, "csat_sum", 204);
        Scorecard card = ScorecardCalculator.score("agent", 0, model,
                new ScorecardParts(Map.of("", all), Map.of(recall, Map.of("", exempt))));
        ScorecardLine csat = card.lines().get(0);
        // actual over all 50 ratings 204 / 50 = 4.08; target (20 x 4.5 + 30 x 4.0) / 50 = 4.2
        assertThat(csat.actual()).isCloseTo(4.08, within(EPS));
        assertThat(csat.effectiveTarget()).isCloseTo(4.2, within(EPS));
        assertThat(csat.attainment()).isCloseTo(4.08 / 4.2, within(EPS));
        assertThat(card.score()).isCloseTo(100 * 4.08 / 4.2, within(EPS));
        assertThat(csat.exemptions()).containsExactly(recall);
        assertThat(card.exemptions()).containsExactly(recall);
    }

    @Test
    void aLeftOutKpiLosesTheExemptDaysOrIsLeftOutWhenNothingElseRemains() {
        Exemption outage = new Exemption(7, null, LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 3), "Phone outage",
                Map.of(), Set.of("fcr_rate"));
        RoleModel model = new RoleModel(List.of(higher("fcr_rate", 0.8, 50), higher("csat_avg", 4.5, 50)), null, null);
        // ordinary days: 9 of 10 first solves on first contact; the outage day: 2 of 10. CSAT 4.5 throughout.
        GroupTotals all = totals("first_resolutions", 20, "fcr_count", 11, "csat_count", 4, "csat_sum", 18);
        GroupTotals exempt = totals("first_resolutions", 10, "fcr_count", 2, "csat_count", 2, "csat_sum", 9);
        Scorecard card = ScorecardCalculator.score("agent", 0, model,
                new ScorecardParts(Map.of("", all), Map.of(outage, Map.of("", exempt))));
        ScorecardLine fcr = card.lines().get(0);
        assertThat(fcr.actual()).isCloseTo(0.9, within(EPS));
        assertThat(fcr.volume()).isEqualTo(10);
        assertThat(fcr.attainment()).isEqualTo(1.0);
        assertThat(fcr.exemptions()).containsExactly(outage);
        // csat is not concerned by the outage: it lists no exemption, and its target stays
        assertThat(card.lines().get(1).exemptions()).isEmpty();
        assertThat(card.lines().get(1).effectiveTarget()).isEqualTo(4.5);
        assertThat(card.score()).isCloseTo(100.0, within(EPS));

        // every first solve on the outage day: fcr is left out, csat takes all the weight
        Scorecard onlyExempt = ScorecardCalculator.score("agent", 0, model, new ScorecardParts(Map.of("", exempt),
                Map.of(outage, Map.of("", exempt))));
        ScorecardLine left = onlyExempt.lines().get(0);
        assertThat(left.status()).isEqualTo(ScorecardLine.EXEMPTED);
        assertThat(left.reason()).isEqualTo("left out by exemption 7 (Phone outage)");
        assertThat(onlyExempt.lines().get(1).effectiveWeight()).isCloseTo(100.0, within(EPS));
        assertThat(onlyExempt.score()).isCloseTo(100.0, within(EPS));
        assertThat(onlyExempt.exemptions()).containsExactly(outage);
    }

    @Test
    void edgesOfTheAttainment() {
        assertThat(ScorecardCalculator.attainment(false, 0, 30)).isEqualTo(1.0);
        assertThat(ScorecardCalculator.attainment(true, 0, 4.5)).isEqualTo(0.0);
        assertThat(ScorecardCalculator.attainment(true, -20, 30)).isEqualTo(0.0);
        assertThat(ScorecardCalculator.attainment(true, 9, 4.5)).isEqualTo(1.0);
        assertThat(ScorecardCalculator.attainment(false, 15, 30)).isEqualTo(1.0);
        assertThat(ScorecardCalculator.attainment(false, 60, 30)).isEqualTo(0.5);
    }

    @Test
    void withoutAnyDataThereIsNoScore() {
        RoleModel model = new RoleModel(List.of(higher("csat_avg", 4.5, 100)), null, null);
        Scorecard card = ScorecardCalculator.score("agent", 0, model, parts(Map.of("", totals("tickets_created", 3))));
        assertThat(card.score()).isNull();
        assertThat(card.lines()).extracting(ScorecardLine::status).containsExactly(ScorecardLine.NO_DATA);
    }

    @Test
    void percentilesAreTakenFromTheHistogramWithTheExemptPartRemoved() {
        Exemption outage = new Exemption(9, null, LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 3), "Outage",
                Map.of(), Set.of("first_response_p90_s"));
        RoleModel model = new RoleModel(List.of(lower("first_response_p90_s", null, 60, 100)), null, null);
        GroupTotals ordinary = withHistogram(totals(), 10_000, 20_000, 30_000, 40_000, 120_000);
        GroupTotals exempt = withHistogram(totals(), 900_000, 900_000);
        GroupTotals all = Totals.plus(ordinary, exempt);
        Scorecard card = ScorecardCalculator.score("agent", 0, model,
                new ScorecardParts(Map.of("", all), Map.of(outage, Map.of("", exempt))));
        // p90 of the five ordinary replies is the fifth (rank ceil(4.5) = 5): 120 s, within 1 %
        ScorecardLine p90 = card.lines().get(0);
        assertThat(p90.actual()).isCloseTo(120.0, within(1.2));
        assertThat(p90.volume()).isEqualTo(5);
        assertThat(p90.attainment()).isCloseTo(60 / p90.actual(), within(EPS));
    }

    private static GroupTotals withHistogram(GroupTotals totals, long... millis) {
        java.util.TreeMap<Integer, Long> bins = new java.util.TreeMap<>();
        for (long ms : millis) {
            bins.merge(DurationHistogram.binOf(ms), 1L, Long::sum);
        }
        int[] b = bins.keySet().stream().mapToInt(Integer::intValue).toArray();
        long[] c = bins.values().stream().mapToLong(Long::longValue).toArray();
        return new GroupTotals(totals.key(), totals.sums(), Map.of("first_response_hist", new Histogram(b, c)));
    }
}
