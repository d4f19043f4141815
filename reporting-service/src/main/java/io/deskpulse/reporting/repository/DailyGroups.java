package io.deskpulse.reporting.repository;

import io.deskpulse.reporting.domain.kpi.ColumnSums;
import io.deskpulse.reporting.domain.kpi.GroupTotals;
import io.deskpulse.reporting.domain.kpi.Histogram;
import io.deskpulse.reporting.domain.kpi.HistogramSum;
import io.deskpulse.reporting.domain.kpi.MetricCatalog;
import io.deskpulse.reporting.domain.kpi.PageKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds daily rows up into report rows in Java — what the SQL {@code GROUP BY ... HAVING} does for hourly rows,
 * with the same answers: sums per (period, member), groups whose sums are all zero left out, ordered by period then
 * member in code-point order (PostgreSQL's COLLATE "C" on UTF-8), a page after the keyset {@code after}. Summing
 * bigints in SQL goes through numeric and cost most of a quarter's team-by-day report (docs/performance.md).
 */
final class DailyGroups {

    /** Period, then member by code point: '' (nothing credited) first. */
    static final Comparator<PageKey> ORDER = Comparator.comparing(PageKey::period)
            .thenComparing(PageKey::member, DailyGroups::compareCodePoints);

    private DailyGroups() {
    }

    /** Up to {@code limit} groups after {@code after} (null: from the first), each with every merged histogram. */
    static List<GroupTotals> page(List<DailyRows.Loaded> rows, PageKey after, int limit) {
        int width = MetricCatalog.SUMMED_COLUMNS.size();
        Map<PageKey, long[]> sums = new HashMap<>();
        Map<PageKey, HistogramSum[]> histograms = new HashMap<>();
        for (DailyRows.Loaded loaded : rows) {
            if (after != null && ORDER.compare(loaded.key(), after) <= 0) {
                continue;
            }
            long[] total = sums.computeIfAbsent(loaded.key(), k -> new long[width]);
            long[] values = loaded.row().sums();
            for (int i = 0; i < width; i++) {
                total[i] += values[i];
            }
            Histogram[] stored = loaded.row().histograms();
            HistogramSum[] merged = histograms.computeIfAbsent(loaded.key(), k -> new HistogramSum[stored.length]);
            for (int i = 0; i < stored.length; i++) {
                if (!stored[i].isEmpty()) {
                    if (merged[i] == null) {
                        merged[i] = new HistogramSum();
                    }
                    merged[i].add(stored[i]);
                }
            }
        }
        List<PageKey> keys = new ArrayList<>();
        sums.forEach((key, total) -> {
            if (hasData(total)) {
                keys.add(key);
            }
        });
        keys.sort(ORDER);
        List<GroupTotals> page = new ArrayList<>(Math.min(limit, keys.size()));
        for (PageKey key : keys.subList(0, Math.min(limit, keys.size()))) {
            page.add(new GroupTotals(key, sumsByColumn(sums.get(key)), histogramsByColumn(histograms.get(key)), true));
        }
        return page;
    }

    private static boolean hasData(long[] total) {
        for (long value : total) {
            if (value != 0) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Long> sumsByColumn(long[] total) {
        return ColumnSums.of(total);
    }

    private static Map<String, Histogram> histogramsByColumn(HistogramSum[] merged) {
        Map<String, Histogram> histograms = new HashMap<>();
        for (int i = 0; i < merged.length; i++) {
            if (merged[i] != null) {
                String column = MetricCatalog.HISTOGRAM_COLUMNS.get(i);
                merged[i].histogram().ifPresent(h -> histograms.put(column, h));
            }
        }
        return histograms;
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
