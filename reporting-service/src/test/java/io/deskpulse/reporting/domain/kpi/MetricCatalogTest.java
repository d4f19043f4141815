package io.deskpulse.reporting.domain.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.storage.ScorecardMetrics;
import org.junit.jupiter.api.Test;

class MetricCatalogTest {

    /**
     * Every metric scoring lets a scoring model or an exemption name is one reporting computes, and the catalog's
     * averages, percentiles and rates are all such metrics (its counts and totals never are: a target for them would
     * depend on the period's length), except sentiment_avg (docs/spec-decisions.md).
     */
    @Test
    void computesEveryMetricAScoringModelMayName() {
        assertThat(MetricCatalog.METRICS.stream()
                .filter(metric -> !(metric instanceof Metric.Count) && !(metric instanceof Metric.Thousandths))
                .map(Metric::name)
                // the one exception: sentiment runs from -1 to 1, and a ratio to a target means nothing below 0
                .filter(name -> !name.equals("sentiment_avg")))
                .hasSize(43)
                .containsExactlyInAnyOrderElementsOf(ScorecardMetrics.NAMES);
    }
}
