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
 * <p>Bounded by size (least recently used first out) and by age, so that a transaction id reused after
 * wraparound can never match an entry.
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

    private record Entry(Row row, long loadedAtMillis) {
    }

    private final long maxBytes;
    private final long maxAgeMillis;
    private final Clock clock;
    private final LinkedHashMap<RowKey, Entry> entries = new LinkedHashMap<>(1024, 0.75f, true);
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
        if (!enabled()) {
            return;
        }
        remove(key);
        entries.put(key, new Entry(row, clock.millis()));
        bytes += row.bytes();
        Iterator<Map.Entry<RowKey, Entry>> oldest = entries.entrySet().iterator();
        while (bytes > maxBytes && oldest.hasNext()) {
            bytes -= oldest.next().getValue().row().bytes();
            oldest.remove();
        }
    }

    public synchronized long sizeBytes() {
        return bytes;
    }

    private void remove(RowKey key) {
        Entry old = entries.remove(key);
        if (old != null) {
            bytes -= old.row().bytes();
        }
    }
}
