package io.deskpulse.reporting.repository;

import io.deskpulse.storage.CodePointOrder;
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
import java.util.function.Predicate;

/**
 * Adds daily rows up into report rows in Java — what the SQL {@code GROUP BY ... HAVING} does for hourly rows,
 * with the same answers: sums per (period, member), groups whose sums are all zero left out, ordered by period then
 * member in code-point order (PostgreSQL's COLLATE "C" on UTF-8), a page after the keyset {@code after}. Summing
 * bigints in SQL goes through numeric and cost most of a quarter's team-by-day report (docs/performance.md).
 *
 * <p>The rows arrive in that order ({@link DailyRows#stream}), so one group is open at a time and the page is done
 * at its {@code limit}-th group with data: a report holds its page, not its range (a ten-year report of a large
 * tenant held every daily row of the ten years before).
 */
final class DailyGroups implements Predicate<DailyRows.Loaded> {

    /** Period, then member by code point: '' (nothing credited) first. */
    static final Comparator<PageKey> ORDER = Comparator.comparing(PageKey::period)
            .thenComparing(PageKey::member, CodePointOrder.COMPARATOR);

    private static final int WIDTH = MetricCatalog.SUMMED_COLUMNS.size();

    private final PageKey after;
    private final int limit;
    private final List<GroupTotals> page = new ArrayList<>();
    private PageKey open;
    private long[] sums;
    private HistogramSum[] histograms;

    /** A page of up to {@code limit} groups after {@code after} (null: from the first). */
    DailyGroups(PageKey after, int limit) {
        this.after = after;
        this.limit = limit;
    }

    /** Adds the next row (in ORDER); false once the page is complete and no further row can change it. */
    @Override
    public boolean test(DailyRows.Loaded loaded) {
        PageKey key = loaded.key();
        if (after != null && ORDER.compare(key, after) <= 0) {
            return true;
        }
        if (!key.equals(open)) {
            if (open != null && ORDER.compare(key, open) < 0) {
                throw new IllegalStateException("daily rows out of order: " + key + " after " + open);
            }
            close();
            if (page.size() >= limit) {
                return false;
            }
            open = key;
            sums = new long[WIDTH];
            histograms = new HistogramSum[MetricCatalog.HISTOGRAM_COLUMNS.size()];
        }
        long[] values = loaded.row().sums();
        for (int i = 0; i < WIDTH; i++) {
            sums[i] += values[i];
        }
        Histogram[] stored = loaded.row().histograms();
        for (int i = 0; i < stored.length; i++) {
            if (!stored[i].isEmpty()) {
                if (histograms[i] == null) {
                    histograms[i] = new HistogramSum();
                }
                histograms[i].add(stored[i]);
            }
        }
        return true;
    }

    /** The page: every group added, the last one included. */
    List<GroupTotals> page() {
        close();
        return page;
    }

    private void close() {
        if (open != null && hasData(sums) && page.size() < limit) {
            page.add(new GroupTotals(open, ColumnSums.of(sums), histogramsByColumn(histograms), true));
        }
        open = null;
    }

    private static boolean hasData(long[] total) {
        for (long value : total) {
            if (value != 0) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Histogram> histogramsByColumn(HistogramSum[] merged) {
        Map<String, Histogram> byColumn = new HashMap<>();
        for (int i = 0; i < merged.length; i++) {
            if (merged[i] != null) {
                String column = MetricCatalog.HISTOGRAM_COLUMNS.get(i);
                merged[i].histogram().ifPresent(h -> byColumn.put(column, h));
            }
        }
        return byColumn;
    }
}
