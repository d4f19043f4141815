package io.deskpulse.reporting.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskpulse.reporting.config.ReportingConfig;
import io.deskpulse.reporting.domain.kpi.Histogram;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AggregateRowCacheTest {

    private static final AggregateRowCache.RowKey ROW = new AggregateRowCache.RowKey("kpi_team_daily", "acme", 0, "2026-11-02\u001ft-1");
    private static final Histogram[] HISTOGRAMS = {Histogram.ofPairs(new int[] {3, 1}), Histogram.EMPTY,
            Histogram.ofPairs(new int[] {7, 2, 9, 1}), Histogram.EMPTY, Histogram.EMPTY};

    private static AggregateRowCache.Row row(long version, Histogram... histograms) {
        return new AggregateRowCache.Row(version, new long[] {1, 2, 3}, histograms);
    }

    private final MutableClock clock = new MutableClock();

    @Test
    void anEntryIsOnlyGivenForTheRowVersionItWasReadAt() {
        AggregateRowCache cache = new AggregateRowCache(config(1, Duration.ofHours(1)), clock);
        cache.put(ROW, row(41, HISTOGRAMS));
        assertThat(cache.get(ROW, 41).histograms()).isSameAs(HISTOGRAMS);
        assertThat(cache.get(ROW, 42)).isNull();
        // a changed row's old entry is gone, not kept beside the new one
        assertThat(cache.get(ROW, 41)).isNull();
        assertThat(cache.sizeBytes()).isZero();
    }

    @Test
    void theLeastRecentlyUsedGoFirstWhenFull() {
        AggregateRowCache cache = new AggregateRowCache(config(1, Duration.ofHours(1)), clock);
        // 30,000 bins: about 360 kB each
        Histogram big0 = new Histogram(java.util.stream.IntStream.range(0, 30_000).toArray(), new long[30_000]);
        Histogram[] big = {big0, Histogram.EMPTY, Histogram.EMPTY, Histogram.EMPTY, Histogram.EMPTY};
        AggregateRowCache.RowKey a = new AggregateRowCache.RowKey("kpi_daily", "acme", 0, "a");
        AggregateRowCache.RowKey b = new AggregateRowCache.RowKey("kpi_daily", "acme", 0, "b");
        AggregateRowCache.RowKey c = new AggregateRowCache.RowKey("kpi_daily", "acme", 0, "c");
        cache.put(a, row(1, big));
        cache.put(b, row(1, big));
        assertThat(cache.get(a, 1)).isNotNull(); // a is now the most recently used
        cache.put(c, row(1, big));
        assertThat(cache.get(b, 1)).isNull();
        assertThat(cache.get(a, 1)).isNotNull();
        assertThat(cache.get(c, 1)).isNotNull();
        assertThat(cache.sizeBytes()).isLessThanOrEqualTo(1024 * 1024);
    }

    @Test
    void anOldEntryIsReadAgainEvenIfItsVersionMatches() {
        AggregateRowCache cache = new AggregateRowCache(config(1, Duration.ofMinutes(60)), clock);
        cache.put(ROW, row(7, HISTOGRAMS));
        clock.advance(Duration.ofMinutes(61));
        assertThat(cache.get(ROW, 7)).isNull();
    }

    @Test
    void sizeZeroSwitchesItOff() {
        AggregateRowCache cache = new AggregateRowCache(config(0, Duration.ofHours(1)), clock);
        assertThat(cache.enabled()).isFalse();
        cache.put(ROW, row(1, HISTOGRAMS));
        assertThat(cache.get(ROW, 1)).isNull();
    }

    @Test
    void histogramTextIsParsedWithoutBoxing() {
        assertThat(HistogramText.parse("{3,1,712,-2}")).containsExactly(3, 1, 712, -2);
        assertThat(HistogramText.parse("{}")).isEmpty();
        assertThat(HistogramText.parse(null)).isEmpty();
        assertThatThrownBy(() -> HistogramText.parse("{1,x}")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void mergedHistogramsShareTheRowsBudgetAndAge() {
        AggregateRowCache cache = new AggregateRowCache(config(1, Duration.ofMinutes(60)), clock);
        AggregateRowCache.MergedKey key = new AggregateRowCache.MergedKey("kpi_daily\u001eacme\u001e0\u001da\u001e1\u001db\u001e2");
        AggregateRowCache.Merged merged = new AggregateRowCache.Merged(java.util.Map.of("handle_hist", HISTOGRAMS[2]));
        cache.putMerged(key, merged);
        assertThat(cache.getMerged(key)).isSameAs(merged);
        assertThat(cache.getMerged(new AggregateRowCache.MergedKey(key.rows() + "x"))).isNull();
        assertThat(cache.sizeBytes()).isPositive();
        // rows that fill the budget push the merged histograms out, least recently used first
        Histogram big0 = new Histogram(java.util.stream.IntStream.range(0, 30_000).toArray(), new long[30_000]);
        Histogram[] big = {big0, Histogram.EMPTY, Histogram.EMPTY, Histogram.EMPTY, Histogram.EMPTY};
        for (int i = 0; i < 3; i++) {
            cache.put(new AggregateRowCache.RowKey("kpi_daily", "acme", 0, "r" + i), row(1, big));
        }
        assertThat(cache.getMerged(key)).isNull();
        assertThat(cache.sizeBytes()).isLessThanOrEqualTo(1024 * 1024);
        cache.putMerged(key, merged);
        clock.advance(Duration.ofMinutes(61));
        assertThat(cache.getMerged(key)).isNull();
    }

    static ReportingConfig config(int mb, Duration maxAge) {
        ReportingConfig.RowCache cache = new ReportingConfig.RowCache() {
            public int maxSizeMb() {
                return mb;
            }

            public Duration maxAge() {
                return maxAge;
            }
        };
        return (ReportingConfig) java.lang.reflect.Proxy.newProxyInstance(ReportingConfig.class.getClassLoader(),
                new Class<?>[] {ReportingConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("rowCache")) {
                        return cache;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-30T10:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    }
}
