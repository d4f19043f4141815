package io.deskpulse.reporting.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskpulse.reporting.support.DefaultLimits;
import io.deskpulse.reporting.domain.TenantReporting;
import io.deskpulse.reporting.domain.kpi.Dimension;
import io.deskpulse.reporting.domain.kpi.Granularity;
import io.deskpulse.reporting.domain.kpi.GroupTotals;
import io.deskpulse.reporting.domain.kpi.Histogram;
import io.deskpulse.reporting.domain.kpi.KpiQuery;
import io.deskpulse.reporting.domain.kpi.Metric;
import io.deskpulse.reporting.domain.kpi.MetricCatalog;
import io.deskpulse.reporting.domain.kpi.PageKey;
import io.deskpulse.reporting.service.KpiService;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Histograms are merged only for the percentile metrics asked for, all of a page's histogram columns
 * in one query (one scan), and never when no percentile is asked for.
 */
class HistogramMergingTest {

    private final RecordingRepository repository = new RecordingRepository();
    private final KpiService service = new KpiService(new NoDatabase(), repository, new SimpleMeterRegistry());

    @Test
    void noPercentileNoHistogramQuery() {
        report("tickets_created", "handle_avg_s", "nps", "occupancy", "first_response_bh_avg_s");
        assertThat(repository.histogramQueries).isEmpty();
    }

    @Test
    void onlyTheHistogramsOfTheAskedPercentilesInOneQuery() {
        report("handle_p90_s", "nps", "first_response_bh_p50_s", "first_response_bh_p90_s", "handle_p50_s");
        assertThat(repository.histogramQueries).containsExactly(List.of("handle_hist", "first_response_bh_hist"));
    }

    @Test
    void allMetricsMergeEveryHistogramOnce() {
        service.report("t", state -> query(MetricCatalog.METRICS));
        assertThat(repository.histogramQueries).containsExactly(List.of("first_response_hist", "resolution_hist",
                "handle_hist", "first_response_bh_hist", "resolution_bh_hist", "reply_hist", "reply_bh_hist",
                "asa_hist"));
    }

    @Test
    void groupsThatCameWithTheirHistogramsAreNotReadAgainEvenWhenOneHasNone() {
        // As the daily rollups give them: a team with first responses, and what was credited to no team, with none.
        int bin = io.deskpulse.storage.DurationHistogram.binOf(60_000);
        Histogram responses = Histogram.ofPairs(new int[] {bin, 2});
        // A minute's bin stands for a duration within 1 % of it, rounded to the millisecond.
        double expected = Math.round(io.deskpulse.storage.DurationHistogram.representativeMillis(bin)) / 1000.0;
        repository.merged = List.of(
                new GroupTotals(new PageKey(LocalDate.parse("2026-11-02"), ""), ones(), Map.of(), true),
                new GroupTotals(new PageKey(LocalDate.parse("2026-11-02"), "t"), ones(),
                        Map.of("first_response_hist", responses), true));
        var report = service.report("t", state -> query(List.of(MetricCatalog.find("first_response_p50_s").orElseThrow())));
        assertThat(repository.histogramQueries).isEmpty();
        assertThat(report.rows()).extracting(row -> row.values().get(0)).containsExactly(null, expected);
        assertThat(expected).isCloseTo(60.0, org.assertj.core.data.Offset.offset(0.6));
    }

    private static Map<String, Long> ones() {
        Map<String, Long> sums = new HashMap<>();
        MetricCatalog.SUMMED_COLUMNS.forEach(c -> sums.put(c, 1L));
        return sums;
    }

    private void report(String... metrics) {
        List<Metric> list = Arrays.stream(metrics).map(m -> MetricCatalog.find(m).orElseThrow()).toList();
        service.report("t", state -> query(list));
    }

    private static KpiQuery query(List<Metric> metrics) {
        return new KpiQuery("t", 0, Dimension.TENANT, List.of(), null, null, LocalDate.parse("2026-11-02"),
                LocalDate.parse("2026-11-02"), Granularity.DAY, ZoneId.of("UTC"), false, metrics, 10, null);
    }

    /** A snapshot without a connection: the repository below never uses one. */
    private static final class NoDatabase extends ReportSnapshots {
        NoDatabase() {
            super(null, new DefaultLimits());
        }

        @Override
        public <T> T read(String tenant, java.util.function.Function<ReportSnapshot, T> work) {
            return work.apply(new ReportSnapshot(null, TenantReporting.DEFAULTS));
        }
    }

    /** One group with data, and a record of the histogram queries asked for; no database. */
    private static final class RecordingRepository extends KpiRepository {
        final List<List<String>> histogramQueries = new ArrayList<>();
        List<GroupTotals> merged;

        RecordingRepository() {
            super(new DefaultLimits(), new AggregateRowCache(new DefaultLimits(), java.time.Clock.systemUTC()));
        }

        @Override
        public List<GroupTotals> groups(ReportSnapshot snapshot, KpiQuery query, int limit) {
            return merged != null ? merged : List.of(new GroupTotals(new PageKey(query.from(), "t"), ones(), Map.of()));
        }

        @Override
        public Map<String, Map<PageKey, Histogram>> histograms(ReportSnapshot snapshot, KpiQuery query,
                                                               List<String> columns, List<PageKey> keys) {
            histogramQueries.add(List.copyOf(columns));
            return Map.of();
        }
    }
}
