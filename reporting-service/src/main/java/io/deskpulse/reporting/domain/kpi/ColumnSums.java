package io.deskpulse.reporting.domain.kpi;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A group's sums of {@link MetricCatalog#SUMMED_COLUMNS}, as a read-only map over an array in that order: a
 * quarter's team-by-day report has hundreds of groups, and a hash map of forty boxed sums for each had cost more
 * than adding them up.
 */
public final class ColumnSums extends AbstractMap<String, Long> {

    private static final List<String> COLUMNS = MetricCatalog.SUMMED_COLUMNS;
    private static final Map<String, Integer> INDEX = new HashMap<>();

    static {
        for (int i = 0; i < COLUMNS.size(); i++) {
            INDEX.put(COLUMNS.get(i), i);
        }
    }

    private final long[] values;

    private ColumnSums(long[] values) {
        this.values = values;
    }

    /** The sums in {@link MetricCatalog#SUMMED_COLUMNS} order; the array is the caller's no more. */
    public static ColumnSums of(long[] values) {
        if (values.length != COLUMNS.size()) {
            throw new IllegalArgumentException(values.length + " sums for " + COLUMNS.size() + " columns");
        }
        return new ColumnSums(values);
    }

    /** The sum of {@code column}, unboxed; IllegalArgumentException for a column that is not summed. */
    long value(String column) {
        Integer i = INDEX.get(column);
        if (i == null) {
            throw new IllegalArgumentException("column " + column + " was not summed");
        }
        return values[i];
    }

    @Override
    public Long get(Object column) {
        Integer i = INDEX.get(column);
        return i == null ? null : values[i];
    }

    @Override
    public boolean containsKey(Object column) {
        return INDEX.containsKey(column);
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Set<Entry<String, Long>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Long>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Long> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(COLUMNS.get(i), values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}
