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
 *
 * <p>A group of several rows takes its merged histograms from the {@link AggregateRowCache} when the same rows at the
 * same versions were merged before ({@link AggregateRowCache.MergedKey}); a group of one row uses the row's own.
 */
final class DailyGroups implements Predicate<DailyRows.Loaded> {

    /** Period, then member by code point: '' (nothing credited) first. */
    static final Comparator<PageKey> ORDER = Comparator.comparing(PageKey::period)
            .thenComparing(PageKey::member, CodePointOrder.COMPARATOR);

    private static final int WIDTH = MetricCatalog.SUMMED_COLUMNS.size();

    private static final Comparator<DailyRows.Loaded> BY_ROW_KEY = Comparator.comparing(DailyRows.Loaded::rowKey,
            Comparator.nullsFirst(Comparator.naturalOrder()));

    private final PageKey after;
    private final int limit;
    private final AggregateRowCache cache;
    private final String rowsOf;
    private final List<GroupTotals> page = new ArrayList<>();
    private final List<DailyRows.Loaded> rows = new ArrayList<>();
    private PageKey open;
    private long[] sums;

    /** A page of up to {@code limit} groups after {@code after} (null: from the first), without merged histograms cached. */
    DailyGroups(PageKey after, int limit) {
        this(after, limit, null, null);
    }

    /**
     * The same, with the merged histograms of groups of several rows kept in {@code cache}; {@code rowsOf} names the
     * table, tenant and generation the rows come from.
     */
    DailyGroups(PageKey after, int limit, AggregateRowCache cache, String rowsOf) {
        this.after = after;
        this.limit = limit;
        this.cache = cache;
        this.rowsOf = rowsOf;
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
        }
        long[] values = loaded.row().sums();
        for (int i = 0; i < WIDTH; i++) {
            sums[i] += values[i];
        }
        rows.add(loaded);
        return true;
    }

    /** The page: every group added, the last one included. */
    List<GroupTotals> page() {
        close();
        return page;
    }

    private void close() {
        if (open != null && hasData(sums) && page.size() < limit) {
            page.add(new GroupTotals(open, ColumnSums.of(sums), mergedHistograms(), true));
        }
        open = null;
        rows.clear();
    }

    /** The open group's histograms by column: its row's own, else merged (or as merged before, from the cache). */
    private Map<String, Histogram> mergedHistograms() {
        AggregateRowCache.MergedKey key = rows.size() > 1 && cache != null ? mergedKey() : null;
        if (key != null) {
            AggregateRowCache.Merged merged = cache.getMerged(key);
            if (merged != null) {
                return merged.histograms();
            }
        }
        HistogramSum[] histograms = new HistogramSum[MetricCatalog.HISTOGRAM_COLUMNS.size()];
        for (DailyRows.Loaded loaded : rows) {
            Histogram[] stored = loaded.row().histograms();
            for (int i = 0; i < stored.length; i++) {
                if (!stored[i].isEmpty()) {
                    if (histograms[i] == null) {
                        histograms[i] = new HistogramSum();
                    }
                    histograms[i].add(stored[i]);
                }
            }
        }
        Map<String, Histogram> byColumn = histogramsByColumn(histograms);
        if (key != null) {
            cache.putMerged(key, new AggregateRowCache.Merged(byColumn));
        }
        return byColumn;
    }

    /** The open group's rows and versions, sorted by row key; null when a row's key is not known. */
    private AggregateRowCache.MergedKey mergedKey() {
        rows.sort(BY_ROW_KEY);
        StringBuilder key = new StringBuilder(rowsOf.length() + 64 * rows.size()).append(rowsOf);
        for (DailyRows.Loaded loaded : rows) {
            if (loaded.rowKey() == null) {
                return null;
            }
            key.append('\u001d').append(loaded.rowKey()).append('\u001e').append(loaded.row().version());
        }
        return new AggregateRowCache.MergedKey(key.toString());
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
        return Map.copyOf(byColumn);
    }
}
