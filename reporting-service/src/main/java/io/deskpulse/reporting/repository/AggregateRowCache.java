package io.deskpulse.reporting.repository;

import io.deskpulse.reporting.config.ReportingConfig;
import io.deskpulse.reporting.domain.kpi.Histogram;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Daily aggregate rows as last read — their sums and histograms — with the row version ({@code xmin}) they were
 * read at. A quarter's team-by-day report reads hundreds of rows that mostly have not changed since the last
 * report: it asks each row's version (cheap) and reads again only the rows that changed, then adds them up itself
 * (docs/performance.md). A row version identifies its content: every update of the row gives it a new one.
 *
 * <p>It also keeps the merged histograms of report rows added up from several daily rows (an agent's day: a row per
 * channel and queue), keyed by those rows' keys and versions ({@link MergedKey}): a month of one team's agents by
 * day merged about 2,300 rows' histograms into 400 at every request, and computed the percentiles of each merged
 * histogram again. Unchanged rows give the same key, so the same merged histograms with the percentiles they already
 * computed; a changed row gives another key, and the old entry ages out.
 *
 * <p>Bounded by size (least recently used first out, rows and merged histograms together) and by age, so that a
 * transaction id reused after wraparound can never match an entry.
 */
@ApplicationScoped
public class AggregateRowCache {

    /** A row of an aggregate table: the table, tenant, generation and the row's own key columns. */
    public record RowKey(String table, String tenant, int generation, String row) {
    }

    /** One row at a version: its sums (in {@code MetricCatalog.SUMMED_COLUMNS} order) and its five histograms. */
    public record Row(long version, long[] sums, Histogram[] histograms) {
        long bytes() {
            long bytes = 160 + 8L * sums.length;
            for (Histogram histogram : histograms) {
                bytes += 80 + 12L * histogram.bins().length;
            }
            return bytes;
        }
    }

    /**
     * The daily rows behind one report row: the table, tenant and generation, then each row's key and version, sorted
     * by key (the database hands a group's rows in no particular order).
     */
    public record MergedKey(String rows) {
    }

    /** Merged histograms by column, of the rows a {@link MergedKey} names; only the columns that hold values. */
    public record Merged(Map<String, Histogram> histograms) {
        long bytes() {
            long bytes = 160;
            for (Histogram histogram : histograms.values()) {
                bytes += 120 + 12L * histogram.bins().length;
            }
            return bytes;
        }
    }

    private record Entry(Row row, Merged merged, long bytes, long loadedAtMillis) {
    }

    private final long maxBytes;
    private final long maxAgeMillis;
    private final Clock clock;
    private final LinkedHashMap<Object, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true);
    private long bytes;

    public AggregateRowCache(ReportingConfig config, Clock clock) {
        this.maxBytes = config.rowCache().maxSizeMb() * 1024L * 1024L;
        this.maxAgeMillis = config.rowCache().maxAge().toMillis();
        this.clock = clock;
    }

    public boolean enabled() {
        return maxBytes > 0;
    }

    /** The row at this version, or null when not cached (or cached at another version, or too long ago). */
    public synchronized Row get(RowKey key, long version) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (entry.row().version() != version || clock.millis() - entry.loadedAtMillis() > maxAgeMillis) {
            remove(key);
            return null;
        }
        return entry.row();
    }

    public synchronized void put(RowKey key, Row row) {
        add(key, new Entry(row, null, row.bytes(), clock.millis()));
    }

    /** The merged histograms of these rows at these versions, or null when not cached (or cached too long ago). */
    public synchronized Merged getMerged(MergedKey key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (clock.millis() - entry.loadedAtMillis() > maxAgeMillis) {
            remove(key);
            return null;
        }
        return entry.merged();
    }

    public synchronized void putMerged(MergedKey key, Merged merged) {
        add(key, new Entry(null, merged, merged.bytes() + 2L * key.rows().length(), clock.millis()));
    }

    private void add(Object key, Entry entry) {
        if (!enabled()) {
            return;
        }
        remove(key);
        entries.put(key, entry);
        bytes += entry.bytes();
        Iterator<Map.Entry<Object, Entry>> oldest = entries.entrySet().iterator();
        while (bytes > maxBytes && oldest.hasNext()) {
            bytes -= oldest.next().getValue().bytes();
            oldest.remove();
        }
    }

    public synchronized long sizeBytes() {
        return bytes;
    }

    private void remove(Object key) {
        Entry old = entries.remove(key);
        if (old != null) {
            bytes -= old.bytes();
        }
    }
}
