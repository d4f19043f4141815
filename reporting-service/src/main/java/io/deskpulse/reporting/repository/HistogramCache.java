package io.deskpulse.reporting.repository;

import io.deskpulse.reporting.config.ReportingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The stored histograms of daily aggregate rows, as last read, with the row version ({@code xmin}) they were read
 * at. A quarter's team-by-day report needs tens of thousands of histogram bins from rows that mostly have not
 * changed since the last report; the report asks each row's version (cheap) and reads histograms only of rows that
 * changed (docs/performance.md). A row version identifies its content: any update of the row gives it a new one.
 *
 * <p>Bounded by size (least recently used first out) and by age, so that a transaction id reused after
 * wraparound can never match an entry.
 */
@ApplicationScoped
public class HistogramCache {

    /** A row of an aggregate table: the table, tenant, generation and the row's own key columns. */
    public record RowKey(String table, String tenant, int generation, String row) {
    }

    /** One row's five histograms ({@code int[]} of (bin, count) pairs each) at a row version. */
    public record Entry(long version, int[][] histograms, long loadedAtMillis) {
        long bytes() {
            long bytes = 96;
            for (int[] pairs : histograms) {
                bytes += 16 + 4L * pairs.length;
            }
            return bytes;
        }
    }

    private final long maxBytes;
    private final long maxAgeMillis;
    private final Clock clock;
    private final LinkedHashMap<RowKey, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true);
    private long bytes;

    public HistogramCache(ReportingConfig config, Clock clock) {
        this.maxBytes = config.histogramCache().maxSizeMb() * 1024L * 1024L;
        this.maxAgeMillis = config.histogramCache().maxAge().toMillis();
        this.clock = clock;
    }

    public boolean enabled() {
        return maxBytes > 0;
    }

    /** The histograms of the row at this version, or null when not cached (or cached at another version). */
    public synchronized int[][] get(RowKey key, long version) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (entry.version() != version || clock.millis() - entry.loadedAtMillis() > maxAgeMillis) {
            remove(key);
            return null;
        }
        return entry.histograms();
    }

    public synchronized void put(RowKey key, long version, int[][] histograms) {
        if (!enabled()) {
            return;
        }
        remove(key);
        Entry entry = new Entry(version, histograms, clock.millis());
        entries.put(key, entry);
        bytes += entry.bytes();
        Iterator<Map.Entry<RowKey, Entry>> oldest = entries.entrySet().iterator();
        while (bytes > maxBytes && oldest.hasNext()) {
            bytes -= oldest.next().getValue().bytes();
            oldest.remove();
        }
    }

    public synchronized long sizeBytes() {
        return bytes;
    }

    private void remove(RowKey key) {
        Entry old = entries.remove(key);
        if (old != null) {
            bytes -= old.bytes();
        }
    }
}
