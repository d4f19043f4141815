package io.deskpulse.reporting.domain.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ColumnSumsTest {

    private static final List<String> COLUMNS = MetricCatalog.SUMMED_COLUMNS;

    @Test
    void isTheMapOfTheSumsByColumn() {
        long[] values = new long[COLUMNS.size()];
        Map<String, Long> expected = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            values[i] = 10L * i - 7;
            expected.put(COLUMNS.get(i), values[i]);
        }
        ColumnSums sums = ColumnSums.of(values);
        assertThat(sums).isEqualTo(expected).hasSize(COLUMNS.size());
        assertThat(sums.keySet()).containsExactlyElementsOf(COLUMNS);
        assertThat(sums.get("tickets_resolved")).isEqualTo(expected.get("tickets_resolved"));
        assertThat(sums.get("no_such_column")).isNull();
        assertThat(new GroupTotals(new PageKey(null, ""), sums, Map.of()).sum("csat_sum")).isEqualTo(expected.get("csat_sum"));
        assertThatThrownBy(() -> new GroupTotals(new PageKey(null, ""), sums, Map.of()).sum("no_such_column"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no_such_column");
    }

    @Test
    void metricsReadTheSameFromEitherMap() {
        long[] values = new long[COLUMNS.size()];
        Map<String, Long> plain = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            values[i] = 1_000L + 37L * i;
            plain.put(COLUMNS.get(i), values[i]);
        }
        GroupTotals array = new GroupTotals(new PageKey(null, "t"), ColumnSums.of(values), Map.of());
        GroupTotals map = new GroupTotals(new PageKey(null, "t"), plain, Map.of());
        for (Metric metric : MetricCatalog.METRICS) {
            if (metric.histogramColumn().equals(Optional.empty())) {
                assertThat(metric.valueOf(array)).as(metric.name()).isEqualTo(metric.valueOf(map));
            }
        }
    }
}
