package io.deskpulse.reporting.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskpulse.reporting.config.ReportingConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HistogramCacheTest {

    private static final HistogramCache.RowKey ROW = new HistogramCache.RowKey("kpi_team_daily", "acme", 0, "2026-11-02\u001ft-1");
    private static final int[][] HISTOGRAMS = {{3, 1}, {}, {7, 2, 9, 1}, {}, {}};

    private final MutableClock clock = new MutableClock();

    @Test
    void anEntryIsOnlyGivenForTheRowVersionItWasReadAt() {
        HistogramCache cache = new HistogramCache(config(1, Duration.ofHours(1)), clock);
        cache.put(ROW, 41, HISTOGRAMS);
        assertThat(cache.get(ROW, 41)).isSameAs(HISTOGRAMS);
        assertThat(cache.get(ROW, 42)).isNull();
        // a changed row's old entry is gone, not kept beside the new one
        assertThat(cache.get(ROW, 41)).isNull();
        assertThat(cache.sizeBytes()).isZero();
    }

    @Test
    void theLeastRecentlyUsedGoFirstWhenFull() {
        HistogramCache cache = new HistogramCache(config(1, Duration.ofHours(1)), clock);
        int[][] big = {new int[100_000], new int[0], new int[0], new int[0], new int[0]}; // about 400 kB each
        HistogramCache.RowKey a = new HistogramCache.RowKey("kpi_daily", "acme", 0, "a");
        HistogramCache.RowKey b = new HistogramCache.RowKey("kpi_daily", "acme", 0, "b");
        HistogramCache.RowKey c = new HistogramCache.RowKey("kpi_daily", "acme", 0, "c");
        cache.put(a, 1, big);
        cache.put(b, 1, big);
        assertThat(cache.get(a, 1)).isNotNull(); // a is now the most recently used
        cache.put(c, 1, big);
        assertThat(cache.get(b, 1)).isNull();
        assertThat(cache.get(a, 1)).isNotNull();
        assertThat(cache.get(c, 1)).isNotNull();
        assertThat(cache.sizeBytes()).isLessThanOrEqualTo(1024 * 1024);
    }

    @Test
    void anOldEntryIsReadAgainEvenIfItsVersionMatches() {
        HistogramCache cache = new HistogramCache(config(1, Duration.ofMinutes(60)), clock);
        cache.put(ROW, 7, HISTOGRAMS);
        clock.advance(Duration.ofMinutes(61));
        assertThat(cache.get(ROW, 7)).isNull();
    }

    @Test
    void sizeZeroSwitchesItOff() {
        HistogramCache cache = new HistogramCache(config(0, Duration.ofHours(1)), clock);
        assertThat(cache.enabled()).isFalse();
        cache.put(ROW, 1, HISTOGRAMS);
        assertThat(cache.get(ROW, 1)).isNull();
    }

    @Test
    void histogramTextIsParsedWithoutBoxing() {
        assertThat(HistogramText.parse("{3,1,712,-2}")).containsExactly(3, 1, 712, -2);
        assertThat(HistogramText.parse("{}")).isEmpty();
        assertThat(HistogramText.parse(null)).isEmpty();
        assertThatThrownBy(() -> HistogramText.parse("{1,x}")).isInstanceOf(IllegalStateException.class);
    }

    private static ReportingConfig config(int mb, Duration maxAge) {
        ReportingConfig.HistogramCache cache = new ReportingConfig.HistogramCache() {
            public int maxSizeMb() {
                return mb;
            }

            public Duration maxAge() {
                return maxAge;
            }
        };
        return (ReportingConfig) java.lang.reflect.Proxy.newProxyInstance(ReportingConfig.class.getClassLoader(),
                new Class<?>[] {ReportingConfig.class}, (proxy, method, args) -> {
                    if (method.getName().equals("histogramCache")) {
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
